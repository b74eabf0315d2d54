"""The error answers of the fake service.

A `ServiceError` is an AWS error the fake answers with: it travels through the protocol layer and
reaches the user as the botocore exception a real service would cause. Mistakes in using
chime_mock's own API are plain `ValueError`/`TypeError`/`RuntimeError`s prefixed `chime_mock:`.
"""

from __future__ import annotations


class ServiceError(Exception):
    """An error answer of the fake service, named by its modeled error shape.

    The HTTP status comes from the shape in the installed botocore model, so backend code only says
    *what* went wrong. `status` is for the few answers no model has (an unmocked operation).
    `raised_by` names the option of the mock that lifts the limit the request passed (the option,
    and the quota's name for `quotas`): the answer then says how to raise it, in the words of the
    interface the caller uses (a `mock_chime` keyword, or the server's flag and `/config` key).
    """

    def __init__(
        self,
        code: str,
        message: str,
        *,
        status: int | None = None,
        raised_by: tuple[str, str | None] | None = None,
    ) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.status = status
        self.raised_by = raised_by


class StateFileError(ValueError):
    """A state file `mock_chime(state=...)` cannot load; says which file and what is wrong."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"chime_mock: cannot load the state file {path}: {problem}")
        self.path = path
        self.problem = problem


def bad_request(message: str) -> ServiceError:
    """A BadRequestException answer (HTTP 400)."""
    return ServiceError("BadRequestException", message)


def not_found(message: str) -> ServiceError:
    """A NotFoundException answer (HTTP 404)."""
    return ServiceError("NotFoundException", message)


def conflict(message: str) -> ServiceError:
    """A ConflictException answer (HTTP 409): the resource is in use or in the wrong state."""
    return ServiceError("ConflictException", message)
