"""One error hierarchy for the whole app.

Core raises these with a code and parameters, never with user-facing prose; the code's words,
Chinese and English, are in the one catalogue (`core/messages.py`), which the CLI (`main.py`)
and the GUI (`gui/errors.py`) both read. Anything else that escapes is a bug, and is reported
as such.
"""

from __future__ import annotations


class TaizhangError(Exception):
    """Base of every expected failure; `code` names it, `params` fill the message."""

    code = "error"

    def __init__(self, code: str | None = None, **params: object) -> None:
        self.code = code or self.code
        self.params = params
        super().__init__(f"{self.code} {params}" if params else self.code)


class InputError(TaizhangError):
    """The file or text the user gave cannot be read as a plan."""

    code = "bad_input"


class StoreError(TaizhangError):
    """The database cannot be opened or written (damaged, foreign, too new, locked, disk)."""

    code = "store"


class NotFoundError(TaizhangError):
    """A plan, node or other record named by id does not exist."""

    code = "not_found"


class OutputError(TaizhangError):
    """A file the user asked for cannot be written (open in another program, read-only, disk full)."""

    code = "output"


class UsageError(TaizhangError):
    """A request that makes no sense (unknown status, bad date, a section where a task is needed)."""

    code = "usage"
