"""German: the words of "Wartung am Samstag, 14. März, von 22 bis 2 Uhr (MEZ)"."""

from __future__ import annotations

from mailguard.sources.announcement.lexicon.language import Language

GERMAN = Language(
    months={
        "januar": 1, "jänner": 1, "jaenner": 1, "jan": 1, "jän": 1,
        "februar": 2, "feber": 2, "feb": 2, "febr": 2,
        "märz": 3, "maerz": 3, "mär": 3, "mrz": 3,
        "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
        "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
        "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
    },
    weekdays={
        "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
        "samstag": 5, "sonnabend": 5, "sonntag": 6,
        "mo": 0, "di": 1, "mi": 2, "do": 3, "fr": 4, "sa": 5, "so": 6,
    },
    weekday_abbreviations=frozenset({"mo", "di", "mi", "do", "fr", "sa", "so"}),
    weekday_plurals={
        "montags": 0, "dienstags": 1, "mittwochs": 2, "donnerstags": 3, "freitags": 4,
        "samstags": 5, "sonnabends": 5, "sonntags": 6,
    },
    number_words={
        "ein": 1, "eine": 1, "einen": 1, "einer": 1, "eins": 1, "zwei": 2, "drei": 3,
        "vier": 4, "fünf": 5, "fuenf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
        "zehn": 10, "elf": 11, "zwölf": 12, "zwoelf": 12, "fünfzehn": 15, "fuenfzehn": 15,
        "zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfundvierzig": 45,
        "fuenfundvierzig": 45, "sechzig": 60, "neunzig": 90, "halbe": 0.5,
        "anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5, "dreieinhalb": 3.5,
        "viereinhalb": 4.5,
    },
    ordinals={
        "erste": 1, "ersten": 1, "zweite": 2, "zweiten": 2, "dritte": 3, "dritten": 3,
        "vierte": 4, "vierten": 4, "letzte": -1, "letzten": -1,
    },
    unit_minutes={
        "stunde": 60, "stunden": 60, "std": 60, "h": 60, "minute": 1, "minuten": 1, "min": 1,
        "tag": 1440, "tage": 1440, "tagen": 1440, "woche": 10080, "wochen": 10080,
    },
    keywords={
        **dict.fromkeys(("bis", "zum", "zur", "auf", "ende", "endet", "enden", "spätestens"), "-"),
        "und": "&",
        "zwischen": "B",
        **dict.fromkeys(("von", "vom"), "F"),
        **dict.fromkeys(
            ("ab", "beginnt", "beginnen", "beginnend", "beginn", "startet", "starten", "um",
             "seit", "nach", "gegen", "frühestens"),
            "S",
        ),
        **dict.fromkeys(
            ("veröffentlicht", "aktualisiert", "erstellt", "geschrieben", "stand", "gesendet"),
            "P",
        ),
        **dict.fromkeys(("ursprünglich", "bisher", "zuvor", "vormals", "anstatt"), "H"),
        **dict.fromkeys(
            ("gestern", "vorgestern", "gestrige", "gestrigen", "gestriger", "gestriges"), "R"
        ),
    },
    keyword_phrases={
        "nicht vor": "S", "frühestens ab": "S", "bis spätestens": "-", "spätestens um": "-",
        "spätestens bis": "-", "und vor": "-", "und spätestens": "-",
        "statt am": "H", "statt um": "H", "statt von": "H", "statt wie": "H", "nicht am": "H",
        "alter termin": "H", "alte zeit": "H", "wie ursprünglich": "H",
        "letzte nacht": "R", "letzten nacht": "R", "vergangene nacht": "R",
        "vergangenen nacht": "R",
        "zum nächsten morgen": "-", "zum folgenden morgen": "-",
        "anstatt eines": "w", "anstatt einer": "w", "statt eines": "w", "statt einer": "w",
    },
    glue=frozenset({"am", "an", "den", "dem", "der", "des", "im", "in", "uhr"}),
    repeat=frozenset({"jeweils", "täglich", "taeglich", "jede", "jeden", "jeder",
                      "allnächtlich", "nächtlich"}),
    night=frozenset({"nacht", "nachts", "nächtens", "nachtstunden"}),
    night_into=frozenset({"zum", "auf"}),
    relative_days={"heute": 0, "morgen": 1, "übermorgen": 2, "uebermorgen": 2},
    counters=frozenset({"phase", "schritt", "stufe", "teil", "nr", "nummer", "welle", "block",
                        "abschnitt", "kapitel", "version", "ticket", "raum", "etappe", "punkt"}),
    abbreviations=frozenset({
        "ca", "bzw", "ggf", "evtl", "inkl", "exkl", "etc", "nr", "std", "min", "max", "fr",
        "st", "tel", "vgl", "usw", "sog", "zzgl", "abs", "jan", "feb", "febr", "mär", "mrz",
        "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez", "mo", "di", "mi", "do",
        "sa", "so", "voraussichtl", "vorauss",
    }),
    hints=frozenset({
        "der", "die", "das", "und", "wir", "ist", "uhr", "am", "nicht", "sie", "ihre", "wird",
        "werden", "bis", "von", "vom", "zum", "mit", "für", "auf", "zwischen", "wartung",
        "wartungsarbeiten", "ab",
    }),
    cancelled_phrases=(
        r"abgesagt", r"entfällt", r"entfaellt", r"entfallen", r"storniert", r"gestrichen",
        r"findet\s+nicht\s+statt", r"finden\s+nicht\s+statt", r"wird\s+nicht\s+stattfinden",
    ),
    postponed_phrases=(
        r"verschoben", r"verlegt", r"neuer\s+termin", r"neue\s+uhrzeit", r"neues\s+datum",
        r"neuer\s+zeitpunkt", r"stattdessen",
    ),
    same_time_phrases=(
        r"(?:zur\s+)?(?:gleiche[nr]?|selben?)\s+(?:uhrzeit|zeit|zeiten|zeitfenster)",
        r"gleiches\s+zeitfenster", r"zur\s+gewohnten\s+zeit", r"unveränderte[nr]?\s+uhrzeit",
        r"(?:uhrzeit|uhrzeiten|zeiten|zeitfenster)\s+(?:bleib(?:t|en)\s+)?(?:unverändert|gleich)",
    ),
    completed_phrases=(
        r"(?:wurde|wurden)\s+(?:\w+\s+){0,3}?(?:erfolgreich\s+)?"
        r"(?:abgeschlossen|beendet|durchgeführt|fertiggestellt|behoben|beseitigt)",
        r"(?:ist|sind)\s+(?:\w+\s+){0,3}?(?:erfolgreich\s+|nun\s+|jetzt\s+|inzwischen\s+)?"
        r"(?:abgeschlossen|beendet|behoben)",
        r"(?:störung|fehler|problem)\s+behoben",
        r"erfolgreich\s+(?:abgeschlossen|beendet|durchgeführt)",
    ),
    cancel_doubt_phrases=(
        r"nicht", r"nie", r"kein\w*", r"falls", r"wenn", r"sofern", r"sollte\w*", r"kann",
        r"könnte\w*", r"ob",
    ),
    prospective_phrases=(
        r"wenn", r"sobald", r"nachdem", r"(?:ist|sind)\s+(?:\w+\s+)?bis", r"damit", r"falls",
        r"bevor", r"sofern", r"voraussichtlich", r"soll", r"sollen", r"sollte", r"sollten",
        r"wird", r"werden", r"geplant",
    ),
    actual_phrases=(
        r"(?:war|waren)\s+(?:\S+\s+){0,8}?(?:nicht\s+erreichbar|nicht\s+verfügbar|offline"
        r"|unterbrochen|ausgefallen|gestört)",
        r"tatsächlich\w*", r"(?:die\s+)?unterbrechung\s+dauerte",
    ),
    service_hours_phrases=(
        r"hotline", r"kundenservice", r"kundendienst", r"support", r"servicezeiten",
        r"öffnungszeiten", r"geöffnet", r"erreichbar", r"sprechzeiten", r"geschäftszeiten",
        r"bürozeiten", r"telefonisch", r"beratung", r"erreichen\s+sie\s+uns",
        r"sie\s+erreichen\s+uns", r"rufen\s+sie\s+(?:uns\s+)?an", r"anrufen", r"telefon\w*",
        r"bei\s+fragen",
    ),
    outage_phrases=(
        r"nicht\s+erreichbar", r"nicht\s+verfügbar", r"eingeschränkt", r"ausfall\w*",
        r"unterbrech\w*", r"offline", r"außer\s+betrieb", r"abgeschaltet",
    ),
    delay_phrases=(
        r"innerhalb", r"später", r"verzögert", r"verspätet", r"nachgeliefert", r"zugestellt",
        r"eingepflegt", r"vorher", r"vorab", r"im\s+voraus", r"bevor", r"vor\s+(?:der|dem|beginn)",
        r"nach\s+(?:der|dem|ende|abschluss)", r"erinnerung", r"zustellung",
    ),
    length_phrases=(
        r"dauer\w*", r"ausfallzeit", r"unterbrechung", r"beträgt", r"rechne\w*\s+(?:\w+\s+)?mit",
        r"ausfall", r"für\s+(?:ca\.|etwa|rund|circa)",
    ),
    every=frozenset({"jede", "jeden", "jeder", "alle"}),
    every_other=frozenset({"zweiten"}),
    daily_phrases=(
        r"täglich", r"taeglich", r"jede\s+nacht", r"jeden\s+tag", r"allnächtlich",
        r"nächtlich", r"jede\s+nacht",
    ),
    biweekly_phrases=(
        r"alle\s+(?:zwei|2)\s+wochen", r"vierzehntäglich", r"14-tägig\w*", r"zweiwöchentlich\w*",
    ),
    monthly_phrases=(
        r"im\s+monat", r"des\s+monats", r"(?:eines\s+)?jeden\s+monats", r"monatlich",
        r"in\s+jedem\s+monat", r"jeden\s+monat",
    ),
)  # fmt: skip
