"""Reading --from/--until/--tz the way a person means them."""

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from mailguard.app.zones import parse_zone, system_zone
from mailguard.cli.timeargs import parse_moment
from mailguard.core.errors import UsageError

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("text", "end_of_day", "expected"),
    [
        ("2026-03-03", False, datetime(2026, 3, 3, tzinfo=BERLIN)),
        ("2026-03-03", True, datetime(2026, 3, 4, tzinfo=BERLIN)),
        ("2026-03-03T22:00", False, datetime(2026, 3, 3, 22, tzinfo=BERLIN)),
        ("2026-03-03 22:00", True, datetime(2026, 3, 3, 22, tzinfo=BERLIN)),
        ("2026-03-03T22:00Z", False, datetime(2026, 3, 3, 22, tzinfo=UTC)),
        ("2026-07-01T00:00+02:00", False, datetime(2026, 6, 30, 22, tzinfo=UTC)),
    ],
)
def test_parse_moment(text: str, end_of_day: bool, expected: datetime) -> None:
    assert parse_moment(text, BERLIN, end_of_day=end_of_day) == expected


def test_an_until_date_includes_its_whole_day_across_a_dst_change() -> None:
    # 2026-03-29 has 23 hours in Berlin; "until" that day ends at the next local midnight.
    end = parse_moment("2026-03-29", BERLIN, end_of_day=True)
    assert end.isoformat() == "2026-03-30T00:00:00+02:00"


@pytest.mark.parametrize("text", ["yesterday-ish", "03/03/2026", "2026-13-01", ""])
def test_unreadable_moments_are_usage_errors(text: str) -> None:
    with pytest.raises(UsageError, match="cannot read"):
        parse_moment(text, BERLIN)


@pytest.mark.parametrize(
    ("name", "offset_in_july"),
    [
        ("Europe/Berlin", timedelta(hours=2)),
        ("UTC", timedelta(0)),
        ("+02:00", timedelta(hours=2)),
        ("-0530", timedelta(hours=-5, minutes=-30)),
        ("UTC+1", timedelta(hours=1)),
    ],
)
def test_parse_zone(name: str, offset_in_july: timedelta) -> None:
    zone = parse_zone(name)
    assert datetime(2026, 7, 1, 12, tzinfo=zone).utcoffset() == offset_in_july


@pytest.mark.parametrize(
    "name", ["Mars/Olympus", "+25:00", "../../etc/passwd", "Europe", "Europe/", "America/"]
)
def test_unknown_zones_are_usage_errors_with_a_hint(name: str) -> None:
    with pytest.raises(UsageError, match="time zone"):
        parse_zone(name)


def test_a_tz_naming_a_folder_of_zones_is_passed_over(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe")  # tzdata's folder: ZoneInfo raised IsADirectoryError
    assert system_zone() is not None


def test_the_system_zone_follows_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    zone = system_zone()
    assert datetime(2026, 1, 15, 12, tzinfo=zone).utcoffset() == timedelta(hours=-5)
    assert datetime(2026, 7, 15, 12, tzinfo=zone).utcoffset() == timedelta(hours=-4)
    assert parse_zone(None).utcoffset(datetime(2026, 7, 15, 12)) == timezone(
        timedelta(hours=-4)
    ).utcoffset(None)


@pytest.mark.parametrize(
    ("text", "end_of_day"),
    [
        ("9999-12-31", True),
        ("9999-12-31", False),
        ("0001-01-01T00:00:00-14:00", False),
        ("0001-01-01", False),
        ("1899-12-31T23:59", False),
        ("3000-01-01", False),
    ],
)
def test_moments_beyond_the_years_mailguard_reads_are_usage_errors(
    text: str, end_of_day: bool
) -> None:
    with pytest.raises(UsageError, match="out of range: mailguard reads dates from 1900 to 2999"):
        parse_moment(text, BERLIN, end_of_day=end_of_day)


@pytest.mark.parametrize("text", ["1900-01-01T00:00-14:00", "2999-12-31", "2999-12-31T23:59+14:00"])
def test_the_first_and_last_years_are_read(text: str) -> None:
    moment = parse_moment(text, BERLIN, end_of_day=True)
    assert moment.utcoffset() is not None
