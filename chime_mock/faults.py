"""Injected faults: errors the fake answers instead of serving the next calls of an operation.

The list lives with the backend state (so `reset()` drops it and the HTTP server shares it); the
dispatcher consults it under the backend's lock before any handler runs, so an injected failure
changes no state. Pure Python: which codes an operation may answer is asked of the caller.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from chime_mock.suggestions import closest_names

ANY_OPERATION = "*"


@dataclass(eq=False)  # an injected fault is itself, whatever its fields
class Fault:
    """An error `inject_error` made an operation answer, for as many more calls as remain."""

    operation: str  # a model operation name, or ANY_OPERATION
    code: str  # a modeled error shape name
    remaining: int
    message: str | None = None

    @property
    def text(self) -> str:
        if self.message is not None:
            return self.message
        return f"chime_mock: {self.code} injected by inject_error({self.operation!r}, ...)"


def checked_fault(operation: str, code: str, times: int, message: str | None) -> Fault:
    """A fault for `inject_error`, its names checked against the installed models; ValueError
    (prefixed `chime_mock:`, naming the closest valid names) for anything that could never
    answer. `operation` is an API name (CreatePhoneNumberOrder) or boto3's method name
    (create_phone_number_order)."""
    operation = _api_name(operation)
    _check_operation_error(operation, code)
    if isinstance(times, bool) or not isinstance(times, int) or times < 1:
        raise ValueError(
            f"chime_mock: times must be a whole number of calls, 1 or more; got {times!r}"
        )
    if message is not None and not isinstance(message, str):
        raise ValueError(f"chime_mock: message must be text or None; got {message!r}")
    return Fault(operation, code, times, message)


def _api_name(operation: str) -> str:
    """The model's name of an operation given by its API name or boto3's method name; ValueError
    naming the closest few when it is neither."""
    # Imported here: the backend imports this module and stays free of botocore.
    from chime_mock.protocol import catalog

    if operation == ANY_OPERATION or operation in catalog.operation_errors():
        return operation
    methods = catalog.method_names()
    if operation in methods:
        return methods[operation]
    # Suggest in the form the user wrote: boto3's method names, or the API's.
    known = methods if operation.islower() else catalog.operation_errors()
    closest = closest_names(operation, known)
    hint = f"did you mean {' or '.join(map(repr, closest))}? " if closest else ""
    raise ValueError(
        f"chime_mock: {operation!r} is not an operation of chime or chime-sdk-voice; {hint}"
        "Give its API name (CreatePhoneNumberOrder), its boto3 method name "
        '(create_phone_number_order), or "*" for any operation'
    )


def _check_operation_error(operation: str, code: str) -> None:
    """Raise ValueError unless `operation` (ANY_OPERATION: any) may answer the error `code`."""
    # Imported here: the backend imports this module and stays free of botocore.
    from chime_mock.protocol import catalog

    errors = catalog.operation_errors()
    everything = operation == ANY_OPERATION
    valid = frozenset().union(*errors.values()) if everything else errors[operation]
    if code not in valid:
        which = "any operation" if operation == ANY_OPERATION else operation
        raise ValueError(
            f"chime_mock: {code!r} is not an error {which} can answer; use one of: "
            f"{', '.join(sorted(valid))}"
        )


class Faults:
    """Pending faults, consumed first-injected first."""

    def __init__(self) -> None:
        self._pending: list[Fault] = []

    def __bool__(self) -> bool:
        return bool(self._pending)

    def add(self, fault: Fault) -> None:
        self._pending.append(fault)

    def take(self, operation: str, declares: Callable[[str], bool]) -> Fault | None:
        """The fault that answers this call of `operation`, one use spent; None to serve it.

        `declares(code)` tells whether the called operation models that error: a fault for "*"
        only answers operations that could answer its code, so every answer stays a modeled one.
        """
        for fault in self._pending:
            if fault.operation not in (operation, ANY_OPERATION) or not declares(fault.code):
                continue
            fault.remaining -= 1
            if fault.remaining <= 0:
                self._pending.remove(fault)
            return fault
        return None
