"""Chat bots of Amazon Chime Enterprise accounts (legacy Chime): CreateBot, Get, List, Update
(start and stop), RegenerateSecurityToken, and each bot's events configuration (an HTTPS
endpoint or a Lambda function that Chime sends the bot's events to). docs/behaviour.md, "Legacy
Amazon Chime", has the rules AWS does not publish.

Bots cannot be deleted (there is no DeleteBot): they go with their account. Nothing is ever
sent to an endpoint or a Lambda: `signature` computes what Chime would sign an event with, for
testing a bot's verification code.
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import hmac
import re
import secrets
import string
from dataclasses import dataclass, field
from typing import ClassVar
from urllib.parse import urlsplit

from chime_mock.backend import ids
from chime_mock.backend.families import Family, family
from chime_mock.backend.legacy import accounts
from chime_mock.backend.paging import Indexes, Listing, Ordered
from chime_mock.backend.quotas import Quotas
from chime_mock.backend.store import Inventory
from chime_mock.errors import bad_request, not_found

# The admin guide's limit on a bot's display name.
DISPLAY_NAME_MAX = 55
_TOKEN_LETTERS = string.ascii_letters + string.digits + "+/"
_EMAIL_UNSAFE = re.compile(r"[^A-Za-z0-9._+-]")
# A Lambda function ARN (with an optional version or alias).
_LAMBDA_ARN = re.compile(
    r"arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]+)?"
)


@dataclass
class EventsConfiguration:
    """Where Chime sends a bot's events: one of the two."""

    outbound_events_https_endpoint: str | None = None
    lambda_function_arn: str | None = None


@dataclass
class Bot:
    bot_id: str  # also its UserId, as in every published example
    account_id: str
    display_name: str  # as AWS shows it: the name given, then " (Bot)"
    bot_email: str
    security_token: str
    disabled: bool
    created: _dt.datetime
    updated: _dt.datetime
    seq: int
    events_configuration: EventsConfiguration | None = None


class Bots(Listing[Bot]):
    indexes: ClassVar[Indexes] = {"account_id": lambda account_id: (account_id,)}


@family
@dataclass
class ChimeBots(Family):
    key = "ChimeBots"

    bots: Bots = field(default_factory=Bots)

    def records(self) -> dict[str, list[object]]:
        return {"Bots": list(self.bots.values())}


def of(inventory: Inventory, *, create: bool = False) -> ChimeBots:
    return inventory.family(ChimeBots, create=create)


def _token() -> str:
    """A security token: 40 characters of the base64 alphabet, like AWS's examples."""
    return "".join(secrets.choice(_TOKEN_LETTERS) for _ in range(40))


def signature(security_token: str, timestamp: str, body: str) -> str:
    """The Chime-Signature header Chime sends with an event: base64 of the HMAC-SHA256 of
    `"<Chime-Request-Timestamp>|<body>"` keyed with the bot's security token."""
    digest = hmac.new(
        security_token.encode(), f"{timestamp}|{body}".encode(), hashlib.sha256
    ).digest()
    return base64.b64encode(digest).decode()


# -- bots ------------------------------------------------------------------------------------------


def bot(inventory: Inventory, account_id: str, bot_id: str) -> Bot:
    """The bot of that Enterprise account, or NotFoundException."""
    accounts.enterprise_account(inventory, account_id)
    found = of(inventory).bots.get(bot_id)
    if found is None or found.account_id != account_id:
        raise not_found(f"Bot {bot_id} not found in account {account_id}")
    return found


def listed(inventory: Inventory, account_id: str) -> Ordered[Bot]:
    accounts.enterprise_account(inventory, account_id)
    return of(inventory).bots.where(account_id=account_id)


