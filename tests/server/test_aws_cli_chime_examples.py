"""AWS's own `aws chime` examples (the awscli package's examples/chime/*.rst), replayed with the
pinned AWS CLI against the server: each runs in a world made for it (an account of the type it
needs, users, a bot, a room, numbers), with the example's placeholder IDs replaced by that
world's, and must succeed with the structure of output the example shows.

Every example gets an AWS account of its own, so the worlds are made once and the commands run in
one CLI process (an AWS CLI start costs half a second; 55 of them would make this file slow).
A few examples carry mistakes of their own; KNOWN_MISTAKES lists each, with the reason.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from chime_mock.server import ChimeMockServer, running_server
from tests.server.conftest import make_client, send

# Example -> the key paths it shows (with everything under them) that are the example's own
# mistake, with the reason.
KNOWN_MISTAKES: dict[str, dict[str, str]] = {
    "batch-create-room-membership": {
        "ResponseMetadata": "boto3's response metadata, pasted in: the AWS CLI never prints it"
    },
    "create-account": {
        "Account.SigninDelegateGroups[].GroupName": "a new Team account has no delegate groups "
        "(they are an Enterprise feature, associated after creation)"
    },
    "get-user": {
        "User.AlexaForBusinessMetadata.AlexaForBusinessRoomArn": 'the text "null" where the '
        "user has no Alexa for Business room (the member is then absent)"
    },
    "reset-personal-pin": {
        "User.AlexaForBusinessMetadata.AlexaForBusinessRoomArn": 'the text "null" where the '
        "user has no Alexa for Business room (the member is then absent)"
    },
    "list-bots": {"Bot": 'ListBots answers "Bots", a list; the model has no "Bot" member'},
    "list-rooms": {"Room": 'ListRooms answers "Rooms", a list; the model has no "Room" member'},
}

# Runs in the AWS CLI's virtualenv: each command of stdin's list, with its access key, in one
# process and one driver; prints what each printed and its exit status.
_DRIVER = """
import contextlib, io, json, sys
from awscli.clidriver import create_clidriver

driver = create_clidriver()  # one driver: building its command table is most of a start
results = []
for command in json.load(sys.stdin):
    driver.session.set_credentials(command["key"], "fake-secret")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = driver.main(command["argv"])
        except SystemExit as stop:
            rc = stop.code
    results.append({"rc": rc, "stdout": out.getvalue(), "stderr": err.getvalue()})
