"""SOP versions read from the database are cached as JSON by fingerprint: same SOP, no re-parsing."""

from __future__ import annotations

from kpu_desk import engine
from kpu_desk.engine import definition_cache, sops
from kpu_desk.sop.library import load_shipped
from kpu_desk.store import models
from kpu_desk.store.connection import data_dir


def _fresh_process_view(version_id: int):
    sops._parsed.clear()  # what a new process starts with
    return engine.sops.sop_for_version(version_id)


def test_a_cached_definition_gives_the_same_sop_and_a_damaged_one_is_parsed_again(database, monkeypatch):
    engine.sync_definitions(load_shipped())
    row = models.SopVersion.get(models.SopVersion.sop_id == "kupang-pelayanan-publik")
    first = _fresh_process_view(row.id)
    cached = data_dir() / "cache" / "sop" / f"{row.fingerprint}.json"
    assert cached.is_file()

    def no_yaml(*_args, **_kwargs):
        raise AssertionError("the YAML was parsed although the cache holds it")

    parse_document = sops.parse_document
    monkeypatch.setattr(sops, "parse_document", no_yaml)
    again = _fresh_process_view(row.id)
    assert again.steps == first.steps and again.header.name == first.header.name
    assert [s.no for s in again.start_steps] == [1, 5] and again.version == row.version

    # Not monkeypatch.undo(): that would also undo the private data folder of every test.
    monkeypatch.setattr(sops, "parse_document", parse_document)
    cached.write_text("{rusak", encoding="utf-8")
    assert definition_cache.load(row.fingerprint) is None
    assert _fresh_process_view(row.id).steps == first.steps  # parsed from the YAML again
    assert definition_cache.load(row.fingerprint) is not None  # and cached anew
