"""Numbered schema steps on PRAGMA user_version; each runs in one transaction.

A step is appended, never edited, once released. Before upgrading a database that already
holds data, a copy is taken beside it through SQLite's online backup API.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import StoreError
from core.store.identity import APPLICATION_ID

if TYPE_CHECKING:  # only a type here: LATEST is read before peewee is loaded (core/service/first_look.py)
    from peewee import SqliteDatabase

# Each step's DDL is written out, not derived from the models, so that an old step keeps
# creating exactly the schema it once did; tests check the end result matches the models.
V1 = [
    'CREATE TABLE "deadline" ("id" INTEGER NOT NULL PRIMARY KEY, "node_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "text" TEXT NOT NULL, "due" DATE, FOREIGN KEY ("node_id") REFERENCES "node" ("id") ON DELETE CASCADE)',
    'CREATE TABLE "evidence" ("id" INTEGER NOT NULL PRIMARY KEY, "node_id" INTEGER NOT NULL, "kind" VARCHAR(8) NOT NULL, "name" TEXT NOT NULL, "target" TEXT NOT NULL, "sha256" VARCHAR(64), "added_at" DATETIME NOT NULL, FOREIGN KEY ("node_id") REFERENCES "node" ("id") ON DELETE CASCADE)',
    'CREATE TABLE "history" ("id" INTEGER NOT NULL PRIMARY KEY, "node_id" INTEGER NOT NULL, "at" DATETIME NOT NULL, "field" VARCHAR(16) NOT NULL, "old" TEXT, "new" TEXT, FOREIGN KEY ("node_id") REFERENCES "node" ("id") ON DELETE CASCADE)',
    'CREATE TABLE "node" ("id" INTEGER NOT NULL PRIMARY KEY, "plan_id" INTEGER NOT NULL, "parent_id" INTEGER, "position" INTEGER NOT NULL, "label" TEXT NOT NULL, "title" TEXT NOT NULL, "text" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE, FOREIGN KEY ("parent_id") REFERENCES "node" ("id") ON DELETE CASCADE)',
    'CREATE TABLE "node_unit" ("id" INTEGER NOT NULL PRIMARY KEY, "node_id" INTEGER NOT NULL, "unit_id" INTEGER NOT NULL, "role" VARCHAR(16) NOT NULL, "position" INTEGER NOT NULL, FOREIGN KEY ("node_id") REFERENCES "node" ("id") ON DELETE CASCADE, FOREIGN KEY ("unit_id") REFERENCES "unit" ("id") ON DELETE CASCADE)',
    'CREATE TABLE "plan" ("id" INTEGER NOT NULL PRIMARY KEY, "title" TEXT NOT NULL, "year" INTEGER, "issuer" TEXT, "doc_number" TEXT, "issue_date" DATE, "source_name" TEXT, "source_sha256" VARCHAR(64), "imported_at" DATETIME NOT NULL)',
    'CREATE TABLE "progress" ("node_id" INTEGER NOT NULL PRIMARY KEY, "status" VARCHAR(16) NOT NULL, "note" TEXT NOT NULL, "completed_on" DATE, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("node_id") REFERENCES "node" ("id") ON DELETE CASCADE)',
    'CREATE TABLE "setting" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)',
    'CREATE TABLE "unit" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL)',
    'CREATE INDEX "plan_source_sha256" ON "plan" ("source_sha256")',
    'CREATE INDEX "node_plan_id" ON "node" ("plan_id")',
    'CREATE INDEX "node_parent_id" ON "node" ("parent_id")',
    'CREATE INDEX "node_plan_id_parent_id_position" ON "node" ("plan_id", "parent_id", "position")',
    'CREATE INDEX "deadline_node_id" ON "deadline" ("node_id")',
    'CREATE INDEX "deadline_due" ON "deadline" ("due")',
    'CREATE INDEX "evidence_node_id" ON "evidence" ("node_id")',
    'CREATE INDEX "history_node_id" ON "history" ("node_id")',
    'CREATE UNIQUE INDEX "unit_name" ON "unit" ("name")',
    'CREATE INDEX "node_unit_node_id" ON "node_unit" ("node_id")',
    'CREATE INDEX "node_unit_unit_id" ON "node_unit" ("unit_id")',
    'CREATE UNIQUE INDEX "node_unit_node_id_unit_id_role" ON "node_unit" ("node_id", "unit_id", "role")',
    'CREATE INDEX "progress_status" ON "progress" ("status")',
]

V2 = [  # carrying unfinished tasks into a new plan remembers where they came from
    'ALTER TABLE "plan" ADD COLUMN "carried_from_id" INTEGER REFERENCES "plan" ("id") ON DELETE SET NULL',
    'ALTER TABLE "node" ADD COLUMN "origin_id" INTEGER REFERENCES "node" ("id") ON DELETE SET NULL',
    'CREATE INDEX "node_origin_id" ON "node" ("origin_id")',
    'CREATE INDEX "plan_carried_from_id" ON "plan" ("carried_from_id")',
]

# The header's application_id marks the file as Taizhang's (identity.py), so that another
# program's SQLite file is never mistaken for ours and written to.
V3 = [f"PRAGMA application_id = {APPLICATION_ID}"]

V4 = [  # 延期 and dated 进展 entries; history says where a change came from (a unit's returned 台账)
    'CREATE TABLE "deferral" ("id" INTEGER NOT NULL PRIMARY KEY, "node_id" INTEGER NOT NULL, "at" DATETIME NOT NULL, "due" DATE NOT NULL, "reason" TEXT NOT NULL, "approval" TEXT NOT NULL, FOREIGN KEY ("node_id") REFERENCES "node" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "deferral_node_id" ON "deferral" ("node_id")',
    'CREATE TABLE "entry" ("id" INTEGER NOT NULL PRIMARY KEY, "node_id" INTEGER NOT NULL, "day" DATE NOT NULL, "text" TEXT NOT NULL, "status" VARCHAR(16), "added_at" DATETIME NOT NULL, FOREIGN KEY ("node_id") REFERENCES "node" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "entry_node_id" ON "entry" ("node_id")',
    'CREATE INDEX "entry_day" ON "entry" ("day")',
    'ALTER TABLE "history" ADD COLUMN "source" TEXT',
]


V5 = [  # each task's newest 进展 is one index seek, so a year of monthly entries costs the tree nothing
    'CREATE INDEX "entry_node_id_day_id" ON "entry" ("node_id", "day", "id")',
    'DROP INDEX "entry_node_id"',  # the new index starts with node_id: lookups and cascades use it
]


def _run(statements: list[str]) -> Callable[[SqliteDatabase], None]:
    def step(db: SqliteDatabase) -> None:
        for sql in statements:
            db.execute_sql(sql)

    return step


MIGRATIONS: list[Callable[[SqliteDatabase], None]] = [_run(V1), _run(V2), _run(V3), _run(V4), _run(V5)]
LATEST = len(MIGRATIONS)
# The oldest version whose tables and columns the current queries read unchanged: a database that
# cannot be upgraded (on a read-only medium) is still readable from this version on. Every tree
# read joins the 延期 and 进展 tables of version 4.
READABLE_FROM = 4


def schema_version(db: SqliteDatabase) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def _has_tables(db: SqliteDatabase) -> bool:
    row = db.execute_sql("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()
    return bool(row[0])


def migrate(db: SqliteDatabase, path: Path | None = None) -> int:
    """Bring the schema up to LATEST; refuses foreign databases and ones newer than the app."""
    current = schema_version(db)
    if current > LATEST:
        raise StoreError("db_too_new", found=current, supported=LATEST)
    if current == 0 and _has_tables(db):
        raise StoreError("db_not_taizhang", path=str(path or ""))
    if current and current < LATEST and path is not None:
        from core.store.backup import make_backup  # hashlib and the backup code: only for an upgrade

        make_backup(db.connection(), path, "migration")
    for version in range(current + 1, LATEST + 1):
        with db.atomic():
            MIGRATIONS[version - 1](db)
            db.execute_sql(f"PRAGMA user_version = {version}")
    return LATEST
