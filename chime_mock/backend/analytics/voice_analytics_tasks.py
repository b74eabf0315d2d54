"""Speaker search and voice tone analysis tasks: children of a Voice Connector, each analysing
one call (docs/behaviour.md, "Voice analytics").

A task starts IN_QUEUE and moves on by the clock (voice_analytics.advance) unless a test decides
first (the outcome functions below, reached from `handle.voice_analytics`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from chime_mock.backend import ids
from chime_mock.backend.analytics import voice_analytics, voice_profile_domains
from chime_mock.backend.analytics.voice_analytics import (
    AnalyticsTask,
    SpeakerSearchResult,
    SpeakerSearchTask,
    VoiceAnalytics,
    VoiceToneAnalysisTask,
)
from chime_mock.backend.quotas import Quotas
from chime_mock.backend.store import Inventory
from chime_mock.backend.voice_connectors import connectors
from chime_mock.backend.voice_connectors.configurations import STREAMING
from chime_mock.errors import ServiceError, bad_request, conflict, not_found

T = TypeVar("T", bound=AnalyticsTask)

SPEAKER_SEARCH = "speaker search"
VOICE_TONE_ANALYSIS = "voice tone analysis"


def _tasks(family: VoiceAnalytics, kind: str) -> dict[str, Any]:
    if kind == SPEAKER_SEARCH:
        return family.speaker_search_tasks
    return family.voice_tone_analysis_tasks


@connectors.child
def _die_with_connector(inventory: Inventory, voice_connector_id: str) -> None:
    """A connector's tasks are deleted with it."""
    family = voice_analytics.of(inventory)
    for task in list(family.tasks()):
        if task.voice_connector_id == voice_connector_id:
            family.forget(task)


def _check_streaming(inventory: Inventory, voice_connector_id: str) -> None:
    """A task needs the connector's media streamed to a media insights pipeline."""
    connector = connectors.connector(inventory, voice_connector_id)
    streaming = connector.configurations.get(STREAMING)
    insights = (streaming or {}).get("MediaInsightsConfiguration")
    if streaming is None or streaming.get("Disabled") or not insights or insights.get("Disabled"):
        raise ServiceError(
            "UnprocessableEntityException",
            f"Voice Connector {voice_connector_id} does not stream to a media insights pipeline: "
            "put a streaming configuration with Disabled=false and a MediaInsightsConfiguration "
            "(Disabled=false, ConfigurationArn of a configuration with voice analytics) first",
        )


def start(
    inventory: Inventory,
    kind: str,
    params: Mapping[str, Any],
    quotas: Quotas,
    seq: int,
    now: _dt.datetime,
) -> AnalyticsTask:
    """A new task IN_QUEUE; the one started before when the request repeats its
    ClientRequestToken."""
    family = voice_analytics.offered(inventory)
    voice_connector_id = params["VoiceConnectorId"]
    connectors.connector(inventory, voice_connector_id)
    earlier = voice_analytics.replayed(_tasks(family, kind).values(), params, f"{kind} task")
    if earlier is not None:
        return earlier  # type: ignore[no-any-return]
    _check_streaming(inventory, voice_connector_id)
    if kind == SPEAKER_SEARCH:
        voice_profile_domains.domain(inventory, params["VoiceProfileDomainId"])
    transaction_id = params["TransactionId"]
    for task in _tasks(family, kind).values():
        if task.active and (task.voice_connector_id, task.transaction_id) == (
            voice_connector_id,
            transaction_id,
        ):
            raise conflict(
                f"Transaction {transaction_id} already has an active {kind} task, {task.task_id} "
                f"({task.status}); one is allowed per call, so stop it first",
            )
    active = sum(task.active for task in family.tasks())
    quotas.check(
        "active_voice_analytics_tasks",
        active,
        what=f"active voice analytics tasks in {inventory.scope.region}",
    )
    shared: dict[str, Any] = {
        "task_id": ids.guid(),
        "voice_connector_id": voice_connector_id,
        "transaction_id": transaction_id,
        "status": voice_analytics.IN_QUEUE,
        "created": now,
        "updated": now,
        "seq": seq,
        "client_request_token": params.get("ClientRequestToken"),
        "request": voice_analytics.body_of(params),
    }
    family = voice_analytics.of(inventory, create=True)
    made: AnalyticsTask
    if kind == SPEAKER_SEARCH:
        made = SpeakerSearchTask(
            **shared,
            voice_profile_domain_id=params["VoiceProfileDomainId"],
            # The caller's leg unless the callee's is asked for.
            is_caller=params.get("CallLeg") != "Callee",
        )
    else:
        made = VoiceToneAnalysisTask(**shared, language_code=params["LanguageCode"])
    _tasks(family, kind)[made.task_id] = made
    return made


