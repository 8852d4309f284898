"""Fuzz ``custrel.loads`` for every class that loads from data (issue 15).

The first byte of each input picks the class, the rest is the JSON text. Any
exception that is not a ``custrel.CustrelError`` (or a ``PolicyError`` for a policy)
is a crash. Run for a bounded time, as ``.ci/run`` does::

    .venv/bin/python fuzz/fuzz_loads.py -max_total_time=60 -rss_limit_mb=2048

libFuzzer options follow the script; see docs/reliability.md for the figures.
"""

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    import attrs

    import custrel
    from custrel._policy import Policy

LOADABLE = tuple(
    obj
    for obj in (getattr(custrel, name) for name in custrel.__all__)
    if isinstance(obj, type) and attrs.has(obj)
)


def test_one_input(data: bytes) -> None:
    """Load one fuzzed document; only custrel's own errors may escape."""
    if not data:
        return
    cls = LOADABLE[data[0] % len(LOADABLE)]
    text = data[1:]
    expected = custrel.PolicyError if issubclass(cls, Policy) else custrel.CustrelError
    for document in (text, text.decode("utf-8", "replace")):
        with contextlib.suppress(expected):
            custrel.loads(cls, document)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
