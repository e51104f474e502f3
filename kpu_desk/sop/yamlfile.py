"""Reading a YAML file into plain Python data, remembering the line of every value."""

from __future__ import annotations

import datetime
import math
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.scalarbool import ScalarBoolean

from kpu_desk.sop import yaml_messages
from kpu_desk.sop.lines import LineIndex, Path


class YamlReadError(ValueError):
    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


# Thirty times the values of the longest signed SOP (674). An alias (*name) repeats its anchor's
# whole content, and each use counts: a few nested aliases would otherwise make billions of values.
MAX_VALUES = 20_000


def read_yaml(text: str) -> tuple[Any, LineIndex]:
    """Parse text; raise YamlReadError (Indonesian message, line) on any problem."""
    try:
        tree = YAML(typ="rt", pure=True).load(text)
    except MarkedYAMLError as exc:
        raise YamlReadError(yaml_messages.line_of(exc), yaml_messages.describe(exc)) from None
    except (YAMLError, RecursionError, ValueError, TypeError, AttributeError):
        raise _unreadable(text) from None
    reader = _PlainReader()
    try:
        plain = reader.plain(tree, ())
    except RecursionError:
        raise YamlReadError(1, "struktur berkas terlalu dalam") from None
    return plain, reader.index


def _unreadable(text: str) -> YamlReadError:
    # Python refuses to turn more than 4300 digits into a number; the parser does not say where.
    huge = next((run for run in re.finditer(r"\d+", text) if len(run.group()) > 4300), None)
    if huge:
        return YamlReadError(text.count("\n", 0, huge.start()) + 1, "bilangan terlalu panjang")
    return YamlReadError(1, "berkas tidak dapat dibaca sebagai YAML")


class _PlainReader:
    """Turns ruamel's tree into dicts, lists and scalars, noting the line of each value."""

    def __init__(self) -> None:
        self.index = LineIndex()
        self.values = 0
        self.open: set[int] = set()  # the collections being read: an alias back into one is a loop

    def plain(self, node: Any, path: Path) -> Any:
        self.values += 1
        if self.values > MAX_VALUES:
            raise YamlReadError(self.index.line_of(path), f"berkas berisi lebih dari {MAX_VALUES:,} nilai".replace(",", ".")
                                + " (setiap pemakaian alias YAML '*' ikut dihitung)")
        if isinstance(node, (CommentedMap, CommentedSeq)):
            return self.collection(node, path)
        value = _plain_scalar(node)
        if isinstance(value, float) and not math.isfinite(value):
            # .nan passes every comparison of the schema's bounds; no SOP needs .inf either.
            raise YamlReadError(self.index.line_of(path), f"angka '{node}' tidak dapat dipakai; tulis bilangan biasa")
        return value

    def collection(self, node: CommentedMap | CommentedSeq, path: Path) -> dict | list:
        if id(node) in self.open:
            raise YamlReadError(self.index.line_of(path), "alias YAML merujuk ke dirinya sendiri")
        self.open.add(id(node))
        try:
            return self.mapping(node, path) if isinstance(node, CommentedMap) else self.sequence(node, path)
        finally:
            self.open.discard(id(node))

    def mapping(self, node: CommentedMap, path: Path) -> dict:
        result = {}
        for key in node:
            line = _line(node.lc.key, key, self.index.line_of(path))
            if not isinstance(key, str) or isinstance(key, ScalarBoolean):
                raise YamlReadError(line, f"kunci {key!r} harus berupa teks")
            self.index.lines[path + (str(key),)] = line
            result[str(key)] = self.plain(node[key], path + (str(key),))
        return result

    def sequence(self, node: CommentedSeq, path: Path) -> list:
        result = []
        for position, item in enumerate(node):
            self.index.lines[path + (position,)] = _line(node.lc.item, position, self.index.line_of(path))
            result.append(self.plain(item, path + (position,)))
        return result


def _line(locate, key: Any, fallback: int) -> int:
    try:
        return locate(key)[0] + 1
    except (KeyError, IndexError, TypeError, AttributeError):
        return fallback


def _plain_scalar(node: Any) -> Any:
    if isinstance(node, ScalarBoolean) or isinstance(node, bool):
        return bool(node)
    if isinstance(node, str):
        return str(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, (datetime.date, datetime.datetime)) or node is None:
        return node
    return str(node)
