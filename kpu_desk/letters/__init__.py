"""Letters and dispositions (issue 7): the buku agenda, dispositions and their signing, the buku ekspedisi.

Part of the core: no Qt here. Every function works on the database bound to
kpu_desk.store.models; user-facing refusals are EngineError subclasses (or
FormError with a message per field) whose text is Bahasa Indonesia.

Surat masuk (incoming.py)
    register_incoming(IncomingLetter(...), actor, sop_id=…, case_fields=…) -> RegisteredLetter
    letter_fields(letter, step) -> the step form's fields the letter fills
    find_letter("0042/2026" | id) -> models.Letter
Disposisi (dispositions.py, recipients.py, views.py)
    dispose(DispositionDraft(...), author, letter=… | case=…, oral=False) -> models.Disposition
    pass_on(parent, DispositionDraft(...), user) -> models.Disposition     (a child, one level down)
    update_disposition(ref, draft, user) / replace_disposition(ref, reason, changes, user)
    mark_read / start_work / finish(ref, user, note) ; set_recipient_state(recipient_id, state, user)
    disposition_view(ref), inbox(user), written_by(user), signing_worklist(), dispositions_of(letter|case)
    letter_of(view), subject_of(view), addressable_people(): what the dialogs and lists show
    may_read_letter(view, user) / require_may_read_letter: a Rahasia letter's subject and sender, to whom
Signing (signing.py, codes.py)
    set_signature_specimen(user, png_bytes) ; sign(ref, user, password, seen=…) -> models.Disposition
    content_fingerprint(row): what the signer was shown, for sign(seen=…)
    verify_code(payload) -> Verification(status genuine|replaced|altered|unknown, disposition_id, message)
Buku ekspedisi (expedition.py)
    record_handover(Handover(...), handed_by) -> models.Expedition ; expeditions(year) -> [ExpeditionRow]
Filling SOP step forms (prefill.py)
    disposition_fields(disposition, step), handover_fields(expedition, step)
Printing (sheet.py, receipt_info.py → kpu_desk.printing.disposition_sheet / receipt / expedition_register)
    sheet_info(ref) -> SheetInfo ; receipt_info(case_number) -> ReceiptInfo
The buku agenda list: kpu_desk.letter_register (letters(year, …), awaiting_disposition()).

A disposition's life: written by a Ketua/Anggota or the Sekretaris (dispose) → waits for a
signature (signing_worklist) → signed with the password and the signature specimen (sign;
frozen from then on, verify_code checks its sheet) → passed on down (pass_on, each level
with its own note, not signed) → each recipient unread → read → in_progress → done.
Oral dispositions and those passed on are in force at once. A signed one is changed only by
replace_disposition (a new version, signed again); the old sheet then verifies as "replaced".
Every write is one transaction with its audit entry (no personal data) and notifications.
"""

from kpu_desk.letters.codes import (
    ALTERED,
    GENUINE,
    REPLACED,
    UNKNOWN,
    Verification,
    content_fingerprint,
    verify_code,
)
from kpu_desk.letters.content import DeadlineCheck, DispositionDraft, check_deadline
from kpu_desk.letters.dispositions import (
    draft_of,
    dispose,
    find_disposition,
    in_force,
    may_dispose,
    may_pass_on,
    needs_signature,
    pass_on,
    replace_disposition,
    update_disposition,
)
from kpu_desk.letters.expedition import (
    ExpeditionRow,
    Handover,
    expedition_number,
    expeditions,
    find_expedition,
    record_handover,
)
from kpu_desk.letters.errors import (
    ChangedSinceShown,
    DispositionError,
    FrozenDisposition,
    LetterError,
    SigningError,
)
from kpu_desk.letters.incoming import (
    IncomingLetter,
    RegisteredLetter,
    find_letter,
    letter_fields,
    letter_problems,
    register_incoming,
)
from kpu_desk.letters.positions import positions, set_positions
from kpu_desk.letters.prefill import disposition_fields, disposition_text, handover_fields
from kpu_desk.letters.recipients import finish, mark_read, set_recipient_state, start_work
from kpu_desk.letters.signing import may_sign, set_signature_specimen, sign, signature_specimen
from kpu_desk.letters.views import (
    DispositionView,
    InboxRow,
    Person,
    RecipientStatus,
    addressable_people,
    chain_below,
    children_of,
    disposition_view,
    dispositions_of,
    inbox,
    letter_of,
    may_read_letter,
    recipients_of,
    require_may_read_letter,
    signing_worklist,
    subject_of,
    written_by,
)
from kpu_desk.letters.vocab import INSTRUCTIONS, OTHER_LABEL, RECIPIENT_STATES, SECURITY_CLASSES, URGENCIES

__all__ = [
    "ExpeditionRow", "Handover", "disposition_fields", "disposition_text", "expedition_number", "expeditions",
    "find_expedition", "handover_fields", "may_dispose", "may_pass_on", "may_sign", "record_handover",
    "ALTERED", "GENUINE", "INSTRUCTIONS", "OTHER_LABEL", "RECIPIENT_STATES", "REPLACED", "SECURITY_CLASSES",
    "UNKNOWN", "URGENCIES", "ChangedSinceShown", "check_deadline", "content_fingerprint", "DeadlineCheck",
    "DispositionDraft", "DispositionError",
    "DispositionView", "FrozenDisposition",
    "InboxRow", "IncomingLetter", "LetterError", "Person", "RecipientStatus", "RegisteredLetter", "SigningError",
    "Verification", "addressable_people", "chain_below", "children_of", "disposition_view", "dispositions_of", "dispose", "draft_of",
    "find_disposition", "find_letter", "finish", "in_force", "inbox", "letter_fields", "letter_of", "letter_problems",
    "mark_read", "may_read_letter", "needs_signature", "pass_on", "positions", "recipients_of",
    "register_incoming", "require_may_read_letter",
    "replace_disposition", "set_positions", "set_recipient_state", "set_signature_specimen", "sign",
    "signature_specimen", "signing_worklist", "start_work", "subject_of", "update_disposition", "verify_code", "written_by",
]
