"""Random and hostile input at every implemented operation, through real boto3 clients (issue 6).

Every answer must be a success or an error the operation's model lists (with that error's status);
never an unmodeled code, an internal error or a traceback, and a rejected call changes nothing.
Operations come from `HANDLERS` and inputs from the installed models, so operations added later
are covered without a change here. `CHIME_MOCK_HOSTILE_CASES` sets the budget (default 2400
calls in all, spread over the operations); the run prints how many cases ran.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Any

import boto3
import botocore.exceptions
import botocore.model
import pytest
from botocore.config import Config
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chime_mock import ChimeMock, mock_chime
from chime_mock.backend import Backend
from chime_mock.mock import _ACTIVE
from chime_mock.operations import HANDLERS
from tests.backend_state import snapshot
from tests.conftest import order_numbers
from tests.model_inputs import Inputs, Pool, leaf_paths, operations_under_test, plant

pytestmark = pytest.mark.disable_socket  # not even loopback: every answer comes from the mock

OPERATIONS = operations_under_test()
BUDGET = int(os.environ.get("CHIME_MOCK_HOSTILE_CASES", "2400"))
CALLS_PER_EXAMPLE = 4
EXAMPLES = max(20, BUDGET // (len(OPERATIONS) * CALLS_PER_EXAMPLE))
# botocore lets wrong types through and never retries: every answer the mock gives is seen.
UNSAFE = Config(parameter_validation=False, retries={"max_attempts": 0})
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
        if "DeletePhoneNumber" in HANDLERS[service]:  # a number in the deletion queue, to restore
            client.delete_phone_number(PhoneNumberId=SEED_NUMBERS[service][-1][-1])
        model = client.meta.service_model
        for name in sorted(HANDLERS[service]):
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
            for order_id in inventory.orders:
                pool.add("order_id", order_id)
            for phone_number_id, number in inventory.numbers.items():
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
        client.meta.events.register("request-created", self._count_sent)

    def _count_sent(self, **kwargs: Any) -> None:
        self._sent += 1

    def forget_state(self) -> None:
        self._state = None

    def __call__(self, backend: Backend, params: Any) -> None:
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
            self.tally["modeled error"] += 1
        except Exception as error:
            # Before a request exists, botocore itself refused the value: the mock saw nothing.
            assert self._sent == sent, (
                f"the mock's answer broke the client: {type(error).__name__}: {error}; "
                f"params {params!r:.300}"
            )
            self._state = before
            self.tally["refused by botocore"] += 1
        else:
            self.tally["success"] += 1

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

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(data=st.data())
        def run(data: st.DataObject) -> None:
            _seed(handle, seeders, pool)
            judge.forget_state()
            backend = _ACTIVE.backend
            assert backend is not None
            for _ in range(CALLS_PER_EXAMPLE):
                judge(backend, _params(data, inputs, operation.input_shape))

        run()
    cases = sum(judge.tally.values())
    record_property("hostile_cases", cases)
    record_property("hostile_tally", dict(judge.tally))
    # The generator must get past botocore and into the validator; otherwise this proves little.
    assert judge.tally["refused by botocore"] < cases / 2
    if operation.input_shape is not None and operation.input_shape.members:
        assert judge.tally["modeled error"] > 0
