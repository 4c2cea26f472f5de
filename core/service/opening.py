"""What a session owes the file before its first write: the full integrity check, then today's backup.

The CLI and the tests run both while opening. The window opens without them, so the clerk's tree
is on screen as fast as a bare Qt window, and runs them on a worker thread after the first paint:
`finish` (any thread, its own connections) does the work, and `before_write` (every write of the
service) waits for the check, or runs it itself if nobody started it, and refuses to write on a
file that failed it. Nothing is written to a file before it passed, so no damage is built upon.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from core.errors import StoreError
from core.store import backup
from core.store.identity import connect_readonly
from core.store.safety import check_integrity, store_error


class OpeningChecks:
    """The check and backup owed by one open database; `pending` when the opening left them for later."""

    def __init__(self, db_path: Path, pending: bool) -> None:
        self.db_path = Path(db_path)
        self._checked = not pending
        self._backed_up = not pending
        self.error: StoreError | None = None
        self._check_lock = threading.Lock()
        self._busy = threading.Lock()  # held through `finish`, so closing waits for its backup

    @property
    def passed(self) -> bool:
        """The check has run and found the file intact (always, for a session that checked on opening)."""
        return self._checked and self.error is None

    @property
    def done(self) -> bool:
        return self._checked and self._backed_up

    def check(self) -> StoreError | None:
        """Run the full check once (waiting for a run already under way); the error it found, if any."""
        with self._check_lock:
            if not self._checked:
                try:
                    check_integrity(self.db_path)
                except StoreError as err:
                    self.error = err
                self._checked = True
        return self.error

    def before_write(self) -> None:
        """Raise the check's StoreError rather than write on a damaged file; waits for the check."""
        if not self._checked:
            self.check()
        if self.error is not None:
            raise self.error

    def finish(self) -> tuple[StoreError | None, list[StoreError]]:
        """The check, then today's backup if the file passed: (what makes the file unsafe, warnings).

        A backup that cannot be written (disk full, read-only stick) is a warning: the database is
        open anyway, as when the backup ran while opening.
        """
        with self._busy:
            error = self.check()
            warnings: list[StoreError] = []
            if error is None and not self._backed_up:
                warnings = daily_backup(self.db_path)
            self._backed_up = True
            return error, warnings

    def wait(self) -> None:
        """Until a `finish` under way has ended (the service closes only then)."""
        with self._busy:
            pass


def daily_backup(db_path: Path, source=None) -> list[StoreError]:
    """Today's backup, through `source` (a sqlite3 connection) or a read-only connection of its own."""
    try:
        con = source if source is not None else connect_readonly(db_path)
    except (OSError, sqlite3.Error) as exc:
        return [store_error(exc, db_path)]
    try:
        backup.make_daily_backup(con, db_path)
    except StoreError as err:  # no space, read-only stick: say so once, and open anyway
        return [err]
    finally:
        if source is None:
            con.close()
    return []
