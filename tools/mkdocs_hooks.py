"""mkdocs hooks for custrel's documentation site (not part of the library).

Docstrings carry their examples as bare doctest lines (``>>>``), which pytest runs. Left
as they are, Markdown reads them as prose, so ``[a]`` on one line and ``[b]`` on the next
become a reference link. This hook gives every Markdown instance, mkdocstrings' own
included, a preprocessor that fences each run of doctest lines as ``pycon`` code.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

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
