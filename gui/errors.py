"""The one place the GUI turns errors into words: typed errors into plain messages, bugs into
a "something went wrong" dialog with copyable details and a log file. Never a traceback.
"""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from core.errors import TaizhangError

LOG_FILE_NAME = "taizhang-errors.log"
translate = QCoreApplication.translate


def _messages() -> dict[str, str]:
    """Error code → message template ({name} fields come from the error's params)."""
    return {
        "error": translate("Errors", "The operation failed."),
        "bad_input": translate("Errors", "This file cannot be read."),
        "file_missing": translate("Errors", "File not found: {path}"),
        "file_too_large": translate("Errors", "The file is too large ({size_mb} MB); the limit is {limit_mb} MB."),
        "file_empty": translate("Errors", "The file is empty."),
        "unsupported_format": translate("Errors", "The file type {suffix} is not supported. Please use .docx, .doc, "
                                                  ".wps, .xlsx, .xls, .et, .pdf, .ofd, .html, .txt or a parse JSON "
                                                  "file."),
        "old_doc": translate("Errors", "This is an old Word (.doc) file. Please save it as .docx in Word, then "
                       "import it again."),
        "old_xls": translate("Errors", "This is an old Excel (.xls) file. Please save it as .xlsx in Excel, then "
                       "import it again."),
        "encrypted": translate("Errors", "The file is encrypted or password-protected. Please remove the password "
                         "in the original program first."),
        "corrupt": translate("Errors", "The file is damaged and cannot be opened ({detail})."),
        "zip_bomb": translate("Errors", "The file would be far too large once unpacked, so it was not read."),
        "scanned": translate("Errors", "This is a scan (a picture of the pages), with no text to read directly. Import "
                                       "it with the text-recognition edition of Taizhang, or ask the sender for the "
                                       "Word/WPS file."),
        "scan_too_long": translate("Errors", "This is a scan of {pages} pages, more than text recognition takes "
                                             "({limit} pages). Scan only the work plan part, then import it."),
        "scan_unreadable": translate("Errors", "This is a scan, but no text was recognised in it (the image may be "
                                               "too blurred, or not text)."),
        "sheet_too_large": translate("Errors", "The worksheet is too large (more than {limit} cells) to be a "
                                               "ledger, so it was not read."),
        "no_plan": translate("Errors", "No work plan content was found in this file."),
        "bad_encoding": translate("Errors", "The text encoding of this file cannot be recognised."),
        "bad_json": translate("Errors", "The parse JSON file is not valid: {detail}"),
        "store": translate("Errors", "A database error occurred."),
        "db_not_taizhang": translate("Errors", "{path} is not a Taizhang database."),
        "db_damaged": translate("Errors", "The database file is damaged: {path}"),
        "db_too_new": translate("Errors", "This database was made by a newer version of Taizhang (schema {found}; "
                          "this program supports {supported}). Please upgrade the program."),
        "db_readonly": translate("Errors", "The database location is not writable: {path}"),
        "db_locked": translate("Errors", "The database is being used by another program: {path}"),
        "db_write_failed": translate("Errors", "Writing to the database failed: {detail}"),
        "db_is_dir": translate("Errors", "{path} is a folder, not a database file."),
        "db_folder_missing": translate("Errors", "The folder of the database does not exist: {path}"),
        "db_empty": translate("Errors", "The file is empty (0 bytes) and is not a usable Taizhang database: {path}"),
        "db_needs_upgrade": translate("Errors", "The database has an older structure, which a read-only opening "
                                                "cannot upgrade: {path}"),
        "db_missing": translate("Errors", "The database file cannot be found: {path} (was it moved, or the USB "
                                          "stick removed?)"),
        "db_full": translate("Errors", "The disk is full, so the database cannot be written: {path}"),
        "db_io_error": translate("Errors", "Reading or writing the database file failed (was the USB stick "
                                           "removed?): {path}"),
        "backup_failed": translate("Errors", "The backup failed: {detail}"),
        "backup_full": translate("Errors", "The disk is full, so the backup cannot be written: {path}"),
        "backup_readonly": translate("Errors", "The backup folder cannot be written (read-only, or no "
                                               "permission): {path}"),
        "backup_missing": translate("Errors", "Backup file not found: {path}"),
        "bad_link": translate("Errors", "The link must not be empty."),
        "bad_move": translate("Errors", "The item cannot be moved there."),
        "bad_evidence_name": translate("Errors", "The attachment file name is not valid: {name}"),
        "evidence_not_found": translate("Errors", "The supporting material cannot be found."),
        "evidence_file_gone": translate("Errors", "The copy of this supporting material is gone, so it cannot be put back: {path}"),
        "not_found": translate("Errors", "The record cannot be found."),
        "plan_not_found": translate("Errors", "There is no plan number {plan_id}."),
        "node_not_found": translate("Errors", "There is no item number {node_id}."),
        "usage": translate("Errors", "This operation is not valid."),
        "bad_status": translate("Errors", "Unknown status: {status}"),
        "bad_date": translate("Errors", "The date is not valid: {value} (it should look like 2024-07-01)."),
        "not_a_task": translate("Errors", "Item {node_id} is a group; only tasks have a status."),
        "db_open_in_window": translate("Errors", "The database is open in a Taizhang window; close the window "
                                                 "before restoring a backup: {path}"),
        "deferral_needs_reason": translate("Errors", "A deferral needs a reason."),
        "deferral_same_date": translate("Errors", "The new deadline {date} is the same as the current one; nothing to defer."),
        "deferral_not_found": translate("Errors", "This deferral cannot be found."),
        "entry_needs_text": translate("Errors", "A progress entry cannot be empty."),
        "entry_not_found": translate("Errors", "This progress entry cannot be found."),
        "bad_period": translate("Errors", "Unknown period: {period} (use {choices}, or give dates)."),
        "bad_range": translate("Errors", "The start date {start} is after the end date {end}."),
        "collect_no_tasks": translate("Errors", "The plan assigns no task to “{unit}” (collective names included); no fill-in workbook was made."),
        "collect_needs_unit": translate("Errors", "Choose a unit, or all units in one workbook."),
        "fill_unreadable": translate("Errors", "The returned file cannot be read (it is not an .xlsx workbook, or it is damaged): {path}"),
        "fill_other_plan": translate("Errors", "The returned file {file} was made for another plan (number {detail}) and was skipped."),
        "fill_no_rows": translate("Errors", "No task rows were found in {file} (the header needs 工作任务 and 状态 or 完成情况); it was skipped."),
        "fill_bad_status": translate("Errors", "{file}, row {row}: the status “{detail}” is not known; that row's status was not taken."),
        "fill_bad_date": translate("Errors", "{file}, row {row}: the completion date “{detail}” is not a date; that row's date was not taken."),
        "merge_same_name": translate("Errors", "Several returned files have the same name: {names}. History tells sources apart by file name; please rename them first."),
        "merge_take_unknown": translate("Errors", "The file {file} chosen to win conflicts is not among the files being merged."),
        "diff_needs_two": translate("Errors", "Comparing needs two plans: the old one and the new one."),
        "output": translate("Errors", "The export file cannot be written."),
        "export_locked": translate("Errors", "The file is open in another program (such as Word, WPS or "
                                             "Excel). Please close it and export again: {path}"),
        "export_readonly": translate("Errors", "This location cannot be written to (read-only folder or no "
                                               "permission). Please choose another place: {path}"),
        "export_failed": translate("Errors", "Writing the export file failed ({detail}): {path}"),
        "export_empty": translate("Errors", "No task matches the filter, so no file was made."),
        "bad_export_format": translate("Errors", "Unsupported export format: {format} (use docx or xlsx)."),
        "export_no_reporter": translate("Errors", "Which unit is reporting? Choose a unit, or set your own unit "
                                                  "first."),
        "export_no_my_units": translate("Errors", "Your own unit is not set yet, so there are no “my tasks” to "
                                                  "export."),
        "bad_script": translate("Errors", "Unknown script: {script}."),
        "mark_nothing": translate("Errors", "Nothing to change."),
        "file_unreadable": translate("Errors", "The file cannot be read (no permission, or another program holds "
                                               "it): {path}"),
        "evidence_disk_full": translate("Errors", "The disk is full, so the supporting material was not saved: {path}"),
        "evidence_readonly": translate("Errors", "The supporting material folder cannot be written (read-only or no "
                                                 "permission), so nothing was saved: {path}"),
        "evidence_write_failed": translate("Errors", "Saving the supporting material failed ({detail}): {path}"),
        "plan_already_imported": translate("Errors", "This plan was imported before (plan {plan_id}: {title}); add "
                                                     "--again to import another copy."),
        "delete_needs_yes": translate("Errors", "Deleting plan {plan_id} ({title}) needs confirming: add --yes (a "
                                                "backup is made first)."),
        "cli_usage": translate("Errors", "The command is not used correctly: {detail}. See --help."),
        "cli_no_command": translate("Errors", "Unknown command: {command} (use one of {choices}). See --help."),
        "cli_required": translate("Errors", "A required option is missing: {names}. See --help."),
        "cli_unknown_args": translate("Errors", "Unknown option: {args}. See --help."),
        "cli_bad_choice": translate("Errors", "The value {value} of {name} is not valid (use one of {choices})."),
        "cli_bad_number": translate("Errors", "{name} needs a whole number, not {value}."),
        "cli_needs_value": translate("Errors", "{name} needs a value after it."),
        "cli_conflict": translate("Errors", "{name} cannot be used together with {other}."),
        "cli_ambiguous": translate("Errors", "{option} is ambiguous: it could mean {matches}. Write the option in full."),
        "cli_takes_no_value": translate("Errors", "{name} takes no value (given: {value})."),
        "export_wrong_suffix": translate("Errors", "The extension {suffix} of the export file does not fit the format "
                                                   "{format} (Word files end in .docx, Excel files in .xlsx): {path}"),
    }


