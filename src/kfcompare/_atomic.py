"""Writing outputs so that a reader never sees half a file, and nothing is lost or overwritten by mistake.

The bytes go to a temporary file beside the target and are renamed into place; on any
error the temporary file is removed and the target is left as it was. A temporary file
left by a run that was killed (``kill -9`` gives no chance to clean up) carries that run's
process id in its name, and the next write into the folder removes it once that process
is gone.

A symlink given as the output is followed: the file it points to is replaced and the link
stays. An output that is one of the run's input files, a read-only file or not a regular
file (``/dev/null``, a FIFO) is refused before any work is done.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from .errors import OutputError

#: temporary output files are ``.NAME.kfcompare-PID-RANDOM.tmp``
_TMP_NAME = re.compile(r"^\..+\.kfcompare-(\d+)-[^.]*\.tmp$")


def check_destination(path: str | Path, inputs: Iterable[str | Path] = ()) -> Path:
    """Fail before any work is done when the output cannot or must not be written there."""
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{target}: är en mapp; ge ett filnamn, till exempel {target / 'jamforelse.xlsx'}")
    real = Path(os.path.realpath(target))
    folder = real.parent
    if not folder.is_dir():
        raise OutputError(f"{target}: mappen {target.parent if str(target.parent) else '.'} finns inte")
    try:
        info = real.stat()
    except FileNotFoundError:
        return folder
    except OSError as exc:
        raise OutputError(f"{target}: kan inte skrivas: {_reason(exc)}") from None
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"{target}: är ingen vanlig fil; kfcompare skriver bara vanliga filer")
    if not info.st_mode & 0o222:
        raise OutputError(f"{target}: är skrivskyddad; ta bort skrivskyddet eller välj ett annat namn")
    for source in inputs:
        if _same_file(real, source):
            raise OutputError(f"{target}: är en av filerna som läses ({source}); välj ett annat namn för utdata")
    return folder


def _same_file(real: Path, other: str | Path) -> bool:
    try:
        return os.path.samefile(real, other)
    except OSError:
        return False


def write_atomic(path: str | Path, data: bytes | str, inputs: Iterable[str | Path] = ()) -> None:
    """Write ``data`` to ``path`` (through a symlink) all at once or not at all."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = check_destination(path, inputs)
    target = Path(os.path.realpath(path))
    remove_stale_temporaries(folder)
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.kfcompare-{os.getpid()}-", suffix=".tmp", dir=folder)
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
        raise OutputError(f"{path}: kan inte skrivas: {_reason(exc)}") from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def remove_stale_temporaries(folder: Path) -> None:
    """Remove temporary outputs in ``folder`` left by kfcompare runs that no longer run."""
    for entry in _left_by_ended_runs(folder, _TMP_NAME):
        if entry.is_file(follow_symlinks=False):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def _left_by_ended_runs(folder: str | Path, pattern: re.Pattern[str]) -> list[os.DirEntry[str]]:
    """The entries of ``folder`` named by ``pattern`` for a process id that has ended."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    return [e for e in entries if (m := pattern.match(e.name)) is not None and not process_alive(int(m.group(1)))]


def process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: alive
        return True
    return True


@contextlib.contextmanager
def workbook_lock(path: str | Path, err: TextIO | None = None) -> Iterator[None]:
    """Hold an exclusive lock on the folder of ``path`` while a workbook is read, changed and written.

    Two ``--into`` runs on one workbook would otherwise both read the old file and the
    second rename would drop the first one's update. The lock is ``flock`` on the folder
    itself (no lock file is left behind); the second run waits, and says so.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX: no lock
        yield
        return
    folder = os.path.dirname(os.path.realpath(path)) or "."
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield  # the write reports the folder's problem
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if err is not None:
                err.write(f"kfcompare: väntar på en annan kfcompare-körning som skriver i {folder}\n")
                err.flush()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "disken är full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "behörighet saknas"
    return f"systemfel {errno.errorcode.get(exc.errno or 0, exc.errno)}" if exc.errno else str(exc)


#: private temporary folders are ``kfcompare-PID-RANDOM`` in the system's temporary folder
_TMP_FOLDER = re.compile(r"^kfcompare-(\d+)-[A-Za-z0-9_]+$")


@contextlib.contextmanager
def private_tempdir() -> Iterator[str]:
    """A folder only this user can read, for the files a workbook is built from; removed after.

    xlsxwriter writes each sheet to a temporary file before zipping; in this folder they
    go away with it, also on Ctrl-C. A folder left by a killed run is removed by the next.
    """
    remove_stale_tempdirs()
    path = tempfile.mkdtemp(prefix=f"kfcompare-{os.getpid()}-")
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def remove_stale_tempdirs(root: str | None = None) -> None:
    """Remove this user's private folders left in the temporary folder by runs that were killed."""
    for entry in _left_by_ended_runs(root or tempfile.gettempdir(), _TMP_FOLDER):
        with contextlib.suppress(OSError):
            if entry.is_dir(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_uid == os.getuid():
                shutil.rmtree(entry.path, ignore_errors=True)
