"""A plan laid out as a 分解表 / 台账 grid: columns by role and header word, merged cells.

The grid is container-free (cells with row/column spans); containers.py writes it as HTML, Word
or Excel, and `flatten` writes it the way a web archive's text joins cells (with nothing).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from tools.unseen.compose import Office, assign_units, label, roles_for, task_body
from tools.unseen.plan import Node, cn_number, limit_in_column

HEADER_WORDS = {
    "serial": ["序号", "序号", "编号"],
    "category": ["类别", "重点领域", "任务类别", "项目"],
    "task": ["工作任务", "重点任务", "工作事项", "任务内容", "主要任务"],
    "req": ["工作要求", "具体要求", "具体内容", "细化分工", "工作措施"],
    "lead": ["牵头单位", "主办单位", "主办", "牵头部门"],
    "coop": ["配合单位", "协办单位", "协办", "配合/责任单位", "配合部门"],
    "resp": ["责任单位", "责任部门", "牵头及责任单位"],
    "deadline": ["完成时限", "时间节点", "时限要求", "进度安排", "完成时间"],
    "note": ["备注"],
}
# A department's table names its own sections: 科室 / 股室 in a bureau, 处室 in a provincial 厅.
DEPT_WORDS = {
    "bureau": {"lead": ["牵头科室", "主办科室", "主办"], "coop": ["配合科室", "协办科室", "协办"],
               "resp": ["负责科室", "责任科室", "责任股室"]},
    "hall": {"lead": ["牵头处室", "主办处室"], "coop": ["配合处室", "协办处室"], "resp": ["责任处室", "负责处室"]},
}

# Column orders offices use; "category" means sections sit in a merged first column.
LAYOUTS = [
    ["serial", "task", "req", "lead", "coop", "deadline"],
    ["task", "req", "lead", "coop"],
    ["category", "serial", "task", "resp", "deadline", "note"],
    ["serial", "resp", "task", "deadline"],
    ["category", "serial", "lead", "coop", "task", "deadline", "note"],
    ["task", "req", "resp", "deadline"],
    ["serial", "task", "lead", "resp", "req"],
    ["serial", "category", "task", "req", "resp", "deadline"],
]
NOTES = ["", "", "", "按季度报送进展", "纳入年度考核", "", "需报送佐证材料"]


@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Grid:
    """Rows of cells; None marks a position covered by a merged cell."""

    header: list[str]
    rows: list[list[Cell | None]] = field(default_factory=list)
    title: str = ""
    group: tuple[int, str] | None = None  # (first column, word): a two-row header over two columns

    @property
    def width(self) -> int:
        return len(self.header)

    def head_rows(self) -> list[list[Cell | None]]:
        """The header as rows of cells: one row, or two when a word such as 责任单位 spans
        two sub-headers (牵头单位 | 配合单位) and every other header cell spans both rows."""
        if self.group is None:
            return [[Cell(h) for h in self.header]]
        start, word = self.group
        top: list[Cell | None] = []
        sub: list[Cell | None] = []
        for c, h in enumerate(self.header):
            if c == start:
                top.append(Cell(word, colspan=2))
            elif c == start + 1:
                top.append(None)
            else:
                top.append(Cell(h, rowspan=2))
            sub.append(Cell(h) if c in (start, start + 1) else None)
        return [top, sub]

    def with_columns(self, extra: list[str]) -> Grid:
        """The grid with empty columns added on the right (完成情况, 备注 … for the clerk to fill)."""
        rows: list[list[Cell | None]] = []
        for row in self.rows:
            first = row[0]
            if first is not None and first.colspan == self.width:
                rows.append([Cell(first.text, first.rowspan, first.colspan + len(extra))] + row[1:] + [None] * len(extra))
            else:
                rows.append(row + [Cell("") for _ in extra])
        return Grid(self.header + extra, rows, self.title, self.group)


def header_word(rng: random.Random, role: str, layout: list[str], level: str = "city") -> str:
    """A header word for the column's role, in the words an office of the level uses."""
    words = DEPT_WORDS.get(level, {}).get(role) or HEADER_WORDS[role]
    if role == "resp" and "lead" in layout:
        words = [w for w in words if w != "牵头及责任单位"]
    return rng.choice(words)


