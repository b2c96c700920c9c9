"""An exclusive lock on one redaction output, so two runs never write the same file or folder.

Two runs on the same output would delete each other's ``.partial`` files and interleave their
reports. The lock is an OS advisory lock (``flock``) on a small file: for a folder
``OUTPUT/_redactkit/run.lock``, for a file ``.<name>.lock`` beside it. The kernel drops the lock when
its process dies, however it dies (SIGKILL, OOM killer, power cut), so a lock file left behind by a
dead run never blocks the next one; the file only tells a refused run who holds the lock.
Where ``flock`` does not exist, the file is created exclusively and a lock whose process is gone is
taken over.
"""

from __future__ import annotations

import contextlib
import os
import socket
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from ..errors import DataError

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX
    fcntl = None  # type: ignore[assignment]

__all__ = ["OutputLock"]


class OutputLock:
    """Hold ``path`` exclusively for the output ``output`` (named in the refusal).

    ``cleanup`` lists folders the caller created for the run; they are removed on release when
    nothing but the lock was ever put in them.
    """

    def __init__(self, path: Path, output: Path, *, cleanup: tuple[Path, ...] = ()) -> None:
        self.path = path
        self.output = output
        self.cleanup = cleanup
        self._fd: int | None = None

    def __enter__(self) -> OutputLock:
        if self._fd is None:
            self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()

    def acquire(self) -> None:
        for _ in range(100):  # only a holder that keeps unlinking the file between our calls loops
            fd = self._open()
            if fd is None:
                continue
            self._fd = fd
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
                os.write(fd, _holder_line().encode())
            return
        raise DataError(f"output {self.output}: could not take the lock {self.path}; try again")

    def _open(self) -> int | None:
        """The locked descriptor, or None to retry; raises DataError if another run holds it."""
        if fcntl is None:  # pragma: no cover - not on POSIX
            return self._open_exclusive()
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read(fd)
            os.close(fd)
            raise self._refusal(holder) from None
        # A finishing holder unlinks the file before it lets go: if we locked an unlinked file,
        # the lock protects nothing, so open the path again.
        try:
            same = os.stat(self.path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if not same:
            os.close(fd)
            return None
        return fd

    def _open_exclusive(self) -> int | None:  # pragma: no cover - not on POSIX
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = self.path.read_text(encoding="utf-8", errors="replace")
            if _pid_alive(holder):
                raise self._refusal(holder) from None
            self.path.unlink(missing_ok=True)  # stale: its process is gone
            return None

    def _refusal(self, holder: str) -> DataError:
        who = holder.strip() or "a run that has not written its pid yet"
        return DataError(
            f"output {self.output} is locked by another redactkit run ({who}; lock file {self.path}); "
            "wait for it to finish or stop it, then run again"
        )

    def release(self) -> None:
        if self._fd is None:
            return
        # unlink while still holding it: a run that opened the old file sees it is gone and retries
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(self._fd)
        self._fd = None
        for folder in self.cleanup:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only if empty


def _holder_line() -> str:
    started = datetime.now(UTC).isoformat(timespec="seconds")
    return f"pid {os.getpid()} on {socket.gethostname()} since {started}\n"


def _read(fd: int) -> str:
    try:
        return os.pread(fd, 200, 0).decode("utf-8", errors="replace")
    except OSError:
        return ""


def _pid_alive(holder: str) -> bool:  # pragma: no cover - not on POSIX
    words = holder.split()
    if len(words) < 2 or words[0] != "pid" or not words[1].isdigit():
        return False
    try:
        os.kill(int(words[1]), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
