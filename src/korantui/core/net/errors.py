"""What a fetch raises when it has no usable body."""

from __future__ import annotations

from korantui.core.net.zones import AddressRefused


class FetchError(Exception):
    """A request without a usable body. kind is a short machine word; str() is for users."""

    def __init__(
        self, kind: str, message: str, url: str = "", status: int = 0, detail: str = ""
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.url = url
        self.status = status
        self.detail = detail  # for kind "content_type": what the document is ("audio")
        self.headers: dict[str, str] = {}  # an HTTP error's response headers (lower-case names)


class FetchRefused(FetchError):
    """An address more private than the request may reach: refused before any connection.
    zone is where it points, allowed what the request carried."""

    def __init__(self, refused: AddressRefused, url: str) -> None:
        super().__init__("address", str(refused), url)
        self.zone = refused.zone
        self.allowed = refused.allowed
