"""The mutation gate's arithmetic: killed / (total - skipped - no tests)."""

import importlib.util
import pathlib
import sys
import tomllib
from types import ModuleType

import pytest

_PATH = pathlib.Path(__file__).parent.parent / "tools" / "mutation_gate.py"


def _gate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mutation_gate", _PATH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("mutation_gate", module)
    spec.loader.exec_module(module)
    return module


gate = _gate()


def test_the_score_counts_every_caught_mutant_over_those_with_tests() -> None:
    stats = {"killed": 80, "timeout": 5, "segfault": 1, "survived": 10, "no_tests": 3}
    stats |= {"skipped": 1, "total": 100}
    assert gate.score(stats) == (86, 96)


def test_mutants_not_run_are_left_out_of_the_score() -> None:
    assert gate.score({"killed": 9, "survived": 1, "not_checked": 40, "total": 50}) == (9, 10)


def test_the_table_gives_the_overall_share(capsys: pytest.CaptureFixture[str]) -> None:
    overall = {"killed": 9, "survived": 1, "total": 10}
    modules = {"src/custrel/grading.py": dict(overall), "src/custrel/_nps.py": {"total": 0}}
    assert gate.table(overall, modules) == 90.0
    printed = capsys.readouterr().out
    assert "src/custrel/grading.py" in printed
    assert " 90.0%" in printed
    assert "-" in printed.splitlines()[2]  # a module with nothing counted has no share


def test_every_rule_module_is_mutated() -> None:
    modules = gate.rule_modules()
    assert "src/custrel/grading.py" in modules
    assert "src/custrel/lifecycle.py" in modules
    assert all(pathlib.Path(module).is_file() for module in modules)


def test_the_scratch_copy_keeps_the_whole_list_of_rule_modules(tmp_path: pathlib.Path) -> None:
    # mutmut mutates only the modules of the run, but the copied tests still see them all
    gate.prepare(tmp_path / "copy", ["src/custrel/_nps.py"])
    copy = tmp_path / "copy"
    with (copy / "pyproject.toml").open("rb") as file:
        assert tomllib.load(file)["tool"]["mutmut"]["only_mutate"] == ["src/custrel/_nps.py"]
    assert gate.rule_modules(copy) == gate.rule_modules()
