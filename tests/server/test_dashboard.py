"""The dashboard at /_chime_mock/, as a person's browser shows it (headless Chromium)."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from chime_mock.backend.phone_numbers.inventory import PhoneNumberInventory
from chime_mock.server import ChimeMockServer, running_server
from chime_mock.server.dashboard import render
from tests.server.conftest import NUMBER, make_client, order, send
from tests.sip_helpers import application, dial_in, number_rule
from tests.voice_analytics_helpers import analysed_connector, domain, speaker_search
from tests.voice_helpers import connector, group, numbers, terminate_and_originate


@pytest.fixture(scope="session")
def chromium() -> str:
    """Headless Chromium: optional here, installed by .ci/run (with apt-get) so CI runs these."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("headless Chromium is not installed here (.ci/run installs it with apt-get)")


@pytest.fixture
def dump_dom(chromium: str, tmp_path: Path) -> Callable[..., str]:
    """The DOM Chromium builds from a page (after its scripts, and any navigation they start),
    serialized back to HTML; `dump(url, "--window-size=1400,900")` adds flags."""

    def dump(url: str, *flags: str) -> str:
        result = subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                f"--user-data-dir={tmp_path / 'profile'}",
                "--virtual-time-budget=10000",
                *flags,
                "--dump-dom",
                url,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    return dump


def test_dashboard_lists_orders_and_numbers_per_account_and_region(
    server: ChimeMockServer, client_of: Callable[..., Any], dump_dom: Callable[[str], str]
) -> None:
    created = order(client_of("chime-sdk-voice", region="eu-west-1"))
    order(client_of("chime", access_key="111122223333"), "+12065550111")
    dom = dump_dom(server.url + "/_chime_mock/")
    assert "chime-sdk-voice · account 123456789012 · eu-west-1" in dom
    assert "chime · account 111122223333 · global" in dom
    assert created["PhoneNumberOrderId"] in dom
    assert NUMBER in dom and "+12065550111" in dom


def test_dashboard_shows_names_as_text_not_markup(
    server: ChimeMockServer, remote_voice: Any, dump_dom: Callable[[str], str]
) -> None:
    order(remote_voice)
    with server.backend.lock:  # the API refuses such names; a seeded record need not
        [inventory] = server.backend.inventories()
        next(
            iter(PhoneNumberInventory.of(inventory).numbers.values())
        ).name = "<b id=injected>x</b>"
    dom = dump_dom(server.url + "/_chime_mock/")
    assert "&lt;b id=injected&gt;x&lt;/b&gt;" in dom
    assert "<b id" not in dom


def test_dashboard_says_when_there_is_nothing_yet(server: ChimeMockServer) -> None:
    answer = send(server.url, "GET", "/_chime_mock/")
    assert answer.headers["content-type"] == "text/html; charset=utf-8"
    assert "No orders or numbers yet." in answer.body.decode()


def test_render_escapes_every_value() -> None:
    page = render(
        {
            "Inventories": [
                {
                    "Service": "chime-sdk-voice",
                    "AccountId": "<script>",
                    "Region": "us-east-1",
                    "PhoneNumberOrders": [],
                    "PhoneNumbers": [{"E164PhoneNumber": "+1&2", "Name": '"quoted"'}],
                }
            ]
        }
    )
    assert "<script>" not in page
    assert "+1&amp;2" in page and "&quot;quoted&quot;" in page


def test_dashboard_answers_without_the_trailing_slash(server: ChimeMockServer) -> None:
    assert send(server.url, "GET", "/_chime_mock").body.startswith(b"<!DOCTYPE html>")


# -- the whole fake: configurations, the graph, the button (a telephony engineer's view) -----------


