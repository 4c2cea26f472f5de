"""Screens of 延期 and 进展 in the window, to look at as the clerk would (menu.png is docs/tracking.png).

    HOME=/home/clerk xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tools/tracking_screens.py OUT_DIR [--lang en]

Writes panel.png (a deferred task with three 进展 entries), menu.png (the context menu opened with
the menu key), entry.png (an entry being typed), defer.png (the 延期 dialog) and overview.png (最新进展).
Uses a throw-away database; the picture pretends it is 2026-09-15.
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
    ap.add_argument("out", type=Path)
    ap.add_argument("--lang", default="zh_CN")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtGui import QGuiApplication

    from core.domain.status import Status
    from core.service.facade import PlanService
    from gui.app.launch import make_app
    from gui.editing.defer_dialog import DeferDialog
    from gui.window.main_window import MainWindow

    app = make_app(args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        today = dt.date(2026, 9, 15)
        service = PlanService(Path(tmp) / "taizhang.sqlite3", today=lambda: today)
        window = MainWindow(service, QSettings(str(Path(tmp) / "w.ini"), QSettings.Format.IniFormat))
        window.resize(1280, 800)
        plan = window.importer.open_sample()
        task = next(n.id for n in service.tree(plan) if n.is_task and n.deadlines and n.deadlines[0].date
                    and n.deadlines[0].date.month == 8)
        service.defer(task, dt.date(2026, 10, 31), "省级平台改版，需同步调整", "县政办函〔2026〕12号")
        for text, day, status in (("完成栏目设置方案初稿", dt.date(2026, 7, 10), Status.DOING),
                                  ("已与省平台对接，完成数据迁移测试", dt.date(2026, 8, 25), None),
                                  ("新栏目试运行", dt.date(2026, 9, 12), None)):
            service.add_entry(task, text, day, status)
        window.refresh_plans()
        from core.paths import default_db_path

        window.path_label.setText(str(default_db_path()))  # where a clerk's data would be, not /tmp
        window.statusBar().clearMessage()
        window.show()
        window.select_node(task)
        menus = window.tracking.task_menu

        def steps():
            yield lambda: window.grab().save(str(args.out / "panel.png"))
            yield menus.popup_for_current
            yield lambda: (QGuiApplication.primaryScreen().grabWindow(0).save(str(args.out / "menu.png")),
                           menus.menu.close())
            yield lambda: (menus.start_entry(), window.panel.entries.text.setPlainText("召开推进会，部署下一阶段工作"))
            yield lambda: window.grab().save(str(args.out / "entry.png"))
            dialog = DeferDialog(window, service.node(task), today)
            dialog.reason.setText("上级系统升级")
            yield dialog.show
            yield lambda: (dialog.grab().save(str(args.out / "defer.png")), dialog.close(),
                           window.tracking.show_overview())
            yield lambda: window.grab().save(str(args.out / "overview.png"))

        queue = steps()

        def tick():
            step = next(queue, None)
            if step is None:
                app.quit()
                return
            step()
            QTimer.singleShot(250, tick)

        QTimer.singleShot(400, tick)
        app.exec()
        window.close()
        service.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
