"""The `chime-mock` command (also `python -m chime_mock`)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="chime-mock", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("demo", help="order numbers from the mock and print what AWS would answer")
    arguments = parser.parse_args(argv)
    if arguments.command == "demo":
        from chime_mock.demo import main as demo

        demo()
    return 0
