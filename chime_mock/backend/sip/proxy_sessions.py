"""Proxy sessions of a Voice Connector (docs/behaviour.md, "SIP media applications, SIP rules, calls
and proxy sessions"): two participants who call or text each other through a proxy number of the
connector, without seeing each other's number.

Deprecated by AWS but still in the model, so they keep working. A session is `Open` until
CreatedTimestamp + ExpiryMinutes on the mock's clock, then `Closed` with that EndedTimestamp
(`settle`, run while `Backend.timed` lists this family): open sessions wait in a queue by
expiry, so a settle costs what has expired, not the number of open sessions. Sessions die with
their connector.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from chime_mock.backend import associations, ids
from chime_mock.backend.due import DueQueue
from chime_mock.backend.families import Family, family
from chime_mock.backend.paging import Indexes, Listed, Listing, Ordered
from chime_mock.backend.phone_numbers.facts import NumberFacts, describe
from chime_mock.backend.phone_numbers.records import PhoneNumber
from chime_mock.backend.store import Inventory
from chime_mock.backend.voice_connectors import connectors
from chime_mock.backend.voice_connectors.configurations import PROXY
from chime_mock.errors import bad_request, not_found

OPEN, CLOSED = "Open", "Closed"
# Where a ProxySessions keeps its queue of open sessions by expiry: in its __dict__, not a field,
# because it is no state (a state file does not hold it; it is rebuilt from the sessions).
_QUEUE = "_expiry_queue"


@dataclass
class GeoMatchParams:
    country: str
    area_code: str


@dataclass
class ProxySession(Listed):  # assigning its status refiles it for ListProxySessions' filter
    proxy_session_id: str
    voice_connector_id: str
    name: str | None
    status: str
    expiry_minutes: int
    capabilities: list[str]
    participants: list[str]  # E.164, in the order given
    proxy_phone_number: str  # both participants call and text through it
    created: _dt.datetime
    updated: _dt.datetime
    seq: int
    ended: _dt.datetime | None = None
    number_selection_behavior: str | None = None
    geo_match_level: str | None = None
    geo_match_params: GeoMatchParams | None = None

    @property
    def expires(self) -> _dt.datetime:
        try:
            return self.created + _dt.timedelta(minutes=self.expiry_minutes)
        except OverflowError:  # past the year 9999: it never expires
            return _dt.datetime.max.replace(tzinfo=_dt.timezone.utc)


class ProxySessionListing(Listing[ProxySession]):
    """A region's sessions by ID, filed by connector and status (ListProxySessions' filters)."""

    indexes: ClassVar[Indexes] = {
        "voice_connector_id": lambda voice_connector_id: (voice_connector_id,),
        "status": lambda status: (status,),
    }


@family
@dataclass
class ProxySessions(Family):
    key = "ProxySessions"

    sessions: ProxySessionListing = field(default_factory=ProxySessionListing)

    def records(self) -> dict[str, list[object]]:
        return {"ProxySessions": list(self.sessions.values())}

    def settle(self, now: _dt.datetime) -> bool:
        queue = self._queue()
        for proxy_session_id in queue.pop_due(now, self.sessions):
            session = self.sessions[proxy_session_id]
            if session.status != OPEN:
                continue  # closed since it was queued
            if session.expires <= now:
                # Closed when its time came; an update that shortened it past that time closes
                # it as the update is made, never before.
                session.status, session.ended = CLOSED, max(session.expires, session.updated)
            else:
                self.expect(session)  # its expiry moved later
        return bool(queue)

    def expect(self, session: ProxySession) -> None:
        """Queue `session` to close at its expiry: when it is created or its expiry changes
        (an entry it outlives is dropped when it comes due)."""
        self._queue().push(session.proxy_session_id, session.expires)

    def _queue(self) -> DueQueue:
        queue: DueQueue | None = self.__dict__.get(_QUEUE)
        if queue is None:  # a new or loaded family: every open session, by expiry
            queue = DueQueue()
            for session in self.sessions.where(status=OPEN).after(-1):
                queue.push(session.proxy_session_id, session.expires)
            self.__dict__[_QUEUE] = queue
        return queue


def of(inventory: Inventory, *, create: bool = False) -> ProxySessions:
    return inventory.family(ProxySessions, create=create)


@connectors.child
def _delete_with_connector(inventory: Inventory, voice_connector_id: str) -> None:
    sessions = of(inventory).sessions
    for session in list(sessions.where(voice_connector_id=voice_connector_id).after(-1)):
        del sessions[session.proxy_session_id]


def session(inventory: Inventory, voice_connector_id: str, proxy_session_id: str) -> ProxySession:
    connectors.connector(inventory, voice_connector_id)
    found = of(inventory).sessions.get(proxy_session_id)
    if found is None or found.voice_connector_id != voice_connector_id:
        raise not_found(
            f"Proxy session {proxy_session_id} not found on Voice Connector {voice_connector_id}"
        )
    return found


def sessions_of(
    inventory: Inventory, voice_connector_id: str, status: str | None
) -> Ordered[ProxySession]:
    """The connector's sessions, oldest first, with that status when given."""
    connectors.connector(inventory, voice_connector_id)
    return of(inventory).sessions.where(voice_connector_id=voice_connector_id, status=status)


