"""Screens of 收集填报 and the plan diff in the window, to look at as the clerk would (not for the README).

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tools/collect_screens.py OUT_DIR [--lang en]

Writes menu.png (the 填报与对比 menu), collect.png (生成填报表), merge.png (导入填报表: three units'
returns — one clashing with another and with an edit made after sending — and a file that is no
workbook), window.png (after 应用), diff.png (与另一计划比较, next year's plan carried over with a task
reworded, one given another unit and one dropped) and, in OUT_DIR, the comparison as .docx and .xlsx
(render them with LibreOffice to look at the pages). Uses a throw-away database; it is 2026-09-10 unless --today says otherwise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def fill(path: Path, fills: dict[str, dict[str, object]]) -> None:
    """Fill a unit's workbook as the unit does in Excel: {task text start: {column header: value}}."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[3]]
    for row in range(4, ws.max_row + 1):
        text = str(ws.cell(row=row, column=header.index("工作任务") + 1).value or "")
        for start, cells in fills.items():
            if start in text:
                for name, value in cells.items():
                    ws.cell(row=row, column=header.index(name) + 1, value=value)
    wb.save(path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="folder for the pictures and the comparison files")
    ap.add_argument("--lang", default="zh_CN")
    ap.add_argument("--today", type=dt.date.fromisoformat, default=dt.date(2026, 9, 10),
                    help="the date the pictures pretend it is")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    from gui.app.launch import make_app

    app = make_app(args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        shoot(app, args.out, Path(tmp), args.today)
    return 0


def shoot(app, out: Path, folder: Path, today: dt.date) -> None:
    """Make the workbooks, the returns and the next year's plan in `folder`; the screens go to `out`."""
    from PySide6.QtCore import QSettings

    from core.service.facade import PlanService
    from gui.dialogs.collect_dialog import CollectDialog
    from gui.dialogs.diff_dialog import DiffDialog
    from gui.dialogs.merge_dialog import MergeDialog
    from gui.window.main_window import MainWindow

    def grab(widget, name: str) -> None:
        for _ in range(5):
            app.processEvents()
        widget.grab().save(str(out / name))

    service = PlanService(folder / "taizhang.sqlite3", today=lambda: today)
    window = MainWindow(service, QSettings(str(folder / "w.ini"), QSettings.Format.IniFormat))
    window.resize(1280, 800)
    window.importer.open_sample()
    window.show()
    plan = window.model.plan_id
    menu = window.collect_menu
    menu.popup(window.mapToGlobal(window.menuBar().actionGeometry(menu.menuAction()).bottomLeft()))
    grab(menu, "menu.png")
    menu.hide()

    collect = CollectDialog(service, plan, window, window.settings)
    collect.folder_edit.setText(str(folder))
    collect.show()
    grab(collect, "collect.png")
    collect._offer_folder = lambda _folder: None
    collect.make()
    made = {p.name.split("_")[1]: p for p in collect.written}
    lead = next(t.id for t in service.tree(plan) if t.is_task and t.title.startswith("公开重大建设项目"))
    service.set_note(lead, "台账员已登记：项目信息已公开")  # the clerk's edit after sending them
    fill(made["县政府办公室"], {"调整充实": {"状态": "已完成", "完成情况": "已调整充实领导小组，明确专人负责",
                                      "完成日期": dt.datetime(2026, 3, 20)},
                           "开展政务公开业务培训": {"进展": "9月举办第一期培训"}})
    fill(made["县发展改革局"], {"集中公开惠企": {"状态": "进行中", "完成情况": "正在汇总清单"},
                           "公开重大建设项目": {"完成情况": "已公开项目信息12条"}})
    fill(made["县财政局"], {"集中公开惠企": {"状态": "已完成", "完成情况": "已公开惠企政策清单23项"}})
    junk = folder / "收到的附件.xlsx"
    junk.write_text("not a workbook")
    merge = MergeDialog(window.ctx, plan, [made["县政府办公室"], made["县发展改革局"], made["县财政局"], junk],
                        window)
    merge.show()
    grab(merge, "merge.png")
    merge.apply()
    grab(window, "window.png")

    carried = service.carry_over(plan, "示例县2027年政务公开工作要点", 2027).plan_id
    tasks = {t.title: t for t in service.tree(carried) if t.is_task}
    policy = tasks["集中公开惠企利民政策清单"]
    service.rename_node(policy.id, policy.label, policy.title, policy.text.replace("6月底前", "9月底前"))
    service.set_deadlines(policy.id, [("9月底前", dt.date(2027, 9, 30))])
    jobs = tasks["做好就业创业、社会保障信息公开"]
    service.set_units(jobs.id, {**jobs.units, "lead": ["县人力资源和社会保障局", "县医疗保障局"]})
    service.delete_node(tasks["开展政务公开业务培训，年底前覆盖全县政务公开工作人员"].id)
    window.refresh_plans(carried)
    diff = DiffDialog(window)
    diff.show()
    grab(diff, "diff.png")
    diff._ask_path = lambda default, _pattern: out / default.name
    diff._offer_open = lambda path: print(path)
    diff.export(".docx")
    diff.export(".xlsx")
    window.close()
    service.close()


if __name__ == "__main__":
    raise SystemExit(main())
