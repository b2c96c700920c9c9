"""SIGTERM and SIGHUP stop a dataset run the way Ctrl-C does.

Their default action kills the process on the spot: no ``finally`` runs, so worker processes keep
their models in memory for nobody and half-written files stay. Turned into
:class:`~redactkit.errors.RunInterrupted` (a ``KeyboardInterrupt``), they unwind the run like Ctrl-C.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from typing import Any

from .errors import RunInterrupted

__all__ = ["stop_on_signals"]


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into :class:`RunInterrupted` while a run goes, so that they clean up
    like Ctrl-C (the default action would kill this process and leave the workers running).

    Only handlers left at their default are replaced (an application's own handlers win), and only
    in the main thread, where Python runs signal handlers.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    replaced: dict[int, Any] = {}

    def stop(signum: int, frame: Any) -> None:
        for other in replaced:  # a second signal must not cut the clean-up short
            signal.signal(other, signal.SIG_IGN)
        raise RunInterrupted(signum)

    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None and signal.getsignal(signum) is signal.SIG_DFL:
            replaced[signum] = signal.signal(signum, stop)
    try:
        yield
    finally:
        for signum, handler in replaced.items():
            signal.signal(signum, handler)
