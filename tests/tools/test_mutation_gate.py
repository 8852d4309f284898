"""The mutation gate: its arithmetic, the keys of rule functions, and a small run end to end."""

import fnmatch
import importlib.util
import json
import os
import pathlib
import subprocess
import sys
import textwrap
import tomllib
from types import ModuleType
from typing import Any

import pytest

# the checkout holding the gate, wherever this file sits in its tests
_ROOT = next(
    folder
    for folder in pathlib.Path(__file__).resolve().parents
    if (folder / "tools" / "mutation_gate.py").is_file()
)


def _gate() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "mutation_gate", _ROOT / "tools" / "mutation_gate.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("mutation_gate", module)
    spec.loader.exec_module(module)
    return module


gate = _gate()

# the gate's own tests run mutmut, which the scratch copy of a gate run must not do again
_UNDER_MUTMUT = "MUTANT_UNDER_TEST" in os.environ


def _needs_mutmut() -> None:
    """Skip without mutmut (the extra), and inside a mutmut run.

    The tests that use mutmut reset its settings, which a gate run's stats step (the
    tests run in mutmut's own process) must keep.
    """
    if _UNDER_MUTMUT:
        pytest.skip("inside mutmut, whose settings a test must not reset")
    pytest.importorskip("mutmut")


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


def test_the_overall_figures_add_up_the_modules() -> None:
    modules = {"a.py": {"killed": 3, "survived": 1}, "b.py": {"killed": 2, "not_checked": 4}}
    overall = gate.overall_of(modules)
    assert overall == {"killed": 5, "survived": 1, "not_checked": 4, "total": 10}
    assert gate.score(overall) == (5, 6)


def test_every_rule_module_is_mutated() -> None:
    modules = gate.rule_modules()
    assert "src/custrel/grading/_rules.py" in modules
    assert "src/custrel/lifecycle/_stages.py" in modules
    assert all((gate.ROOT / module).is_file() for module in modules)


@pytest.mark.skipif(_UNDER_MUTMUT, reason="mutmut's copy of src holds the mutants")
def test_every_rule_function_has_a_key_of_its_own() -> None:
    functions = gate.current_functions(gate.ROOT)
    assert len({function.key for function in functions}) == len(functions)
    paths = {function.path for function in functions}
    assert all(fnmatch.filter(paths, module) for module in gate.rule_modules())


# --- a tiny project: a package of rules, its tests, the gate's settings ---

_RULES = """\
def is_adult(age: int) -> bool:
    return age >= 18


def same(value: int) -> int:
    return value


class Fee:
    def __init__(self, rate: int) -> None:
        self.rate = rate

    def of(self, amount: int) -> int:
        return amount * self.rate // 100
"""

_TESTS = """\
from tinyrules.rules import Fee, is_adult


def test_adult() -> None:
    assert is_adult(18)
    assert not is_adult(17)


def test_fee() -> None:
    assert Fee(10).of(250) == 25
"""


def _pyproject(*modules: str) -> str:
    listed = "".join(f'\n    "{module}",' for module in modules)
    return textwrap.dedent(f"""\
        [tool.mutmut]
        source_paths = ["src"]
        only_mutate = [{listed}
        ]
        pytest_add_cli_args_test_selection = ["tests/"]
        pytest_add_cli_args = ["-p", "no:cacheprovider"]

        [tool.pytest.ini_options]
        testpaths = ["tests"]
    """)


def _write(root: pathlib.Path, files: dict[str, str]) -> pathlib.Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def _project(root: pathlib.Path) -> pathlib.Path:
    return _write(
        root,
        {
            "pyproject.toml": _pyproject("src/tinyrules/rules.py"),
            "src/tinyrules/__init__.py": "",
            "src/tinyrules/rules.py": _RULES,
            "tests/test_rules.py": _TESTS,
        },
    )