@pytest.fixture
def telephony_server() -> Any:
    """A server holding a realistic PSTN set-up: a configured connector with a number, a group
    with another, a SIP rule and application with a dial-in number, a proxy session, a speaker
    search, and an order still Processing."""
    with running_server() as server:
        voice = make_client(server.url, "chime-sdk-voice")
        numbers(voice, "+12065550100", "+12065550101")
        trunk = analysed_connector(voice)  # streams to media insights
        terminate_and_originate(voice, trunk)
        voice.put_voice_connector_termination_credentials(
            VoiceConnectorId=trunk, Credentials=[{"Username": "alice", "Password": "s3cret"}]
        )
        voice.put_voice_connector_logging_configuration(
            VoiceConnectorId=trunk, LoggingConfiguration={"EnableSIPLogs": True}
        )
        voice.associate_phone_numbers_with_voice_connector(
            VoiceConnectorId=trunk, E164PhoneNumbers=["+12065550100"]
        )
        failover = group(voice, connector(voice, "backup")["VoiceConnectorId"])
        voice.associate_phone_numbers_with_voice_connector_group(
            VoiceConnectorGroupId=failover["VoiceConnectorGroupId"],
            E164PhoneNumbers=["+12065550101"],
        )
        dial_in(voice, "+12065550103")
        rule = number_rule(voice, "+12065550103", application(voice))
        voice.put_voice_connector_proxy(
            VoiceConnectorId=trunk, DefaultSessionExpiryMinutes=60, PhoneNumberPoolCountries=["US"]
        )
        session = voice.create_proxy_session(
            VoiceConnectorId=trunk,
            ParticipantPhoneNumbers=["+12065550150", "+12065550151"],
            Capabilities=["Voice"],
        )["ProxySession"]
        task = speaker_search(voice, trunk, domain(voice)["VoiceProfileDomainId"])
        send(server.url, "POST", "/_chime_mock/config", b'{"ProcessingDelay": null}')
        waiting = order(voice, "+12065550104")
        server.made = {  # type: ignore[attr-defined]
            "trunk": trunk,
            "group": failover["VoiceConnectorGroupId"],
            "rule": rule["SipRuleId"],
            "session": session["ProxySessionId"],
            "task": task["SpeakerSearchTaskId"],
            "order": waiting["PhoneNumberOrderId"],
        }
        yield server


def test_state_shows_each_connector_with_its_configurations_but_no_password(
    telephony_server: ChimeMockServer,
) -> None:
    made = telephony_server.made  # type: ignore[attr-defined]
    [inventory] = send(telephony_server.url, "GET", "/_chime_mock/state").json()["Inventories"]
    trunk = next(c for c in inventory["VoiceConnectors"] if c["VoiceConnectorId"] == made["trunk"])
    configurations = trunk["Configurations"]
    assert configurations["Termination"]["CidrAllowedList"] == ["203.0.113.0/27"]
    assert configurations["Origination"]["Routes"][0]["Host"] == "198.51.100.10"
    assert configurations["TerminationCredentials"] == {"Usernames": ["alice"]}
    assert configurations["LoggingConfiguration"]["EnableSIPLogs"] is True
    assert (
        configurations["StreamingConfiguration"]["MediaInsightsConfiguration"]["Disabled"] is False
    )
    assert configurations["Proxy"]["DefaultSessionExpiryMinutes"] == 60
    assert "s3cret" not in send(telephony_server.url, "GET", "/_chime_mock/state").body.decode()
    assert [s["ProxySessionId"] for s in inventory["ProxySessions"]] == [made["session"]]
    assert [t["SpeakerSearchTaskId"] for t in inventory["SpeakerSearchTasks"]] == [made["task"]]


def _row(dom: str, record_id: str) -> str:
    """The table row of a record, by the anchor the dashboard gives it."""
    found = re.search(rf'<tr id="{re.escape(record_id)}">(.*?)</tr>', dom, re.S)
    assert found, f"no row for {record_id}"
    return found.group(1)


def test_dashboard_shows_each_number_with_what_holds_it_and_each_holder_with_its_numbers(
    telephony_server: ChimeMockServer, dump_dom: Callable[..., str]
) -> None:
    made = telephony_server.made  # type: ignore[attr-defined]
    dom = dump_dom(telephony_server.url + "/_chime_mock/")
    assert f'href="#{made["trunk"]}"' in _row(dom, "%2B12065550100")  # the number -> its trunk
    assert f'href="#{made["group"]}"' in _row(dom, "%2B12065550101")
    assert f'href="#{made["rule"]}"' in _row(dom, "%2B12065550103")
    assert "+12065550100" in _row(dom, made["trunk"])  # the trunk -> its numbers
    assert "+12065550103" in _row(dom, made["rule"])
    trunk = _row(dom, made["trunk"])
    for shown in ("203.0.113.0/27", "198.51.100.10", "alice", "EnableSIPLogs", "Proxy"):
        assert shown in trunk
    assert "s3cret" not in dom
    assert f'href="#{made["trunk"]}"' in _row(dom, made["session"])  # the session -> its trunk
    assert made["task"] in dom


