"""Opening only what is ours: empty, foreign, subtly damaged and read-only files, and odd --db paths."""

from __future__ import annotations

import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from core.errors import StoreError
from core.service.facade import PlanService
from core.store import backup
from core.store.health import check_database
from core.store.identity import APPLICATION_ID
from tests.media import foreign_sqlite

ROOT = Path(__file__).resolve().parents[2]
REPORTER = "--reporter"  # exports name their 填报单位 (issue 18); none is set in these databases


def _cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, timeout=120)


def _saved(db_path: Path, sample_plan) -> Path:
    svc = PlanService(db_path)
    svc.import_plan(sample_plan)
    svc.close()
    return db_path


def _one_line_error(res: subprocess.CompletedProcess) -> str:
    lines = res.stderr.strip().splitlines()
    assert res.returncode == 2 and len(lines) == 1 and "程序内部错误" not in lines[0], res.stderr
    return lines[0]


# -- empty files -------------------------------------------------------------------------
def test_zero_byte_database_beside_backups_is_refused_and_left_alone(db_path, sample_plan):
    svc = PlanService(db_path)
    svc.import_plan(sample_plan)
    svc.backup_now()
    svc.close()
    db_path.write_bytes(b"")  # what a crash while copying the file can leave
    with pytest.raises(StoreError) as caught:
        PlanService(db_path)
    assert caught.value.code == "db_empty"
    assert db_path.stat().st_size == 0 and not Path(f"{db_path}-wal").exists()
    checked = _cli("--db", str(db_path), "check")
    assert checked.returncode == 1 and "0 字节" in checked.stderr and "完好" not in checked.stdout


def test_zero_byte_database_is_offered_its_backups_at_start_up(db_path, sample_plan):
    from gui.app.db_open import Choice, open_with_recovery

    svc = PlanService(db_path)
    svc.import_plan(sample_plan)
    saved = svc.backup_now()
    svc.close()
    db_path.write_bytes(b"")
    asked = []

    def ask(path, err, backups, parent):
        asked.append((err.code, [b.path for b in backups]))
        return Choice.RESTORE, saved

    from PySide6.QtWidgets import QMessageBox

    info = QMessageBox.information
    QMessageBox.information = staticmethod(lambda *a, **k: None)
    try:
        restored = open_with_recovery(None, db_path, ask=ask)
    finally:
        QMessageBox.information = info
    try:
        assert asked == [("db_empty", [saved])]
        assert [p.title for p in restored.list_plans()] == [sample_plan.title]
    finally:
        restored.close()
    assert [p.stat().st_size for p in db_path.parent.glob(f"{db_path.name}.damaged-*")] == [0]


def test_only_a_path_where_nothing_exists_starts_a_new_database(tmp_path):
    fresh = tmp_path / "new.sqlite3"
    PlanService(fresh).close()
    con = sqlite3.connect(fresh)
    assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    con.close()


# -- foreign files ------------------------------------------------------------------------
@pytest.mark.parametrize("user_version", [1, 2, 3, 50])
def test_foreign_sqlite_file_of_any_version_is_refused_unchanged(tmp_path, user_version):
    other = foreign_sqlite(tmp_path / "ledger.sqlite3", user_version,  # even with a table called plan
                           ("CREATE TABLE plan (id INTEGER PRIMARY KEY, name TEXT)",
                            "INSERT INTO plan VALUES (1, '别人的数据')"))
    before = other.read_bytes()
    with pytest.raises(StoreError) as caught:
        PlanService(other)
    assert caught.value.code == "db_not_taizhang"
    for args in (["status"], ["mark", "--node", "1", "--status", "已完成"]):
        assert _one_line_error(_cli("--db", str(other), *args)) == f"错误：{other} 不是要点台账的数据库"
    assert other.read_bytes() == before and not Path(f"{other}-wal").exists()


