"""GUI fixtures on top of tests/conftest.py: service → window, with window settings in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def settings(tmp_path: Path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, service, settings):
    """The real main window on the test's own database; closed before the service is."""
    from gui.window.main_window import MainWindow

    win = MainWindow(service, settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


@pytest.fixture
def sample_window(window):
    """The window showing the sample plan, as after the clerk clicked 打开示例."""
    assert window.importer.open_sample() is not None
    return window


@pytest.fixture
def zh_translation(qapp):
    """The Chinese UI, as the clerk sees it; removed again after the test."""
    from PySide6.QtCore import QLocale

    from gui.app.i18n import install_translations

    installed = install_translations(qapp, "zh_CN")
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale.c())


@pytest.fixture
def en_translation(qapp):
    """The English UI (`--lang en`), whatever the machine's own locale; reset after the test."""
    from PySide6.QtCore import QLocale

    from gui.app.i18n import install_translations

    assert install_translations(qapp, "en") == []
    yield
    QLocale.setDefault(QLocale.c())


@pytest.fixture(autouse=True)
def collected_after_each_test():
    """After every GUI test: the windows it made are deleted (a window only closed keeps its timers,
    whose late writes would reach the next test's database, or whose dialogs would wait for a click
    no one gives), then Python's collector runs, so a cycle through Qt objects that the collector
    tears down in an order Qt cannot take crashes at the test that made it, not at a random later
    moment of the run (gui/editing/commands.py: why commands hold their context weakly)."""
    yield
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication, QMainWindow

    if QApplication.instance() is not None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMainWindow):
                widget.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
