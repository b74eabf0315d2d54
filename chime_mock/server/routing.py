"""Which service an HTTP request is for: one port serves legacy Chime and Chime SDK Voice.

Both services sign as `chime`, so the signature cannot tell them apart; the path prefix or the
Host name does. Everything else is Chime SDK Voice, so `--endpoint-url http://127.0.0.1:5000`
reaches it with no prefix at all.
"""

from __future__ import annotations

from typing import NamedTuple

from chime_mock.defaults import CHIME, CHIME_SDK_VOICE

# Longest first: "/chime-sdk-voice/..." must not be taken for "/chime" + "-sdk-voice/...".
_PREFIXES = ((f"/{CHIME_SDK_VOICE}", CHIME_SDK_VOICE), (f"/{CHIME}", CHIME))
# Legacy Chime's real endpoint is service.chime.aws.amazon.com.
_LEGACY_HOSTS = ("chime.", "service.chime.")


class Target(NamedTuple):
    service: str
    path: str  # the path the service's model routes, prefix removed


def target(host: str, path: str) -> Target:
    """The service a request is for and the path left for it.

    >>> target("127.0.0.1:5000", "/chime/phone-number-orders")
    Target(service='chime', path='/phone-number-orders')
    """
    for prefix, service in _PREFIXES:
        if path == prefix or path.startswith(prefix + "/"):
            return Target(service, path[len(prefix) :] or "/")
    if host.lower().startswith(_LEGACY_HOSTS):
        return Target(CHIME, path)
    return Target(CHIME_SDK_VOICE, path)
