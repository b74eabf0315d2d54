"""Scale: one page of every list operation at 10,000 records against one page at 100.

Two fakes, a small one (100 orders and numbers) and a large one (10,000), alike in every other
way (the active mock answers from one, then the other): a fifth of the numbers
SipMediaApplicationDialIn, a fifth in the deletion queue, a fifth associated with a Voice
Connector; as many Voice Connectors and groups, SIP media applications, SIP rules (a fifth of
them targeting the first application), proxy sessions of the first Voice Connector (open,
waiting for their expiry: every request settles the clock), voice profile domains, and voice
profiles of the first domain (waiting for theirs), quotas lifted, so every filter and family
listing fills two pages in both. Each list operation is called through boto3
with the same page size in both, for its first page and for a later one (NextToken), alternating
small and large; like `timeit`, the fastest of the rounds is kept, with the garbage collector
off while timing. Goal: large <= 1.2x small.

Run: python benchmarks/bench_scale.py [--rounds N] [--large N]
"""

from __future__ import annotations

import argparse
import datetime as _dt
import functools
import gc
import time
from collections.abc import Callable
from typing import Any

import boto3

from chime_mock import mock_chime
from chime_mock.backend import Backend, Scope, associations
from chime_mock.backend.analytics import voice_analytics, voice_profile_domains
from chime_mock.backend.phone_numbers.inventory import PhoneNumberInventory, delete_number
from chime_mock.backend.phone_numbers.orders import create_order
from chime_mock.backend.quotas import Quotas
from chime_mock.backend.sip import proxy_sessions, sip_media_applications
from chime_mock.backend.voice_connectors import connectors
from chime_mock.interception import INTERCEPTOR

PAGE = 10
SMALL, LARGE = 100, 10_000
SCOPE = Scope.of("chime-sdk-voice", "123456789012", "us-east-1")
VOICE_CONNECTOR = ("VoiceConnectorId", "abcdef1ghij2klmno3pqr4")


LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:calls"
KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/0000aaaa-bb11-cc22-dd33-eeeeee444444"


def filled(size: int, now: _dt.datetime) -> tuple[Backend, dict[str, str]]:
    """A fake holding `size` completed orders of one number each and `size` records of every
    family; the IDs the filtered listings name (the first connector, application, domain)."""
    backend = Backend(phone_number_limit=None)
    unlimited = ("voice_connectors", "voice_connector_groups", "sip_media_applications")
    backend.quotas = Quotas(dict.fromkeys((*unlimited, "voice_profile_domains"), None))
    scope = SCOPE
    inventory = backend.inventory(scope)
    with backend.lock:
        for _ in range(size):
            params = {"Name": "trunk", "RequireEncryption": True}
            connectors.create_connector(inventory, params, backend.quotas, backend.next_seq(), now)
            connectors.create_group(
                inventory, {"Name": "g"}, backend.quotas, backend.next_seq(), now
            )
        for index in range(size):
            product_type = "SipMediaApplicationDialIn" if index % 5 == 4 else "VoiceConnector"
            e164 = f"+1206555{index:04d}"
            create_order(backend, scope, product_type, [e164], now)
        backend.settle(now)
        held = list(PhoneNumberInventory.of(inventory).numbers.values())
        for index, number in enumerate(held):
            if index % 5 == 1:
                delete_number(backend, scope, number.phone_number_id, now)
            elif index % 5 == 2:
                associations.associate(inventory, VOICE_CONNECTOR, [number.e164], False, now)
        ids = _families(backend, size, now)
    return backend, ids


