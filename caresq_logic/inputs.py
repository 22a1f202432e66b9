"""The input files of a command: the paths given, folders searched in a fixed order, each file
once (a path given twice, or two names of one file, is read once: C098), and read bounded."""

from __future__ import annotations

import os
from pathlib import Path

from .diagnostics import Diagnostic, Failed, Span, diag


def expand(paths: list[str], suffixes: tuple[str, ...]) -> tuple[list[tuple[Path, str]], list[Diagnostic]]:
    """(file, name as given) for every file among `paths`, folders searched for `suffixes` in
    sorted order, so the order of the output never depends on the file system."""
    found: list[tuple[Path, str]] = []
    problems: list[Diagnostic] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            def unreadable(error: OSError) -> None:   # a subfolder that cannot be listed is said, not skipped
                shown = Path(error.filename).as_posix() if error.filename else given
                problems.append(diag("C002", Span(shown, 1, 1), reason=error.strerror or str(error)))

            in_folder = []
            for folder, subfolders, names in os.walk(path, onerror=unreadable):
                subfolders.sort()
                in_folder += [Path(folder) / name for name in names if Path(name).suffix.lower() in suffixes]
            files = [(f, f.as_posix()) for f in sorted(in_folder) if f.is_file()]
            problems += [diag("C060", Span(f.as_posix(), 1, 1), path=f.as_posix()) for f in in_folder if f.exists() and not f.is_file()]
            if not files and suffixes != (".beleid",):
                problems.append(diag("C021", Span(given, 1, 1), path=given, suffixes=", ".join(suffixes)))
            found.extend(files)
        elif path.is_file():
            found.append((path, given))
        else:   # a FIFO or a device is there, but is no file to read (a FIFO could block forever)
            problems.append(diag("C060" if path.exists() else "C001", Span(given, 1, 1), path=given))
    return each_once(found, problems)


def policy_files(paths: list[str]) -> tuple[list[tuple[Path, str]], list[Diagnostic]]:
    """Every `.beleid` file under `paths`."""
    found: list[tuple[Path, str]] = []
    problems: list[Diagnostic] = []
    for given in paths:
        files, missing = expand([given], (".beleid",))
        if Path(given).is_dir() and not files:
            problems.append(diag("C005", Span(given, 1, 1), path=given))
        found += files
        problems += missing
    return each_once(found, problems)


def each_once(found: list[tuple[Path, str]], problems: list[Diagnostic]) -> tuple[list[tuple[Path, str]], list[Diagnostic]]:
    """Each file once, at its first place: a path given twice, a folder and a file in it, or a
    second name of one file (a symlink, a hard link) would decide the same providers twice."""
    first: dict[tuple[int, int], str] = {}
    unique = []
    for path, shown in found:
        try:
            status = path.stat()
        except OSError:   # gone since it was found: reading it will say so
            unique.append((path, shown))
            continue
        key = (status.st_dev, status.st_ino)
        if key in first:
            problems.append(diag("C098", Span(shown, 1, 1), path=shown, first=first[key]))
        else:
            first[key] = shown
            unique.append((path, shown))
    return unique, problems


def read_bounded(path: Path, shown: str, limit: int) -> bytes:
    """At most limit + 1 bytes: a file over the limit (an 8 GB sparse file) is refused by its
    size, never read whole into memory."""
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
        if len(data) > limit:
            size = max(os.fstat(handle.fileno()).st_size, len(data))
            raise Failed([diag("C004", Span(shown, 1, 1), size=size, limit=limit)])
    return data
