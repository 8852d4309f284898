"""The shape of the package: layers, families, module sizes and docstrings.

docs/architecture.md draws these layers; the tests below hold the code to the drawing,
so that a later change cannot add an import cycle, a module over 600 lines or a module
without a docstring without failing here.
"""

import ast
import graphlib
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SOURCE / "custrel"

# Each part of custrel and its layer: a part imports only parts of lower layers
# (docs/architecture.md). A part is a top-level module or a family's package;
# "custrel" is the package's own __init__, the curated API.
LAYERS = {
    "errors": 0,
    "labels": 1,
    "_checks": 1,
    "_version": 1,
    "serialize": 2,
    "_periods": 2,
    "_policy": 3,
    "models": 4,
    "profile": 5,
    "grading": 5,
    "tiering": 5,
    "lifecycle": 5,
    "service": 5,
    "cadence": 6,
    "loyalty": 6,
    "_charts": 7,
    "frames": 7,
    "io": 7,
    "strategies": 7,
    "_hypothesis_plugin": 7,
    "plot": 8,
    "custrel": 8,
    "_cli": 9,
    "__main__": 10,
}


def _name(path: Path) -> str:
    dotted = path.relative_to(SOURCE).with_suffix("").as_posix().replace("/", ".")
    return dotted.removesuffix(".__init__")


def _part(module: str) -> str:
    """``custrel.cadence._pool`` -> ``cadence``; ``custrel`` -> ``custrel``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


MODULES = {_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path, *, anywhere: bool = True) -> set[str]:
    """The custrel modules ``path`` imports, as dotted names.

    ``anywhere``: imports in functions and type-checking blocks too; otherwise only
    those run when the module is imported.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree) if anywhere else tree.body:
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("custrel"))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("custrel"):
            assert node.module is not None
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                found.add(child if child in MODULES else node.module)
    return found


def test_every_part_has_a_layer() -> None:
    assert {_part(module) for module in MODULES} == set(LAYERS)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_imports_only_lower_layers_or_its_own_family(module: str) -> None:
    mine = _part(module)
    higher = sorted(
        imported
        for imported in _imports(MODULES[module])
        if _part(imported) != mine and LAYERS[_part(imported)] >= LAYERS[mine]
    )
    assert higher == [], f"{module} (layer {LAYERS[mine]}) imports {higher}"


def test_no_import_cycle_between_modules() -> None:
    """Module-level imports form no cycle: ``graphlib`` finds an order to import them in."""
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        graph[module] = {
            imported for imported in _imports(path, anywhere=False) if imported in MODULES
        }
    order = list(graphlib.TopologicalSorter(graph).static_order())
    assert sorted(order) == sorted(MODULES)


def test_a_family_module_never_imports_its_own_facade() -> None:
    """``custrel.lifecycle._stages`` imports its siblings, never ``custrel.lifecycle``."""
    offenders = sorted(
        module
        for module, path in MODULES.items()
        if module.count(".") == 2 and module.rpartition(".")[0] in _imports(path, anywhere=False)
    )
    assert offenders == []


def test_at_most_fourteen_modules_directly_in_the_package() -> None:
    direct = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(direct) <= 14, direct


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_is_over_600_lines(module: str) -> None:
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= 600, f"{module} has {lines} lines"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_module_opens_with_a_docstring(module: str) -> None:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), f"{module} has no docstring"
