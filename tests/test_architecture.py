"""The layering rules STYLE.md sets, checked rather than hoped for."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_core_imports_no_qt():
    code = (
        "import sys, pkgutil, importlib, core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


def test_gui_does_not_touch_peewee():
    offenders = [p.name for p in (ROOT / "gui").rglob("*.py")
                 if re.search(r"^\s*(from|import)\s+(peewee|core\.store)", p.read_text(encoding="utf-8"), re.M)]
    assert offenders == []


def _python_files_outside_the_store() -> list[Path]:
    """Our modules that are not core/store/: the service, the rest of core, the GUI and the CLI."""
    store = ROOT / "core" / "store"
    files = [p for pkg in ("core", "gui") for p in (ROOT / pkg).rglob("*.py") if store not in p.parents]
    return [*files, ROOT / "main.py"]


def test_only_the_store_touches_peewee_and_its_tables():
    """All SQL lives in core/store/: the service calls store functions and builds Changes; nothing
    else imports peewee or the table classes (lazy imports included)."""
    offenders = [p.relative_to(ROOT).as_posix() for p in _python_files_outside_the_store()
                 if re.search(r"^\s*(from|import)\s+(peewee|playhouse|core\.store\.tables)\b|"
                              r"^\s*from\s+core\.store\s+import\s+.*\btables\b",
                              p.read_text(encoding="utf-8"), re.M)]
    assert offenders == []
    tables = "|".join(name for name in dir(_tables_module()) if name[:1].isupper() and name != "BaseModel")
    queries = [p.relative_to(ROOT).as_posix() for p in _python_files_outside_the_store()
               if re.search(rf"\b(\w+\.)?({tables})\.(select|get|get_or_none|get_by_id|create|insert|insert_many|"
                            r"update|delete|raw)\(", p.read_text(encoding="utf-8"))]
    assert queries == []  # nor reaches a table through a store module's namespace


def _tables_module():
    import core.store.tables

    return core.store.tables


def test_only_the_service_reaches_the_store():
    """core/service/ is the one door: the rest of core (export, collect, parse, cli…), the GUI and
    main.py import nothing from core.store."""
    service = ROOT / "core" / "service"
    offenders = [p.relative_to(ROOT).as_posix() for p in _python_files_outside_the_store()
                 if service not in p.parents
                 and re.search(r"^\s*(from|import)\s+core\.store\b", p.read_text(encoding="utf-8"), re.M)]
    assert offenders == []


def test_the_cli_goes_through_the_service():
    """main.py (and its room, core/cli/) reach the data only through PlanService, like the window."""
    for path in [ROOT / "main.py", *(ROOT / "core" / "cli").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        assert re.findall(r"^\s*(?:from|import)\s+(core\.store\S*)", text, re.M) == [], path.name


def test_every_mutation_of_the_service_returns_a_change_with_its_initiator():
    """A PlanService method that writes (opens a transaction, or replaces the data) returns a Change
    and takes the `initiator` to put in it, so every view can learn what moved, and from whom."""
    import inspect

    from core.domain.records import Change
    from core.service.facade import PlanService

    writers = {name: fn for name, fn in inspect.getmembers(PlanService, inspect.isfunction)
               if not name.startswith("_") and ("self._atomic()" in inspect.getsource(fn) or name == "restore_backup")}
    assert {"import_plan", "delete_plan", "carry_over", "restore_backup", "set_statuses", "add_node"} <= set(writers)
    wrong = [name for name, fn in writers.items()
             if fn.__annotations__.get("return") not in ("Change", Change)  # a string under `annotations`
             or "initiator" not in inspect.signature(fn).parameters]
    assert wrong == []


def test_the_window_reads_and_writes_only_declared_settings():
    """Settings are declared once (key, type, default) in core.domain.settings; the GUI uses them
    through PlanService.get / put, never a raw key and its own parsing of the text."""
    offenders = [p.relative_to(ROOT).as_posix() for p in (ROOT / "gui").rglob("*.py")
                 if re.search(r"service\.(setting|set_setting)\(", p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_one_place_creates_the_database():
    hits = [p.relative_to(ROOT).as_posix() for p in ROOT.glob("[cg]*/**/*.py")
            if "SqliteDatabase(" in p.read_text(encoding="utf-8")]
    assert hits == ["core/store/db.py"]


def _module_imports(path: Path, known: set[str]) -> set[str]:
    """Modules of ours that `path` imports anywhere (lazy imports too), outside `if TYPE_CHECKING:`."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    hints = {id(n) for node in ast.walk(tree)
             if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test) for n in ast.walk(node)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in hints:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found & known


# Cycles known and owned elsewhere, to be broken by moving the shared records into a module of
# their own; an entry that no longer exists fails the test too, so the list only shrinks.
KNOWN_CYCLES: dict[frozenset[str], str] = {}


def test_no_two_modules_import_each_other_round_a_cycle():
    """Module → module cycles (lazy imports included; a package's __init__ re-exporting its own
    modules is not a cycle) make moving a module into another package break at import time."""
    files = {p: ".".join(p.relative_to(ROOT).with_suffix("").parts)
             for pkg in ("core", "gui") for p in (ROOT / pkg).rglob("*.py") if p.name != "__init__.py"}
    known = set(files.values())
    graph = {name: _module_imports(path, known) - {name} for path, name in files.items()}
    cycles, done = [], set()

    def visit(name: str, trail: list[str]) -> None:
        if name in trail:
            cycles.append(trail[trail.index(name):] + [name])
            return
        if name in done:
            return
        for dep in sorted(graph[name]):
            visit(dep, [*trail, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])
    found = {frozenset(cycle) for cycle in cycles}
    assert [sorted(c) for c in found - set(KNOWN_CYCLES)] == []
    assert [sorted(c) for c in set(KNOWN_CYCLES) - found] == [], "broken at last: remove it from KNOWN_CYCLES"
