"""mkdocs hooks for custrel's documentation site (not part of the library).

Docstrings carry their examples as bare doctest lines (``>>>``), which pytest runs. Left
as they are, Markdown reads them as prose, so ``[a]`` on one line and ``[b]`` on the next
become a reference link. This hook gives every Markdown instance, mkdocstrings' own
included, a preprocessor that fences each run of doctest lines as ``pycon`` code.

The docstrings' Sphinx roles (``:class:`Grade```) become links in tools/griffe_roles.py.
Two checks here make ``mkdocs build --strict`` fail where that could go wrong: a role
left raw in a rendered page, and a public module of custrel that no page renders.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_LOG = logging.getLogger("mkdocs.plugins.custrel")

_FENCE = re.compile(r"^\s*(```|~~~)")
_PROMPT = re.compile(r"^(\s*)>>> ?")


class _DoctestBlocks(Preprocessor):
    """Wrap runs of doctest lines (a ``>>>`` line up to a blank line) in a code fence."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        fenced = in_doctest = False
        for line in lines:
            if in_doctest and not line.strip():
                out.extend(["```", line])
                in_doctest = False
                continue
            if not in_doctest and _FENCE.match(line):
                fenced = not fenced
            elif not fenced and not in_doctest:
                prompt = _PROMPT.match(line)
                if prompt:
                    out.extend(["", f"{prompt.group(1)}```pycon"])
                    in_doctest = True
            out.append(line)
        if in_doctest:
            out.append("```")
        return out


class _DoctestExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API
        md.preprocessors.register(_DoctestBlocks(md), "custrel_doctest_blocks", 40)


def on_config(config: MkDocsConfig, **_: Any) -> MkDocsConfig:  # noqa: ANN401 - mkdocs' API
    """Add the doctest-fencing extension to the site's Markdown extensions."""
    config.markdown_extensions.append(_DoctestExtension())  # type: ignore[arg-type]
    return config


_RAW_ROLE = re.compile(
    r":(?:py:)?(?:class|func|meth|attr|data|const|exc|mod|obj|type):"
    r"(?:`[^`<]*`|<code>.*?</code>)"
)
_PRE = re.compile(r"<pre\b.*?</pre>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def raw_roles(html: str) -> list[str]:
    """The Sphinx roles a rendered page shows as text, code blocks left out.

    >>> raw_roles("<p>See :class:<code>Grade</code> and :func:`grade`.</p>")
    [':class:`Grade`', ':func:`grade`']
    >>> raw_roles("<p>The role <code>:class:</code>, shown as code.</p><pre>:meth:`x`</pre>")
    []
    """
    return [
        _TAG.sub("`", role).replace("``", "`") for role in _RAW_ROLE.findall(_PRE.sub("", html))
    ]


def on_page_content(html: str, page: Page, **_: Any) -> str:  # noqa: ANN401 - mkdocs' API
    """Warn (an error under ``--strict``) for each Sphinx role left as text on the page."""
    for role in raw_roles(html):
        _LOG.warning("%s: Sphinx role left as text: %s", page.file.src_uri, role)
    return html


_DIRECTIVE = re.compile(r"^:::\s+(\S+)", re.MULTILINE)


def public_modules(package: Path) -> list[str]:
    """The dotted names of a source package's public modules, at any depth, itself excluded.

    A module is public when no part of its name starts with an underscore; a package
    counts by its ``__init__.py``, whether it holds the code or re-exports it.
    """
    found: list[str] = []
    for child in sorted(package.iterdir()):
        if child.name.startswith("_"):
            continue
        if child.suffix == ".py":
            found.append(f"{package.name}.{child.stem}")
        elif (child / "__init__.py").is_file():
            found.append(f"{package.name}.{child.name}")
            found.extend(f"{package.name}.{name}" for name in public_modules(child))
    return found


def on_files(files: Files, config: MkDocsConfig, **_: Any) -> Files:  # noqa: ANN401 - mkdocs' API
    """Warn (an error under ``--strict``) for a public module no page renders with ``:::``."""
    rendered = {
        match
        for page in files.documentation_pages()
        for match in _DIRECTIVE.findall(page.content_string)
    }
    source = Path(config.config_file_path).parent / "src" / "custrel"
    for module in public_modules(source):
        if module not in rendered:
            _LOG.warning("%s is public but no page of the API reference renders it", module)
    return files
