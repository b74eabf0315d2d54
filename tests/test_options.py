"""Every option is checked when it is given, by every entry point, with one rule per option."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import boto3
import pytest
import time_machine

from chime_mock import ChimeMock, StateFileError, mock_chime
from chime_mock.cli import main
from chime_mock.options import MAX_PROCESSING_DELAY, SETTINGS
from chime_mock.server import ChimeMockServer
from chime_mock.server.app import ChimeMockApp
from tests.conftest import order_numbers

OUT_OF_RANGE_DELAYS = [float("nan"), float("inf"), 1e20, 10**12, -1, dt.timedelta(days=36_501)]


@pytest.mark.parametrize("delay", OUT_OF_RANGE_DELAYS, ids=repr)
def test_a_delay_that_does_not_fit_the_clock_is_refused_when_the_mock_is_made(delay: Any) -> None:
    with pytest.raises(ValueError, match=r"^chime_mock: processing_delay"):
        mock_chime(processing_delay=delay)


def test_the_bound_of_the_delay_is_stated() -> None:
    with pytest.raises(ValueError, match=r"at most 100 years \(3153600000 seconds\)"):
        mock_chime(processing_delay=1e20)


def test_the_longest_delay_still_orders_at_the_end_of_the_century() -> None:
    with (
        time_machine.travel(dt.datetime(2099, 12, 31, tzinfo=dt.timezone.utc)),
        mock_chime(processing_delay=MAX_PROCESSING_DELAY),
    ):
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        assert order_numbers(voice, "+12065550100")["Status"] == "Processing"


@pytest.mark.parametrize("state", [{"inventories": []}, 3, b"state.json"], ids=repr)
def test_a_state_of_the_wrong_type_is_refused_when_the_mock_is_made(state: Any) -> None:
    with pytest.raises(TypeError, match=r"^chime_mock: state takes the path of a file"):
        mock_chime(state=state)


def test_a_state_file_may_be_written_after_the_mock_is_made(tmp_path: Path) -> None:
    path = tmp_path / "later.json"
    mock = mock_chime(state=path)
    with mock_chime() as handle:
        handle.save_state(path)
    with mock:
        pass


def test_a_missing_state_file_is_named_as_given_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    mock = mock_chime(state="./states/missing.json")
    with pytest.raises(StateFileError, match=r"state file \./states/missing\.json: there is no"):
        mock.start()
    assert not mock.active


@pytest.mark.parametrize(
    ("given", "closest"),
    [("delay", "processing_delay"), ("journal_limt", "journal_limit"), ("State", "state")],
)
def test_an_unknown_option_names_every_option_and_the_closest(given: str, closest: str) -> None:
    with pytest.raises(TypeError) as raised:
        mock_chime(**{given: 5})  # type: ignore[misc]
    message = str(raised.value)
    assert message.startswith(f"chime_mock: there is no option {given!r}; did you mean {closest!r}")
    assert message.endswith("journal_limit, phone_number_limit, processing_delay, quotas, state")


def test_the_server_checks_options_the_same_way() -> None:
    with pytest.raises(ValueError, match="at most 100 years"):
        ChimeMockServer(processing_delay=float("inf"))
    with pytest.raises(TypeError, match="did you mean 'phone_number_limit'"):
        ChimeMockServer(phone_number_limits=3)  # type: ignore[call-arg]


@pytest.mark.parametrize("text", ["nan", "inf", "1e20"])
def test_the_server_command_refuses_a_delay_that_does_not_fit(
    text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["server", "--processing-delay", text])
    assert stopped.value.code == 2
    assert "chime_mock: processing_delay" in capsys.readouterr().err


def _configure(document: Any) -> tuple[int, dict[str, Any]]:
    from werkzeug.test import Client

    client = Client(ChimeMockApp(ChimeMockServer().backend))
    answer = client.post("/_chime_mock/config", data=json.dumps(document))
    return answer.status_code, answer.get_json()


@pytest.mark.parametrize("delay", ["1e400", 1e300, 10**12])
def test_the_server_config_refuses_a_delay_that_does_not_fit(delay: Any) -> None:
    document = json.loads(f'{{"ProcessingDelay": {delay}}}') if isinstance(delay, str) else None
    status, answer = _configure(document or {"ProcessingDelay": delay})
    assert status == 400
    assert "from 0 to 3153600000 (100 years)" in answer["Message"]


def test_the_server_config_refuses_an_unknown_setting_naming_the_closest() -> None:
    status, answer = _configure({"ProcesingDelay": 5, "PhoneNumberLimit": 1})
    assert status == 400
    assert (
        "there is no setting 'ProcesingDelay'; did you mean 'ProcessingDelay'"
        in (answer["Message"])
    )


def test_every_setting_is_a_flag_and_a_config_key_of_the_server() -> None:
    with ChimeMockServer() as server:
        assert set(_configure({})[1]) == {setting.key for setting in SETTINGS}
        assert server.backend is not None
    helps = [setting.flag for setting in SETTINGS]
    assert helps == ["--processing-delay", "--phone-number-limit", "--journal-limit", "--quotas"]


def test_the_repr_of_the_handle_shows_its_options_and_whether_it_is_active() -> None:
    mock = ChimeMock(
        processing_delay=None, journal_limit=5, quotas={"voice_connectors": 4}, state="saved.json"
    )
    assert repr(mock) == (
        "<ChimeMock inactive processing_delay=None, phone_number_limit=25, journal_limit=5, "
        "quotas={'voice_connectors': 4}, state='saved.json'>"
    )
    with mock_chime(processing_delay=2.5) as handle:
        assert repr(handle).startswith("<ChimeMock active processing_delay=2.5,")


def test_the_server_flag_takes_quotas_as_name_equals_number() -> None:
    [setting] = [setting for setting in SETTINGS if setting.name == "quotas"]
    limits = setting.from_text("voice_connectors=10,tags_per_resource=none").limits
    assert (limits["voice_connectors"], limits["tags_per_resource"]) == (10, None)
    with pytest.raises(ValueError, match="NAME=N"):
        setting.from_text("voice_connectors")
    with pytest.raises(ValueError, match="did you mean 'voice_connectors'"):
        setting.from_text("voice_conector=3")
