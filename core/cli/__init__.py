"""The command line's own parts that are not the command table in main.py: argparse in Chinese, and
what each command prints (its JSON shapes and text lines). No Qt here, like the rest of core."""
