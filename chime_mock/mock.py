"""`mock_chime`: decorator, context manager and start/stop, all in one object.

Activations nest: every active `ChimeMock` shares one fake (one `Backend`), the innermost one's
options apply to new orders, and the state is dropped when the outermost one stops.
"""

from __future__ import annotations

import datetime as _dt
import inspect
import os
import sys
import threading
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, overload

from chime_mock import clock
from chime_mock.defaults import CHIME, CHIME_SDK_VOICE, DEFAULT_ACCOUNT, DEFAULT_REGION
from chime_mock.environment import FakeEnvironment
from chime_mock.options import STATE, Options, as_json, checked_settings
from chime_mock.options import state as check_state

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from chime_mock.backend import Backend
    from chime_mock.backend.phone_numbers.records import PhoneNumberOrder
    from chime_mock.controls.chime_accounts import ChimeAccountControls
    from chime_mock.controls.sip_media_applications import SipMediaApplicationControls
    from chime_mock.controls.voice_analytics import VoiceAnalyticsControls
    from chime_mock.controls.voice_connectors import VoiceConnectorControls
    from chime_mock.journal import RecordedCall

T = TypeVar("T")
StatePath = str | os.PathLike[str]

_Function = Callable[..., Any]


def _decorator(wrapper: _Function) -> Callable[[_Function], _Function]:
    """wrapt's decorator, imported at the first decoration: wrapt 2 imports asyncio (~15 ms),
    which `import chime_mock` must not pay when nothing is decorated."""
    import wrapt

    # wrapt 2 ships type hints, wrapt 1 (which aiobotocore 2.x pins) none: one typed result.
    decorated: Callable[[_Function], _Function] = wrapt.decorator(wrapper)
    return decorated


