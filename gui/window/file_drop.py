"""Files dropped from the desktop or an e-mail client, and the one list of readable file types.

The main window and the import dialog both take dropped files (one or several) through
FileDropTarget; the file dialogs all use plan_file_filters(), built from the readers' own
registry so a new reader shows up in every filter by itself. Both tell a unit's returned fill-in
workbook from a plan (split_returns), so it goes to its merge preview, not to a new plan.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, Signal
from PySide6.QtWidgets import QWidget

translate = QCoreApplication.translate


def plan_file_filters() -> str:
    """The file dialog's filter: every readable type first, then by kind, then all files."""
    from core.readers import readable_suffixes

    every = " ".join(f"*{s}" for s in [*readable_suffixes(), ".json"] if s)
    groups = [
        (translate("FileDrop", "Work plan files (%1)"), every),
        (translate("FileDrop", "Word and WPS documents (%1)"), "*.docx *.doc *.wps *.docm *.dot *.dotx *.wpt *.rtf"),
        (translate("FileDrop", "Excel and WPS ledgers (%1)"), "*.xlsx *.xlsm *.xls *.et *.xlt *.ett"),
        (translate("FileDrop", "PDF and OFD documents (%1)"), "*.pdf *.ofd"),
        (translate("FileDrop", "Web pages and text (%1)"), "*.html *.htm *.mht *.txt"),
        (translate("FileDrop", "Scans and photos (%1)"), "*.png *.jpg *.jpeg *.tif *.tiff"),
        (translate("FileDrop", "Parse results (%1)"), "*.json"),
    ]
    known = set(every.split())
    out = [label.replace("%1", " ".join(p for p in patterns.split() if p in known)) for label, patterns in groups]
    return ";;".join([*out, translate("FileDrop", "All files (*)")])


def local_files(mime: QMimeData | None) -> list[Path]:
    """The local files a drag carries (folders and web links left out), in the order given."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile() and Path(u.toLocalFile()).is_file()]


class FileDropTarget(QObject):
    """Makes `widget` take dropped files; `dropped` carries their paths. Drags without a local
    file (text, web links, a folder) are refused, so the cursor tells the clerk at once."""

    dropped = Signal(list)

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if local_files(event.mimeData()):
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.Drop:
            paths = local_files(event.mimeData())
            if paths:
                event.acceptProposedAction()
                self.dropped.emit(paths)
            return True
        return super().eventFilter(watched, event)


def split_returns(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, int]]]:
    """The plans among `paths`, and the returned fill-in workbooks with the plan each was made for."""
    from core.collect.returns import fillin_mark

    plans: list[Path] = []
    returns: list[tuple[Path, int]] = []
    for path in paths:
        mark = fillin_mark(path)
        if mark is None:
            plans.append(path)
        else:
            returns.append((path, mark.plan_id))
    return plans, returns
