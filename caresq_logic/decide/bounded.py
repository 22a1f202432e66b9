"""clingo's grounding and solving within the command's wall-clock bound (--tijdslimiet), and
stoppable by Ctrl-C within a fraction of a second.

clingo's `ground()` cannot be interrupted from Python, but it releases the GIL: it runs in a
daemon thread while this thread waits for it in short slices, so the deadline is noticed and a
KeyboardInterrupt is raised here at once. A grounding given up on keeps its thread until the
process ends (which it does soon: the deadline has passed for all remaining work). Solving runs
asynchronously and is cancelled at the deadline.

The deadline is the command's, set once by the CLI (`start`); a call may be given an earlier one
(`until`: a library caller's `time_limit` for one policy's grounding and solving together).
"""

from __future__ import annotations

import math
import os
import sys
import threading
import time

import clingo

from ..diagnostics import Failed, Span, diag

SLICE = 0.1   # seconds between looks at the clock (and chances for Ctrl-C)

_deadline = math.inf   # time.monotonic() value; inf: no bound
_limit = math.inf      # the seconds given, for the message


_grounding: list[threading.Thread] = []   # grounding threads started, some perhaps given up on


def leave(code) -> None:
    """End the process with `code`. While a grounding given up on is still running in clingo,
    without the interpreter's shutdown: freeing clingo under it crashed (SIGSEGV after Ctrl-C)."""
    if any(thread.is_alive() for thread in _grounding):
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
        os._exit(code if isinstance(code, int) else 1)
    sys.exit(code)


def start(seconds: float) -> None:
    """The command's wall-clock bound starts now (inf, 1e18: none)."""
    global _deadline, _limit
    _limit = seconds
    _deadline = time.monotonic() + seconds if math.isfinite(seconds) else math.inf


def stop() -> None:
    """The command is over: library calls after it are bounded by their own limits only."""
    start(math.inf)


def until(limit: float = math.inf) -> tuple[float, float]:
    """(deadline, the seconds it stands for): the earlier of the command's and one of `limit`
    seconds from now. Pass it to several calls to bound them together."""
    own = time.monotonic() + limit if math.isfinite(limit) else math.inf
    return (own, limit) if own < _deadline else (_deadline, _limit)


def _expired(seconds: float, span: Span) -> Failed:
    return Failed([diag("S001", span, seconds=_shown(seconds))])


def _shown(seconds: float) -> str:
    return f"{seconds:g}"


def ground(control: clingo.Control, span: Span, programs: tuple[str, ...] = (),
           bound: tuple[float, float] | None = None) -> None:
    """Add `programs` to the base part and ground it within the deadline; Failed (S001, at
    `span`) past it. Parsing a large program is slow too, so it is done in the same thread.
    clingo's RuntimeError (a syntax or grounding error) is raised here as clingo raises it."""
    deadline, seconds = bound or until()
    if time.monotonic() >= deadline:
        raise _expired(seconds, span)
    done = threading.Event()
    failure: list[BaseException] = []

    def work() -> None:
        try:
            for text in programs:
                control.add("base", [], text)
            control.ground([("base", [])])
        except BaseException as error:   # handed to the waiting thread
            failure.append(error)
        finally:
            done.set()

    thread = threading.Thread(target=work, name="clingo-ground", daemon=True)
    thread.start()
    _grounding.append(thread)
    while not done.wait(max(0.0, min(SLICE, deadline - time.monotonic()))):
        if time.monotonic() >= deadline:
            raise _expired(seconds, span)
    if failure:
        raise failure[0]


def solve(control: clingo.Control, span: Span, bound: tuple[float, float] | None = None,
          **options) -> clingo.SolveResult:
    """`control.solve(**options)` within the deadline; Failed (S001, at `span`) past it."""
    deadline, seconds = bound or until()
    if time.monotonic() >= deadline:
        raise _expired(seconds, span)
    on_core = options.pop("on_core", None)   # clingo calls it only when solving synchronously
    with control.solve(async_=True, **options) as handle:
        # Short waits: Python sees Ctrl-C between them, so an interrupt stops the solver at once.
        while not handle.wait(max(0.0, min(SLICE, deadline - time.monotonic()))):
            if time.monotonic() >= deadline:
                handle.cancel()
                raise _expired(seconds, span)
        result = handle.get()
        if on_core is not None and result.unsatisfiable:
            on_core(handle.core())
        return result