def _git(root: pathlib.Path, *args: str) -> str:
    identity = ["-c", "user.name=gate test", "-c", "user.email=gate@example.invalid"]
    return subprocess.run(
        ["git", *identity, *args],  # noqa: S607 - git from PATH
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _commit(root: pathlib.Path, message: str) -> str:
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", message)
    return _git(root, "rev-parse", "HEAD").strip()


def _baseline(root: pathlib.Path, functions: dict[str, str], commit: str = "0" * 40) -> None:
    figures = {"commit": commit, "complete": True, "functions": functions}
    figures |= {"overall": {"killed": 6, "total": 6}, "modules": {}}
    _write(root, {"tools/mutation_baseline.json": json.dumps(figures)})


def _by_name(functions: list[Any]) -> dict[str, Any]:
    return {function.qualname: function for function in functions}


# --- the keys ---


def test_a_function_moved_to_another_module_keeps_its_key(tmp_path: pathlib.Path) -> None:
    root = _project(tmp_path)
    before = _by_name(gate.current_functions(root))
    # the module becomes a package: the file moves, other code joins it, the list follows
    moved = "src/tinyrules/money/_fees.py"
    _write(
        root,
        {
            "pyproject.toml": _pyproject("src/tinyrules/money/*.py"),
            "src/tinyrules/money/__init__.py": "from ._fees import Fee\n",
            moved: "import decimal\n\nTAX = 3\n\n\n" + _RULES,
        },
    )
    (root / "src/tinyrules/rules.py").unlink()
    after = _by_name(gate.current_functions(root))
    assert {name: f.key for name, f in after.items()} == {n: f.key for n, f in before.items()}
    assert after["Fee.of"].path == moved
    assert after["Fee.of"].label == "tinyrules.money._fees:Fee.of"
    assert before["Fee.of"].label == "tinyrules.rules:Fee.of"


def test_one_character_changes_the_key() -> None:
    before = _by_name(gate.functions_in(_RULES, "src/tinyrules/rules.py"))
    changed = _RULES.replace("age >= 18", "age > 18")
    after = _by_name(gate.functions_in(changed, "src/tinyrules/rules.py"))
    assert after["is_adult"].key != before["is_adult"].key
    assert after["same"].key == before["same"].key
    assert after["Fee.of"].key == before["Fee.of"].key
    commented = _by_name(gate.functions_in(_RULES.replace("// 100", "// 100  # c"), "r.py"))
    assert commented["Fee.of"].key != before["Fee.of"].key  # the text, comments too


def test_a_method_is_keyed_by_its_text_and_class() -> None:
    functions = _by_name(gate.functions_in(_RULES, "src/tinyrules/rules.py"))
    method = textwrap.dedent("""\
        def of(self, amount: int) -> int:
            return amount * self.rate // 100
    """)
    assert functions["Fee.of"].key == gate.function_key(method, "Fee")
    assert functions["Fee.of"].key != gate.function_key(method)
    # the same method in a class of another name is another function to mutmut
    renamed = _by_name(gate.functions_in(_RULES.replace("class Fee", "class Charge"), "r.py"))
    assert renamed["Charge.of"].key != functions["Fee.of"].key
    assert functions["Fee.of"].mutants == "tinyrules.rules.xǁFeeǁof"
    assert functions["is_adult"].mutants == "tinyrules.rules.x_is_adult"


def test_decorators_are_part_of_the_text() -> None:
    source = "class A:\n    @staticmethod\n    def f(x: int) -> int:\n        return x + 1\n"
    (plain,) = gate.functions_in(source, "m.py")
    (other,) = gate.functions_in(source.replace("staticmethod", "classmethod"), "m.py")
    assert plain.key != other.key
    assert plain.key == gate.function_key(textwrap.dedent(source.split("\n", 1)[1]), "A")


_SHAPES = """\
import enum
import functools
from typing import TYPE_CHECKING


def plain(x: int) -> int:
    return x + 1


async def later(x: int) -> int:
    return x + 1


@functools.cache
def cached(x: int) -> int:
    return x + 1


def outer(x: int) -> int:
    def inner(y: int) -> int:
        return y + 1

    return inner(x) + 1


if TYPE_CHECKING:

    def hidden(x: int) -> int:
        return x + 1


class Box:
    size = 1 + 1

    def __new__(cls, x: int) -> "Box":
        return super().__new__(cls)

    def __init__(self, x: int) -> None:
        self.x = x + 1

    def grow(self) -> int:
        return self.x + 1

    @staticmethod
    def make(x: int) -> int:
        return x + 1

    @classmethod
    def build(cls, x: int) -> int:
        return x + 1

    @property
    def double(self) -> int:
        return self.x * 2

    class Inner:
        def deep(self) -> int:
            return 1 + 1


class Colour(enum.Enum):
    RED = 1

    def __init__(self, value: int) -> None:
        self.shade = value + 1

    def warmer(self) -> int:
        return self.value + 1
"""


def test_the_functions_are_those_mutmut_mutates() -> None:
    found = {function.qualname for function in gate.functions_in(_SHAPES, "src/p/shapes.py")}
    assert found == {
        "plain",
        "later",
        "outer",
        "Box.__init__",
        "Box.grow",
        "Box.make",
        "Box.build",
        "Colour.warmer",
    }


def test_mutmut_mutates_the_same_functions(tmp_path: pathlib.Path) -> None:
    _needs_mutmut()
    from mutmut import configuration  # noqa: PLC0415 - only with the extra
    from mutmut.mutation import file_mutation  # noqa: PLC0415

    _write(tmp_path, {"pyproject.toml": _pyproject("src/p/*.py")})
    configuration.reset_config()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)  # mutmut reads its settings there
        mutated = file_mutation.mutate_file_contents("src/p/shapes.py", _SHAPES)
    configuration.reset_config()
    functions = gate.functions_in(_SHAPES, "src/p/shapes.py")
    assert {f.mutants.rpartition(".")[2] for f in functions} == set(mutated.hash_by_function_name)
    assert {name.partition("__mutmut_")[0] for name in mutated.mutant_names} == set(
        mutated.hash_by_function_name
    )


