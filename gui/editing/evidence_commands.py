"""Undo commands for 佐证材料: attaching a file or a link, and removing one.

A removed copy waits in the evidence folder's trash (core/store/evidence.py), so undoing a removal
brings back the very file; the trash is emptied when the window next opens, when no undo stack
can want it. Redo after undoing an attachment restores the same record rather than copying the
original again (the clerk may have moved it since).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from core.domain.records import Change
from gui.editing.commands import EditContext, _Command

translate = QCoreApplication.translate


class _EvidenceCommand(_Command):
    """Keeps the record's id and, while it is removed, the row that puts it back."""

    def __init__(self, ctx: EditContext, text: str, initiator: object = None) -> None:
        super().__init__(ctx, text, initiator)
        self.evidence_id: int | None = None
        self.snapshot: dict | None = None

    def _remove(self) -> Change:
        change = self.ctx.service.remove_evidence(self.evidence_id, initiator=self.initiator())
        self.snapshot = change.before
        return change

    def _restore(self) -> Change:
        change = self.ctx.service.restore_evidence(self.snapshot, initiator=self.initiator())
        self.snapshot = None
        return change


class _AttachCommand(_EvidenceCommand):
    """Makes the record on the first run; undo removes it, redo puts that same record back."""

    def _make(self, initiator: object) -> Change:
        raise NotImplementedError

    def _attach(self) -> Change:
        change = self._make(self.initiator())
        self.evidence_id = change.result.id
        return change

    def redo(self) -> None:
        self._run(self._attach if self.evidence_id is None else self._restore)

    def undo(self) -> None:
        self._run(self._remove)


class AttachFileCommand(_AttachCommand):
    """Copy a file in as a task's supporting material; undo removes the copy to the trash."""

    def __init__(self, ctx: EditContext, node_id: int, path: Path, initiator: object = None) -> None:
        super().__init__(ctx, translate("Commands", "Attach “%1”").replace("%1", Path(path).name), initiator)
        self.node_id, self.path = node_id, Path(path)

    def _make(self, initiator: object) -> Change:
        return self.ctx.service.attach_file(self.node_id, self.path, initiator=initiator)


class AttachLinkCommand(_AttachCommand):
    """Record a link to a published page; undo removes it."""

    def __init__(self, ctx: EditContext, node_id: int, url: str, initiator: object = None) -> None:
        super().__init__(ctx, translate("Commands", "Add link"), initiator)
        self.node_id, self.url = node_id, url

    def _make(self, initiator: object) -> Change:
        return self.ctx.service.attach_link(self.node_id, self.url, initiator=initiator)


class RemoveEvidenceCommand(_EvidenceCommand):
    """Remove a file or link; undo puts the record, and the file from the trash, back."""

    def __init__(self, ctx: EditContext, evidence_id: int, name: str, initiator: object = None) -> None:
        super().__init__(ctx, translate("Commands", "Remove “%1”").replace("%1", name), initiator)
        self.evidence_id = evidence_id

    def redo(self) -> None:
        self._run(self._remove)

    def undo(self) -> None:
        self._run(self._restore)
