"""Guards on the pinned Qt binding itself: a bad release can crash the clerk's long session."""

from __future__ import annotations

import sys


def test_void_qt_calls_do_not_leak_references_to_none(qapp):
    # PySide6 6.12.0 dropped one reference to None per call of a method returning nothing;
    # after a few thousand calls Python aborts with "deallocating None".
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        qapp.processEvents()
    assert abs(sys.getrefcount(None) - before) < 50
