"""What may be done to a phone number in its current state: the checks behind update, delete and
restore, shared by the single and the batch operations.

Each check raises an `ItemError`: a ServiceError for the single operation that also carries the
ErrorCode a batch reports for the same problem (they differ: a single delete of an associated
number is a BadRequestException, a batch says PhoneNumberAssociationsExist).
"""

from __future__ import annotations

from collections.abc import Callable

from chime_mock.backend.phone_numbers import product_types
from chime_mock.backend.phone_numbers.facts import NumberFacts, reported_id
from chime_mock.backend.phone_numbers.records import PhoneNumber
from chime_mock.errors import ServiceError

UPDATABLE_STATUSES = frozenset({"Unassigned", "Assigned"})
DELETABLE_STATUSES = frozenset({"Unassigned", "AcquireFailed"})


class ItemError(ServiceError):
    """A problem with one phone number: `item_code` is its batch ErrorCode."""

    def __init__(self, code: str, message: str, item_code: str | None = None) -> None:
        super().__init__(code, message)
        self.item_code = item_code or code.removesuffix("Exception")


def bad_item(message: str, item_code: str | None = None) -> ItemError:
    return ItemError("BadRequestException", message, item_code)


def missing(phone_number_id: str) -> ItemError:
    return ItemError("NotFoundException", f"Phone number {phone_number_id} not found")


def check_update(number: PhoneNumber, facts: NumberFacts, details: dict[str, str]) -> None:
    """Raise unless `details` (model member -> new value) may be applied to `number` now."""
    if len(details) != 1:
        given = ", ".join(sorted(details)) or "none"
        raise bad_item(
            f"Update one phone number detail at a time (ProductType, CallingName or Name); "
            f"got {given}"
        )
    if number.status not in UPDATABLE_STATUSES:
        raise ItemError(
            "ConflictException",
            f"Phone number {number.e164} is {number.status}: only Unassigned or Assigned "
            "numbers can be updated",
        )
    if "ProductType" in details:
        if number.associations and details["ProductType"] != number.product_type:
            # AG: change-product-type: only an unassigned number can switch.
            raise ItemError(
                "ConflictException",
                f"Phone number {number.e164} is associated with "
                f"{number.associations[0].name} {number.associations[0].value}; disassociate "
                "it before changing its product type",
            )
        product_types.check_product_type(details["ProductType"], facts, "ProductType")
    if "CallingName" in details:
        if number.calling_name_status == "UpdateInProgress":
            raise ItemError(
                "ConflictException",
                f"A calling name update of {number.e164} is still in progress; wait for it to "
                "complete before requesting another",
            )
        if details["CallingName"] and not product_types.takes_calling_name(facts):
            raise bad_item(
                f"Phone number {number.e164} cannot have a calling name: calling names are "
                "supported for US local numbers only"
            )


def check_deletable(number: PhoneNumber) -> None:
    if number.associations or number.status == "Assigned":
        raise bad_item(
            f"Phone number {number.e164} is associated; disassociate it before deleting it",
            "PhoneNumberAssociationsExist",
        )
    if number.status not in DELETABLE_STATUSES:
        raise bad_item(
            f"Phone number {number.e164} is {number.status} and cannot be deleted; only "
            "Unassigned (or AcquireFailed) numbers can be deleted"
        )


def check_restorable(number: PhoneNumber) -> None:
    if number.status != "DeleteInProgress":
        raise bad_item(
            f"Phone number {number.e164} is {number.status}, not DeleteInProgress: only a "
            "deleted number can be restored"
        )


def run_batch(items: list[tuple[str, Callable[[], object]]]) -> list[dict[str, str]]:
    """Run each item's change in turn; the ones that failed, as PhoneNumberErrors entries (each
    naming the number by its ID, whichever form the request used).

    One bad item never fails the batch: each change validates before it changes anything.
    """
    errors = []
    for phone_number_id, change in items:
        try:
            change()
        except ServiceError as error:  # a product-type rule raises a plain bad request
            code = (
                error.item_code
                if isinstance(error, ItemError)
                else error.code.removesuffix("Exception")
            )
            errors.append(
                {
                    "PhoneNumberId": reported_id(phone_number_id),
                    "ErrorCode": code,
                    "ErrorMessage": error.message,
                }
            )
    return errors
