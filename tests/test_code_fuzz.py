"""Any text at the pass and disposition checkers gets an answer, never a traceback (issue 14);
the texts are code_strategies'. The scan field of Meja Tamu: tests/gui/test_visitor_desk.py."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from code_strategies import ANY_TEXT, CODES, FUZZ, changed
from kpu_desk.frontdesk import find_visit
from kpu_desk.letters import verify_code
from kpu_desk.security.pass_token import new_pass_token
from kpu_desk.visits import PassRefused, check_pass


def _answers_in_words(check, text: str) -> None:
    try:
        answer = check(text)
    except PassRefused as exc:  # the one refusal the pass checkers raise, with the reason
        assert exc.message.strip()
        return
    assert answer is not None


@FUZZ
@given(text=CODES, position=st.integers(0, 60), inserted=ANY_TEXT)
def test_the_core_checkers_answer_any_text(database, text, position, inserted):
    genuine_pass = new_pass_token()
    for candidate in (text, changed(genuine_pass, position, inserted)):
        _answers_in_words(check_pass, candidate)
        _answers_in_words(find_visit, candidate)
        result = verify_code(candidate)
        assert result.message and not result.ok


@pytest.fixture
def cli_database(sqlite_url):
    from kpu_desk.store import close_database, open_database

    open_database(sqlite_url)
    close_database()
    return sqlite_url


@FUZZ
@given(text=CODES)
def test_the_commands_answer_any_code_in_words(run_cli, cli_database, text):
    for command in (("pass", "check"), ("disposisi", "verify")):
        code, out, err = run_cli("--db", cli_database, *command, text)
        assert code in (1, 2) and out == "", (command, text, err)
        assert err.startswith("kpu-desk: ") and "galat tak terduga" not in err, err