def unit_roles(layout: list[str]) -> str:
    if "lead" in layout and "coop" in layout:
        return "lead_coop"
    if "lead" in layout:
        return "lead_resp"
    return "resp"


def _split_sentence(sentence: str) -> tuple[str, str]:
    """A 分解表 row from one sentence: the task up to the first comma, the requirement after it."""
    head, _, rest = sentence.rstrip("。").partition("，")
    return head, rest


def table_plan(rng: random.Random, o: Office, year: int, sections: list[tuple[str, list]], layout: list[str],
               *, depth: int = 2, p_shared: float = 0.4, p_text_limit: float = 0.12) -> list[Node]:
    """Sections (→ sub-sections when depth is 3) → tasks for a table: task title, requirement,
    units by the layout's roles, a deadline-column limit; a task may share the unit cell of the
    one above (a merged cell in the original)."""
    style = unit_roles(layout)
    if style == "resp" and rng.random() < 0.35:  # one unit column whose cells name the roles themselves
        style = "lead_coop"
    roles = roles_for(rng, o, style)
    prev: list[Node | None] = [None]

    def task(title: str, body: str, limits: list) -> Node:
        t = Node("", title, body, limits=limits)
        if prev[0] is not None and rng.random() < p_shared:
            t.lead, t.responsible, t.cooperating = list(prev[0].lead), list(prev[0].responsible), \
                list(prev[0].cooperating)
            t.shared = True
        else:
            assign_units(rng, t, o, roles)
        if "deadline" in layout and rng.random() < 0.8:
            t.column_limit = limit_in_column(rng, year)
            t.limits.append(t.column_limit)
        prev[0] = t
        return t

    nodes = []
    for heading, tasks in sections:
        sec = Node("", heading)
        prev[0] = None
        for title, sentences in tasks:
            if depth == 3:
                sub = Node("", title)
                prev[0] = None
                for sentence in rng.sample(sentences, len(sentences)):
                    head, rest = _split_sentence(sentence)
                    sub.children.append(task(head, rest, []))
                sec.children.append(sub)
            else:
                body, limits = task_body(rng, sentences, year, p_text_limit)
                sec.children.append(task(title, body, limits))
        nodes.append(sec)
    return nodes


ROLES_IN_CELL = ["{L}牵头，{C}配合", "牵头：{L}；配合：{C}", "牵头单位：{L}\n配合单位：{C}", "{L}（牵头）、{C}"]


def _unit_cells(t: Node, role: str, layout: list[str], sep: str, in_cell: str) -> str:
    """The text of a unit cell: the units its header's role gives; a lone unit column whose
    task has a lead names the roles inside the cell ("X牵头，Y配合")."""
    if role == "lead":
        return sep.join(t.lead)
    if role == "coop":
        return sep.join(t.cooperating or t.responsible)
    if "lead" not in layout and t.lead:
        return in_cell.format(L="、".join(t.lead), C="、".join(t.cooperating or t.responsible))
    return sep.join(t.responsible if "lead" in layout else t.units)


