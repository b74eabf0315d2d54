"""Chat bots of Amazon Chime Enterprise accounts (legacy Chime) and their events configuration.
The rules are in backend/legacy/bots.py."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.legacy import bots
from chime_mock.operations import LEGACY, Call, handles
from chime_mock.operations.legacy.views import bot_view, events_configuration_view


@handles("CreateBot", services=LEGACY)
def create_bot(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    bot = bots.create_bot(
        call.inventory,
        params["AccountId"],
        params["DisplayName"],
        params.get("Domain"),
        call.backend.quotas,
        call.backend.next_seq(),
        call.now,
    )
    return {"Bot": bot_view(bot)}


@handles("GetBot", services=LEGACY)
def get_bot(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    return {"Bot": bot_view(bots.bot(call.inventory, params["AccountId"], params["BotId"]))}


@handles("ListBots", services=LEGACY)
def list_bots(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    # ListBots' documented default page is 10 bots.
    found, token = call.page(bots.listed(call.inventory, params["AccountId"]), params, 10)
    return {"Bots": [bot_view(bot) for bot in found], "NextToken": token}


@handles("UpdateBot", services=LEGACY)
def update_bot(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    bot = bots.update_bot(
        call.inventory, params["AccountId"], params["BotId"], params.get("Disabled"), call.now
    )
    return {"Bot": bot_view(bot)}


@handles("RegenerateSecurityToken", services=LEGACY)
def regenerate_security_token(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    bot = bots.regenerate_token(call.inventory, params["AccountId"], params["BotId"], call.now)
    return {"Bot": bot_view(bot)}


@handles("PutEventsConfiguration", services=LEGACY)
def put_events_configuration(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    bot = bots.put_events_configuration(
        call.inventory,
        params["AccountId"],
        params["BotId"],
        params.get("OutboundEventsHTTPSEndpoint"),
        params.get("LambdaFunctionArn"),
    )
    return {"EventsConfiguration": events_configuration_view(bot)}


@handles("GetEventsConfiguration", services=LEGACY)
def get_events_configuration(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    bot = bots.events_configuration(call.inventory, params["AccountId"], params["BotId"])
    return {"EventsConfiguration": events_configuration_view(bot)}


@handles("DeleteEventsConfiguration", services=LEGACY)
def delete_events_configuration(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    bots.delete_events_configuration(call.inventory, params["AccountId"], params["BotId"])
    return {}
