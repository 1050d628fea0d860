"""Authors a page names without a marked byline (issue 11): a label and the name after it, a
"Written by" line, Yoast's labelled card, and a site that declares itself the author. Every page
here is written for the project."""

from __future__ import annotations

from korantui.core.article.extract import explain_article, extract_article

STORY = "".join(
    f"<p>Paragraph {n}: the river trail reopened on Monday after volunteers cleared the fallen"
    f" trees and rebuilt the two footbridges that the spring floods had carried away.</p>"
    for n in range(1, 7)
)
URL = "https://trail-notes.example/blog/river-trail-reopens"


def page(head: str = "", header: str = "", after: str = "") -> str:
    return (
        f"<html><head>{head}</head><body><main><h1>The River Trail Reopens After the Floods</h1>"
        f"{header}<div class='content'>{STORY}</div>{after}</main></body></html>"
    )


def test_the_name_after_an_author_label_is_the_author() -> None:
    after = "<div class='meta'><p>Author</p><p>Maren Oyelaran</p></div>"
    extraction = explain_article(page(after=STORY + after), URL)
    assert extraction.article.author == "Maren Oyelaran"
    assert "label" in extraction.explain()["author"]["from"]


def test_a_written_by_line_below_the_story_is_the_author() -> None:
    after = "<div class='x1'><img src='/face.jpg' alt=''><p>Written by Tomas Reinholt</p></div>"
    assert extract_article(page(after=after), URL).author == "Tomas Reinholt"


def test_a_written_by_sentence_is_no_byline() -> None:
    after = "<p>Written by hand in the margins of the old trail map, the notes were kept.</p>"
    assert extract_article(page(after=after), URL).author == ""


def test_yoasts_labelled_card_names_the_author() -> None:
    head = (
        "<meta name='twitter:label1' content='Written by'>"
        "<meta name='twitter:data1' content='Ines Vartanian'>"
        "<meta name='twitter:label2' content='Est. reading time'>"
        "<meta name='twitter:data2' content='4 minutes'>"
    )
    assert extract_article(page(head=head), URL).author == "Ines Vartanian"


def test_a_card_without_the_author_label_names_no_one() -> None:
    head = (
        "<meta name='twitter:label1' content='Est. reading time'>"
        "<meta name='twitter:data1' content='4 minutes'>"
    )
    assert extract_article(page(head=head), URL).author == ""


def test_a_site_that_declares_itself_the_author_is_the_author() -> None:
    head = (
        "<meta name='author' content='trailnotes'>"
        "<meta property='og:site_name' content='TrailNotes'>"
    )
    assert extract_article(page(head=head), URL).author == "trailnotes"


def test_a_json_ld_author_given_by_reference_is_resolved() -> None:
    graph = (
        '{"@context": "https://schema.org", "@graph": ['
        '{"@type": "BlogPosting", "headline": "The River Trail Reopens After the Floods",'
        ' "author": {"@id": "https://trail-notes.example/#/person/7"}},'
        '{"@type": "Person", "@id": "https://trail-notes.example/#/person/7",'
        ' "name": "Saskia Lindqvist"}]}'
    )
    head = f"<script type='application/ld+json'>{graph}</script>"
    extraction = explain_article(page(head=head), URL)
    assert extraction.article.author == "Saskia Lindqvist"
    assert extraction.explain()["author"]["from"] == "json-ld author"


def test_the_reviewer_is_not_the_author() -> None:
    head = "<meta name='author' content='Dara Okonkwo'>"
    header = "<ul class='post-info'><li class='author'>Reviewed by: Felix Amundsen, CFP</li></ul>"
    after = "<div class='author-box'><h4 class='author-name'>Felix Amundsen, CFP</h4></div>"
    assert extract_article(page(head=head, header=header, after=after), URL).author == (
        "Dara Okonkwo"
    )


def test_a_page_builders_widget_wrapper_is_no_sidebar() -> None:
    header = (
        "<div class='elementor-widget elementor-widget-post-info'>"
        "<div class='elementor-widget-container'><span class='author'>By Noor Haddad</span>"
        "</div></div>"
    )
    assert extract_article(page(header=header), URL).author == "Noor Haddad"


def test_a_wordpress_sidebar_widget_is_still_clutter() -> None:
    after = (
        "<div class='widget widget_recent_entries'><span class='author'>By Other Writer</span>"
        "</div>"
    )
    assert extract_article(page(after=after), URL).author == ""


def test_a_date_or_a_mail_address_in_a_byline_box_is_no_author() -> None:
    head = "<meta name='author' content='web@trail-notes.example'>"
    header = (
        "<div class='byline'>Dec</div>"
        "<div class='post-author'><span class='author'>Hedda Lund</span></div>"
    )
    assert extract_article(page(head=head, header=header), URL).author == "Hedda Lund"


def test_a_phrase_in_an_author_box_loses_to_the_declared_author() -> None:
    head = "<meta name='author' content='The Trail Notes Team'>"
    header = (
        "<div class='author-info'><a href='/policy'>Learn about our editorial policies</a></div>"
    )
    assert extract_article(page(head=head, header=header), URL).author == "The Trail Notes Team"


