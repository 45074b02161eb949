"""The date-expression table: (expression, reference, expected date, precision[, past]).

Expected dates were worked out by hand from a calendar. Conventions (docs/when.md): a month or
year precision date is the first day of its period; week expressions have month precision;
with past=True nothing after the reference is returned (None).
"""

from __future__ import annotations

from datetime import date

import pytest

from cablegram.resolve.dates import resolve_expression

THU = date(2024, 3, 14)  # a Thursday
TUE = date(2023, 1, 3)  # a Tuesday just after new year
LEAP = date(2020, 2, 29)  # a Saturday, leap day
EVE = date(2021, 12, 31)  # a Friday, new year's eve

PAST = [
    # deictic days
    ("today", THU, "2024-03-14", "day"),
    ("tonight", THU, "2024-03-14", "day"),
    ("this morning", THU, "2024-03-14", "day"),
    ("this afternoon", THU, "2024-03-14", "day"),
    ("this evening", THU, "2024-03-14", "day"),
    ("overnight", THU, "2024-03-14", "day"),
    ("yesterday", THU, "2024-03-13", "day"),
    ("Yesterday", THU, "2024-03-13", "day"),
    ("yesterday morning", THU, "2024-03-13", "day"),
    ("yesterday evening", THU, "2024-03-13", "day"),
    ("last night", THU, "2024-03-13", "day"),
    ("the day before yesterday", THU, "2024-03-12", "day"),
    # weekdays: the latest one on or before the reference
    ("on Monday", THU, "2024-03-11", "day"),
    ("Monday", THU, "2024-03-11", "day"),
    ("Tuesday", THU, "2024-03-12", "day"),
    ("on Wednesday", THU, "2024-03-13", "day"),
    ("Thursday", THU, "2024-03-14", "day"),
    ("Friday", THU, "2024-03-08", "day"),
    ("Saturday", THU, "2024-03-09", "day"),
    ("on Sunday", THU, "2024-03-10", "day"),
    ("Sunday night", THU, "2024-03-10", "day"),
    ("Monday morning", THU, "2024-03-11", "day"),
    ("Tuesday afternoon", THU, "2024-03-12", "day"),
    ("late on Tuesday", THU, "2024-03-12", "day"),
    ("early Wednesday", THU, "2024-03-13", "day"),
    ("late yesterday", THU, "2024-03-13", "day"),
    ("last Monday", THU, "2024-03-11", "day"),
    ("last Thursday", THU, "2024-03-07", "day"),
    ("last Friday", THU, "2024-03-08", "day"),
    ("last Sunday", THU, "2024-03-10", "day"),
    ("Wed", THU, "2024-03-13", "day"),
    ("Thurs", THU, "2024-03-14", "day"),
    # counted back
    ("two days ago", THU, "2024-03-12", "day"),
    ("2 days ago", THU, "2024-03-12", "day"),
    ("three days ago", THU, "2024-03-11", "day"),
    ("ten days ago", THU, "2024-03-04", "day"),
    ("a week ago", THU, "2024-03-07", "day"),
    ("one week ago", THU, "2024-03-07", "day"),
    ("two weeks ago", THU, "2024-02-29", "day"),
    ("a fortnight ago", THU, "2024-02-29", "day"),
    ("a month ago", THU, "2024-02-01", "month"),
    ("two months ago", THU, "2024-01-01", "month"),
    ("six months ago", THU, "2023-09-01", "month"),
    ("a year ago", THU, "2023-01-01", "year"),
    ("two years ago", THU, "2022-01-01", "year"),
    # weeks, months, years around the reference
    ("last week", THU, "2024-03-01", "month"),
    ("this week", THU, "2024-03-01", "month"),
    ("earlier this week", THU, "2024-03-01", "month"),
    ("last month", THU, "2024-02-01", "month"),
    ("earlier this month", THU, "2024-03-01", "month"),
    ("this month", THU, "2024-03-01", "month"),
    ("last year", THU, "2023-01-01", "year"),
    ("earlier this year", THU, "2024-01-01", "year"),
    ("this year", THU, "2024-01-01", "year"),
    ("over the weekend", THU, "2024-03-09", "day"),
    ("last weekend", THU, "2024-03-09", "day"),
    ("this weekend", THU, "2024-03-09", "day"),
    # month and day, year inferred
    ("January 2", THU, "2024-01-02", "day"),
    ("on January 2", THU, "2024-01-02", "day"),
    ("Jan. 2", THU, "2024-01-02", "day"),
    ("Jan 2", THU, "2024-01-02", "day"),
    ("2 January", THU, "2024-01-02", "day"),
    ("January 2nd", THU, "2024-01-02", "day"),
    ("the 2nd of January", THU, "2024-01-02", "day"),
    ("March 14", THU, "2024-03-14", "day"),
    ("March 13", THU, "2024-03-13", "day"),
    ("March 15", THU, "2023-03-15", "day"),
    ("December 25", THU, "2023-12-25", "day"),
    ("Dec. 25", THU, "2023-12-25", "day"),
    ("25 December", THU, "2023-12-25", "day"),
    # with a year
    ("2 January 2009", THU, "2009-01-02", "day"),
    ("January 2, 2009", THU, "2009-01-02", "day"),
    ("Jan. 2, 2009", THU, "2009-01-02", "day"),
    ("on 2 January 2009", THU, "2009-01-02", "day"),
    ("2009-01-02", THU, "2009-01-02", "day"),
    ("Sept. 11, 2001", THU, "2001-09-11", "day"),
    ("September 11 2001", THU, "2001-09-11", "day"),
    ("11 September 2001", THU, "2001-09-11", "day"),
    ("February 29, 2020", THU, "2020-02-29", "day"),
    ("February 30, 2020", THU, None, None),
    ("02/01/2009", THU, "2009-02-01", "day"),
    ("12/25/2008", THU, "2008-12-25", "day"),
    # months
    ("in January", THU, "2024-01-01", "month"),
    ("January", THU, "2024-01-01", "month"),
    ("in March", THU, "2024-03-01", "month"),
    ("in April", THU, "2023-04-01", "month"),
    ("in May", THU, "2023-05-01", "month"),
    ("in December", THU, "2023-12-01", "month"),
    ("last December", THU, "2023-12-01", "month"),
    ("January 2009", THU, "2009-01-01", "month"),
    ("in January 2009", THU, "2009-01-01", "month"),
    ("Jan 2009", THU, "2009-01-01", "month"),
    ("June last year", THU, "2023-06-01", "month"),
    ("June 5 last year", THU, "2023-06-05", "day"),
    ("Saturday, March 9", THU, "2024-03-09", "day"),
    ("Saturday May 1", THU, "2023-05-01", "day"),
    ("earlier Tuesday", THU, "2024-03-12", "day"),
    ("late last year", THU, "2023-01-01", "year"),
    ("late last month", THU, "2024-02-01", "month"),
    ("early this month", THU, "2024-03-01", "month"),
    # parts of months and years (dateparser leaves these unanswered)
    ("late January", THU, "2024-01-01", "month"),
    ("early January", THU, "2024-01-01", "month"),
    ("mid-January", THU, "2024-01-01", "month"),
    ("mid January", THU, "2024-01-01", "month"),
    ("since late January", THU, "2024-01-01", "month"),
    ("in late January", THU, "2024-01-01", "month"),
    ("mid-March", THU, "2024-03-01", "month"),
    ("late March", THU, "2024-03-01", "month"),
    ("late April", THU, "2023-04-01", "month"),
    ("the end of May", THU, "2023-05-01", "month"),
    ("the beginning of February", THU, "2024-02-01", "month"),
    ("late January 2011", THU, "2011-01-01", "month"),
    ("early 2011", THU, "2011-01-01", "year"),
    ("mid-2011", THU, "2011-01-01", "year"),
    ("late 2011", THU, "2011-01-01", "year"),
    ("the end of 2011", THU, "2011-01-01", "year"),
    # years
    ("in 2008", THU, "2008-01-01", "year"),
    ("2008", THU, "2008-01-01", "year"),
    ("in 1992", THU, "1992-01-01", "year"),
    ("during 2015", THU, "2015-01-01", "year"),
    ("since 2014", THU, "2014-01-01", "year"),
    ("the year 2010", THU, "2010-01-01", "year"),
    # after the reference: never for a past event
    ("by 2030", THU, None, None),
    ("next Tuesday", THU, None, None),
    ("tomorrow", THU, None, None),
    ("next week", THU, None, None),
    ("next month", THU, None, None),
    ("next year", THU, None, None),
    # not dates
    ("", THU, None, None),
    ("for three days", THU, None, None),
    ("three days", THU, None, None),
    ("the ministry", THU, None, None),
    ("recently", THU, None, None),
    ("soon", THU, None, None),
    ("18", THU, None, None),
    ("22 years", THU, None, None),
    ("the 1990s", THU, None, None),
    ("the last decade", THU, None, None),
    # across a new year
    ("yesterday", TUE, "2023-01-02", "day"),
    ("the day before yesterday", TUE, "2023-01-01", "day"),
    ("on Saturday", TUE, "2022-12-31", "day"),
    ("Friday", TUE, "2022-12-30", "day"),
    ("last Tuesday", TUE, "2022-12-27", "day"),
    ("Tuesday", TUE, "2023-01-03", "day"),
    ("Wednesday", TUE, "2022-12-28", "day"),
    ("December 25", TUE, "2022-12-25", "day"),
    ("December 31", TUE, "2022-12-31", "day"),
    ("January 3", TUE, "2023-01-03", "day"),
    ("January 4", TUE, "2022-01-04", "day"),
    ("last month", TUE, "2022-12-01", "month"),
    ("last year", TUE, "2022-01-01", "year"),
    ("in December", TUE, "2022-12-01", "month"),
    ("late December", TUE, "2022-12-01", "month"),
    ("a week ago", TUE, "2022-12-27", "day"),
    ("two weeks ago", TUE, "2022-12-20", "day"),
    ("a month ago", TUE, "2022-12-01", "month"),
    ("last week", TUE, "2022-12-01", "month"),
    ("over the weekend", TUE, "2022-12-31", "day"),
    ("earlier this month", TUE, "2023-01-01", "month"),
    ("this year", TUE, "2023-01-01", "year"),
    ("three days ago", TUE, "2022-12-31", "day"),
    ("10 days ago", TUE, "2022-12-24", "day"),
    # a leap day
    ("yesterday", LEAP, "2020-02-28", "day"),
    ("Friday", LEAP, "2020-02-28", "day"),
    ("Saturday", LEAP, "2020-02-29", "day"),
    ("Sunday", LEAP, "2020-02-23", "day"),
    ("on Monday", LEAP, "2020-02-24", "day"),
    ("last Saturday", LEAP, "2020-02-22", "day"),
    ("a week ago", LEAP, "2020-02-22", "day"),
    ("February 29", LEAP, "2020-02-29", "day"),
    ("February 29, 2016", LEAP, "2016-02-29", "day"),
    ("March 1", LEAP, "2019-03-01", "day"),
    ("in March", LEAP, "2019-03-01", "month"),
    ("last month", LEAP, "2020-01-01", "month"),
    ("this weekend", LEAP, "2020-02-29", "day"),
    ("a year ago", LEAP, "2019-01-01", "year"),
    # new year's eve
    ("yesterday", EVE, "2021-12-30", "day"),
    ("Thursday", EVE, "2021-12-30", "day"),
    ("Friday", EVE, "2021-12-31", "day"),
    ("Saturday", EVE, "2021-12-25", "day"),
    ("last Friday", EVE, "2021-12-24", "day"),
    ("December 25", EVE, "2021-12-25", "day"),
    ("January 1", EVE, "2021-01-01", "day"),
    ("last month", EVE, "2021-11-01", "month"),
    ("earlier this month", EVE, "2021-12-01", "month"),
    ("mid-December", EVE, "2021-12-01", "month"),
    ("late December", EVE, "2021-12-01", "month"),
    ("early January", EVE, "2021-01-01", "month"),
]

