"""Voice Connectors and Voice Connector groups, their configurations (origination, termination,
streaming, logging, emergency calling, ...), E911 address validation and the account's global
settings."""
