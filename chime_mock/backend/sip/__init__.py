"""SIP media applications, the SIP rules that route calls to them, the calls they place, and the
proxy sessions of Voice Connectors."""
