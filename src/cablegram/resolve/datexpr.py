"""Date expressions → DateRef, relative to a reference (publication) date. No model needed.

`resolve_expression(text, reference, past=True)` reads one expression such as "last week",
"on Monday", "2 January 2009", "since late January" or "two days ago". Our own rules come
first (they are fast and cover what news text says most); dateparser reads what they leave.

Conventions, so every caller reads a DateRef the same way:
- `date` is the first day of the period at its precision ("late January 2011" → 2011-01-01,
  precision month; "in 2008" → 2008-01-01, precision year). Week expressions ("last week",
  "earlier this week") have no exact day: they give the month of the week's Monday.
- With `past=True` (a past-tense event) nothing after the reference is returned: a bare
  "Thursday" is the latest Thursday on or before the reference, "January 5" said in
  December is this year's, and an explicitly future expression yields None.
"""

from __future__ import annotations

import re
from datetime import date as Date
from datetime import timedelta
from functools import lru_cache

from ..records import DateRef

__all__ = ["resolve_expression", "EXPRESSION_PATTERN"]

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3,
    "a few": 3, "few": 3, "a couple of": 2, "couple of": 2,
}
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}

_MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY_RE = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
_NUM_RE = (
    r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|several|a few|a couple of)"
)
_PART_RE = r"(?:early|mid|late|the (?:start|beginning|middle|end) of|end of|start of|beginning of)"
_DAYPART_RE = r"(?:\s+(?:morning|afternoon|evening|night|\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?))?"

# Prefixes that introduce an expression but do not change its date.
_LEAD = re.compile(
    r"^(?:(?:since|from|on|in|during|at|by|until|till|as of|as early as|as late as|starting|"
    r"beginning|through|throughout|over|around|about|before|after|of)\s+)+"
)
# "late on Tuesday", "early Monday": the part of the day does not change the date
_EARLY_LATE = re.compile(
    rf"^(?:early|late|earlier|later)\s+(?:on\s+)?"
    rf"(?=(?:{_WEEKDAY_RE}|yesterday|today|(?:last|this) (?:week|month|year))\b)"
)
# "Saturday, May 1": the calendar date says it all
_WEEKDAY_BEFORE_DATE = re.compile(rf"^{_WEEKDAY_RE},?\s+(?=\d|{_MONTH_RE})")
_ORD = re.compile(r"(\d{1,2})(?:st|nd|rd|th)\b")

