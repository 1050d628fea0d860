"""What a reading keeps that is the site's, not the article's: a passage printed twice, the
site's calls to act (subscribe, book a demo, rate this post), pictures' captions printed as
paragraphs, and the sections that close a page after the article (about the author, related
posts).

trafilatura's recall reading, kept on most pages, takes more of the page than its other modes;
these are the kinds of extra text it brings along on layouts of every sort. Each rule looks at a
block's whole text, or at a heading and what follows it at the end, never at a word inside a
sentence: a paragraph that mentions a newsletter stays.
"""

from __future__ import annotations

import re

from korantui.core.models import Block
from korantui.core.regex_cache import compiled

# A run of blocks printed again (a copy for small screens, a summary box repeating the text)
# counts once when it is at least this long: short repeats are table cells, list labels.
REPEAT_BLOCKS = 3
REPEAT_WORDS = 40


def drop_repeated_runs(blocks: list[Block]) -> list[Block]:
    """A run of blocks that repeats, block for block, a run earlier in the reading."""
    first: dict[str, int] = {}
    for i, block in enumerate(blocks):
        if block.text:
            first.setdefault(block.text, i)
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        j = first.get(blocks[i].text) if blocks[i].text else None
        if j is not None and j < i:
            length = words = 0
            while (
                i + length < len(blocks)
                and j + length < i
                and blocks[i + length].text
                and blocks[i + length].text == blocks[j + length].text
            ):
                words += len(blocks[i + length].text.split())
                length += 1
            if length >= REPEAT_BLOCKS and words >= REPEAT_WORDS:
                i += length
                continue
        out.append(blocks[i])
        i += 1
    return out


