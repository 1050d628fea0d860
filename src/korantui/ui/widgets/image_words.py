"""The words of the picture features, in both languages (kept apart from core/i18n.py, which
other features share, so this feature's strings merge as one new file)."""

from __future__ import annotations

_WORDS: dict[str, tuple[str, str]] = {
    "not_shown": ("not shown", "tidak ditampilkan"),
    "no_images": ("This article has no pictures", "Artikel ini tidak bergambar"),
    "not_stored": ("The picture is not stored yet", "Gambar belum tersimpan"),
    "close": ("Esc: back", "Esc: kembali"),
    "cmd_images": ("Pictures: {mode} (next: {next})", "Gambar: {mode} (berikutnya: {next})"),
    "cmd_images_help": ("auto, cells or off", "auto, sel atau mati"),
    "mode_now": ("Pictures: {mode}", "Gambar: {mode}"),
}


def word(key: str, lang: str = "en", **values: object) -> str:
    en, id_ = _WORDS[key]
    text = id_ if lang == "id" else en
    return text.format(**values) if values else text
