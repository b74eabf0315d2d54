"""Amazon Chime accounts (legacy Chime): Create, Get, List, Update, Delete, the account settings
and the sign-in delegate groups (docs/behaviour.md, "Legacy Amazon Chime").

Legacy Chime is global: the accounts of an AWS account live in its region-less scope. The API
makes Team accounts only; Enterprise ones come from a claimed email domain in the console, which
tests reach through `handle.chime_accounts.create_account`. What an account holds (users, bots,
rooms, retention settings) is kept by other families, which register here how they block a
DeleteAccount and what they delete with it, so this module knows none of them.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from chime_mock.backend import ids
from chime_mock.backend.families import Family, family
from chime_mock.backend.paging import Listing, Ordered
from chime_mock.backend.store import Inventory
from chime_mock.errors import ServiceError, bad_request, not_found

TEAM = "Team"
ENTERPRISE_LWA = "EnterpriseLWA"
# What CreateAccount answers for a new account (AWS's published example).
DEFAULT_LICENSE = "Pro"
SUPPORTED_LICENSES = ("Basic", "Pro")
# The claimed domain an Enterprise account made by the test control has unless told otherwise.
DEFAULT_DOMAIN = "example.com"


@dataclass
class ChimeAccount:
    account_id: str
    aws_account_id: str
    name: str
    account_type: str  # AccountType: Team, EnterpriseDirectory, EnterpriseLWA, EnterpriseOIDC
    default_license: str
    supported_licenses: list[str]
    status: str  # AccountStatus: Active (Suspended only by AWS)
    created: _dt.datetime
    seq: int
    signin_delegate_groups: list[str] = field(default_factory=list)
    # Claimed email domains (Enterprise accounts only): a console matter, seeded by tests.
    domains: list[str] = field(default_factory=list)
    # AccountSettings.
    disable_remote_control: bool = False
    enable_dial_out: bool = False

    @property
    def enterprise(self) -> bool:
        return self.account_type != TEAM


@family
@dataclass
class ChimeAccounts(Family):
    key = "ChimeAccounts"

    accounts: Listing[ChimeAccount] = field(default_factory=Listing)

    def records(self) -> dict[str, list[object]]:
        return {"Accounts": list(self.accounts.values())}


def of(inventory: Inventory, *, create: bool = False) -> ChimeAccounts:
    """The scope's Chime accounts (`create=True` to add one)."""
    return inventory.family(ChimeAccounts, create=create)


# -- what other families hang on an account --------------------------------------------------------

# Why an account cannot be deleted yet (a message), or None.
Blocker = Callable[[Inventory, ChimeAccount], str | None]
# Deletes what a family keeps for an account that is being deleted.
Remover = Callable[[Inventory, str, _dt.datetime], None]
_BLOCKERS: list[Blocker] = []
_REMOVERS: list[Remover] = []


def blocker(check: Blocker) -> Blocker:
    """Register a reason a DeleteAccount is refused (UnprocessableEntityException)."""
    _BLOCKERS.append(check)
    return check


def remover(remove: Remover) -> Remover:
    """Register what a family deletes with an account: `remove(inventory, account_id, now)`."""
    _REMOVERS.append(remove)
    return remove


# -- reading ---------------------------------------------------------------------------------------


def account(inventory: Inventory, account_id: str) -> ChimeAccount:
    """The account, or NotFoundException (an account of another AWS account is not found)."""
    found = of(inventory).accounts.get(account_id)
    if found is None:
        raise not_found(f"Account {account_id} not found")
    return found


def enterprise_account(inventory: Inventory, account_id: str) -> ChimeAccount:
    """The account, which must be an Enterprise one: AWS answers ForbiddenException for a Team
    account's bots, rooms, retention settings and delegate groups."""
    found = account(inventory, account_id)
    if not found.enterprise:
        raise ServiceError(
            "ForbiddenException",
            "Chime Account provided is not an Enterprise Chime Account"
            f"[AWS Account ID: {found.aws_account_id}][Chime Account ID: {account_id}]",
        )
    return found


