"""PlanService's care of the database file: backups, restoring one, and the idle checkpoint.

A mixin only to keep service.py short; everything here is reached as a PlanService method.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from core.domain.records import PLANS, Change
from core.errors import StoreError
from core.messages import Notice
from core.store import backup, health, migrations, plans
from core.store.db import checkpoint_if_reachable
from core.store.window_lock import window_pid


class PlanBackups:
    """Mixed into PlanService; relies on its db, db_path, warnings and _unflushed/_last_write."""

    def _has_data(self) -> bool:
        return plans.any_plan()

    def backup_now(self, reason: str = "manual", protect: Iterable[Path] = ()) -> Path:
        """A backup of the current state; never of a file whose opening check has not passed, whose
        copy would rotate a good backup away."""
        self.opening.before_write()
        return backup.make_backup(self.db.connection(), self.db_path, reason, protect=protect)

    def backups(self) -> list[backup.BackupInfo]:
        return backup.list_backups(self.db_path)

    @staticmethod
    def backups_of(db_path: Path, with_counts: bool = True) -> list[backup.BackupInfo]:
        """Backups of a database that may not even open (start-up recovery offers them)."""
        return backup.list_backups(Path(db_path), with_counts)

    @staticmethod
    def backup_folder(db_path: Path) -> Path:
        """Where the backups of a database are kept."""
        return backup.backup_dir(Path(db_path))

    @staticmethod
    def check_restorable(db_path: Path, backup_path: Path) -> None:
        """Refuse a restore before anything is touched: a window has the database open (it would go
        on showing, and writing, the data being replaced), or the file is no intact backup."""
        if window_pid(Path(db_path)) is not None:
            raise StoreError("db_open_in_window", path=str(db_path))
        backup.verify_backup(Path(backup_path), max_version=migrations.LATEST)

    @staticmethod
    def check_database(db_path: Path) -> list[Notice]:
        """What is wrong with a database file (health_* codes), read without changing it (empty: intact)."""
        return health.check_database(Path(db_path))

    @staticmethod
    def replace_with_backup(db_path: Path, backup_path: Path) -> Path | None:
        """Put a backup where a database that will not open is; returns where that file was kept."""
        return backup.replace_with_backup(Path(db_path), Path(backup_path), max_version=migrations.LATEST)

    def restore_backup(self, path: Path, initiator: object = None) -> Change:
        """Replace the data with a backup's, after backing up the current state.

        A file that is not an intact Taizhang database is refused before anything is touched;
        the backup of the current state never rotates away the file being restored. Every plan
        may have changed: the Change names none (`plan_id` None) and says the plan list changed;
        `result` is the backup restored.
        """
        path = Path(path)
        self.opening.before_write()
        backup.verify_backup(path, max_version=migrations.LATEST)
        if backup.restore_copy_of(self.db_path) is None:  # this state is not saved by an earlier restore
            self.backup_now("restore", protect=[path])
        backup.restore_into(self.db.connection(), path, max_version=migrations.LATEST, target_path=self.db_path)
        self._wrote()
        migrations.migrate(self.db, self.db_path)
        return Change(plan_id=None, fields={PLANS}, initiator=initiator, result=path)

    def checkpoint_if_idle(self, idle: float = 1.0) -> bool:
        """Once no write came for `idle` seconds, make the main file hold every committed edit.

        The window calls this from a timer after each action, off the edit's own path, so that a
        copy of taizhang.sqlite3 alone (without its -wal) is never missing acknowledged work.
        True when a checkpoint completed.
        """
        if not self._unflushed or time.monotonic() - self._last_write < idle or not self.opening.passed:
            return False  # a checkpoint writes the main file: not before the opening check passed
        done = checkpoint_if_reachable(self.db)  # the file away or busy: False, the next tick tries again
        self._unflushed = not done
        return done

    def _wrote(self) -> None:
        self._unflushed, self._last_write = True, time.monotonic()
