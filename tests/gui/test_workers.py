"""Parsing off the GUI thread: stages reported in order, a result or a typed error, and Stop."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QThreadPool

from core.errors import TaizhangError
from core.parse.source import PlanSource
from gui.importing.workers import STAGES, ParseJob
from tests.reads import count_reads

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def run(qtbot, source: PlanSource) -> tuple[list, list, list]:
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
    stages, [outcome], failed = run(qtbot, PlanSource(path=path))
    assert stages == [(i, STAGES) for i in range(STAGES)] and not failed
    assert outcome.plan.year == 2010 and outcome.source.name == path.name
    assert outcome.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()  # for the duplicate check
    assert [w.code for w in outcome.warnings] == ["noise_skipped"]  # the page's 打印 and 字体 lines


def test_the_worker_reads_the_file_once_for_the_plan_and_its_hash(qtbot, monkeypatch):
    path = (FIXTURES / "docx" / "004_def7ff238cca8790.numbered.docx").resolve()
    reads = count_reads(monkeypatch, path)
    _, [outcome], failed = run(qtbot, PlanSource(path=path))
    assert reads == ["read_bytes"] and not failed
    assert outcome.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_reader_error_comes_back_typed(qtbot, tmp_path):
    bad = tmp_path / "要点.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    _, done, [err] = run(qtbot, PlanSource(path=bad))
    assert not done and isinstance(err, TaizhangError) and err.code == "corrupt"


def test_pasted_text_is_parsed_without_a_file(qtbot):
    _, [outcome], _ = run(qtbot, PlanSource(text="2024年政务公开工作要点\n一、公开\n1.公开预算。责任单位：县财政局。"))
    assert outcome.sha256 is None and outcome.plan.counts() == (1, 1)


def test_a_stopped_job_delivers_nothing(qtbot):
    job = ParseJob(PlanSource(path=FIXTURES / "pdf" / "002_0b33f68d6bab1fb5.pdf"))
    delivered = []
    job.signals.finished.connect(delivered.append)
    job.signals.failed.connect(delivered.append)
    job.cancel()
    job.start()
    qtbot.wait(500)
    assert delivered == []


def fake_scanner(monkeypatch, recognised: list[int], on_page=None):
    """OCR installed, each page 'recognised' as one line of a plan (the real OCR is tested in
    tests/core/test_readers_scan.py with the extra installed)."""
    import core.readers.ocr as ocr

    lines = ["某县2024年政务公开工作要点", "一、加强政策解读", "1.做好政策文件解读。", "2.做好政策回应。"]

    def recognise(image) -> list:
        recognised.append(image)
        if on_page is not None:
            on_page()
        return [(100, 100, 900, 140, lines[image % len(lines)], 0.99)]

    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "recognise", recognise)
    monkeypatch.setattr(ocr, "read_pdf_scan", lambda pdf, name: ocr.recognise_pages(
        len(pdf), lambda i: i, name, 1.0, total=len(pdf)))


def scan_file(tmp_path, pages: int) -> Path:
    import sys

    sys.path.insert(0, str(FIXTURES.parent / "core"))
    from test_readers_pdf import blank_pdf

    path = tmp_path / "扫描件.pdf"
    path.write_bytes(blank_pdf(pages))
    return path


def test_a_scan_reports_each_page_it_recognises(qtbot, tmp_path, monkeypatch):
    recognised: list[int] = []
    fake_scanner(monkeypatch, recognised)
    job = ParseJob(PlanSource(path=scan_file(tmp_path, 4)))
    pages, done = [], []
    job.signals.pages.connect(lambda n, total: pages.append((n, total)))
    job.signals.finished.connect(done.append)
    job.start()
    qtbot.waitUntil(lambda: bool(done), timeout=15000)
    assert pages == [(0, 4), (1, 4), (2, 4), (3, 4)] and recognised == [0, 1, 2, 3]
    assert "ocr_used" in [w.code for w in done[0].warnings]


def test_stop_ends_the_recognition_of_a_long_scan_at_the_next_page(qtbot, tmp_path, monkeypatch):
    import threading

    recognised: list[int] = []
    release = threading.Event()
    fake_scanner(monkeypatch, recognised, on_page=lambda: release.wait(5))
    job = ParseJob(PlanSource(path=scan_file(tmp_path, 30)))
    done, failed = [], []
    job.signals.finished.connect(done.append)
    job.signals.failed.connect(failed.append)
    job.start()
    qtbot.waitUntil(lambda: bool(recognised), timeout=15000)
    job.cancel()
    release.set()
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=15000)
    assert recognised == [0] and not done and not failed
