"""Test-wide settings: Hypothesis profiles, and rule caches emptied before each test."""

import os
from datetime import date

import pytest
from hypothesis import HealthCheck, settings

from custrel import grading
from custrel.cadence import _daycount
from custrel.cadence import _due as cadence_due
from custrel.cadence import _policy as cadence_policy
from custrel.grading import _rules as grading_rules
from custrel.lifecycle import _policy as lifecycle_policy

# Developers keep an example database, so a failure found once is replayed next time.
settings.register_profile("dev", max_examples=100, deadline=None)
# CI is reproducible: derandomized, no database, a bounded number of examples.
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    max_examples=150,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
# The mutation gate runs the tests once per changed rule: reproducible, fewer examples.
settings.register_profile("mutation", parent=settings.get_profile("ci"), max_examples=15)
_PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
settings.load_profile(_PROFILE)

# A binding no test's policy is (identity), so the fast path of grading never answers
# from a binding made before the test: building a real one per test would make every
# test reach GradingPolicy.at, and the gate run all of them on each of its mutants.
_NO_BINDING = grading.GradingPolicy().at(date(2000, 1, 1))


@pytest.fixture(autouse=True)
def _fresh_rule_caches() -> None:
    """Empty the caches of bound policies and built steps before each test.

    A binding cached by an earlier test (or at import) would answer for the rule
    instead of the rule itself, so a test could pass against a changed rule: the
    mutation gate (tools/mutation_gate.py) runs every test on changed rules.
    """
    grading_rules._bound.cache_clear()  # noqa: SLF001 - the caches are private on purpose
    grading_rules._last_bound = _NO_BINDING  # noqa: SLF001
    cadence_due._last_steps = (cadence_policy.DEFAULT_CADENCE, {})  # noqa: SLF001
    lifecycle_policy._bound.cache_clear()  # noqa: SLF001
    _daycount._week.cache_clear()  # noqa: SLF001
