"""A Griffe extension for custrel's documentation site (not part of the library).

custrel's docstrings cross-reference each other with Sphinx roles (``:class:`Grade```,
``:func:`~custrel.grading.grade```, ``:meth:`TierCuts.tier_of```, ``:mod:`custrel.io```
...), which Markdown prints as they are. Once the package is loaded, this extension
rewrites every role into an autorefs cross-reference, ``[`Grade`][custrel.grading.Grade]``,
to the path the API pages render the object under:

- a short name is looked up as Python would from where the docstring is written (the
  object, its class, its module, the packages above it, up to ``custrel`` and its
  ``__all__``), then in the public module that renders the object, so a docstring moved
  into a private module behind a facade package still finds its neighbours;
- ``~custrel.x.Y`` shows ``Y``; ``!name`` and a role to something outside custrel
  (``functools.partial``) or to a custrel object no API page renders (a private helper)
  become inline code;
- a role naming nothing that exists is a warning, which fails ``mkdocs build --strict``.

The API pages render every public module (``custrel.x``, no underscore) with its
exported members (``__all__``), their documented members below them; an object is
linked to the first such path that renders it, its own module's first.
"""

from __future__ import annotations

import builtins
import importlib.util
import logging
import re
from typing import TYPE_CHECKING, Any

from griffe import Alias, AliasResolutionError, CyclicAliasError, Extension, Module, Object

if TYPE_CHECKING:
    from collections.abc import Iterator

_LOG = logging.getLogger("mkdocs.plugins.custrel.roles")

ROLE = re.compile(
    r"(?<![\w`]):(?:py:)?(?P<role>class|func|meth|attr|data|const|exc|mod|obj|type):"
    r"`(?P<body>[^`]+)`"
)
"""A Sphinx cross-reference role as docstrings write it, ``:class:`~custrel.models.Purchase```."""