def create_bot(
    inventory: Inventory,
    account_id: str,
    display_name: str,
    domain: str | None,
    quotas: Quotas,
    seq: int,
    now: _dt.datetime,
) -> Bot:
    found = accounts.enterprise_account(inventory, account_id)
    if not display_name.strip() or len(display_name) > DISPLAY_NAME_MAX:
        raise bad_request(
            f"DisplayName must be 1-{DISPLAY_NAME_MAX} characters and not only spaces"
        )
    if domain is None:
        if not found.domains:
            raise bad_request(
                f"Account {account_id} has no claimed domain: give Domain for the bot's email"
            )
        domain = found.domains[0]
    elif found.domains and domain not in found.domains:
        raise bad_request(
            f"Domain {domain} is not a domain of account {account_id}; its domains are "
            f"{', '.join(found.domains)}"
        )
    bots = of(inventory).bots
    quotas.check("bots", bots.count("account_id", account_id), what=f"bots in account {account_id}")
    email = f"{_EMAIL_UNSAFE.sub('', display_name)}-chimebot@{domain}"
    taken = {b.bot_email.lower() for b in bots.where(account_id=account_id).after(-1)}
    if email.lower() in taken:
        raise bad_request(
            f"Account {account_id} already has a bot with email {email}; choose another DisplayName"
        )
    record = Bot(
        bot_id=ids.guid(),
        account_id=account_id,
        display_name=f"{display_name} (Bot)",
        bot_email=email,
        security_token=_token(),
        disabled=False,
        created=now,
        updated=now,
        seq=seq,
    )
    of(inventory, create=True).bots[record.bot_id] = record
    return record


def update_bot(
    inventory: Inventory, account_id: str, bot_id: str, disabled: bool | None, now: _dt.datetime
) -> Bot:
    """Stop (Disabled=True) or start a bot; without Disabled nothing changes."""
    found = bot(inventory, account_id, bot_id)
    if disabled is not None:
        found.disabled, found.updated = disabled, now
    return found


def regenerate_token(inventory: Inventory, account_id: str, bot_id: str, now: _dt.datetime) -> Bot:
    """A new security token; the old one no longer signs anything."""
    found = bot(inventory, account_id, bot_id)
    found.security_token, found.updated = _token(), now
    return found


# -- events configuration --------------------------------------------------------------------------


def _check_endpoint(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise bad_request(f"OutboundEventsHTTPSEndpoint {url!r} is not an https:// URL with a host")


def put_events_configuration(
    inventory: Inventory,
    account_id: str,
    bot_id: str,
    endpoint: str | None,
    lambda_arn: str | None,
) -> Bot:
    """Replace the bot's events configuration with exactly what was sent: an HTTPS endpoint or
    a Lambda function ARN, one of the two."""
    found = bot(inventory, account_id, bot_id)
    if (endpoint is None) == (lambda_arn is None):
        raise bad_request(
            "Give either OutboundEventsHTTPSEndpoint or LambdaFunctionArn, not "
            + ("both" if endpoint is not None else "neither")
        )
    if endpoint is not None:
        _check_endpoint(endpoint)
    if lambda_arn is not None and not _LAMBDA_ARN.fullmatch(lambda_arn):
        raise bad_request(f"LambdaFunctionArn {lambda_arn!r} is not a Lambda function ARN")
    found.events_configuration = EventsConfiguration(endpoint, lambda_arn)
    return found


def events_configuration(inventory: Inventory, account_id: str, bot_id: str) -> Bot:
    """The bot, which must have an events configuration (else NotFoundException)."""
    found = bot(inventory, account_id, bot_id)
    if found.events_configuration is None:
        raise not_found(
            f"Bot {bot_id} has no events configuration; put one with PutEventsConfiguration"
        )
    return found


def delete_events_configuration(inventory: Inventory, account_id: str, bot_id: str) -> None:
    """Remove it; a bot without one is left as it is."""
    bot(inventory, account_id, bot_id).events_configuration = None


# -- with the account ------------------------------------------------------------------------------


@accounts.remover
def _remove(inventory: Inventory, account_id: str, now: _dt.datetime) -> None:
    bots = of(inventory).bots
    for found in list(bots.where(account_id=account_id).after(-1)):
        del bots[found.bot_id]
