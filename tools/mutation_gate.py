"""The mutation gate: mutmut over custrel's rule modules, failing below 90 % killed.

mutmut changes the rule modules one small edit at a time (a ``<`` for a ``<=``, a
``+ 1`` dropped, a constant changed) and runs the tests that reach the changed
function; a *mutant* the tests do not fail on has *survived*. mutmut itself exits 0
whatever survives, so this script is the gate: it reads the verdicts mutmut keeps and
computes

    score = killed / (total - skipped - no tests)

where *killed* counts every mutant the tests caught: failed, timed out or crashed.
Below ``--threshold`` percent (90 by default) it exits 1.

The run happens in a scratch copy of the project (``build/mutation`` by default), so
the checkout is never touched. What it mutates:

- ``--all``: every module in ``[tool.mutmut] only_mutate`` (the full run, about two
  hours on two cores; its figures are in docs/reliability.md);
- ``--changed``: only the rule *functions* whose text is not among those
  ``tools/mutation_baseline.json`` records as verified (what CI runs). A function is
  known by a hash of its own text, not by its file, so moving functions between
  modules changes nothing; when no function changed it says so and passes;
- ``--changed-since REF``: the modules whose file changed since the git revision ``REF``;
- ``--module PATH``: the ones named.

``--again`` reruns the survivors of the last run in ``--workdir`` against the
tests and sources as they are now (after tests were added to kill them), with every
mutant that has no verdict yet (a function changed since, a run stopped early),
keeping every other verdict (with ``--changed``: every mutant of the changed
functions); ``--report-only`` reports the run in ``--workdir`` as it stands.
``--record``, after a passing ``--all`` or ``--changed``, adds the functions the run
verified to ``tools/mutation_baseline.json`` with its figures and commit.
``--seed-functions`` (once, for a baseline written before functions were recorded)
lists the functions of the baseline's own commit as verified. Run from the project
root::

    .venv/bin/python tools/mutation_gate.py --changed
    .venv/bin/python tools/mutation_gate.py --all --record
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import fnmatch
import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

ROOT = Path(__file__).resolve().parent.parent
BASELINE = Path("tools") / "mutation_baseline.json"  # under the project root
COPIED = ("src", "tests", "docs", "tools", "conftest.py", "README.md", "pyproject.toml")
# A status of mutmut's that counts as caught; "caught by type check" needs a checker
# this project does not configure, and "suspicious" (slow but passed) is not caught.
CAUGHT = ("killed", "timeout", "segfault", "caught_by_type_check")
# the exit codes --again runs once more: survived (0) and no tests (5, 33)
_RERUN = (0, 5, 33)
# How mutmut 3.8.1 names the mutants of a function (mutmut/mutation/trampoline_templates.py
# and file_mutation.py): ``x_<name>`` for a module-level function, ``xǁ<Class>ǁ<name>``
# for a method, then ``__mutmut_<n>``; the module's dotted name comes first.
_SEPARATOR = "ǁ"
_MUTANT = "__mutmut_"
# What mutmut 3.8.1 never mutates (mutmut/mutation/file_mutation.py)
_NEVER_MUTATED = frozenset({"__getattribute__", "__setattr__", "__new__"})
_NEVER_MUTATED_IN_ENUMS = frozenset({"__init__", "_generate_next_value_"})
_ENUM_BASES = frozenset({"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag"})
_PLAIN_DECORATORS = frozenset({"staticmethod", "classmethod"})

# The scratch copy's ``only_mutate`` names only the modules of the run, but the tests are
# copied there too and one of them (tests/test_mutation_gate.py) checks the project's
# list of rule modules through ``rule_modules``: read from the trimmed list it would fail
# whenever the run leaves out a module it names, and mutmut stops at its stats step. So
# the copy keeps the project's whole list in a table of its own, which mutmut does not
# read and ``rule_modules`` prefers. A table in the copy's pyproject.toml (rather than an
# environment variable) reaches every process mutmut starts and any test that clears
# the environment, and leaves the test checking the real list everywhere.
_FULL_LIST = "mutation_gate"


def mutmut_settings(pyproject: str) -> dict[str, Any]:
    """``[tool.mutmut]`` of a pyproject.toml's text."""
    settings: dict[str, Any] = tomllib.loads(pyproject)["tool"]["mutmut"]
    return settings


