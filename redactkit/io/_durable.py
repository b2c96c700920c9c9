"""Durable atomic replacement: a file appears under its final name only complete, and stays there.

``os.replace`` is atomic, but without ``fsync`` a power cut shortly after it can leave the final
name pointing at a file whose data never reached the disk (zero length on ext4 with delayed
allocation), or undo the rename itself. So: fsync the finished temporary file, rename, fsync the
folder that holds the new name.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

__all__ = ["fsync_dir", "fsync_file", "replace_durably", "write_text_durably"]


def fsync_file(path: Path) -> None:
    """Flush ``path``'s data and metadata to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Flush a folder's entries (a rename or a new file in it) to the disk, where the OS allows."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # pragma: no cover - Windows cannot open folders
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse fsync on folders
        pass
    finally:
        os.close(fd)


def replace_durably(temporary: Path, final: Path) -> None:
    """Move the complete ``temporary`` to ``final``: fsync it, rename it, fsync the folder."""
    fsync_file(temporary)
    os.replace(temporary, final)
    fsync_dir(final.parent)


def write_text_durably(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically and durably (``.<name>.<pid>.partial`` first)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        with temporary.open("w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
        fsync_dir(path.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
