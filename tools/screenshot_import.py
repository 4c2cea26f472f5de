"""Render the import dialog with a real plan to a PNG, to look at it (or put it in the docs).

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_import.py PLAN [out.png]
        [--lang en] [--select 0,1] [--open-warning 0] [--drop]

--drop hands the file over as a real drag-and-drop onto the dialog, as from the desktop.

Uses a throw-away database; nothing is saved.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("plan", help="a plan file in any format the importer reads")
    ap.add_argument("out", nargs="?", default=str(ROOT / "docs" / "import-dialog.png"))
    ap.add_argument("--lang", default="zh_CN")
    ap.add_argument("--select", default="0,0", help="path of the node to select, e.g. 1,2")
    ap.add_argument("--open-warning", type=int, default=None, help="expand this warning")
    ap.add_argument("--drop", action="store_true", help="drop the file on the dialog instead of opening it")
    args = ap.parse_args(argv)

    from PySide6.QtCore import QEventLoop, QTimer

    from core.service.facade import PlanService
    from gui.app.launch import make_app
    from gui.importing.dialog import ImportDialog

    app = make_app(args.lang)  # noqa: F841 (kept alive for the dialog)
    with tempfile.TemporaryDirectory() as tmp:
        service = PlanService(Path(tmp) / "taizhang.sqlite3")
        dialog = ImportDialog(service)
        dialog.show()
        # Wait in an event loop, not a processEvents() spin: PySide6 6.12 on Python 3.11 drops a
        # reference to None on every call of a void method, and a spin makes millions of them.
        loop = QEventLoop()
        dialog.source.parsed.connect(lambda _o: QTimer.singleShot(0, loop.quit))
        poll = QTimer(interval=100, timeout=lambda: dialog.source.job is None and loop.quit())
        poll.start()
        QTimer.singleShot(300_000, loop.quit)  # OCR of a scan takes about 10 s a page
        if args.drop:
            drop_on(dialog, Path(args.plan).resolve())
        else:
            dialog.open_file(Path(args.plan))
        loop.exec()
        poll.stop()
        if dialog.outcome is not None:
            dialog.view.tree.expandAll()
            dialog.view.select(tuple(int(r) for r in args.select.split(",")))
            if args.open_warning is not None and dialog.warnings.topLevelItem(args.open_warning):
                dialog.warnings.topLevelItem(args.open_warning).setExpanded(True)
        QTimer.singleShot(300, loop.quit)
        loop.exec()
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(args.out)
        dialog.reject()
        service.close()
    print(args.out)
    return 0


def drop_on(widget, path: Path) -> None:
    """A drag-enter and a drop of `path` at the widget's centre, as the desktop sends them."""
    from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    centre = QPoint(widget.width() // 2, widget.height() // 2)
    QApplication.sendEvent(widget, QDragEnterEvent(centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                                                   Qt.KeyboardModifier.NoModifier))
    QApplication.sendEvent(widget, QDropEvent(QPointF(centre), Qt.DropAction.CopyAction, mime,
                                              Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))


if __name__ == "__main__":
    sys.exit(main())
