"""calibrate_lifecycle: the grid of churn horizons, the tie rule and the TOML (rule L4)."""

import pathlib
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import attrs
import pytest

import custrel
from custrel.errors import InvalidInputError
from custrel.io import load_policies
from custrel.lifecycle import (
    DEFAULT_LIFECYCLE,
    LifecycleCalibration,
    LifecyclePolicy,
    _calibrate,
    backtest_lifecycle,
    calibrate_lifecycle,
)
from custrel.models import Purchase

AT = date(1997, 9, 30)
UNTIL = date(1998, 6, 30)


def sale(cid: str, days: int) -> Purchase:
    """A sale ``days`` after AT (before it when negative)."""
    day = AT + timedelta(days=days)
    return Purchase(
        customer_id=cid,
        product="cd",
        amount=Decimal(10),
        at=datetime(day.year, day.month, day.day, 12, tzinfo=UTC),
    )


def repeat(cid: str, last: int) -> list[Purchase]:
    """Three sales 30 days apart, the last ``last`` days before AT."""
    return [sale(cid, -last - 60), sale(cid, -last - 30), sale(cid, -last)]


# gone: silent 150 days, never back. back: silent 100 days, came back. Only a floor of
# 120 (with any multiple and ceiling: the median is 30 days) tells them apart.
SPLIT = [*repeat("gone", 150), *repeat("back", 100), sale("back", 10)]


def test_the_grid_policy_that_tells_them_apart_wins() -> None:
    found = calibrate_lifecycle(SPLIT, at=AT, until=UNTIL)
    assert found.before.lapsed.balanced_accuracy == Decimal("0.5000")
    assert found.after.lapsed.balanced_accuracy == Decimal("1.0000")
    assert found.policy.horizon_floor_days == 120


def test_among_tied_grid_policies_the_one_changing_fewest_fields_wins() -> None:
    """Any multiple and ceiling with the 120-day floor tell them apart: keep 3 and 365."""
    found = calibrate_lifecycle(SPLIT, at=AT, until=UNTIL)
    assert found.policy == attrs.evolve(DEFAULT_LIFECYCLE, horizon_floor_days=120)


def test_among_tied_grid_policies_changing_as_many_the_first_in_grid_order_wins() -> None:
    """Off the grid, every multiple is a change: 2 comes first."""
    start = LifecyclePolicy(horizon_multiple=Decimal("2.5"))
    found = calibrate_lifecycle(SPLIT, at=AT, until=UNTIL, policy=start)
    assert found.policy == attrs.evolve(start, horizon_multiple=2, horizon_floor_days=120)


def test_the_other_fields_of_the_starting_policy_are_kept() -> None:
    start = LifecyclePolicy(new_days=60, settle_days=30)
    found = calibrate_lifecycle(SPLIT, at=AT, until=UNTIL, policy=start)
    assert (found.policy.new_days, found.policy.settle_days) == (60, 30)
    assert found.start == start


def test_a_tie_keeps_the_starting_policy() -> None:
    """Nobody can be told apart by a horizon: every policy scores the same."""
    history = [sale("a", -5), sale("a", 5), sale("b", -6)]
    start = LifecyclePolicy(horizon_multiple=Decimal("2.5"))
    found = calibrate_lifecycle(history, at=AT, until=UNTIL, policy=start)
    assert found.policy == start
    assert found.after == found.before
    assert found.changes() == {}


def test_an_undefined_figure_keeps_the_starting_policy() -> None:
    found = calibrate_lifecycle([], at=AT, until=UNTIL)
    assert found.policy is DEFAULT_LIFECYCLE
    assert found.after.lapsed.balanced_accuracy is None


def test_the_default_policy_is_in_the_grid_so_it_is_tried_once() -> None:
    assert calibrate_lifecycle([], at=AT, until=UNTIL).tried == 72


def test_a_starting_policy_off_the_grid_is_tried_first_and_as_well() -> None:
    start = LifecyclePolicy(horizon_multiple=Decimal("2.5"))
    assert calibrate_lifecycle([], at=AT, until=UNTIL, policy=start).tried == 73


