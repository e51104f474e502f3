"""Texts a scanner or a clerk may give a code checker, for the fuzz tests (issue 14).

Arbitrary Unicode (lone surrogates, as a byte that is not UTF-8 arrives from a command line,
and NUL included), and codes of the right shape with something changed. The examples are
derived from each test's name (derandomize) and no example database is kept, so every run,
on every machine, tries the same texts.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FUZZ = settings(max_examples=60, derandomize=True, database=None, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates too
ANY_TEXT = st.text(ANY_CHARACTER, max_size=40)
_BASE32 = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", max_size=20)
_NUMBERS = st.one_of(st.integers(0, 10**30).map(str), st.text("0123456789\u00b2\u0663\uff11", min_size=1, max_size=30))
_JUNK = st.text(st.sampled_from(" \t\r\n\x1d\x00\u00a0\u200b\u200e\u2060\ufeff\u00c9\udcff"), max_size=3)


@st.composite
def _near_codes(draw) -> str:
    """A code of one of the two shapes, each part drawn from the right or from any alphabet."""
    prefix = draw(st.sampled_from(["TM1", "DS1", "tm1", "DS2", "TM1\u200b", ""]))
    middle = draw(st.one_of(_BASE32, _NUMBERS, ANY_TEXT))
    signature = draw(st.one_of(_BASE32, ANY_TEXT))
    return f"{draw(_JUNK)}{prefix}.{middle}.{signature}{draw(_JUNK)}"


def changed(code: str, position: int, text: str) -> str:
    position %= len(code) + 1
    return code[:position] + text + code[position:]


CODES = st.one_of(ANY_TEXT, _near_codes())
