"""Parsing off the GUI thread: stages reported in order, a result or a typed error, and Stop."""

from __future__ import annotations

from pathlib import Path

from core.errors import TaizhangError
from gui.workers import STAGES, ParseJob, ParseSource

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def run(qtbot, source: ParseSource) -> tuple[list, list, list]:
    job = ParseJob(source)
    stages, done, failed = [], [], []
    job.signals.progress.connect(lambda stage, total: stages.append((stage, total)))
    job.signals.finished.connect(done.append)
    job.signals.failed.connect(failed.append)
    job.start()
    qtbot.waitUntil(lambda: bool(done or failed), timeout=15000)
    return stages, done, failed


def test_a_file_is_read_parsed_and_checked_in_stages(qtbot):
    path = FIXTURES / "docx" / "004_def7ff238cca8790.numbered.docx"
    stages, [outcome], failed = run(qtbot, ParseSource(path=path))
    assert stages == [(i, STAGES) for i in range(STAGES)] and not failed
    assert outcome.plan.year == 2010 and outcome.sha256 and outcome.source.name == path.name
    assert [w.code for w in outcome.warnings] == ["noise_skipped"]  # the page's 打印 and 字体 lines


def test_a_reader_error_comes_back_typed(qtbot, tmp_path):
    bad = tmp_path / "要点.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    _, done, [err] = run(qtbot, ParseSource(path=bad))
    assert not done and isinstance(err, TaizhangError) and err.code == "corrupt"


def test_pasted_text_is_parsed_without_a_file(qtbot):
    _, [outcome], _ = run(qtbot, ParseSource(text="2024年政务公开工作要点\n一、公开\n1.公开预算。责任单位：县财政局。"))
    assert outcome.sha256 is None and outcome.plan.counts() == (1, 1)


def test_a_stopped_job_delivers_nothing(qtbot):
    job = ParseJob(ParseSource(path=FIXTURES / "pdf" / "002_0b33f68d6bab1fb5.pdf"))
    delivered = []
    job.signals.finished.connect(delivered.append)
    job.signals.failed.connect(delivered.append)
    job.cancel()
    job.start()
    qtbot.wait(500)
    assert delivered == []
