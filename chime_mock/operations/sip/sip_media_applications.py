"""SIP media applications: Create, Get, List, Update, Delete; the retired Alexa skill
configuration. (Their logging configuration is served by operations/configurations.py.)"""

from __future__ import annotations

from typing import Any

from chime_mock.backend.sip import sip_media_applications
from chime_mock.operations import VOICE, Call, handles
from chime_mock.operations.sip.views import sip_media_application_view


@handles("CreateSipMediaApplication", services=VOICE)
def create_sip_media_application(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    application = sip_media_applications.create_application(
        call.inventory, params, call.backend.quotas, call.backend.next_seq(), call.now
    )
    return {"SipMediaApplication": sip_media_application_view(application)}


@handles("GetSipMediaApplication", services=VOICE)
def get_sip_media_application(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    application = sip_media_applications.application(
        call.inventory, params["SipMediaApplicationId"]
    )
    return {"SipMediaApplication": sip_media_application_view(application)}


@handles("ListSipMediaApplications", services=VOICE)
def list_sip_media_applications(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    page, token = call.page(sip_media_applications.of(call.inventory).applications, params)
    return {
        "SipMediaApplications": [sip_media_application_view(a) for a in page],
        "NextToken": token,
    }


@handles("UpdateSipMediaApplication", services=VOICE)
def update_sip_media_application(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    application = sip_media_applications.update_application(
        call.inventory, params["SipMediaApplicationId"], params, call.now
    )
    return {"SipMediaApplication": sip_media_application_view(application)}


@handles("DeleteSipMediaApplication", services=VOICE)
def delete_sip_media_application(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    sip_media_applications.delete_application(
        call.backend, call.inventory, params["SipMediaApplicationId"], call.now
    )
    return {}


@handles("GetSipMediaApplicationAlexaSkillConfiguration", services=VOICE)
@handles("PutSipMediaApplicationAlexaSkillConfiguration", services=VOICE)
def alexa_skill_configuration(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    sip_media_applications.retired_alexa_skill_configuration(
        call.inventory, params["SipMediaApplicationId"]
    )
    return {}  # never reached: the configuration is retired
