"""Families c and d, and the flattened 分解表 of family b: plans whose tasks sit in a table."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from tools.unseen import pages, tables
from tools.unseen.compose import (
    SCHEMES,
    issue_date,
    numbering,
    office,
    pick_topics,
    plan_title,
    roles_for,
    sectioned_plan,
)
from tools.unseen.containers import docx_document, html_page, office_html, xlsx_workbook
from tools.unseen.plan import Meta, Plan, gold, limit_in_column
from tools.unseen.prose import intro, node_paragraphs, notice_paragraphs, notice_title, signed_text
from tools.unseen.tables import Cell, Grid, build_grid, flatten, header_word, table_plan
from tools.unseen.text_families import Doc


@dataclass
class Tabled:
    """A plan in a grid, with the paragraphs around it (notice, title) and the page's noise."""

    plan: Plan
    grid: Grid
    before: list[str]
    header: list[str]
    footer: list[str]
    notice_title: str
    published: dt.date


def tabled_plan(rng: random.Random, *, level: str | None = None, layouts: list[list[str]] | None = None,
                depth: int = 2, notice: float = 0.5) -> Tabled:
    """A plan of any level laid out in one of the column orders, carried by a 通知 (`notice` is
    the chance) or standing alone under its title."""
    level = level or rng.choice(["province", "city", "county", "district", "bureau"])
    o = office(rng, level)
    year = rng.randint(2016, 2024)
    layout = rng.choice(layouts or tables.LAYOUTS)
    if depth == 3 and "category" in layout:
        layout = [r for r in layout if r != "category"]
    nodes = table_plan(rng, o, year, pick_topics(rng, rng.randint(3, 5)), layout, depth=depth)
    title = plan_title(rng, o, year, rng.choice(["分解表", "要点"]))
    grid = build_grid(rng, nodes, layout, title, level)
    signed = issue_date(rng, year)
    published = pages.page_date(rng, signed)
    ntitle = notice_title(rng, o, title)
    dept_title = title.startswith(o.issuer)
    if rng.random() < notice:
        number = o.doc_number(rng, year) if rng.random() < 0.8 else None
        meta = Meta(title, year, o.issuer, number, signed.isoformat())
        plan = Plan(meta, nodes, level, o.place)
        before = notice_paragraphs(rng, plan, o, ntitle, signed_text(rng, signed))
        before += [rng.choice(["附件", "附件：", "附件1"]), title]
    else:
        meta = Meta(title, year, [o.issuer, None] if dept_title else None, None, None)
        plan = Plan(meta, nodes, level, o.place)
        before = [title]
    return Tabled(plan, grid, before, pages.header_noise(rng, o.issuer, published),
                  pages.footer_noise(rng, o.issuer), ntitle, published)


def numbered_prose_docx(rng: random.Random) -> Doc:
    """A prose plan in Word whose labels are automatic numbering (not in the text at all)."""
    from tools.fixture_docs import numbered_docx
    from tools.unseen.containers import stable_zip
    from tools.unseen.text_families import plan_gold, prose_plan

    # Word's numbering prints an unbroken sequence in the families it knows: 一、（一）1.
    w = prose_plan(rng, schemes=["cn/paren_cn/digit"], damage=False)
    lines = [p.replace("\n", "") for p in w.head + w.body]
    return Doc("c", f"numbered-{w.plan.level}", "docx", stable_zip(numbered_docx(lines)), plan_gold(w, parts=lines))


