"""A form field's `pattern`: any pattern checks a form at once, and the linter names what cannot run."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import SOPS_DIR
from kpu_desk.engine.errors import FormError
from kpu_desk.engine.fields import validate_form
from kpu_desk.sop.loader import load_sop_file
from kpu_desk.sop.patterns import full_match
from kpu_desk.validation import UNSTORABLE_TEXT

ORIGINAL = (SOPS_DIR / "karanganyar-pelayanan-umum.yaml").read_text(encoding="utf-8")
SHIPPED_PATTERN = '        max_length: 12\n        pattern: "^[A-Za-z]{1,2} ?[0-9]{1,4} ?[A-Za-z]{0,3}$"\n'
EVIL = "^([A-Za-z]+ ?)+$"  # with re every letter more doubles the time of a failing match
ROOT = Path(__file__).resolve().parents[1]


def _with_pattern(tmp_path: Path, pattern: str) -> Path:
    assert SHIPPED_PATTERN in ORIGINAL
    path = tmp_path / "pola.yaml"
    path.write_text(ORIGINAL.replace(SHIPPED_PATTERN, f"        pattern: {json.dumps(pattern)}\n"), encoding="utf-8")
    return path


_FORM_CHECK = """
import json, sys
from kpu_desk.engine.errors import FormError
from kpu_desk.engine.fields import validate_form
from kpu_desk.sop.loader import load_sop_file
step = load_sop_file(sys.argv[1]).steps[0]
try:
    validate_form(step, {"nomor_kendaraan": sys.argv[2]})
except FormError as exc:
    print(json.dumps(exc.errors["nomor_kendaraan"]))
"""


def test_a_backtracking_pattern_checks_a_form_at_once(tmp_path):
    # 24 letters and a '!' took re.fullmatch 0.6 s, each letter more doubles it: 40 take half a day. The pattern
    # may come from a version stored in the database before any linter looked at it, so the form
    # check itself must be safe. A child process, so that the old behaviour fails instead of hanging.
    path = _with_pattern(tmp_path, EVIL)
    result = subprocess.run([sys.executable, "-c", _FORM_CHECK, str(path), "a" * 40 + "!"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == "Tulis nomor polisi seperti AD 1234 XY"


@pytest.mark.parametrize(("pattern", "said"), [
    (r"^(a)\1$", "rujukan ke kelompok"),
    (r"^(?=AD)[A-Z]+$", "pandang ke depan/belakang"),
    (r"^[A-Z]++$", "pengulangan posesif"),
    (r"^(?>[A-Z]+)$", "kelompok atomik"),
    (r"^(\pL{1,100}){1,9}$", "pola terlalu rumit: lebih dari 8 MiB"),
    (r"^([A-Z]+$", "pola tidak sah: kurung ( tidak ditutup"),
    (r"^[0-9]{,4}$", "pola memakai {,n}, yang di sini berarti teks; tulis {0,n}"),  # Python: 0 to 4, RE2: text
    (r"^[A-Z]+\Z", "(pakai \\z atau $)"),
])
def test_the_linter_names_what_a_pattern_cannot_do(run_cli, tmp_path, pattern, said):
    path = _with_pattern(tmp_path, pattern)
    code, out, _ = run_cli("sop", "check", str(path))
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "key: nomor_kendaraan" in text)
    assert code == 1
    assert f"{path}:{line}: galat: langkah 1, isian 'nomor_kendaraan': pattern: " in out and said in out, out
    assert "Traceback" not in out and "position" not in out


def test_a_pattern_stored_before_the_linter_refused_it_is_a_field_message(tmp_path):
    # Such a version may be in the database: its form says so instead of crashing or accepting.
    step = load_sop_file(_with_pattern(tmp_path, r"^(a)\1$")).steps[0]
    with pytest.raises(FormError) as caught:
        validate_form(step, {"nomor_kendaraan": "aa"})
    assert caught.value.errors["nomor_kendaraan"] == (
        "bentuk isian ini tidak dapat diperiksa: pola (pattern) pada SOP tidak didukung; "
        "minta administrator memperbaiki SOP-nya")


def test_a_value_with_an_undecodable_byte_is_refused_beside_its_field_not_a_crash(tmp_path):
    # A byte the terminal could not decode arrives as a lone surrogate, which RE2 (UTF-8) cannot take:
    # the form refuses the text itself, and the matcher on its own answers "no match" instead of raising.
    step = load_sop_file(_with_pattern(tmp_path, "^[A-Z]+$")).steps[0]
    with pytest.raises(FormError) as caught:
        validate_form(step, {"nomor_kendaraan": "AD\udcff"})
    assert caught.value.errors["nomor_kendaraan"] == UNSTORABLE_TEXT
    assert full_match("^[A-Z]+$", "AD\udcff") is False


def test_digits_in_a_pattern_are_ascii_digits(tmp_path):
    # A NIK or a phone number is read by registers that know 0-9 only; re's \d also takes ١٢٣ and １２３.
    step = load_sop_file(_with_pattern(tmp_path, r"^\d{3}$")).steps[0]
    said = {}
    for digits in ("123", "١٢٣", "１２３"):
        with pytest.raises(FormError) as caught:  # the step's other required fields are left empty
            validate_form(step, {"nomor_kendaraan": digits})
        said[digits] = caught.value.errors.get("nomor_kendaraan")
    refused = "Tulis nomor polisi seperti AD 1234 XY"
    assert said == {"123": None, "١٢٣": refused, "１２３": refused}


# --- on ASCII text a pattern means what re.fullmatch means -------------------------------------

_ATOMS = st.sampled_from(["a", "b", "A", "1", " ", ".", "[ab]", "[^a]", "[a-c1]", r"\d", r"\w", r"\s", r"\S", r"\W",
                          r"\.", "^", "$", r"\b", r"\B", r"\A", "(?:)"])
_QUANTIFIERS = st.sampled_from(["", "*", "+", "?", "{2}", "{0,2}", "{1,3}", "*?", "+?", "{2,}"])


def _combine(children):
    def sequence(parts):
        return "".join(parts)

    def alternation(parts):
        return "(?:" + "|".join(parts) + ")"

    def quantified(pair):
        body, quantifier = pair
        return f"(?:{body}){quantifier}"

    return st.one_of(
        st.lists(children, min_size=1, max_size=3).map(sequence),
        st.lists(children, min_size=1, max_size=3).map(alternation),
        st.tuples(children, _QUANTIFIERS).map(quantified),
        children.map(lambda body: f"({body})"),
    )


_PATTERNS = st.tuples(st.sampled_from(["", "(?i)", "(?s)", "(?m)", "(?is)"]),
                      st.recursive(_ATOMS, _combine, max_leaves=8)).map("".join)


@settings(max_examples=400, deadline=None)
@given(_PATTERNS, st.text(alphabet="abAB1 _.\n", max_size=8))
def test_on_ascii_text_a_pattern_matches_what_re_matches(pattern, text):
    # The SOP authors' reference is Python's re: the wrapper must keep its whole-text meaning and flags.
    assume(text or r"\B" not in pattern)  # \B holds in an empty text for RE2 and Python 3.14, not 3.11
    assert full_match(pattern, text) == bool(re.fullmatch(pattern, text)), (pattern, text)
