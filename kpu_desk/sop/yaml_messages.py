"""The YAML parser's English problems said in Bahasa Indonesia, for the administrator who edits an SOP."""

from __future__ import annotations

from ruamel.yaml.error import MarkedYAMLError

# (a fragment of ruamel.yaml's problem text, what it means); the first fragment found wins.
_PHRASES = (
    ("duplicate key", "kunci yang sama ditulis dua kali"),
    ("found character '\\t'", "tab tidak boleh dipakai; pakai spasi untuk indentasi"),
    ("that cannot start any token", "ada tanda yang tidak boleh mengawali nilai; beri tanda kutip \"…\" pada teks itu"),
    ("could not find expected ':'", "tanda ':' yang diharapkan tidak ada; tulis 'kunci: nilai' atau periksa tanda kutipnya"),
    ("mapping values are not allowed here", "tanda ': ' tidak boleh di sini; beri tanda kutip \"…\" pada teks yang memuat titik dua"),
    ("mapping keys are not allowed here", "kunci tidak boleh di sini; periksa indentasinya"),
    ("sequence entries are not allowed here", "butir daftar ('- ') tidak boleh di sini; periksa indentasinya"),
    ("expected <block end>", "indentasi baris ini tidak sejajar dengan baris di atasnya"),
    ("invalid intendation or unclosed", "indentasi tidak sah atau kurung '[' atau '{' belum ditutup"),
    ("found unexpected end of stream", "berkas berakhir sebelum tanda kutip atau kurung ditutup"),
    ("found unexpected ':'", "tanda ':' tidak pada tempatnya; beri tanda kutip \"…\" pada teks itu"),
    ("expected ',' or ']'", "daftar dalam kurung '[ ]' tidak ditulis atau ditutup dengan benar"),
    ("expected ',' or '}'", "kumpulan dalam kurung '{ }' tidak ditulis atau ditutup dengan benar"),
    ("found unknown escape character", "garis miring terbalik (\\) dalam tanda kutip ganda tidak dikenal; tulis \\\\ atau pakai tanda kutip tunggal"),
    ("expected escape sequence", "kode huruf sesudah garis miring terbalik (\\) tidak lengkap"),
    ("found undefined alias", "alias ('*nama') dipakai sebelum jangkarnya ('&nama') ditulis"),
    ("expected the node content", "nilai yang diharapkan tidak ada"),
    ("expected a comment or a line break", "sesudah nilai hanya boleh ada komentar (#)"),
    ("more indented follow up line", "baris lanjutan blok teks menjorok lebih dalam dari baris pertamanya"),
    ("expected chomping or indentation indicators", "sesudah '|' atau '>' hanya boleh '-', '+' atau angka"),
    ("expected indentation indicator", "angka indentasi sesudah '|' atau '>' harus 1 sampai 9"),
    ("expected a single document", "berkas hanya boleh berisi satu dokumen; hapus baris '---' yang kedua"),
    ("document separator", "berkas hanya boleh berisi satu dokumen; hapus baris '---' atau '...'"),
    ("document end marker", "ada isi sesudah tanda akhir dokumen '...'"),
    ("expected '<document start>'", "ada isi sesudah akhir dokumen"),
    ("tag", "tanda '!' (tag YAML) tidak dipakai dalam berkas SOP"),
    ("directive", "baris yang diawali '%' tidak dipakai dalam berkas SOP"),
    ("expected alphabetic or numeric character", "tanda '&' atau '*' tidak dipakai dalam berkas SOP; beri tanda kutip \"…\" pada teks itu"),
    ("timestamp", "tanggal tidak sah"),
    ("unhashable key", "kunci harus berupa teks"),
    ("maximum depth", "struktur berkas terlalu dalam"),
)

# What the parser was reading when the file ended or went wrong, and what the writer opened.
_OPENED = (("quoted scalar", "tanda kutip"), ("flow sequence", "kurung '['"), ("flow mapping", "kurung '{'"))

GENERIC = "bentuk tulisan tidak dapat dibaca"


def describe(exc: MarkedYAMLError) -> str:
    """An Indonesian sentence for a parser error, with the column; the caller names the line."""
    phrase = _phrase(exc.problem) or _phrase(exc.context) or GENERIC
    if phrase == _PHRASES[0][1]:
        return phrase
    opened = _unclosed(exc)
    if opened:
        phrase = f"{opened}; {phrase}"
    mark = _mark(exc)
    column = f" (kolom {mark.column + 1})" if mark is not None else ""
    return f"sintaks YAML tidak sah{column}: {phrase}"


def line_of(exc: MarkedYAMLError) -> int:
    mark = _mark(exc)
    return mark.line + 1 if mark is not None else 1


def _mark(exc: MarkedYAMLError):
    # A key without its ':' is noticed on a later line; the key itself is where the writer looks.
    if "simple key" in (exc.context or "") and exc.context_mark is not None:
        return exc.context_mark
    return exc.problem_mark or exc.context_mark


def _phrase(text: str | None) -> str | None:
    return next((phrase for fragment, phrase in _PHRASES if fragment in (text or "")), None)


def _unclosed(exc: MarkedYAMLError) -> str:
    """'the quote opened on line N is not closed' when the problem is far from the opening."""
    context, mark, start = exc.context or "", exc.problem_mark, exc.context_mark
    if mark is None or start is None or mark.line == start.line:
        return ""
    what = next((name for fragment, name in _OPENED if fragment in context), None)
    return f"{what} yang dibuka di baris {start.line + 1} belum ditutup" if what else ""
