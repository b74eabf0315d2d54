"""TagResource, UntagResource, ListTagsForResource: every taggable resource, by its ARN."""

from __future__ import annotations

from typing import Any

from chime_mock.backend import tags
from chime_mock.operations import VOICE, Call, handles


@handles("TagResource", services=VOICE)
def tag_resource(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    record = tags.resource(call.inventory, params["ResourceARN"])
    tags.tag(record, params["Tags"], call.backend.quotas)
    return {}


@handles("UntagResource", services=VOICE)
def untag_resource(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    tags.untag(tags.resource(call.inventory, params["ResourceARN"]), params["TagKeys"])
    return {}


@handles("ListTagsForResource", services=VOICE)
def list_tags_for_resource(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    return {"Tags": tags.tag_list(tags.resource(call.inventory, params["ResourceARN"]))}