def family_c(rng: random.Random, i: int, seed: int) -> Doc:
    """Tables in containers: .html with rowspan/colspan, .docx tables, .xlsx 台账, web systems'
    HTML saved as .xls/.doc; and prose in Word with automatic numbering."""
    kind = ["html", "docx", "xlsx", "numbered", "html-xls", "html-doc"][i % 6]
    if kind == "numbered":
        return numbered_prose_docx(rng)
    if kind in ("html-xls", "html-doc"):
        ext = kind[5:]
        t = tabled_plan(rng, notice=0.0 if ext == "xls" else 0.5)
        data = office_html(ext, t.notice_title, t.before, t.grid, rng)
        return Doc("c", f"web-{ext}-{t.plan.level}", ext, data, gold(t.plan))
    if kind == "xlsx":
        t = tabled_plan(rng, notice=0.0)
        extra = rng.choice([[], ["完成情况"], ["完成情况", "备注"], ["进展情况"]])
        extra = [e for e in extra if e not in t.grid.header]
        data = xlsx_workbook(t.grid, rng, extra, rng.choice(["Sheet1", "台账", "任务分解"]))
        return Doc("c", f"taizhang-{t.plan.level}", "xlsx", data, gold(t.plan))
    t = tabled_plan(rng, depth=rng.choice([2, 2, 3]))
    if kind == "docx":
        data = docx_document(t.before, t.grid, [], rng)
        return Doc("c", f"table-{t.plan.level}", "docx", data, gold(t.plan))
    charset = rng.choice(["utf-8", "utf-8", "gbk"])
    data = html_page(rng, t.notice_title, t.before, t.grid, [], t.header, t.footer, charset)
    _page_meta(t)
    return Doc("c", f"table-{t.plan.level}-{charset}", "html", data, gold(t.plan))


def _page_meta(t: Tabled) -> None:
    """A page with no notice may still name its source and date in the site's header line
    ("来源：… 发布时间：…"); reading them there is not wrong, so the gold allows it."""
    if t.plan.meta.date is not None:
        return
    source = next((h for h in t.header if h.startswith("来源：")), None)
    if source is None:
        return
    issuer = source.split("：", 1)[1].split()[0]
    if t.plan.meta.issuer is None:
        t.plan.meta.issuer = [None, issuer]
    t.plan.meta.date = [None, t.published.isoformat()]


def table_as_text(rng: random.Random) -> Doc:
    """A web page whose plan is a table, copied as text: every cell on its own line(s), the
    header words first, the site's noise around it."""
    t = tabled_plan(rng, depth=rng.choice([2, 2, 3]), notice=0.5)
    _page_meta(t)
    lines = t.header + [""] + t.before + [""]
    for row in t.grid.head_rows() + t.grid.rows:
        for cell in row:
            if cell is not None and (cell.text or rng.random() < 0.3):
                lines.append(cell.text)
    lines += [""] + t.footer
    gap = rng.choice(["\n", "\n\n", "\n\n\n"])
    return Doc("a", f"table-text-{t.plan.level}", "txt", (gap.join(lines) + "\n").encode("utf-8"), gold(t.plan))


def breakdown_one_line(rng: random.Random) -> tuple[str, dict, str]:
    """A provincial/district 分解表 whose page text was saved as one line (cells joined by nothing)."""
    flat_layouts = [tables.LAYOUTS[i] for i in (1, 0, 6, 5, 3)]  # the orders without a merged category column
    t = tabled_plan(rng, level=rng.choice(["province", "district", "city", "province"]), layouts=flat_layouts,
                    depth=rng.choice([3, 3, 2]), notice=0.9)
    joiner = rng.choice([" ", ""])
    body = joiner.join(t.before) + joiner + flatten(t.grid, rng, rng.choice(["", "", "　"]))
    published = issue_date(rng, t.plan.meta.year)
    header = pages.archive_header(rng, t.notice_title, published) if rng.random() < 0.85 else ""
    return header + body + "\n", gold(t.plan), t.plan.level


