"""HTML to plain text: what a reader sees, with the line breaks the readers rely on."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailguard.sources.htmltext import html_to_text, looks_like_html


@pytest.mark.parametrize(
    ("html", "text"),
    [
        pytest.param("<p>Wartung</p><p>am 3. März</p>", "Wartung\n\nam 3. März", id="paragraphs"),
        pytest.param("22:00<br>bis 02:00 Uhr", "22:00\nbis 02:00 Uhr", id="br"),
        pytest.param("22:00<br/>bis<BR />02:00", "22:00\nbis\n02:00", id="self-closed-br"),
        pytest.param("<h2>Wartung</h2>Text", "Wartung\n\nText", id="heading"),
        pytest.param("<ul><li>IMAP</li><li>SMTP</li></ul>", "- IMAP\n- SMTP", id="list-items"),
        pytest.param(
            "<table><tr><td>Start</td><td>22:00</td></tr><tr><td>Ende</td><td>02:00</td></tr>"
            "</table>",
            "Start 22:00\nEnde 02:00",
            id="table-rows-keep-cells-together",
        ),
        pytest.param("a<script>alert('x')</script>b", "ab", id="script-dropped"),
        pytest.param("<style>p { color: red }</style><p>x</p>", "x", id="style-dropped"),
        pytest.param("<noscript>enable JS</noscript>ok", "ok", id="noscript-dropped"),
        pytest.param("M&auml;rz &amp; April &ndash; 22:00", "März & April – 22:00", id="named"),
        pytest.param("&#8211; &#x2013; &#228;", "– – ä", id="numeric-entities"),
        pytest.param("3.&nbsp;März", "3. März", id="nbsp-is-a-space"),
        pytest.param("POP3 & IMAP", "POP3 & IMAP", id="bare-ampersand"),
        pytest.param("am   3.\n   März\t2026", "am 3. März 2026", id="inline-whitespace"),
        pytest.param("<pre>22:00\n02:00</pre>", "22:00\n02:00", id="pre-keeps-lines"),
        pytest.param("<p>a</p>\n\n\n<div><p>b</p></div>", "a\n\nb", id="one-blank-line-at-most"),
        pytest.param("<strong>am 3.</strong> <em>März</em>", "am 3. März", id="inline-elements"),
        pytest.param("<title>Wartung</title><p>Text</p>", "Text", id="page-title-hidden"),
        pytest.param("<!-- hidden --><p>shown</p>", "shown", id="comment-dropped"),
        pytest.param("", "", id="empty"),
        pytest.param("<p>unclosed <b>bold", "unclosed bold", id="unclosed-tags"),
    ],
)
def test_html_to_text_reads_as_a_person_would(html: str, text: str) -> None:
    assert html_to_text(html) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<p>x</p>", True),
        ("a &amp; b", True),
        ("&#228;", True),
        ("plain text, 22:00 < 23:00", False),
        ("Fish & Chips", False),
        ("", False),
    ],
)
def test_looks_like_html_spots_markup(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_html_to_text_never_raises_and_returns_stripped_text(html: str) -> None:
    text = html_to_text(html)
    assert text == text.strip()
    assert "\n\n\n" not in text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["<p>", "</p>", "<br>", "<script>", "</script>", "<li>", "<pre>", "</pre>", "&amp;"]
        )
        | st.text(max_size=8)
    )
)
def test_html_to_text_survives_tag_soup(pieces: list[str]) -> None:
    assert isinstance(html_to_text("".join(pieces)), str)


@pytest.mark.parametrize(
    "html",
    ["<![<p>We have cancelled</p>", "<p>Notice</p><![C maintenance]]>", "<![if mso]>x<![endif]>"],
)
def test_a_bogus_marked_section_is_read_as_text_not_an_error(html: str) -> None:
    text = html_to_text(html)
    assert "<p>" not in text
    assert text  # something of it survives, nothing raises
