"""Accounts: creating users, roles, signing in with a lock after repeated failures, lanes by role or name."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from kpu_desk import accounts
from kpu_desk.store import models
from kpu_desk.validation import FormError

NOW = datetime(2026, 3, 2, 10, 32)
PASSWORD = "rahasia2026"


@pytest.fixture
def clerk(database):
    return accounts.create_user("sri", "Sri Wahyuni", PASSWORD, {"resepsionis"},
                                jabatan="Petugas Jagat Saksana", nip="19870312 201012 1 002")


def test_a_new_user_has_a_hashed_password_roles_and_a_clean_nip(clerk):
    assert clerk.password_hash.startswith("$argon2id$") and PASSWORD not in clerk.password_hash
    assert clerk.nip == "198703122010121002"
    assert accounts.roles_of(clerk) == {"resepsionis"}
    assert [row.username for row in accounts.list_users()] == ["sri"]
    assert models.AuditEntry.select().where(models.AuditEntry.action == "user.create").count() == 1


def test_every_bad_field_is_reported_at_once(database):
    with pytest.raises(FormError) as caught:
        accounts.create_user("A b", "", "pendek", {"tukang_sapu"}, nip="123")
    assert set(caught.value.errors) == {"username", "full_name", "password", "roles", "nip"}
    assert "18 angka" in caught.value.errors["nip"]
    assert not models.User.select().exists()


def test_a_username_is_taken_once(clerk):
    with pytest.raises(FormError) as caught:
        accounts.create_user("SRI", "Sri Lain", PASSWORD, {"staf"})
    assert caught.value.errors == {"username": "nama pengguna 'sri' sudah dipakai"}


def test_the_right_password_signs_in_and_resets_the_failures(clerk):
    with pytest.raises(accounts.SignInError):
        accounts.authenticate("sri", "salah-salah1", now=NOW)
    assert models.User.get_by_id(clerk.id).failed_logins == 1
    user = accounts.authenticate(" SRI ", PASSWORD, now=NOW)
    assert user.id == clerk.id and user.failed_logins == 0


def test_unknown_user_and_wrong_password_read_the_same(clerk):
    with pytest.raises(accounts.SignInError) as unknown:
        accounts.authenticate("tidakada", PASSWORD, now=NOW)
    with pytest.raises(accounts.SignInError) as wrong:
        accounts.authenticate("sri", "salah-salah1", now=NOW)
    assert str(unknown.value) == "Nama pengguna atau kata sandi salah."
    assert str(wrong.value).startswith(str(unknown.value)) and "Sisa 4 kali" in str(wrong.value)


def test_five_failures_lock_the_account_for_ten_minutes(clerk):
    for attempt in range(accounts.MAX_FAILURES - 1):
        with pytest.raises(accounts.SignInError, match="salah"):
            accounts.authenticate("sri", f"salah-{attempt}x", now=NOW)
    with pytest.raises(accounts.SignInError) as locked:
        accounts.authenticate("sri", "salah-terakhir1", now=NOW)
    assert str(locked.value) == "Akun terkunci sampai 10.42 karena terlalu banyak percobaan."
    with pytest.raises(accounts.SignInError, match="terkunci sampai 10.42"):  # even the right password waits
        accounts.authenticate("sri", PASSWORD, now=NOW + timedelta(minutes=9))
    assert accounts.authenticate("sri", PASSWORD, now=NOW + timedelta(minutes=10, seconds=1)).id == clerk.id
    actions = [e.action for e in models.AuditEntry.select().order_by(models.AuditEntry.id)]
    assert actions.count("user.signin_failed") == 4 and actions.count("user.locked") == 1


def test_a_deactivated_user_cannot_sign_in(clerk):
    accounts.create_user("admin", "Rudi", PASSWORD, {"administrator"})
    accounts.deactivate("sri", actor="admin")
    with pytest.raises(accounts.SignInError, match="dinonaktifkan"):
        accounts.authenticate("sri", PASSWORD, now=NOW)
    accounts.activate("sri", actor="admin")
    assert accounts.authenticate("sri", PASSWORD, now=NOW).active


def test_the_last_administrator_stays(database):
    accounts.create_user("admin", "Rudi", PASSWORD, {"administrator"})
    with pytest.raises(FormError, match="paling sedikit satu administrator"):
        accounts.deactivate("admin")
    with pytest.raises(FormError, match="paling sedikit satu administrator"):
        accounts.set_roles("admin", {"staf"})
    accounts.create_user("admin2", "Dewi", PASSWORD, {"administrator"})
    accounts.set_roles("admin", {"staf", "ppid"})
    assert accounts.roles_of(accounts.find_user("admin")) == {"staf", "ppid"}


def test_update_changes_jabatan_nip_and_a_new_password_lifts_the_lock(clerk):
    models.User.update(locked_until=NOW + timedelta(minutes=5)).execute()
    accounts.update_user("sri", full_name="Sri Wahyuni, S.Sos.", jabatan="Resepsionis", nip="",
                         password="baru-sandi-9")
    user = accounts.authenticate("sri", "baru-sandi-9", now=NOW)
    assert (user.full_name, user.jabatan, user.nip) == ("Sri Wahyuni, S.Sos.", "Resepsionis", "")
    with pytest.raises(FormError) as caught:
        accounts.update_user("sri", full_name=" ", nip="12")
    assert set(caught.value.errors) == {"full_name", "nip"}


def test_a_name_and_roles_change_together_or_not_at_all(clerk):
    with pytest.raises(FormError) as caught:
        accounts.update_user("sri", full_name="Sri Wahyuni, S.Sos.", roles=set())
    assert set(caught.value.errors) == {"roles"}
    user = accounts.find_user("sri")
    assert user.full_name != "Sri Wahyuni, S.Sos." and accounts.roles_of(user)
    accounts.update_user("sri", full_name="Sri Wahyuni, S.Sos.", roles={"staf", "ppid"})
    user = accounts.find_user("sri")
    assert (user.full_name, accounts.roles_of(user)) == ("Sri Wahyuni, S.Sos.", {"staf", "ppid"})


def test_lanes_come_from_roles_and_from_named_users(clerk):
    from tests_support_sops import register

    register("karanganyar-pelayanan-umum")
    assert accounts.lanes_of_user(clerk) == set()
    accounts.set_lane_assignment("karanganyar-pelayanan-umum", "jagat_saksana", roles={"resepsionis"})
    assert accounts.lanes_of_user(clerk) == {("karanganyar-pelayanan-umum", "jagat_saksana")}
    other = accounts.create_user("teguh", "Teguh", PASSWORD, {"staf"})
    accounts.set_lane_assignment("karanganyar-pelayanan-umum", "pramusaji", users={"teguh"})
    assert accounts.lanes_of_user(other) == {("karanganyar-pelayanan-umum", "pramusaji")}
    mapping = accounts.lane_assignments("karanganyar-pelayanan-umum")
    assert mapping["pramusaji"] == accounts.LaneActors(users=frozenset({"teguh"}))
    accounts.set_lane_assignment("karanganyar-pelayanan-umum", "jagat_saksana", roles=())  # nobody now
    assert accounts.lanes_of_user(clerk) == set()


def test_a_lane_the_sop_does_not_have_is_refused(clerk):
    from tests_support_sops import register

    register("karanganyar-pelayanan-umum")
    with pytest.raises(FormError) as caught:
        accounts.set_lane_assignment("karanganyar-pelayanan-umum", "satpam", roles={"kurir"})
    assert set(caught.value.errors) == {"lane", "roles"}
