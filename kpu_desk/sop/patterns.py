"""A form field's `pattern`, matched in time proportional to the input, whatever the pattern.

Python's `re` backtracks: `^([A-Za-z]+ ?)+$` takes seconds on 30 letters and a '!', twice
as long with each letter more, and `re` has no time limit. A pattern stored with an older
version of an SOP is still used by that version's cases, so refusing such patterns in the
linter is not enough: every pattern runs here instead, on a Thompson automaton that follows
all the ways of matching at once (Pike's VM): one step per character and automaton state.

The pattern is parsed by `re`'s own parser, so the syntax is Python's; what an automaton
cannot do (back-references, look-arounds, atomic groups, possessive repeats) is refused with
an Indonesian message, and so is a pattern that would need more than MAX_STATES states.
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as sre  # type: ignore[attr-defined]  # re's own parser (Python 3.11+)
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Callable

# A state per character of a 200-character pattern, and room for short counted repeats.
MAX_STATES = 500

_CHAR, _SPLIT, _JUMP, _AT, _MATCH = range(5)
CharTest = Callable[[str], bool]


class PatternError(ValueError):
    """A pattern the form check cannot run; the message is Indonesian."""


def full_match(pattern: str, text: str) -> bool:
    """Whether the whole text matches, like re.fullmatch; raise PatternError for an unusable pattern."""
    program = compile_pattern(pattern)
    states = _closure(program, {0}, text, 0)
    for position, char in enumerate(text):
        moved = {pc + 1 for pc in states if program[pc][0] == _CHAR and program[pc][1](char)}
        states = _closure(program, moved, text, position + 1)
        if not states:
            return False
    return any(program[pc][0] == _MATCH for pc in states)


@lru_cache(maxsize=256)
def compile_pattern(pattern: str) -> tuple[tuple, ...]:
    """The automaton of a pattern; raise PatternError (Indonesian) when it cannot be one."""
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError, OverflowError) as exc:
        raise PatternError(f"pola tidak sah: {_re_error_text(exc)}") from None
    builder = _Builder()
    try:
        builder.emit(parsed, parsed.state.flags)
    except RecursionError:
        raise PatternError("pola terlalu bertingkat") from None
    builder.add((_MATCH,))
    return tuple(tuple(instruction) for instruction in builder.program)


def _re_error_text(exc: Exception) -> str:
    where = getattr(exc, "pos", None)
    return "bentuknya tidak dapat dibaca" + (f" (di huruf ke-{where + 1})" if where is not None else "")


class _Builder:
    def __init__(self) -> None:
        self.program: list[list] = []

    def add(self, instruction: tuple) -> int:
        if len(self.program) >= MAX_STATES:
            raise PatternError(f"pola terlalu rumit: lebih dari {MAX_STATES} langkah pencocokan; sederhanakan")
        self.program.append(list(instruction))
        return len(self.program) - 1

    def emit(self, items, flags: int) -> None:
        for op, arg in items:
            self.emit_one(op, arg, flags)

    def emit_one(self, op, arg, flags: int) -> None:
        if op is sre.SUBPATTERN:
            _group, add, remove, body = arg
            self.emit(body, (flags | add) & ~remove)
        elif op is sre.BRANCH:
            self.branch(arg[1], flags)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):  # lazy or greedy: the same strings match
            self.repeat(*arg, flags)
        elif op is sre.AT:
            self.add((_AT, _at_test(arg, flags)))
        else:
            self.add((_CHAR, _char_test(op, arg, flags)))

    def branch(self, alternatives, flags: int) -> None:
        jumps = []
        for alternative in alternatives[:-1]:
            split = self.add((_SPLIT, None, None))
            self.program[split][1] = len(self.program)
            self.emit(alternative, flags)
            jumps.append(self.add((_JUMP, None)))
            self.program[split][2] = len(self.program)
        self.emit(alternatives[-1], flags)
        for jump in jumps:
            self.program[jump][1] = len(self.program)

    def repeat(self, least: int, most: int, body, flags: int) -> None:
        before = len(self.program)
        self.emit(body, flags)
        if len(self.program) == before:  # an empty body, (?:){999999999}: nothing to repeat
            return
        self.program = self.program[:before]
        for _ in range(least):
            self.emit(body, flags)
        if most == sre.MAXREPEAT:
            loop = self.add((_SPLIT, None, None))
            self.program[loop][1] = len(self.program)
            self.emit(body, flags)
            self.add((_JUMP, loop))
            self.program[loop][2] = len(self.program)
            return
        splits = []
        for _ in range(most - least):
            splits.append(self.add((_SPLIT, None, None)))
            self.program[splits[-1]][1] = len(self.program)
            self.emit(body, flags)
        for split in splits:
            self.program[split][2] = len(self.program)


def _closure(program, states: set[int], text: str, position: int) -> set[int]:
    """The states reachable without reading a character: the ones waiting for one, or the match."""
    done: set[int] = set()
    todo = list(states)
    waiting = set()
    while todo:
        pc = todo.pop()
        if pc in done:
            continue
        done.add(pc)
        kind = program[pc][0]
        if kind == _SPLIT:
            todo += program[pc][1:3]
        elif kind == _JUMP:
            todo.append(program[pc][1])
        elif kind == _AT:
            if program[pc][1](text, position):
                todo.append(pc + 1)
        else:
            waiting.add(pc)
    return waiting


# --- what one state tests --------------------------------------------------------------------


def _at_test(code, flags: int) -> Callable[[str, int], bool]:
    multiline = bool(flags & sre.SRE_FLAG_MULTILINE)
    ascii_only = bool(flags & sre.SRE_FLAG_ASCII)
    if code is sre.AT_BEGINNING:
        return lambda text, i: i == 0 or (multiline and text[i - 1] == "\n")
    if code is sre.AT_BEGINNING_STRING:
        return lambda text, i: i == 0
    if code is sre.AT_END:
        return lambda text, i: i == len(text) or (text[i] == "\n" and (multiline or i == len(text) - 1))
    if code is sre.AT_END_STRING:
        return lambda text, i: i == len(text)
    if code in (sre.AT_BOUNDARY, sre.AT_NON_BOUNDARY):
        word = _category_test(sre.CATEGORY_WORD, ascii_only)
        wanted = code is sre.AT_BOUNDARY
        # As in re: neither \b nor \B holds anywhere in an empty text.
        return lambda text, i: bool(text) and ((i > 0 and word(text[i - 1])) != (i < len(text) and word(text[i]))) == wanted
    raise PatternError("pola memakai penanda posisi yang tidak didukung")


def _char_test(op, arg, flags: int) -> CharTest:
    ascii_only = bool(flags & sre.SRE_FLAG_ASCII)
    if op is sre.ANY:
        dotall = bool(flags & sre.SRE_FLAG_DOTALL)
        return lambda char: dotall or char != "\n"
    if op is sre.LITERAL:
        test = _literal_test(chr(arg))
    elif op is sre.NOT_LITERAL:
        same = _folded(_literal_test(chr(arg)), flags)
        return lambda char: not same(char)
    elif op is sre.IN:
        test = _set_test(arg, ascii_only)
    else:
        raise PatternError(f"pola memakai bagian yang tidak didukung ({_UNSUPPORTED.get(op, 'lainnya')}); "
                           "pakai huruf, kelas [..], pilihan | dan pengulangan saja")
    return _folded(test, flags)


def _folded(test: CharTest, flags: int) -> CharTest:
    """The test under IGNORECASE: the character passes when any of its cases does."""
    if not flags & sre.SRE_FLAG_IGNORECASE:
        return test
    return lambda char: any(test(c) for c in (char, char.lower(), char.upper()))


def _literal_test(wanted: str) -> CharTest:
    return lambda char: char == wanted


def _set_test(items, ascii_only: bool) -> CharTest:
    negate = any(op is sre.NEGATE for op, _ in items)
    tests = [_set_item_test(op, arg, ascii_only) for op, arg in items if op is not sre.NEGATE]
    return lambda char: any(test(char) for test in tests) != negate


def _set_item_test(op, arg, ascii_only: bool) -> CharTest:
    if op is sre.LITERAL:
        return _literal_test(chr(arg))
    if op is sre.RANGE:
        low, high = arg
        return lambda char: low <= ord(char) <= high
    if op is sre.CATEGORY:
        return _category_test(arg, ascii_only)
    raise PatternError("pola memakai kelas huruf yang tidak didukung")


def _category_test(category, ascii_only: bool) -> CharTest:
    # Python's meaning of \d, \s, \w in a str pattern: Unicode, or ASCII under (?a).
    base = {
        sre.CATEGORY_DIGIT: str.isdecimal,
        sre.CATEGORY_SPACE: str.isspace,
        sre.CATEGORY_WORD: lambda char: char.isalnum() or char == "_",
    }
    negated = {sre.CATEGORY_NOT_DIGIT: sre.CATEGORY_DIGIT, sre.CATEGORY_NOT_SPACE: sre.CATEGORY_SPACE,
               sre.CATEGORY_NOT_WORD: sre.CATEGORY_WORD}
    if category in negated:
        positive = _category_test(negated[category], ascii_only)
        return lambda char: not positive(char)
    if category not in base:
        raise PatternError("pola memakai kelas huruf yang tidak didukung")
    test = base[category]
    if ascii_only:
        return lambda char: char.isascii() and test(char)
    return test


_UNSUPPORTED = {
    sre.GROUPREF: "rujukan ke kelompok, \\1",
    sre.GROUPREF_EXISTS: "syarat (?(1)..)",
    sre.ASSERT: "pandang ke depan/belakang (?=..)",
    sre.ASSERT_NOT: "pandang ke depan/belakang (?!..)",
    sre.ATOMIC_GROUP: "kelompok atomik (?>..)",
    sre.POSSESSIVE_REPEAT: "pengulangan posesif *+ ++ ?+",
}
