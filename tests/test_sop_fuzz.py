"""The loader answers any input with a validation error, never a traceback."""

from __future__ import annotations

import copy
import io
import re

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from conftest import SOPS_DIR
from kpu_desk.sop.issues import SopFileError
from kpu_desk.sop.linter import lint
from kpu_desk.sop.loader import load_sop_text

SHIPPED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SOPS_DIR.glob("*.yaml"))]
_yaml = YAML(typ="safe", pure=True)
SHIPPED_DATA = [_yaml.load(text) for text in SHIPPED_TEXTS]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 200), st.floats(allow_nan=True),
    st.text(max_size=20), st.sampled_from(["start", "process", "decision", "end", "5 menit", "Hari Ke 2", "-", "choice"]),
)
values = st.recursive(scalars, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4), max_leaves=12)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _paths(child, prefix + (key,))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _paths(child, prefix + (index,))


def _mutate(document, path, action, value):
    doc = copy.deepcopy(document)
    if not path:
        return value
    parent = doc
    for part in path[:-1]:
        parent = parent[part]
    key = path[-1]
    if action == "delete":
        del parent[key]
    elif action == "replace":
        parent[key] = value
    else:  # duplicate a list item or add a key next to it
        if isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
        else:
            parent["x_" + str(key)] = value
    return doc


def _dump(document) -> str:
    out = io.StringIO()
    YAML(typ="safe", pure=True).dump(document, out)
    return out.getvalue()


_ENGLISH = re.compile(r"\b(expected|found|while|could not|allowed|scanning|parsing|Error)\b")


def _load_answers_cleanly(text: str) -> None:
    try:
        sop = load_sop_text(text, "fuzz.yaml")
    except SopFileError as exc:
        assert exc.issues and all(issue.message for issue in exc.issues)
        for issue in exc.issues:
            if issue.code == "syntax":  # the parser's own English never reaches the administrator
                assert not _ENGLISH.search(issue.message), issue.message
        return
    lint(sop)  # a loadable definition must lint without crashing too


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_text(text):
    _load_answers_cleanly(text)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_definitions(data):
    document = data.draw(st.sampled_from(SHIPPED_DATA))
    path = data.draw(st.sampled_from(list(_paths(document))))
    action = data.draw(st.sampled_from(["delete", "replace", "add"]) if path else st.just("replace"))
    value = data.draw(values)
    _load_answers_cleanly(_dump(_mutate(document, path, action, value)))


PG_INTEGER = 2**31 - 1  # PostgreSQL's INTEGER; SQLite stores up to 2**63 - 1


def _whole_numbers(sop):
    yield sop.version
    for step in sop.steps:
        yield from (step.no, *step.successors, step.mutu_baku.waktu.amount)
        yield from (n for f in step.form for n in (f.min_length, f.max_length) if n is not None)
    deadline = sop.case.legal_deadline
    if deadline:
        yield from (deadline.working_days, deadline.extension_working_days)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_whole_number_that_loads_fits_both_databases(data):
    # version 9223372036854775807 used to load; the next edit then overflowed every case start.
    document = data.draw(st.sampled_from(SHIPPED_DATA))
    paths = [p for p in _paths(document) if type(_value_at(document, p)) is int]
    path = data.draw(st.sampled_from(paths))
    number = data.draw(st.one_of(st.integers(), st.integers(2**31 - 2, 2**63 + 1), st.integers(-(2**63), 0)))
    try:
        sop = load_sop_text(_dump(_mutate(document, path, "replace", number)), "angka.yaml")
    except SopFileError:
        return
    assert all(-PG_INTEGER <= n <= PG_INTEGER for n in _whole_numbers(sop)), (path, number)


def _value_at(document, path):
    for part in path:
        document = document[part]
    return document


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_text(data):
    text = data.draw(st.sampled_from(SHIPPED_TEXTS))
    start = data.draw(st.integers(0, len(text) - 1))
    length = data.draw(st.integers(0, 40))
    insert = data.draw(st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#\t\n ab1%@`")), max_size=10))
    _load_answers_cleanly(text[:start] + insert + text[start + length:])


def test_yaml_bombs_and_self_references_are_refused():
    for text in ("a: &x [*x]\n", "&a [*a, *a]\n", "[" * 5000, "? [a, b]\n: c\n", "1: x\n"):
        _load_answers_cleanly(text)


@pytest.mark.parametrize(("text", "line", "said"), [
    ("\n&a [*a, *a]\n", 2, "alias YAML merujuk ke dirinya sendiri"),
    ("a: 1\nb: {<<: *a}\n", 2, "alias ('*nama') dipakai sebelum jangkarnya ('&nama') ditulis"),
    ("a: &a [" + ", ".join(["x"] * 200) + "]\nb: &b [" + ", ".join(["*a"] * 200) + "]\n", 1, "lebih dari 20.000 nilai"),
])
def test_aliases_are_refused_at_their_line_when_they_loop_or_explode(text, line, said):
    with pytest.raises(SopFileError) as caught:
        load_sop_text(text, "bom.yaml")
    [issue] = caught.value.issues
    assert issue.line == line and said in issue.message, issue
