import pytest

from kpu_desk.security.passwords import WeakPassword, hash_password, needs_rehash, verify_password


def test_a_password_verifies_and_a_wrong_one_does_not():
    stored = hash_password("rahasia123")
    assert stored.startswith("$argon2id$") and "rahasia123" not in stored
    assert verify_password(stored, "rahasia123")
    assert not verify_password(stored, "rahasia124")
    assert not verify_password("bukan-hash", "rahasia123")
    assert not needs_rehash(stored)


@pytest.mark.parametrize("weak, message", [("abc12", "minimal 8"), ("12345678", "huruf dan angka"), ("abcdefgh", "huruf dan angka")])
def test_weak_passwords_are_refused_in_indonesian(weak, message):
    with pytest.raises(WeakPassword, match=message):
        hash_password(weak)