def rule_modules(root: Path = ROOT) -> list[str]:
    """The project's rule modules, ``[tool.mutmut] only_mutate`` (patterns, as mutmut takes them).

    In the gate's scratch copy, the project's list kept under ``[tool.mutation_gate]``.
    """
    with (root / "pyproject.toml").open("rb") as file:
        tool = tomllib.load(file)["tool"]
    kept = tool.get(_FULL_LIST, {}).get("rule_modules")
    return list(kept if kept is not None else tool["mutmut"]["only_mutate"])


def rule_files(settings: Mapping[str, Any], paths: Iterable[str]) -> list[str]:
    """The files of ``paths`` mutmut mutates under ``settings``, sorted.

    As mutmut 3.8.1 decides (``Config.should_mutate``): a ``.py`` file under one of
    ``source_paths`` that matches a pattern of ``only_mutate`` (any, when there is
    none) and none of ``do_not_mutate``. ``paths`` are relative, with ``/``.
    """
    sources = [str(source).rstrip("/") for source in settings.get("source_paths", ["src"])]
    only, skip = settings.get("only_mutate", []), settings.get("do_not_mutate", [])
    return sorted(
        path
        for path in paths
        if path.endswith(".py")
        and any(path == source or path.startswith(f"{source}/") for source in sources)
        and (not only or any(fnmatch.fnmatch(path, pattern) for pattern in only))
        and not any(fnmatch.fnmatch(path, pattern) for pattern in skip)
    )


