"""The control endpoints of legacy Amazon Chime's accounts: what `handle.chime_accounts` does
in-process, over HTTP (docs/server.md lists them).

`POST /_chime_mock/chime/accounts` makes an account of any type (CreateAccount makes Team
accounts only); `POST /_chime_mock/chime/accounts/<AccountId>/users/<UserId>/register` accepts a
user's invitation, as the user does in the Chime app. Each calls the handle's own control. Both
act in the AWS account `Account` names (the sample account when left out), as the API does for
the access key of its caller; a refused control answers the modeled error.
"""

from __future__ import annotations

from typing import Any

from chime_mock.controls import ControlError
from chime_mock.controls.chime_accounts import ChimeAccountControls
from chime_mock.defaults import DEFAULT_ACCOUNT
from chime_mock.errors import bad_request
from chime_mock.protocol.http import HttpResponse
from chime_mock.server.control import ControlRequest, control, json_answer


def _text(document: dict[str, Any], key: str, default: str | None = None) -> str | None:
    value = document.get(key, default)
    if value is not None and not isinstance(value, str):
        raise bad_request(f"chime_mock: {key} must be text")
    return value


def _account(document: dict[str, Any]) -> str:
    account = _text(document, "Account", DEFAULT_ACCOUNT)
    if account is None or len(account) != 12 or not account.isdigit():
        raise bad_request("chime_mock: Account must be an AWS account ID of 12 digits")
    return account


@control("/chime/accounts", methods=["POST"])
def create_chime_account(request: ControlRequest) -> HttpResponse:
    """`handle.chime_accounts.create_account`: `{"Name": "Example Corp", "AccountType":
    "EnterpriseLWA", "Domains": ["example.com"], "Account": "123456789012"}` (all but Name
    optional) -> `{"AccountId": ...}`."""
    document = request.document()
    name = _text(document, "Name")
    if name is None:
        raise bad_request('chime_mock: the body needs the account\'s Name: {"Name": "Example"}')
    domains = document.get("Domains")
    if domains is not None and (
        not isinstance(domains, list) or not all(isinstance(d, str) for d in domains)
    ):
        raise bad_request("chime_mock: Domains must be a list of domain names")
    controls = ChimeAccountControls(lambda: request.backend)
    try:
        account_id = controls.create_account(
            name,
            _text(document, "AccountType", "EnterpriseLWA") or "EnterpriseLWA",
            domains=domains,
            account=_account(document),
        )
    except ValueError as error:  # a type the model does not have, a bad name
        raise bad_request(str(error)) from None
    return json_answer({"AccountId": account_id}, 201)


@control("/chime/accounts/<account_id>/users/<user_id>/register", methods=["POST"])
def register_chime_user(request: ControlRequest) -> HttpResponse:
    """`handle.chime_accounts.register_user`: `{"DisplayName": "Jane Doe", "Account":
    "123456789012"}` (both optional)."""
    document = request.document()
    controls = ChimeAccountControls(lambda: request.backend)
    try:
        controls.register_user(
            request.arguments["account_id"],
            request.arguments["user_id"],
            display_name=_text(document, "DisplayName"),
            account=_account(document),
        )
    except ControlError as error:
        raise error.error from None  # the modeled error the control refused with
    return json_answer({})
