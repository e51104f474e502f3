"""Loading an SOP definition file into the model, or saying what is wrong and where."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from kpu_desk.sop import issues as msg
from kpu_desk.sop.issues import Issue, SopFileError
from kpu_desk.sop.model import (
    Branch,
    CaseKind,
    CaseRules,
    Decree,
    FieldType,
    FormField,
    Header,
    Lane,
    LegalDeadline,
    MutuBaku,
    Signer,
    Sop,
    Step,
    Symbol,
)
from kpu_desk.sop.schema import schema_errors
from kpu_desk.sop.timestd import TimeStandardError, parse_time_standard
from kpu_desk.sop.lines import LineIndex


# Ten times the longest signed SOP (25 KB): more is not an SOP, and parsing it costs memory.
MAX_SOP_CHARS = 256 * 1024


def load_sop_file(path: str | Path) -> Sop:
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as file:
            text = file.read(MAX_SOP_CHARS + 1)  # enough to tell that it is too big
    except UnicodeDecodeError:
        raise SopFileError([msg.error(str(path), 0, "encoding", "berkas bukan teks UTF-8")]) from None
    except OSError as exc:
        raise SopFileError([msg.error(str(path), 0, "io", f"berkas tidak dapat dibuka: {exc.strerror}")]) from None
    return load_sop_text(text, str(path))


def load_sop_text(text: str, source: str = "<teks>") -> Sop:
    """Parse, validate against the schema and build the model; raise SopFileError."""
    document, lines = parse_document(text, source)
    return build_sop(document, source, fingerprint_of(text), lines)


def parse_document(text: str, source: str = "<teks>") -> tuple[dict[str, Any], LineIndex]:
    """The YAML text as plain, schema-valid data with the line of every value; raise SopFileError."""
    # Imported here: the YAML parser is only needed for files, not for cached definitions.
    from kpu_desk.sop.yamlfile import YamlReadError, read_yaml

    if len(text) > MAX_SOP_CHARS:
        line = text.count("\n", 0, MAX_SOP_CHARS) + 1
        too_big = f"berkas terlalu besar: lebih dari {MAX_SOP_CHARS // 1024} KB (batas terlampaui di baris {line})"
        raise SopFileError([msg.error(source, line, "size", too_big)])
    try:
        document, lines = read_yaml(text)
    except YamlReadError as exc:
        raise SopFileError([msg.error(source, exc.line, "syntax", str(exc))]) from None
    problems = [
        msg.error(source, lines.line_of(path), "schema", text_)
        for path, text_ in schema_errors(document)
    ]
    if problems:
        raise SopFileError(problems)
    return document, lines


def build_sop(document: dict[str, Any], source: str, fingerprint: str, lines: LineIndex | None = None) -> Sop:
    """The model of a schema-valid document (from parse_document, or a cache of one)."""
    builder = _Builder(source, lines or LineIndex())
    sop = builder.sop(document, fingerprint)
    if builder.problems:
        raise SopFileError(builder.problems)
    return sop


def fingerprint_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Builder:
    """Turns schema-valid plain data into the model; collects what cannot be parsed."""

    def __init__(self, source: str, lines: LineIndex):
        self.source = source
        self.lines = lines
        self.problems: list[Issue] = []

    def sop(self, doc: dict[str, Any], fingerprint: str) -> Sop:
        return Sop(
            id=doc["id"],
            version=doc["version"],
            header=self.header(doc["header"]),
            lanes=tuple(self.lane(lane, i) for i, lane in enumerate(doc["lanes"])),
            steps=tuple(self.step(step, i) for i, step in enumerate(doc["steps"])),
            case=self.case_rules(doc["case"]),
            source=self.source,
            fingerprint=fingerprint,
        )

    def header(self, raw: dict[str, Any]) -> Header:
        texts: dict[str, Any] = {k: v for k, v in raw.items() if isinstance(v, str)}
        lists: dict[str, Any] = {k: tuple(v) for k, v in raw.items() if isinstance(v, list)}
        signer = raw["disahkan_oleh"]
        line_map = {k: self.lines.line_of(("header", k)) for k in raw}
        line_map["header"] = self.lines.line_of(("header",))
        return Header(
            **texts,
            **lists,
            disahkan_oleh=Signer(**signer),
            decree=Decree(**raw["decree"], line=line_map["decree"]) if "decree" in raw else None,
            lines=line_map,
        )

    def lane(self, raw: dict[str, Any], index: int) -> Lane:
        return Lane(raw["id"], raw["name"], self.lines.line_of(("lanes", index)))

    def step(self, raw: dict[str, Any], index: int) -> Step:
        path = ("steps", index)
        mutu = raw["mutu_baku"]
        return Step(
            no=raw["no"],
            activity=raw["activity"],
            lanes=tuple(raw["lanes"]),
            symbol=Symbol(raw["symbol"]),
            mutu_baku=MutuBaku(
                kelengkapan=mutu.get("kelengkapan", ""),
                waktu=self.time_standard(mutu["waktu"], path + ("mutu_baku", "waktu")),
                output=mutu.get("output", ""),
            ),
            keterangan=raw.get("keterangan", ""),
            next=raw.get("next"),
            branches=tuple(
                Branch(b["label"], b["next"], self.lines.line_of(path + ("branches", i)))
                for i, b in enumerate(raw.get("branches", ()))
            ),
            entry=raw.get("entry"),
            start=raw.get("start", False),
            form=tuple(self.form_field(f, path + ("form", i)) for i, f in enumerate(raw.get("form", ()))),
            line=self.lines.line_of(path),
        )

    def time_standard(self, text: str, path: tuple):
        try:
            return parse_time_standard(text)
        except TimeStandardError as exc:
            self.problems.append(msg.error(self.source, self.lines.line_of(path), "waktu", str(exc)))
            return parse_time_standard("-")

    def form_field(self, raw: dict[str, Any], path: tuple) -> FormField:
        values = dict(raw)
        values["type"] = FieldType(values["type"])
        values["minimum"] = values.pop("min", None)
        values["maximum"] = values.pop("max", None)
        values["options"] = tuple(values.get("options", ()))
        values["accept"] = tuple(values.get("accept", ()))
        return FormField(**values, line=self.lines.line_of(path))

    def case_rules(self, raw: dict[str, Any]) -> CaseRules:
        deadline = raw.get("legal_deadline")
        return CaseRules(
            kind=CaseKind(raw["kind"]),
            prefix=raw["prefix"],
            title=raw.get("title", ""),
            legal_deadline=LegalDeadline(**deadline) if deadline else None,
            registers=tuple(raw.get("registers", ())),
        )
