"""Rule G1: the horizons and grace of a grading policy, their calendar periods and how they are
described.
"""

import pytest
from dateutil.relativedelta import relativedelta
from dateutil.relativedelta import relativedelta as rd

from custrel._periods import describe
from custrel.errors import PolicyError
from custrel.grading import DEFAULT_GRADING, GradingPolicy

# Rule G1: calendar periods of a policy --------------------------------------------------------


@pytest.mark.parametrize(
    "horizons",
    [
        (rd(months=1), rd(days=32), rd(months=6)),  # 32 days pass a month from any day
        (rd(months=1), rd(months=1, days=1), rd(months=6)),  # as many months, a day more
        (rd(months=1), rd(months=10), rd(months=11)),  # a month more, as many days
        (rd(months=1), rd(months=10), rd(months=10, days=1)),
        (rd(months=11), rd(years=1), rd(months=13)),  # a year is twelve months
        (rd(months=1), rd(months=3), rd(months=1200)),  # at most 100 years
        (rd(days=1), rd(days=2), rd(days=36_600)),  # at most 36,600 days
    ],
)
def test_g1_horizons_longer_from_every_start_date_are_accepted(
    horizons: tuple[rd, rd, rd],
) -> None:
    assert GradingPolicy(horizons=horizons).horizons == horizons


@pytest.mark.parametrize(
    ("horizons", "index", "after"),
    [
        ((rd(months=1), rd(days=31), rd(months=6)), 1, "1 month"),  # not after a 31-day month
        ((rd(months=13), rd(years=1), rd(months=14)), 1, "1 year 1 month"),
        ((rd(years=2, months=1, days=3), rd(months=25), rd(years=9)), 1, "2 years 1 month 3 days"),
        ((rd(days=1), rd(days=1), rd(months=6)), 1, "1 day"),
        ((rd(weeks=2), rd(days=10), rd(months=6)), 1, "14 days"),
        ((rd(days=30), rd(months=1, days=2), rd(months=6)), 1, "30 days"),  # equal from 1 Feb
    ],
)
def test_g1_a_horizon_not_longer_than_the_one_before_is_refused(
    horizons: tuple[rd, rd, rd], index: int, after: str
) -> None:
    with pytest.raises(PolicyError) as caught:
        GradingPolicy(horizons=horizons)
    assert caught.value.field == f"GradingPolicy.horizons[{index}]"
    assert caught.value.expected == f"a period longer than {after} from every start date"
    assert caught.value.value == horizons[index]


@pytest.mark.parametrize("grace", [rd(), rd(days=36_600), rd(months=1200), rd(years=100)])
def test_g1_a_grace_of_zero_up_to_the_limits_is_accepted(grace: rd) -> None:
    assert GradingPolicy(overdue_grace=grace).overdue_grace == grace


@pytest.mark.parametrize(
    ("period", "english", "chinese"),
    [
        (rd(), "0 days", "0天"),
        (rd(days=1), "1 day", "1天"),
        (rd(weeks=1), "7 days", "7天"),
        (rd(months=1), "1 month", "1个月"),
        (rd(years=2, months=3, days=4), "2 years 3 months 4 days", "2年3个月4天"),
        (rd(years=1, days=1), "1 year 1 day", "1年1天"),
    ],
)
def test_g1_a_period_is_described_in_english_and_chinese(
    period: rd, english: str, chinese: str
) -> None:
    assert describe(period) == english
    assert describe(period, "en") == english
    assert describe(period, "zh") == chinese


def test_default_grading_horizons_are_the_documented_calendar_months() -> None:
    assert DEFAULT_GRADING.horizons == (
        relativedelta(months=1),
        relativedelta(months=3),
        relativedelta(months=6),
    )
    assert DEFAULT_GRADING.overdue_grace == relativedelta(months=1)
    assert DEFAULT_GRADING.urgency_horizons == (
        relativedelta(weeks=1),
        relativedelta(months=1),
        relativedelta(months=3),
    )