sys.__stdout__.write(json.dumps(results))
"""


@dataclass
class Example:
    name: str  # the file's stem, with "#2" for its second example
    argv: list[str]  # after "aws"
    output: str | None  # the Output:: block, None when the example shows none

    @property
    def command(self) -> str:
        return self.argv[1]


def parse_examples(name: str, text: str) -> list[Example]:
    """The examples of one .rst file: each `aws chime` command and the Output:: block after it."""
    lines = text.splitlines()
    found: list[Example] = []
    at = 0
    while at < len(lines):
        if not lines[at].lstrip().startswith("aws chime "):
            at += 1
            continue
        parts = []
        while at < len(lines) and lines[at].strip():
            parts.append(lines[at].strip().removesuffix("\\").strip())
            at += 1
        output = None
        look = at
        while look < len(lines) and not lines[look].lstrip().startswith("aws chime "):
            if lines[look].strip() == "Output::":
                block = []
                look += 1
                while look < len(lines) and (not lines[look].strip() or lines[look][:1] == " "):
                    block.append(lines[look])
                    look += 1
                output = "\n".join(block)
                break
            look += 1
        suffix = f"#{len(found) + 1}" if found else ""
        found.append(Example(name + suffix, shlex.split(" ".join(parts))[1:], output))
    return found


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:]')


def shown_paths(output: str) -> set[str]:
    """The key paths an example's output shows ("User.AlexaForBusinessMetadata", "Users[].UserId"),
    read leniently: the examples' JSON has missing and extra commas and Python's False."""
    paths: set[str] = set()
    stack: list[str] = []  # the path of each open container
    tokens = _TOKEN.findall(output)
    for index, token in enumerate(tokens):
        if token in "{[":
            parent = stack[-1] if stack else ""
            key = tokens[index - 2] if index >= 2 and tokens[index - 1] == ":" else None
            here = f"{parent}.{json.loads(key)}".lstrip(".") if key else parent
            stack.append(here + "[]" if token == "[" else here)
        elif token in "}]":
            stack.pop()
        elif token.startswith('"') and index + 1 < len(tokens) and tokens[index + 1] == ":":
            paths.add(f"{stack[-1]}.{json.loads(token)}".lstrip("."))
    return paths


def answered_paths(value: Any, path: str = "") -> set[str]:
    """The key paths of a parsed answer, in the same form."""
    paths: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            here = f"{path}.{key}".lstrip(".")
            paths |= {here} | answered_paths(item, here)
    elif isinstance(value, list):
        for item in value:
            paths |= answered_paths(item, path + "[]")
    return paths


# -- the worlds ---------------------------------------------------------------------------------

_ENTERPRISE_COMMANDS = re.compile(
    r"bot|room|signin-delegate|create-user|unsuspend|events|security-token|retention"
)
_ACCOUNT_COMMANDS = {"get-account", "list-accounts", "update-account"}


@dataclass
class World:
    """What one example's command finds: an AWS account of its own and the IDs to use."""

    index: int  # of the example: its AWS account and its numbers
    account_id: str = ""
    users: list[str] = field(default_factory=list)
    bot_id: str = ""
    room_id: str = ""
    order_id: str = ""
    # The example's phone numbers -> this world's: a number is held by one AWS account at a time.
    numbers: dict[str, str] = field(default_factory=dict)

    def number(self, shown: str) -> str:
        if shown not in self.numbers:
            self.numbers[shown] = f"+1206{300 + self.index}{1000 + len(self.numbers)}"
        return self.numbers[shown]

    @property
    def aws_account(self) -> str:
        return f"{100000000000 + self.index}"


def _account_type(command: str) -> str:
    if command in _ACCOUNT_COMMANDS:
        return "EnterpriseDirectory"  # as the examples show them, with a delegate group
    if command == "batch-unsuspend-user":
        return "EnterpriseLWA"
    return "EnterpriseLWA" if _ENTERPRISE_COMMANDS.search(command) else "Team"


def _control(server: ChimeMockServer, path: str, document: dict[str, str]) -> Any:
    """POST to one of the server's control endpoints of legacy Chime accounts."""
    answer = send(server.url, "POST", "/_chime_mock/chime" + path, json.dumps(document).encode())
    assert answer.status in (200, 201), answer.body
    return answer.json()


def build_world(server: ChimeMockServer, example: Example, index: int) -> World:
    """The world the example's command needs, made through the API and the control endpoints
    (what the console and the Chime app do)."""
    world = World(index)
    aws_account = world.aws_account
    chime = make_client(server.url + "/chime", "chime", access_key=aws_account)
    command = example.command
    account_type = _account_type(command)
    if command == "delete-account":
        world.account_id = chime.create_account(Name="Leaving")["Account"]["AccountId"]
        return world
    if account_type == "Team":
        world.account_id = chime.create_account(Name="Team")["Account"]["AccountId"]
        for n in range(4):
            email = f"user{n}@example.com"
            chime.invite_users(AccountId=world.account_id, UserEmailList=[email])
            user = chime.list_users(AccountId=world.account_id, UserEmail=email)["Users"][0]
            _control(
                server,
                f"/accounts/{world.account_id}/users/{user['UserId']}/register",
                {"Account": aws_account},
            )
            world.users.append(user["UserId"])
    else:
        world.account_id = _control(
            server,
            "/accounts",
            {"Name": "Enterprise", "AccountType": account_type, "Account": aws_account},
        )["AccountId"]
        chime.associate_signin_delegate_groups_with_account(
            AccountId=world.account_id, SigninDelegateGroups=[{"GroupName": "myGroup"}]
        )
        for n in range(4):
            user = chime.create_user(
                AccountId=world.account_id, Email=f"user{n}@example.com", Username=f"User {n}"
            )
            world.users.append(user["User"]["UserId"])
        bot = chime.create_bot(AccountId=world.account_id, DisplayName="helper")["Bot"]
        world.bot_id = bot["BotId"]
        world.room_id = chime.create_room(AccountId=world.account_id, Name="chatRoom")["Room"][
            "RoomId"
        ]
        if command in (
            "update-room-membership",
            "delete-room-membership",
            "list-rooms",
            "list-room-memberships",
            "batch-create-room-membership",
        ):
            chime.create_room_membership(
                AccountId=world.account_id, RoomId=world.room_id, MemberId=world.users[0]
            )
            if command == "list-room-memberships":
                chime.create_room_membership(
                    AccountId=world.account_id, RoomId=world.room_id, MemberId=world.users[1]
                )
    _numbers(chime, world, example)
    if command == "batch-unsuspend-user":
        chime.batch_suspend_user(AccountId=world.account_id, UserIdList=world.users)
    if command == "get-global-settings":
        chime.update_global_settings(
            BusinessCalling={"CdrBucket": "s3bucket"}, VoiceConnector={"CdrBucket": "s3bucket"}
        )
    if command == "get-phone-number-settings":
        chime.update_phone_number_settings(CallingName="myName")
    return world