def test_several_authors_are_all_named() -> None:
    names = "Ana Ruiz Ortega|Ben Okafor|Chen Li|Dagny Holm|Emeka Obi|Farah Siddiqui|Gustav Lind"
    people = ", ".join(f'{{"@type": "Person", "name": "{n}"}}' for n in names.split("|"))
    ld = f'{{"@type": "Report", "headline": "Trail Survey", "author": [{people}]}}'
    head = f"<script type='application/ld+json'>{ld}</script>"
    author = extract_article(page(head=head), URL).author
    assert author.startswith("Ana Ruiz Ortega, Ben Okafor") and author.endswith("Gustav Lind")


def test_one_meta_tag_per_author_names_them_all() -> None:
    head = (
        "<meta name='citation_author' content='Ruiz, Ana'>"
        "<meta name='citation_author' content='Okafor, Ben'>"
    )
    assert extract_article(page(head=head), URL).author == "Ruiz, Ana, Okafor, Ben"


def test_a_personal_blogs_copyright_holder_is_its_author() -> None:
    after = "<footer><p>© 2025 Ingrid Solberg. All rights reserved.</p></footer>"
    url = "https://ingridsolberg.example/posts/river-trail"
    extraction = explain_article(page(after=after), url)
    assert extraction.article.author == "Ingrid Solberg"
    assert extraction.explain()["author"]["from"] == "the copyright holder"


def test_a_byline_beats_the_copyright_holder() -> None:
    header = "<p class='byline'>By Runa Eide</p>"
    after = "<footer><p>© 2025 Trail Notes Media Ltd. All rights reserved.</p></footer>"
    assert extract_article(page(header=header, after=after), URL).author == "Runa Eide"


def test_a_blog_named_after_its_owner_is_theirs() -> None:
    head = "<meta property='og:site_name' content=\"Runa Eide's blog\">"
    assert extract_article(page(head=head), URL).author == "Runa Eide"


def test_a_wire_storys_summary_opening_with_its_byline_names_the_author() -> None:
    head = (
        "<meta name='description' content='By Halvard Moe OSLO, Dec 20, 2025 (NTB) - The river"
        " trail reopened on Monday.'>"
    )
    assert extract_article(page(head=head), URL).author == "Halvard Moe"


def test_an_author_box_opening_with_the_name_before_a_biography() -> None:
    bio = "Hedda Lund has walked and mapped the valley's trails for twenty years. " * 3
    after = (
        "<div class='post-author-box'><div class='avatar-initials'>HL</div>"
        f"<div class='post-author-text'><div>Hedda Lund</div><p>{bio}</p></div></div>"
    )
    assert extract_article(page(after=after), URL).author == "Hedda Lund"


def test_a_copyright_line_saying_copyright_twice_names_the_holder() -> None:
    after = "<div class='site-info'><p>© Copyright Ingrid Solberg</p></div>"
    assert extract_article(page(after=after), URL).author == "Ingrid Solberg"


def test_a_byline_in_the_article_s_own_side_column_is_the_author() -> None:
    """The author, the date and the share buttons in a column the layout calls its sidebar."""
    column = (
        "<aside class='story-sidebar'><div class='story-sidebar_section'>"
        "<div class='post-author-name'>Sunniva Brekke</div><p>Trail editor</p>"
        "<p>March 3, 2026</p><a href='https://share.example/?u=x'>Share</a></div></aside>"
    )
    assert extract_article(page(header=column), URL).author == "Sunniva Brekke"


def test_a_byline_in_a_sidebar_of_other_stories_is_still_theirs() -> None:
    others = (
        "<aside class='sidebar'><div class='post-author-name'>Sunniva Brekke</div>"
        "<a href='/blog/lake-loop-closed'>The Lake Loop Closes for the Nesting Season</a>"
        "</aside>"
    )
    assert extract_article(page(after=others), URL).author == ""
    comments = (
        "<div class='sidebar'><div class='comment'><span class='comment-author'>Ola Brun</span>"
        "<p>Great news, thanks!</p></div></div>"
    )
    assert extract_article(page(after=comments), URL).author == ""


def test_a_name_after_the_byline_s_leading_date_is_the_author() -> None:
    header = (
        "<div class='publish-date-author'>Mar. 3, 2026 &middot; Sunniva Brekke on behalf of"
        " the Trail Club</div>"
    )
    assert extract_article(page(header=header), URL).author == "Sunniva Brekke"
    # A time and its zone after the date, then a programme's name: no author there.
    header = (
        "<div class='story-meta has-byline'><time>March 3, 2026</time> 6:01 PM ET Heard on"
        " Morning Trails</div>"
    )
    assert extract_article(page(header=header), URL).author == ""


def test_a_camel_cased_class_marks_a_byline_too() -> None:
    """CSS modules name classes "styles_dateAndAuthorContainer__x1Y2z"."""
    header = (
        "<div class='styles_dateAndAuthorContainer__Qw3rT'><span class='styles_all__a1'>"
        "Mar 3, 2026</span><span class='styles_all__a1'>Sunniva K. Brekke</span></div>"
    )
    assert extract_article(page(header=header), URL).author == "Sunniva K. Brekke"


