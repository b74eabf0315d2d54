"""chime_mock as an HTTP server, for the AWS CLI, other SDKs and other processes.

```python
import boto3

from chime_mock.server import running_server

with running_server() as server:
    voice = boto3.client(
        "chime-sdk-voice",
        endpoint_url=server.url,
        region_name="us-east-1",
        aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
        aws_secret_access_key="fake",
    )
    assert voice.list_phone_number_orders()["PhoneNumberOrders"] == []
```

Needs werkzeug: `pip install '.[server]'` in a chime_mock checkout (or `pip install werkzeug`).
"""

from __future__ import annotations

try:
    import werkzeug  # noqa: F401
except ImportError as error:  # pragma: no cover - depends on the install
    raise ImportError(
        "chime_mock: the server needs werkzeug; install it with pip install werkzeug (or "
        "pip install '.[server]' in a chime_mock checkout)"
    ) from error

from chime_mock.server.app import ChimeMockApp
from chime_mock.server.running import ChimeMockServer, running_server, serve

__all__ = ["ChimeMockApp", "ChimeMockServer", "running_server", "serve"]
