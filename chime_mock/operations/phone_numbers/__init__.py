"""Handlers of the phone numbers, served to both services: orders, the inventory (get, list,
update, delete, restore), search, the account's calling name and the supported countries.

Imported with the operations registry: a process that only orders numbers loads nothing else.
"""

from chime_mock.operations.phone_numbers import (  # noqa: F401  (registered by import)
    countries,
    inventory,
    numbers,
    orders,
    search,
    settings,
)