def build_grid(rng: random.Random, nodes: list[Node], layout: list[str], title: str, level: str = "city") -> Grid:
    """Lay the tree out: section rows (or a merged category column), one row per task, serials
    1–N across sections, unit cells merged down over tasks that share them. Sets labels."""
    words = [header_word(rng, r, layout, level) for r in layout]
    if "category" in layout and rng.random() < 0.4:  # 重点任务 over the merged rows, the task per row below
        words[layout.index("category")] = "重点任务"
        words[layout.index("task")] = rng.choice(["具体任务", "工作内容", "任务内容", "具体工作"])
    grid = Grid(words, title=title)
    if "lead" in layout and "coop" in layout and layout.index("coop") == layout.index("lead") + 1 \
            and rng.random() < 0.4:
        grid.group = (layout.index("lead"), rng.choice(["责任单位", "责任分工", "责任部门"]))
    sep = rng.choice(["、", "、", "，", "；", "/", "\n"])
    in_cell = rng.choice(ROLES_IN_CELL)
    serial_mark = rng.choice(["", "", "", ".", "、"])  # the 序号 column prints 1 or 1. or 1、
    serial = 0
    sec_label_kind = rng.choice(["cn", "cn", "plain"]) if "category" in layout else "cn"
    task_label = "serial" if "serial" in layout else rng.choice(["digit", "paren_cn"])
    digit_mark = rng.choice([".", "、", "．"])
    for si, sec in enumerate(nodes, 1):
        sec.label = label("cn", si) if sec_label_kind == "cn" else ""
        start = len(grid.rows)
        if "category" not in layout:
            if "serial" in layout and rng.random() < 0.5:
                sec.label, sec.label_alts = cn_number(si), [label("cn", si)]
                row: list[Cell | None] = [Cell(sec.label), Cell(sec.title, colspan=grid.width - 1)]
                row += [None] * (grid.width - 2)
                first = layout.index("serial")
                if first != 0:  # the serial column is not first: whole-row heading instead
                    sec.label, sec.label_alts = label("cn", si), []
                    row = [Cell(sec.label + sec.title, colspan=grid.width)] + [None] * (grid.width - 1)
            else:
                row = [Cell(sec.label + sec.title, colspan=grid.width)] + [None] * (grid.width - 1)
            grid.rows.append(row)
        items: list[tuple[Node, bool]] = []  # (sub-section heading or task, is a heading)
        for sub_i, child in enumerate(sec.children, 1):
            if child.children:
                child.label = label("paren_cn", sub_i)
                items += [(child, True)] + [(t, False) for t in child.children]
            else:
                items.append((child, False))
        leaves = [t for t, heading in items if not heading]
        under_sub = len(leaves) < len(items)
        ti = 0
        for t, heading in items:
            if heading:
                grid.rows.append([Cell(t.label + t.title, colspan=grid.width)] + [None] * (grid.width - 1))
                continue
            serial += 1
            ti += 1
            if task_label == "serial":
                t.label = f"{serial}{serial_mark}"
            else:
                kind = "digit" if under_sub else task_label
                t.label = label(kind, serial if kind == "digit" else ti, digit_mark)
            row = []
            for role in layout:
                if role == "serial":
                    row.append(Cell(t.label))
                elif role == "category":
                    row.append(Cell(sec.label + sec.title) if ti == 1 else None)
                elif role == "task":
                    text = t.title if "req" in layout else t.title + "。" + (t.body + "。" if t.body else "")
                    row.append(Cell((t.label if task_label != "serial" else "") + text))
                elif role == "req":
                    row.append(Cell(t.body + "。" if t.body else ""))
                elif role in ("lead", "coop", "resp"):
                    row.append(None if t.shared else Cell(_unit_cells(t, role, layout, sep, in_cell)))
                elif role == "deadline":
                    row.append(Cell(t.column_limit.text if t.column_limit else ""))
                else:
                    row.append(Cell(rng.choice(NOTES)))
            grid.rows.append(row)
        if "category" in layout:
            cat = grid.rows[start][layout.index("category")]
            assert cat is not None
            cat.rowspan = len(leaves)
    _merge_down(grid, layout)
    return grid


def _merge_down(grid: Grid, layout: list[str]) -> None:
    """A unit cell left empty (None) by a sharing task extends the cell above it."""
    for c, role in enumerate(layout):
        if role not in ("lead", "coop", "resp"):
            continue
        owner = None
        for row in grid.rows:
            cell = row[c]
            if cell is not None and cell.colspan == 1:
                owner = cell
            elif cell is None and owner is not None and not _covered_by_colspan(row, c):
                owner.rowspan += 1
            else:
                owner = None


def _covered_by_colspan(row: list[Cell | None], c: int) -> bool:
    for i in range(c - 1, -1, -1):
        if row[i] is not None:
            return row[i].colspan > c - i
    return False


def flatten(grid: Grid, rng: random.Random, cell_gap: str = "") -> str:
    """The grid as an archive's page text joins it: header words run together, cells joined
    with nothing (now and then a space where a cell was empty), rows with nothing."""
    head = cell_gap.join(grid.header)
    out = [head]
    for row in grid.rows:
        texts = []
        for cell in row:
            if cell is None:
                continue
            texts.append(cell.text.replace("\n", "") if cell.text else (" " if rng.random() < 0.5 else ""))
        out.append(cell_gap.join(texts))
    return "".join(out)
