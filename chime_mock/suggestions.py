"""Did you mean ...?": the closest few names to one a user got wrong, never the whole catalogue."""

from __future__ import annotations

from collections.abc import Iterable


def unknown(kind: str, name: str, known: Iterable[str], *, listing: int = 8) -> str:
    """`chime_mock: no <kind> <name>; did you mean ...?`, with the closest few of `known` (and
    the whole list when it is short)."""
    known = sorted(known)
    hint = did_you_mean(closest_names(name, known), before="; ")
    if len(known) <= listing:
        hint += f"{' The' if hint else '; the'} {kind}s are: {', '.join(known)}"
    return f"chime_mock: there is no {kind} {name!r}{hint}"


def closest_names(name: str, known: Iterable[str], n: int = 3) -> list[str]:
    """The few of `known` most like `name`: those containing it (or in it), then by difflib."""
    known = list(known)
    folded = name.lower()
    containing = [k for k in known if folded and (folded in k.lower() or k.lower() in folded)]
    import difflib  # here: only a mistake needs it, and every process imports this module

    alike = difflib.get_close_matches(name, known, n=n, cutoff=0.6)
    return list(dict.fromkeys([*sorted(containing, key=len), *alike]))[:n]


def did_you_mean(closest: list[str], *, before: str = "", after: str = "") -> str:
    """`did you mean 'a', 'b' or 'c'?` between `before` and `after`; empty for no names."""
    if not closest:
        return ""
    named = [repr(name) for name in closest]
    listed = ", ".join(named[:-1]) + " or " + named[-1] if len(named) > 1 else named[0]
    return f"{before}did you mean {listed}?{after}"