# Buttons and labels of the site's own furniture, alone in a block (the advertisement labels
# are cleanup.py's _ADS, for every reading and rule).
_CHROME = compiled(
    r"^\W*(?:"
    r"(?:sign|log)\s*(?:up|in|out)(?:\s+(?:now|today|for\s+free|here))?"
    r"|subscribe(?:\s+(?:now|today|here|to\s+(?:us|our\s+newsletter)))?|newsletters?"
    r"|(?:book|request|schedule|get)\s+(?:a\s+|your\s+)?(?:free\s+)?(?:demo|quote|consultation)"
    r"(?:\s+(?:today|now))?"
    r"|start\s+(?:a\s+|your\s+)?free\s+trial(?:\s+(?:today|now))?|try\s+(?:it\s+)?(?:for\s+)?free"
    r"|get\s+started(?:\s+(?:today|now|for\s+free))?|get\s+in\s+touch|contact\s+(?:us|sales)"
    r"|download\s+now|apply\s+now|learn\s+more|read\s+more|see\s+more|view\s+more|load\s+more"
    r"|make\s+an\s+appointment|call\s+(?:us\s+)?(?:now|today)"
    r"|share(?:\s+(?:this|on))?(?:\s+(?:article|post|story|page))?"
    r"|print(?:\s+this\s+(?:article|page))?|back\s+to\s+(?:top|blogs?|news|articles?)"
    r"|table\s+of\s+contents|jump\s+to(?:\s+the)?\s+\w+|skip\s+to\s+(?:main\s+)?content|search\W*"
    r"|privacy\s+policy|terms\s+(?:of\s+(?:use|service)|and\s+conditions)|cookie\s+(?:settings|policy)"
    r"|advertiser\s+disclosure|pin\s+(?:this|it)\s+for\s+later|tags|register|book\s+now|page\s+\d+\s+of\s+\d+"
    r"|stay\s+connected(?:\s+with\s+\w+)?|follow\s+us(?:\s+on\s+[\w ]{1,30})?"
    r"|(?:see|check|view)\s+(?:the\s+)?(?:price|deal|it)?\s*(?:at|on)\s+[\w .]{1,30}"
    r"|\d+\s*(?:-\s*)?(?:min(?:ute)?s?\.?|hours?)\s+read(?:\s+time|ing\s+time)?"
    r"|on\s+this\s+page|in\s+this\s+(?:article|guide|post)|contents|content\s+map"
    r"|(?:reading\s+time|read\s+time)\s*:?\s*\d+\s*min(?:ute)?s?"
    # A shopping box's buttons and labels beside each product.
    r"|view\s+(?:in\s+list|deal)|price\s+comparison\s+from\b.*|read\s+(?:our\s+)?full\s+review"
    r"|check\s+(?:amazon\s+)?price\b.*|visit\s+(?:the\s+)?website"
    r")\W*$",
    re.I,
)
# Prompts a site adds under its articles: a newsletter box, a rating widget, a cookie notice,
# an affiliate disclosure. Matched in short blocks only.
_PROMPT = compiled(
    r"\b(?:sign\s*up|subscribe)\b.{0,40}\b(?:newsletter|mailing\s+list|inbox|updates)\b"
    r"|\bdelivered\s+(?:straight\s+|right\s+|directly\s+)?to\s+your\s+inbox\b"
    r"|\benter\s+your\s+email(?:\s+address)?\b|\byou(?:'|’)re\s+(?:now\s+)?subscribed\b"
    r"|\byour\s+submission\s+has\s+been\s+received\b|\bsomething\s+went\s+wrong\s+while\s+submitting\b"
    r"|\bhow\s+useful\s+was\s+this\b|\bclick\s+on\s+a\s+star\s+to\s+rate\b|\bno\s+votes\s+so\s+far\b"
    r"|\b(?:did\s+you\s+find|was)\s+this\s+(?:content|article|post|page|information)\s+helpful\b"
    r"|\bthank\s+you\s+for\s+your\s+feedback\b|\bhow\s+was\s+this\s+(?:issue|article|post|story)\b"
    r"|\breceive\s+notifications\s+(?:about|of|for)\s+new\s+(?:posts|articles)\b"
    r"|\bwe\s+use\s+cookies\b|\bthis\s+(?:web)?site\s+uses\s+cookies\b|\baccept\s+(?:all\s+)?cookies\b"
    r"|\bif\s+you\s+(?:enjoyed|liked)\s+this\s+(?:article|post|story|blog\s+post)\b"
    r"|\bas\s+an\s+amazon\s+associate\b|\bthrough\s+(?:our\s+|my\s+)?(?:affiliate\s+)?links\b.{0,60}"
    r"\b(?:earn|commission)|\bmay\s+(?:earn|receive)\s+(?:a\s+)?(?:small\s+)?(?:affiliate\s+)?commission"
    # Appeals for money and the paywall's offers.
    r"|\bwe\s+need\s+your\s+help\s+to\s+keep\b|\bsince\s+you\s+made\s+it\s+to\s+the\s+bottom\b"
    r"|\bsupport\s+our\s+mission\b|\bbecome\s+a\s+paid\s+(?:subscriber|member)\b"
    r"|\bunlock\s+this\s+(?:piece|article|story|post)\b|\balready\s+have\s+an\s+account\W+(?:log|sign)\s*in\b",
    re.I,
)
PROMPT_WORDS = 60
# A template's filler text, shown where a form or a widget was left unfilled: never an article's,
# at any length.
_PLACEHOLDER = compiled(r"^\W*lorem\s+ipsum(?:\s+dolor\s+sit\s+amet\b|\W*$)", re.I)
# "Posted by the editors on Tuesday, August 29, 2023", "Last updated on September 16th, 2023":
# when the page was written, shown in the header and the metadata, not part of the text.
_STAMP = compiled(
    r"^\W*(?:posted|published|updated|last\s+(?:updated|reviewed|modified))\b"
    r"(?:\s+by\s+[^\n]{1,40}?)?(?:\s+on|\s*:)?\s+[^\n]{0,40}\b(?:19|20)\d\d\b[^\n]{0,24}$",
    re.I,
)
STAMP_WORDS = 14

