"""Entry points main.py calls: run the window, or check the window end to end (self-test)."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from core.version import APP_NAME, APP_NAME_ZH, __version__


def make_app(lang: str = "zh_CN") -> QApplication:
    """The QApplication with translations and a Chinese-capable font (reused if one exists)."""
    from gui.app.i18n import install_translations, use_cjk_font

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName(APP_NAME_ZH if not lang.lower().startswith("en") else APP_NAME)
    from gui.app.icon import app_icon

    app.setWindowIcon(app_icon())
    install_translations(app, lang)
    use_cjk_font(app)
    return app


def run_gui(db_path: Path, lang: str = "zh_CN") -> int:
    """Open the database at `db_path` in the main window until the clerk closes it."""
    from gui.app import single_instance
    from gui.errors import install_excepthook

    app = make_app(lang)
    install_excepthook(Path(db_path).parent)
    if not single_instance.claim(Path(db_path)):  # open in another window: say so, bring nothing up
        return 1
    window = None
    try:
        window = start_window(Path(db_path))
        if window is None:  # the database did not open and the clerk chose to quit
            return 2
        from gui.app.startup_probe import install_if_asked

        install_if_asked(app, window)  # only benchmarks/run.py sets it
        return app.exec()
    finally:
        if window is not None:
            window.opening_checks.wait()
            if window.service is not None:
                window.service.close()
        single_instance.release()


def start_window(db_path: Path, settings: QSettings | None = None):
    """The main window with the last plan's tree in its first paint; None when the clerk chose to quit.

    An up-to-date Taizhang file is read for that paint without peewee (core/service/first_look.py);
    the service opens right after it, without its full integrity check and today's backup, which
    follow on a worker thread (gui/app/opening_checks.py) while every write waits for the check.
    Anything else (a new, damaged, foreign or old file) opens the service first, its problems
    explained and its backups offered before any window shows (gui/app/db_open.py).
    """
    from core.service.first_look import first_look
    from gui.window.main_window import MainWindow

    path = Path(db_path)
    look = first_look(path, dt.date.today())
    if look is None:
        service = _open_as_usual(path)
        if service is None:
            from gui.app.db_open import open_with_recovery

            service = open_with_recovery(None, path, check_later=True)
        if service is None:
            return None
    window = MainWindow(None, settings, deferred=look is not None)  # its menus, after the first paint
    if look is None:
        window.hold_until_painted()  # the overview, the units, the search keys (the service is open)
    if look is None:
        window.attach(service)
    else:
        held = _InputHeld(QApplication.instance())  # clicks and keys meet the service, not the first look
        window.after_first_paint(lambda: _open_after_paint(window, path, look, held))
        window.show_first_look(look)
    _check_after_paint(window)
    window.show()
    return window


def _check_after_paint(window) -> None:
    from gui.app.opening_checks import OpeningChecks

    window.opening_checks = OpeningChecks(window)
    window.opening_checks.finished.connect(lambda err: _damaged(window, err) if err is not None else None)


def _open_after_paint(window, path: Path, look, held) -> None:
    """The service behind the first look, right after its paint; its dialogs if the file changed since."""
    try:
        service = _open_as_usual(path)
    finally:
        held.release()  # before any dialog below: the clerk must be able to answer it
    if service is None:
        from gui.app.db_open import open_with_recovery

        service = open_with_recovery(window, path, check_later=True)
    if service is None:
        window.close()
        QApplication.exit(2)
        return
    window.attach(service, look)


class _InputHeld(QObject):
    """Drops the clerk's clicks and keys in the moment between the first paint and the service opening."""

    DROPPED = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
                         QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride,
                         QEvent.Type.Shortcut, QEvent.Type.Drop, QEvent.Type.ContextMenu, QEvent.Type.Wheel})

    def __init__(self, app) -> None:
        super().__init__(app)
        self.app = app
        app.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        return event.type() in self.DROPPED

    def release(self) -> None:
        self.app.removeEventFilter(self)


