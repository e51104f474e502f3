"""Signed guest-pass codes and the installation secret they are signed with."""

from __future__ import annotations

import re

import pytest

from kpu_desk.security.pass_token import PassTokenError, new_pass_token, verify_pass_token

SECRET = bytes(range(32))


def test_round_trip_and_shape():
    payload = new_pass_token(SECRET)
    assert re.fullmatch(r"TM1\.[A-Z2-7]{13}\.[A-Z2-7]{16}", payload)
    assert verify_pass_token(payload, SECRET) == payload.split(".")[1]
    assert verify_pass_token(f"  {payload.lower()} ", SECRET) == payload.split(".")[1]  # typed by hand
    assert new_pass_token(SECRET) != payload


@pytest.mark.parametrize("position", [4, 10, 17, 20, -1])
def test_any_changed_character_is_refused(position):
    payload = new_pass_token(SECRET)
    chars = list(payload)
    chars[position] = "A" if chars[position] != "A" else "B"
    with pytest.raises(PassTokenError, match="tidak sah"):
        verify_pass_token("".join(chars), SECRET)


@pytest.mark.parametrize("payload", ["", "TM1", "TM1..", "TM2.AAAA.BBBB", "https://example.org", "TM1.A.B.C"])
def test_malformed_is_refused(payload):
    with pytest.raises(PassTokenError):
        verify_pass_token(payload, SECRET)


def test_a_foreign_installation_secret_is_refused():
    payload = new_pass_token(SECRET)
    with pytest.raises(PassTokenError):
        verify_pass_token(payload, bytes(32))


def test_installation_secret_is_created_once_and_kept(database):
    from kpu_desk.security.installation import SECRET_KEY, installation_secret
    from kpu_desk.store import models

    assert models.Setting.get_or_none(models.Setting.key == SECRET_KEY) is None
    first = installation_secret()
    assert len(first) == 32
    assert installation_secret() == first
    assert models.Setting.get(models.Setting.key == SECRET_KEY).value == first.hex()
    payload = new_pass_token()  # signed with the stored secret
    assert verify_pass_token(payload) == verify_pass_token(payload, first)
    models.Setting.update(value=bytes(32).hex()).where(models.Setting.key == SECRET_KEY).execute()
    with pytest.raises(PassTokenError):  # another office's secret
        verify_pass_token(payload)
