"""SIP rules: Create, Get, List (all, or those targeting one application), Update, Delete."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.sip import sip_rules
from chime_mock.operations import VOICE, Call, handles
from chime_mock.operations.sip.views import sip_rule_view


@handles("CreateSipRule", services=VOICE)
def create_sip_rule(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    rule = sip_rules.create_rule(
        call.backend, call.inventory, params, call.backend.next_seq(), call.now
    )
    return {"SipRule": sip_rule_view(rule)}


@handles("GetSipRule", services=VOICE)
def get_sip_rule(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    return {"SipRule": sip_rule_view(sip_rules.rule(call.inventory, params["SipRuleId"]))}


@handles("ListSipRules", services=VOICE)
def list_sip_rules(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    rules = sip_rules.rules_of(call.backend, call.inventory, params.get("SipMediaApplicationId"))
    page, token = call.page(rules, params)
    return {"SipRules": [sip_rule_view(rule) for rule in page], "NextToken": token}


@handles("UpdateSipRule", services=VOICE)
def update_sip_rule(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    rule = sip_rules.update_rule(
        call.backend, call.inventory, params["SipRuleId"], params, call.now
    )
    return {"SipRule": sip_rule_view(rule)}


@handles("DeleteSipRule", services=VOICE)
def delete_sip_rule(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    sip_rules.delete_rule(call.inventory, params["SipRuleId"], call.now)
    return {}