# One pattern that finds candidate expressions in running text (used by the stage).
EXPRESSION_PATTERN = re.compile(
    r"\b(?:"
    rf"(?:{_PART_RE}[\s-]*)?{_MONTH_RE}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}(?:,?\s+\d{{4}})?"
    rf"|(?:last|next|this|past|coming|previous)\s+(?:{_WEEKDAY_RE}|week(?:end)?|month|year|{_MONTH_RE})"
    rf"|(?:earlier|later)\s+(?:this|that|last)\s+(?:week|month|year)"
    rf"|{_NUM_RE}\s+(?:days?|weeks?|months?|years?|fortnights?)\s+(?:ago|earlier|before)"
    r"|(?:the\s+)?day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|overnight"
    r"|this\s+(?:morning|afternoon|evening)|last\s+night|over\s+the\s+weekend"
    rf"|{_WEEKDAY_RE}{_DAYPART_RE}"
    rf"|(?:{_PART_RE}[\s-]*)?(?:19|20)\d\d"
    r"|\d{4}-\d\d-\d\d|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
    r")\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)
def resolve_expression(text: str, reference: Date, *, past: bool = True) -> DateRef | None:
    """Resolve one date expression against `reference`; None when it names no date we can place.

    Results are cached per (expression, reference, past): documents repeat their expressions.
    """
    norm = _normalise(text)
    if not norm:
        return None
    for rule in _RULES:
        found = rule(norm, reference, past)
        if found is not None:
            when, precision = found
            return _finish(when, precision, text, reference, past)
    return _fallback(norm, text, reference, past)


def _normalise(text: str) -> str:
    low = " ".join(text.lower().replace("\u2019", "'").split()).strip(" .,;:()")
    low = _LEAD.sub("", low)
    low = _ORD.sub(r"\1", low)
    low = _EARLY_LATE.sub("", low)
    low = _WEEKDAY_BEFORE_DATE.sub("", low)
    return low.replace("mid ", "mid-").removeprefix("the ")


def _finish(when: Date, precision: str, text: str, reference: Date, past: bool) -> DateRef | None:
    if past and when > reference:
        return None
    return DateRef(date=when, precision=precision, text=text, basis="text")  # type: ignore[arg-type]


# -- rules: each takes (normalised text, reference, past) and returns (date, precision) or None ---
Found = tuple[Date, str] | None


def _deictic(norm: str, ref: Date, past: bool) -> Found:
    offsets = {
        "today": 0, "tonight": 0, "overnight": 0, "this morning": 0, "this afternoon": 0,
        "this evening": 0, "yesterday": -1, "last night": -1, "day before yesterday": -2,
        "tomorrow": 1, "previous day": -1, "day before": -1, "next day": 1, "following day": 1,
    }
    for suffix in ("", " morning", " afternoon", " evening", " night"):
        base = norm.removesuffix(suffix) if suffix else norm
        if base in offsets and (suffix == "" or base in {"yesterday", "tomorrow", "today"}):
            return ref + timedelta(days=offsets[base]), "day"
    return None


_AGO = re.compile(rf"^({_NUM_RE})\s+(day|week|month|year|fortnight)s?\s+(?:ago|earlier|before)$")


def _ago(norm: str, ref: Date, past: bool) -> Found:
    m = _AGO.match(norm)
    if not m:
        return None
    n = int(m.group(1)) if m.group(1).isdigit() else _NUMBERS[m.group(1)]
    unit = m.group(2)
    if unit in _UNIT_DAYS:
        # "three weeks ago" names one day, give or take: keep the day
        return ref - timedelta(days=n * _UNIT_DAYS[unit]), "day"
    if unit == "month":
        return _first_of_month(_shift_months(ref, -n)), "month"
    return Date(ref.year - n, 1, 1), "year"


_REL = re.compile(
    r"^(last|past|previous|this|next|coming|earlier this|later this|earlier that|later that)"
    r"\s+(week|weekend|month|year)$"
)


def _relative_period(norm: str, ref: Date, past: bool) -> Found:
    if norm in {"over the weekend", "weekend"}:
        norm = "last weekend" if past else "this weekend"
    m = _REL.match(norm)
    if not m:
        return None
    which, unit = m.group(1), m.group(2)
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
    if unit == "year":
        return Date(ref.year + step, 1, 1), "year"
    if unit == "month":
        return _first_of_month(_shift_months(ref, step)), "month"
    monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
    if unit == "weekend":
        saturday = monday + timedelta(days=5)
        if step == 0 and past and saturday > ref:
            saturday -= timedelta(weeks=1)
        return saturday, "day"
    if past and monday > ref:
        return None  # "next week" cannot date a past event; the month alone would hide that
    return _first_of_month(monday), "month"


_WEEKDAY = re.compile(
    rf"^(?:(last|next|this|coming|past|previous)\s+)?({_WEEKDAY_RE})"
    r"(?:\s+(?:morning|afternoon|evening|night|\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?))?$"
)


def _weekday(norm: str, ref: Date, past: bool) -> Found:
    m = _WEEKDAY.match(norm)
    if not m:
        return None
    key = m.group(2)
    target = _WEEKDAYS.get(key) if key in _WEEKDAYS else _WEEKDAYS.get(key[:3])
    if target is None:
        return None
    which = m.group(1)
    back = (ref.weekday() - target) % 7
    if which in {"last", "past", "previous"}:
        return ref - timedelta(days=back or 7), "day"
    if which in {"next", "coming"}:
        return ref + timedelta(days=(target - ref.weekday()) % 7 or 7), "day"
    if past:
        return ref - timedelta(days=back), "day"
    return ref + timedelta(days=(target - ref.weekday()) % 7), "day"


_ISO = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
_MDY = re.compile(
    rf"^(?:(last|next|this)\s+)?({_MONTH_RE})(?:\s+(\d{{1,2}}))?(?:,?\s+(\d{{4}}|last year|this year))?$"
)
_DMY = re.compile(rf"^(\d{{1,2}})\s+(?:of\s+)?({_MONTH_RE})(?:,?\s+(\d{{4}}))?$")


def _calendar(norm: str, ref: Date, past: bool) -> Found:
    if m := _ISO.match(norm):
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _MDY.match(norm):
        which, month, day, year = m.group(1), m.group(2), m.group(3), m.group(4)
    elif m := _DMY.match(norm):
        which, day, month, year = None, m.group(1), m.group(2), m.group(3)
    else:
        return None
    month_no = _MONTHS[month.rstrip(".")]
    if year in {"last year", "this year"}:  # "June last year"
        year = str(ref.year - 1 if year == "last year" else ref.year)
    if year is None:
        year_no = _infer_year(month_no, int(day or 1), ref, past, which)
    else:
        year_no = int(year)
    if day is None:
        return Date(year_no, month_no, 1), "month"
    return _safe_date(year_no, month_no, int(day))


_PART = re.compile(
    rf"^({_PART_RE})[\s-]*(?:({_MONTH_RE})(?:,?\s+(\d{{4}}))?|(\d{{4}}))$"
)


def _part_of(norm: str, ref: Date, past: bool) -> Found:
    """'late January', 'mid-March', 'early 2011', 'the end of May': coarse, so month/year."""
    m = _PART.match(norm)
    if not m:
        return None
    if m.group(4):
        return Date(int(m.group(4)), 1, 1), "year"
    month_no = _MONTHS[m.group(2).rstrip(".")]
    # the month itself decides the year: "mid-March" said on March 14 is this March
    year = int(m.group(3)) if m.group(3) else _infer_year(month_no, 1, ref, past, None)
    return Date(year, month_no, 1), "month"


_YEAR = re.compile(r"^(?:(?:the )?year\s+)?((?:19|20)\d\d)$")


def _year(norm: str, ref: Date, past: bool) -> Found:
    m = _YEAR.match(norm)
    return (Date(int(m.group(1)), 1, 1), "year") if m else None


_RULES = (_deictic, _ago, _relative_period, _weekday, _calendar, _part_of, _year)


_NUMERIC_DATE = re.compile(r"^\d{1,4}[/.]\d{1,2}[/.]\d{2,4}$")
_MONTH_WORD = re.compile(rf"\b{_MONTH_RE}(?!\w)")


def _fallback(norm: str, text: str, reference: Date, past: bool) -> DateRef | None:
    """dateparser for what our rules do not read (e.g. '02/01/2009', 'a fortnight ago')."""
    if not (_NUMERIC_DATE.search(norm) or (_MONTH_WORD.search(norm) and any(c.isdigit() for c in norm))):
        # dateparser reads "18" as the 18th, "22 years" as 22 years ago, "the 1990s" as now
        return None
    import dateparser

    settings = {
        "RELATIVE_BASE": _midnight(reference),
        "PREFER_DATES_FROM": "past" if past else "future",
        "DATE_ORDER": "MDY",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    parsed = dateparser.parse(norm, languages=["en"], settings=settings)  # type: ignore[arg-type]
    if parsed is None:
        return None
    return _finish(parsed.date(), "day", text, reference, past)


def _midnight(day: Date):
    from datetime import datetime

    return datetime(day.year, day.month, day.day, 12, 0)


def _infer_year(month: int, day: int, ref: Date, past: bool, which: str | None) -> int:
    """The year of a month/day given without one: the latest not after `ref` for past events."""
    if which == "last":
        return ref.year - 1 if (month, day) >= (ref.month, ref.day) else ref.year
    if which == "next":
        return ref.year + 1 if (month, day) <= (ref.month, ref.day) else ref.year
    if past:
        return ref.year - 1 if (month, min(day, 28)) > (ref.month, ref.day) else ref.year
    # future: a month well behind the reference month is next year's
    return ref.year + 1 if (ref.month - month) % 12 >= 3 and (month, day) < (ref.month, ref.day) else ref.year


def _safe_date(year: int, month: int, day: int) -> Found:
    try:
        return Date(year, month, day), "day"
    except ValueError:
        return None


def _first_of_month(day: Date) -> Date:
    return day.replace(day=1)


def _shift_months(day: Date, months: int) -> Date:
    index = day.year * 12 + day.month - 1 + months
    return Date(index // 12, index % 12 + 1, 1)
