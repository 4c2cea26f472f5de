"""One window per database: a QLockFile beside the database file.

A second start on the same database says so and shows nothing else, instead of racing the
first window. A lock left by a crash on this computer is taken over (QLockFile sees that its
process is gone); one from another computer (a shared folder, a USB stick moved after a crash)
is taken over only when the clerk says that computer no longer has it open.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QSysInfo
from PySide6.QtWidgets import QMessageBox, QWidget

_held: dict[Path, DatabaseLock] = {}
translate = QCoreApplication.translate


def lock_path(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + ".lock")


class DatabaseLock:
    """The lock of one database file; `acquire()` is False while another window holds it."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self.lock = QLockFile(str(lock_path(db_path)))
        # Stale only when its process is gone: a window may stay open for weeks, and Qt's default
        # (30 s without touching the file) would hand a live window's database to a second one.
        self.lock.setStaleLockTime(0)

    def acquire(self) -> bool:
        """Lock; False only when another window holds the lock.

        A missing folder is not made here: opening the database says it is missing (a USB stick
        not plugged in), and `lock_again` takes the lock once the database did open.
        """
        if self.lock.tryLock(0):
            return True
        # A lock that cannot be written (read-only folder): opening the database reports that itself.
        return self.lock.error() != QLockFile.LockError.LockFailedError

    def holder(self) -> tuple[int, str, str] | None:
        """(pid, computer, program) of the window holding the lock, if it can be read."""
        found = self.lock.getLockInfo()
        return tuple(found) if found else None

    def held_elsewhere(self) -> bool:
        """True when the holder is on another computer, so Qt cannot tell whether it still runs."""
        holder = self.holder()
        return bool(holder and holder[1] and holder[1] != QSysInfo.machineHostName())

    def take_over(self) -> bool:
        """Remove a lock the clerk says is left over, then lock."""
        self.lock.removeStaleLockFile()
        return self.acquire()

    def release(self) -> None:
        if self.lock.isLocked():
            self.lock.unlock()


def claim(db_path: Path, parent: QWidget | None = None) -> bool:
    """Lock `db_path` for this window, or tell the clerk it is open elsewhere. True when locked."""
    db_path = Path(db_path).resolve()
    if db_path in _held:
        return True
    lock = DatabaseLock(db_path)
    if lock.acquire() or (lock.held_elsewhere() and _take_over_asked(lock, parent) and lock.take_over()):
        _held[db_path] = lock
        return True
    if not lock.held_elsewhere():
        text = translate("SingleInstance", "This database is already open in another Taizhang window:\n%1\n\n"
                                           "Switch to that window (see the taskbar).")
        QMessageBox.information(parent, translate("SingleInstance", "Taizhang"), text.replace("%1", str(db_path)))
    return False


def lock_again(db_path: Path) -> None:
    """Take the lock that could not be written at claim() time (its folder was missing then)."""
    lock = _held.get(Path(db_path).resolve())
    if lock is not None and not lock.lock.isLocked():
        lock.lock.tryLock(0)


def release(db_path: Path | None = None) -> None:
    """Let go of one database's lock, or of every lock this process holds."""
    for path in [Path(db_path).resolve()] if db_path is not None else list(_held):
        lock = _held.pop(path, None)
        if lock is not None:
            lock.release()


def _take_over_asked(lock: DatabaseLock, parent: QWidget | None) -> bool:
    computer = (lock.holder() or (0, "", ""))[1]
    text = translate("SingleInstance", "This database is marked as open on the computer “%1”:\n%2\n\n"
                                       "If Taizhang is still open there, close it first: two windows on one "
                                       "database can overwrite each other's changes. If that computer is off or "
                                       "the program crashed there, you can open it here.")
    box = QMessageBox(QMessageBox.Icon.Warning, translate("SingleInstance", "Database in use"),
                      text.replace("%1", computer).replace("%2", str(lock.db_path)), parent=parent)
    open_here = box.addButton(translate("SingleInstance", "Open it here"), QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton(translate("SingleInstance", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(quit_button)
    box.exec()
    return box.clickedButton() is open_here
