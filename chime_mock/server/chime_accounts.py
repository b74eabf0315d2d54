"""The control endpoints of legacy Amazon Chime's accounts: `handle.chime_accounts` over HTTP.

`POST /_chime_mock/chime/accounts` makes an account of any type (CreateAccount makes Team
accounts only); `POST /_chime_mock/chime/accounts/<AccountId>/users/<UserId>/register` accepts a
user's invitation, as the user does in the Chime app. Both act in the AWS account of
`AwsAccountId` (default 123456789012), as the API does for the access key of its caller.
"""

from __future__ import annotations

from typing import Any

from chime_mock import clock
from chime_mock.defaults import CHIME, DEFAULT_ACCOUNT
from chime_mock.errors import bad_request
from chime_mock.protocol.http import HttpResponse
from chime_mock.server.control import ControlRequest, control, json_answer


def _text(document: dict[str, Any], key: str, default: str | None = None) -> str | None:
    value = document.get(key, default)
    if value is not None and not isinstance(value, str):
        raise bad_request(f"chime_mock: {key} must be text")
    return value


def _aws_account(document: dict[str, Any]) -> str:
    account = _text(document, "AwsAccountId", DEFAULT_ACCOUNT)
    if account is None or len(account) != 12 or not account.isdigit():
        raise bad_request("chime_mock: AwsAccountId must be 12 digits")
    return account


@control("/chime/accounts", methods=["POST"])
def create_chime_account(request: ControlRequest) -> HttpResponse:
    """`{"Name": "Example Corp", "AccountType": "EnterpriseLWA", "Domains": ["example.com"],
    "AwsAccountId": "123456789012"}` (all but Name optional) -> `{"AccountId": ...}`."""
    from chime_mock.controls.chime_accounts import ChimeAccountControls

    document = request.document()
    name = _text(document, "Name")
    if name is None:
        raise bad_request('chime_mock: give the account\'s Name: {"Name": "Example Corp"}')
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
            account=_aws_account(document),
        )
    except ValueError as error:
        raise bad_request(str(error)) from error
    return json_answer({"AccountId": account_id}, 201)


@control("/chime/accounts/<account_id>/users/<user_id>/register", methods=["POST"])
def register_chime_user(request: ControlRequest) -> HttpResponse:
    """`{"DisplayName": "Jane Doe", "AwsAccountId": "123456789012"}` (both optional) -> the user
    as GetUser shows it."""
    from chime_mock.backend import Scope
    from chime_mock.backend.legacy import users
    from chime_mock.operations.legacy.views import user_view
    from chime_mock.server.snapshot import plain

    document = request.document()
    display_name = _text(document, "DisplayName")
    backend = request.backend
    with backend.lock:
        now = clock.now()
        backend.settle(now)
        inventory = backend.inventory(Scope(CHIME, _aws_account(document), None))
        user = users.register(
            inventory,
            request.arguments["account_id"],
            request.arguments["user_id"],
            now,
            display_name,
        )
        return json_answer({"User": plain(user_view(user))})