class _Activations:
    """The process-wide stack of active mocks and the fake they share."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.stack: list[ChimeMock] = []
        self.backend: Backend | None = None
        self.environment = FakeEnvironment()


_ACTIVE = _Activations()


class ChimeMock:
    """An activation of the fake Chime services, and the handle that steers it.

    Made by [`mock_chime`][chime_mock.mock_chime]; its options are the keyword arguments here.

    Example:
        ```python
        import boto3

        from chime_mock import mock_chime

        with mock_chime(processing_delay=None) as handle:
            client = boto3.client("chime-sdk-voice", region_name="us-east-1")
            order = client.create_phone_number_order(
                ProductType="VoiceConnector", E164PhoneNumbers=["+12065550100"]
            )["PhoneNumberOrder"]
            handle.complete_order(order["PhoneNumberOrderId"])
            assert handle.order(order["PhoneNumberOrderId"]).status == "Successful"
        ```
    """

    def __init__(self, **options: Unpack[Options]) -> None:
        # Checked now, where the mistake is made, not at the first start.
        self._settings = checked_settings(options, also=[STATE])
        self.state = check_state(options.get(STATE))

    def __repr__(self) -> str:
        shown = {name: as_json(value) for name, value in self._settings.items()}
        if self.state is not None:
            shown[STATE] = os.fspath(self.state)
        given = ", ".join(f"{name}={value!r}" for name, value in shown.items())
        return f"<ChimeMock {'active' if self.active else 'inactive'} {given}>"

    # -- activation ---------------------------------------------------------------------------

    def start(self) -> ChimeMock:
        """Activate the mock and return this handle: `handle = mock_chime().start()`.

        Every activation shares one fake; the first one creates it and sets the fake credentials.
        """
        # Imported here, not at the top: `import chime_mock` stays cheap for test collection,
        # and the protocol, backend and phonenumbers load once, at the first activation.
        from chime_mock.backend import Backend
        from chime_mock.interception import INTERCEPTOR
        from chime_mock.protocol import catalog

        # Read before anything changes: a bad state file leaves the mock (and any outer one) as
        # it was.
        loaded = None
        if self.state is not None:
            from chime_mock.backend.state import files as state_file

            loaded = state_file.load(self.state, catalog.enum_values)
        with _ACTIVE.lock:
            if not _ACTIVE.stack:
                _ACTIVE.environment.enter()
            if loaded is not None or not _ACTIVE.stack:
                # A state file replaces the shared fake, even inside an outer mock.
                _ACTIVE.backend = loaded if loaded is not None else Backend()
                INTERCEPTOR.install(_ACTIVE.backend)
            _ACTIVE.stack.append(self)
            self._apply_options()
        return self

    def stop(self) -> None:
        """End this activation; the outermost one drops the fake and restores the environment.

        Raises:
            RuntimeError: the mock is not started.
        """
        with _ACTIVE.lock:
            if self not in _ACTIVE.stack:
                raise RuntimeError("chime_mock: stop() called on a mock that is not started")
            del _ACTIVE.stack[len(_ACTIVE.stack) - 1 - _ACTIVE.stack[::-1].index(self)]
            if _ACTIVE.stack:
                _ACTIVE.stack[-1]._apply_options()
                return
            from chime_mock.interception import INTERCEPTOR

            INTERCEPTOR.uninstall()
            _ACTIVE.environment.exit()
            _ACTIVE.backend = None

    def _apply_options(self) -> None:
        backend = self._backend()
        for name, value in self._settings.items():
            setattr(backend, name, value)

    @property
    def active(self) -> bool:
        """Whether this activation is running."""
        return self in _ACTIVE.stack

    def __enter__(self) -> ChimeMock:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # -- decorating ---------------------------------------------------------------------------

    def __call__(self, target: T) -> T:
        if isinstance(target, type):
            return self._decorate_class(target)  # type: ignore[return-value]
        if not callable(target):
            raise TypeError(
                f"chime_mock: mock_chime decorates functions and classes, not {target!r}"
            )
        return self._decorate_function(target)  # type: ignore[return-value]

    def _decorate_function(self, function: Callable[..., Any]) -> Callable[..., Any]:
        mock = self
        if inspect.iscoroutinefunction(function):

            @_decorator
            async def run_async(wrapped: Any, instance: Any, args: Any, kwargs: Any) -> Any:
                with mock:
                    return await wrapped(*args, **kwargs)

            return run_async(function)

        @_decorator
        def run(wrapped: Any, instance: Any, args: Any, kwargs: Any) -> Any:
            with mock:
                return wrapped(*args, **kwargs)

        return run(function)

    def _decorate_class(self, cls: type) -> type:
        unittest = sys.modules.get("unittest")  # not imported: cls cannot be a TestCase
        if unittest is not None and issubclass(cls, unittest.TestCase):
            # run() spans setUp, the test, tearDown and cleanups (async ones too): all mocked,
            # each test with fresh state.
            wrapped_run = self._decorate_function(cls.run)  # type: ignore[attr-defined]
            setattr(cls, "run", wrapped_run)  # noqa: B010
            return cls
        for name in dir(cls):
            if name.startswith("test") and inspect.isfunction(inspect.getattr_static(cls, name)):
                setattr(cls, name, self._decorate_function(getattr(cls, name)))
        return cls

    # -- steering the fake --------------------------------------------------------------------

    def _backend(self) -> Backend:
        backend = _ACTIVE.backend
        if backend is None:
            raise RuntimeError(
                "chime_mock: the mock is not active; use it inside `with mock_chime() as handle:` "
                "or after handle.start()"
            )
        return backend

    def complete_order(self, order_id: str, failed: Iterable[str] = ()) -> None:
        """Complete a Processing order now; numbers in `failed` end Failed.

        The order ends Successful, Partial (some numbers failed) or Failed (all failed).

        Raises:
            ValueError: no such order, it is not Processing, or `failed` names a number the order
                does not have.
        """
        if isinstance(failed, str):
            failed = (failed,)
        from chime_mock.backend.phone_numbers import orders

        backend = self._backend()
        with backend.lock:
            now = clock.now()
            backend.settle(now)
            orders.complete_order(backend, order_id, failed, now)

    def make_unavailable(self, *numbers: str) -> None:
        """Have the carrier refuse these numbers: search never offers them and every later
        order of them ends with the number Failed (so tests can produce Partial and Failed
        orders).

        Example:
            ```python
            import boto3

            from chime_mock import mock_chime

            with mock_chime() as handle:
                handle.make_unavailable("+12065550101")
                voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
                order_id = voice.create_phone_number_order(
                    ProductType="VoiceConnector",
                    E164PhoneNumbers=["+12065550100", "+12065550101"],
                )["PhoneNumberOrder"]["PhoneNumberOrderId"]
                order = voice.get_phone_number_order(PhoneNumberOrderId=order_id)
                assert order["PhoneNumberOrder"]["Status"] == "Partial"
            ```
        """
        from chime_mock.backend.phone_numbers import inventory

        backend = self._backend()
        with backend.lock:
            inventory.make_unavailable(backend, numbers)

    def seed_porting_order(
        self,
        numbers: Iterable[str],
        *,
        foc_date: _dt.datetime,
        product_type: str = "VoiceConnector",
        status: str | None = None,
        service: str = "chime-sdk-voice",
        account: str = DEFAULT_ACCOUNT,
        region: str = DEFAULT_REGION,
    ) -> str:
        """Add a porting order, as an AWS support case would; returns its PhoneNumberOrderId.

        The order is visible at once; its numbers enter the inventory one day before `foc_date`
        (at once when that is less than a day away) in the port-in status, held but invisible to
        every API call until then. On `foc_date` they are Unassigned and the order Successful.
        `status` is the order's porting status (FOC unless given; CancelRequested and Cancelled
        orders never complete).

        Example:
            ```python
            from datetime import datetime, timezone

            from freezegun import freeze_time

            from chime_mock import mock_chime

            with freeze_time("2026-04-01"), mock_chime() as handle:
                order_id = handle.seed_porting_order(
                    ["+12065550100"], foc_date=datetime(2026, 5, 1, tzinfo=timezone.utc)
                )
                assert handle.order(order_id).status == "FOC"
            ```
        """
        from chime_mock.backend import Scope
        from chime_mock.backend.phone_numbers import porting

        if isinstance(numbers, str):
            numbers = (numbers,)
        if service not in (CHIME, CHIME_SDK_VOICE):
            raise ValueError(
                f"chime_mock: service is one of {CHIME}, {CHIME_SDK_VOICE}; got {service!r}"
            )
        if not isinstance(foc_date, _dt.datetime) or foc_date.tzinfo is None:
            raise TypeError(
                "chime_mock: foc_date takes a timezone-aware datetime, e.g. "
                f"datetime(2026, 5, 1, tzinfo=timezone.utc); got {foc_date!r}"
            )
        scope = Scope.of(service, account, region)
        from chime_mock.backend.phone_numbers import orders

        backend = self._backend()
        with backend.lock:
            now = clock.now()
            backend.settle(now)
            order = orders.seed_porting_order(
                backend,
                scope,
                product_type,
                list(numbers),
                foc_date,
                status or porting.default_status(service),
                now,
            )
            return order.order_id

    def reset(self) -> None:
        """Forget every order, number, injected fault and journaled call; the mock stays active."""
        backend = self._backend()
        with backend.lock:
            backend.reset()

    def save_state(self, path: StatePath, *, pretty: bool = False) -> None:
        """Write the whole fake to a JSON file that `mock_chime(state=path)` starts from.

        Every account's orders and numbers with their timestamps, orders still Processing and
        everything else waiting for the clock; versioned JSON, written whole or not at all. Not
        saved: the options of `mock_chime`, injected faults, the journal, NextTokens.

        By default the file is compact (no indentation, the orders and numbers as tables that
        name their fields once): small and fast for a real inventory. With `pretty=True` it is
        indented, with every record an object of named fields on its own line, for people to
        read and edit; `mock_chime(state=path)` reads both.

        Example:
            ```python
            import boto3

            from chime_mock import mock_chime

            with mock_chime() as handle:
                voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
                voice.create_phone_number_order(
                    ProductType="VoiceConnector", E164PhoneNumbers=["+12065550100"]
                )
                handle.save_state("inventory.json")

            with mock_chime(state="inventory.json"):
                voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
                assert len(voice.list_phone_number_orders()["PhoneNumberOrders"]) == 1
            ```
        """
        from chime_mock.backend.state import files as state_file

        backend = self._backend()
        with backend.lock:
            now = clock.now()
            backend.settle(now)
            state_file.save(backend, path, now, pretty)

    def inject_error(
        self, operation: str, code: str, *, times: int = 1, message: str | None = None
    ) -> None:
        """Answer the next `times` calls of `operation` ("*": any) with the modeled error `code`.

        The answer has the error shape's HTTP status and goes through botocore like a real one,
        so the client's retry mode decides what to retry; the calls change no state. Faults are
        used in the order they were injected.

        Args:
            operation: an operation name of either service's model, or "*" for any call.
            code: an error shape the operation declares (for "*": one some operation declares).
            times: how many calls the fault answers.
            message: the error's message; by default one saying the error was injected.

        Raises:
            ValueError: an unknown operation or code (the message lists the valid ones), or
                `times` below 1.

        Example:
            ```python
            import boto3

            from chime_mock import mock_chime

            with mock_chime() as handle:
                voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
                handle.inject_error("GetPhoneNumber", "ForbiddenException", message="No access")
                try:
                    voice.get_phone_number(PhoneNumberId="+12065550100")
                except voice.exceptions.ForbiddenException as error:
                    assert error.response["ResponseMetadata"]["HTTPStatusCode"] == 403
                    assert error.response["Error"]["Message"] == "No access"
            ```
        """
        from chime_mock.faults import checked_fault

        fault = checked_fault(operation, code, times, message)
        backend = self._backend()
        with backend.lock:
            backend.faults.add(fault)

    @property
    def calls(self) -> list[RecordedCall]:
        """Every call the mock answered, oldest first, as `RecordedCall`s (a snapshot;
        `reset()` empties it). Only the newest `journal_limit` calls are kept (10,000 unless
        given): `calls_dropped` says how many older ones are missing.

        Example:
            ```python
            import boto3

            from chime_mock import mock_chime

            with mock_chime() as handle:
                voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
                voice.list_phone_number_orders(MaxResults=10)
                [call] = handle.calls
                assert (call.operation, call.params, call.status) == (
                    "ListPhoneNumberOrders",
                    {"MaxResults": 10},
                    200,
                )
            ```
        """
        backend = self._backend()
        with backend.lock:
            return backend.journal.calls()

    @property
    def calls_dropped(self) -> int:
        """How many calls `calls` no longer lists because `journal_limit` newer ones followed
        (0 when it lists every call since the start or the last `reset()`).

        Example:
            ```python
            import boto3

            from chime_mock import mock_chime

            with mock_chime(journal_limit=2) as handle:
                voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
                for max_results in (1, 2, 3):
                    voice.list_phone_number_orders(MaxResults=max_results)
                assert [call.params for call in handle.calls] == [
                    {"MaxResults": 2},
                    {"MaxResults": 3},
                ]
                assert handle.calls_dropped == 1
            ```
        """
        backend = self._backend()
        with backend.lock:
            return backend.journal.dropped

    @property
    def voice_connectors(self) -> VoiceConnectorControls:
        """What tests of Voice Connectors need and the API cannot do, e.g.
        `handle.voice_connectors.record_termination_health(connector_id, "203.0.113.5")`."""
        from chime_mock.controls.voice_connectors import VoiceConnectorControls

        return VoiceConnectorControls(self._backend)

    @property
    def voice_analytics(self) -> VoiceAnalyticsControls:
        """How speaker search and voice tone analysis tasks end, decided by the test, e.g.
        `handle.voice_analytics.complete_speaker_search(task_id, results=[...])`."""
        from chime_mock.controls.voice_analytics import VoiceAnalyticsControls

        return VoiceAnalyticsControls(self._backend)

    @property
    def sip_media_applications(self) -> SipMediaApplicationControls:
        """What tests of SIP media applications need and the API cannot do: the calls they
        placed, e.g. `handle.sip_media_applications.calls()`, and ending one."""
        from chime_mock.controls.sip_media_applications import SipMediaApplicationControls

        return SipMediaApplicationControls(self._backend)

    @property
    def chime_accounts(self) -> ChimeAccountControls:
        """What tests of legacy Amazon Chime need and the API cannot do (the console and the
        Chime app do it): an Enterprise account, a registered user, e.g.
        `handle.chime_accounts.create_account("Example Corp")`."""
        from chime_mock.controls.chime_accounts import ChimeAccountControls

        return ChimeAccountControls(self._backend)

    def order(self, order_id: str) -> PhoneNumberOrder:
        """The backend's record of an order, for assertions beyond what the API shows."""
        from chime_mock.backend.phone_numbers import orders

        backend = self._backend()
        with backend.lock:
            backend.settle(clock.now())
            return orders.find_order(backend, order_id)