def _numbers(chime: Any, world: World, example: Example) -> None:
    """The numbers a phone-number example's command works on, in the state it needs."""
    command = example.command
    shown = list(dict.fromkeys(_NUMBER.findall(" ".join(example.argv).replace("%2B", "+"))))
    if command in ("create-phone-number-order", "search-available-phone-numbers"):
        return
    if "phone-number-order" in command:
        shown = ["+12065550100", "+12065550101", "+12065550102"]
    if command in (
        "get-phone-number",
        "list-phone-numbers",
        "associate-phone-number-with-user",
        "disassociate-phone-number-from-user",
    ):
        shown = ["+12065550100"]
    if not shown:
        return
    numbers = [world.number(number) for number in shown]
    product_type = "VoiceConnector" if command == "update-phone-number" else "BusinessCalling"
    order = chime.create_phone_number_order(ProductType=product_type, E164PhoneNumbers=numbers)
    world.order_id = order["PhoneNumberOrder"]["PhoneNumberOrderId"]
    chime.get_phone_number_order(PhoneNumberOrderId=world.order_id)  # settles the order
    if command in ("get-phone-number", "list-phone-numbers", "disassociate-phone-number-from-user"):
        chime.associate_phone_number_with_user(
            AccountId=world.account_id, UserId=world.users[0], E164PhoneNumber=numbers[0]
        )
    if command in ("get-phone-number", "list-phone-numbers", "update-phone-number"):
        chime.update_phone_number(PhoneNumberId=numbers[0], CallingName="phonenumber1")
    if command == "restore-phone-number":
        chime.delete_phone_number(PhoneNumberId=numbers[0])


# Options whose values name a resource of the world, by kind.
_ID_OPTIONS = {
    "--account-id": "account",
    "--user-id": "user",
    "--user-id-list": "user",
    "--member-id": "user",
    "--bot-id": "bot",
    "--room-id": "room",
    "--phone-number-order-id": "order",
}
_SHORTHAND_IDS = re.compile(r"(UserId|MemberId)=([^,\s]+)")
_NUMBER = re.compile(r"\+1\d{10}")


def localized(example: Example, world: World) -> list[str]:
    """The example's arguments with its placeholder IDs replaced by the world's."""
    mapping: dict[str, str] = {}
    users = iter(world.users)
    single = {
        "account": world.account_id,
        "bot": world.bot_id,
        "room": world.room_id,
        "order": world.order_id,
    }

    def name(kind: str, placeholder: str) -> None:
        if placeholder not in mapping:
            mapping[placeholder] = next(users) if kind == "user" else single[kind]

    kind = None
    for argument in example.argv:
        if argument.startswith("--"):
            kind = _ID_OPTIONS.get(argument)
            continue
        if kind is not None:
            name(kind, argument)
        for _, placeholder in _SHORTHAND_IDS.findall(argument):
            name("user", placeholder)
    replaced = []
    for argument in example.argv:
        for placeholder, real in mapping.items():
            argument = argument.replace(placeholder, real)
        argument = _NUMBER.sub(lambda found: world.number(found.group()), argument)
        argument = re.sub(
            r"%2B(1\d{10})", lambda found: "%2B" + world.number("+" + found.group(1))[1:], argument
        )
        replaced.append(argument)
    return replaced


