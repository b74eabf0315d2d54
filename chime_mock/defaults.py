"""The fake's defaults where AWS documents a value or chime_mock had to choose one.

Kept apart from the backend and the protocol so the public API can name them without loading
either (`import chime_mock` stays cheap).
"""

from __future__ import annotations

# The account of every request whose access key is not 12 digits (AWS's documented sample).
DEFAULT_ACCOUNT = "123456789012"
# The region of unsigned requests, and the one set while active when none is configured.
DEFAULT_REGION = "us-east-1"
# The botocore names of the services chime_mock fakes: legacy Amazon Chime and Chime SDK Voice.
CHIME = "chime"
CHIME_SDK_VOICE = "chime-sdk-voice"
# Legacy Amazon Chime has one global endpoint: its state is per account, not per region.
GLOBAL_SERVICES = frozenset({CHIME})
# Amazon Chime's documented default inventory quota (adjustable with AWS; here an option).
DEFAULT_PHONE_NUMBER_LIMIT = 25
# The newest calls the journal keeps (handle.calls): enough for any one test, and a bound on the
# memory of a mock left running for a day of CI (a record takes a few hundred bytes: a few MB).
DEFAULT_JOURNAL_LIMIT = 10_000
