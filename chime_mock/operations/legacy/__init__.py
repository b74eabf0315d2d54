"""Handlers of what legacy Amazon Chime adds to the phone numbers: accounts, users, bots, rooms
and the rest of the `chime` API, registered for legacy Chime only."""

from chime_mock.operations.legacy import (  # noqa: F401  (registered by import)
    accounts,
    bots,
    dial_outs,
    messages,
    numbers,
    rooms,
    users,
)
