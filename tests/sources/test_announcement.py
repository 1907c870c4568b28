"""The announcement reader turns the ways people write maintenance times into exact spans."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from mailguard.sources.announcement import read_announcement
from mailguard.sources.base import ParseContext
from tests.sources.contexts import ANNOUNCEMENT_DAYS_AHEAD, parse_context

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 2, 1, 12, 0, tzinfo=BERLIN)


def context(zone: ZoneInfo = BERLIN) -> ParseContext:
    return parse_context("provider-blog", zone, NOW, days_ahead=ANNOUNCEMENT_DAYS_AHEAD)


def spans(text: str, zone: ZoneInfo = BERLIN) -> list[tuple[str, str]]:
    result = read_announcement(text, context(zone))
    return [(w.start.isoformat(), w.end.isoformat()) for w in result.windows]


NIGHT_2011 = [("2011-07-18T23:45:00+02:00", "2011-07-19T02:30:00+02:00")]
EVENING_2026 = [("2026-03-03T22:00:00+01:00", "2026-03-04T02:00:00+01:00")]
DAYS_3_TO_5 = [("2026-03-03T00:00:00+01:00", "2026-03-06T00:00:00+01:00")]
SEVENTH = [("2026-03-07T00:00:00+01:00", "2026-03-08T00:00:00+01:00")]
TWO_TO_THREE_HOURS = [("2026-03-03T22:00:00+01:00", "2026-03-04T01:00:00+01:00")]


def evening(end: str, start: str = "22:00", day: str = "2026-03-03", offset: str = "+01:00"):
    return [(f"{day}T{start}:00{offset}", f"{end}{offset}")]


TABLE = [
    # 1. a night named by its two dates, times in parentheses
    pytest.param(
        "in der Nacht vom 18.07.2011 zum 19.07.2011 (23:45 Uhr – 02:30 Uhr)",
        NIGHT_2011,
        id="de-nacht-vom-zum",
    ),
    pytest.param(
        "in der Nacht von 18.07.2011 auf 19.07.2011 (23:45 Uhr – 02:30 Uhr)",
        NIGHT_2011,
        id="de-nacht-von-auf",
    ),
    pytest.param("night of 18 to 19 July 2011, 23:45–02:30", NIGHT_2011, id="en-night-of"),
    pytest.param(
        "in der Nacht vom 18. auf den 19. Juli 2011 zwischen 23:45 und 2:30 Uhr",
        NIGHT_2011,
        id="de-nacht-zwischen",
    ),
    # 2. an end earlier than the start is on the next day
    pytest.param("am 3. März 2026 von 22:00 bis 02:00 Uhr", EVENING_2026, id="de-end-next-day"),
    pytest.param(
        "Am 3. März 2026 führen wir von 22:00 bis 02:00 Uhr Wartungsarbeiten durch",
        EVENING_2026,
        id="de-words-between",
    ),
    # 3. "zwischen … und …" with a date
    pytest.param(
        "Am 5. Mai 2026 zwischen 0 und 6 Uhr",
        [("2026-05-05T00:00:00+02:00", "2026-05-05T06:00:00+02:00")],
        id="de-zwischen-und",
    ),
    pytest.param(
        "between 11 and 2 am on March 3, 2026",
        evening("2026-03-04T02:00:00", start="23:00"),
        id="en-between-meridian-borrowed",
    ),
    # 4.-6. English and ISO forms
    pytest.param("on March 3, 2026 from 10 pm to 2 am CET", EVENING_2026, id="en-pm-am-cet"),
    pytest.param(
        "2026-03-03 22:00–02:00 UTC",
        [("2026-03-03T22:00:00+00:00", "2026-03-04T02:00:00+00:00")],
        id="iso-date-utc",
    ),
    pytest.param(
        "Saturday 14 March 2026, 23:00 - Sunday 15 March 2026, 05:00 (CET)",
        [("2026-03-14T23:00:00+01:00", "2026-03-15T05:00:00+01:00")],
        id="en-weekday-two-moments",
    ),
    # 7. zones
    pytest.param(
        "am 3. März 2026 von 22:00 bis 23:00 Uhr MEZ", evening("2026-03-03T23:00:00"), id="zone-mez"
    ),
    pytest.param(
        "am 3. Juli 2026 von 22:00 bis 23:00 Uhr MESZ",
        evening("2026-07-03T23:00:00", day="2026-07-03", offset="+02:00"),
        id="zone-mesz",
    ),
    pytest.param(
        "on 3 July 2026 from 22:00 to 23:00 CEST",
        evening("2026-07-03T23:00:00", day="2026-07-03", offset="+02:00"),
        id="zone-cest",
    ),
    pytest.param(
        "on 3 March 2026 from 22:00 to 23:00 GMT",
        evening("2026-03-03T23:00:00", offset="+00:00"),
        id="zone-gmt",
    ),
    pytest.param(
        "2026-03-03 22:00Z – 2026-03-04 01:00Z",
        [("2026-03-03T22:00:00+00:00", "2026-03-04T01:00:00+00:00")],
        id="zone-z",
    ),
    pytest.param(
        "on 3 July 2026 from 22:00 to 23:00 BST",
        evening("2026-07-03T23:00:00", day="2026-07-03"),
        id="zone-bst",
    ),
    pytest.param(
        "on 3 March 2026 from 10 pm to 11 pm EST",
        evening("2026-03-03T23:00:00", offset="-05:00"),
        id="zone-est",
    ),
    pytest.param(
        "on 3 July 2026 from 10 pm to 11 pm EDT",
        evening("2026-07-03T23:00:00", day="2026-07-03", offset="-04:00"),
        id="zone-edt",
    ),
    pytest.param(
        "on 3 March 2026 from 10 pm to 11 pm PST",
        evening("2026-03-03T23:00:00", offset="-08:00"),
        id="zone-pst",
    ),
    pytest.param(
        "on 3 July 2026 from 10 pm to 11 pm PDT",
        evening("2026-07-03T23:00:00", day="2026-07-03", offset="-07:00"),
        id="zone-pdt",
    ),
    pytest.param(
        "on 3 March 2026 from 10 pm to 11 pm PT",
        evening("2026-03-03T23:00:00", offset="-08:00"),
        id="zone-pt-winter",
    ),
    pytest.param(
        "on 3 July 2026 from 10 pm to 11 pm PT",
        evening("2026-07-03T23:00:00", day="2026-07-03", offset="-07:00"),
        id="zone-pt-summer",
    ),
    pytest.param(
        "on 3 March 2026 from 10 pm to 11 pm ET",
        evening("2026-03-03T23:00:00", offset="-05:00"),
        id="zone-et-winter",
    ),
    pytest.param(
        "on 3 July 2026 from 10 pm to 11 pm ET",
        evening("2026-07-03T23:00:00", day="2026-07-03", offset="-04:00"),
        id="zone-et-summer",
    ),
    pytest.param(
        "on 3 March 2026 from 22:00 +02:00 to 23:00 +02:00",
        evening("2026-03-03T23:00:00", offset="+02:00"),
        id="zone-offset-colon",
    ),
    pytest.param(
        "on 3 March 2026 from 22:00+0200 to 23:00+0200",
        evening("2026-03-03T23:00:00", offset="+02:00"),
        id="zone-offset-compact",
    ),
    pytest.param(
        "on 3 March 2026 from 22:00 to 23:00 UTC+2",
        evening("2026-03-03T23:00:00", offset="+02:00"),
        id="zone-utc-plus",
    ),
    pytest.param(
        "am 3. März 2026 von 22:00 bis 23:00 Uhr (GMT+1)",
        evening("2026-03-03T23:00:00"),
        id="zone-gmt-plus-parenthesised",
    ),
    pytest.param(
        "am 3. März 2026 von 22:00 bis 23:00 Uhr (MESZ)",
        evening("2026-03-03T23:00:00", offset="+02:00"),
        id="zone-parenthesised-as-written",
    ),
    pytest.param(
        "am 3. Juli 2026 von 22:00 bis 23:00 Uhr",
        evening("2026-07-03T23:00:00", day="2026-07-03", offset="+02:00"),
        id="zone-from-context-summer",
    ),
    # 8. whole days
    pytest.param("vom 3. bis 5. März 2026", DAYS_3_TO_5, id="de-day-range"),
    pytest.param("from March 3 to March 5, 2026", DAYS_3_TO_5, id="en-day-range"),
    pytest.param("3.–5.3.2026", DAYS_3_TO_5, id="de-compact-day-range"),
    pytest.param("March 3–5, 2026", DAYS_3_TO_5, id="en-compact-day-range"),
    pytest.param("3–5 March 2026", DAYS_3_TO_5, id="en-day-first-range"),
    pytest.param("am 7. März 2026 ganztägig", SEVENTH, id="de-ganztaegig"),
    pytest.param("all day on 7 March 2026", SEVENTH, id="en-all-day"),
    # 9. a start and a duration in words or digits (the longer one counts)
    pytest.param(
        "am 3. März 2026 ab 22 Uhr für ca. zwei bis drei Stunden",
        TWO_TO_THREE_HOURS,
        id="de-zwei-bis-drei-stunden",
    ),
    pytest.param(
        "on 3 March 2026 starting at 10 pm for about two to three hours",
        TWO_TO_THREE_HOURS,
        id="en-two-to-three-hours",
    ),
    pytest.param(
        "am 3. März 2026 ab 22 Uhr für 90 Minuten",
        evening("2026-03-03T23:30:00"),
        id="de-90-minuten",
    ),
    pytest.param(
        "on 3 March 2026 from 10 pm for 2 hours", evening("2026-03-04T00:00:00"), id="en-2-hours"
    ),
    pytest.param(
        "am 3. März 2026 ab 22 Uhr, Dauer 1,5 bis 2 Stunden",
        evening("2026-03-04T00:00:00"),
        id="de-decimal-range",
    ),
    pytest.param(
        "am 3. März 2026 ab 22 Uhr für eine halbe Stunde",
        evening("2026-03-03T22:30:00"),
        id="de-halbe-stunde",
    ),
    pytest.param(
        "am 3. März 2026 ab 22 Uhr für anderthalb Stunden",
        evening("2026-03-03T23:30:00"),
        id="de-anderthalb",
    ),
    pytest.param(
        "on 3 March 2026 at 10 pm for an hour and a half",
        evening("2026-03-03T23:30:00"),
        id="en-hour-and-a-half",
    ),
    pytest.param(
        "on 3 March 2026 at 10 pm for half an hour",
        evening("2026-03-03T22:30:00"),
        id="en-half-an-hour",
    ),
    pytest.param(
        "on 3 March 2026 from 10 pm for approx. 2 h", evening("2026-03-04T00:00:00"), id="en-2-h"
    ),
    # 11. two full date-times
    pytest.param(
        "vom 18.07.2011 23:45 Uhr bis 19.07.2011 02:30 Uhr", NIGHT_2011, id="de-two-moments"
    ),
    pytest.param(
        "from 2026-03-03T22:00+01:00 to 2026-03-04T02:00+01:00", EVENING_2026, id="iso-stamps"
    ),
    pytest.param(
        "March 3, 2026 22:00 – March 4, 2026 02:00 CET", EVENING_2026, id="en-two-moments-cet"
    ),
    pytest.param(
        "from 10 pm March 3 to 2 am March 4, 2026", EVENING_2026, id="en-time-first-moments"
    ),
    pytest.param(
        "Beginn: 3. März 2026, 22:00 Uhr\nEnde: 4. März 2026, 02:00 Uhr",
        EVENING_2026,
        id="de-beginn-ende-lines",
    ),
    # 12. clocks
    pytest.param(
        "on March 3, 2026 from 10:30 p.m. to 11:45 p.m.",
        evening("2026-03-03T23:45:00", start="22:30"),
        id="clock-p-m",
    ),
    pytest.param(
        "on March 3, 2026 from 12 am to 2 am",
        evening("2026-03-03T02:00:00", start="00:00"),
        id="clock-12-am-midnight",
    ),
    pytest.param(
        "on March 3, 2026 from 12 pm to 1 pm",
        evening("2026-03-03T13:00:00", start="12:00"),
        id="clock-12-pm-noon",
    ),
    pytest.param(
        "on March 3, 2026 from noon to 2 pm",
        evening("2026-03-03T14:00:00", start="12:00"),
        id="clock-noon",
    ),
    pytest.param(
        "on March 3, 2026 from 11 pm to midnight",
        evening("2026-03-04T00:00:00", start="23:00"),
        id="clock-midnight",
    ),
    pytest.param(
        "am 3. März 2026 von 22 Uhr bis Mitternacht",
        evening("2026-03-04T00:00:00"),
        id="clock-mitternacht",
    ),
    pytest.param(
        "am 3. März 2026 von 23.45 Uhr bis 0 Uhr",
        evening("2026-03-04T00:00:00", start="23:45"),
        id="clock-dotted-and-0-uhr",
    ),
    pytest.param(
        "am 3. März 2026 von 20 Uhr bis 24:00 Uhr",
        evening("2026-03-04T00:00:00", start="20:00"),
        id="clock-24",
    ),
    pytest.param(
        "from 10 to 11 pm on March 3, 2026",
        evening("2026-03-03T23:00:00"),
        id="clock-meridian-borrowed",
    ),
    pytest.param("Wartung am 3. März 2026 ab 22h bis 2h", EVENING_2026, id="clock-22h"),
    # 13. date forms
    pytest.param("Wartung am 18.7.11 von 23:45 bis 2:30 Uhr", NIGHT_2011, id="date-two-digit-year"),
    pytest.param("Wartung am 3. Maerz 2026 von 22 bis 2 Uhr", EVENING_2026, id="date-maerz"),
    pytest.param("Wartung am 03.03. von 22 bis 2 Uhr", EVENING_2026, id="date-no-year"),
    pytest.param(
        "Maintenance on March 3rd from 10 pm to 2 am", EVENING_2026, id="date-ordinal-no-year"
    ),
    pytest.param("Wartung am 3. Mär 2026 von 22 bis 2 Uhr", EVENING_2026, id="date-maer"),
    pytest.param("Wartung am 2026-03-03 von 22 bis 2 Uhr", EVENING_2026, id="date-iso"),
    pytest.param(
        "Wartung am Samstag, 14. März 2026 von 22 bis 23 Uhr",
        evening("2026-03-14T23:00:00", day="2026-03-14"),
        id="date-de-weekday",
    ),
    pytest.param(
        "Maintenance on Sat 14 Mar 2026 from 10 pm to 11 pm",
        evening("2026-03-14T23:00:00", day="2026-03-14"),
        id="date-en-weekday",
    ),
    pytest.param(
        "Maintenance on 13/04/2026 from 10 pm to 11 pm",
        evening("2026-04-13T23:00:00", day="2026-04-13", offset="+02:00"),
        id="date-slash-unambiguous",
    ),
    # daylight saving time in Europe/Berlin (last Sunday of March and of October)
    pytest.param(
        "in der Nacht vom 28. zum 29. März 2026 von 22:00 bis 04:00 Uhr",
        [("2026-03-28T22:00:00+01:00", "2026-03-29T04:00:00+02:00")],
        id="dst-spring",
    ),
    pytest.param(
        "in der Nacht vom 24. zum 25. Oktober 2026 von 22:00 bis 04:00 Uhr",
        [("2026-10-24T22:00:00+02:00", "2026-10-25T04:00:00+01:00")],
        id="dst-autumn",
    ),
    pytest.param(
        "am 28. März 2026 ab 23 Uhr für 4 Stunden",
        [("2026-03-28T23:00:00+01:00", "2026-03-29T04:00:00+02:00")],
        id="dst-duration-is-elapsed",
    ),
]


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_reads_the_span_a_person_would(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Wartungsfenster:\n• 3. März 2026, 22:00–02:00 Uhr\n• 10. März 2026, 22:00–02:00 Uhr",
            [
                ("2026-03-03T22:00:00+01:00", "2026-03-04T02:00:00+01:00"),
                ("2026-03-10T22:00:00+01:00", "2026-03-11T02:00:00+01:00"),
            ],
            id="bullets",
        ),
        pytest.param(
            "Am 3. März 2026 von 22 bis 23 Uhr und am 10. März 2026 von 1 bis 3 Uhr.",
            [
                ("2026-03-03T22:00:00+01:00", "2026-03-03T23:00:00+01:00"),
                ("2026-03-10T01:00:00+01:00", "2026-03-10T03:00:00+01:00"),
            ],
            id="one-sentence",
        ),
        pytest.param(
            "vom 3. bis 5. März 2026 jeweils von 22 bis 2 Uhr",
            [
                ("2026-03-03T22:00:00+01:00", "2026-03-04T02:00:00+01:00"),
                ("2026-03-04T22:00:00+01:00", "2026-03-05T02:00:00+01:00"),
                ("2026-03-05T22:00:00+01:00", "2026-03-06T02:00:00+01:00"),
            ],
            id="each-night",
        ),
    ],
)
def test_reads_every_window_a_text_lists(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Fehlende E-Mails werden innerhalb von 1,5 bis 2 Stunden nach dem Wartungsvorgang"
            " eingepflegt.",
            id="duration-alone",
        ),
        pytest.param("15.07.2011 19:23", id="dateline"),
        pytest.param("Veröffentlicht am 15.07.2011 um 19:23 Uhr", id="published-at"),
        pytest.param(
            "Bitte am 19.07.2011 morgens die E-Mails nochmals versenden.", id="date-with-morning"
        ),
        pytest.param("Das Paket kostet ab 12,50 € bis 20 € im Monat.", id="prices"),
        pytest.param(
            "Webmail läuft jetzt mit Version 2.4.11 und Dovecot 2.3.21.", id="version-numbers"
        ),
        pytest.param("Rufen Sie uns an: 0800 123 45 67 oder +49 30 1234 5678.", id="phone-numbers"),
        pytest.param("Der Server 192.168.10.20 antwortet auf Port 993.", id="ip-address"),
        pytest.param("Am 3. März 2026 erscheint unser Newsletter.", id="date-without-time"),
        pytest.param("Schritt 1. bis 3. der Anleitung gelten weiter.", id="numbered-steps"),
    ],
)
def test_numbers_that_are_not_a_window_give_none(text: str) -> None:
    assert spans(text) == []
