"""One import orchestration: a file is read once, the hash is of the bytes parsed, and every
caller (the window's worker, the CLI, the sample plan) goes through `parse_source`."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from core.errors import InputError
from core.messages import Notice
from core.parse.source import PlanSource, parse_source
from core.readers.document import Document, Paragraph
from tests.reads import count_reads

PLAN = "2024年某县政务公开工作要点\n一、公开预算\n1.公开部门预算。责任单位：县财政局。6月底前完成。\n"
OTHER = "2025年某县政务公开工作要点\n一、公开决算\n1.公开部门决算。责任单位：县审计局。\n"


def test_a_file_is_read_once_and_the_hash_is_of_what_was_parsed(tmp_path, monkeypatch):
    """A file rewritten while it is being imported (a synced folder, an editor saving) must not
    store one version's hash with another version's plan."""
    path = tmp_path / "要点.txt"
    path.write_text(PLAN, encoding="utf-8")
    reads = []
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        data = real(self)
        if self == path:
            reads.append(data)
            self.write_text(OTHER, encoding="utf-8")  # changed straight after the first read
        return data

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    read = parse_source(path)
    assert len(reads) == 1
    assert read.sha256 == hashlib.sha256(PLAN.encode("utf-8")).hexdigest()
    assert read.plan.year == 2024 and read.plan.nodes[0].children[0].units["responsible"] == ["县财政局"]
    assert read.source.name == "要点.txt"


def test_the_sample_plan_json_is_read_back_with_its_hash(tmp_path):
    from core.paths import resource_path

    sample = resource_path("sample_plan.json")
    read = parse_source(PlanSource(path=sample))
    assert read.sha256 == hashlib.sha256(sample.read_bytes()).hexdigest()
    assert read.plan.to_dict()["title"] == json.loads(sample.read_text(encoding="utf-8"))["title"]


def rtf(text: str) -> bytes:
    """`text` as Word puts RTF on the clipboard: \\uN? escapes (signed 16-bit), \\par line ends."""
    body = "".join("\\par " if ch == "\n" else ch if ord(ch) < 128 else f"\\u{ord(ch) - (65536 if ord(ch) > 32767 else 0)}?"
                   for ch in text)
    return ("{\\rtf1\\ansi " + body + "}").encode("ascii")


def test_pasted_text_html_and_rtf_have_no_file_hash():
    for source in (PlanSource(text=PLAN), PlanSource(html="<p>" + PLAN.replace("\n", "</p><p>") + "</p>"),
                   PlanSource(rtf=rtf(PLAN))):
        read = parse_source(source)
        assert read.sha256 is None and read.source.name == ""
        assert read.plan.counts() == (1, 1), source


def test_the_parsing_hook_runs_after_reading_and_can_stop_the_parse(tmp_path, monkeypatch):
    """The worker reports its PARSE stage there and raises when the clerk has pressed Stop."""
    import core.parse.pipeline

    path = tmp_path / "要点.txt"
    path.write_text(PLAN, encoding="utf-8")
    parsed = []
    monkeypatch.setattr(core.parse.pipeline, "parse_document", lambda doc: parsed.append(doc))

    class Stop(Exception):
        pass

    def stop() -> None:
        raise Stop

    with pytest.raises(Stop):
        parse_source(path, parsing=stop)
    assert parsed == []


def test_a_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError) as err:
        parse_source(tmp_path / "不存在.docx")
    assert err.value.code == "file_missing"


def test_what_the_reader_noted_reaches_the_plan_from_the_one_parse_document():
    """`parse_document` is defined once (the pipeline's); the reader's notes become the plan's."""
    import core.parse.source
    from core.parse import parse_document
    from core.parse.pipeline import parse_document as pipeline_parse

    assert parse_document is pipeline_parse and not hasattr(core.parse.source, "parse_document")
    doc = Document(blocks=[Paragraph(line) for line in PLAN.splitlines()],
                   notes=[Notice("pages_cut", {"pages": 2})])
    assert [n.code for n in pipeline_parse(doc).notes] == ["pages_cut"]


def test_the_cli_import_reads_the_file_once(tmp_path, monkeypatch, capsys):
    """`import` used to hash the file in one read and parse it in another."""
    import main
    from core.paths import resource_path

    sample = resource_path("sample_plan.json").resolve()
    reads = count_reads(monkeypatch, sample)
    assert main.main(["--db", str(tmp_path / "t.sqlite3"), "import", str(sample)]) == 0
    assert reads == ["read_bytes"] and "已导入计划 1" in capsys.readouterr().out


def test_the_window_worker_and_the_sample_read_through_parse_source():
    """No second orchestration in the GUI: the worker and the sample plan call parse_source."""
    import inspect

    from gui.importing import flow, workers

    assert "parse_source(" in inspect.getsource(workers.ParseJob._work)
    assert "parse_source(" in inspect.getsource(flow.PlanImporter.open_sample)
    assert not hasattr(flow.PlanImporter, "import_file")
