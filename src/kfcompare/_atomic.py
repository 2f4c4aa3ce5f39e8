"""Writing outputs so that a reader never sees half a file.

The bytes go to a temporary file beside the target and are renamed into place; on any
error the temporary file is removed and the target is left as it was.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from .errors import OutputError


def check_destination(path: str | Path) -> Path:
    """Fail before any work is done when the output cannot possibly be written there."""
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{target}: is a directory; give a file name such as {target / 'jamforelse.xlsx'}")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{target}: folder {folder} does not exist")
    return folder


def write_atomic(path: str | Path, data: bytes | str) -> None:
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = check_destination(target)
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp_name, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {_reason(exc)}") from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied"
    return exc.strerror or str(exc)