# Headings of the sections that close a page after its article, taken to its end: a bio, the
# comments.
_CLOSING = compiled(
    r"^\W*(?:about\s+the\s+authors?|about\s+(?:the\s+)?(?:writer|editor)|meet\s+the\s+author"
    r"|(?:written|reviewed)\s+by\b[^.!?]{0,60}|author(?:\s+bio)?|(?:\d+\s+)?comments?"
    r"|leave\s+a\s+(?:reply|comment)|join\s+the\s+(?:conversation|discussion)"
    r"|share\s+this(?:\s+(?:article|post|story))?|(?:article\s+)?sources|citations"
    r"|read\s+this\s+next|what\s+to\s+read\s+next"  # other stories' cards, to the end
    r"|manage\s+consent|cookies?\s+policy|privacy\s+overview"
    # The site's own boxes: about the publisher, its republishing terms, its invitations to ask,
    # to rate, to send a story or to advertise.
    r"|about\s+(?:us|the\s+company|(?-i:[A-Z])[\w.]+(?:\s+(?-i:[A-Z])[\w.]+){0,2})"
    r"|republish\s+this\s+(?:article|story)|(?:still\s+have|have\s+any|got)\s+(?:more\s+)?questions"
    r"|need\s+(?:more\s+)?help|rate\s+this\s+(?:article|post|page)"
    r"|was\s+this\s+(?:article\s+|page\s+|post\s+)?helpful|share\s+your\s+story|collaborate\s+with\s+us"
    r")\W*$",
    re.I,
)
CLOSING_HEADING_WORDS = 8
# A closing heading is taken with what follows only in the last part of a reading: earlier, it
# may open a section of the article itself. (Measured: from 0.3 to 0.35 the one reading that
# changes on the corpus is a story whose "Read this next" cards hold a third of its words.)
CLOSING_SHARE = 0.35
# Headings of lists of other pages, taken with the short items under them, wherever they are.
_LIST_HEADING = compiled(
    r"^\W*(?:recent\s+posts|popular\s+posts|latest\s+posts|(?:browse\s+)?related(?:\s+\w+)?"
    r"|more\s+(?:from|on)\s+[^.!?=≠]{1,40}|more\s+(?:like\s+this|articles|stories|posts)"
    r"|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)\b.*"
    r"|other\s+(?:posts|articles|stories)\s+you\s+(?:may|might)\s+(?:like|enjoy)"
    r"|(?:recent|latest)\s+articles|(?:up|watch|read)\s+next|explore\s+more|further\s+reading"
    r"|top\s+resources|you(?:\W?ll|\s+will)\s+also\s+(?:love|like)\b.*|good\s+articles\s+to\s+read\b.*"
    r")\W*$",
    re.I,
)
LIST_ITEM_WORDS = 20
# In the closing part of a reading, a list's items may be teasers (a headline and its first
# lines) rather than bare titles.
CLOSING_LIST_ITEM_WORDS = 40


# An author's bio closing the page: "Karina Cohen is the owner of CR Maids", "Jean-Luc Aufranc
# started CNX Software in 2010". A full name (two to four capitalised words, not a sentence's
# "The Company") opens it, a verb of a bio follows, and it names a trade or a career.
_NAME = r"(?:(?:Dr|Mr|Ms|Mrs)\.?\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}"
_BIO = compiled(
    rf"^\(?({_NAME})(?:,\s[^,]{{2,60}},)?\s+(?:is|was|has|holds|specializes|started|joined"
    r"|worked|serves|writes|covers|loves|brings|leads|teaches|earned|graduated)\b"
)
_NOT_NAMES = frozenset(
    {"The", "This", "That", "It", "Our", "We", "Your", "You", "These", "Those", "There", "Each"}
    | {"Every", "If", "In", "A", "An", "All", "Most", "Some", "His", "Her", "Their", "One"}
    | {"What", "When", "Which", "Who", "How", "Why", "Its", "My", "And", "But", "So", "As"}
)
_CAREER = compiled(
    r"\b(?:writer|editor|journalist|founder|co-founder|author|years?\s+of\s+experience|degree"
    r"|CEO|CTO|director|contributor|specialist|expert|passionate|based\s+in|lives\s+in|reporter"
    r"|freelance|manager|owner|attorney|graduate|MBA|Ph\.?D|professor|executive|consultant"
    r"|enthusiast|correspondent)\b"
)
# The bio is among the last blocks of a reading, after its name and title lines, which are
# this short at most.
BIO_LAST_BLOCKS = 3
BIO_WORDS = 150
BIO_NAME_LINE_WORDS = 5


def _words(block: Block) -> int:
    return len(block.text.split())


def drop_chrome(blocks: list[Block]) -> list[Block]:
    """Buttons and labels alone in a block, the prompts sites add to their articles, and a
    template's filler text."""
    return [
        b
        for b in blocks
        if not (
            b.kind != "pre"
            and (
                (_words(b) <= 8 and _CHROME.match(b.text))
                or (_words(b) <= PROMPT_WORDS and _PROMPT.search(b.text))
                or (_words(b) <= STAMP_WORDS and _STAMP.match(b.text))
                or _PLACEHOLDER.match(b.text)
            )
        )
    ]


# A picture's caption kept as a paragraph: a line about the picture closed by its credit
# ("The Hoka Speedgoat 7. Photo: iRunFar/Eszter Horanyi", "... | Photo by Lisa Jennings",
# "... Credit: Sam Schild", "(Picture credit: Getty)"). A credit alone may be the article's
# own note (a list of sources) and stays; one closing a line about the picture is a caption's.
_CREDIT_WORD = compiled(
    r"(?:^|[\s|(])(?:photo(?:graph)?|image|picture|pic)(?:\s+credits?)?\s*(?:by\s*:?|:)"
    r"|(?:^|[\s|(])(?:credits?|courtesy)\s*(?:of\s|:)",
    re.I,
)
# A sentence after the credit word: prose that speaks of a photo, not a credit.
_SENTENCE_AFTER = compiled(r"[.!?]\s+\S")
# A caption is a line or two; the credit a name or two; the line about the picture says
# something (a bare "Photo: X" is the credit alone).
CAPTION_WORDS = 40
CREDIT_WORDS = 8
CAPTION_LINE_WORDS = 3


