"""The mutation gate: mutmut over custrel's rule modules, failing below 90 % killed.

mutmut changes the rule modules one small edit at a time (a ``<`` for a ``<=``, a
``+ 1`` dropped, a constant changed) and runs the tests that reach the changed
function; a *mutant* the tests do not fail on has *survived*. mutmut itself exits 0
whatever survives, so this script is the gate: it reads ``mutmut export-cicd-stats``
and computes

    score = killed / (total - skipped - no tests)

where *killed* counts every mutant the tests caught: failed, timed out or crashed.
Below ``--threshold`` percent (90 by default) it exits 1.

The run happens in a scratch copy of the project (``build/mutation`` by default), so
the checkout is never touched. Which modules:

- ``--all``: every module in ``[tool.mutmut] only_mutate`` (the full run, about an
  hour on two cores; its figures are in docs/reliability.md);
- ``--changed``: only those changed since the commit of the last full run, which
  ``tools/mutation_baseline.json`` records (what CI runs); when none changed it
  says so, prints the recorded figures and passes;
- ``--changed-since REF``: only those changed since the git revision ``REF``;
- ``--module PATH``: the ones named.

``--again`` reruns the survivors of the last run in ``--workdir`` against the
tests and sources as they are now (after tests were added to kill them), with every
mutant that has no verdict yet (a function changed since, a run stopped early),
keeping every other verdict; ``--report-only`` reports the run in ``--workdir`` as it stands.
``--all --record`` also writes the figures of the run and the commit it ran on to
``tools/mutation_baseline.json``. Run from the project root::

    .venv/bin/python tools/mutation_gate.py --changed
    .venv/bin/python tools/mutation_gate.py --all --record
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "tools" / "mutation_baseline.json"
COPIED = ("src", "tests", "docs", "tools", "conftest.py", "README.md", "pyproject.toml")
# A status of mutmut's that counts as caught; "caught by type check" needs a checker
# this project does not configure, and "suspicious" (slow but passed) is not caught.
CAUGHT = ("killed", "timeout", "segfault", "caught_by_type_check")
# the exit codes --again runs once more: survived (0) and no tests (5, 33)
_RERUN = (0, 5, 33)


# The scratch copy's ``only_mutate`` names only the modules of the run, but the tests are
# copied there too and one of them (tests/test_mutation_gate.py) checks the project's
# list of rule modules through ``rule_modules``: read from the trimmed list it would fail
# whenever the run leaves out a module it names, and mutmut stops at its stats step. So
# the copy keeps the project's whole list in a table of its own, which mutmut does not
# read and ``rule_modules`` prefers. A table in the copy's pyproject.toml (rather than an
# environment variable) reaches every process mutmut starts and any test that clears
# the environment, and leaves the test checking the real list everywhere.
_FULL_LIST = "mutation_gate"


def rule_modules(root: Path = ROOT) -> list[str]:
    """The project's rule modules, ``[tool.mutmut] only_mutate`` (patterns, as mutmut takes them).

    In the gate's scratch copy, the project's list kept under ``[tool.mutation_gate]``.
    """
    with (root / "pyproject.toml").open("rb") as file:
        tool = tomllib.load(file)["tool"]
    kept = tool.get(_FULL_LIST, {}).get("rule_modules")
    return list(kept if kept is not None else tool["mutmut"]["only_mutate"])


def git(*args: str) -> str:
    """The output of a git command run at the project root."""
    return subprocess.run(
        ["git", *args],  # noqa: S607 - git from PATH, as a developer runs it
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def changed_since(ref: str, modules: list[str]) -> list[str]:
    """The modules of ``modules`` whose text differs between ``ref`` and the work tree."""
    changed = git("diff", "--name-only", ref, "--", *modules).split()
    return [module for module in modules if module in changed]


def record(overall: dict[str, int], modules: dict[str, dict[str, int]]) -> None:
    """Write the figures of a full run, and the commit it ran on, to the baseline."""
    if git("status", "--porcelain", "--", "src", "tests", "docs", "conftest.py").strip():
        raise SystemExit("--record needs src, tests and docs committed: the figures name a commit")
    figures = {
        "commit": git("rev-parse", "HEAD").strip(),
        "complete": not overall.get("not_checked"),
        "overall": overall,
        "modules": modules,
    }
    BASELINE.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"recorded in {BASELINE.relative_to(ROOT)}")


def prepare(workdir: Path, modules: list[str]) -> None:
    """A fresh copy of the project in ``workdir`` that mutates only ``modules``."""
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, workdir / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
            )
        else:
            shutil.copy2(source, workdir / name)
    text = (workdir / "pyproject.toml").read_text(encoding="utf-8")
    start = text.index("only_mutate = [")
    end = text.index("]", start) + 1
    listed = "".join(f"\n    {json.dumps(module)}," for module in modules)
    everything = "".join(f"\n    {json.dumps(module)}," for module in rule_modules())
    (workdir / "pyproject.toml").write_text(
        f"{text[:start]}only_mutate = [{listed}\n]{text[end:]}"
        f"\n[tool.{_FULL_LIST}]\n# the project's rule modules: only_mutate above names this run's\n"
        f"rule_modules = [{everything}\n]\n",
        encoding="utf-8",
    )


def refresh(workdir: Path) -> list[str]:
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
            source, copy = ROOT / name, target / name
            if name == "src" and target.name == "mutants":
                continue  # mutmut writes the mutated sources there itself
            if source.is_dir():
                shutil.copytree(
                    source,
                    copy,
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
                    dirs_exist_ok=True,
                )
            else:
                shutil.copy2(source, copy)
    # mutmut maps each function to the tests that reach it once, when it first runs;
    # a function written since (or a test that reaches it) would stay "no tests"
    # forever, so the map is made again and those verdicts are reset with the survivors
    (workdir / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)
    again: list[str] = []
    for meta in (workdir / "mutants" / "src").rglob("*.py.meta"):
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


def per_module(workdir: Path) -> dict[str, dict[str, int]]:
    """Counts by status for each mutated module, from mutmut's ``.meta`` files."""
    sys.path.insert(0, str(workdir))
    from mutmut.stats import status_by_exit_code  # noqa: PLC0415 - only with the extra

    counts: dict[str, dict[str, int]] = {}
    for meta in sorted((workdir / "mutants" / "src").rglob("*.py.meta")):
        module = meta.relative_to(workdir / "mutants").as_posix().removesuffix(".meta")
        exit_codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        tally = counts.setdefault(module, {})
        for exit_code in exit_codes.values():
            status = status_by_exit_code[exit_code].replace(" ", "_")
            tally[status] = tally.get(status, 0) + 1
    return counts