def test_mutmut_names_the_modules_so() -> None:
    _needs_mutmut()
    from mutmut.utils import format_utils  # noqa: PLC0415 - only with the extra

    for path in ("src/custrel/_nps.py", "src/custrel/cadence/__init__.py", "tools/x.py"):
        mutant = format_utils.get_mutant_name(pathlib.Path(path), "x_f__mutmut_1")
        assert mutant == f"{gate.module_of(path)}.x_f__mutmut_1"


def test_the_rule_files_are_those_mutmut_walks() -> None:
    settings = {"source_paths": ["src"], "only_mutate": ["src/a/*"], "do_not_mutate": ["*_x.py"]}
    paths = ["src/a/one.py", "src/a/sub/two.py", "src/a/three_x.py", "src/a/data.json"]
    paths += ["src/b/four.py", "tests/a/five.py", "srcs/a/six.py"]
    assert gate.rule_files(settings, paths) == ["src/a/one.py", "src/a/sub/two.py"]
    assert gate.rule_files({}, ["src/b/four.py", "tests/t.py"]) == ["src/b/four.py"]


# --- what --changed mutates ---


def test_only_the_functions_not_verified_are_changed() -> None:
    before = gate.functions_in(_RULES, "src/tinyrules/rules.py")
    verified = {function.key: function.label for function in before}
    now = gate.functions_in(_RULES.replace("// 100", "// 1000"), "src/tinyrules/money.py")
    assert [f.qualname for f in gate.changed_functions(now, verified)] == ["Fee.of"]
    assert gate.changed_functions(before, verified) == []


def test_the_selection_names_the_mutants_of_the_changed_functions_only() -> None:
    source = _RULES + "\n\ndef is_adult_now(age: int) -> bool:\n    return age > 17\n"
    functions = _by_name(gate.functions_in(source, "src/tinyrules/rules.py"))
    patterns = gate.selection([functions["is_adult"], functions["Fee.of"]])
    mutants = [
        "tinyrules.rules.x_is_adult__mutmut_1",
        "tinyrules.rules.x_is_adult_now__mutmut_1",
        "tinyrules.rules.xǁFeeǁof__mutmut_2",
        "tinyrules.rules.xǁFeeǁ__init____mutmut_1",
        "tinyrules.ruleset.x_is_adult__mutmut_1",
    ]
    picked = [m for m in mutants if any(fnmatch.fnmatchcase(m, p) for p in patterns)]
    assert picked == mutants[:1] + mutants[2:3]
    # and mutmut runs clean the tests of those two functions, by their mangled names
    owners = ["tinyrules.rules.x_is_adult", "tinyrules.rules.x_is_adult_now"]
    owners += ["tinyrules.rules.xǁFeeǁof"]
    assert [o for o in owners if any(fnmatch.fnmatchcase(o, p) for p in patterns)] == [
        owners[0],
        owners[2],
    ]
    chosen = gate.in_selection([functions["is_adult"], functions["Fee.of"]])
    assert [m for m in mutants if chosen(m)] == picked
    assert gate.in_selection(None)(mutants[-1])


