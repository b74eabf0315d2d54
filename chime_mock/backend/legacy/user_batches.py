"""The batches of legacy Chime's users: BatchUpdateUser, BatchSuspendUser and
BatchUnsuspendUser, each answering the UserErrors of the users it could not change
(docs/behaviour.md, "Legacy Amazon Chime")."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from chime_mock.backend.legacy import accounts, users
from chime_mock.backend.legacy.users import User
from chime_mock.backend.store import Inventory
from chime_mock.errors import ServiceError, bad_request, not_found

# Account types whose users BatchSuspendUser may suspend; BatchUnsuspendUser: EnterpriseLWA only.
_SUSPENDABLE = frozenset({accounts.TEAM, accounts.ENTERPRISE_LWA})


def _batch(
    inventory: Inventory, account_id: str, items: list[tuple[str, Callable[[User], None]]]
) -> list[dict[str, str]]:
    """Run each item's change on its user in turn; the UserErrors of the ones that failed (an
    unknown user is NotFound). One bad item never fails the batch."""
    errors = []
    listing = users.of(inventory).users
    for user_id, change in items:
        try:
            found = listing.get(user_id)
            if found is None or found.account_id != account_id:
                raise not_found(f"User {user_id} not found in account {account_id}")
            change(found)
        except ServiceError as error:
            errors.append(
                {
                    "UserId": user_id,
                    "ErrorCode": error.code.removesuffix("Exception"),
                    "ErrorMessage": error.message,
                }
            )
    return errors


def batch_update(
    inventory: Inventory, account_id: str, items: list[dict[str, Any]]
) -> list[dict[str, str]]:
    found_account = accounts.account(inventory, account_id)

    def updater(item: dict[str, Any]) -> Callable[[User], None]:
        return lambda found: users.updated(found_account, found, item)

    return _batch(inventory, account_id, [(item["UserId"], updater(item)) for item in items])


def suspend(
    inventory: Inventory, account_id: str, user_ids: list[str], now: _dt.datetime
) -> list[dict[str, str]]:
    """BatchSuspendUser: Team and EnterpriseLWA accounts only. A suspended Team user leaves the
    account (and its number); an EnterpriseLWA one can no longer sign in."""
    found_account = accounts.account(inventory, account_id)
    if found_account.account_type not in _SUSPENDABLE:
        raise bad_request(
            f"BatchSuspendUser supports Team and EnterpriseLWA accounts; account {account_id} "
            f"is {found_account.account_type}: suspend its users in the directory"
        )

    def change(found: User) -> None:
        if found.registration_status == users.SUSPENDED:
            return
        found.registration_status = users.SUSPENDED
        if found_account.account_type == accounts.TEAM:
            users.leave(inventory, found, now)

    return _batch(inventory, account_id, [(user_id, change) for user_id in user_ids])


def unsuspend(inventory: Inventory, account_id: str, user_ids: list[str]) -> list[dict[str, str]]:
    """BatchUnsuspendUser: EnterpriseLWA accounts only; users not suspended are ignored."""
    found_account = accounts.account(inventory, account_id)
    if found_account.account_type != accounts.ENTERPRISE_LWA:
        raise bad_request(
            f"BatchUnsuspendUser supports EnterpriseLWA accounts only; account {account_id} is "
            f"{found_account.account_type}"
            + (": invite a suspended Team user again" if not found_account.enterprise else "")
        )

    def change(found: User) -> None:
        if found.registration_status == users.SUSPENDED:
            found.registration_status = users.REGISTERED

    return _batch(inventory, account_id, [(user_id, change) for user_id in user_ids])
