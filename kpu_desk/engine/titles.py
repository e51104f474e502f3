"""A case's title in lists, made from its recorded fields by the SOP's `case.title` template."""

from __future__ import annotations

import re
from typing import Any, Mapping

MAX_TITLE = 250
_FIELD = re.compile(r"\{(\w+)\}")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)")
# What is left at the ends when a field is still empty: "Budi —", "(2026)" → "".
_DANGLING = " \t—–-,;:|/"


def template_keys(template: str) -> set[str]:
    return set(_FIELD.findall(template))


def render_title(template: str, data: Mapping[str, Any]) -> str:
    """Fill the template; a field not recorded yet is empty, and what dangles is trimmed."""
    text = _FIELD.sub(lambda m: _as_text(data.get(m.group(1))), template)
    text = " ".join(_EMPTY_BRACKETS.sub("", text).split()).strip(_DANGLING)
    return text if len(text) <= MAX_TITLE else text[: MAX_TITLE - 1].rstrip() + "…"


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return " ".join(str(value).split())
