"""Families a and e, and the prose parts of b: plans as copied web text, one-line bodies, other encodings."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from dataclasses import dataclass, field

from tools.unseen import pages, vocab
from tools.unseen.compose import (
    SCHEMES,
    flat_duties,
    issue_date,
    numbering,
    office,
    plan_title,
    roles_for,
    sectioned_plan,
)
from tools.unseen.plan import Meta, Node, Plan, gold
from tools.unseen.prose import (
    intro,
    node_paragraphs,
    notice_paragraphs,
    notice_title,
    pick_forms,
    signed_text,
)


@dataclass
class Doc:
    """One generated document: where it goes, its bytes, and its gold reading."""

    family: str
    name: str
    ext: str
    data: bytes
    gold: dict


@dataclass
class Written:
    """A plan written out as paragraphs, before any container or noise is added."""

    plan: Plan
    head: list[str]      # notice / metadata block / nothing
    body: list[str]      # title, intro, numbered paragraphs, closing
    header: list[str]    # site noise before
    footer: list[str]    # site noise after
    notice_title: str
    page_meta: dict = field(default_factory=dict)  # issuer/date a reader may take from the site's noise


def prose_plan(rng: random.Random, level: str | None = None, schemes: list[str] | None = None,
               damage: bool | None = None) -> Written:
    """A city/county/district/province plan: sections and tasks in one of the numbering families."""
    level = level or rng.choice(["province", "city", "city", "county", "district"])
    o = office(rng, level)
    year = rng.randint(2016, 2024)
    title = plan_title(rng, o, year)
    signed = issue_date(rng, year)
    scheme = rng.choice(schemes or list(SCHEMES))
    families = SCHEMES[scheme]
    depth = 2 if scheme == "cn/shi" else rng.choice([2, 2, 3])
    nodes = sectioned_plan(rng, o, year, depth=depth)
    numbering(rng, nodes, families[:depth], run_on=depth == 2 and families[1] != "shi" and rng.random() < 0.35,
              digit_mark=rng.choice([".", "、", "．"]), damage=rng.random() < 0.35 if damage is None else damage,
              mixed_marks=damage is not False and rng.random() < 0.15)
    head_kind = rng.choice(["notice", "notice", "notice", "meta", "bare"])
    number = o.doc_number(rng, year) if head_kind != "bare" and rng.random() < 0.85 else None
    published = pages.page_date(rng, signed)
    meta = Meta(title, year, o.issuer, number, signed.isoformat())
    plan = Plan(meta, nodes, level, o.place)
    ntitle = notice_title(rng, o, title)
    if head_kind == "notice":
        head = notice_paragraphs(rng, plan, o, ntitle, signed_text(rng, signed))
    elif head_kind == "meta":
        head = pages.meta_block(rng, index_no=pages.index_number(rng, year), issuer=o.issuer, name=ntitle,
                                signed=signed, doc_number=number)
    else:
        head = []
        meta.issuer, meta.date = None, None
        page_meta = {"issuer": o.issuer, "date": published.isoformat()}
    # a long title is sometimes printed on two lines, broken before 政务公开 or 工作要点
    shown = title
    if rng.random() < 0.12:
        cut = max(title.find("政务公开"), title.find("工作要点"))
        shown = title[:cut] + "\n" + title[cut:] if cut > 0 else title
    body = [shown] + ([intro(rng, plan, o)] if rng.random() < 0.85 else [])
    heading_stop = rng.choice(["", "", "。"])
    body += node_paragraphs(rng, nodes, pick_forms(rng), rng.choice(["、", "、", "，", "，", " "]), heading_stop,
                            split_labels=rng.random() < 0.15, limit_year=year)
    if rng.random() < 0.5:
        closing = rng.choice(vocab.CLOSING)
        body.append(closing)
        plan.nodes.append(Node("", closing, optional=True))
    if head_kind == "notice" and rng.random() < 0.3:  # the 版记: 抄送 and the 印发 date
        printed = signed + dt.timedelta(days=rng.randint(1, 5))
        body += [pages.copied_to(rng, o.level), f"{o.issuer}　　{printed.year}年{printed.month}月{printed.day}日印发"]
        meta.date = [signed.isoformat(), printed.isoformat()]
    return Written(plan, head, body, pages.header_noise(rng, o.issuer, published),
                   pages.footer_noise(rng, o.issuer), ntitle, page_meta if head_kind == "bare" else {})


def dept_list(rng: random.Random) -> Written:
    """A department's short list of 6–8 duties: 1. / 一是 / （一）, no title or a metadata block."""
    level = rng.choice(["bureau", "hall"])
    o = office(rng, level)
    year = rng.randint(2017, 2024)
    roles = roles_for(rng, o, rng.choice(["resp", "lead_coop", "none", "resp"]))
    duties = flat_duties(rng, o, year, roles)
    kind = rng.choice(["digit", "shi", "paren_cn"])
    numbering(rng, duties, [kind], digit_mark=rng.choice([".", "、", "．"]), damage=rng.random() < 0.25)
    title = plan_title(rng, o, year)
    signed = issue_date(rng, year)
    published = pages.page_date(rng, signed)
    has_meta = rng.random() < 0.5
    number = o.doc_number(rng, year) if has_meta and rng.random() < 0.6 else None
    if has_meta:
        meta = Meta(title, year, o.issuer, number, signed.isoformat())
        head = pages.meta_block(rng, index_no=pages.index_number(rng, year), issuer=o.issuer, name=title,
                                signed=signed, doc_number=number)
    else:
        meta = Meta(None, year, None, None, None)
        head = []
    plan = Plan(meta, duties, level, o.place)
    lead_in = rng.choice([f"为做好{year}年政务公开工作，结合我局实际，重点抓好以下工作：",
                          f"{year}年，我厅政务公开工作主要围绕以下几个方面开展：",
                          f"根据上级部署，{year}年本单位政务公开重点工作如下。"])
    paras = node_paragraphs(rng, duties, pick_forms(rng, dept=True), rng.choice(["、", "，"]), "", limit_year=year)
    if kind == "shi" and rng.random() < 0.4:
        paras = [lead_in + "".join(p.rstrip("。") + "；" for p in paras[:-1]) + paras[-1]]
    else:
        paras = [lead_in] + paras
    body = ([title] if has_meta else []) + paras
    page_meta = {} if has_meta else {"issuer": o.issuer, "date": published.isoformat()}
    return Written(plan, head, body, pages.header_noise(rng, o.issuer, published),
                   pages.footer_noise(rng, o.issuer), title, page_meta)