def test_a_database_from_before_application_id_is_recognised_and_marked(tmp_path):
    dump = ROOT / "tests" / "fixtures" / "schemas" / "v2.sql"
    path = tmp_path / "old.sqlite3"
    con = sqlite3.connect(path)
    con.executescript(dump.read_text(encoding="utf-8"))
    con.close()
    PlanService(path).close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    con.close()


def test_read_only_command_on_a_schema_it_cannot_read_asks_for_an_upgrade_and_changes_nothing(tmp_path):
    path = tmp_path / "v1.sqlite3"
    con = sqlite3.connect(path)
    con.executescript((ROOT / "tests" / "fixtures" / "schemas" / "v1.sql").read_text(encoding="utf-8"))
    con.close()
    before = path.read_bytes()
    assert _one_line_error(_cli("--db", str(path), "status")).startswith("错误：数据库是旧版本的结构，只读的命令不能升级它")
    assert path.read_bytes() == before and not backup.backup_dir(path).exists()
    PlanService(path).close()  # the window (or any writing command) upgrades it, backing it up first
    status = _cli("--db", str(path), "status")
    assert status.returncode == 0 and "示例县2026年政务公开工作要点" in status.stdout


# -- damage that only a full check finds ---------------------------------------------------
def test_no_byte_flip_that_integrity_check_finds_gets_past_opening(tmp_path, sample_plan):
    good = _saved(tmp_path / "good.sqlite3", sample_plan)
    data = good.read_bytes()
    rng = random.Random(20261201)
    let_through, damaged_count = [], 0
    for _ in range(150):  # about one flip in fifty damages an index in a way quick_check misses
        flipped = bytearray(data)
        at = rng.randrange(100, len(data))  # past the header, whose damage is caught anyway
        flipped[at] ^= 1 << rng.randrange(8)
        path = tmp_path / "flipped.sqlite3"
        path.write_bytes(bytes(flipped))
        con = sqlite3.connect(path)
        con.text_factory = bytes  # a damaged page can make SQLite's own report invalid UTF-8
        try:
            damaged = con.execute("PRAGMA integrity_check").fetchall() != [(b"ok",)]
        except (sqlite3.DatabaseError, UnicodeDecodeError):  # even SQLite's error text can be garbled
            damaged = True
        finally:
            con.close()
        if not damaged:
            continue
        damaged_count += 1
        try:
            PlanService(path).close()
            let_through.append(at)
        except StoreError as err:
            assert err.code == "db_damaged"
        if damaged_count % 10 == 1:  # and `check` says so too, without a traceback
            checked = _cli("--db", str(path), "check")
            assert checked.returncode == 1 and "Traceback" not in checked.stderr, checked.stderr
    assert damaged_count >= 5 and let_through == []


ODD_VALUES = [  # what another tool might write into a field: (statement, what check then says)
    ("UPDATE progress SET status = 'paused' WHERE node_id = {task}", "事项 {task} 的状态“paused”无法识别"),
    ("UPDATE progress SET status = 'done', completed_on = '昨天' WHERE node_id = {task}",
     "事项 {task} 的完成日期“昨天”不是日期"),
    ("UPDATE deadline SET due = '2026-13-45' WHERE node_id = {task}", "事项 {task} 的时限日期“2026-13-45”不是日期"),
    ("UPDATE node_unit SET role = 'boss' WHERE node_id = {task}", "事项 {task} 的单位角色“boss”无法识别"),
    ("UPDATE progress SET updated_at = 'garbage' WHERE node_id = {task}", "事项 {task} 的修改时间“garbage”不是时间"),
    ("INSERT INTO history (node_id, at, field, old, new) VALUES ({task}, 'soon', 'note', '', 'x')",
     "事项 {task} 的一条修改记录时间“soon”不是时间"),
    ("UPDATE node SET title = CAST(X'E4B8ADFF' AS TEXT) WHERE id = {task}",  # a flipped bit in the text
     "表 node 第 {task} 行的 title 含有无法识别的文字"),
    ("INSERT INTO deferral (node_id, at, due, reason, approval) VALUES ({task}, '2026-05-01 08:00:00', 'never', 'x', '')",
     "事项 {task} 的延期日期“never”不是日期"),
    ("INSERT INTO entry (node_id, day, text, status, added_at) VALUES ({task}, '某日', 'x', NULL, '2026-05-01 08:00:00')",
     "事项 {task} 的一条进展日期“某日”不是日期"),
    ("INSERT INTO entry (node_id, day, text, status, added_at) VALUES ({task}, '2026-05-01', 'x', 'meh', "
     "'2026-05-01 08:00:00')", "事项 {task} 的一条进展的状态“meh”无法识别"),
]


