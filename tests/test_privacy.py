"""Who sees whole NIKs and phone numbers: one policy (kpu_desk.privacy) for screens, exports and searches."""

from __future__ import annotations

from datetime import datetime

import pytest

from kpu_desk import privacy
from kpu_desk.guestbook import GuestbookQuery, search_visits
from kpu_desk.nik import mask_nik
from visitor_support import NIK, PHONE, make_visit

T = datetime(2026, 3, 2, 9, 0)


@pytest.mark.parametrize("roles, sees", [
    ({"resepsionis"}, True), ({"administrator"}, True), ({"staf", "administrator"}, True),
    ({"pimpinan"}, False), ({"sekretaris"}, False), ({"ppid"}, False), ({"staf"}, False), (set(), False),
    (None, False),
])
def test_policy_by_role(roles, sees):
    assert privacy.sees_personal_data(roles) is sees
    assert privacy.shown_nik(NIK, roles) == (NIK if sees else "331301**********")
    assert privacy.shown_phone(PHONE, roles) == (PHONE if sees else "0812*****890")


def test_one_masking_function_for_nik():
    assert privacy.shown_nik("3313 0145 0890 0001", {"staf"}) == mask_nik(NIK)
    assert privacy.shown_nik(None, {"resepsionis"}) == "" and privacy.shown_phone("", {"staf"}) == ""
    assert privacy.mask_phone("0812") == "****"


def test_exact_identity_only_for_whole_numbers_and_allowed_roles():
    assert privacy.exact_identity(NIK, {"resepsionis"}) == ("nik", NIK)
    assert privacy.exact_identity("+62 812-3456-7890", {"administrator"}) == ("phone", PHONE)
    assert privacy.exact_identity(NIK, {"staf"}) is None
    assert privacy.exact_identity("331301", {"resepsionis"}) is None
    assert privacy.exact_identity("331301**********", {"resepsionis"}) is None


@pytest.fixture
def visit(database):
    from engine_support import sync_shipped

    sync_shipped()
    return make_visit("Wulan Sari", T)


@pytest.mark.parametrize("roles, visible", [({"resepsionis"}, True), ({"pimpinan"}, False)])
def test_guestbook_rows_are_masked_by_role(visit, roles, visible):
    [row] = search_visits(GuestbookQuery("wulan"), roles)
    assert (row.nik == NIK) is visible and (row.phone == PHONE) is visible
    assert row.nik.startswith("331301")


@pytest.mark.parametrize("text", ["331301**********", "0812*****890", "3313014508", "08123456", "*****"])
def test_masked_or_partial_numbers_never_match(visit, text):
    for roles in ({"resepsionis"}, {"staf"}):
        assert search_visits(GuestbookQuery(text), roles) == []


def test_whole_numbers_match_only_for_roles_that_see_them(visit):
    assert [r.name for r in search_visits(GuestbookQuery(NIK), {"resepsionis"})] == ["Wulan Sari"]
    assert [r.name for r in search_visits(GuestbookQuery("0812-3456-7890"), {"administrator"})] == ["Wulan Sari"]
    assert search_visits(GuestbookQuery(NIK), {"staf"}) == []
