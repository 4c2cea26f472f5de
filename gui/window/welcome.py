"""The first-run page: an empty database offers to import a plan or open the sample."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    """Two big buttons and a line saying what the program is for."""

    import_requested = Signal()
    sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Welcome to Taizhang"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)

        intro = QLabel(self.tr("Import this year's work plan for government openness, then tick off "
                               "each task as it is done. Everything is saved at once on this computer."))
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro.setMaximumWidth(560)

        self.import_button = self._big_button(self.tr("Import work plan…"))
        self.sample_button = self._big_button(self.tr("Open the sample"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.import_requested)
        self.sample_button.clicked.connect(self.sample_requested)

        hint = QLabel(self.tr("Supported: Word and WPS (.docx .doc .wps), Excel and WPS (.xlsx .xls .et), PDF, "
                              "OFD, web pages (.html .mht), plain text (.txt) and parse JSON; scans with the "
                              "text-recognition edition. You can also drop files onto this window."))
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setEnabled(False)

        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.import_button)
        buttons.addSpacing(24)
        buttons.addWidget(self.sample_button)
        buttons.addStretch()

        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addSpacing(12)
        centred = QHBoxLayout()  # a word-wrapped label needs a layout slot, not an alignment, to get its height
        centred.addStretch()
        centred.addWidget(intro, 4)
        centred.addStretch()
        layout.addLayout(centred)
        layout.addSpacing(32)
        layout.addLayout(buttons)
        layout.addSpacing(16)
        layout.addWidget(hint)
        layout.addStretch(3)

    def _big_button(self, text: str) -> QPushButton:
        button = QPushButton(text)
        font = QFont(button.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        button.setFont(font)
        button.setMinimumSize(220, 64)
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        return button
