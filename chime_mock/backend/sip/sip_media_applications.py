"""SIP media applications (docs/behaviour.md, "SIP media applications, SIP rules, calls and proxy
sessions") and the family that also keeps their SIP rules (sip_rules.py) and the calls they placed
(sip_media_application_calls.py).

An application is a regional resource: it lives in the scope of the endpoint that created it,
and SIP rules of other regions name it as a fail-over target, so some rules here look at the
caller's account in every region (`account_inventories`).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from chime_mock.backend import ids, tags
from chime_mock.backend.configurations import Configuration, Parent
from chime_mock.backend.families import Family, family
from chime_mock.backend.paging import Indexes, Listed, Listing
from chime_mock.backend.quotas import Quotas
from chime_mock.backend.sip.pstn.records import OUTBOUND, PstnCall
from chime_mock.backend.store import Backend, Inventory
from chime_mock.errors import ServiceError, bad_request, conflict, not_found

LOGGING = "SipMediaApplicationLoggingConfiguration"
_LAMBDA_REGION = re.compile(r":lambda:([a-z0-9-]+):\d{12}:function:")


@dataclass
class SipMediaApplication:
    sip_media_application_id: str
    name: str
    aws_region: str
    lambda_arn: str  # the model allows exactly one endpoint
    arn: str
    created: _dt.datetime
    updated: _dt.datetime
    seq: int
    tags: dict[str, str] = field(default_factory=dict)
    # The logging configuration, by the configuration mechanism (backend/configurations.py).
    configurations: dict[str, Any] = field(default_factory=dict)


@dataclass
class SipRuleTargetApplication:
    sip_media_application_id: str
    priority: int
    aws_region: str


@dataclass
class SipRule(Listed):  # assigning its targets refiles it for ListSipRules' filter
    sip_rule_id: str
    name: str
    disabled: bool
    trigger_type: str  # ToPhoneNumber | RequestUriHostname
    trigger_value: str
    targets: list[SipRuleTargetApplication]
    created: _dt.datetime
    updated: _dt.datetime
    seq: int


@dataclass
class CallUpdate:
    """The Arguments of one UpdateSipMediaApplicationCall."""

    arguments: dict[str, str]
    at: _dt.datetime


@dataclass
class SipMediaApplicationCall(Listed):  # ending it refiles it: the quota counts active calls
    """A call of an application: one it placed (CreateSipMediaApplicationCall), or one a SIP
    rule routed to it (a test's `receive_call`)."""

    transaction_id: str
    sip_media_application_id: str
    from_phone_number: str
    to_phone_number: str
    sip_headers: dict[str, str]
    arguments: dict[str, str]
    placed: _dt.datetime
    seq: int
    ended: _dt.datetime | None = None
    updates: list[CallUpdate] = field(default_factory=list)
    direction: str = OUTBOUND
    # The call as it runs through the application's connected Lambda (backend/sip/pstn/);
    # None when no Lambda was connected: the call is recorded only.
    pstn: PstnCall | None = None


def _targeted(targets: list[SipRuleTargetApplication]) -> Iterator[str]:
    for target in targets:
        yield target.sip_media_application_id


class SipRules(Listing[SipRule]):
    """A region's rules by ID, filed by the applications they target (ListSipRules' filter)."""

    indexes: ClassVar[Indexes] = {"targets": _targeted}


class SipMediaApplicationCalls(Listing[SipMediaApplicationCall]):
    """A region's calls by TransactionId, filed by whether they are still active."""

    indexes: ClassVar[Indexes] = {"ended": lambda ended: (ended is None,)}


@family
@dataclass
class SipMediaApplications(Family):
    key = "SipMediaApplications"

    # Listings: dicts by ID in creation order, paged by seeking to a token's place.
    applications: Listing[SipMediaApplication] = field(default_factory=Listing)
    rules: SipRules = field(default_factory=SipRules)
    calls: SipMediaApplicationCalls = field(default_factory=SipMediaApplicationCalls)

    def records(self) -> dict[str, list[object]]:
        return {
            "SipMediaApplications": list(self.applications.values()),
            "SipRules": list(self.rules.values()),
            "SipMediaApplicationCalls": list(self.calls.values()),
        }


def of(inventory: Inventory, *, create: bool = False) -> SipMediaApplications:
    """The scope's SIP media applications, rules and calls (`create=True` to add one)."""
    return inventory.family(SipMediaApplications, create=create)


def account_inventories(backend: Backend, inventory: Inventory) -> list[Inventory]:
    """The inventories of `inventory`'s account in every region it has used (itself included)."""
    scope = inventory.scope
    return [
        other
        for other in backend.inventories()
        if (other.scope.service, other.scope.account) == (scope.service, scope.account)
    ]


@tags.taggable("sma")
def _find(inventory: Inventory, sip_media_application_id: str) -> SipMediaApplication | None:
    return of(inventory).applications.get(sip_media_application_id)


def application(inventory: Inventory, sip_media_application_id: str) -> SipMediaApplication:
    found = of(inventory).applications.get(sip_media_application_id)
    if found is None:
        raise not_found(
            f"SIP media application {sip_media_application_id} not found in "
            f"{inventory.scope.region}; ListSipMediaApplications shows the ones there"
        )
    return found


def _lambda_region(lambda_arn: str) -> str:
    # arn:aws:lambda:<region>:<account>:function:<name>. The model's pattern is searched, not
    # anchored, so the ARN is found where it matched, not at the start of the text.
    found = _LAMBDA_REGION.search(lambda_arn)
    return found.group(1) if found else ""


def _endpoint(params: Mapping[str, Any], aws_region: str) -> str:
    """The one Lambda ARN of `Endpoints`, which must be in the application's region."""
    [endpoint] = params["Endpoints"]  # the model allows exactly one
    lambda_arn = endpoint.get("LambdaArn")
    if not lambda_arn:
        raise bad_request("Endpoints.1.LambdaArn is required: the Lambda function to invoke")
    if _lambda_region(lambda_arn) != aws_region:
        raise bad_request(
            f"Endpoints.1.LambdaArn is in {_lambda_region(lambda_arn)}, but the SIP media "
            f"application is in {aws_region}: its Lambda function must be in the same region"
        )
    return str(lambda_arn)


def create_application(
    inventory: Inventory,
    params: Mapping[str, Any],
    quotas: Quotas,
    seq: int,
    now: _dt.datetime,
) -> SipMediaApplication:
    region = ids.home_region(
        inventory.scope.region or "", params["AwsRegion"], "SIP media application"
    )
    quotas.check(
        "sip_media_applications",
        len(of(inventory).applications),
        what=f"SIP media applications in {region}",
    )
    lambda_arn = _endpoint(params, region)
    application_tags = tags.checked(params.get("Tags") or [])
    quotas.check("tags_per_resource", 0, len(application_tags), what="tags per resource")
    sip_media_application_id = ids.guid()
    record = SipMediaApplication(
        sip_media_application_id=sip_media_application_id,
        name=params["Name"],
        aws_region=region,
        lambda_arn=lambda_arn,
        arn=ids.arn(region, inventory.scope.account, f"sma/{sip_media_application_id}"),
        created=now,
        updated=now,
        seq=seq,
        tags=application_tags,
    )
    of(inventory, create=True).applications[sip_media_application_id] = record
    return record


def update_application(
    inventory: Inventory,
    sip_media_application_id: str,
    params: Mapping[str, Any],
    now: _dt.datetime,
) -> SipMediaApplication:
    """A new Name, Lambda endpoint, or both; the region never changes."""
    record = application(inventory, sip_media_application_id)
    lambda_arn = record.lambda_arn
    if params.get("Endpoints") is not None:
        lambda_arn = _endpoint(params, record.aws_region)
    record.name = params.get("Name") or record.name
    record.lambda_arn, record.updated = lambda_arn, now
    return record


def delete_application(
    backend: Backend, inventory: Inventory, sip_media_application_id: str, now: _dt.datetime
) -> None:
    """Delete an application no enabled SIP rule targets; its disabled rules and their
    numbers stay, and its calls still in progress end."""
    record = application(inventory, sip_media_application_id)
    enabled = [
        rule.sip_rule_id
        for other in account_inventories(backend, inventory)
        for rule in of(other).rules.where(targets=sip_media_application_id).after(-1)
        if not rule.disabled and targets(rule, record)
    ]
    if enabled:
        raise conflict(
            f"SIP media application {sip_media_application_id} is a target of enabled SIP "
            f"rule(s) {', '.join(enabled)}; disable them (UpdateSipRule with Disabled=True) or "
            "remove it from their targets first",
        )
    family_ = of(inventory)
    for placed in list(family_.calls.where(ended=True).after(-1)):
        if placed.sip_media_application_id == sip_media_application_id:
            placed.ended = now
            if placed.pstn is not None:
                from chime_mock.backend.sip.pstn import delivery  # loaded once calls ran

                delivery.end(placed.pstn, now, "Its SIP media application was deleted")
    del family_.applications[sip_media_application_id]


def targets(rule: SipRule, record: SipMediaApplication) -> bool:
    """Whether `rule` names `record` among its target applications."""
    return any(
        (target.sip_media_application_id, target.aws_region)
        == (record.sip_media_application_id, record.aws_region)
        for target in rule.targets
    )


def retired_alexa_skill_configuration(inventory: Inventory, sip_media_application_id: str) -> None:
    """Alexa skill configurations are retired by AWS: GoneException, after the usual
    NotFoundException for an unknown application."""
    application(inventory, sip_media_application_id)
    raise ServiceError(
        "GoneException",
        "Alexa skill configurations of SIP media applications are no longer available (retired "
        "by AWS); remove the call from your code",
    )


_LOGGING_OFF = {"EnableSipMediaApplicationMessageLogs": False}

LOGGING_CONFIGURATION = Configuration(
    LOGGING,
    Parent("SipMediaApplicationId", application),
    put="PutSipMediaApplicationLoggingConfiguration",
    get="GetSipMediaApplicationLoggingConfiguration",
    # No Delete operation: Get before any Put answers logging off, and so does a Put that
    # leaves the flag out (the Put's document is optional in the model).
    when_absent=_LOGGING_OFF,
    defaults=_LOGGING_OFF,
)
