"""Words that say nothing about which story a headline tells: Indonesian function words, the
outlets' own names and datelines' boilerplate, and words every news item uses.

Kept as written (lower case, no affixes removed): text.py drops them before stemming, so
"dengan" never becomes "deng".
"""

from __future__ import annotations

_FUNCTION = """
yang di dan ke dari untuk ini itu dengan pada akan tidak ada adalah atau juga dalam oleh
sebagai karena agar supaya bagi para pun lah kah tersebut telah sudah belum masih sedang
bisa dapat harus perlu ingin mau boleh jadi menjadi saat ketika setelah sebelum sejak hingga
sampai antara bahwa jika kalau namun tetapi tapi serta maupun lagi hanya saja sangat lebih
paling kurang cukup banyak sedikit semua seluruh setiap tiap beberapa berbagai sejumlah
sebanyak sekitar hampir mulai kini nanti tadi baru lalu kemudian selama usai pasca jelang
menjelang terus tetap pernah selalu sering segera secara atas bawah depan belakang luar
kata ujar ucap tutur jelas ungkap sebut menurut kepada terhadap tentang seperti soal
sementara begitu demikian yakni yaitu ialah merupakan apa siapa mana bagaimana mengapa kapan
dimana kenapa berapa ia dia mereka kami kita kamu anda saya aku beliau nya pihaknya
sendiri masing punya mempunyai memiliki miliki milik bukan jangan tak tanpa hal cara
sana sini situ tersebut ujarnya katanya jelasnya ungkapnya tuturnya sebutnya imbuhnya
tambahnya lanjutnya terangnya kata-nya si sang the of a an in on for to and is
"""

_NEWS = """
berita baca juga selengkapnya simak klik video foto galeri update terkini terbaru breaking
news com co id www http https html wib wita wit pukul jam hari tanggal waktu kemarin besok
senin selasa rabu kamis jumat sabtu minggu pagi siang sore malam dini
antara antaranews kompas kompascom detik detikcom detiknews tempo tempoco tribun
tribunnews tribunbatam batamnews republika liputan6 cnn cnnindonesia okezone kumparan
suara viva sindonews inews jawapos merdeka idntime idntimes redaksi editor penulis reporter
laporan wartawan kontributor sumber dok ist istimewa tangkapan layar
"""

STOP_WORDS: frozenset[str] = frozenset((_FUNCTION + _NEWS).split())
