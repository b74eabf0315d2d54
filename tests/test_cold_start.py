"""A new process pays only for what it uses: heavy data loads at the first call that needs it."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from typing import Any

FIRST_CALLS = """
import sys

import boto3

from chime_mock import mock_chime

with mock_chime():
    voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
    voice.create_phone_number_order(
        ProductType="VoiceConnector", E164PhoneNumbers=["+12065550100"]
    )
    voice.get_phone_number(PhoneNumberId="+12065550100")
    after_calls = sorted(sys.modules)
    {then}
"""


def _modules_after(then: str = "pass") -> dict[str, Any]:
    """The modules a fresh interpreter holds after the first two calls (and after `then`)."""
    script = textwrap.dedent(FIRST_CALLS).format(then=then) + textwrap.dedent(
        """
        import json
        print(json.dumps({"after_calls": after_calls, "at_end": sorted(sys.modules)}))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    found: dict[str, Any] = json.loads(result.stdout)
    return found


def test_the_first_calls_load_no_geocoding_data_state_file_code_or_search() -> None:
    loaded = set(_modules_after()["after_calls"])
    assert "phonenumbers.geodata" not in loaded
    assert "chime_mock.backend.state.files" not in loaded
    assert "chime_mock.backend.phone_numbers.search" not in loaded
    # A US number in E.164 form is read from phonenumbers' US metadata, not the whole library.
    assert "phonenumbers" not in loaded


def test_a_state_search_loads_the_geocoding_data() -> None:
    modules = _modules_after('voice.search_available_phone_numbers(State="WA", MaxResults=1)')
    assert "phonenumbers.geodata" not in modules["after_calls"]
    assert "phonenumbers.geodata" in modules["at_end"]


def test_an_area_code_search_loads_no_geocoding_data() -> None:
    modules = _modules_after('voice.search_available_phone_numbers(AreaCode="206", MaxResults=1)')
    assert "phonenumbers.geodata" not in modules["at_end"]


def test_the_mock_reads_the_model_the_client_loaded_rather_than_loading_it_again() -> None:
    script = textwrap.dedent(FIRST_CALLS).format(
        then="from chime_mock.protocol.models import service_model\n"
        '    print(service_model("chime-sdk-voice") is voice.meta.service_model)'
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "True"


def test_importing_chime_mock_imports_no_wrapt_until_something_is_decorated() -> None:
    # wrapt 2 imports asyncio (~15 ms): a process that only uses `with mock_chime()` never pays.
    script = (
        "import sys\nimport chime_mock\nbefore = 'wrapt' in sys.modules\n"
        "chime_mock.mock_chime(lambda: None)\nprint(before, 'wrapt' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.split() == ["False", "True"]


def test_the_phone_numbers_load_no_resource_family_until_one_is_called() -> None:
    modules = _modules_after('voice.create_voice_connector(Name="trunk", RequireEncryption=True)')
    families = {
        "chime_mock.backend.voice_connectors.connectors",
        "chime_mock.backend.analytics.voice_analytics",
    }
    assert not families & set(modules["after_calls"])
    assert families <= set(modules["at_end"])


def test_a_state_file_with_families_loads_them_in_a_fresh_process(tmp_path: Any) -> None:
    path = tmp_path / "state.json"
    saving = f"""
import boto3
from chime_mock import mock_chime
with mock_chime() as handle:
    voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
    voice.create_voice_connector(Name="trunk", RequireEncryption=True)
    handle.save_state({str(path)!r})
"""
    loading = f"""
import boto3
from chime_mock import mock_chime
with mock_chime(state={str(path)!r}):
    voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
    print(voice.list_phone_numbers()["PhoneNumbers"], end=" ")
    print(len(voice.list_voice_connectors()["VoiceConnectors"]))
"""
    for script in (saving, loading):
        result = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[] 1"


# Run in the process after the first calls: every dataclass of chime_mock it made, with what
# makes one costly to make (docs/architecture.md, "What a new process pays for").
_COSTLY_CLASSES = """
import dataclasses

costly = []
for name, module in sorted(sys.modules.items()):
    if not name.startswith("chime_mock"):
        continue
    for value in vars(module).values():
        if isinstance(value, type) and value.__module__ == name and dataclasses.is_dataclass(value):
            params = value.__dataclass_params__
            signature_doc = (value.__doc__ or "").startswith(value.__name__ + "(")
            if params.frozen or params.eq or signature_doc:
                costly.append(f"{name}.{value.__qualname__}")
print(json.dumps(costly))
"""


def test_the_classes_the_first_calls_make_generate_little_source() -> None:
    """No frozen dataclass, no generated __eq__, no docstring made from a signature: each is
    source text Python parses in every new process (a small value is a NamedTuple instead)."""
    script = (
        textwrap.dedent(FIRST_CALLS).format(then="pass")
        + "\nimport json\n"
        + textwrap.dedent(_COSTLY_CLASSES)
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert json.loads(result.stdout) == []
