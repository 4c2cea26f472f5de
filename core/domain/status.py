"""Task statuses: stable codes in the database; their names for people are in core/messages.py."""

from __future__ import annotations

import unicodedata
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING

from core.domain.textfold import fold
from core.errors import UsageError

if TYPE_CHECKING:
    from core.messages import Lang


class Status(StrEnum):
    """What the clerk records for one task; the value is what the database stores."""

    TODO = "todo"
    DOING = "doing"
    DONE = "done"
    ONGOING = "ongoing"
    NA = "na"

    @property
    def zh(self) -> str:
        """The Chinese name, as the database's reports and exports print it."""
        return self.shown("zh")

    def shown(self, lang: Lang = "zh") -> str:
        """The name the clerk reads in `lang`, from the one catalogue."""
        from core.messages import term  # the catalogue loads when a name is first shown, not at start-up

        return term(f"status_{self.value}", lang)

    @classmethod
    def parse(cls, text: str) -> Status:
        """The status a clerk means by a word: its code (done), English name (In progress) or Chinese
        name in either script and width (进行中, 進行中, ｄｏｎｅ); spaces and case do not matter."""
        found = _words().get(status_key(text))
        if found is None:
            raise UsageError("bad_status", status=text)
        return found


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(c for c in text if not c.isspace() and c not in "_-")


def status_key(text: str | None) -> str:
    """A status word in one spelling: simplified script, half-width, lower case, no spaces or _."""
    return _plain(fold(text or ""))


@cache
def _words() -> dict[str, Status]:
    """Every word a status is known by. Built without fold(), which would load OpenCC: the names are
    simplified already; built on first use, so the window's start-up does not load the catalogue."""
    return {_plain(word): status for status in Status
            for word in (status.value, status.name, status.shown("zh"), status.shown("en"))}

# Statuses in which a passed deadline makes a task overdue.
OPEN_STATUSES = frozenset({Status.TODO, Status.DOING})
