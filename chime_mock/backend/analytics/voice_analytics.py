"""Voice analytics: voice profile domains, voice profiles, speaker search and voice tone
analysis tasks (docs/behaviour.md, "Voice analytics"), and their lifetimes
on the mock's clock.

The records and the clock live here; the rules of each kind are in voice_profile_domains.py,
voice_profiles.py and voice_analytics_tasks.py.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from chime_mock.backend.families import Family, family
from chime_mock.backend.paging import Indexes, Listing
from chime_mock.backend.store import Inventory, Scope
from chime_mock.errors import bad_request, conflict

# The Regions that offer voice analytics (AWS's list of voice analytics Regions); the other voice
# Regions answer BadRequestException, so code configured for one of them fails in tests as it would
# live.
REGIONS = ("us-east-1", "us-west-2")

# A task nobody decides (no test hook, no Stop) leaves the queue after QUEUE_TIME and ends
# SUCCEEDED RUN_TIME after it started: the 20 seconds of speech a voiceprint takes (the speaker
# search notifications' VoiceprintGenerationSuccessful), with no matches. Long enough for a test
# on the real clock to decide the outcome first, short enough to travel past.
QUEUE_TIME = _dt.timedelta(seconds=1)
RUN_TIME = _dt.timedelta(seconds=20)
# Published lifetimes (DG va-data-retention): task results stay readable 7 days after the task
# ends; a voiceprint can become a voice profile within 24 hours after the call; a profile
# expires 3 years after it was enrolled or last updated.
RETENTION = _dt.timedelta(days=7)
VOICEPRINT_WINDOW = _dt.timedelta(hours=24)
PROFILE_YEARS = 3

IN_QUEUE, IN_PROGRESS = "IN_QUEUE", "IN_PROGRESS"
SUCCEEDED, PARTIAL_SUCCESS, FAILED, STOPPED = "SUCCEEDED", "PARTIAL_SUCCESS", "FAILED", "STOPPED"
ACTIVE = frozenset({IN_QUEUE, IN_PROGRESS})
VOICEPRINT_SUCCESS = "VoiceprintGenerationSuccess"
VOICEPRINT_FAILURE = "VoiceprintGenerationFailure"


@dataclass
class VoiceProfileDomain:
    voice_profile_domain_id: str
    name: str
    arn: str
    kms_key_arn: str
    created: _dt.datetime
    updated: _dt.datetime
    seq: int
    description: str | None = None
    tags: dict[str, str] = field(default_factory=dict)
    client_request_token: str | None = None
    # The Create's parameters but the token: a retry with the same token must send the same.
    request: dict[str, Any] = field(default_factory=dict)


@dataclass
class VoiceProfile:
    voice_profile_id: str
    voice_profile_domain_id: str
    arn: str
    created: _dt.datetime
    updated: _dt.datetime
    expires: _dt.datetime
    seq: int


class VoiceProfiles(Listing[VoiceProfile]):
    """A scope's voice profiles by ID, indexed by domain (ListVoiceProfiles, the quota)."""

    indexes: ClassVar[Indexes] = {"voice_profile_domain_id": lambda domain_id: (domain_id,)}


@dataclass
class SpeakerSearchResult:
    voice_profile_id: str
    confidence_score: float


@dataclass(kw_only=True)
class AnalyticsTask:
    """What speaker search and voice tone analysis tasks share: a child of a Voice Connector,
    analysing one call (its transaction)."""

    task_id: str
    voice_connector_id: str
    transaction_id: str
    status: str
    created: _dt.datetime
    updated: _dt.datetime
    seq: int
    started: _dt.datetime | None = None
    ended: _dt.datetime | None = None
    status_message: str | None = None
    # Taken over by a test (handle.voice_analytics.start_task): the clock no longer ends it.
    held: bool = False
    client_request_token: str | None = None
    request: dict[str, Any] = field(default_factory=dict)

    @property
    def active(self) -> bool:
        return self.status in ACTIVE


@dataclass(kw_only=True)
class SpeakerSearchTask(AnalyticsTask):
    voice_profile_domain_id: str
    is_caller: bool
    results: list[SpeakerSearchResult] = field(default_factory=list)
    voiceprint_generation_status: str | None = None
    # The voice profile made or updated from its voiceprint (once only).
    voice_profile_id: str | None = None


@dataclass(kw_only=True)
class VoiceToneAnalysisTask(AnalyticsTask):
    language_code: str


