"""What legacy Amazon Chime adds to the phone numbers: accounts, users, bots, rooms and the rest
of the `chime` API, each a resource family of the account's region-less scope."""
