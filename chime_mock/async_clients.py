"""aiobotocore (and so aioboto3) clients: the same interception, with aiobotocore's own types.

aiobotocore's `AioEndpoint` inherits botocore's `Endpoint.make_request`, so the wrapper in
interception.py sees its calls and hooks the client's `AioHierarchicalEmitter` like any other.
That emitter awaits a handler's answer only when it is awaitable, so the same plain before-send
handler serves; what differs is the answer: aiobotocore awaits `response.content`, which only its
`AioAWSResponse` (reading an awaitable `raw.read()`) provides, and its signer awaits
`get_frozen_credentials()`, which only `AioCredentials` provides.

aiobotocore is optional: nothing here imports it unless a client of it is already calling.
"""

from __future__ import annotations

import sys
from typing import Any

from chime_mock.environment import FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY


def is_async(endpoint: Any) -> bool:
    """Whether `endpoint` belongs to an aiobotocore client."""
    module = sys.modules.get("aiobotocore.endpoint")
    return module is not None and isinstance(endpoint, module.AioEndpoint)


class _AsyncBody:
    """The `raw` aiobotocore awaits an in-memory answer from."""

    def __init__(self, content: bytes) -> None:
        self._content = content

    async def read(self, *args: Any) -> bytes:
        return self._content


def response(url: str, status: int, headers: dict[str, str], body: bytes) -> Any:
    """An answer aiobotocore can await, as `AWSResponse` is for botocore."""
    from aiobotocore.awsrequest import AioAWSResponse

    return AioAWSResponse(url, status, headers, _AsyncBody(body))


def fake_credentials() -> Any:
    """The fake credentials as aiobotocore's signer awaits them."""
    from aiobotocore.credentials import AioCredentials

    return AioCredentials(FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY)
