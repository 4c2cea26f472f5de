"""argparse in Chinese: a mistake on the command line is one Chinese line on stderr and exit 2, like
every other CLI error, and the help keeps argparse's layout under Chinese headings."""

from __future__ import annotations

import argparse
import re
import sys

from core.errors import UsageError
from core.messages import cli_line as message

EXIT_ERROR = 2  # every error a user can make, argparse's own included


class ZhHelpFormatter(argparse.HelpFormatter):
    """argparse's help with a Chinese "用法：" heading."""

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


# argparse's own messages (English, with the usage above them) → one catalogue code and its fields
_ARGPARSE_MESSAGES = [
    (re.compile(r"argument (?P<name>命令): invalid choice: '(?P<command>.*)' \(choose from (?P<choices>.*)\)"),
     "cli_no_command"),
    (re.compile(r"argument (?P<name>.+?): invalid choice: '(?P<value>.*)' \(choose from (?P<choices>.*)\)"),
     "cli_bad_choice"),
    (re.compile(r"argument (?P<name>.+?): invalid int value: '(?P<value>.*)'"), "cli_bad_number"),
    (re.compile(r"argument (?P<name>.+?): expected (at least )?one argument"), "cli_needs_value"),
    (re.compile(r"argument (?P<name>.+?): not allowed with argument (?P<other>.+)"), "cli_conflict"),
    (re.compile(r"argument (?P<name>.+?): ignored explicit argument '(?P<value>.*)'"), "cli_takes_no_value"),
    (re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)"), "cli_ambiguous"),
    (re.compile(r"the following arguments are required: (?P<names>.+)"), "cli_required"),
    (re.compile(r"unrecognized arguments: (?P<args>.+)"), "cli_unknown_args"),
]


def usage_error(text: str) -> UsageError:
    """argparse's English message as a typed error with a Chinese message (cli_usage if unknown)."""
    for pattern, code in _ARGPARSE_MESSAGES:
        found = pattern.fullmatch(text.strip())
        if found:
            fields = {k: v for k, v in found.groupdict().items() if v is not None}
            for key in ("choices", "matches"):
                if key in fields:
                    fields[key] = "、".join(c.strip(" '") for c in fields[key].split(","))
            for key in ("name", "other", "names"):
                if key in fields:
                    fields[key] = fields[key].replace("/", " 或 ")
            return UsageError(code, **fields)
    return UsageError("cli_usage", detail=text.strip())


class ZhArgumentParser(argparse.ArgumentParser):
    """argparse in Chinese: a mistake is one line on stderr and exit 2, like every other CLI error;
    the help keeps argparse's layout with Chinese headings."""

    def __init__(self, *args, add_help: bool = True, **kwargs) -> None:
        kwargs.setdefault("formatter_class", ZhHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, text: str):  # noqa: D102 - argparse's hook; never returns
        print(f"错误：{message(usage_error(text))}", file=sys.stderr)
        sys.exit(EXIT_ERROR)