@pytest.mark.parametrize("statement, reported", ODD_VALUES, ids=["status", "completed", "due", "role", "updated",
                                                                  "history", "not-utf8", "deferral", "entry-day",
                                                                  "entry-status"])
def test_value_outside_the_schema_is_reported_by_check_and_crashes_nothing(db_path, sample_plan, tmp_path,
                                                                          statement, reported):
    _saved(db_path, sample_plan)
    con = sqlite3.connect(db_path)
    task = con.execute("SELECT node_id FROM deadline WHERE due IS NOT NULL ORDER BY node_id LIMIT 1").fetchone()[0]
    con.execute(statement.format(task=task))
    con.commit()
    con.close()
    checked = _cli("--db", str(db_path), "check")
    assert checked.returncode == 1 and reported.format(task=task) in checked.stderr, checked.stderr
    for args in (["status"], ["list", "--plan", "1", "--json"], ["list", "--plan", "1", "--overdue"],
                 ["export", "--plan", "1", REPORTER, "县政府办公室", "--out", str(tmp_path)],
                 ["export", "--plan", "1", "--style", "report", REPORTER, "县政府办公室", "--out", str(tmp_path)],
                 ["export", "--plan", "1", "--format", "xlsx", REPORTER, "县政府办公室", "--out", str(tmp_path)]):
        res = _cli("--db", str(db_path), *args)
        assert res.returncode == 0, (args, res.stderr)
    svc = PlanService(db_path)
    try:
        assert svc.rollups(1) and svc.node(task).title and svc.history(task) is not None
        svc.set_note(task, "照常写入")
        assert svc.node(task).note == "照常写入"
    finally:
        svc.close()


# -- read-only media -----------------------------------------------------------------------
def test_read_only_stick_serves_status_list_export_and_check(tmp_path, sample_plan, read_only):
    stick = tmp_path / "stick"
    stick.mkdir()
    db = _saved(stick / "taizhang.sqlite3", sample_plan)
    before, original = sorted(p.name for p in stick.iterdir()), db.read_bytes()
    out = tmp_path / "out"
    out.mkdir()
    with read_only(stick) as locked:
        path = locked / "taizhang.sqlite3"
        status = _cli("--db", str(path), "status", "--json")
        assert status.returncode == 0 and '"tasks": 15' in status.stdout, status.stderr
        listed = _cli("--db", str(path), "list", "--plan", "1")
        assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 15, listed.stderr
        exported = _cli("--db", str(path), "export", "--plan", "1", REPORTER, "县政府办公室", "--out", str(out))
        assert exported.returncode == 0 and list(out.glob("*.docx")), exported.stderr
        checked = _cli("--db", str(path), "check")
        assert checked.returncode == 0 and "数据库完好" in checked.stdout, checked.stderr
        assert check_database(path) == []
        marked = _cli("--db", str(path), "mark", "--node", "3", "--status", "已完成")
        assert _one_line_error(marked).startswith("错误：数据库所在位置不可写")
    assert sorted(p.name for p in stick.iterdir()) == before and db.read_bytes() == original


