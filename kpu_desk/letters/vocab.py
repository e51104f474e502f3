"""The words of the letter register and the lembar disposisi, exactly as offices print them."""

from __future__ import annotations

URGENCIES = ("Biasa", "Segera", "Amat Segera")
SECURITY_CLASSES = ("Biasa", "Terbatas", "Rahasia", "Sangat Rahasia")
# Letters whose subject and sender only those who may read secrets (and a disposition's own people) see.
SECRET_CLASSES = ("Rahasia", "Sangat Rahasia")
HIDDEN_SUBJECT = "(dirahasiakan)"  # shown instead of what is hidden

# The instruction checkboxes of the lembar disposisi (DESIGN.md, Printing), in print order.
INSTRUCTIONS = (
    "Tanggapan dan saran",
    "Proses lebih lanjut",
    "Koordinasikan/konfirmasikan",
    "Tindak lanjuti",
    "Pelajari dan buat konsep balasan",
    "Laporkan hasilnya",
    "Untuk diketahui",
    "Arsipkan",
)
# The free "other" instruction is stored in the same JSON list, after this prefix.
OTHER_PREFIX = "Lainnya: "
OTHER_LABEL = "Lainnya"

# The "Diteruskan kepada" checklist of a KPU Kabupaten/Kota secretariat (four sub-divisions since
# 2020). An office changes it in Pengaturan (Setting "letters.positions").
DEFAULT_POSITIONS = (
    "Sekretaris",
    "Kasubag Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat",
    "Kasubag Perencanaan, Data dan Informasi",
    "Kasubag Hukum dan SDM",
    "Kasubag Keuangan, Umum dan Logistik",
    "Anggota KPU",
)
POSITIONS_KEY = "letters.positions"

# Who writes a disposition on a letter (a Ketua/Anggota or the Sekretaris) and who signs it.
DISPOSER_ROLES = ("pimpinan", "sekretaris")
SIGNER_ROLES = ("sekretaris", "pimpinan")
# Who is told that a written disposition waits for a signature.
SIGNATURE_WORKLIST_ROLE = "sekretaris"

RECIPIENT_STATES = ("unread", "read", "in_progress", "done")
RECIPIENT_STATE_WORDS = {
    "unread": "belum dibaca", "read": "sudah dibaca", "in_progress": "sedang dikerjakan", "done": "selesai",
}

# Notification kinds (models.Notification.kind; the application words them).
NOTIFY_NEW = "disposisi_baru"
NOTIFY_TO_SIGN = "disposisi_perlu_ttd"
NOTIFY_SIGNED = "disposisi_ditandatangani"

SCAN_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png")