def _families(backend: Backend, size: int, now: _dt.datetime) -> dict[str, str]:
    """The SIP and voice analytics families, made record by record: the create functions'
    checks that read every record (one rule per hostname, say) would make filling the large
    fake quadratic, and are not what is measured."""
    inventory = backend.inventory(SCOPE)
    applications = [
        sip_media_applications.create_application(
            inventory,
            {"AwsRegion": "us-east-1", "Name": "app", "Endpoints": [{"LambdaArn": LAMBDA}]},
            backend.quotas,
            backend.next_seq(),
            now,
        )
        for _ in range(size)
    ]
    first = applications[0].sip_media_application_id
    rules = sip_media_applications.of(inventory).rules
    connector_ids = list(connectors.of(inventory).connectors)
    for index, application in enumerate(applications):
        target = first if index % 5 == 0 else application.sip_media_application_id
        rule = sip_media_applications.SipRule(
            sip_rule_id=f"rule-{index}",
            name="rule",
            disabled=False,
            trigger_type="RequestUriHostname",
            trigger_value=f"{connector_ids[index]}.voiceconnector.chime.aws",
            targets=[sip_media_applications.SipRuleTargetApplication(target, 1, "us-east-1")],
            created=now,
            updated=now,
            seq=backend.next_seq(),
        )
        rules[rule.sip_rule_id] = rule
    sessions = proxy_sessions.of(inventory, create=True)
    for index in range(size):
        session = proxy_sessions.ProxySession(
            proxy_session_id=f"session-{index}",
            voice_connector_id=connector_ids[0],
            name=None,
            status=proxy_sessions.OPEN,
            expiry_minutes=60 + index,
            capabilities=["Voice"],
            participants=["+12065550111", "+12065550112"],
            proxy_phone_number="+12065550100",
            created=now,
            updated=now,
            seq=backend.next_seq(),
        )
        sessions.expect(session)
        sessions.sessions[session.proxy_session_id] = session
    backend.timed.add((SCOPE, proxy_sessions.ProxySessions.key))
    domains = [_domain(inventory, backend, now) for _ in range(size)]
    profiles = voice_analytics.of(inventory).profiles
    for index in range(size):
        profiles[f"profile-{index}"] = voice_analytics.VoiceProfile(
            voice_profile_id=f"profile-{index}",
            voice_profile_domain_id=domains[0],
            arn=f"arn:aws:chime:us-east-1:123456789012:voice-profile/profile-{index}",
            created=now,
            updated=now,
            expires=voice_analytics.years_later(now, voice_analytics.PROFILE_YEARS),
            seq=backend.next_seq(),
        )
    voice_analytics.waits(inventory, backend.timed)
    return {"connector": connector_ids[0], "application": first, "domain": domains[0]}


def _domain(inventory: Any, backend: Backend, now: _dt.datetime) -> str:
    params = {"Name": "d", "ServerSideEncryptionConfiguration": {"KmsKeyArn": KMS_KEY}}
    domain = voice_profile_domains.create_domain(
        inventory, params, backend.quotas, backend.next_seq(), now
    )
    return domain.voice_profile_domain_id


Listing = Callable[[Any, "str | None", dict[str, str]], dict[str, Any]]


def listed(list_operation: str, **filters: Any) -> Listing:
    """A page of a list operation; a filter given as "@name" takes the fake's ID of that name."""

    def call(client: Any, token: str | None, ids: dict[str, str]) -> dict[str, Any]:
        extra = {"NextToken": token} if token else {}
        given = {
            key: ids[value[1:]] if isinstance(value, str) and value.startswith("@") else value
            for key, value in filters.items()
        }
        answer: dict[str, Any] = getattr(client, list_operation)(MaxResults=PAGE, **given, **extra)
        return answer

    return call


