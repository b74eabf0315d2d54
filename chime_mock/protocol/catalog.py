"""What the installed models offer: operation names and the error shapes each operation declares.

Used to check the names a test passes to chime_mock (e.g. `inject_error`) against the installed
botocore models, so a typo fails at the call instead of never matching, and to keep every
injected answer a modeled one.
"""

from __future__ import annotations

import functools

from botocore import xform_name

from chime_mock.protocol.models import MOCKED_SERVICES, service_model


@functools.cache
def operation_errors() -> dict[str, frozenset[str]]:
    """Every operation of the mocked services -> the error shapes it declares (in any service)."""
    errors: dict[str, set[str]] = {}
    for service in MOCKED_SERVICES:
        model = service_model(service)
        for name in model.operation_names:
            shapes = model.operation_model(name).error_shapes
            errors.setdefault(name, set()).update(shape.name for shape in shapes)
    return {name: frozenset(codes) for name, codes in errors.items()}


def declares_error(service: str, operation: str, code: str) -> bool:
    """Whether `operation` of `service` declares the error shape `code` in the installed model."""
    model = service_model(service)
    if operation not in model.operation_names:
        return False
    return any(shape.name == code for shape in model.operation_model(operation).error_shapes)


@functools.cache
def method_names() -> dict[str, str]:
    """boto3's method name of every operation of the mocked services -> the operation's name."""
    return {xform_name(name): name for name in operation_errors()}


@functools.cache
def enum_values(service: str, shape: str) -> frozenset[str] | None:
    """The values the enum `shape` of `service`'s installed model allows; None: no such shape."""
    model = service_model(service)
    if shape not in model.shape_names:
        return None
    return frozenset(model.shape_for(shape).enum)
