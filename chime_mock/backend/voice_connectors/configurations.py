"""The configurations of a Voice Connector, declared for the one configuration mechanism
(backend/configurations.py), with the rules each must pass (docs/behaviour.md, "Voice Connectors,
groups and their configurations"), and its termination credentials and health."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Any

from chime_mock.backend.configurations import Configuration, Parent
from chime_mock.backend.phone_numbers.facts import describe
from chime_mock.backend.phone_numbers.inventory import PhoneNumberInventory
from chime_mock.backend.quotas import Quotas
from chime_mock.backend.store import Inventory
from chime_mock.backend.voice_connectors import addresses, connectors
from chime_mock.backend.voice_connectors.connectors import VoiceConnector
from chime_mock.errors import bad_request, not_found

ORIGINATION = "Origination"
TERMINATION = "Termination"
EMERGENCY_CALLING = "EmergencyCallingConfiguration"
STREAMING = "StreamingConfiguration"
PROXY = "Proxy"  # read by proxy sessions (backend/proxy_sessions.py)
# Kept beside the documents, never answered by a Get of one (passwords are never returned).
CREDENTIALS = "TerminationCredentials"
HEALTH = "TerminationHealth"

MAX_ORIGINATION_ROUTES = 20  # The looser of the two published bounds
LOGGING_OFF = {"EnableSIPLogs": False, "EnableMediaMetricLogs": False}

VOICE_CONNECTOR = Parent("VoiceConnectorId", connectors.connector)


def _emergency_blocks(connector: VoiceConnector, what: str) -> None:
    if EMERGENCY_CALLING in connector.configurations:
        raise bad_request(
            f"Voice Connector {connector.voice_connector_id} has an emergency calling "
            f"configuration, which needs its {what}; delete the emergency calling configuration "
            "first"
        )


def _check_origination(
    inventory: Inventory, connector: VoiceConnector, document: dict[str, Any], quotas: Quotas
) -> dict[str, Any]:
    routes = document.get("Routes")
    if routes is None and document.get("Disabled") is None:
        raise bad_request("Origination needs Routes, Disabled, or both")
    if routes is not None and not 1 <= len(routes) <= MAX_ORIGINATION_ROUTES:
        raise bad_request(
            f"Origination.Routes takes 1 to {MAX_ORIGINATION_ROUTES} routes; got {len(routes)}"
        )
    for index, route in enumerate(routes or [], start=1):
        # An encrypted connector signals over TLS, so TCP is its default and UDP is refused.
        if connector.require_encryption and route.get("Protocol") == "UDP":
            raise bad_request(
                f"Origination.Routes.{index}.Protocol is UDP, but Voice Connector "
                f"{connector.voice_connector_id} requires encryption (TLS over TCP); use TCP"
            )
        addresses.host(route.get("Host", ""), f"Origination.Routes.{index}.Host")
        route.setdefault("Protocol", "TCP" if connector.require_encryption else "UDP")
        route.setdefault("Port", 5060)
    if document.get("Disabled"):
        _emergency_blocks(connector, "origination enabled")
    return document


def _check_termination(
    inventory: Inventory, connector: VoiceConnector, document: dict[str, Any], quotas: Quotas
) -> dict[str, Any]:
    document.setdefault("CpsLimit", 1)
    quotas.check(
        "calls_per_second",
        0,
        document["CpsLimit"],
        what="calls per second of a Voice Connector",
        code="BadRequestException",  # RL is not modeled on PutVoiceConnectorTermination
    )
    if not document.get("CallingRegions"):
        raise bad_request("Termination.CallingRegions must list at least one country")
    addresses.calling_regions(document["CallingRegions"], "Termination.CallingRegions")
    for index, cidr in enumerate(document.get("CidrAllowedList") or [], start=1):
        addresses.cidr(cidr, f"Termination.CidrAllowedList.{index}")
    default = document.get("DefaultPhoneNumber")
    if default is not None:
        facts = describe(default)
        number = (
            PhoneNumberInventory.of(inventory).numbers.get(facts.phone_number_id) if facts else None
        )
        if number is None or number.product_type != "VoiceConnector":
            raise bad_request(
                f"Termination.DefaultPhoneNumber {default} must be a VoiceConnector phone number "
                "of this account's inventory"
            )
    if document.get("Disabled"):
        _emergency_blocks(connector, "termination enabled")
    return document


def _check_emergency_calling(
    inventory: Inventory, connector: VoiceConnector, document: dict[str, Any], quotas: Quotas
) -> dict[str, Any]:
    for needed in (TERMINATION, ORIGINATION):
        configured = connector.configurations.get(needed)
        if configured is None or configured.get("Disabled"):
            raise bad_request(
                f"Emergency calling needs the {needed.lower()} of Voice Connector "
                f"{connector.voice_connector_id} configured and enabled; put it first"
            )
    for index, dnis in enumerate(document.get("DNIS") or [], start=1):
        where = f"EmergencyCallingConfiguration.DNIS.{index}"
        if dnis["CallingCountry"] != "US":
            raise bad_request(f"{where}.CallingCountry must be US: emergency calling is US only")
        for member in ("EmergencyPhoneNumber", "TestPhoneNumber"):
            number = dnis.get(member)
            if number is not None and not number.lstrip("+").startswith("1"):
                raise bad_request(f"{where}.{member} must be a US (+1) number; got {number}")
    return document


def _check_streaming(
    inventory: Inventory, connector: VoiceConnector, document: dict[str, Any], quotas: Quotas
) -> dict[str, Any]:
    targets = [
        t.get("NotificationTarget") for t in document.get("StreamingNotificationTargets") or []
    ]
    if len(set(targets)) != len(targets):
        raise bad_request("StreamingNotificationTargets lists a target more than once")
    return document


def _check_proxy(
    inventory: Inventory, connector: VoiceConnector, document: dict[str, Any], quotas: Quotas
) -> dict[str, Any]:
    # The model types it a plain Integer; sessions last ExpiryMinutes >= 1.
    if document["DefaultSessionExpiryMinutes"] < 1:
        raise bad_request(
            "DefaultSessionExpiryMinutes must be at least 1: the minutes a proxy session lasts "
            "unless created with ExpiryMinutes"
        )
    return document


def _check_delete_termination(inventory: Inventory, connector: VoiceConnector) -> None:
    _emergency_blocks(connector, "termination")


def _check_delete_origination(inventory: Inventory, connector: VoiceConnector) -> None:
    _emergency_blocks(connector, "origination")


CONFIGURATIONS = (
    Configuration(
        ORIGINATION,
        VOICE_CONNECTOR,
        put="PutVoiceConnectorOrigination",
        get="GetVoiceConnectorOrigination",
        delete="DeleteVoiceConnectorOrigination",
        check_put=_check_origination,
        check_delete=_check_delete_origination,
        defaults={"Disabled": False},
    ),
    Configuration(
        TERMINATION,
        VOICE_CONNECTOR,
        put="PutVoiceConnectorTermination",
        get="GetVoiceConnectorTermination",
        delete="DeleteVoiceConnectorTermination",
        check_put=_check_termination,
        check_delete=_check_delete_termination,
        defaults={"CpsLimit": 1, "Disabled": False},
        deletes_with_it=(CREDENTIALS, HEALTH),  # credentials and pings are the termination's
    ),
    Configuration(
        STREAMING,
        VOICE_CONNECTOR,
        put="PutVoiceConnectorStreamingConfiguration",
        get="GetVoiceConnectorStreamingConfiguration",
        delete="DeleteVoiceConnectorStreamingConfiguration",
        check_put=_check_streaming,
    ),
    Configuration(
        "LoggingConfiguration",
        VOICE_CONNECTOR,
        put="PutVoiceConnectorLoggingConfiguration",
        get="GetVoiceConnectorLoggingConfiguration",
        # No Delete operation: Get before any Put answers every flag off, and a flag a Put
        # leaves out is off.
        when_absent=LOGGING_OFF,
        defaults=LOGGING_OFF,
    ),
    Configuration(
        EMERGENCY_CALLING,
        VOICE_CONNECTOR,
        put="PutVoiceConnectorEmergencyCallingConfiguration",
        get="GetVoiceConnectorEmergencyCallingConfiguration",
        delete="DeleteVoiceConnectorEmergencyCallingConfiguration",
        check_put=_check_emergency_calling,
    ),
    Configuration(
        "ExternalSystemsConfiguration",
        VOICE_CONNECTOR,
        put="PutVoiceConnectorExternalSystemsConfiguration",
        get="GetVoiceConnectorExternalSystemsConfiguration",
        delete="DeleteVoiceConnectorExternalSystemsConfiguration",
    ),
    Configuration(
        PROXY,
        VOICE_CONNECTOR,
        put="PutVoiceConnectorProxy",
        get="GetVoiceConnectorProxy",
        delete="DeleteVoiceConnectorProxy",
        renames={"PhoneNumberPoolCountries": "PhoneNumberCountries"},
        check_put=_check_proxy,
        defaults={"Disabled": False},
    ),
)


# -- termination credentials and health -----------------------------------------------------------


def _terminated(inventory: Inventory, voice_connector_id: str) -> VoiceConnector:
    connector = connectors.connector(inventory, voice_connector_id)
    if TERMINATION not in connector.configurations:
        raise bad_request(
            f"Voice Connector {voice_connector_id} has no termination; put its termination "
            "before its termination credentials"
        )
    return connector


def put_credentials(
    inventory: Inventory,
    voice_connector_id: str,
    credentials: Iterable[dict[str, str]],
    quotas: Quotas,
) -> None:
    """Add or replace credentials by user name."""
    connector = _terminated(inventory, voice_connector_id)
    kept: dict[str, str] = dict(connector.configurations.get(CREDENTIALS) or {})
    for index, credential in enumerate(credentials, start=1):
        username, password = credential.get("Username"), credential.get("Password")
        if not username or not password:
            raise bad_request(f"Credentials.{index} needs a Username and a Password")
        kept[username] = password
    quotas.check(
        "termination_credentials",
        0,
        len(kept),
        what="termination credentials of a Voice Connector",
        code="BadRequestException",
    )
    connector.configurations[CREDENTIALS] = kept


def usernames(inventory: Inventory, voice_connector_id: str) -> list[str]:
    connector = connectors.connector(inventory, voice_connector_id)
    return list(connector.configurations.get(CREDENTIALS) or {})


def delete_credentials(inventory: Inventory, voice_connector_id: str, names: Iterable[str]) -> None:
    """Remove credentials by user name; unknown names are ignored."""
    connector = _terminated(inventory, voice_connector_id)
    gone = set(names)
    kept = connector.configurations.get(CREDENTIALS) or {}
    connector.configurations[CREDENTIALS] = {
        name: password for name, password in kept.items() if name not in gone
    }


def health(inventory: Inventory, voice_connector_id: str) -> dict[str, Any]:
    """The last SIP OPTIONS ping a test recorded, `{}` before any."""
    connector = connectors.connector(inventory, voice_connector_id)
    if TERMINATION not in connector.configurations:
        raise not_found(f"Voice Connector {voice_connector_id} has no termination")
    return dict(connector.configurations.get(HEALTH) or {})


def record_health(
    inventory: Inventory, voice_connector_id: str, source: str, at: _dt.datetime
) -> None:
    connector = connectors.connector(inventory, voice_connector_id)
    connector.configurations[HEALTH] = {"Timestamp": at, "Source": source}
