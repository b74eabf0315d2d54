"""US numbers told apart without importing phonenumbers, from phonenumbers' own US metadata.

Importing phonenumbers costs about a tenth of a new process's start (it builds its whole API and
compiles its regexes at import), and most numbers a test orders are US numbers in E.164 form.
For those, this module applies the same rules phonenumbers applies (a national number is valid
for the US when it matches the US general pattern and one number type's pattern, tried in
phonenumbers' order; the US is the first region of country code 1 and has no leading digits, so
a number valid for the US is placed in the US) to the patterns read from phonenumbers' installed
data file for the US. It answers only when it is sure; any other number, or a data file it does
not recognize, goes to phonenumbers itself (`facts.describe`).
"""

from __future__ import annotations

import ast
import functools
import importlib.util
import re
from pathlib import Path

# Strictly "+1" and ten ASCII digits, the first 2-9 (a leading 1 would be read by phonenumbers
# as the US national prefix). Anything else (spaces, letters, other digits) is phonenumbers'.
_STRICT_US = re.compile(r"\+1[2-9][0-9]{9}")
# phonenumbers tries the number types after the general pattern in its order
# (phonenumberutil._number_type_helper) and the first that matches is the number's type:
# premium_rate, toll_free, then the rest. Only toll_free is "TollFree" and only premium_rate
# comes before it, so the rest are tried with the usual one first: which of them matches does
# not change the answer, and the US fixed-line pattern (every area code) is the one a number
# usually matches. Each pattern is compiled at its first use: the fixed-line one costs a
# millisecond, which a process that orders only toll-free numbers never pays.
_LOCAL_TYPES = (
    "fixed_line", "mobile", "shared_cost", "voip", "personal_number", "pager", "uan", "voicemail",
)  # fmt: skip

_Description = tuple[tuple[int, ...], str]  # possible lengths, the national number pattern


def us_type(e164: str) -> str | None:
    """ "TollFree" or "Local" for a valid US number written strictly as +1 and ten digits; None
    when this module cannot say (ask phonenumbers)."""
    if _STRICT_US.fullmatch(e164) is None:
        return None
    descriptions = _us_descriptions()
    if descriptions is None:
        return None
    national = e164[2:]
    if not _matches(national, descriptions.get("general_desc")):
        return None
    if _matches(national, descriptions.get("premium_rate")):
        return "Local"
    if _matches(national, descriptions.get("toll_free")):
        return "TollFree"
    if any(_matches(national, descriptions.get(name)) for name in _LOCAL_TYPES):
        return "Local"
    return None  # not valid for the US: phonenumbers tries the other regions of +1


def _matches(national: str, description: _Description | None) -> bool:
    if description is None:
        return False
    lengths, pattern = description
    if lengths and len(national) not in lengths:
        return False
    return _compiled(pattern).fullmatch(national) is not None


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@functools.cache
def _us_descriptions() -> dict[str, _Description] | None:
    """Each number description of phonenumbers' US metadata by name, or None when the installed
    data file is not in the shape this module knows."""
    try:
        spec = importlib.util.find_spec("phonenumbers")  # finds the package without importing it
        if spec is None or spec.origin is None:
            return None
        data = Path(spec.origin).parent / "data"
        if re.search(r'^\s*1: \("US",', (data / "__init__.py").read_text("utf-8"), re.M) is None:
            return None  # the US is not the first region of +1 in this version
        return _descriptions((data / "region_US.py").read_text("utf-8"))
    except (OSError, ValueError, SyntaxError, ImportError):
        return None


def _descriptions(source: str) -> dict[str, _Description] | None:
    metadata = next(
        (
            node
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "PhoneMetadata"
        ),
        None,
    )
    if metadata is None:
        return None
    found: dict[str, _Description] = {}
    for keyword in metadata.keywords:
        if keyword.arg in ("id", "country_code"):
            if ast.literal_eval(keyword.value) not in ("US", 1):
                return None
            continue
        if keyword.arg == "leading_digits":
            return None  # phonenumbers would place +1 numbers in the US by these digits
        value = keyword.value
        if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Name)):
            continue
        if value.func.id != "PhoneNumberDesc" or keyword.arg is None:
            continue
        fields = {item.arg: ast.literal_eval(item.value) for item in value.keywords}
        pattern = fields.get("national_number_pattern")
        if not pattern:
            continue  # phonenumbers matches nothing against an empty pattern
        lengths = tuple(fields.get("possible_length") or ())
        found[keyword.arg] = (lengths, pattern)
    return found if "general_desc" in found else None
