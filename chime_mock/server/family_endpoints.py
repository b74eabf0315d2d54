"""The control endpoints of the resource families' test controls: what `handle.voice_connectors`
and `handle.voice_analytics` do in-process, over HTTP (docs/server.md lists them).

Each endpoint calls the handle's own control, so the two cannot drift apart. Bodies are JSON
objects in the API's style; `Account` and `Region` name the scope (the sample account and
us-east-1 when left out). A refused control answers the modeled error the service would
(`NotFoundException` for an unknown connector, `ConflictException` for a task that has ended).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from chime_mock.controls import ControlError
from chime_mock.controls.voice_analytics import VoiceAnalyticsControls
from chime_mock.controls.voice_connectors import VoiceConnectorControls
from chime_mock.defaults import DEFAULT_ACCOUNT, DEFAULT_REGION
from chime_mock.errors import bad_request
from chime_mock.protocol.http import HttpResponse
from chime_mock.server.control import ControlRequest, control, json_answer

T = TypeVar("T")
_MISSING = object()


def _member(document: dict[str, Any], name: str, kind: type[T], default: Any = _MISSING) -> T:
    """The body member `name`, which must be a JSON value of `kind` (required without a
    default)."""
    value = document.get(name, default)
    if value is _MISSING:
        raise bad_request(f"chime_mock: the body needs {name}")
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        expected = {str: "text", bool: "true or false", list: "a list"}.get(kind, kind.__name__)
        raise bad_request(f"chime_mock: {name} must be {expected}")
    return value


def _scope(document: dict[str, Any]) -> dict[str, str]:
    return {
        "account": _member(document, "Account", str, DEFAULT_ACCOUNT),
        "region": _member(document, "Region", str, DEFAULT_REGION),
    }


def _steer(run: Callable[[], None]) -> HttpResponse:
    try:
        run()
    except ControlError as error:
        raise error.error from None  # the modeled error the control refused with
    return json_answer({})


@control("/voice-connectors/<voice_connector_id>/termination-health", methods=["POST"])
def record_termination_health(request: ControlRequest) -> HttpResponse:
    """`handle.voice_connectors.record_termination_health`: `{"Source": "203.0.113.5"}`, a SIP
    OPTIONS ping from that address now."""
    document = request.document()
    source = _member(document, "Source", str)
    controls = VoiceConnectorControls(lambda: request.backend)
    connector_id = request.arguments["voice_connector_id"]
    return _steer(
        lambda: controls.record_termination_health(connector_id, source, **_scope(document))
    )


def _analytics(request: ControlRequest) -> VoiceAnalyticsControls:
    return VoiceAnalyticsControls(lambda: request.backend)


@control("/voice-analytics/tasks/<task_id>/start", methods=["POST"])
def start_task(request: ControlRequest) -> HttpResponse:
    """`handle.voice_analytics.start_task`: the task IN_PROGRESS until the test ends it."""
    document, task_id = request.document(), request.arguments["task_id"]
    return _steer(lambda: _analytics(request).start_task(task_id, **_scope(document)))


@control("/voice-analytics/speaker-search-tasks/<task_id>/complete", methods=["POST"])
def complete_speaker_search(request: ControlRequest) -> HttpResponse:
    """`handle.voice_analytics.complete_speaker_search`: `{"Results": [{"VoiceProfileId": ...,
    "ConfidenceScore": 0.93}], "VoiceprintGenerated": true, "Partial": false}`, all optional."""
    document, task_id = request.document(), request.arguments["task_id"]
    results = _member(document, "Results", list, [])
    if not all(isinstance(result, dict) for result in results):
        raise bad_request(
            'chime_mock: Results must be objects such as {"VoiceProfileId": "...", '
            '"ConfidenceScore": 0.93}'
        )
    generated = _member(document, "VoiceprintGenerated", bool, True)
    partial = _member(document, "Partial", bool, False)
    return _steer(
        lambda: _analytics(request).complete_speaker_search(
            task_id,
            results,
            voiceprint_generated=generated,
            partial=partial,
            **_scope(document),
        )
    )


@control("/voice-analytics/voice-tone-analysis-tasks/<task_id>/complete", methods=["POST"])
def complete_voice_tone_analysis(request: ControlRequest) -> HttpResponse:
    """`handle.voice_analytics.complete_voice_tone_analysis`: `{"Partial": false}`, optional."""
    document, task_id = request.document(), request.arguments["task_id"]
    partial = _member(document, "Partial", bool, False)
    return _steer(
        lambda: _analytics(request).complete_voice_tone_analysis(
            task_id, partial=partial, **_scope(document)
        )
    )


@control("/voice-analytics/tasks/<task_id>/fail", methods=["POST"])
def fail_task(request: ControlRequest) -> HttpResponse:
    """`handle.voice_analytics.fail_task`: `{"StatusMessage": "..."}`, optional."""
    document, task_id = request.document(), request.arguments["task_id"]
    given = {}  # the handle's default message unless one is given
    if "StatusMessage" in document:
        given["status_message"] = _member(document, "StatusMessage", str)
    return _steer(lambda: _analytics(request).fail_task(task_id, **given, **_scope(document)))