@family
@dataclass
class VoiceAnalytics(Family):
    key = "VoiceAnalytics"

    # Listings: paged by seeking to a token's place; profiles also by domain.
    domains: Listing[VoiceProfileDomain] = field(default_factory=Listing)
    profiles: VoiceProfiles = field(default_factory=VoiceProfiles)
    speaker_search_tasks: dict[str, SpeakerSearchTask] = field(default_factory=dict)
    voice_tone_analysis_tasks: dict[str, VoiceToneAnalysisTask] = field(default_factory=dict)

    def records(self) -> dict[str, list[object]]:
        return {
            "VoiceProfileDomains": list(self.domains.values()),
            "VoiceProfiles": list(self.profiles.values()),
            "SpeakerSearchTasks": list(self.speaker_search_tasks.values()),
            "VoiceToneAnalysisTasks": list(self.voice_tone_analysis_tasks.values()),
        }

    def tasks(self) -> Iterator[AnalyticsTask]:
        yield from self.speaker_search_tasks.values()
        yield from self.voice_tone_analysis_tasks.values()

    def settle(self, now: _dt.datetime) -> bool:
        """Tasks move on and are forgotten, profiles expire, each at the time it was due.

        Every request settles first: until the earliest time anything is due (remembered, not
        state: `waits` forgets it when something new waits) this costs nothing, whatever the
        number of tasks and profiles kept."""
        due = self.__dict__.get(_NEXT_DUE)
        if due is not None and now < due:
            return True
        for task in list(self.tasks()):
            advance(task, now)
            if task.ended is not None and task.ended + RETENTION <= now:
                self.forget(task)
        for profile in list(self.profiles.values()):
            if profile.expires <= now:
                del self.profiles[profile.voice_profile_id]
        dues = [_due(task) for task in self.tasks()]
        dues += [profile.expires for profile in self.profiles.values()]
        self.__dict__[_NEXT_DUE] = min((d for d in dues if d is not None), default=None)
        return bool(self.profiles) or any(True for _ in self.tasks())

    def forget(self, task: AnalyticsTask) -> None:
        if isinstance(task, SpeakerSearchTask):
            del self.speaker_search_tasks[task.task_id]
        else:
            del self.voice_tone_analysis_tasks[task.task_id]


def of(inventory: Inventory, *, create: bool = False) -> VoiceAnalytics:
    """The scope's voice analytics (`create=True` to add to it)."""
    return inventory.family(VoiceAnalytics, create=create)


def offered(inventory: Inventory) -> VoiceAnalytics:
    """The scope's voice analytics, where the service offers it; BadRequestException elsewhere.
    Every operation of the family starts here."""
    region = inventory.scope.region
    if region not in REGIONS:
        raise bad_request(
            f"Voice analytics is not available in {region}: Amazon Chime SDK offers it in "
            f"{' and '.join(REGIONS)} only; call it with a client of one of those Regions"
        )
    return of(inventory)


def waits(inventory: Inventory, timed: set[tuple[Scope, str]]) -> None:
    """Settle this scope's voice analytics by the clock from now on (`Backend.timed`)."""
    timed.add((inventory.scope, VoiceAnalytics.key))
    of(inventory).__dict__.pop(_NEXT_DUE, None)  # what now waits may be due sooner


# Where VoiceAnalytics remembers when its settle next has something to do: an attribute outside
# the dataclass's fields, so state files and state comparisons never see it.
_NEXT_DUE = "_next_due"


def _due(task: AnalyticsTask) -> _dt.datetime | None:
    """When the clock next changes `task` (None: only a test or Stop can)."""
    if task.status == IN_QUEUE:
        return task.created + QUEUE_TIME
    if task.status == IN_PROGRESS:
        return None if task.held or task.started is None else task.started + RUN_TIME
    return None if task.ended is None else task.ended + RETENTION


# -- the clock ------------------------------------------------------------------------------------


def advance(task: AnalyticsTask, now: _dt.datetime) -> None:
    """Move a task nobody decided along its timeline (QUEUE_TIME, RUN_TIME) up to `now`."""
    if task.status == IN_QUEUE and task.created + QUEUE_TIME <= now:
        begin(task, task.created + QUEUE_TIME)
    if task.status == IN_PROGRESS and not task.held:
        assert task.started is not None
        if task.started + RUN_TIME <= now:
            if isinstance(task, SpeakerSearchTask):
                task.voiceprint_generation_status = VOICEPRINT_SUCCESS
            end(task, SUCCEEDED, task.started + RUN_TIME)


def begin(task: AnalyticsTask, at: _dt.datetime) -> None:
    task.status, task.started, task.updated = IN_PROGRESS, at, at


def end(task: AnalyticsTask, status: str, at: _dt.datetime, message: str | None = None) -> None:
    if task.started is None:  # ended straight from the queue
        task.started = at
    task.status, task.ended, task.updated = status, at, at
    task.status_message = message


def years_later(moment: _dt.datetime, years: int) -> _dt.datetime:
    """The same date `years` later (28 February for a 29 February)."""
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:
        return moment.replace(year=moment.year + years, day=28)


# -- ClientRequestToken idempotency ---------------------------------------------------------


def body_of(params: Mapping[str, Any]) -> dict[str, Any]:
    """A request's parameters but its ClientRequestToken: what a retry must repeat."""
    return {name: value for name, value in params.items() if name != "ClientRequestToken"}


def check_token(token: str | None) -> None:
    # The model's ClientRequestId pattern (`^[-_a-zA-Z0-9]*${2,64}$`) is no valid regular
    # expression, so the protocol layer cannot enforce it; this is what it evidently means.
    if token is not None and not (
        2 <= len(token) <= 64 and all(c.isascii() and (c.isalnum() or c in "-_") for c in token)
    ):
        raise bad_request(
            f"ClientRequestToken must be 2 to 64 letters, digits, '-' or '_'; got {token!r}"
        )


def replayed(records: Iterable[Any], params: Mapping[str, Any], what: str) -> Any | None:
    """The record an earlier request with this ClientRequestToken made, when the request is
    repeated; ConflictException when the token came with other parameters."""
    token = params.get("ClientRequestToken")
    check_token(token)
    if token is None:
        return None
    for record in records:
        if record.client_request_token == token:
            if record.request != body_of(params):
                raise conflict(
                    f"ClientRequestToken {token} was used for another {what} with other "
                    "parameters; use a new token for a new request",
                )
            return record
    return None
