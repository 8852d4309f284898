"""Fuzz the file readers of ``custrel.io``: ``read_csv``, ``read_jsonl``, ``load_policies``.

The first byte of each input picks the model class and the reader (CSV or JSON Lines),
or a policy file (``.toml`` or ``.json``); the rest is written as the file's bytes,
so files that are not UTF-8, NUL bytes, huge cells and lines are all tried. Every
record is iterated. Any exception from a reader is a crash (a bad record is reported,
not raised, so not even a ``custrel.CustrelError`` may escape); from
``load_policies``, any that is not a ``custrel.PolicyError``. Run for a bounded time::

    .venv/bin/python fuzz/fuzz_readers.py -max_total_time=60 -rss_limit_mb=2048

libFuzzer options follow the script; see docs/reliability.md for the figures.
"""

import contextlib
import os
import pathlib
import stat
import sys
import tempfile

import atheris  # type: ignore[import-untyped]

with atheris.instrument_imports():
    import attrs

    import custrel
    from custrel import io, models

MODELS: tuple[type, ...] = tuple(
    obj
    for obj in (getattr(models, name) for name in models.__all__)
    if isinstance(obj, type) and attrs.has(obj)
)
"""The classes the readers take: every attrs class of ``custrel.models`` (csv_columns works)."""


def _folder() -> pathlib.Path:
    """One folder for every input of every run: in memory when it can be, private to the user.

    libFuzzer ends the process without running ``atexit``, so a ``mkdtemp`` folder
    would be left behind by every run; this one is reused, and each input's file is
    removed once read (named by process, for ``-jobs``).
    """
    shm = pathlib.Path("/dev/shm")  # noqa: S108 - checked below to be ours and private
    folder = (shm if shm.is_dir() else pathlib.Path(tempfile.gettempdir())) / (
        f"custrel-fuzz-{os.getuid()}"
    )
    folder.mkdir(mode=0o700, exist_ok=True)
    mode = folder.lstat()
    if not stat.S_ISDIR(mode.st_mode) or mode.st_uid != os.getuid() or mode.st_mode & 0o077:
        return pathlib.Path(tempfile.mkdtemp(prefix="custrel-fuzz-"))
    return folder


_FOLDER = _folder()
_CHOICES = 2 * len(MODELS) + 2


def test_one_input(data: bytes) -> None:
    """Read one fuzzed file to the end: nothing escapes a reader, only PolicyError a policy."""
    if not data:
        return
    choice = data[0] % _CHOICES
    policy = choice >= 2 * len(MODELS)
    suffix = (
        (".toml" if choice % 2 else ".json") if policy else (".csv" if choice % 2 else ".jsonl")
    )
    path = _FOLDER / f"input-{os.getpid()}{suffix}"
    path.write_bytes(data[1:])
    try:
        if policy:
            with contextlib.suppress(custrel.PolicyError):
                io.load_policies(path)
            return
        reader = io.read_csv if choice % 2 else io.read_jsonl
        for _ in reader(MODELS[choice // 2], path):  # a bad record is reported, never raised
            pass
    finally:
        path.unlink()


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
