"""The `chime-mock` command (also `python -m chime_mock`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any

from chime_mock import options


def _flag_type(setting: options.Setting) -> Callable[[str], Any]:
    """An argparse type for a setting's flag, by the rules of mock_chime's option of that name."""

    def parse(text: str) -> Any:
        try:
            return setting.from_text(text)
        except (TypeError, ValueError) as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return parse


def command_line() -> argparse.ArgumentParser:
    """The command line: `demo`, and `server` with a flag for each option of the running fake."""
    parser = argparse.ArgumentParser(prog="chime-mock", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("demo", help="order numbers from the mock and print what AWS would answer")
    server = commands.add_parser(
        "server", help="serve the fake over HTTP for the AWS CLI, other SDKs and other processes"
    )
    server.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    server.add_argument(
        "--port",
        type=int,
        default=5000,
        help="port to listen on; 0 picks a free one (default 5000)",
    )
    for setting in options.SETTINGS:
        server.add_argument(
            setting.flag,
            type=_flag_type(setting),
            default=setting.check(setting.default),
            metavar=setting.metavar,
            help=setting.help,
        )
    server.add_argument(
        "--lambda",
        dest="lambdas",
        action="append",
        default=[],
        metavar="ARN=URL",
        help="answer the Lambda function ARN (a SIP media application's endpoint) by POSTing "
        "each event as JSON to URL; repeatable",
    )
    server.add_argument("--quiet", action="store_true", help="do not log each request")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = command_line()
    arguments = parser.parse_args(argv)
    if arguments.command == "demo":
        from chime_mock.demo import main as demo

        demo()
    elif arguments.command == "server":
        try:
            from chime_mock.server import ChimeMockServer, serve
        except ImportError as error:  # werkzeug is missing: the message alone, no traceback
            if not str(error).startswith("chime_mock:"):
                raise
            parser.exit(1, f"{error}\n")

        listener = ChimeMockServer(
            arguments.host,
            arguments.port,
            log_requests=not arguments.quiet,
            **{setting.name: getattr(arguments, setting.name) for setting in options.SETTINGS},
        )
        from chime_mock.server.phone_calls import connect_url

        for given in arguments.lambdas:
            lambda_arn, _, url = given.partition("=")
            try:
                if not lambda_arn or not url:
                    raise ValueError(
                        f"chime_mock: --lambda takes ARN=URL, e.g. "
                        f"arn:aws:lambda:us-east-1:123456789012:function:ivr=http://127.0.0.1:9000/"
                        f"; got {given!r}"
                    )
                connect_url(listener.backend, lambda_arn, url, 5.0)
            except ValueError as error:
                parser.error(str(error))
        try:
            serve(listener)
        except OSError as error:  # the port is taken, or the address is not this machine's
            parser.exit(
                1, f"chime-mock: cannot listen on {arguments.host}:{arguments.port}: {error}\n"
            )
    return 0
