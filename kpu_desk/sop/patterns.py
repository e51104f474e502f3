"""A form field's `pattern`, matched in time proportional to the input, whatever the pattern.

Python's `re` backtracks: `^([A-Za-z]+ ?)+$` takes seconds on 30 letters and a '!', twice as
long with each letter more. A pattern stored with an older version of an SOP is still used by
that version's cases, so refusing such patterns in the linter is not enough: every pattern runs
on RE2 (google-re2), which follows all the ways of matching at once and never backtracks.

The syntax is RE2's: Python's without back-references, look-arounds, atomic groups, possessive
repeats and conditionals, which RE2 refuses. `\\d \\w \\s \\b` are ASCII, as a NIK, a phone
number or a vehicle plate wants (Python's `\\d` also takes Arabic-Indic and full-width digits,
which no register downstream reads); `\\pL` is any letter.
"""

from __future__ import annotations

import re
from functools import lru_cache

import re2

# RE2's own default, stated: it bounds compile time and the automaton, so the matching time.
MAX_MEMORY = 8 << 20
# Python reads `{,4}` as 0 to 4 repeats, RE2 as the text "{,4}": refused, so the two never differ.
_PYTHON_ONLY_COUNT = re.compile(r"(?<!\\)\{,[0-9]*\}")


class PatternError(ValueError):
    """A pattern the form check cannot run; the message is Indonesian."""


def full_match(pattern: str, text: str) -> bool:
    """Whether the whole text matches; raise PatternError for an unusable pattern."""
    regexp = compile_pattern(pattern)
    try:
        return regexp.fullmatch(text) is not None
    except UnicodeEncodeError:  # a lone surrogate (an undecodable byte) is no text a pattern describes
        return False


@lru_cache(maxsize=256)
def compile_pattern(pattern: str):
    """The compiled pattern; raise PatternError (Indonesian) when RE2 cannot run it."""
    if _PYTHON_ONLY_COUNT.search(pattern):
        raise PatternError("pola memakai {,n}, yang di sini berarti teks; tulis {0,n}")
    options = re2.Options()
    options.max_mem = MAX_MEMORY
    options.never_capture = True  # only yes or no is asked: no group positions to track
    options.log_errors = False  # RE2 would print the pattern on standard error
    try:
        return re2.compile(pattern, options)
    except re2.error as exc:
        raise PatternError(_explain(_text(exc))) from None
    except UnicodeEncodeError:
        raise PatternError("pola tidak sah: memuat huruf yang tidak dapat dibaca") from None


def _text(exc: Exception) -> str:
    message = exc.args[0] if exc.args else ""
    return message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)


# What RE2 refuses on purpose, by the fragment its message names.
_UNSUPPORTED = {
    "(?=": "pandang ke depan/belakang (?=..)", "(?!": "pandang ke depan/belakang (?!..)",
    "(?<=": "pandang ke depan/belakang (?<=..)", "(?<!": "pandang ke depan/belakang (?<!..)",
    "(?>": "kelompok atomik (?>..)", "(?(": "syarat (?(1)..)", "(?P": "rujukan ke kelompok (?P=..)",
}
# RE2's error wording (re2/regexp.cc), in Bahasa Indonesia.
_MEANINGS = {
    "invalid escape sequence": "garis miring terbalik yang tidak dikenal",
    "invalid character class range": "rentang atau kelas [..] yang tidak sah",
    "invalid character class": "kelas [..] yang tidak sah",
    "missing ]": "kurung [ tidak ditutup",
    "missing )": "kurung ( tidak ditutup",
    "unexpected )": "kurung ) tanpa pasangan",
    "trailing \\": "garis miring terbalik di akhir pola",
    "no argument for repetition operator": "pengulangan tanpa apa pun yang diulang",
    "invalid repetition size": "jumlah pengulangan lebih dari 1000",
    "bad repetition operator": "pengulangan ganda",
    "invalid perl operator": "penanda (?..) yang tidak dikenal",
    "invalid named capture group": "nama kelompok yang tidak sah",
    "invalid UTF-8": "huruf yang tidak dapat dibaca",
}
_HINTS = {"\\Z": " (pakai \\z atau $)", "invalid perl operator": " (yang dikenal: (?i) (?s) (?m) dan (?:..))"}


def _explain(error: str) -> str:
    code, _, fragment = error.partition(": ")
    if code == "pattern too large - compile failed":
        return f"pola terlalu rumit: lebih dari {MAX_MEMORY >> 20} MiB untuk pencocokannya; sederhanakan"
    if code == "invalid escape sequence" and fragment[1:2].isdigit():
        return f"pola memakai bagian yang tidak didukung (rujukan ke kelompok, {fragment})"
    if code == "bad repetition operator" and fragment.endswith("+"):
        return f"pola memakai bagian yang tidak didukung (pengulangan posesif {fragment})"
    unsupported = next((said for start, said in _UNSUPPORTED.items() if fragment.startswith(start)), None)
    if code == "invalid perl operator" and unsupported:
        return f"pola memakai bagian yang tidak didukung ({unsupported})"
    hint = _HINTS.get(fragment, _HINTS.get(code, ""))
    meaning = _MEANINGS.get(code, "bentuknya tidak dapat dibaca")
    return f"pola tidak sah: {meaning}" + (f": {fragment}" if fragment else "") + hint
