"""Proxy sessions of a Voice Connector: Create, Get, List (by status), Update, Delete."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.sip import proxy_sessions
from chime_mock.operations import VOICE, Call, handles
from chime_mock.operations.sip.views import proxy_session_view


@handles("CreateProxySession", services=VOICE)
def create_proxy_session(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    session = proxy_sessions.create_session(
        call.inventory, params["VoiceConnectorId"], params, call.backend.next_seq(), call.now
    )
    # Open until it expires: the clock's settlement closes it (Family.settle).
    call.backend.timed.add((call.scope, proxy_sessions.ProxySessions.key))
    return {"ProxySession": proxy_session_view(session)}


@handles("GetProxySession", services=VOICE)
def get_proxy_session(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    session = proxy_sessions.session(
        call.inventory, params["VoiceConnectorId"], params["ProxySessionId"]
    )
    return {"ProxySession": proxy_session_view(session)}


@handles("ListProxySessions", services=VOICE)
def list_proxy_sessions(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    sessions = proxy_sessions.sessions_of(
        call.inventory, params["VoiceConnectorId"], params.get("Status")
    )
    page, token = call.page(sessions, params)
    return {"ProxySessions": [proxy_session_view(s) for s in page], "NextToken": token}


@handles("UpdateProxySession", services=VOICE)
def update_proxy_session(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    session = proxy_sessions.update_session(
        call.inventory, params["VoiceConnectorId"], params["ProxySessionId"], params, call.now
    )
    return {"ProxySession": proxy_session_view(session)}


@handles("DeleteProxySession", services=VOICE)
def delete_proxy_session(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    proxy_sessions.delete_session(
        call.inventory, params["VoiceConnectorId"], params["ProxySessionId"]
    )
    return {}
