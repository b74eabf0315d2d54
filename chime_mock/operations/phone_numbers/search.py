"""SearchAvailablePhoneNumbers."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.phone_numbers.countries import US
from chime_mock.backend.phone_numbers.inventory import PhoneNumberInventory, search_numbers
from chime_mock.operations import Call, handles


@handles("SearchAvailablePhoneNumbers")
def search_available_phone_numbers(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    # Imported at the first search, not with every handler: most processes never search.
    from chime_mock.backend.phone_numbers.search import SearchQuery

    query = SearchQuery(
        country=params.get("Country") or US,  # AWS: "Defaults to the US"
        area_code=params.get("AreaCode"),
        city=params.get("City"),
        state=params.get("State"),
        toll_free_prefix=params.get("TollFreePrefix"),
        number_type=params.get("PhoneNumberType"),
    )
    found = search_numbers(call.backend, query)
    page, token = PhoneNumberInventory.of(call.inventory).search_pages.page(
        found, lambda item: item[0], call.page_size(params), params.get("NextToken")
    )
    return {"E164PhoneNumbers": [e164 for _, e164 in page], "NextToken": token}