_TITLED = re.compile(r"^(?P<title>.+?)\s*<(?P<target>[^<>]+)>$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_DOCTEST = re.compile(r"^\s*(>>>|\.\.\.)( |$)")
_LOOKUP_ERRORS = (KeyError, ValueError, AliasResolutionError, CyclicAliasError)


def _is_public_name(name: str) -> bool:
    return not name.startswith("_")


def _public_modules(module: Module) -> Iterator[Module]:
    """The package's public modules at any depth (no part of the path private), itself excluded."""
    for member in module.members.values():
        if not member.is_alias and isinstance(member, Module) and _is_public_name(member.name):
            yield member
            yield from _public_modules(member)


def _rendered_members(obj: Object | Alias, *, in_module: bool) -> Iterator[Object | Alias]:
    """The members mkdocstrings-python renders under ``obj`` with this site's options.

    The options are those of mkdocs.yml: ``filters: ["!^_"]``, ``show_if_no_docstring:
    false``, ``inherited_members: true``, no submodules; an imported member only if public
    (exported through ``__all__``).
    """
    members = obj.members if in_module else obj.all_members
    for member in members.values():
        try:
            if (
                not _is_public_name(member.name)
                or member.is_module
                or (in_module and member.is_imported and not member.is_public)
                or not member.has_docstrings
            ):
                continue
        except _LOOKUP_ERRORS:
            continue  # an alias to something outside the package: never rendered
        yield member


def _canonical(obj: Object | Alias) -> str | None:
    """The path where ``obj`` is defined, or None for an alias that leaves the package."""
    try:
        return obj.final_target.path if isinstance(obj, Alias) else obj.path
    except _LOOKUP_ERRORS:
        return None


class _Site:
    """Where the API pages render each of the package's objects."""

    def __init__(self, package: Module) -> None:
        self.package = package
        # canonical path -> [(rendered path, whether rendered as an inherited member)]
        self.paths: dict[str, list[tuple[str, bool]]] = {}
        modules = list(_public_modules(package))
        for module in modules:
            self._add(module, module.path)
        for module in modules:
            self._walk(module, module.path, in_module=True)

    def _add(self, obj: Object | Alias, path: str, *, inherited: bool = False) -> None:
        canonical = _canonical(obj)
        if canonical is not None:
            self.paths.setdefault(canonical, []).append((path, inherited))

    def _walk(self, obj: Object | Alias, path: str, *, in_module: bool) -> None:
        for member in _rendered_members(obj, in_module=in_module):
            member_path = f"{path}.{member.name}"
            self._add(member, member_path, inherited=member.inherited)
            if member.is_class:
                self._walk(member, member_path, in_module=False)

    def rendered(self, canonical: str) -> str | None:
        """The one path the object at ``canonical`` is rendered under, if there is one.

        Its own path when a public module defines it, else the first public module that
        exports it. A method only inherited (``Policy.fingerprint``, rendered under every
        policy class) has no one path: its docstring is shared by all of them.
        """
        paths = self.paths.get(canonical, [])
        own = [path for path, inherited in paths if not inherited]
        if canonical in own:
            return canonical
        if own:
            return own[0]
        return paths[0][0] if len(paths) == 1 else None

    def link(self, found: Object | Alias) -> str | None:
        """The rendered path to link for an object a role names, or None for code."""
        canonical = _canonical(found)
        if canonical is None:
            return None
        if found.inherited and found.parent is not None:  # ``to_dict`` in a policy class
            parent = _canonical(found.parent)
            inherited = f"{self.rendered(parent)}.{found.name}" if parent else None
            if any(inherited == rendered for rendered, _ in self.paths.get(canonical, [])):
                return inherited
        own = self.rendered(canonical)
        if own is not None:
            return own
        # an attribute documented in its class's Attributes table, not under a heading
        owner = (found.final_target if isinstance(found, Alias) else found).parent
        while owner is not None and owner.is_class:
            owner_canonical = _canonical(owner)
            owner_path = self.rendered(owner_canonical) if owner_canonical else None
            if owner_path is not None:
                return owner_path
            owner = owner.parent
        return None

    def containers(self, canonical: str) -> Iterator[str]:
        """The rendered paths of what renders the object at ``canonical`` (its facade)."""
        for path, _ in self.paths.get(canonical, []):
            yield path.rpartition(".")[0]

    def scopes(self, obj: Object) -> Iterator[Object | Alias]:
        """Where a short name in ``obj``'s docstring is looked up, nearest first."""
        chain: list[Object] = []
        scope: Object | None = obj
        while scope is not None:
            chain.append(scope)
            scope = scope.parent
        package = chain.pop()  # the top package: last, after the public modules
        if not (obj.is_class or obj.is_module):
            chain.pop(0)  # a function's or attribute's names live in its parent
        yield from chain
        for ancestor in [obj, *chain]:  # the facade that renders it, as if never moved
            for container in self.containers(ancestor.path):
                found = self.lookup(container)
                if found is not None:
                    yield found
        yield package

    def lookup(self, path: str) -> Object | Alias | None:
        """The object at an absolute dotted path inside the package, or None."""
        head, _, rest = path.partition(".")
        if head != self.package.name:
            return None
        if not rest:
            return self.package
        try:
            found: Object | Alias = self.package[rest]
        except _LOOKUP_ERRORS:
            return None
        return found


class _Resolution:
    """What a role's target turns into: a rendered path, inline code, or nothing found."""

    def __init__(self, path: str | None = None, *, found: bool = True) -> None:
        self.path = path
        self.found = found


def _resolve(site: _Site, obj: Object, target: str) -> _Resolution:
    head = target.split(".", 1)[0]
    if head == site.package.name:
        found = site.lookup(target)
    else:
        found = None
        for scope in site.scopes(obj):
            try:
                found = scope[target]
            except _LOOKUP_ERRORS:
                member = scope.members.get(head)
                if member is not None and member.is_alias and _canonical(member) is None:
                    return _Resolution()  # an import from outside the package: code
                continue
            break
        if found is None:
            return _Resolution(found=_elsewhere(site, target))
    if found is None:
        return _Resolution(found=False)
    return _Resolution(site.link(found))


def _elsewhere(site: _Site, target: str) -> bool:
    """Whether a name no scope knows is a builtin, an importable module or a package member.

    ``:class:`ValueError```, ``:func:`decimal.getcontext``` and ``:meth:`fingerprint```
    (a method every policy class inherits) all exist, just not as one rendered object.
    """
    head = target.split(".", 1)[0]
    if not head.isidentifier():
        return False
    if hasattr(builtins, head) or importlib.util.find_spec(head) is not None:
        return True
    name = target.rpartition(".")[2]
    return any(obj.name == name for obj in _objects(site.package))


class SphinxRoles(Extension):
    """Rewrite Sphinx roles in docstrings into autorefs cross-references."""

    def __init__(self, packages: tuple[str, ...] | list[str] = ("custrel",)) -> None:
        """Rewrite the docstrings of these packages only (not of any other Griffe loads).

        Args:
            packages: The top-level packages whose roles to rewrite.
        """
        super().__init__()
        self.packages = frozenset(packages)
        self.links = self.code = self.unresolved = 0

    def on_package(self, *, pkg: Module, **_: Any) -> None:  # noqa: ANN401 - Griffe's API
        """Rewrite the roles in every docstring of the package, once it is loaded."""
        if pkg.name not in self.packages:
            return
        site = _Site(pkg)
        for obj in _objects(pkg):
            if obj.docstring is not None:
                value = self._rewrite(site, obj, obj.docstring.value)
                if value != obj.docstring.value:
                    obj.docstring.value = value
                    obj.docstring.__dict__.pop("parsed", None)  # parse the new text
        _LOG.info(
            "%s: %d Sphinx roles became links, %d inline code (outside the package or "
            "not rendered), %d unresolved",
            pkg.name,
            self.links,
            self.code,
            self.unresolved,
        )

    def _rewrite(self, site: _Site, obj: Object, text: str) -> str:
        out: list[str] = []
        fenced = False
        for line in text.split("\n"):
            if _FENCE.match(line):
                fenced = not fenced
            if fenced or _DOCTEST.match(line):
                out.append(line)
                continue
            out.append(ROLE.sub(lambda role: self._replace(site, obj, role), line))
        return "\n".join(out)

    def _replace(self, site: _Site, obj: Object, role: re.Match[str]) -> str:
        body = role["body"].strip()
        titled = _TITLED.match(body)
        target = (titled["target"] if titled else body).strip()
        no_link = target.startswith("!")
        target = target.lstrip("!~")
        if titled:
            shown = titled["title"]
        elif body.lstrip("!").startswith("~"):
            shown = target.rpartition(".")[2]
        else:
            shown = target
        resolution = _Resolution() if no_link else _resolve(site, obj, target)
        if resolution.path is not None:
            self.links += 1
            return f"[`{shown}`][{resolution.path}]"
        if resolution.found:
            self.code += 1
            _LOG.debug("%s: %s rendered as code, not linked", obj.path, role[0])
        else:
            self.unresolved += 1
            _LOG.warning(
                "%s: %s names nothing %s has or Python can import",
                obj.path,
                role[0],
                site.package.name,
            )
        return f"`{shown}`"


def _objects(obj: Object) -> Iterator[Object]:
    """The object and everything defined in it (aliases skipped: their targets are walked)."""
    yield obj
    for member in obj.members.values():
        if not member.is_alias and isinstance(member, Object):
            yield from _objects(member)
