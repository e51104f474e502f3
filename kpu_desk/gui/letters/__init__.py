"""Surat & Disposisi in the window: the letter register dialogs, dispositions, signing, the buku ekspedisi.

    RegisterLetterDialog        Daftarkan surat masuk (register_dialog.py)
    DispositionEditor           write, pass on, change or replace a disposition (editor.py)
    DispositionDialog           one disposition: its letter, recipients' states, sign/print/pass on (view_dialog.py)
    SignDialog                  the password again, then the core signs (sign_dialog.py)
    SpecimenDialog, SignaturePad   the user's signature specimen (specimen_dialog.py, signature_pad.py)
    HandoverDialog              Catat serah terima in the buku ekspedisi (handover_dialog.py)
"""