def test_a_label_and_its_linked_name_in_one_line_are_the_author() -> None:
    # Far below the headline, after the story's notes.
    notes = "<ul>" + "<li>Bring water, and boots for the muddy stretch.</li>" * 60 + "</ul>"
    after = notes + (
        "<p class='text-md leading-7'>Written by <a class='underline'"
        " href='https://profiles.example/sbrekke'>Sunniva Brekke</a></p>"
    )
    assert extract_article(page(after=after), URL).author == "Sunniva Brekke"


def test_an_article_by_label_names_the_element_after_it() -> None:
    after = (
        "<div class='space-y-6'><div class='text-sm'>Article by</div>"
        "<div class='text-xl mb-8'>Halvard Moe</div></div>"
    )
    assert extract_article(page(after=after), URL).author == "Halvard Moe"


def test_a_personal_sites_home_link_names_its_owner() -> None:
    # A personal blog's logo is its owner's name, and the name is the domain's.
    before = "<header><a href='/'>Runa Eide</a> <a href='/about'>About</a></header>"
    html = page().replace("<main>", f"{before}<main>")
    assert extract_article(html, "https://runaeide.example/notes/trail").author == "Runa Eide"


def test_a_home_link_that_is_not_the_domains_name_names_no_one() -> None:
    before = "<header><a href='/'>Runa Eide</a></header>"
    assert extract_article(page().replace("<main>", f"{before}<main>"), URL).author == ""


def test_a_portrait_and_its_name_under_the_headline_are_the_byline() -> None:
    header = (
        "<div class='meta'><span>2025-12-17</span> · <a title='Halvard Moe'>"
        "<img src='/me.png' alt='Halvard Moe'><div>Halvard Moe</div></a></div>"
    )
    assert extract_article(page(header=header), URL).author == "Halvard Moe"


def test_an_avatar_and_the_name_after_it_are_the_byline() -> None:
    header = "<p><img src='/g/ab12.png' class='avatar avatar-xs'> Sunniva Brekke in Guides</p>"
    assert extract_article(page(header=header), URL).author == "Sunniva Brekke"


def test_a_pictures_credit_under_the_headline_is_no_byline() -> None:
    header = (
        "<div><picture><img src='/hero.jpg' alt='Image Credit: Pexels'>"
        "<figcaption>Image Credit: Pexels</figcaption></picture></div>"
    )
    assert extract_article(page(header=header), URL).author == ""


def test_a_byline_label_with_no_name_after_it_names_no_one() -> None:
    # A template's byline whose name link came out empty: "Jun 2 Written By".
    header = (
        "<div class='blog-item-author-date-wrapper'><time>Jun 2</time>"
        "<div class='blog-meta-item--author author'>Written By <a href='/blog?author=602c'></a>"
        "</div></div>"
    )
    assert extract_article(page(header=header), URL).author == ""


def test_a_name_after_a_date_and_a_written_by_label_is_the_author() -> None:
    header = "<div class='author-date'>Jun 2 Written By Runa Eide</div>"
    assert extract_article(page(header=header), URL).author == "Runa Eide"


def test_a_web_address_in_the_byline_is_no_name() -> None:
    head = "<meta name='author' content='Runa Eide'>"
    header = (
        "<div class='author'><a href='https://runaeide.example'>https://runaeide.example</a></div>"
    )
    assert extract_article(page(head=head, header=header), URL).author == "Runa Eide"


def test_a_byline_boxs_topic_links_are_no_name() -> None:
    header = (
        "<div class='blog-post__byline'><ul><li><a class='tag' href='/blog/tag/personal-finance'>"
        "Personal finance</a></li></ul></div>"
    )
    assert extract_article(page(header=header), URL).author == ""


def test_a_by_line_with_a_colon_is_a_byline() -> None:
    assert extract_article(page(header="<p>By: Halvard Moe</p>"), URL).author == "Halvard Moe"


def test_a_contributors_label_and_the_name_after_it_in_one_box() -> None:
    after = "<div class='tags'><div><strong>Contributors:</strong> Sunniva Brekke</div></div>"
    assert extract_article(page(after=after), URL).author == "Sunniva Brekke"


def test_a_summary_saying_who_wrote_the_post_names_the_author() -> None:
    head = (
        "<meta name='description' content='This post was written by Runa Eide, MD, a"
        " gastroenterologist at Trail Health. Diet is one of the pillars of a thriving life.'>"
    )
    assert extract_article(page(head=head), URL).author == "Runa Eide"


def test_an_icon_beside_a_button_s_label_is_no_byline() -> None:
    header = (
        "<a class='print'><img src='/icons/print.svg' alt='Print Vet Bio'>"
        "<span>Print Article</span></a>"
    )
    assert extract_article(page(header=header), URL).author == ""


def test_a_kontributor_label_names_the_author_beside_it() -> None:
    after = "<p><b>Kontributor:</b> Rina Marlina</p>"
    assert extract_article(page(after=after), URL).author == "Rina Marlina"