def test_dashboard_fits_a_1400_pixel_window(
    telephony_server: ChimeMockServer, dump_dom: Callable[..., str], tmp_path: Path
) -> None:
    page = send(telephony_server.url, "GET", "/_chime_mock/").body.decode()
    # The page has no script: the test adds one that writes the page's width into the DOM.
    measure = (
        "<script>document.body.dataset.fits = String("
        "document.documentElement.scrollWidth <= window.innerWidth)</script></body>"
    )
    probe = tmp_path / "dashboard.html"
    probe.write_text(page.replace("</body>", measure), encoding="utf-8")
    dom = dump_dom(probe.as_uri(), "--window-size=1400,900")
    assert 'data-fits="true"' in dom


def test_a_processing_order_is_completed_from_the_page(
    telephony_server: ChimeMockServer, dump_dom: Callable[..., str], tmp_path: Path
) -> None:
    made = telephony_server.made  # type: ignore[attr-defined]
    dom = dump_dom(telephony_server.url + "/_chime_mock/")
    forms = re.findall(r"<form .*?</form>", _row(dom, made["order"]), re.S)
    assert len(forms) == 1 and "Complete" in forms[0]
    assert "<form" not in dom.replace(forms[0], "")  # completed orders have no button
    # Chromium submits the page's own form (from a copy of it: the page has no script), follows
    # the redirect and shows the dashboard again.
    submit = tmp_path / "submit.html"
    submit.write_text(
        f'<!DOCTYPE html><html><head><base href="{telephony_server.url}/"></head><body>'
        f"{forms[0]}<script>document.forms[0].submit()</script></body></html>",
        encoding="utf-8",
    )
    after = dump_dom(submit.as_uri())
    assert "<h1>chime_mock</h1>" in after
    assert "Processing" not in _row(after, made["order"])
    voice = make_client(telephony_server.url, "chime-sdk-voice")
    got = voice.get_phone_number_order(PhoneNumberOrderId=made["order"])["PhoneNumberOrder"]
    assert got["Status"] == "Successful"


def test_the_complete_button_answers_a_finished_order_with_the_usual_error(
    telephony_server: ChimeMockServer,
) -> None:
    made = telephony_server.made  # type: ignore[attr-defined]
    path = f"/_chime_mock/dashboard/orders/{made['order']}/complete"
    done = send(telephony_server.url, "POST", path, b"")
    assert (done.status, done.headers["location"]) == (303, "/_chime_mock/")
    again = send(telephony_server.url, "POST", path, b"")
    assert (again.status, again.error_type) == (409, "ConflictException")


def test_a_family_the_dashboard_has_never_seen_is_shown_and_linked() -> None:
    # Families render from the snapshot alone: one added later needs no change here.
    page = render(
        {
            "Inventories": [
                {
                    "Service": "chime-sdk-voice",
                    "AccountId": "123456789012",
                    "Region": "us-east-1",
                    "PhoneNumberOrders": [],
                    "PhoneNumbers": [
                        {
                            "E164PhoneNumber": NUMBER,
                            "Associations": [{"Name": "WidgetId", "Value": "w-1"}],
                        }
                    ],
                    "Widgets": [{"WidgetId": "w-1", "Name": "knob", "Settings": {"Turns": 3}}],
                    "WidgetCalls": [{"TransactionId": "t-1", "WidgetId": "w-1"}],
                }
            ]
        }
    )
    assert "<h3>Widgets</h3>" in page and "<h3>WidgetCalls</h3>" in page
    assert '<tr id="w-1">' in page and "Turns" in page
    assert page.count('href="#w-1"') == 2  # from the number and from the call
    widget_row = page.split('<tr id="w-1">', 1)[1].split("</tr>", 1)[0]
    assert NUMBER in widget_row  # the widget lists the number associated with it
