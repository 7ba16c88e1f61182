"""The one way prep writes a file: whole or not at all, and private unless said otherwise.

Every file prep writes — snapshots, backups, exports, calendars, briefs, settings,
starter checklists, the schema — goes through `write_file`: a temporary file in the
same folder, fsync, rename over the target, fsync of the folder. A full disk or a
kill leaves the old file as it was, never a truncated one. The mode is set on the
open file, so the umask cannot widen (or narrow) it.

A caller's `fix` (what the rep should do when a write fails) is marked `N_("…")` where it
is written and translated here, where it becomes part of the message.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from prep.errors import PrepError
from prep.language import N_, _

PRIVATE = 0o600  # anything with customer notes
SHARED = 0o644  # files a trainer hands out (starter checklists, the schema)
PRIVATE_FOLDER = 0o700
# A folder prep may not write (its permissions, a disk mounted read-only): more space would not help.
NOT_ALLOWED = {errno.EACCES, errno.EPERM, errno.EROFS}

Content = str | bytes | Callable[[BinaryIO], None]


def write_file(path: Path, content: Content, *, mode: int = PRIVATE, fix: str = N_("choose another file")) -> None:
    """Write `content` (text, bytes, or a function that writes to a binary handle) to `path` atomically.

    Raises PrepError naming the file and what to do; the old file, if any, is untouched then.
    """
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))  # write where the link points, and keep the link
    if path.exists() and not path.is_file():
        if stat.S_ISCHR(path.stat().st_mode) or stat.S_ISFIFO(path.stat().st_mode):
            _write_through(path, content, fix)  # /dev/stdout, a pipe: nothing to replace
            return
        raise PrepError(_("{path}: not a file prep can write (a folder or a device); {fix}").format(path=path, fix=_(fix)))
    folder = path.parent
    temp = folder / f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        try:
            os.fchmod(fd, mode)
            with os.fdopen(fd, "wb", closefd=False) as handle:
                if callable(content):
                    content(handle)
                else:
                    handle.write(content.encode() if isinstance(content, str) else content)
                handle.flush()
                os.fsync(handle.fileno())
        finally:
            os.close(fd)
        os.replace(temp, path)
        fsync_folder(folder)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise PrepError(cannot_write(path, error, folder, fix)) from None


def _write_through(path: Path, content: Content, fix: str) -> None:
    try:
        with open(path, "wb") as handle:
            if callable(content):
                content(handle)
            else:
                handle.write(content.encode() if isinstance(content, str) else content)
    except OSError as error:
        raise PrepError(cannot_write(path, error, path.parent, fix)) from None


def cannot_write(path: Path, error: OSError, folder: Path, fix: str) -> str:
    """The message for a write to `path` that failed: the file, the system's reason, what to do."""
    return _("{path}: cannot write ({problem}); {fix}").format(
        path=path, problem=error.strerror, fix=what_to_do(error, folder, fix))


def what_to_do(error: OSError, folder: Path, fix: str) -> str:
    """The caller's advice for a failed write, translated; where prep may not write at all, the permissions are the fix."""
    if error.errno in NOT_ALLOWED:
        return _("prep may not write in {folder}: check its permissions, or whether its disk is mounted read-only").format(
            folder=folder)
    return _(fix)


def read_ordinary(path: Path) -> bytes:
    """The bytes of an ordinary file; OSError for a device, a pipe or a folder, which could hang or never end."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not an ordinary file")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)


def private_folder(folder: Path, *, fix: str = N_("choose another folder")) -> Path:
    """Create `folder` and any missing parents as 0700, whatever the umask; return it."""
    folder = Path(folder)
    missing = []
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            break
        missing.append(candidate)
    for candidate in reversed(missing):
        try:
            candidate.mkdir(mode=PRIVATE_FOLDER)
            os.chmod(candidate, PRIVATE_FOLDER)
        except FileExistsError:
            pass  # another running copy made it at the same moment: fine
        except OSError as error:
            raise PrepError(_("{path}: cannot create the folder ({problem}); {fix}").format(
                path=candidate, problem=error.strerror, fix=_(fix))) from None
    return folder


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file in `folder` survive a power cut."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
