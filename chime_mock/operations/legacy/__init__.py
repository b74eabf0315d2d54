"""Handlers of what legacy Amazon Chime adds to the phone numbers: accounts, users, bots, rooms
and the rest of the `chime` API, registered for legacy Chime only."""
