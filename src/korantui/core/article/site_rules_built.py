"""Made from site_rules.toml by `python -m korantui.core.article.site_rules_build`; not edited by hand.
The shipped site rules as data, and the XPath of each of their CSS selectors."""

# ruff: noqa: E501
from __future__ import annotations

from typing import Any

TOML_SHA256 = "6acc6e23078cb4a9d377532f5b414d86746a1a417734ba41b54e4796b28c526c"

RULES: tuple[dict[str, Any], ...] = (
    {
        "author": [".detail__author", ".author"],
        "caption": [".detail__media-caption", "figcaption", ".pic_artikel span"],
        "content": [
            "div.detail__body-text",
            "#detikdetailtext",
            "div.itp_bodycontent",
            "div.detail_text",
            "#detail-text",
        ],
        "date": [".detail__date", "div.date", ".jdl .date"],
        "domains": ["detik.com"],
        "name": "detik",
        "next_page": [".detail__long-nav a", ".detail__anchor-numb"],
        "remove": [
            ".parallaxindetail",
            ".staticdetail_container",
            ".lihatjg",
            ".detail__body-tag",
            ".nav",
            ".sisip_embed_sosmed",
            "table.linksisip",
            ".para_caption",
            ".detail__long-nav",
            ".newstag",
            ".ads-scrollpage-container",
            ".noncontent",
            "#mvasd",
            ".linksisip",
        ],
        "title": ["h1.detail__title", "div.jdl h1", "h1"],
        "whole_param": "single=1",
    },
    {
        "author": [".read__credit__item", ".credit-title-name", ".article__author"],
        "caption": [".photo__caption", "figcaption"],
        "content": [
            "div.read__content",
            "div.read__article .read__content",
            ".article__content",
            "div.txt-article",
        ],
        "date": [".read__time", ".article__date"],
        "domains": ["kompas.com", "kompas.id"],
        "name": "kompas",
        "next_page": [".paging__link--next", ".read__paging a"],
        "remove": [
            ".inner-link-baca-juga",
            ".ads-on-body",
            ".kompasidRec",
            ".read__related",
            ".read__tagging",
            ".ads-partner-wrap",
            ".video-wrap",
            "#div-gpt-ad",
            ".ga--baca-juga",
        ],
        "title": ["h1.read__title", "h1"],
        "whole_param": "page=all",
    },
    {
        "author": [".wrap__article-detail-info .text-secondary", "[itemprop=author]"],
        "caption": [".wrap__article-detail-image figcaption", "figcaption", ".flex-caption"],
        "content": [
            ".wrap__article-detail-content",
            ".post-content",
            "#content_news",
            "div[itemprop=articleBody]",
        ],
        "date": [".wrap__article-detail-info span", ".article-date", ".simple-share span"],
        "domains": ["antaranews.com", "antarafoto.com"],
        "name": "antaranews",
        "remove": [
            ".baca-juga",
            ".text-muted",
            ".adsbygoogle",
            ".quote-inline",
            ".tags-wrapper",
            ".post-tag",
            "p.mt-2",
        ],
        "title": [".wrap__article-detail-title h1", "h1.post-title", "h1[itemprop=headline]", "h1"],
    },
    {
        "author": ["[itemprop=author]", ".author", "h4.name"],
        "caption": ["figcaption", ".foto-caption"],
        "content": [
            "#isi",
            "div.detail-in",
            "div.detail-konten",
            "article .detail-konten",
            "div[itemprop=articleBody]",
        ],
        "date": ["p.date", ".date", "time"],
        "domains": ["tempo.co"],
        "name": "tempo",
        "next_page": [".pagination a", "a.next-page"],
        "remove": [".baca-juga", ".bacajuga", ".ads", ".tags", ".selanjutnya"],
        "title": ["h1.title", "h1"],
    },
    {
        "author": [".author", ".text-cnn_red"],
        "caption": ["figcaption", ".media_artikel span"],
        "content": [".detail-text", "#detikdetailtext", "div.detail_text", "div.detail-wrap"],
        "date": [".date", ".text-cnn_grey"],
        "domains": ["cnnindonesia.com", "cnbcindonesia.com"],
        "name": "cnnindonesia",
        "next_page": [".multipage a", ".pagination a", "a.next"],
        "remove": [
            ".linksisip",
            ".para_caption",
            ".sisip",
            ".inlinelink",
            "table.linksisip",
            ".parallax_ads",
            ".ads",
            ".detail_tag",
            ".paradetail",
            "#pagination",
        ],
        "title": ["h1.title", "h1"],
    },
    {
        "author": [".author", ".by"],
        "caption": ["figcaption", ".caption"],
        "content": [".article-content", "div.artikel", ".read-desc", "div[itemprop=articleBody]"],
        "date": [".date", ".date_detail"],
        "domains": ["republika.co.id", "republika.id"],
        "name": "republika",
        "next_page": [".pagination a", ".pagging a"],
        "remove": [".baca-juga", ".picked-article", ".ads", ".tags", ".related", "#taboola"],
        "title": ["h1"],
    },
    {
        "author": [".namerep a", ".namerep"],
        "caption": [".detail-img .caption", "figcaption"],
        "content": ["#contentx", "div.read", ".c-detail .read", "div[itemprop=articleBody]"],
        "date": [".namerep b", ".namerep", "time"],
        "domains": ["okezone.com"],
        "name": "okezone",
        "next_page": [".paging a.next", ".paging a"],
        "remove": [
            ".box-gnews",
            ".baca-juga",
            ".detads-bottom",
            ".paging",
            ".inject-ads",
            ".tags",
            ".emoticon",
            "#rctiplus",
        ],
        "title": ["h1"],
        "whole_param": "page=all",
    },
    {
        "author": [".writer", ".author"],
        "caption": ["figcaption", ".caption"],
        "content": [
            "article.detail-content",
            ".detail--content",
            ".detail-content",
            "div[itemprop=articleBody]",
        ],
        "date": [".date", "time", ".head-writer-date"],
        "domains": ["suara.com"],
        "name": "suara",
        "remove": [".baca-juga", ".ads", ".tags", ".pagination", ".related"],
        "title": ["h1"],
        "whole_param": "page=all",
    },
    {
        "author": ["#penulis", "#editor", ".credit"],
        "caption": [".ovh figcaption", "figcaption", ".image-caption"],
        "content": [
            ".side-article.txt-article",
            "div.txt-article",
            "div.txt-article.multi-fontsize",
            "#article_con",
        ],
        "date": ["time", ".grey.bdr3"],
        "domains": ["tribunnews.com"],
        "name": "tribunnews",
        "next_page": [".paging a"],
        "remove": [
            ".baca",
            ".ads",
            ".ads-placeholder",
            ".tag",
            "p.baca",
            "strong.baca",
            ".paging",
            "#tribunnewsmiddle",
        ],
        "title": ["h1#arttitle", "h1"],
        "whole_param": "page=all",
    },
    {
        "author": [".read-page--header--author__name", "[itemprop=author]"],
        "caption": [".read-page--photo-gallery--item__caption", "figcaption"],
        "content": [
            ".article-content-body__item-content",
            ".article-content-body",
            "div[itemprop=articleBody]",
        ],
        "date": ["time.read-page--header--author__datetime", "time"],
        "domains": ["liputan6.com"],
        "name": "liputan6",
        "remove": [
            ".baca-juga-collections",
            ".advertisement-text",
            ".article-ad",
            ".promo",
            ".read-page--related",
        ],
        "title": ["h1.read-page--header--title", "h1"],
    },
    {
        "author": [".detail-nama-redaksi", ".author"],
        "caption": [".detail-caption", "figcaption"],
        "content": ["#detail-desc", ".detail-desc", "#content", "div[itemprop=articleBody]"],
        "date": [".detail-date-artikel", "time", ".date"],
        "domains": ["sindonews.com"],
        "name": "sindonews",
        "remove": [".baca-berita", ".ads", ".tags", ".detail-tag"],
        "title": ["h1"],
        "whole_param": "showpage=all",
    },
    {
        "author": ["[class*=Contributor] strong"],
        "caption": ["figcaption"],
        "content": ["main[role=main]", "article", "div[role=main]"],
        "date": ["time"],
        "domains": ["bbc.com", "bbc.co.uk"],
        "name": "bbc-indonesia",
        "remove": [
            "section[aria-labelledby]",
            "nav",
            "aside",
            "[data-e2e=related-content-heading]",
            "header",
            "figure",
            "button",
        ],
        "title": ["h1"],
    },
    {
        "author": [".links__item-link", ".authors a"],
        "caption": ["figcaption", ".caption"],
        "content": ["#article-content .wsw", "div.wsw", "#article-content"],
        "date": ["time", ".published time"],
        "domains": ["voaindonesia.com"],
        "name": "voaindonesia",
        "remove": [".media-pholder", ".wsw__embed", ".embed-player-only"],
        "title": ["h1.title", "h1"],
    },
    {
        "author": [".penulis", ".author"],
        "caption": [".keterangan", "*:contains('Keterangan Gambar')"],
        "content": [
            ".isi-berita",
            ".detail-berita",
            "div.isi",
            "#isi",
            ".post-content",
            ".konten",
            ".berita-isi",
            "article .content",
        ],
        "date": [".info", ".tanggal", ".date", ".waktu"],
        "detect_text": ["Keterangan Gambar", "/asset/foto_berita/"],
        "name": "lokomedia",
        "remove": [".share", ".tags", ".tag", ".social", ".sidebar", ".related", ".terkait"],
        "title": ["h1.judul", "h1"],
    },
    {
        "author": [
            ".td-post-author-name a",
            ".jeg_meta_author a",
            ".author-name",
            "a[rel=author]",
            ".byline .author",
        ],
        "caption": [".wp-caption-text", ".wp-element-caption", "figcaption"],
        "content": [
            ".td-post-content",
            ".jeg_post_content .content-inner",
            ".entry-content",
            ".post-entry",
            ".single-post-content",
            ".post-content",
            "article .content",
        ],
        "date": ["time.entry-date", ".td-post-date time", ".jeg_meta_date", ".post-date", "time"],
        "detect": [
            "meta[name=generator][content*=WordPress]",
            "link[href*='/wp-content/']",
            "script[src*='/wp-content/']",
        ],
        "name": "wordpress",
        "next_page": [".page-links a", ".post-page-numbers"],
        "remove": [
            ".sharedaddy",
            ".jp-relatedposts",
            ".td-post-sharing",
            ".td-post-source-tags",
            ".post-tags",
            ".yarpp-related",
            ".addtoany_share_save_container",
            ".a2a_kit",
            ".code-block",
            ".jeg_share_button",
            ".jeg_post_tags",
            ".related-posts",
            ".wp-block-embed",
            ".ads",
            ".adsbygoogle",
            ".heateor_sss_sharing_container",
            ".crp_related",
            "#jp-relatedposts",
            ".entry-tags",
            "#comments",
        ],
        "title": ["h1.entry-title", "h1.td-post-title", "h1.jeg_post_title", "h1.post-title", "h1"],
    },
)

