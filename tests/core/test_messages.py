"""One catalogue of what the clerk reads (core/messages.py): every code in both languages, every
code core raises or returns is in it, and core words nothing itself outside it."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from core.errors import InputError, StoreError, TaizhangError, UsageError
from core.messages import CATALOGUE, Notice, cli_line, say, term, words

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u3400-\u9fff]")


def fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def texts() -> list[tuple[str, str, str]]:
    """(code, Chinese, English) for every text, the command line's own included."""
    out = []
    for code, w in CATALOGUE.items():
        out.append((code, w.zh, w.en))
        if w.cli:
            out.append((f"{code} (cli)", *w.cli))
    return out


def test_every_message_has_its_chinese_and_its_english():
    for code, zh, en in texts():
        assert CJK.search(zh), f"{code}: no Chinese in {zh!r}"
        assert re.search(r"[A-Za-z]{2,}", en) and en != zh, f"{code}: no English in {en!r}"


def test_both_languages_of_a_message_fill_the_same_fields():
    for code, zh, en in texts():
        assert fields(zh) == fields(en), code
    for code, w in CATALOGUE.items():
        if w.cli:
            assert fields(w.cli[0]) <= fields(w.zh), code  # the same error, worded for the command line


# -- every code raised or returned exists ----------------------------------------------------------
CODED = {"TaizhangError": 0, "InputError": 0, "StoreError": 0, "NotFoundError": 0, "OutputError": 0,
         "UsageError": 0, "ImportWarning": 0, "Notice": 0, "Problem": 2, "store_error": 2, "ole_code": 1,
         "open_zip": 1}


def _constants(node: ast.AST) -> list[str]:
    """The literal codes an argument can be: "x", or either side of `"x" if … else "y"`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _constants(node.body) + _constants(node.orelse)
    return []


def codes_in_source() -> dict[str, str]:
    """Code → where it is written, for every literal code handed to an error, a warning or a note."""
    found: dict[str, str] = {}
    files = [*sorted((ROOT / "core").rglob("*.py")), *sorted((ROOT / "gui").rglob("*.py")), ROOT / "main.py"]
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if called in CODED and len(node.args) > CODED[called]:
                for code in _constants(node.args[CODED[called]]):
                    found.setdefault(code, f"{path.relative_to(ROOT)}:{node.lineno}")
            if called == "append" and node.args and isinstance(node.args[0], ast.Tuple) and node.args[0].elts:
                for code in _constants(node.args[0].elts[0]):  # ("code", {params}) notes
                    if re.fullmatch(r"[a-z]+(_[a-z0-9]+)+", code):
                        found.setdefault(code, f"{path.relative_to(ROOT)}:{node.lineno}")
        for node in ast.walk(tree):  # def ..._code(): return "code"
            if isinstance(node, ast.FunctionDef) and node.name.endswith("_code"):
                for ret in ast.walk(node):
                    if isinstance(ret, ast.Return) and ret.value is not None:
                        for code in _constants(ret.value):
                            found.setdefault(code, f"{path.relative_to(ROOT)}:{ret.lineno}")
    return found


def test_the_source_scan_sees_the_codes_it_should():
    found = codes_in_source()
    assert {"db_folder_missing", "scanned", "no_plan", "encrypted", "table_guessed", "health_is_dir",
            "detail_part_missing", "fill_bad_status"} <= set(found)


def test_every_code_raised_or_returned_is_in_the_catalogue():
    missing = {code: where for code, where in codes_in_source().items() if code not in CATALOGUE}
    assert not missing, missing


# Codes also sit in tables (SQLite result codes → db_*, argparse's messages → cli_*): every literal
# shaped like a code of these families must be in the catalogue.
FAMILIES = re.compile(r"(backup|bad|cli|collect|db|deferral|detail|entry|evidence|export|file|fill|health|merge|"
                      r"scan|suffix)_[a-z0-9_]+")
NOT_CODES = {"backup_reason_", "export_plan"}  # an f-string's prefix, a function's name


def test_every_code_kept_in_a_table_is_in_the_catalogue():
    from core.domain.status import Status
    from core.store import backup

    codes = {f"status_{s.value}" for s in Status} | {f"backup_reason_{r}" for r in backup.REASONS}
    stack = [TaizhangError]
    while stack:
        cls = stack.pop()
        codes.add(cls.code)
        stack.extend(cls.__subclasses__())
    for path in [*sorted((ROOT / "core").rglob("*.py")), *sorted((ROOT / "gui").rglob("*.py")), ROOT / "main.py"]:
        codes |= {n.value for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                  if isinstance(n, ast.Constant) and isinstance(n.value, str) and FAMILIES.fullmatch(n.value)}
    assert codes - NOT_CODES - set(CATALOGUE) == set()


# -- core words nothing outside the catalogue -----------------------------------------------------
# Modules whose Chinese is the genre's or the documents' own words, never a message to the clerk.
WORDS_OF_THE_GENRE_OR_THE_DOCUMENTS = {
    "core/parse": "the genre's words: labels, unit roles, deadline phrases, header words",
    "core/cli": "the command line's own report lines and help headings, as gui/'s tr() strings are the window's "
                "(its errors and warnings come from the catalogue)",
    "core/export": "the report's and the 台账's own text (GB/T 9704 documents are Chinese)",
    "core/collect": "the fill-in workbook's columns and the header words a returned one is read by",
    "core/domain/numerals.py": "Chinese numerals", "core/domain/collective_units.py": "collective unit names",
    "core/domain/periods.py": "period words (本月, 上季度) the CLI takes and reports print",
    "core/domain/deferral.py": "a deferral as reports word it", "core/domain/entries.py": "dates as reports print them",
    "core/domain/similarity.py": "numbering shapes", "core/readers/docx_numbering.py": "numbering families",
    "core/readers/pdf_lines.py": "page-number and label shapes", "core/readers/pdf_tables.py": "label shapes",
    "core/readers/ocr.py": "what OCR misreads in Chinese print", "core/readers/text.py": "common characters and CJK ranges",
    "core/readers/doc_text.py": "a CJK range", "core/readers/docx_body.py": "Word's Chinese style names",
    "core/readers/xlsx.py": "TRUE/FALSE cells as a Chinese sheet shows them", "core/readers/html.py": "剪贴板, a source's name",
    "core/version.py": "the product's name", "core/filenames.py": "a fallback file name",
    "core/selfcheck.py": "the self-test's export, read back",
}


def chinese_literals(path: Path) -> list[tuple[int, str]]:
    """Chinese in the string literals of `path`, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [(n.lineno, n.value) for n in ast.walk(tree) if isinstance(n, ast.Constant)
            and isinstance(n.value, str) and id(n) not in docs and CJK.search(n.value)]


