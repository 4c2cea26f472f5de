"""The peewee tables. Schema changes go through migrations.py, never through editing here alone."""

from __future__ import annotations

import datetime as dt

from peewee import (
    AutoField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from core.store.db import database


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Plan(BaseModel):
    """One year's plan as imported from one document."""

    id = AutoField()
    title = TextField()
    year = IntegerField(null=True)
    issuer = TextField(null=True)
    doc_number = TextField(null=True)
    issue_date = DateField(null=True)
    source_name = TextField(null=True)
    source_sha256 = CharField(max_length=64, null=True, index=True)
    imported_at = DateTimeField(default=now)
    carried_from = ForeignKeyField("self", null=True, on_delete="SET NULL", backref="carried_into")


class Node(BaseModel):
    """A section or task in a plan's tree; a node without children is a task."""

    id = AutoField()
    plan = ForeignKeyField(Plan, backref="nodes", on_delete="CASCADE")
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="CASCADE")
    position = IntegerField()
    label = TextField(default="")
    title = TextField(default="")
    text = TextField(default="")
    origin = ForeignKeyField("self", null=True, on_delete="SET NULL", backref="copies")

    class Meta:
        indexes = ((("plan", "parent", "position"), False),)


class Unit(BaseModel):
    """A unit (department) named by some plan, stored once by name."""

    id = AutoField()
    name = TextField(unique=True)


class NodeUnit(BaseModel):
    """A unit named for a node, with its role: lead, responsible or cooperating."""

    node = ForeignKeyField(Node, backref="unit_links", on_delete="CASCADE")
    unit = ForeignKeyField(Unit, backref="node_links", on_delete="CASCADE")
    role = CharField(max_length=16)
    position = IntegerField(default=0)

    class Meta:
        indexes = ((("node", "unit", "role"), True),)


class Deadline(BaseModel):
    """A deadline as printed, with its date when the text gives one."""

    node = ForeignKeyField(Node, backref="deadlines", on_delete="CASCADE")
    position = IntegerField(default=0)
    text = TextField()
    due = DateField(null=True, index=True)


class Progress(BaseModel):
    """What the clerk recorded for a task: status, 完成情况 note, completion date."""

    node = ForeignKeyField(Node, primary_key=True, backref="progress", on_delete="CASCADE")
    status = CharField(max_length=16, default="todo", index=True)
    note = TextField(default="")
    completed_on = DateField(null=True)
    updated_at = DateTimeField(default=now)


class History(BaseModel):
    """One change of a task's status or note, kept for the record."""

    id = AutoField()
    node = ForeignKeyField(Node, backref="history", on_delete="CASCADE")
    at = DateTimeField(default=now)
    field = CharField(max_length=16)  # "status", "note", "completed_on", "deferral" or "entry"
    old = TextField(null=True)
    new = TextField(null=True)
    source = TextField(null=True)  # where the change came from when not typed in: "来自X单位填报（文件名）"


class Deferral(BaseModel):
    """延期: a task's deadline moved with approval; the printed deadlines stay as they were."""

    id = AutoField()
    node = ForeignKeyField(Node, backref="deferrals", on_delete="CASCADE")
    at = DateTimeField(default=now)
    due = DateField()  # the new date the task is judged by
    reason = TextField()
    approval = TextField(default="")  # 批准人/文号, free text


class Entry(BaseModel):
    """进展: one dated progress entry of a task, with the status it had then (if given)."""

    id = AutoField()
    node = ForeignKeyField(Node, backref="entries", on_delete="CASCADE")
    day = DateField(index=True)
    text = TextField()
    status = CharField(max_length=16, null=True)
    added_at = DateTimeField(default=now)


class Evidence(BaseModel):
    """佐证材料: a file copied into the data folder, or a link."""

    id = AutoField()
    node = ForeignKeyField(Node, backref="evidence", on_delete="CASCADE")
    kind = CharField(max_length=8)  # "file" or "link"
    name = TextField()
    target = TextField()  # relative path inside the evidence folder, or the URL
    sha256 = CharField(max_length=64, null=True)
    added_at = DateTimeField(default=now)


class Setting(BaseModel):
    """Domain settings that belong with the data (e.g. the clerk's own units)."""

    key = CharField(primary_key=True)
    value = TextField()


ALL_TABLES = [Plan, Node, Unit, NodeUnit, Deadline, Progress, History, Deferral, Entry, Evidence, Setting]
