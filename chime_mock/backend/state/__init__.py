"""State files: the codec that turns records into JSON and back by their declared types
(`codec`, with what a declared type says in `declared`, and the compact tables of orders and
numbers in `tables`), the checks a loaded state must pass beyond its types (`checks`), and the
file itself: its parts, writing and loading (`files`, `writing`)."""
