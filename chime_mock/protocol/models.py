"""The installed botocore service models, loaded once and shared.

The models are the source of truth for routes, shapes and limits; nothing in chime_mock copies
them. Loading is lazy so `import chime_mock` stays cheap.
"""

from __future__ import annotations

import botocore.loaders
import botocore.model

# botocore service name -> the hyphenized service id botocore uses in event names.
MOCKED_SERVICES: dict[str, str] = {
    "chime": "chime",
    "chime-sdk-voice": "chime-sdk-voice",
}


_LOADED: dict[str, botocore.model.ServiceModel] = {}


def service_model(service_name: str) -> botocore.model.ServiceModel:
    """The installed botocore model of `service_name` (e.g. "chime-sdk-voice"), loaded once."""
    found = _LOADED.get(service_name)
    if found is None:
        loader = botocore.loaders.create_loader()
        model = loader.load_service_model(service_name, "service-2")
        found = botocore.model.ServiceModel(model, service_name=service_name)
        found = _LOADED.setdefault(service_name, found)
    return found


def adopt(model: botocore.model.ServiceModel) -> None:
    """Use a client's model of a mocked service, unless one is loaded already.

    The client loaded the same installed model when it was made; loading it again costs a new
    process about 30 ms (botocore lists every installed service to find it, then parses it),
    a tenth of a first test's time.
    """
    _LOADED.setdefault(model.service_name, model)