def test_the_mutants_are_counted_as_mutmut_makes_them(tmp_path: pathlib.Path) -> None:
    _needs_mutmut()
    root = _project(tmp_path)
    functions = gate.current_functions(root)
    here = pathlib.Path.cwd()
    counts = gate.count_mutants(root, functions)
    assert pathlib.Path.cwd() == here
    assert counts == {
        "tinyrules.rules.x_is_adult": 2,
        "tinyrules.rules.x_same": 0,  # mutmut finds nothing to change in it
        "tinyrules.rules.xǁFeeǁ__init__": 1,
        "tinyrules.rules.xǁFeeǁof": 3,
    }


# --- the baseline ---


def _run(**figures: int) -> dict[str, Any]:
    return {"complete": True, "overall": figures, "modules": {"m.py": figures}}


def test_a_changed_run_is_merged_into_the_complete_one() -> None:
    old = gate.functions_in(_RULES, "src/tinyrules/rules.py")
    complete = _run(killed=6, total=6) | {"commit": "a" * 40}
    complete["functions"] = {f.key: f.label for f in old}
    new = _by_name(gate.functions_in(_RULES.replace(">= 18", "> 17"), "src/t/rules.py"))
    merged = gate.merge_record(
        complete, [new["is_adult"]], _run(killed=2), "b" * 40, complete=False
    )
    assert merged["commit"] == "b" * 40
    assert merged["complete_run_commit"] == "a" * 40
    assert merged["overall"] == complete["overall"]  # the complete run's figures stay
    assert merged["modules"] == complete["modules"]
    assert merged["functions"] == complete["functions"] | {new["is_adult"].key: "t.rules:is_adult"}
    assert merged["changed_runs"] == [{"commit": "b" * 40, "functions": 1} | _run(killed=2)]
    again = gate.merge_record(merged, [new["Fee.of"]], _run(killed=3), "c" * 40, complete=False)
    assert again["complete_run_commit"] == "a" * 40
    assert [run["commit"] for run in again["changed_runs"]] == ["b" * 40, "c" * 40]
    assert len(again["functions"]) == len(merged["functions"])  # Fee.of was verified already


def test_a_complete_run_replaces_the_baseline() -> None:
    old = {"commit": "a" * 40, "functions": {"0" * 16: "gone:f"}, "changed_runs": [{}]}
    functions = gate.functions_in(_RULES, "src/tinyrules/rules.py")
    merged = gate.merge_record(old, functions, _run(killed=6, total=6), "d" * 40, complete=True)
    assert merged == _run(killed=6, total=6) | {
        "commit": "d" * 40,
        "complete_run_commit": "d" * 40,
        "functions": {function.key: function.label for function in functions},
    }


def test_the_functions_of_a_commit_are_those_its_own_settings_named(
    tmp_path: pathlib.Path,
) -> None:
    root = _project(tmp_path)
    _git(root, "init", "-q")
    first = _commit(root, "rules in one module")
    expected = [(f.key, f.path) for f in gate.current_functions(root)]
    # later the module moves and a second module joins the list
    _write(root, {"src/tinyrules/fees.py": "def cut(x: int) -> int:\n    return x - 1\n"})
    _write(root, {"pyproject.toml": _pyproject("src/tinyrules/*.py")})
    _commit(root, "a second module")
    assert [(f.key, f.path) for f in gate.functions_at(root, first)] == expected
    assert len(gate.functions_at(root, "HEAD")) == len(expected) + 1
    # --seed-functions lists them as verified in a baseline written without them
    _baseline(root, {}, first)
    figures = json.loads((root / gate.BASELINE).read_text(encoding="utf-8"))
    del figures["functions"]
    (root / gate.BASELINE).write_text(json.dumps(figures), encoding="utf-8")
    assert gate.main(["--seed-functions", "--root", str(root)]) == 0
    seeded = json.loads((root / gate.BASELINE).read_text(encoding="utf-8"))
    assert sorted(seeded["functions"]) == sorted(key for key, _ in expected)
    assert seeded["complete_run_commit"] == first