def _capabilities(given: Iterable[str]) -> list[str]:
    found = list(dict.fromkeys(given))
    if not found:
        raise bad_request("Capabilities must list Voice, SMS or both")
    return found


def _participants(given: list[str]) -> list[NumberFacts]:
    found = []
    for index, number in enumerate(given, start=1):
        facts = describe(number)
        if facts is None:
            raise bad_request(f"ParticipantPhoneNumbers.{index} is not an E.164 number: {number}")
        found.append(facts)
    if len(found) != 2 or found[0].e164 == found[1].e164:
        raise bad_request("ParticipantPhoneNumbers must list two different phone numbers")
    return found


def _area_code(e164: str) -> str:
    return e164[2:5] if e164.startswith("+1") else ""


def _proxy_number(
    inventory: Inventory,
    voice_connector_id: str,
    countries: list[str],
    participants: list[NumberFacts],
    params: Mapping[str, Any],
) -> PhoneNumber:
    """The oldest number associated with the connector in one of the proxy's countries (and not
    a participant), preferring one that matches GeoMatchLevel: the country or area code of
    GeoMatchParams, or else of the first participant."""
    taken = {facts.e164 for facts in participants}
    pool = [
        number
        for number in associations.numbers_of(
            inventory, (associations.VOICE_CONNECTOR, voice_connector_id)
        )
        if number.country in countries and number.e164 not in taken
    ]
    if not pool:
        raise bad_request(
            f"Voice Connector {voice_connector_id} has no associated phone number in "
            f"{', '.join(countries)} to proxy through; associate one first"
        )
    level, wanted = params.get("GeoMatchLevel"), params.get("GeoMatchParams")
    first = participants[0]
    if level == "Country":
        country = wanted["Country"] if wanted else first.country
        pool.sort(key=lambda number: number.country != country)
    elif level == "AreaCode":
        area_code = wanted["AreaCode"] if wanted else _area_code(first.e164)
        pool.sort(key=lambda number: _area_code(number.e164) != area_code)
    return pool[0]


def create_session(
    inventory: Inventory,
    voice_connector_id: str,
    params: Mapping[str, Any],
    seq: int,
    now: _dt.datetime,
) -> ProxySession:
    connector = connectors.connector(inventory, voice_connector_id)
    proxy = connector.configurations.get(PROXY)
    if proxy is None or proxy.get("Disabled"):
        state = "no proxy configuration" if proxy is None else "its proxy disabled"
        raise bad_request(
            f"Voice Connector {voice_connector_id} has {state}; put an enabled one with "
            "PutVoiceConnectorProxy first"
        )
    participants = _participants(list(params["ParticipantPhoneNumbers"]))
    capabilities = _capabilities(params["Capabilities"])
    number = _proxy_number(
        inventory,
        voice_connector_id,
        list(proxy.get("PhoneNumberCountries") or []),
        participants,
        params,
    )
    wanted = params.get("GeoMatchParams")
    record = ProxySession(
        proxy_session_id=ids.guid(),
        voice_connector_id=voice_connector_id,
        name=params.get("Name"),
        status=OPEN,
        expiry_minutes=params.get("ExpiryMinutes") or int(proxy["DefaultSessionExpiryMinutes"]),
        capabilities=capabilities,
        participants=[facts.e164 for facts in participants],
        proxy_phone_number=number.e164,
        created=now,
        updated=now,
        seq=seq,
        number_selection_behavior=params.get("NumberSelectionBehavior"),
        geo_match_level=params.get("GeoMatchLevel"),
        geo_match_params=GeoMatchParams(wanted["Country"], wanted["AreaCode"]) if wanted else None,
    )
    sessions = of(inventory, create=True)
    sessions.expect(record)
    sessions.sessions[record.proxy_session_id] = record
    return record


def update_session(
    inventory: Inventory,
    voice_connector_id: str,
    proxy_session_id: str,
    params: Mapping[str, Any],
    now: _dt.datetime,
) -> ProxySession:
    """New Capabilities, and a new ExpiryMinutes (from its creation) when given."""
    record = session(inventory, voice_connector_id, proxy_session_id)
    if record.status == CLOSED:
        raise bad_request(f"Proxy session {proxy_session_id} is closed; create a new one")
    capabilities = _capabilities(params["Capabilities"])
    record.capabilities, record.updated = capabilities, now
    if params.get("ExpiryMinutes") is not None:
        record.expiry_minutes = params["ExpiryMinutes"]
        of(inventory).expect(record)
    return record


def delete_session(inventory: Inventory, voice_connector_id: str, proxy_session_id: str) -> None:
    session(inventory, voice_connector_id, proxy_session_id)
    del of(inventory).sessions[proxy_session_id]
