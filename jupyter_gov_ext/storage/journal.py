"""The write journal: what an interrupted write had changed, so that it can be undone.

Before a write touches the work tree, the old bytes of every file it will change are saved in
`.git/jupyter-gov-journal.json` (fsynced). The journal is removed once the commit is made or the
write is rolled back. A journal that is still there when the next writer (or the next server start)
holds the repo's write lock belongs to a writer that died mid-write (power loss, OOM kill,
kill -9): the lock is an flock, which the kernel releases when its holder dies. Recovery then
finishes the write if its commit landed, and otherwise puts every file back as it was. It lives in
`.git/`, never in the work tree, so it is never committed nor listed as a record.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

NAME = "jupyter-gov-journal.json"


@dataclass(frozen=True)
class Entry:
    head: str | None  # HEAD before the write
    message: str  # the commit message the write was making
    backups: dict[str, bytes | None]  # repo-relative path -> old bytes (None: did not exist)


def write(git_dir: Path, entry: Entry) -> None:
    data = {
        "pid": os.getpid(),
        "head": entry.head,
        "message": entry.message,
        "backups": {
            rel: None if old is None else base64.b64encode(old).decode("ascii")
            for rel, old in entry.backups.items()
        },
    }
    fd, tmp = tempfile.mkstemp(prefix=".gov-journal-", dir=git_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, git_dir / NAME)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def read(git_dir: Path) -> Entry | None:
    """The journal left by an interrupted write; None if there is none (or it is unreadable)."""
    try:
        data = json.loads((git_dir / NAME).read_text(encoding="utf-8"))
        backups = {
            str(rel): None if old is None else base64.b64decode(old)
            for rel, old in data["backups"].items()
        }
        return Entry(data.get("head"), str(data.get("message", "")), backups)
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError, AttributeError):
        # Torn while being written: the write had not touched the work tree yet.
        clear(git_dir)
        return None


def exists(git_dir: Path) -> bool:
    return (git_dir / NAME).exists()


def clear(git_dir: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        (git_dir / NAME).unlink()
