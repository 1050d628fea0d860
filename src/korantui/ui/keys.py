"""Every key of the app: the bindings with their ids, what each does in both languages, and the
help table built from the bindings actually in force (so a rebinding in config shows in `?`).

A binding id is also the action name users write in config `[keys]`: refresh = "ctrl+r".
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingsMap

from korantui.ui.textual_compat import keymap as current_keymap
from korantui.ui.textual_compat import node_bindings, replace_bindings

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode

# id: (English, Indonesian)
DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "cursor": ("Move in the list", "Pindah di daftar"),
    "first_last": ("First / last in the list", "Pertama / terakhir di daftar"),
    "open": ("Open the feed or the article", "Buka sumber atau artikel"),
    "story": (
        "Show / fold the outlets of a story [+N]",
        "Tampilkan / lipat media lain satu berita [+N]",
    ),
    "next_pane": ("Next pane", "Panel berikutnya"),
    "previous_pane": ("Previous pane", "Panel sebelumnya"),
    "scroll_down": ("Scroll the article down", "Gulir artikel ke bawah"),
    "scroll_up": ("Scroll the article up", "Gulir artikel ke atas"),
    "back": ("Back (close the article or the search)", "Kembali (tutup artikel atau pencarian)"),
    "refresh": ("Refresh the selected feed", "Muat ulang sumber terpilih"),
    "refresh_all": ("Refresh all feeds", "Muat ulang semua sumber"),
    "toggle_read": ("Mark read / unread", "Tandai sudah / belum dibaca"),
    "mark_all_read": ("Mark the feed (or all news) read", "Tandai sumber (atau semua) dibaca"),
    "next_unread": ("Next unread article", "Artikel belum dibaca berikutnya"),
    "previous_unread": ("Previous unread article", "Artikel belum dibaca sebelumnya"),
    "hide_read": ("Hide / show read headlines", "Sembunyikan / tampilkan yang sudah dibaca"),
    "star": ("Star / unstar", "Beri / hapus bintang"),
    "search": ("Search stored news", "Cari berita tersimpan"),
    "links": ("Links of the article", "Tautan di artikel"),
    "toggle_summary": (
        "Full text / feed summary",
        "Teks lengkap / ringkasan feed",
    ),
    "reextract": (
        "Fetch and extract the article again",
        "Ambil dan ekstrak ulang artikel",
    ),
    "open_browser": ("Open the article in the browser", "Buka artikel di peramban"),
    "copy_link": ("Copy the article's address", "Salin alamat artikel"),
    "add_feed": ("Add a site", "Tambah situs"),
    "delete_feed": ("Delete the selected feed", "Hapus sumber terpilih"),
    "edit_feed": ("Edit the selected feed", "Ubah sumber terpilih"),
    "layout": (
        "Layout: three panes / the list, then the article",
        "Tata letak: tiga panel / daftar, lalu artikel",
    ),
    "command_palette": ("Commands (themes, language, OPML…)", "Perintah (tema, bahasa, OPML…)"),
    "open_picture": ("The article's picture, full-screen", "Gambar artikel, layar penuh"),
    "save_search": ("Save the search (in a search)", "Simpan pencarian (saat mencari)"),
    "demo": ("Open the demo edition", "Buka edisi demo"),
    "help": ("Show these keys", "Tampilkan tombol ini"),
    "quit": ("Quit", "Keluar"),
}

# Short words for the footer.
SHORT: dict[str, tuple[str, str]] = {
    "help": ("Keys", "Tombol"),
    "search": ("Search", "Cari"),
    "refresh": ("Refresh", "Muat"),
    "toggle_read": ("Read", "Dibaca"),
    "next_unread": ("Next", "Berikut"),
    "star": ("Star", "Bintang"),
    "links": ("Links", "Tautan"),
    "back": ("Back", "Kembali"),
    "demo": ("Demo", "Demo"),
    "quit": ("Quit", "Keluar"),
}

# The main screen's keys ("app." actions belong to the app's life cycle, the rest to the screen).
APP_BINDINGS: list[Binding] = [
    Binding("question_mark", "help", "Keys", id="help"),
    Binding("slash", "search", "Search", id="search"),
    Binding("r", "refresh_feed", "Refresh", id="refresh"),
    Binding("R", "refresh_all", show=False, id="refresh_all"),
    Binding("m", "toggle_read", "Read", id="toggle_read"),
    Binding("M", "mark_all_read", show=False, id="mark_all_read"),
    Binding("n", "next_unread", "Next", id="next_unread"),
    Binding("N", "previous_unread", show=False, id="previous_unread"),
    Binding("u", "toggle_hide_read", show=False, id="hide_read"),
    Binding("s", "toggle_star", "Star", id="star"),
    Binding("l", "links", show=False, id="links"),
    Binding("f", "toggle_summary", show=False, id="toggle_summary"),
    Binding("x", "reextract", show=False, id="reextract"),
    Binding("o", "open_browser", show=False, id="open_browser"),
    Binding("y", "copy_link", show=False, id="copy_link"),
    Binding("a", "add_feed", show=False, id="add_feed"),
    Binding("d", "delete_feed", show=False, id="delete_feed"),
    Binding("e", "edit_feed", show=False, id="edit_feed"),
    Binding("space,pagedown", "scroll_article(1)", show=False, id="scroll_down"),
    Binding("pageup", "scroll_article(-1)", show=False, id="scroll_up"),
    Binding("escape", "back", show=False, id="back"),
    Binding("tab", "app.focus_next", show=False, id="next_pane"),
    Binding("shift+tab", "app.focus_previous", show=False, id="previous_pane"),
    Binding("backslash", "toggle_layout", show=False, id="layout"),
    Binding("i", "open_picture", show=False, id="open_picture"),  # ui/widgets/image_pane.py
    Binding("D", "app.demo", show=False, id="demo"),
    Binding("q", "app.quit", "Quit", id="quit"),
]

# Actions whose help line is shared by several bindings of the widgets (no id of their own).
_ACTION_GROUPS = {
    "cursor_up": "cursor",
    "cursor_down": "cursor",
    "page_up_rows": "cursor",
    "page_down_rows": "cursor",
    "scroll_up": "cursor",
    "scroll_down": "cursor",
    "first": "first_last",
    "last": "first_last",
    "select": "open",
    "expand_story": "story",
    "collapse_story": "story",
    "page_down": "scroll_down",
    "page_up": "scroll_up",
}

# The order of the help table.
ORDER = list(DESCRIPTIONS)


def describe(key_id: str, lang: str) -> str:
    en, id_ = DESCRIPTIONS.get(key_id, (key_id.replace("_", " "), key_id.replace("_", " ")))
    return id_ if lang == "id" else en


def localize(node: DOMNode, lang: str) -> None:
    """Give the footer's bindings of node their words in lang (bindings are frozen: the map is
    built anew and replaces the node's)."""
    translated = BindingsMap()
    for key, items in node_bindings(node).key_to_bindings.items():
        new = []
        for binding in items:
            if binding.id in SHORT and binding.show:
                en, id_ = SHORT[binding.id]
                binding = dataclasses.replace(binding, description=id_ if lang == "id" else en)
            new.append(binding)
        translated.key_to_bindings[key] = new
    replace_bindings(node, translated)