def page_text(rng: random.Random, w: Written) -> str:
    """The page as a clerk copies it from the browser: noise, blank lines, indents; now and
    then the text of a printed copy, with page numbers ("— 3 —") between paragraphs."""
    indent = rng.choice(["", "　　", "  "])
    gap = rng.choice(["\n", "\n\n", "\n \n"])
    body = [indent + p for p in w.body]
    if rng.random() < 0.15:
        style = rng.choice(["— {n} —", "-{n}-", "第{n}页", "- {n} -"])
        page, out = 1, []
        for p in body:
            out.append(p)
            if rng.random() < 0.12:
                page += 1
                out.append(style.format(n=page))
        body = out
    lines = w.header + [""] + w.head + [""] + body + [""] + w.footer
    return gap.join(lines).replace(gap + gap, gap) + "\n"


def one_line_text(rng: random.Random, w: Written, joiner: str | None = None) -> str:
    """An archive's text of the page: a short header, then the whole body on one line."""
    joiner = rng.choice([" ", " ", ""]) if joiner is None else joiner
    dated = w.plan.meta.date if isinstance(w.plan.meta.date, str) else None
    published = dt.date.fromisoformat(dated) if dated else issue_date(rng, w.plan.meta.year)
    header = pages.archive_header(rng, w.notice_title, published) if rng.random() < 0.85 else ""
    return header + joiner.join(p.replace("\n", joiner) for p in w.head + w.body) + "\n"


ENCODINGS = ["gb18030", "utf-16", "utf-16-be-bom", "traditional", "traditional-gb18030", "traditional-ruby",
             "pdf-copy"]


def wrapped_text(rng: random.Random, w: Written) -> str:
    """Text copied out of a PDF: every paragraph hard-wrapped at the page's width (mid-word,
    mid-unit-name), a page number every few dozen lines, no site noise."""
    width = rng.randint(24, 38)
    lines: list[str] = []
    for para in w.head + w.body:
        for part in para.split("\n"):
            text = "　　" + part if rng.random() < 0.8 else part
            lines += [text[i:i + width] for i in range(0, len(text), width)] or [""]
    out, page = [], 1
    for n, line in enumerate(lines, 1):
        out.append(line)
        if n % 30 == 0:
            page += 1
            out.append(f"— {page} —")
    return "\n".join(out) + "\n"


def family_e(rng: random.Random, i: int, seed: int) -> Doc:
    """Web text in another encoding (GB18030, UTF-16 either way) or script (traditional, with or
    without pinyin after converted characters); text copied out of a PDF, hard-wrapped."""
    w = prose_plan(rng) if (i + i // len(ENCODINGS)) % 2 == 0 else dept_list(rng)
    how = ENCODINGS[i % len(ENCODINGS)]
    text = wrapped_text(rng, w) if how == "pdf-copy" else page_text(rng, w)
    simplified = text
    convert = None
    if how.startswith("traditional"):
        import opencc

        cc = opencc.OpenCC(rng.choice(["s2t", "s2tw", "s2hk"]))
        convert = cc.convert
        text = convert(text)
        if how.endswith("ruby"):
            from tools.unseen.ruby import annotate

            text = annotate(rng, text, convert)
    if how in ("gb18030", "traditional-gb18030"):
        data = text.encode("gb18030")
    elif how == "utf-16":
        data = text.encode("utf-16")  # little-endian with a BOM
    elif how == "utf-16-be-bom":
        data = "\ufeff".encode("utf-16-be") + text.encode("utf-16-be")
    else:
        data = text.encode("utf-8")
    return Doc("e", how, "txt", data, plan_gold(w, convert, parts=[simplified]))


def plan_gold(w: Written, convert=None, parts: list[str] | None = None) -> dict:
    """The gold of a written plan. A metadata alternative (issuer or date read from the site's
    header) is kept only when the document prints it; `parts` are the paragraphs it holds."""
    printed = "".join(parts if parts is not None else w.header + w.head + w.body + w.footer)
    meta = dataclasses.replace(w.plan.meta)
    for key, value in w.page_meta.items():
        if value in printed and getattr(meta, key) != value:
            setattr(meta, key, [getattr(meta, key), value])
    plan = dataclasses.replace(w.plan, meta=meta)
    return gold(plan, convert) if convert else gold(plan)
