"""Handlers of Voice Connectors and groups, the numbers associated with them, E911 address
validation and the global settings (Chime SDK Voice's and legacy Chime's).

Their configurations are served by the generic mechanism of operations/configurations.py.
"""

from chime_mock.operations.voice_connectors import (  # noqa: F401  (registered by import)
    associations,
    connectors,
    emergency_addresses,
    global_settings,
)
