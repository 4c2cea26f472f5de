"""Task statuses: stable codes in the database, Chinese names for people."""

from __future__ import annotations

from enum import StrEnum

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
        """Accept the code, the Chinese name or the English name."""
        key = (text or "").strip()
        for status in cls:
            if key.lower() in (status.value, status.name.lower()) or key == status.zh:
                return status
        raise UsageError("bad_status", status=text)


ZH_NAMES: dict[Status, str] = {
    Status.TODO: "未开始",
    Status.DOING: "进行中",
    Status.DONE: "已完成",
    Status.ONGOING: "持续推进",
    Status.NA: "不适用",
}

# Statuses in which a passed deadline makes a task overdue.
OPEN_STATUSES = frozenset({Status.TODO, Status.DOING})
