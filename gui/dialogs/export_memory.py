"""The export dialog's last choices, remembered between exports (QSettings: how the clerk likes the
dialog, not data — the plan and its progress stay in the database).

A clerk exports the same report every month: the same style, the same unit, the same folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

GROUP = "export"
ALL, MINE_KEY = "all", "mine"  # unit choices besides a unit's own name ("unit:" + name)


def restore(dialog, settings: QSettings | None) -> None:
    """Put the remembered choices back into `dialog`'s controls; unknown or stale values are skipped."""
    if settings is None:
        return
    settings.beginGroup(GROUP)
    try:
        style = tuple(settings.value("style", "", type=str).split("/"))
        for index in range(dialog.style_box.count()):  # findData does not compare Python tuples
            if tuple(dialog.style_box.itemData(index)) == style:
                dialog.style_box.setCurrentIndex(index)
        unit = settings.value("unit", "", type=str)
        wanted = None if unit == ALL else dialog.MINE if unit == MINE_KEY else unit[5:] if unit else ""
        index = dialog.unit_box.findData(wanted) if wanted != "" else -1
        if index >= 0:  # a unit of last year's plan may not be in this one
            dialog.unit_box.setCurrentIndex(index)
        index = dialog.script_box.findData(settings.value("script", "", type=str))
        if index >= 0:
            dialog.script_box.setCurrentIndex(index)
        statuses = settings.value("statuses", "", type=str)
        if statuses:
            chosen = set(statuses.split(","))
            for status, box in dialog.status_boxes.items():
                box.setChecked(status.value in chosen)
        if not settings.value("sections", True, type=bool):
            dialog.tasks_only.setChecked(True)
        dialog.evidence.setChecked(settings.value("evidence", False, type=bool))
        dialog.pending_list.setChecked(settings.value("pending_list", True, type=bool))
        dialog.progress.setChecked(settings.value("progress", False, type=bool))
        index = dialog.period_box.findData(settings.value("period", "", type=str) or None)
        if index >= 0:
            dialog.period_box.setCurrentIndex(index)
        folder = settings.value("folder", "", type=str)
        dialog.folder = Path(folder) if folder and Path(folder).is_dir() else None
    finally:
        settings.endGroup()


def remember(dialog, settings: QSettings | None, written: Path) -> None:
    """Keep the choices of an export that succeeded, and the folder it went to."""
    if settings is None:
        return
    unit = dialog.unit_box.currentData()
    settings.beginGroup(GROUP)
    try:
        settings.setValue("style", "/".join(dialog.style_box.currentData()))
        settings.setValue("unit", ALL if unit is None else MINE_KEY if unit == dialog.MINE else f"unit:{unit}")
        settings.setValue("script", dialog.script_box.currentData())
        settings.setValue("statuses", ",".join(s.value for s, box in dialog.status_boxes.items() if box.isChecked()))
        settings.setValue("sections", dialog.with_sections.isChecked())
        settings.setValue("evidence", dialog.evidence.isChecked())
        settings.setValue("pending_list", dialog.pending_list.isChecked())
        settings.setValue("progress", dialog.progress.isChecked())
        settings.setValue("period", dialog.period_box.currentData() or "")
        settings.setValue("folder", str(Path(written).parent))
    finally:
        settings.endGroup()
    settings.sync()
