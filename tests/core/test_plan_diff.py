"""Next year's plan against this year's: tasks matched by what they say, not where they stand."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

from core.domain.similarity import changed_words, marked, pair_up, text_key
from core.domain.status import Status
from core.parse.parsed_plan import ParsedPlan

ROOT = Path(__file__).resolve().parents[2]


def _tasks(nodes):
    for n in nodes:
        if n.get("children"):
            yield from _tasks(n["children"])
        else:
            yield n


def _all(nodes):
    for n in nodes:
        yield n
        yield from _all(n.get("children", []))


def _next_year(sample: dict) -> dict:
    """The sample plan as next year's office might write it: sections reversed (every task moves),
    one task reworded, one dropped, one added, one in the other script, units and a deadline changed."""
    plan = copy.deepcopy(sample)
    plan["title"], plan["year"] = "示例县2027年政务公开工作要点", 2027
    plan["nodes"].reverse()
    tasks = {t["title"]: t for t in _tasks(plan["nodes"])}
    t = tasks["集中公开惠企利民政策清单"]
    t["text"] = "集中公开惠企利民政策清单。9月底前梳理现行有效的惠企政策，编制政策清单并动态更新。"
    t["deadlines"] = [{"text": "9月底前", "date": "2027-09-30"}]
    tasks["做好就业创业、社会保障信息公开"]["units"]["lead"] = ["县人力资源和社会保障局", "县医疗保障局"]
    w = tasks["规范政府信息公开指南和目录，8月底前完成全面更新"]
    w["text"] = w["text"].replace("规范政府信息公开指南", "規範政府信息公開指南")
    siblings = next(n["children"] for n in _all(plan["nodes"])
                    if any(k["title"].startswith("公开重大建设项目") for k in n.get("children", [])))
    siblings[:] = [k for k in siblings if not k["title"].startswith("公开重大建设项目")]
    siblings.append({"label": "9.", "title": "推进基层政务公开标准化规范化", "units":
                     {"lead": ["县政府办公室"], "responsible": [], "cooperating": []},
                     "text": "推进基层政务公开标准化规范化，年内完成全部乡镇专区建设。",
                     "deadlines": [{"text": "年底前", "date": "2027-12-31"}], "children": []})
    return plan


def _import(service, data: dict) -> int:
    return service.import_plan(ParsedPlan.from_json(json.dumps(data, ensure_ascii=False))).plan_id


def test_a_reordered_reworded_plan_is_matched_by_meaning(service):
    sample = json.loads((ROOT / "resources" / "sample_plan.json").read_text(encoding="utf-8"))
    old, new = _import(service, sample), _import(service, _next_year(sample))
    diff = service.plan_diff(old, new)
    by_title = {(d.new or d.old).title: d for d in diff.tasks}
    assert [d.new.title for d in diff.of_kind("new")] == ["推进基层政务公开标准化规范化"]
    assert [d.old.title for d in diff.of_kind("dropped")] == ["公开重大建设项目批准和实施信息，第三季度前完成项目专栏更新"]
    reworded = by_title["集中公开惠企利民政策清单"]
    assert reworded.kind == "reworded" and "[-6-]{+9+}" in reworded.marked_text
    assert reworded.deadlines == (["6月底前"], ["9月底前"])
    assert by_title["规范政府信息公开指南和目录，8月底前完成全面更新"].kind == "same"  # 繁體 folds to the same
    units = by_title["做好就业创业、社会保障信息公开"].units
    assert units == {"lead": (["县人力资源和社会保障局"], ["县人力资源和社会保障局", "县医疗保障局"])}
    assert len(diff.of_kind("same")) == 13 and diff.carried == []


def test_carried_over_tasks_are_linked_to_where_they_came_from(service, sample_plan):
    old = service.import_plan(sample_plan).plan_id
    tasks = [n for n in service.tree(old) if n.is_task]
    service.set_statuses([t.id for t in tasks[1:]], Status.DONE)
    service.rename_node(tasks[0].id, tasks[0].label, tasks[0].title, "完全不同的一段文字，与原文没有共同之处")
    carried = service.carry_over(old).plan_id
    carried_task = next(n for n in service.tree(carried) if n.is_task)
    service.rename_node(carried_task.id, carried_task.label, carried_task.title, "另写的一段话，也不相同")
    diff = service.plan_diff(old, carried)
    assert len(diff.carried) == 1 and diff.carried[0].old.id == tasks[0].id  # linked though the texts differ
    assert diff.carried[0].kind == "reworded"
    assert len(diff.of_kind("dropped")) == 14


def test_keys_fold_script_width_labels_and_punctuation():
    assert text_key("（三）規範　政府信息ＡＢＣ，公開！") == text_key("3. 规范政府信息abc公开")
    assert pair_up(["甲乙丙丁戊己", "完全不同"], ["子丑寅卯", "甲乙丙丁戊庚"], 0.6) == [(0, 1, 5 / 6)]
    assert marked(changed_words("6月底前完成", "9月底前完成")) == "[-6-]{+9+}月底前完成"


def test_diff_on_the_command_line(db_path):
    def run(*args):
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db_path), *args],
                              capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120)

    sample = json.loads((ROOT / "resources" / "sample_plan.json").read_text(encoding="utf-8"))
    nxt = db_path.parent / "next.json"
    nxt.write_text(json.dumps(_next_year(sample), ensure_ascii=False), encoding="utf-8")
    assert run("import", str(ROOT / "resources" / "sample_plan.json")).returncode == 0
    assert run("import", str(nxt)).returncode == 0
    shown = run("diff", "--plan", "1", "--plan", "2")
    assert shown.returncode == 0, shown.stderr
    assert "新增 1 项，删除 1 项，改写 1 项，相同 13 项；单位变化 1 项，时限变化 1 项；结转 0 项" in shown.stdout
    assert "+ 新增" in shown.stdout and "[-6-]{+9+}" in shown.stdout and "时限" in shown.stdout
    data = json.loads(run("diff", "--plan", "1", "--plan", "2", "--json").stdout)
    assert data["counts"]["new"] == 1 and {t["kind"] for t in data["tasks"]} == {"same", "reworded", "new", "dropped"}
    out = db_path.parent / "对照.xlsx"
    saved = run("diff", "--plan", "1", "--plan", "2", "--out", str(out))
    assert saved.returncode == 0 and f"已导出：{out}" in saved.stdout and out.stat().st_size > 0
    word = db_path.parent / "对照.docx"
    assert run("diff", "--plan", "1", "--plan", "2", "--out", str(word)).returncode == 0 and word.stat().st_size
    wrong = run("diff", "--plan", "1", "--plan", "2", "--out", str(db_path.parent / "对照.txt"))
    assert wrong.returncode == 2 and wrong.stderr.startswith("错误：导出文件名的扩展名 .txt 与导出格式 xlsx/docx 不符")
    one = run("diff", "--plan", "1")
    assert (one.returncode, one.stderr.strip()) == (2, "错误：比较需要两个计划：--plan 旧计划编号 --plan 新计划编号")


def test_the_diff_workbook_marks_the_changed_characters(service, tmp_path):
    from openpyxl import load_workbook

    from core.export.diff_xlsx import write_diff_xlsx

    sample = json.loads((ROOT / "resources" / "sample_plan.json").read_text(encoding="utf-8"))
    old, new = _import(service, sample), _import(service, _next_year(sample))
    out = tmp_path / "对照.xlsx"
    write_diff_xlsx(service.plan_diff(old, new), "2026", "2027", out)
    ws = load_workbook(out, rich_text=True).active
    rows = {r[1].value: r for r in ws.iter_rows(min_row=4)}
    assert set(rows) == {"新增", "删除", "改写", "相同"}  # "相同" rows only for unit/deadline changes
    marked = rows["改写"][3].value
    struck = [str(block.text) for block in marked if getattr(block, "font", None) and block.font.strike]
    assert struck == ["6"] and "9" in str(marked)
    assert rows["改写"][5].value == "6月底前 → 9月底前"


def test_the_diff_document_strikes_out_what_was_removed(service, tmp_path):
    import docx

    from core.export.diff_docx import write_diff_docx

    sample = json.loads((ROOT / "resources" / "sample_plan.json").read_text(encoding="utf-8"))
    old, new = _import(service, sample), _import(service, _next_year(sample))
    out = tmp_path / "对照.docx"
    write_diff_docx(service.plan_diff(old, new), "2026年要点", "2027年要点", out)
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == "2027年要点与2026年要点对照"
    table = document.tables[0]
    kinds = [row.cells[1].text for row in table.rows[1:]]
    assert kinds[:3] == ["新增", "删除", "改写"]
    runs = table.rows[3].cells[3].paragraphs[0].runs
    assert [r.text for r in runs if r.font.strike] == ["6"] and any(r.text == "9" and r.font.underline for r in runs)
    assert "时限：6月底前 → 9月底前" in table.rows[3].cells[4].text
    from docx.shared import Mm

    assert not table.autofit and abs(sum(c.width for c in table.columns) - Mm(257)) < Mm(1)  # the landscape text width


def test_the_diff_workbook_prints_one_page_wide_with_rows_grown_to_their_text(service, tmp_path):
    from openpyxl import load_workbook

    from core.export.diff_xlsx import write_diff_xlsx

    sample = json.loads((ROOT / "resources" / "sample_plan.json").read_text(encoding="utf-8"))
    old, new = _import(service, sample), _import(service, _next_year(sample))
    out = tmp_path / "对照.xlsx"
    write_diff_xlsx(service.plan_diff(old, new), "2026", "2027", out)
    ws = load_workbook(out).active
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    heights = [ws.row_dimensions[r].height for r in range(4, ws.max_row + 1)]
    assert all(h and h >= 21 for h in heights) and max(heights) > min(heights)  # long texts get more lines
    assert ws["A4"].alignment.horizontal == ws["B4"].alignment.horizontal == "center"
