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
    """Python's collector, run after every GUI test: a cycle through Qt objects that the collector
    would tear down in an order Qt cannot take crashes here, at the test that made it, instead of at
    a random later moment of the run (gui/editing/commands.py: why commands hold their context weakly)."""
    yield
    import gc

    gc.collect()
