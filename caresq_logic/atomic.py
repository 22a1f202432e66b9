"""A report file written atomically (the CLI's --uitvoer): a reader never sees half a report, and
an interrupted or failed write leaves the previous one in place."""

from __future__ import annotations

import os
import signal
import tempfile
import threading
from pathlib import Path

from .messages import Phrase

INPUT_SUFFIXES = (".lp", ".csv", ".jsonl", ".beleid")   # what a folder given to a command is searched for


def write_file(output: Path, chunks, inputs: tuple[str, ...] = ()) -> None:
    """Write `chunks` to `output` so it is whole or not there at all; OSError for every user's
    mistake (a folder, a missing or unwritable folder, one of the `inputs`), which the CLI reports."""
    if output.exists() and not output.is_file() and not output.is_dir():
        target = output   # not resolved: /dev/stdout on a pipe resolves to a name that cannot be opened
    else:
        target = output.resolve()   # through a symlink: the link stays, its target gets the report
    if any(_reads(Path(i), target) for i in inputs):
        raise OSError(0, Phrase("reason.input_file"))   # named in the run's language
    if target.exists() and not target.is_file():
        if target.is_dir():
            raise IsADirectoryError(0, Phrase("reason.is_directory"))
        with open(target, "w", encoding="utf-8") as handle:   # a device or pipe (/dev/stdout): never replaced
            for chunk in chunks:
                handle.write(chunk)
        return
    mode = target.stat().st_mode & 0o777 if target.exists() else None
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    # SIGTERM during the write: leave by an exception, so the temporary file is removed below.
    previous = signal.signal(signal.SIGTERM, _terminate) if threading.current_thread() is threading.main_thread() else None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for chunk in chunks:
                handle.write(chunk)
        if mode is None:   # a new report is an ordinary file; an existing one keeps its mode
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _reads(given: Path, target: Path) -> bool:
    """Is `target` read from `given`: the file itself, or an input file a folder given holds?"""
    if not (given.exists() and target.exists()):
        return False
    if given.is_dir():
        return target.suffix.lower() in INPUT_SUFFIXES and target.resolve().is_relative_to(given.resolve())
    return os.path.samefile(given, target)


def _terminate(signum, frame) -> None:
    raise SystemExit(128 + signum)
