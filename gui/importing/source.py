"""The top of the import dialog: where the plan comes from, reading progress with Stop, and
a plain message when a file cannot be read (what went wrong, and what to do).

Reading runs as a ParseJob on the thread pool; only the job started last may deliver.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import TaizhangError
from core.parse.source import PlanSource
from gui.errors import error_text
from gui.importing.warnings_list import error_hint
from gui.importing.workers import ParseJob, ParseOutcome, WorkerCrash
from gui.window.file_drop import plan_file_filters

RTF_FORMATS = ("text/rtf", "text/richtext", "application/rtf", 'application/x-qt-windows-mime;value="Rich Text Format"')


def clipboard_rtf(mime: QMimeData | None) -> bytes | None:
    """The RTF a copy from Word or WPS carries, when it carries any."""
    if mime is None:
        return None
    for fmt in RTF_FORMATS:
        if mime.hasFormat(fmt):
            data = bytes(mime.data(fmt))
            if data.lstrip().startswith(b"{\\rtf"):
                return data
    return None


class SourceBar(QWidget):
    """Open a file or paste; shows progress while reading, then hands over the outcome."""

    parsed = Signal(object)  # ParseOutcome

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job: ParseJob | None = None
        self.last_dir: Path | None = None
        self.may_replace: Callable[[], bool] = lambda: True  # asked before a paste replaces the preview
        self.label = QLabel(self.tr("Choose a file, or paste the plan's text (Ctrl+V)."))
        self.open_button = QPushButton(self.tr("Open file…"))
        self.paste_button = QPushButton(self.tr("Paste from clipboard"))
        self.open_button.clicked.connect(self.choose_file)
        self.paste_button.clicked.connect(lambda: self.paste())
        top = QHBoxLayout()
        top.addWidget(self.label, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.paste_button)

        self.progress = QProgressBar()
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.clicked.connect(lambda: self.cancel())
        self.progress_box = QWidget()
        row = QHBoxLayout(self.progress_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.progress, 1)
        row.addWidget(self.stop_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_box = QFrame()
        self.message_box.setObjectName("message_box")
        self.message_box.setStyleSheet("#message_box { background: #fdecea; border: 1px solid #f5c2c0; "
                                       "border-radius: 4px; } #message_box QLabel { color: #8a1f17; }")
        QVBoxLayout(self.message_box).addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.progress_box)
        layout.addWidget(self.message_box)
        self.progress_box.hide()
        self.message_box.hide()

    # -- starting ------------------------------------------------------------------------
    def choose_file(self) -> None:
        start = str(self.last_dir or Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import work plan"), start, plan_file_filters())
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        """Read and parse `path` in the background."""
        self.last_dir = Path(path).parent
        self.label.setText(self.tr("File: %1").replace("%1", str(path)))
        self.start(PlanSource(path=Path(path)))

    def paste(self, mime: QMimeData | None = None) -> None:
        """Parse pasted HTML (a copied web page or Word text) or plain text."""
        mime = mime or QGuiApplication.clipboard().mimeData()
        rtf = clipboard_rtf(mime)
        if mime is None or not (mime.hasHtml() or mime.hasText() or rtf):
            self.show_message(self.tr("The clipboard holds no text. Copy the plan's text first."))
            return
        if not self.may_replace():
            return
        self.label.setText(self.tr("Pasted from the clipboard"))
        if mime.hasHtml() and mime.html().strip():  # Word, WPS and browsers all put HTML there
            self.start(PlanSource(html=mime.html()))
        elif rtf:  # what some WPS versions offer besides plain text: keeps the table rows
            self.start(PlanSource(rtf=rtf))
        else:
            self.start(PlanSource(text=mime.text()))

    def start(self, source: PlanSource) -> None:
        self.cancel(quiet=True)
        self.message_box.hide()
        self.job = ParseJob(source)
        self.job.signals.progress.connect(self._progress)
        self.job.signals.pages.connect(self._pages)
        self.job.signals.finished.connect(self._finished)
        self.job.signals.failed.connect(self._failed)
        self.job.signals.crashed.connect(self._crashed)
        self._progress(0, 3)
        self.progress_box.show()
        self.job.start()

    def cancel(self, quiet: bool = False) -> None:
        """Stop reading: the job's result, when it comes, is dropped."""
        if self.job is None:
            return
        self.job.cancel()
        self._done()
        if not quiet:
            self.show_message(self.tr("Reading was stopped."))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message_box.show()

    # -- the job's reports ---------------------------------------------------------------
    def _mine(self) -> bool:
        return self.job is not None and self.sender() is self.job.signals

    def _done(self) -> None:
        self.job = None
        self.progress_box.hide()

    def _progress(self, stage: int, total: int) -> None:
        texts = [self.tr("Reading the file…"), self.tr("Recognising the plan…"), self.tr("Checking…")]
        self.progress.setRange(0, total)
        self.progress.setValue(stage)
        self.progress.setFormat(texts[min(stage, len(texts) - 1)])

    def _pages(self, done: int, total: int) -> None:
        """A scan is being recognised page by page: say which page, so a long wait is explained."""
        if self._mine():
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(self.tr("Recognising the scan: page %1 of %2…")
                                    .replace("%1", str(done + 1)).replace("%2", str(total)))

    def _finished(self, outcome: ParseOutcome) -> None:
        if self._mine():
            self._done()
            self.parsed.emit(outcome)

    def _failed(self, err: TaizhangError) -> None:
        if self._mine():
            self._done()
            hint = error_hint(err.code)
            self.show_message(error_text(err) + (f"\n{hint}" if hint else ""))

    def _crashed(self, details: str) -> None:
        if self._mine():
            self._done()
            raise WorkerCrash(details)
