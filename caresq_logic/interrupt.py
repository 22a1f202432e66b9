"""Ctrl-C for the console command: a clean one-line message (S010) and exit 130, never a
traceback and never typer's silent exit. Long clingo work waits in short slices
(`decide.bounded`), so the interrupt is raised within a fraction of a second."""

from __future__ import annotations

import signal
import sys


class Interrupted(BaseException):
    """Ctrl-C, raised past typer (which turns a KeyboardInterrupt into a silent exit 130) and
    past every `except Exception`."""


def _interrupt(signum, frame) -> None:
    raise Interrupted


def install() -> None:
    """Raise `Interrupted` on SIGINT; not when it is ignored (a background job of a shell)."""
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _interrupt)


def language() -> str:
    """The run's language for a message outside any command: --taal as given."""
    args = sys.argv
    return "en" if "--taal=en" in args or ("--taal", "en") in zip(args, args[1:]) else "nl"