def test_an_incomplete_run_is_not_seeded(tmp_path: pathlib.Path) -> None:
    root = _project(tmp_path)
    _write(root, {"tools/mutation_baseline.json": json.dumps({"commit": "e" * 40})})
    with pytest.raises(SystemExit, match="was not complete"):
        gate.main(["--seed-functions", "--root", str(root)])


# --- the scratch copy ---


def test_the_scratch_copy_keeps_the_whole_list_of_rule_modules(tmp_path: pathlib.Path) -> None:
    root = _project(tmp_path / "project")
    _write(root, {"pyproject.toml": _pyproject("src/tinyrules/rules.py", "src/tinyrules/b.py")})
    # mutmut mutates only the modules of the run, but the copied tests still see them all
    gate.prepare(root, tmp_path / "copy", ["src/tinyrules/b.py"])
    copy = tmp_path / "copy"
    with (copy / "pyproject.toml").open("rb") as file:
        assert tomllib.load(file)["tool"]["mutmut"]["only_mutate"] == ["src/tinyrules/b.py"]
    everything = ["src/tinyrules/rules.py", "src/tinyrules/b.py"]
    assert gate.rule_modules(copy) == gate.rule_modules(root) == everything
    assert (copy / "tests" / "test_rules.py").is_file()


# --- the command line ---


def test_nothing_changed_passes_without_a_run(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path)
    _baseline(root, {f.key: f.label for f in gate.current_functions(root)}, "f" * 40)
    assert gate.main(["--changed", "--root", str(root), "--workdir", str(tmp_path / "w")]) == 0
    printed = capsys.readouterr().out
    assert "no rule function changed since ffffffffffff (4 functions in 1 modules" in printed
    assert not (tmp_path / "w").exists()


