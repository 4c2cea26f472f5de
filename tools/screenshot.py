"""Render the main window with the sample plan to a PNG (docs/screenshot.png for the README).

    HOME=/home/clerk xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot.py [out.png] [--lang en]

(HOME only decides the data path the status bar shows; nothing is written there.)

Uses a throw-away database and window settings; a few tasks get a status so the picture shows
ticks, roll-ups and colours.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", default=str(ROOT / "docs" / "screenshot.png"))
    ap.add_argument("--lang", default="zh_CN")
    ap.add_argument("--welcome", action="store_true", help="show the first-run page instead")
    ap.add_argument("--today", default="2026-07-15", help="the date the picture pretends it is")
    args = ap.parse_args(argv)

    from PySide6.QtCore import QSettings, QTimer

    from core.domain.status import Status
    from core.service.facade import PlanService
    from gui.app.launch import make_app
    from gui.window.main_window import MainWindow

    app = make_app(args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        today = dt.date.fromisoformat(args.today)
        service = PlanService(Path(tmp) / "taizhang.sqlite3", today=lambda: today)
        window = MainWindow(service, QSettings(str(Path(tmp) / "w.ini"), QSettings.Format.IniFormat))
        window.resize(1360, 820)
        if not args.welcome:
            window.importer.open_sample()
            tasks = window.model.task_ids()
            for node_id, status in zip(tasks, [Status.DONE, Status.DONE, Status.DOING, Status.DONE,
                                               Status.ONGOING, Status.NA, Status.DONE], strict=False):
                service.set_status(node_id, status)
            service.set_note(tasks[1], "6月20日已在政府门户网站“政策文件”栏目发布惠企政策清单（共32项），"
                                       "同步推送至县政务微信公众号。")
            window.refresh_plans()
            window.select_node(tasks[1])
        window.statusBar().clearMessage()
        # the throw-away database lives in /tmp; show where a clerk's data would be instead
        from core.paths import default_db_path

        window.path_label.setText(str(default_db_path()))
        window.show()
        QTimer.singleShot(300, app.quit)
        app.exec()
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(args.out)
        window.close()
        service.close()
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
