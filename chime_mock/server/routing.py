"""Which service an HTTP request is for: one port serves legacy Chime and Chime SDK Voice.

Both services sign as `chime`, so the signature cannot tell them apart. Every other signal the
request carries is used, most explicit first:

1. a path prefix (`/chime/...`, `/chime-sdk-voice/...`) or a legacy Host name (`chime.`);
2. a request only one service's installed model answers (legacy Chime's `GET /accounts`, Chime
   SDK Voice's Voice Connectors), read off the two models' routers at run time;
3. a User-Agent that names the service (`api/chime-sdk-voice#...` from the AWS SDKs,
   `md/command#chime.list-...` from the AWS CLI v2);
4. otherwise Chime SDK Voice, so `--endpoint-url http://127.0.0.1:5000` reaches it with no prefix.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from chime_mock.defaults import CHIME, CHIME_SDK_VOICE
from chime_mock.dispatch import router

# Longest first: "/chime-sdk-voice/..." must not be taken for "/chime" + "-sdk-voice/...".
_PREFIXES = ((f"/{CHIME_SDK_VOICE}", CHIME_SDK_VOICE), (f"/{CHIME}", CHIME))
# Legacy Chime's real endpoint is service.chime.aws.amazon.com.
_LEGACY_HOSTS = ("chime.", "service.chime.")
# The service in a User-Agent: the SDKs' `api/<service id>#<version>` (the id with "-" for
# spaces: "Chime-SDK-Voice") and the AWS CLI v2's `md/command#<service>.<command>`.
_USER_AGENT_SERVICE = re.compile(r"(?:^|\s)(?:api/|md/command#)([A-Za-z0-9_-]+)[#.]")
_SERVICES = (CHIME_SDK_VOICE, CHIME)


class Target(NamedTuple):
    service: str
    path: str  # the path the service's model routes, prefix removed


def target(
    host: str, path: str, *, method: str = "GET", query: str = "", user_agent: str = ""
) -> Target:
    """The service a request is for and the path left for it.

    >>> target("127.0.0.1:5000", "/chime/phone-number-orders")
    Target(service='chime', path='/phone-number-orders')
    >>> target("127.0.0.1:5000", "/accounts")  # only legacy Chime has accounts
    Target(service='chime', path='/accounts')
    """
    for prefix, service in _PREFIXES:
        if path == prefix or path.startswith(prefix + "/"):
            return Target(service, path[len(prefix) :] or "/")
    if host.lower().startswith(_LEGACY_HOSTS):
        return Target(CHIME, path)
    return Target(_only_one(method, path, query) or _named(user_agent) or CHIME_SDK_VOICE, path)


def _only_one(method: str, path: str, query: str) -> str | None:
    """The one service whose model answers this request (or, failing that, has this path)."""
    answering = [s for s in _SERVICES if router(s).match(method, path, query) is not None]
    if not answering:  # a wrong method: the error should come from the service with the path
        answering = [s for s in _SERVICES if router(s).methods_for(path)]
    return answering[0] if len(answering) == 1 else None


@functools.lru_cache(maxsize=256)  # a client sends the same User-Agent with every request
def _named(user_agent: str) -> str | None:
    for found in _USER_AGENT_SERVICE.finditer(user_agent):
        name = found.group(1).lower().replace("_", "-")
        if name in _SERVICES:
            return name
    return None