FUTURE = [
    ("next Tuesday", THU, "2024-03-19", "day"),
    ("next Monday", THU, "2024-03-18", "day"),
    ("next Thursday", THU, "2024-03-21", "day"),
    ("on Saturday", THU, "2024-03-16", "day"),
    ("Saturday", THU, "2024-03-16", "day"),
    ("Thursday", THU, "2024-03-14", "day"),
    ("tomorrow", THU, "2024-03-15", "day"),
    ("next week", THU, "2024-03-01", "month"),
    ("next month", THU, "2024-04-01", "month"),
    ("next year", THU, "2025-01-01", "year"),
    ("March 20", THU, "2024-03-20", "day"),
    ("April 5", THU, "2024-04-05", "day"),
    ("December 1", THU, "2024-12-01", "day"),
    ("by 2030", THU, "2030-01-01", "year"),
    ("tomorrow", LEAP, "2020-03-01", "day"),
    ("next month", LEAP, "2020-03-01", "month"),
    ("next Monday", LEAP, "2020-03-02", "day"),
    ("January 1", EVE, "2022-01-01", "day"),
    ("January 5", EVE, "2022-01-05", "day"),
    ("tomorrow", EVE, "2022-01-01", "day"),
    ("next Monday", EVE, "2022-01-03", "day"),
    ("next month", EVE, "2022-01-01", "month"),
    ("next year", EVE, "2022-01-01", "year"),
    ("early January", EVE, "2022-01-01", "month"),
]

CASES = [(*row, True) for row in PAST] + [(*row, False) for row in FUTURE]


def test_table_is_large_enough():
    """The brief asks for at least 150 cases."""
    assert len(CASES) >= 150


@pytest.mark.parametrize(("text", "reference", "expected", "precision", "past"), CASES)
def test_expression(text, reference, expected, precision, past):
    """Each expression resolves to the expected date and precision (or to nothing)."""
    found = resolve_expression(text, reference, past=past)
    if expected is None:
        assert found is None
        return
    assert found is not None, text
    assert (found.date.isoformat(), found.precision) == (expected, precision)
    assert found.text == text and found.basis == "text"