XPATH: dict[str, str] = {
    "#article-content": "descendant-or-self::*[@id = 'article-content']",
    "#article-content .wsw": "descendant-or-self::*[@id = 'article-content']/descendant::*[@class and "
    "contains(@class, 'wsw') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' wsw ')]",
    "#article_con": "descendant-or-self::*[@id = 'article_con']",
    "#comments": "descendant-or-self::*[@id = 'comments']",
    "#content": "descendant-or-self::*[@id = 'content']",
    "#content_news": "descendant-or-self::*[@id = 'content_news']",
    "#contentx": "descendant-or-self::*[@id = 'contentx']",
    "#detail-desc": "descendant-or-self::*[@id = 'detail-desc']",
    "#detail-text": "descendant-or-self::*[@id = 'detail-text']",
    "#detikdetailtext": "descendant-or-self::*[@id = 'detikdetailtext']",
    "#div-gpt-ad": "descendant-or-self::*[@id = 'div-gpt-ad']",
    "#editor": "descendant-or-self::*[@id = 'editor']",
    "#isi": "descendant-or-self::*[@id = 'isi']",
    "#jp-relatedposts": "descendant-or-self::*[@id = 'jp-relatedposts']",
    "#mvasd": "descendant-or-self::*[@id = 'mvasd']",
    "#pagination": "descendant-or-self::*[@id = 'pagination']",
    "#penulis": "descendant-or-self::*[@id = 'penulis']",
    "#rctiplus": "descendant-or-self::*[@id = 'rctiplus']",
    "#taboola": "descendant-or-self::*[@id = 'taboola']",
    "#tribunnewsmiddle": "descendant-or-self::*[@id = 'tribunnewsmiddle']",
    "*:contains('Keterangan Gambar')": "descendant-or-self::*[contains(__lxml_internal_css:lower-case(string(.)), "
    "'keterangan gambar')]",
    ".a2a_kit": "descendant-or-self::*[@class and contains(@class, 'a2a_kit') and contains(concat(' "
    "', normalize-space(@class), ' '), ' a2a_kit ')]",
    ".addtoany_share_save_container": "descendant-or-self::*[@class and contains(@class, "
    "'addtoany_share_save_container') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' addtoany_share_save_container "
    "')]",
    ".ads": "descendant-or-self::*[@class and contains(@class, 'ads') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' ads ')]",
    ".ads-on-body": "descendant-or-self::*[@class and contains(@class, 'ads-on-body') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' ads-on-body ')]",
    ".ads-partner-wrap": "descendant-or-self::*[@class and contains(@class, 'ads-partner-wrap') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' ads-partner-wrap ')]",
    ".ads-placeholder": "descendant-or-self::*[@class and contains(@class, 'ads-placeholder') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' ads-placeholder ')]",
    ".ads-scrollpage-container": "descendant-or-self::*[@class and contains(@class, "
    "'ads-scrollpage-container') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' ads-scrollpage-container ')]",
    ".adsbygoogle": "descendant-or-self::*[@class and contains(@class, 'adsbygoogle') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' adsbygoogle ')]",
    ".advertisement-text": "descendant-or-self::*[@class and contains(@class, 'advertisement-text') "
    "and contains(concat(' ', normalize-space(@class), ' '), ' "
    "advertisement-text ')]",
    ".article-ad": "descendant-or-self::*[@class and contains(@class, 'article-ad') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' article-ad ')]",
    ".article-content": "descendant-or-self::*[@class and contains(@class, 'article-content') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' article-content ')]",
    ".article-content-body": "descendant-or-self::*[@class and contains(@class, "
    "'article-content-body') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' article-content-body ')]",
    ".article-content-body__item-content": "descendant-or-self::*[@class and contains(@class, "
    "'article-content-body__item-content') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' "
    "article-content-body__item-content ')]",
    ".article-date": "descendant-or-self::*[@class and contains(@class, 'article-date') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' article-date ')]",
    ".article__author": "descendant-or-self::*[@class and contains(@class, 'article__author') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' article__author ')]",
    ".article__content": "descendant-or-self::*[@class and contains(@class, 'article__content') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' article__content ')]",
    ".article__date": "descendant-or-self::*[@class and contains(@class, 'article__date') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' article__date ')]",
    ".author": "descendant-or-self::*[@class and contains(@class, 'author') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' author ')]",
    ".author-name": "descendant-or-self::*[@class and contains(@class, 'author-name') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' author-name ')]",
    ".authors a": "descendant-or-self::*[@class and contains(@class, 'authors') and contains(concat(' "
    "', normalize-space(@class), ' '), ' authors ')]/descendant::a",
    ".baca": "descendant-or-self::*[@class and contains(@class, 'baca') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' baca ')]",
    ".baca-berita": "descendant-or-self::*[@class and contains(@class, 'baca-berita') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' baca-berita ')]",
    ".baca-juga": "descendant-or-self::*[@class and contains(@class, 'baca-juga') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' baca-juga ')]",
    ".baca-juga-collections": "descendant-or-self::*[@class and contains(@class, "
    "'baca-juga-collections') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' baca-juga-collections ')]",
    ".bacajuga": "descendant-or-self::*[@class and contains(@class, 'bacajuga') and contains(concat(' "
    "', normalize-space(@class), ' '), ' bacajuga ')]",
    ".berita-isi": "descendant-or-self::*[@class and contains(@class, 'berita-isi') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' berita-isi ')]",
    ".box-gnews": "descendant-or-self::*[@class and contains(@class, 'box-gnews') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' box-gnews ')]",
    ".by": "descendant-or-self::*[@class and contains(@class, 'by') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' by ')]",
    ".byline .author": "descendant-or-self::*[@class and contains(@class, 'byline') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' byline "
    "')]/descendant::*[@class and contains(@class, 'author') and contains(concat(' "
    "', normalize-space(@class), ' '), ' author ')]",
    ".c-detail .read": "descendant-or-self::*[@class and contains(@class, 'c-detail') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' c-detail "
    "')]/descendant::*[@class and contains(@class, 'read') and contains(concat(' "
    "', normalize-space(@class), ' '), ' read ')]",
    ".caption": "descendant-or-self::*[@class and contains(@class, 'caption') and contains(concat(' "
    "', normalize-space(@class), ' '), ' caption ')]",
    ".code-block": "descendant-or-self::*[@class and contains(@class, 'code-block') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' code-block ')]",
    ".credit": "descendant-or-self::*[@class and contains(@class, 'credit') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' credit ')]",
    ".credit-title-name": "descendant-or-self::*[@class and contains(@class, 'credit-title-name') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' credit-title-name "
    "')]",
    ".crp_related": "descendant-or-self::*[@class and contains(@class, 'crp_related') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' crp_related ')]",
    ".date": "descendant-or-self::*[@class and contains(@class, 'date') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' date ')]",
    ".date_detail": "descendant-or-self::*[@class and contains(@class, 'date_detail') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' date_detail ')]",
    ".detads-bottom": "descendant-or-self::*[@class and contains(@class, 'detads-bottom') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' detads-bottom ')]",
    ".detail--content": "descendant-or-self::*[@class and contains(@class, 'detail--content') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' detail--content ')]",
    ".detail-berita": "descendant-or-self::*[@class and contains(@class, 'detail-berita') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' detail-berita ')]",
    ".detail-caption": "descendant-or-self::*[@class and contains(@class, 'detail-caption') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' detail-caption ')]",
    ".detail-content": "descendant-or-self::*[@class and contains(@class, 'detail-content') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' detail-content ')]",
    ".detail-date-artikel": "descendant-or-self::*[@class and contains(@class, 'detail-date-artikel') "
    "and contains(concat(' ', normalize-space(@class), ' '), ' "
    "detail-date-artikel ')]",
    ".detail-desc": "descendant-or-self::*[@class and contains(@class, 'detail-desc') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' detail-desc ')]",
    ".detail-img .caption": "descendant-or-self::*[@class and contains(@class, 'detail-img') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' detail-img "
    "')]/descendant::*[@class and contains(@class, 'caption') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' caption ')]",
    ".detail-nama-redaksi": "descendant-or-self::*[@class and contains(@class, 'detail-nama-redaksi') "
    "and contains(concat(' ', normalize-space(@class), ' '), ' "
    "detail-nama-redaksi ')]",
    ".detail-tag": "descendant-or-self::*[@class and contains(@class, 'detail-tag') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' detail-tag ')]",
    ".detail-text": "descendant-or-self::*[@class and contains(@class, 'detail-text') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' detail-text ')]",
    ".detail__anchor-numb": "descendant-or-self::*[@class and contains(@class, 'detail__anchor-numb') "
    "and contains(concat(' ', normalize-space(@class), ' '), ' "
    "detail__anchor-numb ')]",
    ".detail__author": "descendant-or-self::*[@class and contains(@class, 'detail__author') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' detail__author ')]",
    ".detail__body-tag": "descendant-or-self::*[@class and contains(@class, 'detail__body-tag') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' detail__body-tag ')]",
    ".detail__date": "descendant-or-self::*[@class and contains(@class, 'detail__date') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' detail__date ')]",
    ".detail__long-nav": "descendant-or-self::*[@class and contains(@class, 'detail__long-nav') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' detail__long-nav ')]",
    ".detail__long-nav a": "descendant-or-self::*[@class and contains(@class, 'detail__long-nav') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' detail__long-nav "
    "')]/descendant::a",
    ".detail__media-caption": "descendant-or-self::*[@class and contains(@class, "
    "'detail__media-caption') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' detail__media-caption ')]",
    ".detail_tag": "descendant-or-self::*[@class and contains(@class, 'detail_tag') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' detail_tag ')]",
    ".embed-player-only": "descendant-or-self::*[@class and contains(@class, 'embed-player-only') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' embed-player-only "
    "')]",
    ".emoticon": "descendant-or-self::*[@class and contains(@class, 'emoticon') and contains(concat(' "
    "', normalize-space(@class), ' '), ' emoticon ')]",
    ".entry-content": "descendant-or-self::*[@class and contains(@class, 'entry-content') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' entry-content ')]",
    ".entry-tags": "descendant-or-self::*[@class and contains(@class, 'entry-tags') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' entry-tags ')]",
    ".flex-caption": "descendant-or-self::*[@class and contains(@class, 'flex-caption') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' flex-caption ')]",
    ".foto-caption": "descendant-or-self::*[@class and contains(@class, 'foto-caption') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' foto-caption ')]",
    ".ga--baca-juga": "descendant-or-self::*[@class and contains(@class, 'ga--baca-juga') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' ga--baca-juga ')]",
    ".grey.bdr3": "descendant-or-self::*[(@class and contains(@class, 'grey') and contains(concat(' "
    "', normalize-space(@class), ' '), ' grey ')) and (@class and contains(@class, "
    "'bdr3') and contains(concat(' ', normalize-space(@class), ' '), ' bdr3 '))]",
    ".head-writer-date": "descendant-or-self::*[@class and contains(@class, 'head-writer-date') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' head-writer-date ')]",
    ".heateor_sss_sharing_container": "descendant-or-self::*[@class and contains(@class, "
    "'heateor_sss_sharing_container') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' heateor_sss_sharing_container "
    "')]",
    ".image-caption": "descendant-or-self::*[@class and contains(@class, 'image-caption') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' image-caption ')]",
    ".info": "descendant-or-self::*[@class and contains(@class, 'info') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' info ')]",
    ".inject-ads": "descendant-or-self::*[@class and contains(@class, 'inject-ads') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' inject-ads ')]",
    ".inlinelink": "descendant-or-self::*[@class and contains(@class, 'inlinelink') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' inlinelink ')]",
    ".inner-link-baca-juga": "descendant-or-self::*[@class and contains(@class, "
    "'inner-link-baca-juga') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' inner-link-baca-juga ')]",
    ".isi-berita": "descendant-or-self::*[@class and contains(@class, 'isi-berita') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' isi-berita ')]",
    ".jdl .date": "descendant-or-self::*[@class and contains(@class, 'jdl') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' jdl ')]/descendant::*[@class and contains(@class, "
    "'date') and contains(concat(' ', normalize-space(@class), ' '), ' date ')]",
    ".jeg_meta_author a": "descendant-or-self::*[@class and contains(@class, 'jeg_meta_author') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' jeg_meta_author "
    "')]/descendant::a",
    ".jeg_meta_date": "descendant-or-self::*[@class and contains(@class, 'jeg_meta_date') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' jeg_meta_date ')]",
    ".jeg_post_content .content-inner": "descendant-or-self::*[@class and contains(@class, "
    "'jeg_post_content') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' jeg_post_content "
    "')]/descendant::*[@class and contains(@class, "
    "'content-inner') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' content-inner ')]",
    ".jeg_post_tags": "descendant-or-self::*[@class and contains(@class, 'jeg_post_tags') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' jeg_post_tags ')]",
    ".jeg_share_button": "descendant-or-self::*[@class and contains(@class, 'jeg_share_button') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' jeg_share_button ')]",
    ".jp-relatedposts": "descendant-or-self::*[@class and contains(@class, 'jp-relatedposts') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' jp-relatedposts ')]",
    ".keterangan": "descendant-or-self::*[@class and contains(@class, 'keterangan') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' keterangan ')]",
    ".kompasidRec": "descendant-or-self::*[@class and contains(@class, 'kompasidRec') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' kompasidRec ')]",
    ".konten": "descendant-or-self::*[@class and contains(@class, 'konten') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' konten ')]",
    ".lihatjg": "descendant-or-self::*[@class and contains(@class, 'lihatjg') and contains(concat(' "
    "', normalize-space(@class), ' '), ' lihatjg ')]",
    ".links__item-link": "descendant-or-self::*[@class and contains(@class, 'links__item-link') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' links__item-link ')]",
    ".linksisip": "descendant-or-self::*[@class and contains(@class, 'linksisip') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' linksisip ')]",
    ".media-pholder": "descendant-or-self::*[@class and contains(@class, 'media-pholder') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' media-pholder ')]",
    ".media_artikel span": "descendant-or-self::*[@class and contains(@class, 'media_artikel') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' media_artikel "
    "')]/descendant::span",
    ".multipage a": "descendant-or-self::*[@class and contains(@class, 'multipage') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' multipage "
    "')]/descendant::a",
    ".namerep": "descendant-or-self::*[@class and contains(@class, 'namerep') and contains(concat(' "
    "', normalize-space(@class), ' '), ' namerep ')]",
    ".namerep a": "descendant-or-self::*[@class and contains(@class, 'namerep') and contains(concat(' "
    "', normalize-space(@class), ' '), ' namerep ')]/descendant::a",
    ".namerep b": "descendant-or-self::*[@class and contains(@class, 'namerep') and contains(concat(' "
    "', normalize-space(@class), ' '), ' namerep ')]/descendant::b",
    ".nav": "descendant-or-self::*[@class and contains(@class, 'nav') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' nav ')]",
    ".newstag": "descendant-or-self::*[@class and contains(@class, 'newstag') and contains(concat(' "
    "', normalize-space(@class), ' '), ' newstag ')]",
    ".noncontent": "descendant-or-self::*[@class and contains(@class, 'noncontent') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' noncontent ')]",
    ".ovh figcaption": "descendant-or-self::*[@class and contains(@class, 'ovh') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' ovh "
    "')]/descendant::figcaption",
    ".page-links a": "descendant-or-self::*[@class and contains(@class, 'page-links') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' page-links "
    "')]/descendant::a",
    ".pagging a": "descendant-or-self::*[@class and contains(@class, 'pagging') and contains(concat(' "
    "', normalize-space(@class), ' '), ' pagging ')]/descendant::a",
    ".pagination": "descendant-or-self::*[@class and contains(@class, 'pagination') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' pagination ')]",
    ".pagination a": "descendant-or-self::*[@class and contains(@class, 'pagination') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' pagination "
    "')]/descendant::a",
    ".paging": "descendant-or-self::*[@class and contains(@class, 'paging') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' paging ')]",
    ".paging a": "descendant-or-self::*[@class and contains(@class, 'paging') and contains(concat(' "
    "', normalize-space(@class), ' '), ' paging ')]/descendant::a",
    ".paging a.next": "descendant-or-self::*[@class and contains(@class, 'paging') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' paging "
    "')]/descendant::a[@class and contains(@class, 'next') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' next ')]",
    ".paging__link--next": "descendant-or-self::*[@class and contains(@class, 'paging__link--next') "
    "and contains(concat(' ', normalize-space(@class), ' '), ' "
    "paging__link--next ')]",
    ".para_caption": "descendant-or-self::*[@class and contains(@class, 'para_caption') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' para_caption ')]",
    ".paradetail": "descendant-or-self::*[@class and contains(@class, 'paradetail') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' paradetail ')]",
    ".parallax_ads": "descendant-or-self::*[@class and contains(@class, 'parallax_ads') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' parallax_ads ')]",
    ".parallaxindetail": "descendant-or-self::*[@class and contains(@class, 'parallaxindetail') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' parallaxindetail ')]",
    ".penulis": "descendant-or-self::*[@class and contains(@class, 'penulis') and contains(concat(' "
    "', normalize-space(@class), ' '), ' penulis ')]",
    ".photo__caption": "descendant-or-self::*[@class and contains(@class, 'photo__caption') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' photo__caption ')]",
    ".pic_artikel span": "descendant-or-self::*[@class and contains(@class, 'pic_artikel') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' pic_artikel "
    "')]/descendant::span",
    ".picked-article": "descendant-or-self::*[@class and contains(@class, 'picked-article') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' picked-article ')]",
    ".post-content": "descendant-or-self::*[@class and contains(@class, 'post-content') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' post-content ')]",
    ".post-date": "descendant-or-self::*[@class and contains(@class, 'post-date') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' post-date ')]",
    ".post-entry": "descendant-or-self::*[@class and contains(@class, 'post-entry') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' post-entry ')]",
    ".post-page-numbers": "descendant-or-self::*[@class and contains(@class, 'post-page-numbers') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' post-page-numbers "
    "')]",
    ".post-tag": "descendant-or-self::*[@class and contains(@class, 'post-tag') and contains(concat(' "
    "', normalize-space(@class), ' '), ' post-tag ')]",
    ".post-tags": "descendant-or-self::*[@class and contains(@class, 'post-tags') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' post-tags ')]",
    ".promo": "descendant-or-self::*[@class and contains(@class, 'promo') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' promo ')]",
    ".published time": "descendant-or-self::*[@class and contains(@class, 'published') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' published "
    "')]/descendant::time",
    ".quote-inline": "descendant-or-self::*[@class and contains(@class, 'quote-inline') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' quote-inline ')]",
    ".read-desc": "descendant-or-self::*[@class and contains(@class, 'read-desc') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' read-desc ')]",
    ".read-page--header--author__name": "descendant-or-self::*[@class and contains(@class, "
    "'read-page--header--author__name') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' "
    "read-page--header--author__name ')]",
    ".read-page--photo-gallery--item__caption": "descendant-or-self::*[@class and contains(@class, "
    "'read-page--photo-gallery--item__caption') and "
    "contains(concat(' ', normalize-space(@class), ' '), "
    "' read-page--photo-gallery--item__caption ')]",
    ".read-page--related": "descendant-or-self::*[@class and contains(@class, 'read-page--related') "
    "and contains(concat(' ', normalize-space(@class), ' '), ' "
    "read-page--related ')]",
    ".read__credit__item": "descendant-or-self::*[@class and contains(@class, 'read__credit__item') "
    "and contains(concat(' ', normalize-space(@class), ' '), ' "
    "read__credit__item ')]",
    ".read__paging a": "descendant-or-self::*[@class and contains(@class, 'read__paging') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' read__paging "
    "')]/descendant::a",
    ".read__related": "descendant-or-self::*[@class and contains(@class, 'read__related') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' read__related ')]",
    ".read__tagging": "descendant-or-self::*[@class and contains(@class, 'read__tagging') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' read__tagging ')]",
    ".read__time": "descendant-or-self::*[@class and contains(@class, 'read__time') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' read__time ')]",
    ".related": "descendant-or-self::*[@class and contains(@class, 'related') and contains(concat(' "
    "', normalize-space(@class), ' '), ' related ')]",
    ".related-posts": "descendant-or-self::*[@class and contains(@class, 'related-posts') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' related-posts ')]",
    ".selanjutnya": "descendant-or-self::*[@class and contains(@class, 'selanjutnya') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' selanjutnya ')]",
    ".share": "descendant-or-self::*[@class and contains(@class, 'share') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' share ')]",
    ".sharedaddy": "descendant-or-self::*[@class and contains(@class, 'sharedaddy') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' sharedaddy ')]",
    ".side-article.txt-article": "descendant-or-self::*[(@class and contains(@class, 'side-article') "
    "and contains(concat(' ', normalize-space(@class), ' '), ' "
    "side-article ')) and (@class and contains(@class, 'txt-article') "
    "and contains(concat(' ', normalize-space(@class), ' '), ' "
    "txt-article '))]",
    ".sidebar": "descendant-or-self::*[@class and contains(@class, 'sidebar') and contains(concat(' "
    "', normalize-space(@class), ' '), ' sidebar ')]",
    ".simple-share span": "descendant-or-self::*[@class and contains(@class, 'simple-share') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' simple-share "
    "')]/descendant::span",
    ".single-post-content": "descendant-or-self::*[@class and contains(@class, 'single-post-content') "
    "and contains(concat(' ', normalize-space(@class), ' '), ' "
    "single-post-content ')]",
    ".sisip": "descendant-or-self::*[@class and contains(@class, 'sisip') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' sisip ')]",
    ".sisip_embed_sosmed": "descendant-or-self::*[@class and contains(@class, 'sisip_embed_sosmed') "
    "and contains(concat(' ', normalize-space(@class), ' '), ' "
    "sisip_embed_sosmed ')]",
    ".social": "descendant-or-self::*[@class and contains(@class, 'social') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' social ')]",
    ".staticdetail_container": "descendant-or-self::*[@class and contains(@class, "
    "'staticdetail_container') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' staticdetail_container ')]",
    ".tag": "descendant-or-self::*[@class and contains(@class, 'tag') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' tag ')]",
    ".tags": "descendant-or-self::*[@class and contains(@class, 'tags') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' tags ')]",
    ".tags-wrapper": "descendant-or-self::*[@class and contains(@class, 'tags-wrapper') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' tags-wrapper ')]",
    ".tanggal": "descendant-or-self::*[@class and contains(@class, 'tanggal') and contains(concat(' "
    "', normalize-space(@class), ' '), ' tanggal ')]",
    ".td-post-author-name a": "descendant-or-self::*[@class and contains(@class, "
    "'td-post-author-name') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' td-post-author-name ')]/descendant::a",
    ".td-post-content": "descendant-or-self::*[@class and contains(@class, 'td-post-content') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' td-post-content ')]",
    ".td-post-date time": "descendant-or-self::*[@class and contains(@class, 'td-post-date') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' td-post-date "
    "')]/descendant::time",
    ".td-post-sharing": "descendant-or-self::*[@class and contains(@class, 'td-post-sharing') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' td-post-sharing ')]",
    ".td-post-source-tags": "descendant-or-self::*[@class and contains(@class, 'td-post-source-tags') "
    "and contains(concat(' ', normalize-space(@class), ' '), ' "
    "td-post-source-tags ')]",
    ".terkait": "descendant-or-self::*[@class and contains(@class, 'terkait') and contains(concat(' "
    "', normalize-space(@class), ' '), ' terkait ')]",
    ".text-cnn_grey": "descendant-or-self::*[@class and contains(@class, 'text-cnn_grey') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' text-cnn_grey ')]",
    ".text-cnn_red": "descendant-or-self::*[@class and contains(@class, 'text-cnn_red') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' text-cnn_red ')]",
    ".text-muted": "descendant-or-self::*[@class and contains(@class, 'text-muted') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' text-muted ')]",
    ".video-wrap": "descendant-or-self::*[@class and contains(@class, 'video-wrap') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' video-wrap ')]",
    ".waktu": "descendant-or-self::*[@class and contains(@class, 'waktu') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' waktu ')]",
    ".wp-block-embed": "descendant-or-self::*[@class and contains(@class, 'wp-block-embed') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' wp-block-embed ')]",
    ".wp-caption-text": "descendant-or-self::*[@class and contains(@class, 'wp-caption-text') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' wp-caption-text ')]",
    ".wp-element-caption": "descendant-or-self::*[@class and contains(@class, 'wp-element-caption') "
    "and contains(concat(' ', normalize-space(@class), ' '), ' "
    "wp-element-caption ')]",
    ".wrap__article-detail-content": "descendant-or-self::*[@class and contains(@class, "
    "'wrap__article-detail-content') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' wrap__article-detail-content "
    "')]",
    ".wrap__article-detail-image figcaption": "descendant-or-self::*[@class and contains(@class, "
    "'wrap__article-detail-image') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' "
    "wrap__article-detail-image ')]/descendant::figcaption",
    ".wrap__article-detail-info .text-secondary": "descendant-or-self::*[@class and contains(@class, "
    "'wrap__article-detail-info') and contains(concat(' "
    "', normalize-space(@class), ' '), ' "
    "wrap__article-detail-info ')]/descendant::*[@class "
    "and contains(@class, 'text-secondary') and "
    "contains(concat(' ', normalize-space(@class), ' "
    "'), ' text-secondary ')]",
    ".wrap__article-detail-info span": "descendant-or-self::*[@class and contains(@class, "
    "'wrap__article-detail-info') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' wrap__article-detail-info "
    "')]/descendant::span",
    ".wrap__article-detail-title h1": "descendant-or-self::*[@class and contains(@class, "
    "'wrap__article-detail-title') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' wrap__article-detail-title "
    "')]/descendant::h1",
    ".writer": "descendant-or-self::*[@class and contains(@class, 'writer') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' writer ')]",
    ".wsw__embed": "descendant-or-self::*[@class and contains(@class, 'wsw__embed') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' wsw__embed ')]",
    ".yarpp-related": "descendant-or-self::*[@class and contains(@class, 'yarpp-related') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' yarpp-related ')]",
    "[class*=Contributor] strong": "descendant-or-self::*[@class and contains(@class, "
    "'Contributor')]/descendant::strong",
    "[data-e2e=related-content-heading]": "descendant-or-self::*[@data-e2e = "
    "'related-content-heading']",
    "[itemprop=author]": "descendant-or-self::*[@itemprop = 'author']",
    "a.next": "descendant-or-self::a[@class and contains(@class, 'next') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' next ')]",
    "a.next-page": "descendant-or-self::a[@class and contains(@class, 'next-page') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' next-page ')]",
    "a[rel=author]": "descendant-or-self::a[@rel = 'author']",
    "article": "descendant-or-self::article",
    "article .content": "descendant-or-self::article/descendant::*[@class and contains(@class, "
    "'content') and contains(concat(' ', normalize-space(@class), ' '), ' content "
    "')]",
    "article .detail-konten": "descendant-or-self::article/descendant::*[@class and contains(@class, "
    "'detail-konten') and contains(concat(' ', normalize-space(@class), ' "
    "'), ' detail-konten ')]",
    "article.detail-content": "descendant-or-self::article[@class and contains(@class, "
    "'detail-content') and contains(concat(' ', normalize-space(@class), ' "
    "'), ' detail-content ')]",
    "aside": "descendant-or-self::aside",
    "button": "descendant-or-self::button",
    "div.artikel": "descendant-or-self::div[@class and contains(@class, 'artikel') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' artikel ')]",
    "div.date": "descendant-or-self::div[@class and contains(@class, 'date') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' date ')]",
    "div.detail-in": "descendant-or-self::div[@class and contains(@class, 'detail-in') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' detail-in ')]",
    "div.detail-konten": "descendant-or-self::div[@class and contains(@class, 'detail-konten') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' detail-konten ')]",
    "div.detail-wrap": "descendant-or-self::div[@class and contains(@class, 'detail-wrap') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' detail-wrap ')]",
    "div.detail__body-text": "descendant-or-self::div[@class and contains(@class, "
    "'detail__body-text') and contains(concat(' ', normalize-space(@class), "
    "' '), ' detail__body-text ')]",
    "div.detail_text": "descendant-or-self::div[@class and contains(@class, 'detail_text') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' detail_text ')]",
    "div.isi": "descendant-or-self::div[@class and contains(@class, 'isi') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' isi ')]",
    "div.itp_bodycontent": "descendant-or-self::div[@class and contains(@class, 'itp_bodycontent') "
    "and contains(concat(' ', normalize-space(@class), ' '), ' itp_bodycontent "
    "')]",
    "div.jdl h1": "descendant-or-self::div[@class and contains(@class, 'jdl') and contains(concat(' "
    "', normalize-space(@class), ' '), ' jdl ')]/descendant::h1",
    "div.read": "descendant-or-self::div[@class and contains(@class, 'read') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' read ')]",
    "div.read__article .read__content": "descendant-or-self::div[@class and contains(@class, "
    "'read__article') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' read__article "
    "')]/descendant::*[@class and contains(@class, "
    "'read__content') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' read__content ')]",
    "div.read__content": "descendant-or-self::div[@class and contains(@class, 'read__content') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' read__content ')]",
    "div.txt-article": "descendant-or-self::div[@class and contains(@class, 'txt-article') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' txt-article ')]",
    "div.txt-article.multi-fontsize": "descendant-or-self::div[(@class and contains(@class, "
    "'txt-article') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' txt-article ')) and (@class "
    "and contains(@class, 'multi-fontsize') and contains(concat(' "
    "', normalize-space(@class), ' '), ' multi-fontsize '))]",
    "div.wsw": "descendant-or-self::div[@class and contains(@class, 'wsw') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' wsw ')]",
    "div[itemprop=articleBody]": "descendant-or-self::div[@itemprop = 'articleBody']",
    "div[role=main]": "descendant-or-self::div[@role = 'main']",
    "figcaption": "descendant-or-self::figcaption",
    "figure": "descendant-or-self::figure",
    "h1": "descendant-or-self::h1",
    "h1#arttitle": "descendant-or-self::h1[@id = 'arttitle']",
    "h1.detail__title": "descendant-or-self::h1[@class and contains(@class, 'detail__title') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' detail__title ')]",
    "h1.entry-title": "descendant-or-self::h1[@class and contains(@class, 'entry-title') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' entry-title ')]",
    "h1.jeg_post_title": "descendant-or-self::h1[@class and contains(@class, 'jeg_post_title') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' jeg_post_title ')]",
    "h1.judul": "descendant-or-self::h1[@class and contains(@class, 'judul') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' judul ')]",
    "h1.post-title": "descendant-or-self::h1[@class and contains(@class, 'post-title') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' post-title ')]",
    "h1.read-page--header--title": "descendant-or-self::h1[@class and contains(@class, "
    "'read-page--header--title') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' read-page--header--title ')]",
    "h1.read__title": "descendant-or-self::h1[@class and contains(@class, 'read__title') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' read__title ')]",
    "h1.td-post-title": "descendant-or-self::h1[@class and contains(@class, 'td-post-title') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' td-post-title ')]",
    "h1.title": "descendant-or-self::h1[@class and contains(@class, 'title') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' title ')]",
    "h1[itemprop=headline]": "descendant-or-self::h1[@itemprop = 'headline']",
    "h4.name": "descendant-or-self::h4[@class and contains(@class, 'name') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' name ')]",
    "header": "descendant-or-self::header",
    "link[href*='/wp-content/']": "descendant-or-self::link[@href and contains(@href, "
    "'/wp-content/')]",
    "main[role=main]": "descendant-or-self::main[@role = 'main']",
    "meta[name=generator][content*=WordPress]": "descendant-or-self::meta[(@name = 'generator') and "
    "(@content and contains(@content, 'WordPress'))]",
    "nav": "descendant-or-self::nav",
    "p.baca": "descendant-or-self::p[@class and contains(@class, 'baca') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' baca ')]",
    "p.date": "descendant-or-self::p[@class and contains(@class, 'date') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' date ')]",
    "p.mt-2": "descendant-or-self::p[@class and contains(@class, 'mt-2') and contains(concat(' ', "
    "normalize-space(@class), ' '), ' mt-2 ')]",
    "script[src*='/wp-content/']": "descendant-or-self::script[@src and contains(@src, "
    "'/wp-content/')]",
    "section[aria-labelledby]": "descendant-or-self::section[@aria-labelledby]",
    "strong.baca": "descendant-or-self::strong[@class and contains(@class, 'baca') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' baca ')]",
    "table.linksisip": "descendant-or-self::table[@class and contains(@class, 'linksisip') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' linksisip ')]",
    "time": "descendant-or-self::time",
    "time.entry-date": "descendant-or-self::time[@class and contains(@class, 'entry-date') and "
    "contains(concat(' ', normalize-space(@class), ' '), ' entry-date ')]",
    "time.read-page--header--author__datetime": "descendant-or-self::time[@class and contains(@class, "
    "'read-page--header--author__datetime') and "
    "contains(concat(' ', normalize-space(@class), ' '), "
    "' read-page--header--author__datetime ')]",
}
