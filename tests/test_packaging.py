"""The package is ready to publish: the sdist and the wheel build, pass `twine check`, and the
wheel installed in a fresh virtual environment answers a call (docs/index.md says to install
from a checkout or a built wheel: this is that path)."""

from __future__ import annotations

import fcntl
import os
import site
import subprocess
import sys
import textwrap
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

ONE_CALL = textwrap.dedent(
    """
    import boto3
    import chime_mock
    from chime_mock import mock_chime

    assert "site-packages" in chime_mock.__file__, chime_mock.__file__
    with mock_chime():
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        order = voice.create_phone_number_order(
            ProductType="VoiceConnector", E164PhoneNumbers=["+12065550100"]
        )["PhoneNumberOrder"]
        print(order["Status"])
    """
)


def _run(*command: str | Path, cwd: Path) -> str:
    # Without PYTHONPATH: a checkout on it would be imported instead of what was installed.
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    finished = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        env=environment,
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr
    return finished.stdout


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The sdist and the wheel, built once per run: the build writes into the checkout
    (egg-info, build/), so pytest-xdist's workers take turns, and the first builds for all."""
    run_directory = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        run_directory = run_directory.parent  # this run's, shared by its workers
    out = run_directory / "dist"
    with open(run_directory / "dist.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (run_directory / "dist.built").exists():
            out.mkdir(exist_ok=True)
            build = (sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", out, ROOT)
            _run(*build, cwd=out)
            (run_directory / "dist.built").touch()
    return sorted(out.iterdir())


def test_the_sdist_and_the_wheel_build(built: list[Path]) -> None:
    assert [path.name for path in built] == [
        "chime_mock-0.1.0-py3-none-any.whl",
        "chime_mock-0.1.0.tar.gz",
    ]


def test_twine_finds_both_fit_to_publish(built: list[Path]) -> None:
    out = _run(sys.executable, "-m", "twine", "check", "--strict", *built, cwd=built[0].parent)
    assert out.count("PASSED") == 2


def test_the_wheel_installs_in_a_fresh_venv_and_answers_a_call(
    built: list[Path], tmp_path: Path
) -> None:
    [wheel] = [path for path in built if path.suffix == ".whl"]
    venv.create(tmp_path / "venv")
    python = tmp_path / "venv" / "bin" / "python"
    # The wheel alone, from the file, by this interpreter's pip: no index, no download. Its
    # dependencies are the ones this process runs with, made visible to the new environment
    # after its own site-packages (a path line: their .pth files, the editable install of
    # chime_mock among them, are not run); `pip check` proves they are the ones it declares.
    [site_packages] = (tmp_path / "venv" / "lib").glob("python*/site-packages")
    (site_packages / "zz_test_dependencies.pth").write_text(
        "\n".join(path for path in site.getsitepackages() if "site-packages" in path) + "\n"
    )
    pip = (sys.executable, "-m", "pip", "--disable-pip-version-check", "--python", python)
    _run(*pip, "install", "-q", "--no-deps", "--no-index", wheel, cwd=tmp_path)
    _run(*pip, "check", cwd=tmp_path)
    assert _run(python, "-c", ONE_CALL, cwd=tmp_path).strip() == "Processing"
    command_help = _run(tmp_path / "venv" / "bin" / "chime-mock", "--help", cwd=tmp_path)
    assert "{demo,server}" in command_help
