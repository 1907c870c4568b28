"""Every way announcements name a time zone, in one table.

A row is the zone a set of spellings means. ``offset`` is set for names of one
season ("CET" is +01:00 even in July, where it is a slip the reader points out);
names without it follow the region's clock changes ("Eastern", "Wiener Zeit").
Abbreviations match with their case ("ET" is a zone, "et" is French); words such
as "Eastern" or "Pacific" are a zone only right after a time ("9 PM Eastern").
IANA names written in the text ("(Europe/Vienna)") are read by ``tokens`` directly.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ZoneWord:
    spellings: tuple[str, ...]
    region: str  # the IANA zone whose clock the name follows
    offset: float | None = None  # hours east of UTC, for names of one season
    summer: bool | None = None  # for seasonal names: whether it names summer time
    exact_case: bool = False
    after_time_only: bool = False


def _abbreviation(
    names: tuple[str, ...], region: str, offset: float, summer: bool | None = None
) -> ZoneWord:
    return ZoneWord(names, region, offset, summer, exact_case=True)


_NY, _CHICAGO, _DENVER, _LA = (
    "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
)  # fmt: skip

ZONE_WORDS: tuple[ZoneWord, ...] = (
    _abbreviation(("UTC", "GMT", "Z"), "UTC", 0),
    ZoneWord(("coordinated universal time", "universal time", "koordinierte weltzeit",
              "weltzeit", "greenwich mean time"), "UTC", 0),
    # Central Europe
    _abbreviation(("CET", "MEZ"), "Europe/Berlin", 1, summer=False),
    _abbreviation(("CEST", "MESZ"), "Europe/Berlin", 2, summer=True),
    ZoneWord(("MEZ/MESZ", "CET/CEST", "MEZ / MESZ", "CET / CEST"), "Europe/Berlin",
             exact_case=True),
    ZoneWord(("central european time", "mitteleuropäische zeit", "mitteleuropäischer zeit",
              "mitteleuropaeische zeit", "mitteleuropaeischer zeit"), "Europe/Berlin", 1, False),
    ZoneWord(("central european summer time", "mitteleuropäische sommerzeit",
              "mitteleuropäischer sommerzeit", "mitteleuropaeischer sommerzeit"),
             "Europe/Berlin", 2, True),
    ZoneWord(("german time", "deutsche zeit", "deutscher zeit", "berlin time", "berliner zeit",
              "frankfurt time", "frankfurter zeit"), "Europe/Berlin"),
    ZoneWord(("vienna time", "wiener zeit", "austrian time", "österreichische zeit",
              "österreichischer zeit", "oesterreichischer zeit"), "Europe/Vienna"),
    ZoneWord(("swiss time", "zurich time", "zürich time", "schweizer zeit", "zürcher zeit"),
             "Europe/Zurich"),
    ZoneWord(("paris time", "pariser zeit", "amsterdam time"), "Europe/Paris"),
    # Western and Eastern Europe
    _abbreviation(("BST",), "Europe/London", 1, summer=True),
    ZoneWord(("uk time", "british time", "london time", "britische zeit", "londoner zeit"),
             "Europe/London"),
    ZoneWord(("irish time", "dublin time"), "Europe/Dublin"),
    _abbreviation(("WET", "WEZ"), "Europe/Lisbon", 0, summer=False),
    _abbreviation(("WEST", "WESZ"), "Europe/Lisbon", 1, summer=True),
    _abbreviation(("EET", "OEZ"), "Europe/Helsinki", 2, summer=False),
    _abbreviation(("EEST", "OESZ"), "Europe/Helsinki", 3, summer=True),
    _abbreviation(("MSK",), "Europe/Moscow", 3),
    # North America
    _abbreviation(("EST",), _NY, -5, summer=False),
    _abbreviation(("EDT",), _NY, -4, summer=True),
    ZoneWord(("ET",), _NY, exact_case=True),
    ZoneWord(("eastern time", "us eastern time", "us-eastern time", "us eastern", "us-eastern",
              "new york time"), _NY),
    ZoneWord(("eastern standard time",), _NY, -5, False),
    ZoneWord(("eastern daylight time",), _NY, -4, True),
    ZoneWord(("Eastern",), _NY, exact_case=True, after_time_only=True),
    _abbreviation(("CST",), _CHICAGO, -6, summer=False),
    _abbreviation(("CDT",), _CHICAGO, -5, summer=True),
    ZoneWord(("CT",), _CHICAGO, exact_case=True),
    ZoneWord(("central time", "us central time", "us-central time", "us central", "us-central",
              "chicago time"), _CHICAGO),
    ZoneWord(("central standard time",), _CHICAGO, -6, False),
    ZoneWord(("central daylight time",), _CHICAGO, -5, True),
    ZoneWord(("Central",), _CHICAGO, exact_case=True, after_time_only=True),
    _abbreviation(("MST",), _DENVER, -7, summer=False),
    _abbreviation(("MDT",), _DENVER, -6, summer=True),
    ZoneWord(("MT",), _DENVER, exact_case=True),
    ZoneWord(("mountain time", "us mountain time", "us-mountain time", "us mountain",
              "denver time"), _DENVER),
    ZoneWord(("Mountain",), _DENVER, exact_case=True, after_time_only=True),
    _abbreviation(("PST",), _LA, -8, summer=False),
    _abbreviation(("PDT",), _LA, -7, summer=True),
    ZoneWord(("PT",), _LA, exact_case=True),
    ZoneWord(("pacific time", "us pacific time", "us-pacific time", "us pacific", "us-pacific",
              "los angeles time", "california time"), _LA),
    ZoneWord(("pacific standard time",), _LA, -8, False),
    ZoneWord(("pacific daylight time",), _LA, -7, True),
    ZoneWord(("Pacific",), _LA, exact_case=True, after_time_only=True),
    # Asia and Australia
    _abbreviation(("JST",), "Asia/Tokyo", 9),
    _abbreviation(("AEST",), "Australia/Sydney", 10, summer=False),
    _abbreviation(("AEDT",), "Australia/Sydney", 11, summer=True),
    ZoneWord(("sydney time", "canberra time"), "Australia/Sydney"),
    ZoneWord(("melbourne time",), "Australia/Melbourne"),
    ZoneWord(("brisbane time",), "Australia/Brisbane"),
    ZoneWord(("perth time",), "Australia/Perth"),
    ZoneWord(("new zealand time", "auckland time"), "Pacific/Auckland"),
    ZoneWord(("tokyo time", "japan time", "japanese time"), "Asia/Tokyo"),
    ZoneWord(("singapore time",), "Asia/Singapore"),
)  # fmt: skip

#: The first part of IANA names ("Europe/Vienna"), to find them in prose.
IANA_AREAS = ("Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe",
              "Indian", "Pacific", "Etc")  # fmt: skip
