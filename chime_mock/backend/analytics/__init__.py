"""Voice analytics: voice profile domains, voice profiles, and speaker search and voice tone
analysis tasks, with their lifetimes on the mock's clock."""
