"""The `chime-mock` command (also `python -m chime_mock`)."""

from __future__ import annotations

import argparse
import datetime as _dt
from collections.abc import Callable, Sequence

from chime_mock import options
from chime_mock.defaults import DEFAULT_JOURNAL_LIMIT, DEFAULT_PHONE_NUMBER_LIMIT


def _delay(text: str) -> _dt.timedelta | None:
    """--processing-delay: seconds or 'never', by the rules of mock_chime's option."""
    if text == "never":
        return None
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a number of seconds or 'never'"
        ) from None
    try:
        return options.processing_delay(seconds)
    except (ValueError, OverflowError) as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _count(option: Callable[[int | None], int | None]) -> Callable[[str], int | None]:
    """An argparse type for a count option: a whole number or 'none', by the rules of
    mock_chime's option of that name."""

    def parse(text: str) -> int | None:
        if text == "none":
            return option(None)
        try:
            count = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number or 'none'") from None
        try:
            return option(count)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return parse


def main(argv: Sequence[str] | None = None) -> int:
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
    server.add_argument(
        "--processing-delay",
        type=_delay,
        default=0.0,
        metavar="SECONDS",
        help="how long new orders stay Processing; 'never' keeps them Processing until "
        "POST /_chime_mock/orders/ID/complete (default 0)",
    )
    # Counts: a whole number or 'none', checked by mock_chime's option of the same name.
    for flag, option, default, text in (
        (
            "--phone-number-limit",
            options.phone_number_limit,
            DEFAULT_PHONE_NUMBER_LIMIT,
            "phone numbers each account may hold (Amazon Chime's default quota: "
            f"{DEFAULT_PHONE_NUMBER_LIMIT}); 'none' for no limit",
        ),
        (
            "--journal-limit",
            options.journal_limit,
            DEFAULT_JOURNAL_LIMIT,
            "how many of the newest calls GET /_chime_mock/calls keeps "
            f"(default {DEFAULT_JOURNAL_LIMIT}); 'none' keeps every call",
        ),
    ):
        server.add_argument(flag, type=_count(option), default=default, metavar="N", help=text)
    server.add_argument("--quiet", action="store_true", help="do not log each request")
    arguments = parser.parse_args(argv)
    if arguments.command == "demo":
        from chime_mock.demo import main as demo

        demo()
    elif arguments.command == "server":
        from chime_mock.server import ChimeMockServer, serve

        listener = ChimeMockServer(
            arguments.host,
            arguments.port,
            processing_delay=arguments.processing_delay,
            phone_number_limit=arguments.phone_number_limit,
            journal_limit=arguments.journal_limit,
            log_requests=not arguments.quiet,
        )
        try:
            serve(listener)
        except OSError as error:  # the port is taken, or the address is not this machine's
            parser.exit(
                1, f"chime-mock: cannot listen on {arguments.host}:{arguments.port}: {error}\n"
            )
    return 0
