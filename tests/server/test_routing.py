"""Which service a request reaches: by path prefix, then by Host, else Chime SDK Voice."""

from __future__ import annotations

import pytest

from chime_mock.server.routing import Target, target


@pytest.mark.parametrize(
    ("host", "path", "expected"),
    [
        (
            "127.0.0.1:5000",
            "/phone-number-orders",
            Target("chime-sdk-voice", "/phone-number-orders"),
        ),
        ("127.0.0.1:5000", "/chime/phone-number-orders", Target("chime", "/phone-number-orders")),
        (
            "127.0.0.1:5000",
            "/chime-sdk-voice/phone-number-orders",
            Target("chime-sdk-voice", "/phone-number-orders"),
        ),
        ("127.0.0.1:5000", "/chime", Target("chime", "/")),
        ("service.chime.aws.amazon.com", "/phone-numbers", Target("chime", "/phone-numbers")),
        ("chime.localhost:5000", "/phone-numbers", Target("chime", "/phone-numbers")),
        (
            "voice-chime.us-east-1.amazonaws.com",
            "/phone-numbers",
            Target("chime-sdk-voice", "/phone-numbers"),
        ),
        (
            "localhost",
            "/chimera/phone-numbers",
            Target("chime-sdk-voice", "/chimera/phone-numbers"),
        ),
    ],
)
def test_target_picks_the_service_and_strips_its_prefix(
    host: str, path: str, expected: Target
) -> None:
    assert target(host, path) == expected


def test_path_prefix_wins_over_host() -> None:
    assert target("chime.localhost", "/chime-sdk-voice/sip-rules").service == "chime-sdk-voice"
