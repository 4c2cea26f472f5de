"""Task statuses: stable codes in the database, Chinese names for people."""

from __future__ import annotations

import unicodedata
from enum import StrEnum

from core.domain.textfold import fold
from core.errors import UsageError


class Status(StrEnum):
    """What the clerk records for one task; the value is what the database stores."""

    TODO = "todo"
    DOING = "doing"
    DONE = "done"
    ONGOING = "ongoing"
    NA = "na"

    @property
    def zh(self) -> str:
        return ZH_NAMES[self]

    @classmethod
    def parse(cls, text: str) -> Status:
        """The status a clerk means by a word: its code (done), English name (In progress) or Chinese
        name in either script and width (进行中, 進行中, ｄｏｎｅ); spaces and case do not matter."""
        found = _WORDS.get(status_key(text))
        if found is None:
            raise UsageError("bad_status", status=text)
        return found


ZH_NAMES: dict[Status, str] = {
    Status.TODO: "未开始",
    Status.DOING: "进行中",
    Status.DONE: "已完成",
    Status.ONGOING: "持续推进",
    Status.NA: "不适用",
}

EN_NAMES: dict[Status, str] = {
    Status.TODO: "Not started",
    Status.DOING: "In progress",
    Status.DONE: "Done",
    Status.ONGOING: "Ongoing",
    Status.NA: "Not applicable",
}


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(c for c in text if not c.isspace() and c not in "_-")


def status_key(text: str | None) -> str:
    """A status word in one spelling: simplified script, half-width, lower case, no spaces or _."""
    return _plain(fold(text or ""))


# Built without fold(), which would load OpenCC at import: the names are simplified already.
_WORDS: dict[str, Status] = {
    _plain(word): status
    for status in Status
    for word in (status.value, status.name, ZH_NAMES[status], EN_NAMES[status])
}

# Statuses in which a passed deadline makes a task overdue.
OPEN_STATUSES = frozenset({Status.TODO, Status.DOING})