def test_no_chinese_prose_in_core_outside_the_catalogue():
    found = []
    for path in sorted((ROOT / "core").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel == "core/messages.py" or any(rel == k or rel.startswith(k + "/") for k in
                                            WORDS_OF_THE_GENRE_OR_THE_DOCUMENTS):
            continue
        found += [f"{rel}:{line}: {text!r}" for line, text in chinese_literals(path)]
    assert not found, "word these in core/messages.py and pass a code:\n" + "\n".join(found)


def test_the_allowed_modules_exist():
    assert all((ROOT / k).exists() or (ROOT / f"{k}.py").exists() for k in WORDS_OF_THE_GENRE_OR_THE_DOCUMENTS)


# -- how a message is worded ----------------------------------------------------------------------
def test_the_command_line_drops_the_closing_stop_and_a_list_colon():
    assert say(InputError("file_empty")) == "文件是空的。"
    assert cli_line(InputError("file_empty")) == "文件是空的"
    assert cli_line(Notice("noise_skipped", {"count": 3})) == "以下内容疑似网页杂项，未导入（3 行）"


def test_the_command_line_names_its_options_where_the_window_does_not():
    err = UsageError("delete_needs_yes", plan_id=2, title="要点")
    assert "--yes" in cli_line(err)
    assert cli_line(UsageError("mark_nothing")) == "请至少给出 --status、--note 或 --date 之一"
    assert say(UsageError("mark_nothing")) == "没有要修改的内容。"
    assert say(UsageError("mark_nothing"), "en") == "Nothing to change."


def test_a_readers_detail_is_worded_in_the_messages_language():
    err = InputError("corrupt", detail=Notice("detail_part_missing", {"name": "word/document.xml"}))
    assert cli_line(err) == "文件已损坏，无法打开（缺少 word/document.xml）"
    assert say(err, "en") == "The file is damaged and cannot be opened (word/document.xml is missing)."


def test_an_unknown_code_falls_back_to_its_kind_then_to_error():
    assert cli_line(StoreError("no_such_code")) == "数据库出错"
    assert cli_line(TaizhangError("no_such_code")) == "操作失败"
    assert say(Notice("no_such_code"), "en") == "The operation failed."


def test_a_missing_field_leaves_the_template_rather_than_failing():
    assert words("file_missing", {}) == "找不到文件：{path}"


@pytest.mark.parametrize(("code", "zh", "en"), [("status_na", "不适用", "Not applicable"),
                                                ("backup_reason_manual", "手动备份", "Made by hand")])
def test_names_come_in_both_languages(code, zh, en):
    assert term(code) == zh and term(code, "en") == en


def test_a_name_the_catalogue_lacks_is_shown_as_written():
    assert term("backup_reason_weekly", default="weekly") == "weekly"


def test_every_merge_conflict_reason_is_worded():
    tree = ast.parse((ROOT / "core" / "collect" / "merge.py").read_text(encoding="utf-8"))
    reasons = {n.value.value for n in ast.walk(tree) if isinstance(n, ast.Assign) and isinstance(n.value, ast.Constant)
               and any(getattr(t, "id", None) == "reason" for t in n.targets)}
    assert reasons == {"units_differ", "changed_since"}
    assert {term(f"conflict_{r}") for r in reasons} == {"两份填报不一致", "生成填报表后台账已改动"}


def test_check_returns_codes_that_the_cli_words(tmp_path):
    from core.store.health import check_database

    empty = tmp_path / "空.sqlite3"
    empty.write_bytes(b"")
    assert check_database(tmp_path) == [Notice("health_is_dir", {"path": str(tmp_path)})]
    assert [cli_line(p) for p in check_database(empty)] == [f"数据库文件是空的（0 字节），没有任何数据：{empty}"]
    assert say(check_database(empty)[0], "en") == f"The database file is empty (0 bytes) and holds no data: {empty}"


def test_a_damaged_file_is_described_in_words_not_an_exception_name(tmp_path, capsys):
    import main

    bad = tmp_path / "要点.docx"
    bad.write_bytes(b"PK\x03\x04" + b"garbage" * 20)
    assert main.main(["parse", "--json", str(bad)]) == main.EXIT_ERROR
    assert capsys.readouterr().err.strip() == "错误：文件已损坏，无法打开（压缩包结构损坏）"
