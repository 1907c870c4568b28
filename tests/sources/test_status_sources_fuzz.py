"""The status-page sources never crash and never confuse each other's documents.

Whatever bytes arrive, ``parse`` returns well-formed windows or raises a one-line
ParseError; ``sniff`` answers True or False. Each sample sniffs as its own kind.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailguard.core.errors import ParseError
from mailguard.core.model import Confidence
from mailguard.sources import cachet, instatus, statuspage
from mailguard.sources.base import ParseResult
from tests.sources.contexts import STATUS_DAYS_AHEAD, parse_context

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SOURCE = "https://status.kolibri-mail.example/feed"
NOW = datetime(2026, 3, 2, 7, tzinfo=UTC)
CTX = parse_context(SOURCE, ZoneInfo("Europe/Berlin"), NOW, days_ahead=STATUS_DAYS_AHEAD)

#: In the registry's sniffing order.
MODULES: tuple[ModuleType, ...] = (statuspage, cachet, instatus)
SAMPLE_KINDS = {
    path.name: module
    for module in MODULES
    for path in sorted(SAMPLES.glob(f"{module.KIND}-*.json"))
}

# Values that reach deep into the parsers: times at the calendar's edges, numbers
# as text, statuses, a lone surrogate no terminal can print.
TRICKY_STRINGS = [
    "2026-03-04T22:00:00.000+01:00",
    "2026-03-05T02:00:00Z",
    "2026-03-04 22:00:00",
    "2026-03-04",
    "9999-12-31T23:59:59+00:00",
    "9999-12-31 23:00:00",
    "0001-01-01T00:00:00+14:00",
    "0001-01-01 00:30:00",
    "60",
    "-5",
    "nan",
    "1e400",
    "scheduled",
    "cancelled",
    "NOTSTARTEDYET",
    "INPROGRESS",
    "This maintenance has been cancelled.",
    "\ud800 IMAP\n",
    "",
    " ",
    "0",
    "2",
    "components",
    "schedules",
]
FIELD_NAMES = [
    "page", "id", "name", "title", "status", "scheduled_for", "scheduled_until",
    "updated_at", "components", "group", "group_id", "incident_updates", "body",
    "display_at", "created_at", "shortlink", "incidents", "scheduled_maintenances",
    "data", "meta", "pagination", "scheduled_at", "completed_at", "message",
    "attributes", "scheduled", "completed", "updated", "string", "value",
    "relationships", "included", "type", "activeMaintenances", "activeIncidents",
    "start", "duration", "updates", "updatedAt", "createdAt", "started", "en", "url",
]  # fmt: skip

json_leaves = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(TRICKY_STRINGS)
)
json_values = st.recursive(
    json_leaves,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=6), children, max_size=6)
    ),
    max_leaves=40,
)


def parse_or_parse_error(module: ModuleType, data: bytes) -> ParseResult | None:
    """Parse, allowing only a one-line ParseError that names the source."""
    try:
        result: ParseResult = module.parse(data, CTX)
    except ParseError as exc:
        message = str(exc)
        assert message.startswith(f"{SOURCE}: ")
        assert "\n" not in message
        return None
    return result


def assert_well_formed(result: ParseResult, module: ModuleType) -> None:
    for window in result.windows:
        assert (window.source, window.source_kind) == (SOURCE, module.KIND)
        assert window.start.utcoffset() is not None
        assert window.end.utcoffset() is not None
        assert window.start < window.end
        assert window.title.strip()
        assert window.id.startswith("mw-")
        if window.end_estimated:
            assert window.confidence is Confidence.LOW
        assert set(window.warnings) <= set(result.warnings)
        # Everything a window says must be printable and serializable.
        json.dumps(window.to_json(NOW), ensure_ascii=False).encode("utf-8")
    for warning in result.warnings:
        assert "\n" not in warning
        warning.encode("utf-8")


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.KIND)
@settings(max_examples=200, deadline=None)
@given(doc=json_values)
def test_any_json_document_parses_or_raises_a_parse_error(module: ModuleType, doc: Any) -> None:
    data = json.dumps(doc).encode()
    assert isinstance(module.sniff(data), bool)
    result = parse_or_parse_error(module, data)
    if result is not None:
        assert_well_formed(result, module)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.KIND)
@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=300) | st.sampled_from([b"{", b"[" * 3000, b"\xef\xbb\xbf{}"]))
def test_any_bytes_parse_or_raise_a_parse_error(module: ModuleType, data: bytes) -> None:
    assert isinstance(module.sniff(data), bool)
    result = parse_or_parse_error(module, data)
    if result is not None:
        assert_well_formed(result, module)


_DELETE = object()
replacements = st.sampled_from(TRICKY_STRINGS) | st.just(_DELETE) | json_values


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


def _mutate(doc: Any, path: tuple[Any, ...], replacement: Any) -> Any:
    if not path:
        return None if replacement is _DELETE else replacement
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    if replacement is _DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = replacement
    return doc


def samples_of(module: ModuleType) -> list[str]:
    return [name for name, kind in SAMPLE_KINDS.items() if kind is module]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.KIND)
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_a_mutated_sample_parses_or_raises_a_parse_error(
    module: ModuleType, data: st.DataObject
) -> None:
    sample = data.draw(st.sampled_from(samples_of(module)), label="sample")
    doc = json.loads((SAMPLES / sample).read_bytes())
    for _ in range(data.draw(st.integers(min_value=1, max_value=3), label="mutations")):
        paths = _paths(doc)
        # Half the time aim at a field the parsers read, where bugs would hide.
        read_fields = [p for p in paths if p and p[-1] in FIELD_NAMES]
        if read_fields and data.draw(st.booleans(), label="aim"):
            paths = read_fields
        path = data.draw(st.sampled_from(paths), label="path")
        doc = _mutate(doc, path, data.draw(replacements, label="replacement"))
    result = parse_or_parse_error(module, json.dumps(doc).encode())
    if result is not None:
        assert_well_formed(result, module)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.KIND)
@settings(max_examples=200, deadline=None)
@given(data=st.data(), flip=st.integers(min_value=1, max_value=255))
def test_a_damaged_sample_file_parses_or_raises_a_parse_error(
    module: ModuleType, data: st.DataObject, flip: int
) -> None:
    raw = bytearray((SAMPLES / data.draw(st.sampled_from(samples_of(module)))).read_bytes())
    at = data.draw(st.integers(min_value=0, max_value=len(raw) - 1), label="at")
    raw[at] ^= flip
    damaged = bytes(raw[: data.draw(st.integers(min_value=at + 1, max_value=len(raw)))])
    for reader in MODULES:
        assert isinstance(reader.sniff(damaged), bool)
        result = parse_or_parse_error(reader, damaged)
        if result is not None:
            assert_well_formed(result, reader)


@pytest.mark.parametrize("sample", sorted(SAMPLE_KINDS))
def test_each_sample_sniffs_as_exactly_its_own_kind(sample: str) -> None:
    data = (SAMPLES / sample).read_bytes()
    assert [m.KIND for m in MODULES if m.sniff(data)] == [SAMPLE_KINDS[sample].KIND]


@pytest.mark.parametrize("sample", sorted(SAMPLE_KINDS))
def test_the_registry_detects_each_sample_as_its_own_kind(sample: str) -> None:
    # Skipped until every source module the registry imports exists.
    registry = pytest.importorskip("mailguard.sources.registry", exc_type=ImportError)
    data = (SAMPLES / sample).read_bytes()
    assert registry.detect_kind(data, CTX) == SAMPLE_KINDS[sample].KIND


def test_every_status_sample_is_covered() -> None:
    assert len(SAMPLE_KINDS) == 9
    assert {m.KIND for m in SAMPLE_KINDS.values()} == {"statuspage", "cachet", "instatus"}


@pytest.mark.parametrize(
    "sample",
    sorted(
        path.name for path in SAMPLES.iterdir() if path.is_file() and path.name not in SAMPLE_KINDS
    ),
)
def test_no_other_format_sniffs_as_a_status_page(sample: str) -> None:
    data = (SAMPLES / sample).read_bytes()
    assert [m.KIND for m in MODULES if m.sniff(data)] == []