@overload
def mock_chime(target: T, /) -> T: ...


@overload
def mock_chime(**options: Unpack[Options]) -> ChimeMock: ...


def mock_chime(target: Any = None, /, **options: Unpack[Options]) -> Any:
    """Mock Amazon Chime and Chime SDK Voice for boto3 clients.

    Use it bare (`@mock_chime`), with options (`@mock_chime(processing_delay=5)`), as a context
    manager (`with mock_chime() as handle:`) or with `handle.start()` / `handle.stop()`.

    Args:
        target: a function, coroutine function or class to run mocked (the bare decorator form).

    Keyword Args:
        processing_delay (float | datetime.timedelta | None): how long new orders stay
            Processing on the mock's clock: seconds or a timedelta, at most 100 years; None
            keeps them Processing until `handle.complete_order()`.
        phone_number_limit (int | None): each account's inventory quota, 25 unless given; None
            for no limit.
        journal_limit (int | None): how many of the newest calls `handle.calls` keeps, 10,000
            unless given; None keeps every call.
        state (str | os.PathLike[str] | None): a JSON file written by `handle.save_state` to
            start from (see docs/tools.md); `chime_mock.StateFileError` when it cannot be
            loaded, and then nothing changes.

    Raises:
        TypeError: an option that does not exist (the message names the closest) or a value of
            the wrong type; checked here, when the mock is made.
        ValueError: a value out of the option's range.

    Example:
        ```python
        import boto3

        from chime_mock import mock_chime


        @mock_chime
        def count_orders() -> int:
            client = boto3.client("chime-sdk-voice", region_name="us-east-1")
            return len(client.list_phone_number_orders()["PhoneNumberOrders"])


        assert count_orders() == 0
        ```
    """
    mock = ChimeMock(**options)
    return mock if target is None else mock(target)
