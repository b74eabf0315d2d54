"""The `chime-mock` command (also `python -m chime_mock`)."""

from __future__ import annotations

import argparse
import datetime as _dt
from collections.abc import Sequence

from chime_mock import options
from chime_mock.defaults import DEFAULT_PHONE_NUMBER_LIMIT


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


def _limit(text: str) -> int | None:
    """--phone-number-limit: a whole number or 'none', by the rules of mock_chime's option."""
    if text == "none":
        return None
    try:
        limit = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number or 'none'") from None
    try:
        return options.phone_number_limit(limit)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


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
    server.add_argument(
        "--phone-number-limit",
        type=_limit,
        default=DEFAULT_PHONE_NUMBER_LIMIT,
        metavar="N",
        help="phone numbers each account may hold (Amazon Chime's default quota: "
        f"{DEFAULT_PHONE_NUMBER_LIMIT}); 'none' for no limit",
    )
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
            log_requests=not arguments.quiet,
        )
        try:
            serve(listener)
        except OSError as error:  # the port is taken, or the address is not this machine's
            parser.exit(
                1, f"chime-mock: cannot listen on {arguments.host}:{arguments.port}: {error}\n"
            )
    return 0