def _open_as_usual(db_path: Path):
    """The service on an existing file that opens; None for anything the recovery dialogs must
    explain (gui/app/db_open.py, imported only then)."""
    if not db_path.is_file():
        return None  # a new database, or a missing one whose backups are offered
    from core.errors import StoreError
    from core.service.facade import PlanService
    from gui.app import single_instance

    try:
        service = PlanService(db_path, check_later=True)
    except StoreError:
        return None
    single_instance.lock_again(db_path)
    return service


def _damaged(window, err) -> None:
    """The check after the first paint found the file damaged: close it before anything is written
    to it, and take the start-up recovery path (a backup, another file, or quit)."""
    from gui.app.db_open import open_with_recovery

    path = window.service.db_path
    window.model.load(None)
    window.service.close()
    service = open_with_recovery(window, path)  # checked in full now, so the dialog says why
    if service is None:
        window.service = None
        window.close()
        QApplication.exit(2)
        return
    window.attach(service)


def self_test(lang: str = "zh_CN") -> int:
    """Tick a sample task in the real window, reopen, check it stuck, export it. 0 when all is well."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    previous = qInstallMessageHandler(lambda *_: None)  # platform chatter is not a finding
    try:
        with tempfile.TemporaryDirectory(prefix="taizhang-selftest-") as tmp:
            _self_test(Path(tmp), lang)
    except Exception as exc:  # a self-test reports every failure as one line
        print(f"self-test failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    finally:
        qInstallMessageHandler(previous)
    return 0


def _self_test(tmp: Path, lang: str) -> None:
    from core.domain.status import Status
    from core.service.facade import PlanService
    from gui.window.main_window import MainWindow

    app = make_app(lang)
    db_path = tmp / "selftest.sqlite3"
    settings = QSettings(str(tmp / "window.ini"), QSettings.Format.IniFormat)

    service = PlanService(db_path)
    window = MainWindow(service, settings)
    window.show()
    if window.pages.currentWidget() is not window.welcome:
        raise AssertionError("an empty database did not show the welcome page")
    plan_id = window.importer.open_sample()
    if plan_id is None or window.model.plan_id != plan_id:
        raise AssertionError("the sample plan did not open")
    model = window.model
    task_id = model.task_ids()[0]
    parent_index = model.index_of(task_id).parent()
    before = model.item(parent_index).rollup.done
    if not model.setData(model.index_of(task_id), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole):
        raise AssertionError("ticking a task was refused")
    app.processEvents()
    if model.item(parent_index).rollup.done != before + 1:
        raise AssertionError("the section's progress did not move when its task was ticked")
    window.close()
    service.close()

    window = start_window(db_path, settings)  # as the clerk starts it: the service and its checks after the first paint
    if window is None:
        raise AssertionError("the database did not open again")
    try:
        info = window.model.item(window.model.index_of(task_id)).info
        if info is None or info.status is not Status.DONE:
            raise AssertionError("the tick was not there after reopening")
        checked = _checks_after_paint(window)
        service = window.service
        if checked is not None or service is None or not [b for b in service.backups() if b.reason == "daily"]:
            raise AssertionError("the service, its integrity check and today's backup did not follow the first paint")
        from core.selfcheck import check_exports

        check_exports(service, plan_id, task_id, tmp)  # .docx and .xlsx, read back
        window.close()
    finally:
        window.opening_checks.wait()
        if window.service is not None:
            window.service.close()


def _checks_after_paint(window, timeout_ms: int = 30000):
    """Run the event loop until the window's opening checks report; their error, or the timeout's."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop, outcome = QEventLoop(), [AssertionError("the opening checks did not report in time")]
    window.opening_checks.finished.connect(lambda err: (outcome.__setitem__(0, err), loop.quit()))
    QTimer.singleShot(timeout_ms, loop.quit)  # a guard against hanging, not a wait for the result
    loop.exec()
    return outcome[0]
