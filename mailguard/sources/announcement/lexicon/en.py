"""English: the words of "maintenance on Saturday, March 14 from 10 pm to 2 am Eastern"."""

from __future__ import annotations

from mailguard.sources.announcement.lexicon.language import Language

ENGLISH = Language(
    months={
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
        "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
        "nov": 11, "december": 12, "dec": 12,
    },
    weekdays={
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
        "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
        "fri": 4, "sat": 5, "sun": 6,
    },
    weekday_abbreviations=frozenset(
        {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
    ),
    weekday_plurals={
        "mondays": 0, "tuesdays": 1, "wednesdays": 2, "thursdays": 3, "fridays": 4,
        "saturdays": 5, "sundays": 6,
    },
    number_words={
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
        "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45,
        "fortyfive": 45, "sixty": 60, "ninety": 90,
    },
    ordinals={
        "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
        "4th": 4, "last": -1,
    },
    unit_minutes={
        "hour": 60, "hours": 60, "hr": 60, "hrs": 60, "h": 60, "minute": 1, "minutes": 1,
        "min": 1, "mins": 1, "day": 1440, "days": 1440, "week": 10080, "weeks": 10080,
    },
    keywords={
        **dict.fromkeys(
            ("to", "until", "till", "til", "through", "thru", "end", "ends", "ending", "by"), "-"
        ),
        "and": "&",
        "between": "B",
        "from": "F",
        **dict.fromkeys(
            ("starting", "beginning", "begins", "begin", "starts", "start", "started", "at",
             "since", "commencing", "after", "around"),
            "S",
        ),
        **dict.fromkeys(("published", "posted", "updated", "sent"), "P"),
        **dict.fromkeys(("previously", "formerly", "originally"), "H"),
        **dict.fromkeys(("yesterday", "yesterday's", "yesterday’s", "yesterdays"), "R"),
    },
    keyword_phrases={
        "not before": "S", "no earlier than": "S", "no later than": "-", "not later than": "-",
        "and before": "-", "at the latest by": "-", "instead of": "H", "not on": "H",
        "old time": "H", "old date": "H", "old slot": "H", "as originally": "H",
        "last night": "R", "last night's": "R", "earlier today": "R",
        "the next morning": "-", "the following morning": "-",
        "instead of a": "w", "instead of an": "w",  # "instead of a full outage": no old time
    },
    glue=frozenset({"on", "the", "of", "o'clock", "in"}),
    repeat=frozenset({"nightly", "daily", "each", "every"}),
    night=frozenset({"night", "overnight", "nights"}),
    night_into=frozenset({"into", "to"}),
    relative_days={"today": 0, "tonight": 0, "tomorrow": 1},
    counters=frozenset({"phase", "step", "stage", "part", "no", "number", "wave", "block",
                        "section", "chapter", "version", "ticket", "room", "case", "item"}),
    abbreviations=frozenset({
        "approx", "std", "min", "max", "vs", "dr", "hr", "st", "mr", "mrs", "ms", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
        "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "no", "incl", "ext",
    }),
    hints=frozenset({
        "the", "and", "we", "is", "will", "be", "on", "at", "not", "you", "your", "to", "from",
        "for", "between", "maintenance", "until", "during", "our", "are", "of",
    }),
    cancelled_phrases=(
        r"cancell?ed", r"called\s+off", r"will\s+not\s+take\s+place", r"won't\s+take\s+place",
        r"does\s+not\s+take\s+place", r"(?:is|has\s+been)\s+(?:withdrawn|scrapped)",
    ),
    postponed_phrases=(
        r"postponed", r"rescheduled", r"moved", r"new\s+date", r"new\s+time", r"instead",
        r"pushed\s+back", r"shifted",
    ),
    same_time_phrases=(
        r"(?:at\s+)?the\s+same\s+(?:time|times|hours|window)", r"same\s+time",
        r"times?\s+(?:are\s+|is\s+|remain\s+|stay\s+)?unchanged", r"unchanged\s+times?",
    ),
    completed_phrases=(
        r"(?:has|have)\s+been\s+(?:successfully\s+)?(?:completed|finished|carried\s+out)",
        r"(?:is|are)\s+(?:now\s+)?(?:complete|completed|finished|over|done)\b",
        r"(?:was|were)\s+(?:successfully\s+)?(?:completed|finished|carried\s+out)",
        r"(?:completed|finished)\s+successfully", r"successfully\s+(?:completed|finished)",
        r"(?:issue|problem|incident|outage|fault|error)s?\s+(?:has|have)\s+been\s+(?:resolved|fixed)",
        r"(?:issue|problem|incident|outage|fault|error)s?\s+(?:is|are|was|were)\s+(?:now\s+)?"
        r"(?:resolved|fixed)",
        r"resolved:",
    ),
    cancel_doubt_phrases=(
        r"not", r"never", r"if", r"unless", r"in\s+case", r"should", r"may", r"might",
        r"could", r"whether",
    ),
    prospective_phrases=(
        r"once", r"when", r"whenever", r"after", r"as\s+soon\s+as", r"until", r"till",
        r"by\s+the\s+time", r"to\s+make\s+sure", r"to\s+ensure", r"so\s+that", r"if",
        r"will", r"should", r"expected", r"planned", r"by\s+\d",
    ),
    actual_phrases=(
        r"(?:was|were)\s+(?:\S+\s+){0,8}?(?:offline|down|unavailable|unreachable"
        r"|interrupted|not\s+available|inaccessible)",
        r"actual(?:ly)?", r"lasted",
    ),
    service_hours_phrases=(
        r"hotline", r"support", r"customer\s+service", r"office\s+hours", r"opening\s+hours",
        r"business\s+hours", r"open", r"reach\s+us", r"reachable", r"available", r"call\s+us",
        r"help\s*desk", r"service\s+desk", r"phone",
    ),
    outage_phrases=(
        r"unavailable", r"not\s+(?:be\s+)?available", r"unreachable", r"not\s+be\s+reachable",
        r"outage", r"downtime", r"interruption", r"disruption", r"offline", r"degraded",
        r"out\s+of\s+service",
    ),
    delay_phrases=(
        r"within", r"later", r"delayed", r"delivered", r"in\s+advance", r"before\s+the",
        r"after\s+the", r"reminder", r"beforehand", r"delivery", r"ago",
    ),
    length_phrases=(
        r"take", r"takes", r"taking", r"last", r"lasts", r"lasting", r"duration", r"downtime",
        r"expect", r"outage", r"interruption", r"for\s+(?:about|around|approximately|roughly)",
    ),
    every=frozenset({"every", "each"}),
    every_other=frozenset({"other", "second", "alternate"}),
    daily_phrases=(
        r"daily", r"every\s+day", r"every\s+night", r"each\s+night", r"each\s+day", r"nightly",
    ),
    biweekly_phrases=(
        r"every\s+(?:two|2)\s+weeks", r"bi-?weekly", r"fortnightly", r"every\s+fortnight",
    ),
    monthly_phrases=(
        r"of\s+(?:the|each|every)\s+month", r"each\s+month", r"every\s+month", r"monthly",
    ),
)  # fmt: skip
