"""One-line 分解表 whose unit cells were merged over several rows: each row keeps its own units,
a row without a unit cell shares the one above, whether the units close the row or open it."""

from __future__ import annotations

import pytest

from core.parse.source import parse_text
from core.parse.units import is_unit_name

TITLE = "某区2022年政务公开工作要点任务分解表"
ROWS = [  # label, task and requirement, lead cell, cooperating cell (None: merged with the row above)
    ("1.", "公开重大行政决策目录。按规定时限公布。", "区司法局", "区直有关单位"),
    ("2.", "做好决策草案意见征集。通过门户网站征集。", None, None),
    ("3.", "推进财政预决算公开。按统一格式公开。", "区财政局", "各镇街"),
    ("4.", "规范政务服务事项清单。动态调整清单。", "区行政审批局区市场监督管理局", "各镇街"),
    ("5.", "加强政策解读工作。多形式解读。", None, None),
    ("6.", "做好民生领域信息公开。及时更新专栏。", "区民政局", "各片区"),
]
WANT = [(["区司法局"], ["区直有关单位"]), (["区司法局"], ["区直有关单位"]), (["区财政局"], ["各镇街"]),
        (["区行政审批局", "区市场监督管理局"], ["各镇街"]), (["区行政审批局", "区市场监督管理局"], ["各镇街"]),
        (["区民政局"], ["各片区"])]


def _one_line(units_first: bool) -> str:
    header = "牵头单位配合/责任单位工作任务工作要求" if units_first else "工作任务工作要求牵头单位配合/责任单位"
    body = ""
    for label, task, lead, coop in ROWS:
        units = (lead or "") + (" " + coop if coop else "")
        body += f"{units}{label}{task}" if units_first else f"{label}{task}{units}"
    return f"{TITLE} {header}一、深化重点领域信息公开{body}"


@pytest.mark.parametrize("units_first", [False, True])
def test_merged_unit_cells_stay_with_their_own_rows(units_first):
    section = parse_text(_one_line(units_first)).nodes[0]
    assert section.title.startswith("深化重点领域信息公开") and not any(section.units.values())
    got = [(t.units["lead"], t.units["cooperating"]) for t in section.children]
    assert got == WANT
    assert [t.text for t in section.children][2] == "推进财政预决算公开。按统一格式公开。"


@pytest.mark.parametrize("name, whole", [("各镇街", True), ("各片区", True), ("各村居", True),
                                         ("各项工作", False), ("各类信息", False)])
def test_a_collective_of_places_is_a_unit_name(name, whole):
    assert is_unit_name(name) is whole
