"""How private an address is: the zone of a host, a URL, a resolved IP.

What korantui fetches on its own (prefetch, sync, an article's further pages, its canonical
address, redirects) may not lead to an address more private than where it started: a feed on the
public internet must not make the reader's machine send requests to their router, to a service
on their own computer, or to a cloud metadata endpoint. Zones are ordered from public to most
private, and a fetch carries the most private zone it may reach.

Literal addresses in every spelling (`0x7f000001`, `2130706433`, `127.1`, `[::ffff:127.0.0.1]`)
and names that say their zone (`localhost`, `metadata.google.internal`, `router.local`) are
judged without the network; other names by every address they resolve to.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable
from enum import IntEnum
from urllib.parse import urlsplit

from korantui.core.regex_cache import compiled

IP = ipaddress.IPv4Address | ipaddress.IPv6Address
# (host, port) -> the IP addresses it resolves to, as text. A test gives one that answers
# loopback without asking DNS.
Resolver = Callable[[str, int], Awaitable[list[str]]]


class Zone(IntEnum):
    """From least to most private: a fetch allowed up to a zone may go to any zone below it."""

    PUBLIC = 0
    PRIVATE = 1  # the local network: 10/8, 192.168/16, fd00::/8, router.local, single labels
    LOOPBACK = 2  # this computer: 127/8, ::1, localhost, 0.0.0.0
    SPECIAL = 3  # link-local (cloud metadata at 169.254.169.254), multicast, reserved

    @property
    def words(self) -> str:
        return _WORDS[self]


_WORDS = {
    Zone.PUBLIC: "the public internet",
    Zone.PRIVATE: "the local network",
    Zone.LOOPBACK: "this computer",
    Zone.SPECIAL: "a link-local or cloud-metadata address",
}

# Names of cloud metadata services: they answer on link-local addresses.
_METADATA_NAMES = frozenset(
    {"metadata", "metadata.google.internal", "instance-data", "instance-data.ec2.internal"}
)
# Suffixes that only a local resolver answers (RFC 6762, RFC 8375 and common home routers).
_LOCAL_SUFFIXES = (".local", ".lan", ".home", ".home.arpa", ".internal", ".intranet", ".corp")
# The legacy IPv4 spellings inet_aton accepts: 1 to 4 parts, each decimal, octal or hex.
_LEGACY_V4 = compiled(r"^(?:0x[0-9a-f]*|[0-9]+)(?:\.(?:0x[0-9a-f]*|[0-9]+)){0,3}$")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_THIS_HOST = ipaddress.IPv4Network("0.0.0.0/8")  # Linux connects 0.0.0.0 to the machine itself
_AWS_METADATA_V6 = ipaddress.IPv6Address("fd00:ec2::254")


def parse_ip(host: str) -> IP | None:
    """host as an IP address, in any spelling a resolver would accept; None for a name."""
    text = host.strip().strip("[]").rstrip(".").lower()
    if "%" in text:  # an IPv6 zone id ("fe80::1%eth0") says nothing about the zone
        text = text.split("%", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        pass
    if _LEGACY_V4.match(text):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(text))
        except OSError:
            return None
    return None


def ip_zone(ip: IP) -> Zone:
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return ip_zone(embedded)
        if ip == _AWS_METADATA_V6:
            return Zone.SPECIAL
    if ip.is_loopback or ip.is_unspecified or ip in _THIS_HOST:
        return Zone.LOOPBACK
    if ip.is_link_local or ip.is_multicast or ip.is_reserved:
        return Zone.SPECIAL
    if not ip.is_global:
        return Zone.PRIVATE
    return Zone.PUBLIC


def host_zone(host: str) -> Zone | None:
    """The zone of a literal address or of a name that says its own; None when only the
    addresses the name resolves to can tell (no network is used here)."""
    ip = parse_ip(host)
    if ip is not None:
        return ip_zone(ip)
    name = host.strip().rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return Zone.LOOPBACK
    if name in _METADATA_NAMES:
        return Zone.SPECIAL
    if "." not in name or name.endswith(_LOCAL_SUFFIXES):
        return Zone.PRIVATE
    return None


def literal_zone(url: str) -> Zone | None:
    """host_zone of url's host; what is judged of a request that goes through a proxy."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return host_zone(host) if host else None


async def system_resolver(host: str, port: int) -> list[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    found: list[str] = []
    for *_, sockaddr in infos:
        address = str(sockaddr[0])
        if address not in found:
            found.append(address)
    return found


class AddressRefused(Exception):
    """A connection that would go somewhere more private than allowed; nothing was sent."""

    def __init__(self, host: str, zone: Zone, allowed: Zone, address: str = "") -> None:
        where = f"{host} ({address})" if address and address != host else host
        super().__init__(
            f"not fetched: {where} is on {zone.words}, and this link came from "
            f"{allowed.words} (open it yourself to go there)"
        )
        self.host = host
        self.zone = zone
        self.allowed = allowed


async def allowed_addresses(
    host: str, port: int, allowed: Zone, resolver: Resolver = system_resolver
) -> list[str]:
    """The addresses to connect to for host, every one of them within allowed; AddressRefused
    when the host or any address it resolves to is more private (a name that answers both a
    public and a private address is refused: that is how rebinding tricks look)."""
    zone = host_zone(host)
    if zone is not None and zone > allowed:
        raise AddressRefused(host, zone, allowed)
    ip = parse_ip(host)
    if ip is not None:
        return [str(ip)]
    addresses = await resolver(host, port)
    for address in addresses:
        parsed = parse_ip(address)
        found = ip_zone(parsed) if parsed is not None else Zone.SPECIAL
        if found > allowed:
            raise AddressRefused(host, found, allowed, address)
    return addresses


async def url_zone(url: str, resolver: Resolver = system_resolver) -> Zone:
    """The most private zone url's host is in: by its literal or name, else by every address it
    resolves to. A name that does not resolve counts as public (nothing can be reached there)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return Zone.PUBLIC  # no address to reach: the strictest reading for what follows
    zone = host_zone(host)
    if zone is not None and (zone >= Zone.LOOPBACK or parse_ip(host) is not None):
        return zone  # a literal, or a name no lookup could make more private
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses = await resolver(host, port)
    except (OSError, ValueError, UnicodeError):
        return zone if zone is not None else Zone.PUBLIC
    zones = [zone if zone is not None else Zone.PUBLIC]
    for address in addresses:
        parsed = parse_ip(address)
        zones.append(ip_zone(parsed) if parsed is not None else Zone.SPECIAL)
    return max(zones)
