"""Reading a YAML file into plain Python data, remembering the line of every value."""

from __future__ import annotations

import datetime
import math
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.scalarbool import ScalarBoolean

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
        raise YamlReadError(_mark_line(exc), _describe_yaml_error(exc)) from None
    except (YAMLError, RecursionError, ValueError, TypeError, AttributeError) as exc:
        raise YamlReadError(1, f"berkas tidak dapat dibaca sebagai YAML ({type(exc).__name__})") from None
    index = LineIndex()
    try:
        plain = _plain(tree, (), index)
    except RecursionError:
        raise YamlReadError(1, "struktur berkas terlalu dalam") from None
    return plain, index


def _mark_line(exc: MarkedYAMLError) -> int:
    mark = exc.problem_mark or exc.context_mark
    return mark.line + 1 if mark is not None else 1


def _describe_yaml_error(exc: MarkedYAMLError) -> str:
    problem = (exc.problem or exc.context or "kesalahan sintaks").strip()
    if "duplicate key" in problem:
        return "kunci yang sama ditulis dua kali"
    return f"sintaks YAML tidak sah: {problem}"


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