def task(inventory: Inventory, kind: str, voice_connector_id: str, task_id: str) -> Any:
    """The connector's task of this kind; NotFoundException when there is none (any more)."""
    family = voice_analytics.offered(inventory)
    connectors.connector(inventory, voice_connector_id)
    found = _tasks(family, kind).get(task_id)
    if found is None or found.voice_connector_id != voice_connector_id:
        raise not_found(
            f"No {kind} task {task_id} on Voice Connector {voice_connector_id} (task results "
            "are kept 7 days after the task ends)"
        )
    return found


def stop(
    inventory: Inventory, kind: str, voice_connector_id: str, task_id: str, now: _dt.datetime
) -> None:
    found = task(inventory, kind, voice_connector_id, task_id)
    if not found.active:
        raise conflict(
            f"The {kind} task {task_id} is {found.status}; only a task IN_QUEUE or IN_PROGRESS "
            "can be stopped",
        )
    voice_analytics.end(found, voice_analytics.STOPPED, now)


# -- outcomes a test decides (handle.voice_analytics) ---------------------------------------------


_NAMES = {
    SpeakerSearchTask: SPEAKER_SEARCH,
    VoiceToneAnalysisTask: VOICE_TONE_ANALYSIS,
    AnalyticsTask: "voice analytics",
}


def _running(inventory: Inventory, task_id: str, cls: type[T]) -> T:
    """A task of this scope still IN_QUEUE or IN_PROGRESS, for a test to decide."""
    family = voice_analytics.of(inventory)
    found = family.speaker_search_tasks.get(task_id) or family.voice_tone_analysis_tasks.get(
        task_id
    )
    if not isinstance(found, cls):
        raise not_found(
            f"no {_NAMES[cls]} task {task_id!r} in account {inventory.scope.account}, "
            f"{inventory.scope.region} (name the account and region of a task of another)"
        )
    if not found.active:
        seconds = (voice_analytics.QUEUE_TIME + voice_analytics.RUN_TIME).total_seconds()
        raise conflict(
            f"task {task_id} is {found.status} already; decide a task's outcome while it is "
            f"IN_QUEUE or IN_PROGRESS (left alone it succeeds {seconds:g} seconds after it was "
            "started; starting it from the test holds it there)"
        )
    return found


def take_over(inventory: Inventory, task_id: str, now: _dt.datetime) -> None:
    """IN_PROGRESS now, and held there until the test decides its outcome."""
    found = _running(inventory, task_id, AnalyticsTask)
    if found.status == voice_analytics.IN_QUEUE:
        voice_analytics.begin(found, now)
    found.held = True


def complete_speaker_search(
    inventory: Inventory,
    task_id: str,
    results: Iterable[Mapping[str, Any]],
    voiceprint_generated: bool,
    partial: bool,
    now: _dt.datetime,
) -> None:
    found = _running(inventory, task_id, SpeakerSearchTask)
    profiles = voice_analytics.of(inventory).profiles
    decided = []
    for index, result in enumerate(results):
        profile_id, score = result.get("VoiceProfileId"), result.get("ConfidenceScore")
        profile = profiles.get(str(profile_id))
        if profile is None or profile.voice_profile_domain_id != found.voice_profile_domain_id:
            raise bad_request(
                f"results[{index}] names {profile_id!r}, which is no voice profile of domain "
                f"{found.voice_profile_domain_id} (the task's)"
            )
        if isinstance(score, bool) or not isinstance(score, (int, float)) or not 0 <= score <= 1:
            raise bad_request(
                f"results[{index}] needs a ConfidenceScore from 0 to 1; got {score!r}"
            )
        decided.append(SpeakerSearchResult(profile.voice_profile_id, float(score)))
    found.results = decided
    found.voiceprint_generation_status = (
        voice_analytics.VOICEPRINT_SUCCESS
        if voiceprint_generated
        else voice_analytics.VOICEPRINT_FAILURE
    )
    status = voice_analytics.PARTIAL_SUCCESS if partial else voice_analytics.SUCCEEDED
    voice_analytics.end(found, status, now)


def complete_voice_tone_analysis(
    inventory: Inventory, task_id: str, partial: bool, now: _dt.datetime
) -> None:
    found = _running(inventory, task_id, VoiceToneAnalysisTask)
    status = voice_analytics.PARTIAL_SUCCESS if partial else voice_analytics.SUCCEEDED
    voice_analytics.end(found, status, now)


def fail(inventory: Inventory, task_id: str, message: str, now: _dt.datetime) -> None:
    voice_analytics.end(
        _running(inventory, task_id, AnalyticsTask), voice_analytics.FAILED, now, message
    )
