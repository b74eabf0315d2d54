"""The fake service's domain: orders, phone numbers and their lifecycle, and the resource families
that put numbers to work, per account and region.

Pure Python: no HTTP and no botocore here, so it can be tested with plain calls and shared by the
in-process mock and the HTTP server. The resource families load at their first need
(`families.load_all()`), not with the phone numbers.
"""

from chime_mock.backend.store import Backend, Scope

__all__ = ["Backend", "Scope"]
