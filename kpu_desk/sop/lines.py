"""Where each value of an SOP file stands: the line of every key and list item, by its path."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Path = tuple[Any, ...]


@dataclass
class LineIndex:
    """The line of each value in the file, by its path (keys and list indexes)."""

    lines: dict[Path, int] = field(default_factory=lambda: {(): 1})

    def line_of(self, path: Path) -> int:
        path = tuple(path)
        while path not in self.lines:
            path = path[:-1]
        return self.lines[path]