def two_part(rng: random.Random, i: int) -> Doc:
    """A prose plan, then a 任务分解 table repeating its tasks with the units (负责科室) and limits."""
    level = rng.choice(["bureau", "county", "district", "bureau", "hall"])
    o = office(rng, level)
    year = rng.randint(2017, 2024)
    roles = roles_for(rng, o, rng.choice(["resp", "resp", "lead_coop"]))
    nodes = sectioned_plan(rng, o, year, depth=2, roles=roles, p_limit=0.25, n_sections=rng.randint(3, 5))
    families = SCHEMES[rng.choice(["cn/paren_cn/digit", "cn/digit/paren_digit"])]
    numbering(rng, nodes, families[:2], run_on=rng.random() < 0.5, digit_mark=rng.choice([".", "、"]))
    title = plan_title(rng, o, year)
    signed = issue_date(rng, year)
    meta = Meta(title, year, o.issuer, o.doc_number(rng, year) if rng.random() < 0.7 else None, signed.isoformat())
    plan = Plan(meta, nodes, level, o.place)
    ntitle = notice_title(rng, o, title)
    prose = notice_paragraphs(rng, plan, o, ntitle, signed_text(rng, signed)) + [title, intro(rng, plan, o)]
    silent = {"lead_resp": "", "lead_coop": "", "resp": ""}
    prose += node_paragraphs(rng, nodes, silent, "、", rng.choice(["", "。"]))
    # the table: one row per task, serial 1–N, the units, sometimes a deadline column
    unit_cols = ["lead", "coop"] if roles.style == "lead_coop" else ["resp"]
    layout = ["serial", "task"] + unit_cols + (["deadline"] if rng.random() < 0.6 else [])
    grid = Grid([header_word(rng, r, layout, level) for r in layout])
    sep = rng.choice(["、", "，", "\n"])
    serial = 0
    for sec in nodes:
        for task in sec.children:
            serial += 1
            row = [Cell(str(serial)), Cell(task.title if rng.random() < 0.7 else f"{task.label}{task.title}")]
            if roles.style == "lead_coop":
                row += [Cell(sep.join(task.lead)), Cell(sep.join(task.cooperating))]
            else:
                row.append(Cell(sep.join(task.units)))
            if "deadline" in layout:
                lim = limit_in_column(rng, year) if rng.random() < 0.7 else None
                row.append(Cell(lim.text if lim else ""))
                if lim:
                    task.limits.append(lim)
            grid.rows.append(row)
    annex = [rng.choice(["附件", "附件："]), rng.choice([f"{title}任务分解表", "任务分解表", f"{year}年政务公开重点任务分解"])]
    kind = ["txt", "docx", "html"][i % 3]
    if kind == "docx":
        data = docx_document(prose + annex, grid, [], rng)
    elif kind == "html":
        published = pages.page_date(rng, signed)
        data = html_page(rng, ntitle, prose + annex, grid, [], pages.header_noise(rng, o.issuer, published),
                         pages.footer_noise(rng, o.issuer), "utf-8")
    else:
        lines = prose + annex + [" ".join(grid.header)]
        for row in grid.rows:
            lines += [c.text.replace("\n", "、") for c in row if c is not None]
        data = ("\n".join(lines) + "\n").encode("utf-8")
    return Doc("d", f"two-part-{level}", kind, data, gold(plan))


def scheme_with_plan_table(rng: random.Random) -> Doc:
    """A department 实施方案 in Word whose 工作计划表 (two column pairs side by side) repeats its tasks."""
    from tools.unseen.dept_families import dept_scheme, pairs_grid
    from tools.unseen.text_families import plan_gold

    w = dept_scheme(rng, attach=False)
    tasks = [n for n in w.plan.walk() if n.units]
    data = docx_document(w.head + w.body + [rng.choice(["附件", "附件："]), "工作计划表"], pairs_grid(rng, tasks), [], rng)
    return Doc("d", f"scheme-table-{w.plan.level}", "docx", data, plan_gold(w))


def family_d(rng: random.Random, i: int, seed: int) -> Doc:
    """Two-part documents: prose, then a table repeating its tasks (a 任务分解 with the units, or
    a department's side-by-side 工作计划表)."""
    return scheme_with_plan_table(rng) if i % 4 == 3 else two_part(rng, i)


