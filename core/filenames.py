"""File names the program makes from the clerk's text: valid on Windows and Linux, short enough.

Attached evidence keeps its own name and an export is named after the plan's title, so either can
hold anything: folders, characters Windows refuses, device names (NUL.tar.gz, aux.report.pdf, COM1),
trailing dots, or a title so long that the name passes the 255 bytes a file system allows.
pathvalidate knows the platforms' rules; what is added here is cutting by UTF-8 bytes while keeping
the extension, so a long Chinese name is shortened rather than refused (Errno 36).
"""

from __future__ import annotations

import unicodedata
from pathlib import PurePosixPath

from core.domain.textclean import clean_text

NAME_MAX_BYTES = 255  # ext4, NTFS (in UTF-16 units, which a UTF-8 byte count always covers), FAT32 LFN
ELLIPSIS = "…"
MAX_SUFFIX = 16  # longer "extensions" are part of the name (报告.关于2026年工作要点的说明)


def shorten_bytes(text: str, max_bytes: int, mark: str = ELLIPSIS) -> str:
    """`text` cut at a character boundary to at most `max_bytes` of UTF-8, `mark` showing the cut."""
    if len(text.encode("utf-8")) <= max_bytes:
        return text
    room = max(0, max_bytes - len(mark.encode("utf-8")))
    cut = text.encode("utf-8")[:room].decode("utf-8", errors="ignore").rstrip(" .")
    return cut + mark


def split_suffix(name: str) -> tuple[str, str]:
    """("报告", ".pdf"); a "suffix" with spaces or over 16 characters is part of the stem."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem or len(suffix) > MAX_SUFFIX or not suffix.strip() or " " in suffix:
        return name, ""
    return stem, "." + suffix


def _reserved(name: str) -> bool:
    """NUL, aux.report.pdf, "COM1 .txt": Windows reads the part before the first dot as a device."""
    from pathvalidate import ValidationError, validate_filename
    from pathvalidate.error import ErrorReason

    head = name.split(".", 1)[0].rstrip(" ")
    if not head:
        return False
    try:
        validate_filename(head, platform="windows")
    except ValidationError as err:
        return err.reason is ErrorReason.RESERVED_NAME
    return False


def safe_file_name(name: str, max_bytes: int = NAME_MAX_BYTES, fallback: str = "文件",
                   strip_folders: bool = True) -> str:
    """A plain file name (never a path) from `name` that every platform accepts, at most `max_bytes`.

    A name given as a path (an attachment's "..\\..\\win.ini") keeps only its last part; a title
    (`strip_folders=False`, "公开/信息工作要点") keeps every word, its slashes made "_".
    """
    from pathvalidate import sanitize_filename

    text = clean_text(str(name)).replace("\\", "/")
    if strip_folders and "/" in text:
        text = PurePosixPath(text).name
    text = unicodedata.normalize("NFC", text)
    text = " ".join(text.split())  # line breaks and tabs from a pasted title become one space
    stem, suffix = split_suffix(text.strip(" ."))
    suffix = shorten_bytes(suffix, MAX_SUFFIX * 4, mark="")
    stem = shorten_bytes(stem, max_bytes - len(suffix.encode("utf-8")) - 1)  # 1: room for the "_" below
    # the platforms' forbidden characters (all ASCII, so the length holds) and their own reserved names
    text = sanitize_filename(stem + suffix, replacement_text="_", platform="universal", max_len=NAME_MAX_BYTES)
    stem, suffix = split_suffix(text.strip(" ."))
    stem = stem.strip(" .") or fallback
    if _reserved(stem + suffix):
        stem = "_" + stem
    return stem + suffix
