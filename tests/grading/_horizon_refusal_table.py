"""The refusals of a grading policy's horizons and grace (rule G1), word for word: (call, error
class, whole message, field, hint).
"""

from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta as rd

from custrel.errors import PolicyError
from custrel.grading import GradingPolicy

HORIZON_REFUSALS = [
    pytest.param(
        lambda: GradingPolicy(horizons=(rd(months=1), rd(months=3))),  # type: ignore[arg-type]
        PolicyError,
        (
            "GradingPolicy.horizons: expected a tuple of 3 calendar periods, each longer than "
            "the one before, got tuple (relativedelta(months=+1), relativedelta(months=+3))"
        ),
        "GradingPolicy.horizons",
        "",
        id="grading-horizons-len",
    ),
    pytest.param(
        lambda: GradingPolicy(horizons=[rd(months=1), rd(months=3), rd(months=6)]),  # type: ignore[arg-type]
        PolicyError,
        (
            "GradingPolicy.horizons: expected a tuple of 3 calendar periods, each longer than "
            "the one before, got list [relativedelta(months=+1), relativedelta(months=+3), "
            "rela..."
        ),
        "GradingPolicy.horizons",
        "",
        id="grading-horizons-list",
    ),
    pytest.param(
        lambda: GradingPolicy(horizons=(rd(months=1), rd(hours=3), rd(months=6))),
        PolicyError,
        (
            "GradingPolicy.horizons[1]: expected a relativedelta of whole years, months, weeks "
            "or days, got relativedelta relativedelta(hours=+3)"
        ),
        "GradingPolicy.horizons[1]",
        "",
        id="grading-horizon-hours",
    ),
    pytest.param(
        lambda: GradingPolicy(horizons=(rd(months=1), timedelta(days=90), rd(months=6))),  # type: ignore[arg-type]
        PolicyError,
        (
            "GradingPolicy.horizons[1]: expected a relativedelta of whole years, months, weeks "
            "or days, got timedelta datetime.timedelta(days=90)"
        ),
        "GradingPolicy.horizons[1]",
        "",
        id="grading-horizon-not-rd",
    ),
    pytest.param(
        lambda: GradingPolicy(horizons=(rd(months=1), rd(months=3), rd(months=1201))),
        PolicyError,
        (
            "GradingPolicy.horizons[2]: expected a period of at most 100 years and 36,600 "
            "days, got relativedelta relativedelta(years=+100, months=+1)"
        ),
        "GradingPolicy.horizons[2]",
        "",
        id="grading-horizon-too-long-months",
    ),
    pytest.param(
        lambda: GradingPolicy(horizons=(rd(months=1), rd(months=3), rd(days=36601))),
        PolicyError,
        (
            "GradingPolicy.horizons[2]: expected a period of at most 100 years and 36,600 "
            "days, got relativedelta relativedelta(days=+36601)"
        ),
        "GradingPolicy.horizons[2]",
        "",
        id="grading-horizon-too-long-days",
    ),
    pytest.param(
        lambda: GradingPolicy(horizons=(rd(), rd(months=3), rd(months=6))),
        PolicyError,
        (
            "GradingPolicy.horizons[0]: expected a period longer than zero from every start "
            "date, got relativedelta relativedelta()"
        ),
        "GradingPolicy.horizons[0]",
        "",
        id="grading-horizon-first-zero",
    ),
    pytest.param(
        lambda: GradingPolicy(horizons=(rd(months=-1), rd(months=3), rd(months=6))),
        PolicyError,
        (
            "GradingPolicy.horizons[0]: expected a period longer than zero from every start "
            "date, got relativedelta relativedelta(months=-1)"
        ),
        "GradingPolicy.horizons[0]",
        "",
        id="grading-horizon-negative",
    ),
    pytest.param(
        lambda: GradingPolicy(horizons=(rd(months=1), rd(days=30), rd(months=6))),
        PolicyError,
        (
            "GradingPolicy.horizons[1]: expected a period longer than 1 month from every start "
            "date, got relativedelta relativedelta(days=+30)"
        ),
        "GradingPolicy.horizons[1]",
        "",
        id="grading-horizon-not-longer",
    ),
    pytest.param(
        lambda: GradingPolicy(horizons=(rd(months=1), rd(months=3), rd(months=3))),
        PolicyError,
        (
            "GradingPolicy.horizons[2]: expected a period longer than 3 months from every "
            "start date, got relativedelta relativedelta(months=+3)"
        ),
        "GradingPolicy.horizons[2]",
        "",
        id="grading-horizon-equal",
    ),
    pytest.param(
        lambda: GradingPolicy(overdue_grace=rd(hours=1)),
        PolicyError,
        (
            "GradingPolicy.overdue_grace: expected a relativedelta of zero or more whole "
            "years, months, weeks or days, at most 100 years and 36,600 days, got "
            "relativedelta relativedelta(hours=+1)"
        ),
        "GradingPolicy.overdue_grace",
        "",
        id="grading-grace-hours",
    ),
    pytest.param(
        lambda: GradingPolicy(overdue_grace=rd(days=-1)),
        PolicyError,
        (
            "GradingPolicy.overdue_grace: expected a relativedelta of zero or more whole "
            "years, months, weeks or days, at most 100 years and 36,600 days, got "
            "relativedelta relativedelta(days=-1)"
        ),
        "GradingPolicy.overdue_grace",
        "",
        id="grading-grace-negative",
    ),
    pytest.param(
        lambda: GradingPolicy(overdue_grace=rd(months=1201)),
        PolicyError,
        (
            "GradingPolicy.overdue_grace: expected a relativedelta of zero or more whole "
            "years, months, weeks or days, at most 100 years and 36,600 days, got "
            "relativedelta relativedelta(years=+100, months=+1)"
        ),
        "GradingPolicy.overdue_grace",
        "",
        id="grading-grace-months",
    ),
    pytest.param(
        lambda: GradingPolicy(overdue_grace=rd(days=36601)),
        PolicyError,
        (
            "GradingPolicy.overdue_grace: expected a relativedelta of zero or more whole "
            "years, months, weeks or days, at most 100 years and 36,600 days, got "
            "relativedelta relativedelta(days=+36601)"
        ),
        "GradingPolicy.overdue_grace",
        "",
        id="grading-grace-days",
    ),
    pytest.param(
        lambda: GradingPolicy(overdue_grace=30),  # type: ignore[arg-type]
        PolicyError,
        (
            "GradingPolicy.overdue_grace: expected a relativedelta of zero or more whole "
            "years, months, weeks or days, at most 100 years and 36,600 days, got int 30"
        ),
        "GradingPolicy.overdue_grace",
        "",
        id="grading-grace-int",
    ),
]
