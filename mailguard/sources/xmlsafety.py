"""A gate for untrusted XML: no entity bombs, no external entities, no external DTDs.

Feeds come from the network, and feedparser hands well-formed XML to the
standard library's expat, which expands entities. So every XML document passes
``defusedxml`` first. Malformed documents are common in the wild and feedparser
reads them leniently; those are let through only when the raw bytes declare no
entities and reference no external DTD (expat stops at the first error, so it
may never have reached the dangerous part).
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import ParseError as XMLSyntaxError

import defusedxml
import defusedxml.ElementTree

from mailguard.core.errors import ParseError

_ENTITY_DECLARATION = re.compile(rb"<!\s*ENTITY", re.IGNORECASE)
_EXTERNAL_DOCTYPE = re.compile(rb"<!\s*DOCTYPE\s+[^\s>\[]+\s+(?:SYSTEM|PUBLIC)\b", re.IGNORECASE)

_ENTITIES = "unsafe XML: entity declarations are not allowed"
_EXTERNAL_REFERENCE = "unsafe XML: external references are not allowed"
_EXTERNAL_DTD = "unsafe XML: external DTD references are not allowed"


def ensure_safe_xml(data: bytes, source: str) -> bool:
    """Raise ParseError if ``data`` is unsafe XML; else tell whether it is well-formed.

    A document that is merely malformed (and shows nothing dangerous) is safe:
    the caller may hand it to a lenient parser.
    """
    try:
        _parse(data, source, forbid_dtd=True)
    except defusedxml.DTDForbidden as exc:
        if exc.sysid is not None or exc.pubid is not None:
            raise ParseError(source, _EXTERNAL_DTD) from exc
        # An internal DTD subset alone is harmless; look inside it for entities.
        return _check_internal_subset(data, source)
    except XMLSyntaxError:
        _check_raw_bytes(data, source)
        return False
    return True


def _check_internal_subset(data: bytes, source: str) -> bool:
    try:
        _parse(data, source, forbid_dtd=False)
    except XMLSyntaxError:
        _check_raw_bytes(data, source)
        return False
    return True


def _parse(data: bytes, source: str, *, forbid_dtd: bool) -> None:
    try:
        defusedxml.ElementTree.fromstring(
            data, forbid_dtd=forbid_dtd, forbid_entities=True, forbid_external=True
        )
    except defusedxml.EntitiesForbidden as exc:
        raise ParseError(source, _ENTITIES) from exc
    except defusedxml.ExternalReferenceForbidden as exc:
        raise ParseError(source, _EXTERNAL_REFERENCE) from exc
    except defusedxml.DTDForbidden:
        raise
    except (ValueError, LookupError) as exc:
        # expat rejects some encodings and byte sequences outside its ParseError.
        raise XMLSyntaxError(str(exc)) from exc


def _check_raw_bytes(data: bytes, source: str) -> None:
    # UTF-16 and UTF-32 put NUL bytes between ASCII characters; dropping them
    # lets one byte pattern see the markup in any of those encodings.
    ascii_view = data.replace(b"\x00", b"")
    if _ENTITY_DECLARATION.search(ascii_view):
        raise ParseError(source, _ENTITIES)
    if _EXTERNAL_DOCTYPE.search(ascii_view):
        raise ParseError(source, _EXTERNAL_DTD)