# A credit alone that names a picture agency or says the pictures were lent: the pictures',
# never the article's ("Photo: Shutterstock", "DGLimages via Getty Images", "Photo Courtesy
# of NYIM Training").
_PICTURE_CREDIT = compiled(
    r"\b(?:getty\s+images|getty|shutterstock|istock(?:photo)?|depositphotos|deposit\s+photos"
    r"|adobe\s+stock|alamy|dreamstime)\b"
    r"|^\W*(?:some\s+)?(?:photos?|images?|pictures?)\s+(?:are\s+)?courtesy\s+of\b",
    re.I,
)
CREDIT_LINE_WORDS = 12


def drop_captions(blocks: list[Block]) -> list[Block]:
    """Paragraphs that are a picture's caption: a short line closed by a photo credit, or a
    credit line of a picture agency."""
    return [
        b
        for b in blocks
        if not (
            b.kind == "p"
            and (
                _is_caption(b.text)
                or (
                    len(b.text.split()) <= CREDIT_LINE_WORDS
                    and _PICTURE_CREDIT.search(b.text) is not None
                    and not _SENTENCE_AFTER.search(b.text.strip())
                )
            )
        )
    ]


def _is_caption(text: str) -> bool:
    if len(text.split()) > CAPTION_WORDS:
        return False
    found = list(_CREDIT_WORD.finditer(text))
    if not found:
        return False
    start = found[-1].start()
    line, credit = text[:start].strip(" |–—-("), text[start:].strip()
    return (
        len(line.split()) >= CAPTION_LINE_WORDS
        and len(credit.split()) <= CREDIT_WORDS
        and not _SENTENCE_AFTER.search(credit)
    )


def cut_closing_sections(blocks: list[Block]) -> list[Block]:
    """From a closing heading ("About the author", "Related posts") to the end, where what
    follows is a small part of the reading."""
    total = sum(_words(b) for b in blocks)
    tail = 0
    cut = len(blocks)
    for i in range(len(blocks) - 1, 0, -1):
        tail += _words(blocks[i])
        if tail > CLOSING_SHARE * total:
            break
        block = blocks[i]
        if _words(block) <= CLOSING_HEADING_WORDS and _CLOSING.match(block.text):
            cut = i
    return blocks[:cut]


def drop_link_lists(blocks: list[Block]) -> list[Block]:
    """A "Related posts" heading and the short items under it: titles of other pages."""
    out: list[Block] = []
    skipping = False
    limit = LIST_ITEM_WORDS
    left = sum(_words(b) for b in blocks)  # words from this block to the end
    total = left
    for block in blocks:
        left -= _words(block)
        if skipping and _words(block) <= limit and block.kind != "h":
            continue
        skipping = _words(block) <= CLOSING_HEADING_WORDS and bool(_LIST_HEADING.match(block.text))
        if skipping:
            closing = left <= CLOSING_SHARE * total
            limit = CLOSING_LIST_ITEM_WORDS if closing else LIST_ITEM_WORDS
        else:
            out.append(block)
    return out


def cut_closing_bio(blocks: list[Block]) -> list[Block]:
    """An author's bio among the last blocks, with what follows it and the name and title lines
    printed just above it."""
    for i in range(max(1, len(blocks) - BIO_LAST_BLOCKS), len(blocks)):
        block = blocks[i]
        m = _BIO.match(block.text) if block.kind == "p" and _words(block) <= BIO_WORDS else None
        if m and m.group(1).split()[0] not in _NOT_NAMES and _CAREER.search(block.text):
            start = i
            while start > max(1, i - 3) and _words(blocks[start - 1]) <= BIO_NAME_LINE_WORDS:
                start -= 1
            return blocks[:start]
    return blocks


def prune(blocks: list[Block]) -> list[Block]:
    """All the steps, the repeats first (a repeated closing section is seen once)."""
    blocks = drop_captions(drop_link_lists(drop_chrome(drop_repeated_runs(blocks))))
    return cut_closing_bio(cut_closing_sections(blocks))