# -- the test -----------------------------------------------------------------------------------


def _examples_folder(aws_cli: Path) -> Path:
    found = sorted(aws_cli.parent.parent.glob("lib/python*/site-packages/awscli/examples/chime"))
    assert found, f"no awscli examples/chime folder next to {aws_cli}"
    return found[0]


@pytest.fixture(scope="module")
def module_server() -> Iterator[ChimeMockServer]:
    with running_server() as started:
        yield started


def test_every_aws_chime_example_gives_the_structure_it_shows(
    aws_cli: Path, module_server: ChimeMockServer, tmp_path: Path
) -> None:
    folder = _examples_folder(aws_cli)
    examples = [
        example
        for path in sorted(folder.glob("*.rst"))
        for example in parse_examples(path.stem, path.read_text())
    ]
    assert len(examples) == 55, f"the pinned AWS CLI has 55 aws chime examples, not {len(examples)}"
    commands = []
    for index, example in enumerate(examples):
        world = build_world(module_server, example, index)
        argv = localized(example, world)
        commands.append(
            {
                "key": world.aws_account,
                "argv": [*argv, "--endpoint-url", module_server.url + "/chime", "--output", "json"],
            }
        )
    results = _run(aws_cli, commands, tmp_path)
    failures = []
    for example, result in zip(examples, results, strict=True):
        problem = _judge(example, result)
        if problem:
            failures.append(f"{example.name}: {problem}")
    assert not failures, "\n".join(failures)


def _run(aws_cli: Path, commands: list[dict[str, Any]], tmp_path: Path) -> list[dict[str, Any]]:
    environment = {
        "AWS_SECRET_ACCESS_KEY": "fake-secret",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_CONFIG_FILE": str(tmp_path / "no-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "no-credentials"),
        "AWS_MAX_ATTEMPTS": "1",
        "PATH": "/usr/bin:/bin",
    }
    python = aws_cli.parent / "python"
    done = subprocess.run(
        [str(python), "-c", _DRIVER],
        input=json.dumps(commands),
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def _judge(example: Example, result: dict[str, Any]) -> str | None:
    """What is wrong with the answer to this example, or None."""
    if result["rc"] != 0:
        return f"exit status {result['rc']}: {result['stderr'].strip()}"
    printed = result["stdout"].strip()
    if example.output is None:
        return None if not printed else f"printed {printed[:200]} where the example shows nothing"
    if not printed:
        return "printed nothing where the example shows output"
    missing = shown_paths(example.output) - answered_paths(json.loads(printed))
    mistakes = KNOWN_MISTAKES.get(example.name, {})
    missing = {path for path in missing if not any(_under(path, m) for m in mistakes)}
    return f"missing {sorted(missing)}" if missing else None


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith((prefix + ".", prefix + "["))


def test_every_known_mistake_is_one_an_example_makes(aws_cli: Path) -> None:
    folder = _examples_folder(aws_cli)
    shown = {
        example.name: shown_paths(example.output or "")
        for path in sorted(folder.glob("*.rst"))
        for example in parse_examples(path.stem, path.read_text())
    }
    for name, mistakes in KNOWN_MISTAKES.items():
        for prefix in mistakes:
            assert any(_under(path, prefix) for path in shown[name]), (name, prefix)


def test_the_lenient_reading_of_an_example_finds_its_key_paths() -> None:
    shown = '{"Users": [{"UserId": "a" "Meta": {"On": False},}, ], "NextToken": null}'
    assert shown_paths(shown) == {
        "Users",
        "Users[].UserId",
        "Users[].Meta",
        "Users[].Meta.On",
        "NextToken",
    }


def test_examples_are_read_with_their_commands_and_outputs() -> None:
    text = (
        "**Title**\n\n    aws chime get-user \\\n        --account-id a1 \n"
        '        --user-id u1\n\nOutput::\n\n    {\n        "User": {}\n    }\n\nMore.\n'
    )
    (example,) = parse_examples("get-user", text)
    assert example.argv == ["chime", "get-user", "--account-id", "a1", "--user-id", "u1"]
    assert example.output is not None and '"User"' in example.output