def show_in_footer(node: DOMNode, key_id: str, shown: bool, lang: str) -> None:
    """Put the binding key_id in the key bar, or take it out (the first run's D: the demo
    edition is offered while nothing else can be read)."""
    changed = BindingsMap()
    for key, items in node_bindings(node).key_to_bindings.items():
        changed.key_to_bindings[key] = [
            dataclasses.replace(b, show=shown) if b.id == key_id else b for b in items
        ]
    replace_bindings(node, changed)
    localize(node, lang)


def key_help(app: App, nodes: list[DOMNode], lang: str) -> list[tuple[str, str]]:
    """(keys, what they do) for every binding of nodes, with the user's keymap applied."""
    found: dict[str, list[str]] = {}
    keymap = current_keymap(app)
    for node in nodes:
        bindings = BindingsMap()
        bindings.key_to_bindings = {
            k: list(v) for k, v in node_bindings(node).key_to_bindings.items()
        }
        if keymap:
            bindings.apply_keymap(keymap)
        for _key, binding in bindings:
            action = binding.action.split("(")[0].removeprefix("app.")
            key_id = binding.id or _ACTION_GROUPS.get(action)
            if key_id is None or key_id not in DESCRIPTIONS:
                continue
            display = app.get_key_display(binding)
            keys = found.setdefault(key_id, [])
            if display not in keys:
                keys.append(display)
    palette = app.COMMAND_PALETTE_BINDING
    if app.ENABLE_COMMAND_PALETTE:
        found.setdefault("command_palette", [app.get_key_display(Binding(palette, ""))])
    return [(" ".join(found[k]), describe(k, lang)) for k in ORDER if k in found]


def keymap_from_config(
    keys: dict[str, str], extra: list[Binding] | None = None
) -> tuple[dict[str, str], list[str]]:
    """The keymap for App.set_keymap, and the config's action names that no binding has."""
    known = {b.id for b in [*APP_BINDINGS, *(extra or [])] if b.id}
    keymap = {k: v for k, v in keys.items() if k in known}
    unknown = sorted(k for k in keys if k not in known)
    return keymap, unknown


def keymap_clashes(keys: dict[str, str], extra: list[Binding] | None = None) -> list[str]:
    """The config's [keys] that take a key from a built-in binding it leaves in place
    (star = "q" would take quit away), in words."""
    from korantui.core.config_keys import clashes

    defaults = {b.id: b.key for b in [*APP_BINDINGS, *(extra or [])] if b.id}
    return clashes(keys, defaults)