def score(stats: dict[str, int]) -> tuple[int, int]:
    """Caught and counted mutants: killed / (total - skipped - no tests).

    A mutant not checked yet (a run stopped before its end) is left out of both.
    """
    caught = sum(stats.get(status, 0) for status in CAUGHT)
    counted = stats.get("total", sum(stats.values()))
    counted -= stats.get("skipped", 0) + stats.get("no_tests", 0) + stats.get("not_checked", 0)
    return caught, counted


def survivors(workdir: Path) -> list[str]:
    """The names of the mutants that survived, as ``mutmut show`` takes them."""
    listing = subprocess.run(
        [sys.executable, "-m", "mutmut", "results"],
        cwd=workdir,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line.split(":")[0].strip() for line in listing.splitlines() if ": survived" in line]


def table(overall: dict[str, int], modules: dict[str, dict[str, int]]) -> float:
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


def report(workdir: Path, threshold: float, *, keep: bool) -> int:
    """Print the score per module and overall; 0 when it reaches ``threshold``."""
    mutmut(workdir, "export-cicd-stats")
    cicd = workdir / "mutants" / "mutmut-cicd-stats.json"
    overall = json.loads(cicd.read_text(encoding="utf-8"))
    modules = per_module(workdir)
    # export-cicd-stats counts mutants not run yet in "total" without naming them
    overall["not_checked"] = sum(stats.get("not_checked", 0) for stats in modules.values())
    share = table(overall, modules)
    if keep:
        record(overall, modules)
    left = survivors(workdir)
    if left:
        print(f"\n{len(left)} survived (see docs/reliability.md for the known equivalents):")
        for name in left:
            print(f"  {name}")
    if overall["not_checked"]:
        print(f"\nmutation gate: FAILED, {overall['not_checked']} mutants were not run")
        return 1
    if share < threshold:
        print(f"\nmutation gate: FAILED, {share:.1f}% killed is below {threshold:g}%")
        return 1
    print(f"\nmutation gate: passed, {share:.1f}% killed (at least {threshold:g}%)")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Choose the modules, run mutmut on a scratch copy and gate on the score."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help="every rule module")
    which.add_argument(
        "--changed", action="store_true", help="rule modules changed since the last full run"
    )
    which.add_argument("--changed-since", metavar="REF", help="rule modules changed since REF")
    which.add_argument("--module", action="append", metavar="PATH", help="this module")
    parser.add_argument("--threshold", type=float, default=90.0, help="percent, default 90")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--workdir", type=Path, default=ROOT / "build" / "mutation")
    parser.add_argument("--record", action="store_true", help="with --all: keep the figures")
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
    if arguments.record and not arguments.all:
        parser.error("--record goes with --all: the baseline is a full run")

    modules = rule_modules()
    since = arguments.changed_since
    if arguments.changed:
        baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
        since = baseline["commit"]
        state = "" if baseline.get("complete", True) else ", stopped before its end"
        print(f"the last full run, on {since[:12]}{state}:")
        table(baseline["overall"], baseline["modules"])
    if since:
        modules = changed_since(since, modules)
        if not modules:
            print(f"mutation gate: passed, no rule module changed since {since[:12]}")
            return 0
    elif arguments.module:
        unknown = sorted(set(arguments.module) - set(modules))
        if unknown:
            parser.error(f"not a rule module in [tool.mutmut] only_mutate: {', '.join(unknown)}")
        modules = arguments.module
    print("mutation gate over:", ", ".join(modules), flush=True)
    if arguments.report_only:
        return report(arguments.workdir, arguments.threshold, keep=arguments.record)
    if arguments.again:
        again = refresh(arguments.workdir)
        # mutmut runs every mutant without a verdict: the survivors and those without
        # tests reset above, the mutants of functions changed since, and any a stopped
        # run never reached
        print(f"running {len(again)} mutants again, and every mutant not run", flush=True)
    else:
        prepare(arguments.workdir, modules)
    mutmut(arguments.workdir, "run", "--max-children", str(arguments.max_children))
    return report(arguments.workdir, arguments.threshold, keep=arguments.record)


if __name__ == "__main__":
    sys.exit(main())
