"""Filing rules: what they match, what they refuse to be, and their JSON form."""

from __future__ import annotations

import json

import pytest

from mailguard.core.errors import UsageError
from mailguard.core.filing_rules import FilingRule

BILLS = FilingRule(
    "Stadtwerke",
    "INBOX",
    "Rechnungen",
    sender_contains="stadtwerke",
    subject_contains="RECHNUNG",
)


@pytest.mark.parametrize(
    ("sender", "subject", "expected"),
    [
        ("Stadtwerke <billing@STADTWERKE.example>", "Ihre Rechnung März", True),
        ("Stadtwerke <billing@stadtwerke.example>", "Störung", False),  # one condition only
        ("nachbar@example.org", "Rechnung", False),
        ("", "", False),
    ],
)
def test_every_condition_must_match_ignoring_case(
    sender: str, subject: str, expected: bool
) -> None:
    assert BILLS.matches(sender, "bob@example.org", subject) is expected


def test_a_recipient_condition_looks_only_at_recipients() -> None:
    rule = FilingRule("Liste", "INBOX", "Listen", recipient_contains="verein@lists")
    assert rule.matches("anna@example.org", "bob@example.org, VEREIN@lists.example", "Hi")
    assert not rule.matches("verein@lists.example", "bob@example.org", "verein@lists")


def test_unicode_case_is_folded() -> None:
    rule = FilingRule("Straße", "INBOX", "Post", subject_contains="STRASSE")
    assert rule.matches("", "", "Neue Straße")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({}, "needs at least one condition"),
        ({"subject_contains": ""}, "'subject_contains' is empty"),
        ({"sender_contains": "   "}, "'sender_contains' is empty"),
        ({"target": "INBOX", "subject_contains": "x"}, "into its own folder"),
        ({"name": " ", "subject_contains": "x"}, "needs a name"),
        ({"target": "", "subject_contains": "x"}, "source and a target"),
    ],
)
def test_a_rule_that_would_match_everything_or_nothing_sensible_is_refused(
    options: dict[str, str], message: str
) -> None:
    settings = {"name": "r", "folder": "INBOX", "target": "Archiv", **options}
    with pytest.raises(UsageError, match=message) as caught:
        FilingRule(**settings)
    assert "\n" not in str(caught.value)


def test_json_round_trip_keeps_every_field() -> None:
    rule = FilingRule("Liste", "INBOX", "Listen/Verein", recipient_contains="verein@")
    text = json.dumps(rule.to_json())
    assert FilingRule.from_json(json.loads(text)) == rule
    assert FilingRule.from_json(BILLS.to_json()) == BILLS


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"folder": "INBOX", "target": "A", "subject_contains": "x"}, "'name' must be text"),
        ({"name": "r", "folder": 3, "target": "A"}, "'folder' must be text"),
        (
            {"name": "r", "folder": "INBOX", "target": "A", "subject_contains": ["x"]},
            "'subject_contains' must be text or absent",
        ),
        ({"name": "r", "folder": "INBOX", "target": "A"}, "needs at least one condition"),
    ],
)
def test_malformed_json_is_a_one_line_usage_error(data: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        FilingRule.from_json(data)
