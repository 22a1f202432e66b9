"""Two pieces of clingo work at once, on two cores: one in this process, one in a forked child.

Threads do not help here: clingo interns every symbol in one process-wide table behind one lock
(potassco/clingo#613), so two controls grounding in two threads of one process wait on each
other (measured: slower than one thread). A forked child has its own copy of everything
(copy-on-write: the fork itself costs a few milliseconds) and sends back its result pickled
through a pipe. An exception in the child (`Failed`: the time limit, a grounding error) is raised
here as it was raised there. Where there is no `os.fork` (Windows), or the child died without a
word, the two pieces run one after the other.
"""

from __future__ import annotations

import os
import pickle
import signal
import warnings
from typing import Callable, TypeVar

A = TypeVar("A")
B = TypeVar("B")


def beside(here: Callable[[], A], there: Callable[[], B]) -> tuple[A, B]:
    """(here(), there()), with `there` run in a forked child while `here` runs in this process."""
    if not hasattr(os, "fork"):
        return here(), there()
    reading, writing = os.pipe()
    with warnings.catch_warnings():
        # Python 3.12+ warns of forking a process with threads (pyarrow's idle pool, clingo's
        # finished grounding threads): the child uses none of them, nor any lock they hold.
        warnings.simplefilter("ignore", DeprecationWarning)
        child = os.fork()
    if child == 0:   # the child: do the work, send it, and leave without the parent's clean-up
        os.close(reading)
        try:
            try:
                payload = pickle.dumps((True, there()), pickle.HIGHEST_PROTOCOL)
            except BaseException as error:   # handed to the parent, which raises it
                payload = pickle.dumps((False, error), pickle.HIGHEST_PROTOCOL)
            with os.fdopen(writing, "wb") as pipe:
                pipe.write(payload)
        finally:
            os._exit(0)
    os.close(writing)
    with os.fdopen(reading, "rb") as pipe:
        reaped = False
        try:
            result = here()
            payload = pipe.read()
            os.waitpid(child, 0)
            reaped = True
        finally:
            if not reaped:   # an exception here (Ctrl-C, the time limit): the child's work is not wanted
                os.kill(child, signal.SIGKILL)
                os.waitpid(child, 0)
    if not payload:   # the child was killed from outside (out of memory?): its work done here instead
        return result, there()
    ok, value = pickle.loads(payload)
    if not ok:
        raise value
    return result, value