class _Named(Ordered[ChimeAccount]):
    """The accounts whose name starts with a prefix (and, when given, among some IDs)."""

    def __init__(
        self, accounts: Listing[ChimeAccount], prefix: str | None, among: set[str] | None
    ) -> None:
        self._accounts, self._prefix, self._among = accounts, prefix, among

    def after(self, seq: int) -> Iterator[ChimeAccount]:
        if self._among is not None:  # a user belongs to one account or a few: read those
            found = [self._accounts[i] for i in self._among if i in self._accounts]
            candidates: Iterator[ChimeAccount] = iter(
                sorted((a for a in found if a.seq > seq), key=lambda a: a.seq)
            )
        else:
            candidates = self._accounts.after(seq)
        prefix = self._prefix
        for found_account in candidates:
            if prefix is None or found_account.name.startswith(prefix):
                yield found_account


def listed(
    inventory: Inventory, name_prefix: str | None, among: set[str] | None
) -> Ordered[ChimeAccount]:
    """ListAccounts' accounts, oldest first: by name prefix, and only `among` these IDs (the
    accounts of a user's email) when given."""
    accounts = of(inventory).accounts
    if name_prefix is None and among is None:
        return accounts
    return _Named(accounts, name_prefix, among)


# -- changing --------------------------------------------------------------------------------------


def create_account(
    inventory: Inventory,
    name: str,
    seq: int,
    now: _dt.datetime,
    *,
    account_type: str = TEAM,
    domains: tuple[str, ...] = (),
) -> ChimeAccount:
    """A new, Active account; CreateAccount makes Team accounts only."""
    record = ChimeAccount(
        account_id=ids.guid(),
        aws_account_id=inventory.scope.account,
        name=name,
        account_type=account_type,
        default_license=DEFAULT_LICENSE,
        supported_licenses=list(SUPPORTED_LICENSES),
        status="Active",
        created=now,
        seq=seq,
        domains=list(domains),
    )
    of(inventory, create=True).accounts[record.account_id] = record
    return record


def check_license(found: ChimeAccount, license_type: str, member: str) -> None:
    if license_type not in found.supported_licenses:
        raise bad_request(
            f"{member} {license_type} is not supported by account {found.account_id}; it "
            f"supports {', '.join(found.supported_licenses)}"
        )


def update_account(
    inventory: Inventory, account_id: str, name: str | None, default_license: str | None
) -> ChimeAccount:
    """Rename and/or change the license of users added later; a rejected request changes
    nothing."""
    found = account(inventory, account_id)
    if default_license is not None:
        check_license(found, default_license, "DefaultLicense")
        found.default_license = default_license
    if name is not None:
        found.name = name
    return found


def delete_account(inventory: Inventory, account_id: str, now: _dt.datetime) -> None:
    """Delete the account and everything it holds, once nothing blocks it."""
    found = account(inventory, account_id)
    reasons = (
        []
        if not found.domains
        else [
            f"it has claimed domains ({', '.join(found.domains)}): release them in the console "
            "first"
        ]
    )
    reasons += [reason for check in _BLOCKERS if (reason := check(inventory, found))]
    if reasons:
        raise ServiceError(
            "UnprocessableEntityException",
            f"Account {account_id} cannot be deleted: {'; '.join(reasons)}",
        )
    for remove in _REMOVERS:
        remove(inventory, account_id, now)
    del of(inventory).accounts[account_id]


def update_settings(
    inventory: Inventory,
    account_id: str,
    disable_remote_control: bool | None,
    enable_dial_out: bool | None,
) -> None:
    """UpdateAccountSettings: the settings given change, the others stay."""
    found = account(inventory, account_id)
    if disable_remote_control is not None:
        found.disable_remote_control = disable_remote_control
    if enable_dial_out is not None:
        found.enable_dial_out = enable_dial_out


def associate_delegate_groups(inventory: Inventory, account_id: str, names: list[str]) -> None:
    """Add the groups not there yet, in the order given (associating one twice is a no-op)."""
    found = enterprise_account(inventory, account_id)
    found.signin_delegate_groups = list(dict.fromkeys([*found.signin_delegate_groups, *names]))


def disassociate_delegate_groups(inventory: Inventory, account_id: str, names: list[str]) -> None:
    """Remove the groups named; a name the account does not have is a no-op."""
    found = enterprise_account(inventory, account_id)
    gone = set(names)
    found.signin_delegate_groups = [g for g in found.signin_delegate_groups if g not in gone]
