"""How a CSV file was saved, compared with how the package writes its files.

The package's tables are UTF-8 without a byte order mark, comma-separated, with LF line
endings, the columns in the schema's order and nothing after the last row or column.
Excel (Swedish settings) saves with semicolons, in Windows-1252, with CR LF, sometimes
with a BOM and empty trailing rows or columns. :func:`inspect_csv` names each of these
in words; :func:`repaired` returns the file as the package writes it (only
`socialtjanst repair` writes that to disk, and only when asked).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem

BOM = b"\xef\xbb\xbf"
# Separators a file may have been saved with instead of commas, and the kind of problem.
OTHER_DELIMITERS = {";": "semicolons", "\t": "tabs"}
DECIMAL_COMMA = re.compile(r"^-?[0-9]+,[0-9]+$")


@dataclass
class CsvFile:
    """What :func:`inspect_csv` found: the problems and how to read the file anyway."""

    file: str
    encoding: str = "utf-8"
    delimiter: str = ","
    labels: list[str] = field(default_factory=list)
    records: list[list[str]] = field(default_factory=list)
    trailing_rows: set[int] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)

    def add(self, kind: str, row: int | None = None, field_name: str | None = None, **params) -> None:
        self.problems.append(Problem(self.file, row, field_name, kind, params))

    @property
    def header_differs(self) -> bool:
        return any(p.kind.startswith(("column", "header")) for p in self.problems)

    @property
    def readable(self) -> bool:
        """Whether the records can be matched to columns by their labels."""
        unrecognised = any(p.kind == "header-unrecognised" for p in self.problems)
        return bool(self.labels) and len(set(self.labels)) == len(self.labels) and not unrecognised


def _decode(raw: bytes, found: CsvFile) -> str:
    if raw.startswith(BOM):
        found.add("bom")
        found.encoding = "utf-8-sig"
        raw = raw[len(BOM) :]
    if _is_utf8(raw):
        return raw.decode("utf-8")
    # Excel's plain "CSV" is Windows-1252; five bytes are undefined there but not in Latin-1.
    found.encoding = "cp1252"
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        found.encoding = "latin-1"
        return raw.decode("latin-1")


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _delimiter(text: str, expected: str) -> str:
    """The separator of the header line: the expected one unless another one splits it instead."""
    header = text.split("\n", 1)[0]
    if expected in header:
        return expected
    counts = {d: header.count(d) for d in OTHER_DELIMITERS if d != expected}
    best = max(counts, key=counts.get)
    return best if counts[best] else expected


def _locate_encoding(found: CsvFile, labels: list[str]) -> None:
    """Name the row, the field and the first byte that are not UTF-8."""
    for number, record in enumerate([labels, *found.records], start=1):
        for position, cell in enumerate(record):
            try:
                encoded = cell.encode(found.encoding)
                encoded.decode("utf-8")
            except UnicodeDecodeError as exc:
                byte = encoded[exc.start]
                name = labels[position] if number > 1 and position < len(labels) else None
                found.add("encoding", number, name, byte=f"{byte:02X}", char=bytes([byte]).decode(found.encoding))
                return


def _compare_header(found: CsvFile, fields: list[str], ordered: bool) -> None:
    labels = found.labels
    if labels == fields:
        return
    if not set(labels) & set(fields):
        found.add("header-unrecognised", 1, None, count=len(labels), expected=", ".join(fields[:3]))
        return
    for position, label in enumerate(labels, start=1):
        if label in labels[: position - 1]:
            found.add("column-duplicate", 1, label, position=position, first=labels.index(label) + 1)
    if sorted(labels) == sorted(fields):
        if ordered:
            moved = [name for i, name in enumerate(labels) if fields[i] != name]
            found.add("columns-moved", None, None, fields=", ".join(moved))
        return
    for position, label in enumerate(labels, start=1):
        if label in fields:
            continue
        expected = fields[position - 1] if position <= len(fields) else None
        if expected and expected not in labels:
            found.add("column-renamed", 1, expected, position=position, label=label)
        else:
            found.add("column-extra", 1, None, position=position, label=label)
    renamed = {p.field for p in found.problems if p.kind == "column-renamed"}
    for position, name in enumerate(fields, start=1):
        if name not in labels and name not in renamed:
            found.add("column-missing", 1, name, position=position)


def inspect_csv(
    path: Path, file: str, fields: list[str], expected_delimiter: str = ",", ordered: bool = True
) -> CsvFile:
    """Read ``path`` as the package would and note every way it was saved differently.

    ``ordered``: the columns must be in the order of ``fields`` (`fieldsMatch` "exact")."""
    found = CsvFile(file)
    raw = path.read_bytes()
    if not raw.strip():
        found.add("empty-file")
        return found
    text = _decode(raw, found)
    if b"\r\n" in raw:
        found.add("crlf")
    found.delimiter = _delimiter(text, expected_delimiter)
    if found.delimiter != expected_delimiter:
        found.add(OTHER_DELIMITERS[found.delimiter])
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=found.delimiter))
    labels, found.records = records[0], records[1:]
    if found.encoding not in ("utf-8", "utf-8-sig"):
        _locate_encoding(found, labels)
    # Empty columns after the last one (Excel keeps columns whose cells were once touched).
    width = len(labels)
    while width and not labels[width - 1] and all(len(r) < width or not r[width - 1] for r in found.records):
        width -= 1
    if width < len(labels):
        found.add("trailing-columns", None, None, count=len(labels) - width)
    found.labels = labels[:width]
    last = len(found.records)
    while last and not any(found.records[last - 1]):
        last -= 1
    if last < len(found.records):
        found.trailing_rows = set(range(last + 2, len(found.records) + 2))
        found.add("trailing-rows", None, None, count=len(found.records) - last)
    # Cut only the empty trailing columns: a cell beyond them is the user's and stays.
    found.records = [r if any(r[width:]) else r[:width] for r in found.records[:last]]
    _compare_header(found, fields, ordered)
    return found


def repaired(found: CsvFile, fields: list[str], number_fields: set[str]) -> str:
    """The file as the package writes it: what :func:`inspect_csv` found, undone.

    Columns are put in the schema's order when only their order differs, and a decimal
    comma becomes a point in the number fields; renamed, missing or extra columns are
    kept as they are (a person must decide what they mean).
    """
    labels = found.labels
    order = [labels.index(name) for name in fields] if sorted(labels) == sorted(fields) else list(range(len(labels)))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([labels[i] for i in order])
    numeric = {i for i in order if labels[i] in number_fields}
    for record in found.records:
        if len(record) != len(labels):  # a row with cells missing stays as it is, for a person to see
            writer.writerow(record)
            continue
        cells = [record[i] for i in order]
        for position, i in enumerate(order):
            if i in numeric and DECIMAL_COMMA.match(cells[position]):
                cells[position] = cells[position].replace(",", ".")
        writer.writerow(cells)
    return out.getvalue()