def git(root: Path, *args: str) -> str:
    """The output of a git command run at ``root``."""
    return subprocess.run(
        ["git", *args],  # noqa: S607 - git from PATH, as a developer runs it
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def changed_since(root: Path, ref: str, modules: list[str]) -> list[str]:
    """The modules of ``modules`` whose text differs between ``ref`` and the work tree."""
    changed = git(root, "diff", "--name-only", ref, "--", *modules).split()
    return [module for module in modules if module in changed]


def module_of(path: str) -> str:
    """The dotted module of a file, as mutmut 3.8.1 names it (``get_mutant_name``).

    The path without ``.py``, ``src.`` dropped in front and ``.__init__`` at the end.
    """
    dotted = path.removesuffix(".py").replace("/", ".").removeprefix("src.")
    return dotted.removesuffix(".__init__")


@dataclass(frozen=True)
class Function:
    """A function or method mutmut mutates, and the key of its text."""

    key: str
    path: str  # the file, relative to the project root
    class_name: str | None
    name: str

    @property
    def module(self) -> str:
        """The dotted module, as mutmut names it."""
        return module_of(self.path)

    @property
    def qualname(self) -> str:
        """``name``, or ``Class.name`` for a method."""
        return f"{self.class_name}.{self.name}" if self.class_name else self.name

    @property
    def label(self) -> str:
        """``module:qualname``, what the baseline shows beside the key."""
        return f"{self.module}:{self.qualname}"

    @property
    def mutants(self) -> str:
        """The common beginning of the names of this function's mutants, before ``__mutmut_``."""
        if self.class_name:
            return f"{self.module}.x{_SEPARATOR}{self.class_name}{_SEPARATOR}{self.name}"
        return f"{self.module}.x_{self.name}"


def function_key(text: str, class_name: str | None = None) -> str:
    """The key of a function: the start of the SHA-256 of its text, dedented.

    A method's text is prefixed with its class's name, as mutmut mutates (and names)
    methods by class; nothing depends on the file, so a function moved to another
    module without a change keeps its key, and any changed character (a comment too)
    gives a new one.
    """
    text = textwrap.dedent(text)
    if class_name:
        text = f"{class_name}.\n{text}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _mutated(node: ast.stmt, *, in_enum: bool = False) -> bool:
    """Whether mutmut 3.8.1 mutates this def (``MutationVisitor._skip_node_and_children``)."""
    if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        return False
    if node.name in _NEVER_MUTATED or (in_enum and node.name in _NEVER_MUTATED_IN_ENUMS):
        return False
    decorators = node.decorator_list
    # decorated defs are left alone, but for a lone @staticmethod or @classmethod
    return not decorators or (
        len(decorators) == 1
        and isinstance(decorators[0], ast.Name)
        and decorators[0].id in _PLAIN_DECORATORS
    )


def _is_enum(node: ast.ClassDef) -> bool:
    names = (
        base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", None)
        for base in node.bases
    )
    return any(name in _ENUM_BASES for name in names)


def functions_in(source: str, path: str) -> list[Function]:
    """The functions mutmut mutates in a module's ``source``, with their keys.

    As mutmut 3.8.1 walks a module (``OuterFunctionProvider`` and
    ``combine_mutations_to_source``): the module's own defs and the defs directly in
    the body of its own classes, each with all it contains; not the defs nested in
    those, nor the methods of nested classes, nor decorated defs (but for a lone
    ``@staticmethod`` or ``@classmethod``). A def's text is its whole lines, from its
    first decorator to its last line. Whether mutmut finds anything to change in it is
    not decided here (see ``count_mutants``).
    """
    lines = source.split("\n")

    def text(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
        first = min([node.lineno, *(decorator.lineno for decorator in node.decorator_list)])
        return "\n".join(lines[first - 1 : node.end_lineno]) + "\n"

    found: list[Function] = []
    for node in ast.parse(source).body:
        if _mutated(node):
            assert isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)  # noqa: S101 - narrowing
            found.append(Function(function_key(text(node)), path, None, node.name))
        elif isinstance(node, ast.ClassDef):
            enum = _is_enum(node)
            for method in node.body:
                if _mutated(method, in_enum=enum):
                    assert isinstance(method, ast.FunctionDef | ast.AsyncFunctionDef)  # noqa: S101
                    key = function_key(text(method), node.name)
                    found.append(Function(key, path, node.name, method.name))
    return found


def current_functions(root: Path) -> list[Function]:
    """Every function mutmut would mutate in the project's work tree, whatever its file."""
    settings = mutmut_settings((root / "pyproject.toml").read_text(encoding="utf-8"))
    settings = {**settings, "only_mutate": rule_modules(root)}
    paths: list[str] = []
    for source in settings.get("source_paths", ["src"]):
        top = root / source
        files = [top] if top.is_file() else top.rglob("*.py")
        paths.extend(file.relative_to(root).as_posix() for file in files)
    return [
        function
        for path in rule_files(settings, paths)
        for function in functions_in((root / path).read_text(encoding="utf-8"), path)
    ]


def functions_at(root: Path, commit: str) -> list[Function]:
    """Every function mutmut mutated at ``commit``, in the files its pyproject.toml named."""
    settings = mutmut_settings(git(root, "show", f"{commit}:pyproject.toml"))
    sources = [str(source) for source in settings.get("source_paths", ["src"])]
    paths = git(root, "ls-tree", "-r", "--name-only", commit, "--", *sources).splitlines()
    return [
        function
        for path in rule_files(settings, paths)
        for function in functions_in(git(root, "show", f"{commit}:{path}"), path)
    ]


def changed_functions(functions: Iterable[Function], verified: Mapping[str, str]) -> list[Function]:
    """The functions whose key is not among the ``verified`` ones."""
    return [function for function in functions if function.key not in verified]


def count_mutants(root: Path, functions: Sequence[Function]) -> dict[str, int]:
    """How many mutants mutmut makes of each function, by ``Function.mutants``.

    mutmut's own generator (``mutate_file_contents``) on the files in the work tree, so
    a function with nothing mutmut changes (or one under a ``pragma: no mutate``) has
    none; it reads the pyproject.toml of the working directory, so this runs at ``root``.
    """
    from mutmut.configuration import reset_config  # noqa: PLC0415 - only with the extra
    from mutmut.mutation.file_mutation import mutate_file_contents  # noqa: PLC0415

    counts = dict.fromkeys((function.mutants for function in functions), 0)
    reset_config()
    try:
        with contextlib.chdir(root):
            for path in sorted({function.path for function in functions}):
                text = Path(path).read_text(encoding="utf-8")
                for name in mutate_file_contents(path, text).mutant_names:
                    owner = f"{module_of(path)}.{name.partition(_MUTANT)[0]}"
                    if owner in counts:
                        counts[owner] += 1
    finally:
        reset_config()
    return counts


def selection(functions: Iterable[Function]) -> list[str]:
    """The arguments that make ``mutmut run`` test exactly the mutants of ``functions``.

    mutmut 3.8.1 (``collect_source_file_mutation_data``) keeps the mutants whose name
    matches one of the patterns (``fnmatch``), and runs only those, verdict or not.
    ``<module>.x_<name>__mutmut_*`` are the mutants of one function. Before them it runs
    the tests of the mutants "clean" (``tests_for_mutant_names``); for a pattern those
    are the tests of the functions whose mangled name (without ``__mutmut_``) matches
    it, and with none it runs the whole suite. ``*<module>.x_<name>`` matches that
    function's own name and no mutant's (each ends in ``__mutmut_<n>``), so the clean
    run is limited to the tests that reach the functions.
    """
    patterns: list[str] = []
    for function in functions:
        patterns += [f"{function.mutants}{_MUTANT}*", f"*{function.mutants}"]
    return patterns


def in_selection(functions: Iterable[Function] | None) -> Callable[[str], bool]:
    """Whether a mutant's name is of one of ``functions`` (of any, for None)."""
    if functions is None:
        return lambda _name: True
    owners = {function.mutants for function in functions}
    return lambda name: name.partition(_MUTANT)[0] in owners


def merge_record(
    baseline: Mapping[str, Any],
    verified: Iterable[Function],
    run: Mapping[str, Any],
    commit: str,
    *,
    complete: bool,
) -> dict[str, Any]:
    """The baseline after a passing run at ``commit`` that verified ``verified``.

    A complete run (``--all``) replaces the figures, the list of verified functions and
    the commit. A partial one (``--changed``) keeps the figures of the complete run (and
    its commit, as ``complete_run_commit``), adds its functions to the verified ones,
    appends its own figures to ``changed_runs`` and moves ``commit`` to its own.
    """
    functions = {function.key: function.label for function in verified}
    if complete:
        return {
            **run,
            "commit": commit,
            "complete_run_commit": commit,
            "functions": dict(sorted(functions.items())),
        }
    merged = dict(baseline)
    merged.setdefault("complete_run_commit", baseline["commit"])
    merged["functions"] = dict(sorted({**baseline.get("functions", {}), **functions}.items()))
    merged["changed_runs"] = [
        *baseline.get("changed_runs", []),
        {"commit": commit, "functions": len(functions), **run},
    ]
    merged["commit"] = commit
    return merged


def write_baseline(path: Path, baseline: Mapping[str, Any]) -> None:
    """Write the baseline, keys sorted, as the project keeps it."""
    path.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def record(
    root: Path,
    baseline: Path,
    verified: Iterable[Function],
    run: Mapping[str, Any],
    *,
    complete: bool,
) -> None:
    """Merge a passing run into the baseline file (see ``merge_record``), at HEAD."""
    if git(root, "status", "--porcelain", "--", "src", "tests", "docs", "conftest.py").strip():
        raise SystemExit("--record needs src, tests and docs committed: the figures name a commit")
    old = json.loads(baseline.read_text(encoding="utf-8")) if baseline.is_file() else {}
    head = git(root, "rev-parse", "HEAD").strip()
    write_baseline(baseline, merge_record(old, verified, run, head, complete=complete))
    print(f"recorded in {baseline}")


def seed(root: Path, baseline: Path) -> int:
    """Record every function of the baseline's own commit as verified (``--seed-functions``).

    For a baseline written by a complete run before functions were recorded: that run
    tested every mutant of every rule function of its commit.
    """
    figures = json.loads(baseline.read_text(encoding="utf-8"))
    commit = figures.get("complete_run_commit", figures["commit"])
    if not figures.get("complete") or figures["overall"].get("not_checked"):
        raise SystemExit(
            f"the run on {commit[:12]} was not complete: its functions are not verified"
        )
    functions = functions_at(root, commit)
    figures["functions"] = dict(sorted({f.key: f.label for f in functions}.items()))
    figures["complete_run_commit"] = commit
    write_baseline(baseline, figures)
    modules = len({function.path for function in functions})
    print(f"{len(functions)} functions in {modules} modules of {commit[:12]} recorded as verified")
    return 0


def prepare(root: Path, workdir: Path, modules: list[str]) -> None:
    """A fresh copy of the project in ``workdir`` that mutates only ``modules``."""
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    for name in COPIED:
        source = root / name
        if source.is_dir():
            shutil.copytree(
                source, workdir / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
            )
        elif source.is_file():
            shutil.copy2(source, workdir / name)
    text = (workdir / "pyproject.toml").read_text(encoding="utf-8")
    start = text.index("only_mutate = [")
    end = text.index("]", start) + 1
    listed = "".join(f"\n    {json.dumps(module)}," for module in modules)
    everything = "".join(f"\n    {json.dumps(module)}," for module in rule_modules(root))
    (workdir / "pyproject.toml").write_text(
        f"{text[:start]}only_mutate = [{listed}\n]{text[end:]}"
        f"\n[tool.{_FULL_LIST}]\n# the project's rule modules: only_mutate above names this run's\n"
        f"rule_modules = [{everything}\n]\n",
        encoding="utf-8",
    )


def refresh(root: Path, workdir: Path) -> list[str]:
    """Bring today's tests into the scratch copy of an earlier run, for ``--again``.

    The run's mutants and verdicts stay, but for the survivors and those without
    tests, which run again; the tests (and the sources, which mutmut compares function
    by function) are copied over both the copy and its mutants. Returns the names of
    the mutants reset.
    """
    if not (workdir / "mutants").is_dir():
        raise SystemExit(f"--again needs an earlier run in {workdir}")
    for name in COPIED:
        if name == "pyproject.toml":
            continue
        for target in (workdir, workdir / "mutants"):
            source, copy = root / name, target / name
            if name == "src" and target.name == "mutants":
                continue  # mutmut writes the mutated sources there itself
            if source.is_dir():
                shutil.copytree(
                    source,
                    copy,
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
                    dirs_exist_ok=True,
                )
            elif source.is_file():
                shutil.copy2(source, copy)
    # mutmut maps each function to the tests that reach it once, when it first runs;
    # a function written since (or a test that reaches it) would stay "no tests"
    # forever, so the map is made again and those verdicts are reset with the survivors
    (workdir / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)
    again: list[str] = []
    for meta in (workdir / "mutants").rglob("*.py.meta"):
        data = json.loads(meta.read_text(encoding="utf-8"))
        codes = data["exit_code_by_key"]
        again.extend(key for key, code in codes.items() if code in _RERUN)
        data["exit_code_by_key"] = {
            key: None if code in _RERUN else code for key, code in codes.items()
        }
        meta.write_text(json.dumps(data), encoding="utf-8")
    return again


def mutmut(workdir: Path, *args: str) -> None:
    """Run a mutmut command in ``workdir``, its output kept in ``mutmut.log`` there.

    mutmut redraws a progress line many times a second; a CI log gets the last one.
    """
    environment = dict(os.environ, CI="1", HYPOTHESIS_PROFILE="mutation", PYTHONHASHSEED="0")
    log = workdir / "mutmut.log"
    with log.open("a", encoding="utf-8") as output:
        done = subprocess.run(
            [sys.executable, "-m", "mutmut", *args],
            cwd=workdir,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            check=False,
        )
    last = log.read_text(encoding="utf-8", errors="replace").replace("\r", "\n")
    lines = [line.strip() for line in last.splitlines() if line.strip()]
    print("\n".join(lines[-3:]), flush=True)
    if done.returncode:
        raise SystemExit(f"mutmut {args[0]} failed with exit code {done.returncode}; see {log}")


def verdicts(workdir: Path) -> dict[str, dict[str, int | None]]:
    """The exit code mutmut gave each mutant, by mutated file, from its ``.meta`` files."""
    found: dict[str, dict[str, int | None]] = {}
    for meta in sorted((workdir / "mutants").rglob("*.py.meta")):
        module = meta.relative_to(workdir / "mutants").as_posix().removesuffix(".meta")
        found[module] = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    return found


def per_module(
    workdir: Path, chosen: Callable[[str], bool] = lambda _name: True
) -> dict[str, dict[str, int]]:
    """Counts by status for each mutated module, of the mutants ``chosen`` keeps."""
    from mutmut.stats import status_by_exit_code  # noqa: PLC0415 - only with the extra

    counts: dict[str, dict[str, int]] = {}
    for module, exit_codes in verdicts(workdir).items():
        for name, exit_code in exit_codes.items():
            if chosen(name):
                tally = counts.setdefault(module, {})
                status = status_by_exit_code[exit_code].replace(" ", "_")
                tally[status] = tally.get(status, 0) + 1
    return counts


def overall_of(modules: Mapping[str, Mapping[str, int]]) -> dict[str, int]:
    """The counts of all modules together, with their ``total``."""
    overall: dict[str, int] = {"not_checked": 0}
    for stats in modules.values():
        for status, count in stats.items():
            overall[status] = overall.get(status, 0) + count
    overall["total"] = sum(overall.values())
    return overall


def score(stats: Mapping[str, int]) -> tuple[int, int]:
    """Caught and counted mutants: killed / (total - skipped - no tests).

    A mutant not checked yet (a run stopped before its end) is left out of both.
    """
    caught = sum(stats.get(status, 0) for status in CAUGHT)
    counted = stats.get("total", sum(stats.values()))
    counted -= stats.get("skipped", 0) + stats.get("no_tests", 0) + stats.get("not_checked", 0)
    return caught, counted


def survivors(workdir: Path, chosen: Callable[[str], bool] = lambda _name: True) -> list[str]:
    """The names of the chosen mutants that survived, as ``mutmut show`` takes them."""
    return [
        name
        for exit_codes in verdicts(workdir).values()
        for name, exit_code in exit_codes.items()
        if exit_code == 0 and chosen(name)
    ]


def table(overall: Mapping[str, int], modules: Mapping[str, Mapping[str, int]]) -> float:
    """Print the score of each module and of all; return the overall percentage."""
    print(f"{'module':<36} {'counted':>8} {'caught':>7} {'survived':>9} {'score':>7} {'unrun':>6}")
    rows = [*modules.items(), ("all", overall)]
    share = 100.0
    for module, stats in rows:
        caught, counted = score(stats)
        share = 100 * caught / counted if counted else 100.0
        survived, unrun = stats.get("survived", 0), stats.get("not_checked", 0)
        shown = f"{share:>6.1f}%" if counted else f"{'-':>7}"
        print(f"{module:<36} {counted:>8} {caught:>7} {survived:>9} {shown} {unrun:>6}")
    return share


def report(
    workdir: Path, threshold: float, chosen: Callable[[str], bool] = lambda _name: True
) -> tuple[int, dict[str, Any]]:
    """Print the score of the ``chosen`` mutants per module and overall.

    Returns 0 when it reaches ``threshold`` (1 otherwise) and the figures.
    """
    modules = per_module(workdir, chosen)
    overall = overall_of(modules)
    share = table(overall, modules)
    left = survivors(workdir, chosen)
    if left:
        print(f"\n{len(left)} survived (see docs/reliability.md for the known equivalents):")
        for name in left:
            print(f"  {name}")
    if overall.get("no_tests"):
        print(f"\n{overall['no_tests']} mutants had no test reaching them (left out of the score)")
    figures: dict[str, Any] = {"complete": not overall["not_checked"]}
    figures |= {"overall": overall, "modules": modules}
    if overall["not_checked"]:
        print(f"\nmutation gate: FAILED, {overall['not_checked']} mutants were not run")
        return 1, figures
    if share < threshold:
        print(f"\nmutation gate: FAILED, {share:.1f}% killed is below {threshold:g}%")
        return 1, figures
    caught, counted = score(overall)
    print(
        f"\nmutation gate: passed, {share:.1f}% killed ({caught} of {counted} mutants,"
        f" at least {threshold:g}%)"
    )
    return 0, figures


@dataclass(frozen=True)
class Plan:
    """What a run mutates: its modules and, for ``--changed``, its functions."""

    modules: list[str]
    # the changed functions mutmut makes mutants of (None: every mutant of the modules)
    chosen: list[Function] | None = None
    # every changed function, those without mutants too: what a passing run verifies
    changed: tuple[Function, ...] = ()


def plan_changed(root: Path, figures: Mapping[str, Any]) -> Plan:
    """The plan of ``--changed``: the rule functions whose key the baseline does not list.

    Prints what changed; no modules when nothing changed or mutmut makes no mutant of
    what did.
    """
    since = figures["commit"]
    print(f"the last complete run, on {figures.get('complete_run_commit', since)[:12]}:")
    table(figures["overall"], figures["modules"])
    if "functions" not in figures:
        raise SystemExit("the baseline lists no verified functions: run --seed-functions once")
    functions = current_functions(root)
    changed = changed_functions(functions, figures["functions"])
    files = len({function.path for function in functions})
    twins = len(functions) - len({function.key for function in functions})
    if twins:
        # the key is the text alone: one verdict stands for every copy of a text
        print(f"\n{twins} rule functions have the same text (and class) as another")
    if not changed:
        print(
            f"\nmutation gate: passed, no rule function changed since {since[:12]}"
            f" ({len(functions)} functions in {files} modules, all verified)"
        )
        return Plan([])
    print(
        f"\n{len(changed)} of {len(functions)} rule functions (in {files} modules)"
        f" new or changed since {since[:12]}:"
    )
    counts = count_mutants(root, changed)
    for function in changed:
        print(f"  {function.label:<52} {counts[function.mutants]:>5} mutants  {function.path}")
    chosen = [function for function in changed if counts[function.mutants]]
    if not chosen:
        print("\nmutation gate: passed, mutmut makes no mutant of these functions")
        return Plan([], [], tuple(changed))
    mutants = sum(counts[function.mutants] for function in chosen)
    print(f"\nto run: {mutants} mutants of {len(chosen)} functions", flush=True)
    return Plan(sorted({function.path for function in chosen}), chosen, tuple(changed))


def arguments_of(argv: list[str] | None) -> argparse.Namespace:
    """The command line, checked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help="every rule module")
    which.add_argument(
        "--changed", action="store_true", help="rule functions not verified by a recorded run"
    )
    which.add_argument("--changed-since", metavar="REF", help="rule modules changed since REF")
    which.add_argument("--module", action="append", metavar="PATH", help="this module")
    which.add_argument(
        "--seed-functions",
        action="store_true",
        help="record the functions of the baseline's complete run as verified (once)",
    )
    parser.add_argument("--threshold", type=float, default=90.0, help="percent, default 90")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--workdir", type=Path, default=ROOT / "build" / "mutation")
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="the project (default: this script's checkout)"
    )
    parser.add_argument(
        "--record", action="store_true", help="with --all or --changed: keep a passing run"
    )
    parser.add_argument(
        "--again",
        action="store_true",
        help="rerun the survivors and unrun mutants of the last run in --workdir, today's tests",
    )
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="report (and with --record keep) the figures of the run in --workdir",
    )
    arguments = parser.parse_args(argv)
    if arguments.record and not (arguments.all or arguments.changed):
        parser.error("--record goes with --all or --changed: the baseline lists verified runs")
    if arguments.module:
        unknown = sorted(set(arguments.module) - set(rule_modules(arguments.root)))
        if unknown:
            parser.error(f"not a rule module in [tool.mutmut] only_mutate: {', '.join(unknown)}")
    return arguments


def plan_of(arguments: argparse.Namespace, root: Path, baseline: Path) -> Plan | None:
    """What the command line asks to mutate; None when the gate has passed without a run."""
    if arguments.changed:
        plan = plan_changed(root, json.loads(baseline.read_text(encoding="utf-8")))
        if not plan.modules:
            if arguments.record and plan.changed:
                record(root, baseline, plan.changed, {"overall": {"total": 0}}, complete=False)
            return None
        return plan
    if arguments.changed_since:
        modules = changed_since(root, arguments.changed_since, rule_modules(root))
        if not modules:
            print(f"mutation gate: passed, no rule module changed since {arguments.changed_since}")
            return None
        return Plan(modules)
    return Plan(arguments.module or rule_modules(root))


def main(argv: list[str] | None = None) -> int:
    """Choose the modules or functions, run mutmut on a scratch copy and gate on the score."""
    arguments = arguments_of(argv)
    root: Path = arguments.root.resolve()
    baseline = root / BASELINE
    if arguments.seed_functions:
        return seed(root, baseline)
    plan = plan_of(arguments, root, baseline)
    if plan is None:
        return 0
    print("mutation gate over:", ", ".join(plan.modules), flush=True)
    if not arguments.report_only:
        if arguments.again:
            again = refresh(root, arguments.workdir)
            # mutmut runs every mutant without a verdict: the survivors and those without
            # tests reset above, the mutants of functions changed since, and any a stopped
            # run never reached (and, named, every mutant of the changed functions)
            print(f"running {len(again)} mutants again, and every mutant not run", flush=True)
        else:
            prepare(root, arguments.workdir, plan.modules)
        names = selection(plan.chosen) if plan.chosen is not None else []
        started = time.monotonic()
        mutmut(arguments.workdir, "run", "--max-children", str(arguments.max_children), *names)
        print(f"mutmut ran for {time.monotonic() - started:.0f} s", flush=True)
    code, run = report(arguments.workdir, arguments.threshold, in_selection(plan.chosen))
    if arguments.record:
        if code:
            print("not recorded: the run did not pass")
        elif plan.chosen is None:
            record(root, baseline, current_functions(root), run, complete=True)
        else:
            record(root, baseline, plan.changed, run, complete=False)
    return code


if __name__ == "__main__":
    sys.exit(main())
