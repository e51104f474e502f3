"""Reading a YAML file into plain Python data, remembering the line of every value."""

from __future__ import annotations

import datetime
import math
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.scalarbool import ScalarBoolean

from kpu_desk.sop import yaml_messages
from kpu_desk.sop.lines import LineIndex, Path


class YamlReadError(ValueError):
    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


class _NoAliasComposer(Composer):
    """Refuses anchors (&) and aliases (*): an SOP never needs them, and an alias repeats its
    anchor's whole content, so a few nested ones turn a few KB into billions of values."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None) is not None:
            raise YamlReadError(
                event.start_mark.line + 1,
                "jangkar (&) dan alias (*) YAML tidak dipakai dalam berkas SOP; tulis isinya langsung",
            )
        return super().compose_node(parent, index)


def read_yaml(text: str) -> tuple[Any, LineIndex]:
    """Parse text; raise YamlReadError (Indonesian message, line) on any problem."""
    yaml = YAML(typ="rt", pure=True)
    yaml.Composer = _NoAliasComposer
    try:
        tree = yaml.load(text)
    except YamlReadError:
        raise
    except MarkedYAMLError as exc:
        raise YamlReadError(yaml_messages.line_of(exc), yaml_messages.describe(exc)) from None
    except (YAMLError, RecursionError, ValueError, TypeError, AttributeError):
        raise _unreadable(text) from None
    index = LineIndex()
    try:
        plain = _plain(tree, (), index)
    except RecursionError:
        raise YamlReadError(1, "struktur berkas terlalu dalam") from None
    return plain, index


def _unreadable(text: str) -> YamlReadError:
    # Python refuses to turn more than 4300 digits into a number; the parser does not say where.
    huge = next((run for run in re.finditer(r"\d+", text) if len(run.group()) > 4300), None)
    if huge:
        return YamlReadError(text.count("\n", 0, huge.start()) + 1, "bilangan terlalu panjang")
    return YamlReadError(1, "berkas tidak dapat dibaca sebagai YAML")


def _plain(node: Any, path: Path, index: LineIndex) -> Any:
    if isinstance(node, CommentedMap):
        return _plain_map(node, path, index)
    if isinstance(node, CommentedSeq):
        return _plain_seq(node, path, index)
    value = _plain_scalar(node)
    if isinstance(value, float) and not math.isfinite(value):
        # .nan passes every comparison of the schema's bounds; no SOP needs .inf either.
        raise YamlReadError(index.line_of(path), f"angka '{node}' tidak dapat dipakai; tulis bilangan biasa")
    return value


def _plain_map(node: CommentedMap, path: Path, index: LineIndex) -> dict:
    result = {}
    for key in node:
        line = _line(node.lc.key, key, index.line_of(path))
        if not isinstance(key, str) or isinstance(key, ScalarBoolean):
            raise YamlReadError(line, f"kunci {key!r} harus berupa teks")
        index.lines[path + (str(key),)] = line
        result[str(key)] = _plain(node[key], path + (str(key),), index)
    return result


def _plain_seq(node: CommentedSeq, path: Path, index: LineIndex) -> list:
    result = []
    for position, item in enumerate(node):
        index.lines[path + (position,)] = _line(node.lc.item, position, index.line_of(path))
        result.append(_plain(item, path + (position,), index))
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
