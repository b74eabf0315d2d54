"""ValidateE911Address: a deterministic stand-in for AWS's address validation.

Nothing about the real validation is published beyond the meaning of its results (0: valid as
given, 1: valid after correction, 2: failed). The fake validates every US address as given and
fails every other country, so a test can reach both answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chime_mock.backend import ids

VALIDATED, CORRECTED, FAILED = 0, 1, 2


def validate(request: Mapping[str, Any]) -> dict[str, Any]:
    """The answer to one ValidateE911Address request (its members, by the model's names)."""
    if request["Country"] != "US":
        return {"ValidationResult": FAILED, "CandidateAddressList": []}
    street_name, _, suffix = request["StreetInfo"].rpartition(" ")
    return {
        "ValidationResult": VALIDATED,
        "AddressExternalId": ids.guid(),
        "Address": {
            "streetNumber": request["StreetNumber"],
            "streetName": street_name or suffix,
            "streetSuffix": suffix if street_name else None,
            "city": request["City"],
            "state": request["State"],
            "postalCode": request["PostalCode"],
            "country": request["Country"],
        },
        "CandidateAddressList": [],
    }