def error_text(err: TaizhangError) -> str:
    """A plain one-line message for `err` in the current language."""
    messages = _messages()
    template = messages.get(err.code) or messages.get(type(err).code) or messages["error"]
    try:
        return template.format(**err.params)
    except (KeyError, IndexError, ValueError):
        return template


def show_error(parent: QWidget | None, err: TaizhangError, title: str | None = None) -> None:
    """Tell the clerk what went wrong, in one sentence."""
    QMessageBox.warning(parent, title or translate("Errors", "Taizhang"), error_text(err))


def install_excepthook(log_dir: Path) -> None:
    """Route every escaped exception to a dialog and a log file instead of a console traceback."""
    log_path = Path(log_dir) / LOG_FILE_NAME

    def hook(exc_type, exc, tb) -> None:
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        _log(log_path, details)
        if QApplication.instance() is None:
            sys.__excepthook__(exc_type, exc, tb)
            return
        parent = QApplication.activeWindow()
        if isinstance(exc, TaizhangError):
            show_error(parent, exc)
        else:
            show_crash(parent, details, log_path)

    sys.excepthook = hook


def show_crash(parent: QWidget | None, details: str, log_path: Path) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, translate("Errors", "Program error"),
                      translate("Errors", "Something went wrong in the program. Your data saved so far is safe.\n"
                          "The details were written to {path}.").format(path=log_path), parent=parent)
    box.setDetailedText(details)
    copy = box.addButton(translate("Errors", "Copy details"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    copy.clicked.disconnect()  # keep the box open after copying
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.exec()


def _log(path: Path, details: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n{details}\n")
    except OSError:
        pass
