"""The installed botocore service models, loaded once and shared.

The models are the source of truth for routes, shapes and limits; nothing in chime_mock copies
them. Loading is lazy so `import chime_mock` stays cheap.
"""

from __future__ import annotations

import functools

import botocore.loaders
import botocore.model

# botocore service name -> the hyphenized service id botocore uses in event names.
MOCKED_SERVICES: dict[str, str] = {
    "chime": "chime",
    "chime-sdk-voice": "chime-sdk-voice",
}


@functools.cache
def service_model(service_name: str) -> botocore.model.ServiceModel:
    """The installed botocore model of `service_name` (e.g. "chime-sdk-voice"), loaded once."""
    loader = botocore.loaders.create_loader()
    model = loader.load_service_model(service_name, "service-2")
    return botocore.model.ServiceModel(model, service_name=service_name)
