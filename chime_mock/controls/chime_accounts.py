"""`handle.chime_accounts`: what tests of legacy Amazon Chime need and the API cannot do. In AWS
an Enterprise account comes from claiming an email domain in the console, and an invited user
registers by accepting the invitation in the Chime app."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

from chime_mock import clock
from chime_mock.controls import FamilyControls
from chime_mock.defaults import CHIME, DEFAULT_ACCOUNT

if TYPE_CHECKING:
    from chime_mock.backend.store import Inventory

T = TypeVar("T")


class ChimeAccountControls(FamilyControls):
    def _run_legacy(self, change: Callable[[Inventory], T], account: str) -> T:
        """Run `change` on the AWS account's legacy Chime inventory (global: no Region)."""
        return self._run(change, account, service=CHIME)

    def create_account(
        self,
        name: str,
        account_type: str = "EnterpriseLWA",
        *,
        domains: Iterable[str] | None = None,
        account: str = DEFAULT_ACCOUNT,
    ) -> str:
        """Make an Amazon Chime account of any type (CreateAccount makes Team accounts only) in
        the AWS account `account`; its AccountId.

        An Enterprise account has claimed email domains (`example.com` unless `domains` says
        otherwise; `domains=()` for none): its bots' emails are in the first one, and
        DeleteAccount refuses it while it has any.

        Raises:
            ValueError: `account_type` is not an AccountType of the installed model, or `name`
                is not 1-100 characters with one that is not a space.

        Example:
            ```python
            import boto3

            from chime_mock import mock_chime

            with mock_chime() as handle:
                chime = boto3.client("chime", region_name="us-east-1")
                account_id = handle.chime_accounts.create_account("Example Corp")
                bot = chime.create_bot(AccountId=account_id, DisplayName="helper")["Bot"]
                assert bot["BotEmail"] == "helper-chimebot@example.com"
            ```
        """
        from chime_mock.backend.legacy import accounts
        from chime_mock.protocol import catalog

        allowed = catalog.enum_values(CHIME, "AccountType") or frozenset()
        if account_type not in allowed:
            raise ValueError(
                f"chime_mock: account_type must be one of {', '.join(sorted(allowed))}; got "
                f"{account_type!r}"
            )
        if not 1 <= len(name) <= 100 or not name.strip():
            raise ValueError(
                f"chime_mock: an account name is 1-100 characters, not only spaces; got {name!r}"
            )
        if domains is None:
            domains = () if account_type == accounts.TEAM else (accounts.DEFAULT_DOMAIN,)
        claimed = tuple(domains)
        if claimed and account_type == accounts.TEAM:
            raise ValueError("chime_mock: a Team account has no claimed domains")
        backend = self._backend

        def create(inventory: Inventory) -> str:
            made = accounts.create_account(
                inventory,
                name,
                backend().next_seq(),
                clock.now(),
                account_type=account_type,
                domains=claimed,
            )
            return made.account_id

        return self._run_legacy(create, account)

    def register_user(
        self,
        account_id: str,
        user_id: str,
        *,
        display_name: str | None = None,
        account: str = DEFAULT_ACCOUNT,
    ) -> None:
        """Accept a user's invitation, as the user does in the Chime app: Pending becomes
        Accepted, Unregistered becomes Registered, RegisteredOn is now, and the user gets a
        personal PIN and a display name (`display_name`, else the email's local part).

        Raises:
            ValueError: no such user in that Chime account, or the user is suspended.

        Example:
            ```python
            import boto3

            from chime_mock import mock_chime

            with mock_chime() as handle:
                chime = boto3.client("chime", region_name="us-east-1")
                account_id = chime.create_account(Name="Team")["Account"]["AccountId"]
                chime.invite_users(AccountId=account_id, UserEmailList=["jane@example.com"])
                user = chime.list_users(AccountId=account_id)["Users"][0]
                handle.chime_accounts.register_user(account_id, user["UserId"])
                user = chime.get_user(AccountId=account_id, UserId=user["UserId"])["User"]
                assert user["UserRegistrationStatus"] == "Registered"
                assert user["UserInvitationStatus"] == "Accepted"
            ```
        """
        from chime_mock.backend.legacy import users

        self._run_legacy(
            lambda inventory: users.register(
                inventory, account_id, user_id, clock.now(), display_name
            ),
            account,
        )
