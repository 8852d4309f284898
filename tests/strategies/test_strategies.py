"""custrel.strategies: registered with Hypothesis, never imported by custrel itself."""

import subprocess
import sys
from datetime import date

from hypothesis import find, given
from hypothesis import strategies as st

import custrel
from custrel import strategies


def test_import_custrel_does_not_import_hypothesis() -> None:
    code = "import sys, custrel; sys.exit('hypothesis' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_strategies_import_first_in_a_fresh_process() -> None:
    """Importing custrel.strategies before Hypothesis must not trip the entry point."""
    code = (
        "from custrel.strategies import profiles; import hypothesis; "
        "hypothesis.find(profiles(), bool)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


@given(st.from_type(custrel.CustomerProfile))
def test_from_type_knows_profiles(profile: custrel.CustomerProfile) -> None:
    assert profile.person is not None or profile.organization is not None


@given(st.from_type(custrel.Purchase), st.from_type(custrel.Opportunity))
def test_from_type_knows_events(
    purchase: custrel.Purchase, opportunity: custrel.Opportunity
) -> None:
    assert purchase.amount >= 0
    assert opportunity.customer_id


def test_dates_without_a_tricky_day_in_range() -> None:
    day = find(
        strategies.dates(min_value=date(2025, 3, 1), max_value=date(2025, 3, 31)), lambda _: True
    )
    assert day.month == 3


def test_dates_reach_29_february() -> None:
    leap_day = find(strategies.dates(), lambda d: (d.month, d.day) == (2, 29))
    assert leap_day.year % 4 == 0


@given(strategies.histories(max_events=5))
def test_histories_are_consistent(history: strategies.History) -> None:
    cid = history.profile.customer_id
    for events in (history.purchases, history.contacts, history.complaints):
        assert all(event.customer_id == cid for event in events)
        assert [e.at for e in events] == sorted(e.at for e in events)
        assert all(e.at.date() >= history.profile.created_on for e in events)
