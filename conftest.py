"""Test-wide settings: Hypothesis profiles for developers and for CI."""

import os

from hypothesis import HealthCheck, settings

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
settings.load_profile("ci" if os.environ.get("CI") else "dev")
