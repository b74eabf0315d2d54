"""Random and hostile input at every implemented operation, through real boto3 clients.

Every answer must be a success or an error the operation's model lists (with that error's status);
never an unmodeled code, an internal error or a traceback, and a rejected call changes nothing.
Operations come from `mocked(service)` and inputs from the installed models, so operations added
later are covered without a change here. `CHIME_MOCK_HOSTILE_CASES` sets the budget (default 2400
calls in all, spread over the operations); the run prints how many cases ran.

Each case is judged on its own (no proportion of a random sample is asserted). What must get past
botocore and reach the mock is pinned: one `@example` per operation, every member at a value the
model refuses, must be answered with a modeled error. Any call may also send `null` for every
member it lacks, at every depth, as the JavaScript SDK does (`"CpsLimit": null`); a second
`@example` per operation sends nothing but nulls.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from typing import Any

import boto3
import botocore.exceptions
import botocore.model
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from chime_mock import ChimeMock, mock_chime
from chime_mock.backend import Backend
from chime_mock.backend.phone_numbers.inventory import PhoneNumberInventory
from chime_mock.mock import _ACTIVE
from chime_mock.operations import mocked
from chime_mock.protocol.validation import smithy_pattern
from tests.backend_state import snapshot
from tests.conftest import UNSAFE, examples, order_numbers
from tests.model_inputs import (
    Inputs,
    Pool,
    leaf_paths,
    null_optionals,
    operations_under_test,
    plain,
    plant,
)

pytestmark = pytest.mark.disable_socket  # not even loopback: every answer comes from the mock

OPERATIONS = operations_under_test()
BUDGET = int(os.environ.get("CHIME_MOCK_HOSTILE_CASES", "2400"))
CALLS_PER_EXAMPLE = 4
EXAMPLES = examples(max(20, BUDGET // (len(OPERATIONS) * CALLS_PER_EXAMPLE)))
# Numbers the seeding orders; chime's owners are global, so the services take different ones.
SEED_NUMBERS = {
    "chime-sdk-voice": (("+12065550100", "+12065550101"), ("+12065550102",)),
    "chime": (("+12065550103", "+12065550104"), ("+12065550105",)),
}


def _xform(name: str) -> str:
    return botocore.xform_name(name)  # type: ignore[no-any-return]


def _seed(handle: ChimeMock, clients: dict[str, Any], pool: Pool) -> None:
    """A small known state: two orders per service (one number of each deleted, when the fake
    can delete), and a NextToken of each operation that pages with no further input."""
    handle.reset()
    pool.clear()
    for service, client in clients.items():
        for numbers in SEED_NUMBERS[service]:
            order_numbers(client, *numbers)
        if "DeletePhoneNumber" in mocked(service):  # a number in the deletion queue, to restore
            client.delete_phone_number(PhoneNumberId=SEED_NUMBERS[service][-1][-1])
        model = client.meta.service_model
        for name in sorted(mocked(service)):
            shape = model.operation_model(name).input_shape
            if shape is None or not {"NextToken", "MaxResults"} <= set(shape.members):
                continue
            if shape.required_members:  # it pages within a parent (ListVoiceProfiles' domain)
                continue
            try:
                page = getattr(client, _xform(name))(MaxResults=1)
            except botocore.exceptions.ClientError:
                continue  # it needs more input to page (SearchAvailablePhoneNumbers)
            if page.get("NextToken"):
                pool.add("next_token", page["NextToken"])
    backend = _ACTIVE.backend
    assert backend is not None
    with backend.lock:
        for inventory in backend.inventories():
            for order_id in PhoneNumberInventory.of(inventory).orders:
                pool.add("order_id", order_id)
            for phone_number_id, number in PhoneNumberInventory.of(inventory).numbers.items():
                pool.add("phone_number_id", phone_number_id)
                pool.add("phone_number_id", number.e164)
                pool.add("e164", number.e164)
    for index in range(110, 120):  # free numbers, for orders that can succeed
        pool.add("e164", f"+1206555{index:04d}")


class Judge:
    """Calls one operation and holds its answer to the contract; counts what happened."""

    def __init__(self, client: Any, operation: botocore.model.OperationModel) -> None:
        self.client = client
        self.operation = operation
        self.method = getattr(client, _xform(operation.name))
        self.modeled = {shape.name: shape for shape in operation.error_shapes}
        self.tally: Counter[str] = Counter()
        self._sent = 0
        self._state: Any = None  # the backend's state when known unchanged since the last call
        # Send `null` for every member a call lacks (botocore serializes no None for a list, map
        # or structure, so the body is rewritten before it is signed).
        self.send_nulls = False
        client.meta.events.register("request-created", self._count_sent)
        client.meta.events.register(f"before-sign.*.{operation.name}", self._add_nulls)

    def _count_sent(self, **kwargs: Any) -> None:
        self._sent += 1

    def _add_nulls(self, request: Any, **kwargs: Any) -> None:
        if self.send_nulls:
            request.data = null_optionals(self.operation, request.data)

    def forget_state(self) -> None:
        self._state = None

    def __call__(self, backend: Backend, params: Any) -> str:
        """Call with `params`; which of the three outcomes it had."""
        before = self._state if self._state is not None else snapshot(backend)
        self._state = None
        sent = self._sent
        try:
            self.method(**params)
        except botocore.exceptions.ClientError as error:
            self._check_error(error, params)
            after = snapshot(backend)
            assert after == before, f"a rejected call changed state: {params!r:.300}"
            self._state = after
            outcome = "modeled error"
        except Exception as error:
            # Before a request exists, botocore itself refused the value: the mock saw nothing.
            assert self._sent == sent, (
                f"the mock's answer broke the client: {type(error).__name__}: {error}; "
                f"params {params!r:.300}"
            )
            self._state = before
            outcome = "refused by botocore"
        else:
            outcome = "success"
        self.tally[outcome] += 1
        return outcome

    def _check_error(self, error: botocore.exceptions.ClientError, params: Any) -> None:
        code = error.response["Error"]["Code"]
        message = error.response["Error"].get("Message", "")
        where = f"{self.operation.name} answered {code}: {message[:300]}; params {params!r:.300}"
        assert code in self.modeled, "unmodeled error: " + where
        assert "internal error" not in message and "Traceback" not in message, where
        status = self.modeled[code].metadata["error"]["httpStatusCode"]
        assert error.response["ResponseMetadata"]["HTTPStatusCode"] == status, where


def _params(data: st.DataObject, inputs: Inputs, shape: botocore.model.Shape | None) -> Any:
    """Valid input, then maybe one hostile value planted somewhere, or hostile throughout."""
    if shape is None:
        return {}
    mode = data.draw(st.sampled_from(["valid", "one hostile value", "hostile throughout"]))
    if mode == "hostile throughout":
        params = data.draw(inputs.structure(shape, inputs.hostile, 0))
    else:
        params = data.draw(inputs.valid(shape))
        spots = leaf_paths(shape, params)
        if mode == "one hostile value" and spots:
            path, target, member_name = data.draw(st.sampled_from(spots))
            params = plant(params, path, data.draw(inputs.hostile(target, member_name, 1)))
    return params


# Values botocore sends for a required member of a type `_pinned` has no broken value for.
_PLAIN = {"boolean": True, "map": {}, "structure": {}, "blob": b"x", "float": 0.5, "double": 0.5}


def _pinned(shape: botocore.model.Shape) -> Any:
    """A value of `shape` that botocore sends as it is (with parameter validation off) and that
    breaks a rule of the model where the shape has one: enum, pattern, length, range, list size,
    a required member. Every answer to it comes from the mock. None: no such value."""
    type_name = shape.type_name
    if type_name == "structure":
        if shape.required_members:
            return {}  # refused for lacking its required member
        members = {name: _pinned(member) for name, member in shape.members.items()}
        return {name: value for name, value in members.items() if value is not None} or None
    if type_name == "list":
        item = _pinned(shape.member)
        return [] if shape.metadata.get("min") or item is None else [item]
    if type_name in ("integer", "long"):
        high = shape.metadata.get("max")
        return int(high) + 1 if high is not None else -(2**63) - 1
    if type_name != "string":
        return None
    if getattr(shape, "enum", None):
        return "NotAnEnumValue"
    if "pattern" in shape.metadata:
        try:
            pattern = smithy_pattern(shape.metadata["pattern"])
        except re.error:  # a pattern no dialect reads is left unenforced, as the mock does
            return "a" * (int(shape.metadata.get("max", 300)) + 1)
        broken = next(
            (text for text in (" ", "a" * 300, "\u00e9") if not pattern.search(text)), None
        )
        if broken is not None:
            return broken
    high = shape.metadata.get("max")
    return "a" * (int(high) + 1) if high is not None else "../../etc/passwd"


def pinned_input(shape: botocore.model.StructureShape) -> dict[str, Any]:
    """Every member of an operation's input at once at its `_pinned` value (a required member
    with none at a plain value of its type)."""
    params = {}
    for name, member in shape.members.items():
        if member.serialization.get("location") == "statusCode":
            continue
        value = _pinned(member)
        if value is None and name in shape.required_members:
            value = _PLAIN.get(member.type_name, dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
        if value is not None:
            params[name] = value
    return params


@pytest.mark.parametrize(("service", "operation_name"), OPERATIONS)
def test_every_answer_to_hostile_input_is_modeled_and_a_rejection_changes_nothing(
    service: str, operation_name: str, record_property: Any
) -> None:
    pool = Pool()
    inputs = Inputs(pool)
    with mock_chime(processing_delay=0) as handle:
        seeders = {name: boto3.client(name, region_name="us-east-1") for name in SEED_NUMBERS}
        client = boto3.client(service, region_name="us-east-1", config=UNSAFE)
        operation = client.meta.service_model.operation_model(operation_name)
        judge = Judge(client, operation)

        @settings(max_examples=EXAMPLES)
        @given(data=st.data(), pinned=st.none(), nulls=st.none())
        def run(
            data: st.DataObject | None, pinned: dict[str, Any] | None, nulls: bool | None
        ) -> None:
            _seed(handle, seeders, pool)
            judge.forget_state()
            backend = _ACTIVE.backend
            assert backend is not None
            if pinned is not None:
                # The generator must get past botocore: this one is known to, and the model
                # refuses it, so the mock must answer it with a modeled error.
                judge.send_nulls = False
                outcome = judge(backend, pinned)
                assert outcome == "modeled error", f"{outcome} for {pinned!r:.300}"
                return
            if nulls:  # required members plain, every other null: any answer the model has
                judge.send_nulls = True
                sent = plain(operation.input_shape)
                assert judge(backend, sent) != "refused by botocore", f"{sent!r:.300}"
                return
            assert data is not None
            for _ in range(CALLS_PER_EXAMPLE):
                judge.send_nulls = data.draw(st.booleans(), label="lacking members sent as null")
                judge(backend, _params(data, inputs, operation.input_shape))

        if operation.input_shape is not None and operation.input_shape.members:
            run = example(data=None, pinned=pinned_input(operation.input_shape), nulls=None)(run)
            run = example(data=None, pinned=None, nulls=True)(run)
        run()
    record_property("hostile_cases", sum(judge.tally.values()))
    record_property("hostile_tally", dict(judge.tally))
