"""Every Alt+letter of a form reaches one widget: no mnemonic twice among what is shown together.

Read from the Qt Designer files (no Qt needed). A mnemonic is the letter after a single "&"
in a button's, check box's or group box's text, a tab's title, or a label's text when the
label has a buddy (without one Qt shows the "&" as it is). Widgets on different pages of a
QTabWidget, QStackedWidget, QToolBox or QWizard are never shown together, so they may share
a letter; everything else in the file may not.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[1] / "ui"
PAGED = {"QTabWidget", "QStackedWidget", "QToolBox", "QWizard"}
# Forms with a known clash, marked xfail(strict) until fixed; none now.
REPORTED: dict[str, str] = {}


def mnemonic(text: str) -> str | None:
    match = re.search(r"&(\S)", (text or "").replace("&&", ""))
    return match.group(1).lower() if match else None


def _own_mnemonic(widget: ET.Element) -> str | None:
    props = {p.get("name"): p for p in widget.findall("property")}
    if widget.get("class") == "QLabel" and "buddy" not in props:
        return None
    for key in ("text", "title"):
        string = props[key].find("string") if key in props else None
        if string is not None and mnemonic(string.text):
            return mnemonic(string.text)
    return None


def _children(node: ET.Element):
    for child in node:
        if child.tag == "widget":
            yield child
        elif child.tag in ("layout", "item"):
            yield from _children(child)


def _walk(widget: ET.Element, pages: tuple):
    """(letter, widget name, the pages it sits on as ((container, index), …)) for each mnemonic."""
    own = _own_mnemonic(widget)
    if own:
        yield own, widget.get("name"), pages
    paged = widget.get("class") in PAGED
    for index, child in enumerate(_children(widget)):
        if not paged:
            yield from _walk(child, pages)
            continue
        title = child.find("attribute[@name='title']/string")
        if title is not None and mnemonic(title.text):
            yield mnemonic(title.text), f"{widget.get('name')}[{child.get('name')}]", pages
        yield from _walk(child, pages + ((widget.get("name"), index),))


def _shown_together(a: tuple, b: tuple) -> bool:
    pages_a, pages_b = dict(a), dict(b)
    return all(pages_a[key] == pages_b[key] for key in pages_a.keys() & pages_b.keys())


def clashes(path: Path) -> list[str]:
    found = list(_walk(ET.parse(path).getroot().find("widget"), ()))
    return [f"Alt+{a[0].upper()}: {a[1]} / {b[1]}" for a, b in itertools.combinations(found, 2)
            if a[0] == b[0] and _shown_together(a[2], b[2])]


def _forms() -> list:
    forms = []
    for path in sorted(UI.rglob("*.ui")):
        name = path.relative_to(UI).as_posix()
        marks = [pytest.mark.xfail(reason=f"reported: {REPORTED[name]}", strict=True)] if name in REPORTED else []
        forms.append(pytest.param(path, id=name, marks=marks))
    return forms


@pytest.mark.parametrize("path", _forms())
def test_no_mnemonic_twice_in_a_form(path):
    assert clashes(path) == []


def test_the_check_sees_a_clash_and_leaves_pages_apart(tmp_path):
    form = tmp_path / "form.ui"
    form.write_text("""<ui version="4.0"><widget class="QDialog" name="D"><layout class="QVBoxLayout" name="l">
      <item><widget class="QLabel" name="a"><property name="text"><string>&amp;Batas</string></property>
        <property name="buddy"><cstring>x</cstring></property></widget></item>
      <item><widget class="QLabel" name="plain"><property name="text"><string>Surat &amp;amp; B</string></property>
        </widget></item>
      <item><widget class="QTabWidget" name="tabs">
        <widget class="QWidget" name="p1"><layout class="QVBoxLayout" name="l1"><item>
          <widget class="QPushButton" name="one"><property name="text"><string>&amp;Cari</string></property></widget>
        </item></layout></widget>
        <widget class="QWidget" name="p2"><layout class="QVBoxLayout" name="l2"><item>
          <widget class="QPushButton" name="two"><property name="text"><string>&amp;Cetak</string></property></widget>
        </item></layout></widget></widget></item>
      <item><widget class="QPushButton" name="b"><property name="text"><string>&amp;Batal</string></property></widget>
      </item></layout></widget></ui>""", encoding="utf-8")
    assert clashes(form) == ["Alt+B: a / b"]