def test_changed_functions_without_mutants_pass_without_a_run(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _needs_mutmut()
    root = _project(tmp_path)
    functions = _by_name(gate.current_functions(root))
    _baseline(root, {f.key: f.label for name, f in functions.items() if name != "same"})
    _write(root, {"src/tinyrules/rules.py": _RULES.replace("return value", "return (value)")})
    assert gate.main(["--changed", "--root", str(root), "--workdir", str(tmp_path / "w")]) == 0
    printed = capsys.readouterr().out
    assert "1 of 4 rule functions (in 1 modules) new or changed" in printed
    assert "mutmut makes no mutant of these functions" in printed


def test_a_baseline_without_functions_asks_for_them(tmp_path: pathlib.Path) -> None:
    root = _project(tmp_path)
    _write(root, {"tools/mutation_baseline.json": json.dumps(_run(killed=1) | {"commit": "a"})})
    with pytest.raises(SystemExit, match="--seed-functions"):
        gate.main(["--changed", "--root", str(root)])


def test_the_command_line_refuses_what_it_cannot_do(tmp_path: pathlib.Path) -> None:
    root = _project(tmp_path)
    with pytest.raises(SystemExit, match="2"):
        gate.main(["--module", "src/tinyrules/rules.py", "--record", "--root", str(root)])
    with pytest.raises(SystemExit, match="2"):
        gate.main(["--module", "src/tinyrules/other.py", "--root", str(root)])


def test_the_gate_runs_mutmut_on_the_changed_functions_only(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _needs_mutmut()
    root = _project(tmp_path / "project")
    _write(root, {".gitignore": "__pycache__/\n"})
    verified = {f.key: f.label for f in gate.current_functions(root) if f.name != "is_adult"}
    _baseline(root, verified)
    _git(root, "init", "-q")
    head = _commit(root, "is_adult is new")
    scratch = ["--root", str(root), "--workdir", str(tmp_path / "scratch"), "--max-children", "1"]

    # is_adult's two mutants are killed: passed, and recorded as verified
    assert gate.main(["--changed", "--record", *scratch]) == 0
    printed = capsys.readouterr().out
    assert "1 of 4 rule functions (in 1 modules) new or changed" in printed
    assert "to run: 2 mutants of 1 functions" in printed
    assert "mutation gate: passed, 100.0% killed (2 of 2 mutants" in printed
    baseline = json.loads((root / gate.BASELINE).read_text(encoding="utf-8"))
    assert baseline["commit"] == head
    assert len(baseline["functions"]) == 4
    assert baseline["changed_runs"][0]["overall"]["killed"] == 2
    assert "xǁFeeǁof__mutmut" not in (tmp_path / "scratch" / "mutmut.log").read_text("utf-8")

    # then nothing is left to do
    assert gate.main(["--changed", *scratch]) == 0
    assert "no rule function changed since" in capsys.readouterr().out

    # Fee.of changed: one of its three mutants survives (// for /), below 90 %
    _write(root, {"src/tinyrules/rules.py": _RULES.replace("amount *", "amount  *")})
    _commit(root, "Fee.of changed")
    assert gate.main(["--changed", "--record", *scratch]) == 1
    printed = capsys.readouterr().out
    assert "to run: 3 mutants of 1 functions" in printed
    assert "FAILED, 66.7% killed is below 90%" in printed
    assert "tinyrules.rules.xǁFeeǁof__mutmut_1" in printed  # the survivor, named
    assert "not recorded" in printed
    assert json.loads((root / gate.BASELINE).read_text(encoding="utf-8")) == baseline
    # the same run reported again, and run again: the same three mutants, the same verdict
    assert gate.main(["--changed", "--report-only", *scratch]) == 1
    assert "FAILED, 66.7% killed" in capsys.readouterr().out
    assert gate.main(["--changed", "--again", *scratch]) == 1
    printed = capsys.readouterr().out
    assert "running 1 mutants again" in printed
    assert "FAILED, 66.7% killed" in printed

    # a module alone, the module's every mutant: the scratch copy lacks no test
    assert gate.main(["--module", "src/tinyrules/rules.py", "--threshold", "80", *scratch]) == 0
    assert "passed, 83.3% killed (5 of 6 mutants" in capsys.readouterr().out

    # a complete run, recorded: its figures and functions replace the baseline's
    assert gate.main(["--all", "--record", "--threshold", "80", *scratch]) == 0
    capsys.readouterr()
    complete = json.loads((root / gate.BASELINE).read_text(encoding="utf-8"))
    assert (
        complete["commit"]
        == complete["complete_run_commit"]
        == _git(root, "rev-parse", "HEAD").strip()
    )
    assert complete["overall"]["killed"] == 5
    assert sorted(complete["functions"]) == sorted(f.key for f in gate.current_functions(root))
    assert "changed_runs" not in complete


def test_functions_of_the_same_text_are_pointed_out(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path)
    twice = _RULES + "\n\n" + _RULES.partition("\n\n\n")[0] + "\n"  # is_adult again
    _write(root, {"src/tinyrules/rules.py": twice})
    _baseline(root, {f.key: f.label for f in gate.current_functions(root)})
    assert gate.main(["--changed", "--root", str(root)]) == 0
    assert "1 rule functions have the same text (and class) as another" in capsys.readouterr().out


def test_the_report_counts_the_chosen_mutants_only(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _needs_mutmut()
    codes: dict[str, int | None] = {"m.x_f__mutmut_1": 1, "m.x_f__mutmut_2": 36}
    codes |= {"m.x_f__mutmut_3": 33}
    codes |= {"m.x_g__mutmut_1": 0, "m.x_g__mutmut_2": None}
    _write(tmp_path, {"mutants/src/m.py.meta": json.dumps({"exit_code_by_key": codes})})
    f_only = gate.in_selection([gate.Function("", "src/m.py", None, "f")])
    code, figures = gate.report(tmp_path, 90.0, f_only)
    printed = capsys.readouterr().out
    assert code == 0
    assert figures["overall"] == {"killed": 1, "timeout": 1, "no_tests": 1, "not_checked": 0} | {
        "total": 3
    }
    assert "1 mutants had no test reaching them" in printed
    assert "passed, 100.0% killed (2 of 2 mutants" in printed
    code, figures = gate.report(tmp_path, 90.0)  # all: a survivor, and one not run
    printed = capsys.readouterr().out
    assert code == 1
    assert not figures["complete"]
    assert "1 survived" in printed
    assert "  m.x_g__mutmut_1" in printed
    assert "FAILED, 1 mutants were not run" in printed
