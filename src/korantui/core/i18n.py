"""Interface text in Indonesian and English, and dates as readers of each write them."""

from __future__ import annotations

from datetime import datetime

_STRINGS: dict[str, tuple[str, str]] = {
    # key: (English, Indonesian)
    "all_news": ("All news", "Semua berita"),
    "starred": ("Starred", "Berbintang"),
    "search_results": ("Search: {query}", "Cari: {query}"),
    "feeds": ("Feeds", "Sumber"),
    "headlines": ("Headlines", "Judul berita"),
    "no_headlines": (
        "No headlines yet. Press r to refresh.",
        "Belum ada berita. Tekan r untuk memuat.",
    ),
    "no_starred": (
        "Nothing starred yet: s stars the highlighted headline.",
        "Belum ada yang berbintang: s memberi bintang pada judul terpilih.",
    ),
    "no_unread_headlines": (
        "No unread headlines here (u shows the read ones).",
        "Tidak ada berita yang belum dibaca di sini (u menampilkan yang sudah dibaca).",
    ),
    "no_article": ("Select a headline to read it.", "Pilih judul untuk membaca."),
    "full_text": ("Full text", "Teks lengkap"),
    "stored_text": ("Full text (saved)", "Teks lengkap (tersimpan)"),
    "feed_summary": ("Feed summary", "Ringkasan feed"),
    "loading_article": ("Loading the full article…", "Memuat artikel lengkap…"),
    "extraction_failed": (
        "Extraction failed: {reason} (showing the feed summary)",
        "Ekstraksi gagal: {reason} (menampilkan ringkasan feed)",
    ),
    "offline_notice": (
        "Offline: the full text could not be fetched ({reason}); showing the feed summary",
        "Luring: teks lengkap tidak dapat diambil ({reason}); menampilkan ringkasan feed",
    ),
    "image": ("Image", "Gambar"),
    "enclosure_file": ("file", "berkas"),
    "links": ("Links", "Tautan"),
    "by": ("by {author}", "oleh {author}"),
    "refreshing": ("Refreshing {n} feed{n_s}…", "Memuat ulang {n} sumber…"),
    "refreshed": (
        "{feeds} feed{feeds_s} refreshed: {new} new headline{new_s}, {errors} error{errors_s}",
        "{feeds} sumber dimuat: {new} berita baru, {errors} galat",
    ),
    "offline_empty": (
        "Nothing is stored yet. Press D to read the demo edition (invented news, no network"
        " needed), r to try again, or a to add a site.",
        "Belum ada berita tersimpan. Tekan D untuk membaca edisi demo (berita rekaan, tanpa"
        " jaringan), r untuk mencoba lagi, atau a untuk menambah situs.",
    ),
    "offline_no_network": (
        "No network: {n} outlet{n_s} could not be reached.",
        "Tidak ada jaringan: {n} sumber tidak dapat dijangkau.",
    ),
    "offline_failed": (
        "{n} outlet{n_s} gave no headlines (first: {error}).",
        "{n} sumber tidak memberi berita (pertama: {error}).",
    ),
    "no_browser": (
        "No web browser found: press y to copy the address instead",
        "Tidak ada peramban: tekan y untuk menyalin alamatnya",
    ),
    "demo_no_refresh": (
        "The demo edition is never refreshed: its news is invented. Start korantui again"
        " without --demo to read the real outlets.",
        "Edisi demo tidak pernah dimuat ulang: beritanya rekaan. Jalankan korantui lagi tanpa"
        " --demo untuk membaca sumber sungguhan.",
    ),
    "confirm_all_read": (
        "Mark all {n} unread headline{n_s} of All news read?",
        "Tandai semua {n} berita yang belum dibaca di Semua berita sebagai sudah dibaca?",
    ),
    "layout_list": (
        "The list, then the article (\\ for three panes)",
        "Daftar, lalu artikel (\\ untuk tiga panel)",
    ),
    "layout_panes": ("Three panes (\\ for the list alone)", "Tiga panel (\\ untuk daftar saja)"),
    "cmd_language_auto": (
        "Language: automatic (the config, else LANG)",
        "Bahasa: otomatis (konfigurasi, atau LANG)",
    ),
    "demo_title": ("demo edition", "edisi demo"),
    "help_title": ("Keys", "Tombol"),
    "not_openable": ("Not an http(s) link: not opened", "Bukan tautan http(s): tidak dibuka"),
    "unread": ("{n} unread", "{n} belum dibaca"),
    "unread_only": ("unread only", "belum dibaca saja"),
    "hide_read_on": (
        "Read headlines hidden (u shows them)",
        "Berita yang sudah dibaca disembunyikan",
    ),
    "hide_read_off": ("Showing read headlines too", "Menampilkan juga berita yang sudah dibaca"),
    "no_unread": ("No unread articles left", "Tidak ada lagi artikel yang belum dibaca"),
    "marked_read": ("{name}: all marked read", "{name}: semua ditandai sudah dibaca"),
    "search_prompt": (
        "Search stored news (title, summary, full text)",
        "Cari berita tersimpan (judul, ringkasan, teks lengkap)",
    ),
    "no_results": (
        "Nothing stored matches “{query}”",
        "Tidak ada berita tersimpan yang cocok: “{query}”",
    ),
    "links_title": ("Links: type a number, or Enter", "Tautan: ketik nomor, atau Enter"),
    "no_links": ("This article has no links", "Artikel ini tidak memuat tautan"),
    "copied": ("Address copied: {url}", "Alamat disalin: {url}"),
    "nothing_selected": ("No article selected", "Belum ada artikel terpilih"),
    "star_on": ("Starred", "Diberi bintang"),
    "star_off": ("Star removed", "Bintang dihapus"),
    "pruned": ("{n} old read headline{n_s} removed", "{n} berita lama yang sudah dibaca dihapus"),
    "unknown_keys": ("Unknown action in [keys]: {names}", "Aksi tak dikenal di [keys]: {names}"),
    "demo_only_read": ("Not in the demo edition", "Tidak tersedia di edisi demo"),
    "no_full_text_yet": (
        "No full text stored yet: press x to fetch it",
        "Belum ada teks lengkap tersimpan: tekan x untuk mengambilnya",
    ),
    "cmd_theme": ("Theme…", "Tema…"),
    "cmd_theme_help": ("Choose a colour theme (remembered)", "Pilih tema warna (diingat)"),
    "cmd_language": ("Language: {name}", "Bahasa: {name}"),
    "cmd_language_help": ("Interface text and dates", "Teks antarmuka dan tanggal"),
    "cmd_opml_import": ("Import feeds from OPML…", "Impor sumber dari OPML…"),
    "cmd_opml_export": ("Export feeds to OPML…", "Ekspor sumber ke OPML…"),
    "opml_imported": ("{n} feed{n_s} imported from {path}", "{n} sumber diimpor dari {path}"),
    "opml_exported": ("{n} feed{n_s} exported to {path}", "{n} sumber diekspor ke {path}"),
    "opml_failed": ("OPML: {error}", "OPML: {error}"),
    "feed_added": ("Added: {name}", "Ditambahkan: {name}"),
    "feed_removed": ("Removed: {name}", "Dihapus: {name}"),
    "feed_updated": ("Saved: {name}", "Disimpan: {name}"),
    "delete_feed_q": ("Delete {name}?", "Hapus {name}?"),
    "esc_back": ("Esc: back to the headlines", "Esc: kembali ke daftar berita"),
    "feed_exists": ("Already in your feeds: {url}", "Sudah ada di daftar sumber: {url}"),
    "select_feed": ("Select a feed first", "Pilih sumber terlebih dahulu"),
    "config_error": ("Config: {error}", "Konfigurasi: {error}"),
    "just_now": ("just now", "baru saja"),
    "minutes_ago": ("{n} min ago", "{n} menit lalu"),
    "hours_ago": ("{n} h ago", "{n} jam lalu"),
    "today": ("today", "hari ini"),
    "yesterday": ("yesterday", "kemarin"),
    "days_ago": ("{n} days ago", "{n} hari lalu"),
    "unexpected": (
        "Unexpected error ({error}); details in {log}",
        "Galat tak terduga ({error}); rinciannya di {log}",
    ),
    # the add-a-site dialog
    "add.title": ("Add a site or feed", "Tambah situs atau feed"),
    "add.url": ("Address, e.g. koranbatam.com", "Alamat, mis. koranbatam.com"),
    "add.name": ("Name (optional)", "Nama (opsional)"),
    "add.category": ("Category (optional)", "Kategori (opsional)"),
    "add.find": ("Find and add", "Cari dan tambah"),
    "add.cancel": ("Cancel", "Batal"),
    "add.searching": ("Looking…", "Mencari…"),
    "add.no_url": ("Type an address first.", "Ketik alamat dulu."),
    "add.failed": ("Nothing to read there: {reason}", "Tidak ada yang bisa dibaca: {reason}"),
    # the edit-feed dialog
    "edit.title": ("Edit feed", "Ubah sumber"),
    "edit.name": ("Name (empty: the feed's own title)", "Nama (kosong: judul dari sumbernya)"),
    "edit.category": ("Category (empty: none)", "Kategori (kosong: tanpa kategori)"),
    "edit.save": ("Save", "Simpan"),
    "edit.cancel": ("Cancel", "Batal"),
    # the yes/no dialog
    "confirm.yes": ("Yes", "Ya"),
    "confirm.no": ("No", "Tidak"),
}

_DAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
}
DAY_NAMES = _DAYS
_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
}
MONTH_NAMES = _MONTHS


def tr(key: str, lang: str = "en", **values: object) -> str:
    """The text for key in lang. English strings write a plural ending as {name_s} after the
    count {name}: "s" unless the count is 1 (Indonesian needs none)."""
    en, id_ = _STRINGS[key]
    text = id_ if lang == "id" else en
    if not values:
        return text
    endings = {f"{k}_s": "" if v == 1 else "s" for k, v in values.items() if isinstance(v, int)}
    return text.format(**values, **endings)


def count(n: int, word: str) -> str:
    """ "1 feed", "2 feeds": an English count (the command line's words are English)."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def format_date(when: datetime | None, lang: str = "en") -> str:
    """ "Selasa, 20 Sep 2022 16.30" / "Tue, 20 Sep 2022 16:30" (core/moments.py: which zone)."""
    from korantui.core.moments import format_when

    return format_when(when, lang)


def format_age(when: datetime | None, lang: str = "en", now: datetime | None = None) -> str:
    """Short time for a headline row: "2 jam lalu", "kemarin", or "20 Sep" for older ones."""
    from korantui.core.moments import format_when

    return format_when(when, lang, short=True, now=now)
