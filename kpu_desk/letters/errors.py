"""What the letters module refuses, in words a clerk reads (EngineError: the CLI and GUI show them as is).

Input that fails several rules at once raises kpu_desk.engine.FormError (`errors` by field
key, `data` as typed), like a step's form; a single refusal raises one of these.
"""

from __future__ import annotations

from kpu_desk.engine.errors import EngineError


class LetterError(EngineError):
    """A letter or a buku ekspedisi entry that cannot be registered or found."""


class DispositionError(EngineError):
    """A disposition that cannot be written, passed on, changed or found."""


class FrozenDisposition(DispositionError):
    """The disposition is signed (or replaced): it is never edited, only replaced with a reason."""


class SigningError(DispositionError):
    """Signing refused: wrong password, locked account, no signature specimen, not a signer."""


class ChangedSinceShown(SigningError):
    """The disposition was changed after the signer opened it: read it again before signing."""