def test_read_only_open_writes_nothing_even_where_it_could(db_path, sample_plan):
    _saved(db_path, sample_plan)
    before = db_path.read_bytes()
    svc = PlanService(db_path, readonly=True)
    try:
        assert svc.list_plans()[0].title == sample_plan.title
        with pytest.raises(StoreError) as caught:
            svc.set_setting("k", "v")
        assert caught.value.code == "db_readonly"
    finally:
        svc.close()
    assert db_path.read_bytes() == before and backup.list_backups(db_path) == []


# -- odd --db paths ------------------------------------------------------------------------
@pytest.mark.parametrize("command", [["status"], ["list", "--plan", "1"], ["check"],
                                     ["export", "--plan", "1"], ["import", "sample"]])
def test_db_pointing_to_a_folder_is_one_clear_line(tmp_path, command):
    if command == ["import", "sample"]:
        command = ["import", str(ROOT / "resources" / "sample_plan.json")]
    res = _cli("--db", str(tmp_path), *command, cwd=tmp_path)
    if command == ["check"]:
        assert res.returncode == 1 and res.stderr.strip() == f"这是一个文件夹，不是数据库文件：{tmp_path}"
    else:
        assert _one_line_error(res) == f"错误：{tmp_path} 是一个文件夹，不是数据库文件（--db 应指向 .sqlite3 文件）"
    assert sorted(tmp_path.iterdir()) == sorted(p for p in tmp_path.iterdir() if p.suffix == ".docx")


@pytest.mark.parametrize("command", [["status"], ["list", "--plan", "1"], ["export", "--plan", "1"]])
def test_read_only_command_refuses_an_empty_text_file(tmp_path, command):
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"")
    res = _cli("--db", str(notes), *command, cwd=tmp_path)
    assert _one_line_error(res).startswith("错误：文件是空的（0 字节）")
    assert notes.stat().st_size == 0 and sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_read_only_commands_never_create_a_missing_folder_or_file(tmp_path):
    missing = tmp_path / "no-such-folder" / "taizhang.sqlite3"
    for command in (["status"], ["list", "--plan", "1"], ["export", "--plan", "1"]):
        res = _cli("--db", str(missing), *command, cwd=tmp_path)
        assert _one_line_error(res) == f"错误：数据库所在的文件夹不存在：{missing.parent}"
    beside = tmp_path / "taizhang.sqlite3"
    status = _cli("--db", str(beside), "status", "--json")
    assert status.returncode == 0 and status.stdout.strip() == "[]"
    parsed = _cli("--db", str(beside), "parse", "--json", str(ROOT / "resources" / "sample_plan.json"))
    assert parsed.returncode == 0, parsed.stderr
    assert not missing.parent.exists() and not beside.exists() and not list(tmp_path.iterdir())


def test_import_into_a_missing_folder_says_so(tmp_path):
    missing = tmp_path / "typo" / "taizhang.sqlite3"
    res = _cli("--db", str(missing), "import", str(ROOT / "resources" / "sample_plan.json"))
    assert _one_line_error(res) == f"错误：数据库所在的文件夹不存在：{missing.parent}"
    assert not missing.parent.exists()
    here = tmp_path / "taizhang.sqlite3"
    assert _cli("--db", str(here), "import", str(ROOT / "resources" / "sample_plan.json")).returncode == 0
    assert here.is_file()


def test_read_only_commands_leave_the_file_byte_identical_and_no_helper_files(tmp_path, sample_plan):
    db = _saved(tmp_path / "taizhang.sqlite3", sample_plan)
    shutil.copy(db, tmp_path / "copy.sqlite3")
    out = tmp_path / "out"
    out.mkdir()
    for args in (["status"], ["list", "--plan", "1"], ["check"],
                 ["export", "--plan", "1", REPORTER, "县政府办公室", "--out", str(out)]):
        assert _cli("--db", str(db), *args).returncode == 0
        assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.sqlite3", "out", "taizhang.sqlite3"], args
    assert db.read_bytes() == (tmp_path / "copy.sqlite3").read_bytes()