def test_a_grid_value_invalid_with_the_starting_policy_is_skipped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    grid = {"horizon_floor_days": (90, 400)}  # 400 is over the 365-day ceiling
    monkeypatch.setattr(_calibrate, "_GRID", grid)
    found = calibrate_lifecycle(SPLIT, at=AT, until=UNTIL)
    assert found.tried == 2
    assert found.policy.horizon_floor_days == 180  # 90 lapses both: no better


def test_the_calibrated_policy_gives_the_figures_after() -> None:
    found = calibrate_lifecycle(SPLIT, at=AT, until=UNTIL)
    assert found.after == backtest_lifecycle(SPLIT, at=AT, until=UNTIL, policy=found.policy)
    assert found.before == backtest_lifecycle(SPLIT, at=AT, until=UNTIL)


def test_changes_lists_each_changed_field_with_both_values() -> None:
    found = calibrate_lifecycle(SPLIT, at=AT, until=UNTIL)
    assert found.changes() == {"horizon_floor_days": (180, 120)}


def test_the_toml_reads_back_to_an_equal_policy(tmp_path: pathlib.Path) -> None:
    start = LifecyclePolicy(growth=Decimal("0.25"), frequency_drop=Decimal("0.40"))
    found = calibrate_lifecycle(SPLIT, at=AT, until=UNTIL, policy=start)
    path = tmp_path / "policy.toml"
    path.write_text(found.to_toml(), encoding="utf-8")
    assert load_policies(path).lifecycle == found.policy


def test_the_toml_says_where_it_came_from() -> None:
    lines = calibrate_lifecycle(SPLIT, at=AT, until=UNTIL).to_toml().splitlines()
    assert lines[:4] == [
        "# custrel lifecycle policy calibrated by custrel.calibrate_lifecycle:",
        "# staged on 1997-09-30, bought again by 1998-06-30, 2 customers, 72 policies tried",
        "# balanced accuracy of LAPSED: 0.5000 before, 1.0000 after",
        "[lifecycle]",
    ]
    assert "horizon_floor_days = 120" in lines


def test_the_top_level_package_exports_it() -> None:
    assert custrel.calibrate_lifecycle is calibrate_lifecycle


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"until": AT}, "until"),
        ({"at": None}, "at"),
        ({"policy": None}, "policy"),
    ],
)
def test_bad_arguments_are_refused(kwargs: dict[str, object], field: str) -> None:
    arguments: dict[str, object] = {"at": AT, "until": UNTIL}
    arguments.update(kwargs)
    with pytest.raises(InvalidInputError) as caught:
        calibrate_lifecycle([], **arguments)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_purchases_are_checked() -> None:
    with pytest.raises(InvalidInputError) as caught:
        calibrate_lifecycle([None], at=AT, until=UNTIL)  # type: ignore[list-item]
    assert caught.value.field == "purchases[0]"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"start": LifecyclePolicy(new_days=30)}, "LifecycleCalibration.before"),
        ({"policy": DEFAULT_LIFECYCLE}, "LifecycleCalibration.after"),
        ({"tried": 0}, "LifecycleCalibration.tried"),
        ({"before": None}, "LifecycleCalibration.before"),
    ],
)
def test_a_calibration_must_be_consistent(change: dict[str, Any], field: str) -> None:
    found = calibrate_lifecycle(SPLIT, at=AT, until=UNTIL)
    with pytest.raises(InvalidInputError) as caught:
        attrs.evolve(found, **change)
    assert caught.value.field == field


def test_both_backtests_must_cover_the_same_days() -> None:
    found = calibrate_lifecycle(SPLIT, at=AT, until=UNTIL)
    other = backtest_lifecycle(SPLIT, at=AT, until=UNTIL + timedelta(days=1))
    with pytest.raises(InvalidInputError) as caught:
        attrs.evolve(found, before=other)
    assert caught.value.field == "LifecycleCalibration.before"
    assert caught.value.expected == "the days of after (1997-09-30, 1998-06-30)"


def test_a_consistent_calibration_is_accepted() -> None:
    found = calibrate_lifecycle(SPLIT, at=AT, until=UNTIL)
    assert LifecycleCalibration(**attrs.asdict(found, recurse=False)) == found