def listings() -> dict[str, Listing]:
    """Each list operation and filter: (client, NextToken, the fake's IDs) -> the answer."""
    name, value = VOICE_CONNECTOR
    return {
        "ListVoiceConnectors": listed("list_voice_connectors"),
        "ListVoiceConnectorGroups": listed("list_voice_connector_groups"),
        "ListPhoneNumberOrders": listed("list_phone_number_orders"),
        "ListPhoneNumbers": listed("list_phone_numbers"),
        "ListPhoneNumbers Status=Unassigned": listed("list_phone_numbers", Status="Unassigned"),
        "ListPhoneNumbers Status=DeleteInProgress": listed(
            "list_phone_numbers", Status="DeleteInProgress"
        ),
        "ListPhoneNumbers ProductType=SipMediaApplicationDialIn": listed(
            "list_phone_numbers", ProductType="SipMediaApplicationDialIn"
        ),
        "ListPhoneNumbers FilterName=VoiceConnectorId": listed(
            "list_phone_numbers", FilterName=name, FilterValue=value
        ),
        "SearchAvailablePhoneNumbers AreaCode=312": listed(
            "search_available_phone_numbers", AreaCode="312"
        ),
        "ListSipMediaApplications": listed("list_sip_media_applications"),
        "ListSipRules": listed("list_sip_rules"),
        "ListSipRules SipMediaApplicationId=": listed(
            "list_sip_rules", SipMediaApplicationId="@application"
        ),
        "ListProxySessions VoiceConnectorId=": listed(
            "list_proxy_sessions", VoiceConnectorId="@connector"
        ),
        "ListProxySessions Status=Open": listed(
            "list_proxy_sessions", VoiceConnectorId="@connector", Status="Open"
        ),
        "ListVoiceProfileDomains": listed("list_voice_profile_domains"),
        "ListVoiceProfiles VoiceProfileDomainId=": listed(
            "list_voice_profiles", VoiceProfileDomainId="@domain"
        ),
    }


def _per_call(call: Callable[[], object], calls: int) -> float:
    # As timeit does: a garbage collection pass walks every object, so the large fake's would
    # be charged to whichever call it happens to interrupt.
    gc.disable()
    try:
        start = time.perf_counter()
        for _ in range(calls):
            call()
        return (time.perf_counter() - start) / calls
    finally:
        gc.enable()


def page_times(
    client: Any,
    fakes: dict[int, tuple[Backend, dict[str, str]]],
    pages: dict[str, Listing],
    rounds: int,
    calls: int,
) -> list[tuple[str, str, float, float]]:
    """(listing, which page, small seconds, large seconds) for every listing of `pages`, the
    small and the large fake answering in turn (a mock must be active)."""
    found = []
    active = INTERCEPTOR.backend
    for name, listing in pages.items():
        for page in ("first", "later"):
            times: dict[int, list[float]] = {SMALL: [], LARGE: []}
            for _ in range(rounds):
                for size, (backend, ids) in fakes.items():
                    INTERCEPTOR.backend = backend
                    # A later page follows the token of the first (fetched anew: a listing
                    # keeps only its newest tokens).
                    first = listing(client, None, ids)
                    token = first["NextToken"] if page == "later" else None
                    call = functools.partial(listing, client, token, ids)
                    times[size].append(_per_call(call, calls))
            found.append((name, page, min(times[SMALL]), min(times[LARGE])))
    INTERCEPTOR.backend = active
    return found


def measure(rounds: int, calls: int) -> list[tuple[str, str, float, float]]:
    """(listing, which page, small seconds, large seconds) for every listing."""
    now = _dt.datetime.now(_dt.timezone.utc)
    fakes = {size: filled(size, now) for size in (SMALL, LARGE)}
    with mock_chime():
        client = boto3.client("chime-sdk-voice", region_name="us-east-1")
        return page_times(client, fakes, listings(), rounds, calls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--calls", type=int, default=20)
    arguments = parser.parse_args()
    results = measure(arguments.rounds, arguments.calls)
    print(f"one page of {PAGE}, {SMALL:,} vs {LARGE:,} records (goal: ratio <= 1.2)")
    for name, page, small, large in results:
        print(
            f"  {name:<54} {page:<5} {small * 1e6:7.0f} us  {large * 1e6:7.0f} us  "
            f"ratio {large / small:.3f}"
        )
    print(f"  worst ratio {max(large / small for _, _, small, large in results):.3f}")


if __name__ == "__main__":
    main()
