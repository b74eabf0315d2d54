"""The model-driven rest-json protocol: knows botocore service models, nothing about Chime."""
