"""``mailguard report`` against reports made by real resyncs of a Dovecot mailbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.cli.cli_runner import MailguardCli, error_line
from tests.dovecot import Dovecot, MailUser, make_message

TOKYO = ZoneInfo("Asia/Tokyo")  # JST all year: no DST change inside a test's window
ARRIVED = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)  # 18:00 JST, long before the snapshot


def shown(iso: str) -> str:
    """A moment as the report shows it: Tokyo time with its zone."""
    return f"{datetime.fromisoformat(iso).astimezone(TOKYO):%Y-%m-%d %H:%M %Z}"


@pytest.fixture
def two_reports(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser, monkeypatch: pytest.MonkeyPatch
) -> list[dict[str, object]]:
    """#1: a resync with no window near; #2: a full one while a window runs (preliminary).

    Between the snapshot and the resyncs a message was deleted behind mailguard's
    back, and one came in late whose sender's clock runs 80 s fast.
    """
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    gone = make_message(subject="to be deleted", message_id="<gone@test.example>", date=ARRIVED)
    dovecot.deliver(mail_user, "INBOX", gone, internaldate=ARRIVED)
    assert cli.add_account(dovecot, mail_user).exit_code == 0
    assert cli("snapshot", "work").exit_code == 0
    with dovecot.client(mail_user) as client:
        client.select_folder("INBOX")
        client.delete_messages(client.search("ALL"))
        client.expunge()
    fast = make_message(subject="fast clock", date=ARRIVED + timedelta(seconds=80))
    dovecot.deliver(mail_user, "INBOX", fast, internaldate=ARRIVED)
    assert cli("resync", "work").exit_code == 0
    now = datetime.now(UTC).replace(microsecond=0)
    window = cli(
        "window", "add", "work", "--title", "Mail migration",
        "--start", (now - timedelta(hours=1)).isoformat(),
        "--end", (now + timedelta(hours=1)).isoformat(),
    )  # fmt: skip
    assert window.exit_code == 0, window.err
    assert cli("resync", "work", "--full").exit_code == 0
    reports = cli("report", "work", "--json").json()
    assert [r["id"] for r in reports] == [2, 1]
    return list(reversed(reports))


def test_the_list_shows_one_line_per_report_newest_first(
    cli: MailguardCli, two_reports: list[dict[str, object]]
) -> None:
    first, second = two_reports
    window = second["window"]
    assert isinstance(window, dict)

    listed = cli("report", "work")

    assert listed.exit_code == 0, listed.err
    start = datetime.fromisoformat(window["start"]).astimezone(TOKYO)
    end = datetime.fromisoformat(window["end"]).astimezone(TOKYO)
    end_text = f"{end:%H:%M}" if end.date() == start.date() else f"{end:%Y-%m-%d %H:%M}"
    assert listed.out.splitlines() == [
        f"#2  {shown(str(second['created_at']))}  resync, full  after 'Mail migration' "
        f"({start:%Y-%m-%d %H:%M}–{end_text} {end:%Z})  PRELIMINARY  1 backfilled, 1 missing",
        f"#1  {shown(str(first['created_at']))}  resync, incremental  no window  "
        "1 backfilled, 1 missing",
    ]
    assert "mailguard report work N" in listed.err


def test_one_report_in_full_names_missing_mail_and_what_to_do(
    cli: MailguardCli, two_reports: list[dict[str, object]]
) -> None:
    first, _ = two_reports

    full = cli("report", "work", "1")

    assert full.exit_code == 0, full.err
    lines = full.out.splitlines()
    assert lines[0] == (
        f"work: resync #1 at {shown(str(first['created_at']))}, compared with the snapshot of "
        f"{shown(first['baseline']['taken_at'])}"  # type: ignore[index]
    )
    missing = lines.index("Missing (in no folder any more): 1")
    assert lines[missing + 1].startswith("  INBOX #1  2026-01-05 18:00 JST  Alice")
    assert lines[missing + 1].endswith("'to be deleted'  — Message-ID <gone@test.example>")
    assert lines[missing + 2] == "  What you can do:"
    advice = " ".join(lines[missing + 3 : missing + 9])
    hints = ("webmail", "trash", "mailguard watch", "ask the provider", "the folder and the UID")
    assert [hint for hint in hints if hint not in advice] == []
    assert "PRELIMINARY" not in full.out


def test_a_date_header_later_than_the_arrival_is_not_what_is_shown(
    cli: MailguardCli, two_reports: list[dict[str, object]]
) -> None:
    first, _ = two_reports
    (late,) = first["backfilled"]  # type: ignore[misc]

    full = cli("report", "work", "1").out

    assert late["shown_date"] == late["internaldate"] == ARRIVED.isoformat()
    assert datetime.fromisoformat(late["date"]) == ARRIVED + timedelta(seconds=80)  # kept as is
    assert "2026-01-05 18:00 JST  Alice <alice@example.org>  'fast clock'" in full
    assert "18:01" not in full


def test_a_report_made_during_its_window_says_it_is_preliminary(
    cli: MailguardCli, two_reports: list[dict[str, object]]
) -> None:
    first, second = two_reports
    window = second["window"]
    assert isinstance(window, dict)
    margin_end = datetime.fromisoformat(window["end"]) + timedelta(minutes=15)

    text = cli("report", "work", "2").out.splitlines()

    assert (first["preliminary"], second["preliminary"]) == (False, True)
    assert datetime.fromisoformat(str(second["preliminary_until"])) == margin_end
    assert text[2] == (
        "  PRELIMINARY: made before maintenance window 'Mail migration' was over; "
        "the provider may still deliver or change mail."
    )
    assert text[3].startswith(f"  Resync after {shown(margin_end.isoformat())} for the final")


def test_scripts_get_the_same_json_as_before_and_one_report_by_its_number(
    cli: MailguardCli, two_reports: list[dict[str, object]]
) -> None:
    _, second = two_reports

    assert cli("report", "work", "2", "--json").json() == second
    assert cli("report", "work", "#2", "--json").json() == second
    assert cli("report", "work", "--json", "--last", "1").json() == [second]
    assert cli("report", "work", "--last", "1").out.startswith("#2  ")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("report", "work", "3"), "work has no report #3 (see: mailguard report work)"),
        (("report", "work", "1", "--last", "1"), "--last lists reports"),
        (("report", "work", "--last", "0"), "--last needs a positive number"),
        (("report", "nobody"), "no account named 'nobody'"),
    ],
)
def test_asking_for_what_is_not_there_is_one_line_and_exit_code_2(
    cli: MailguardCli, two_reports: list[dict[str, object]], argv: tuple[str, ...], message: str
) -> None:
    result = cli(*argv)

    assert result.exit_code == 2
    assert message in error_line(result)


def test_an_account_without_reports_says_how_to_make_one(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)

    listed = cli("report", "work")

    assert (listed.exit_code, listed.out) == (0, "")
    assert "no reports for work yet (make one with: mailguard resync)" in listed.err
    assert cli("report", "work", "--json").json() == []
