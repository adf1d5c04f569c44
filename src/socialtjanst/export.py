"""`socialtjanst export`: the package as Excel, SQLite, Parquet, SPSS and Stata files.

Every file is generated from the tables as ``load()`` reads them, the descriptor and
``metadata.toml`` (titles, descriptions, vocabularies and their labels): nothing is typed here.
The files are written into a staging folder next to the target and moved into place only
when all of them are complete, so a failed export leaves the previous ones untouched.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import pandas as pd

from .catalog import citation_sv
from .load import load_tables, read_descriptor
from .metadata import read_metadata, vocabulary

XLSX = "socialtjanst-enkater.xlsx"
SQLITE = "socialtjanst-enkater.sqlite"
DATASETTE = "datasette.json"
README_SHEET, FIELDS_SHEET = "LÄS MIG", "fält"
# A fixed timestamp inside the xlsx, so that two exports of the same data are byte-identical.
ZIP_TIME = (2000, 1, 1, 0, 0, 0)


class ExportError(Exception):
    """The package is not valid, so nothing is exported."""


def labels(field: str, lang: str = "sv") -> dict[str, str] | None:
    """The labels of a field's controlled vocabulary in ``lang``; None when it has no label table."""
    return vocabulary(field, lang) if "labels" in read_metadata()["fields"].get(field, {}) else None


def enum(field: dict) -> list[str] | None:
    return field.get("constraints", {}).get("enum")


# ---------------------------------------------------------------- Excel


def _readme_rows(package: dict, tables: dict[str, pd.DataFrame]) -> list[tuple[str, str]]:
    licence = package["licenses"][0]
    rows = [
        ("Titel", package["title_sv"]),
        ("Title", package["title"]),
        ("Beskrivning (engelska)", package["description"]),
        ("Version", package["version"]),
        ("Licens", f"{licence['name']}: {licence['title']}, {licence['path']}"),
        ("Citera som", citation_sv(package) + " Citera också originaldokumenten i bladet sources."),
        (
            "Fälten",
            f"Bladet {FIELDS_SHEET} beskriver varje kolumn: titel, beskrivning, typ, enhet och tillåtna värden.",
        ),
        (
            "Tomma celler",
            "En tom cell är ett saknat värde; en tom främmande nyckel betyder att raden inte hänvisar till någon rad.",
        ),
        ("Skapad av", "socialtjanst export, från datapackage.json och metadata.toml (redigera inte för hand)."),
        ("", ""),
    ]
    rows += [
        (res["name"], f"{res['title_sv']} ({len(tables[res['name']])} rader). {res['description']}")
        for res in package["resources"]
    ]
    return rows


def _allowed(field: dict) -> str:
    codes = enum(field)
    if not codes:
        return ""
    sv, en = labels(field["name"], "sv"), labels(field["name"], "en")
    if not sv:
        return "; ".join(codes)
    return "; ".join(f"{c} = {sv[c]} / {en[c]}" for c in codes)


def _field_rows(package: dict) -> list[list]:
    header = [
        "tabell",
        "fält",
        "titel",
        "title",
        "beskrivning",
        "description",
        "typ",
        "enhet",
        "obligatorisk",
        "tillåtna värden (kod = svenska / English)",
    ]
    rows, units = [header], labels("unit", "sv")
    for res in package["resources"]:
        for f in res["schema"]["fields"]:
            required = "ja" if f.get("constraints", {}).get("required") else ""
            rows.append(
                [
                    res["name"],
                    f["name"],
                    f["title_sv"],
                    f["title"],
                    f["description_sv"],
                    f["description"],
                    f["type"],
                    units.get(f.get("unit"), ""),
                    required,
                    _allowed(f),
                ]
            )
    return rows


def _cell_value(value):
    if pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _sheet(wb, title: str, rows) -> None:
    """A sheet with a bold, frozen first row, columns as wide as their text (at most 60)."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    widths: dict[int, int] = {}
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text that starts with "=" stays text, never a formula
            elif isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            widths[c] = max(widths.get(c, 0), len(str(value)) if value is not None else 0)
    for c in range(1, len(rows[0]) + 1):
        ws.cell(row=1, column=c).font = Font(bold=True)
    for c, w in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = min(max(w, 6) + 2, 60)
        if w > 60:
            for (cell,) in ws.iter_rows(min_row=2, min_col=c, max_col=c):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"


def write_xlsx(package: dict, tables: dict[str, pd.DataFrame], path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    _sheet(wb, README_SHEET, _readme_rows(package, tables))
    _sheet(wb, FIELDS_SHEET, _field_rows(package))
    for res in package["resources"]:
        df = tables[res["name"]]
        rows = [list(df.columns)] + [[_cell_value(v) for v in row] for row in df.itertuples(index=False)]
        _sheet(wb, res["name"], rows)
    wb.properties.created = dt.datetime(*ZIP_TIME)
    wb.properties.title = package["title_sv"]
    wb.save(path)
    _fix_timestamps(path)
    return path


def _fix_timestamps(path: Path) -> None:
    """Rewrite the xlsx with fixed times: openpyxl stamps the current time on the zip entries and
    as the modification time in docProps/core.xml."""
    with zipfile.ZipFile(path) as src:
        entries = [(info, src.read(info)) for info in src.infolist()]
    fixed = dt.datetime(*ZIP_TIME).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in entries:
            info.date_time = ZIP_TIME
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + fixed, data)
            dst.writestr(info, data)


# ---------------------------------------------------------------- SQLite

SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "date": "TEXT"}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_table_sql(resource: dict) -> str:
    schema = resource["schema"]
    lines = []
    for f in schema["fields"]:
        line = f"{_quote(f['name'])} {SQL_TYPES[f['type']]}"
        if f.get("constraints", {}).get("required"):
            line += " NOT NULL"
        if enum(f):
            line += f" CHECK ({_quote(f['name'])} IN ({', '.join(_sql_literal(v) for v in enum(f))}))"
        lines.append(line)
    lines.append(f"PRIMARY KEY ({', '.join(map(_quote, schema['primaryKey']))})")
    for fk in schema.get("foreignKeys", []):
        ref = fk["reference"]
        lines.append(
            f"FOREIGN KEY ({', '.join(map(_quote, fk['fields']))}) "
            f"REFERENCES {_quote(ref['resource'])} ({', '.join(map(_quote, ref['fields']))})"
        )
    return f"CREATE TABLE {_quote(resource['name'])} (\n  " + ",\n  ".join(lines) + "\n)"


def _sql_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _sql_value(value):
    value = _cell_value(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def write_sqlite(package: dict, tables: dict[str, pd.DataFrame], path: Path) -> Path:
    con = sqlite3.connect(path)
    try:
        with con:
            for res in package["resources"]:
                con.execute(create_table_sql(res))
                df = tables[res["name"]]
                marks = ", ".join("?" for _ in df.columns)
                con.executemany(
                    f"INSERT INTO {_quote(res['name'])} VALUES ({marks})",
                    ([_sql_value(v) for v in row] for row in df.itertuples(index=False)),
                )
            # Full-text search over the quotes, in the layout Datasette (sqlite-utils) detects.
            con.execute('CREATE VIRTUAL TABLE "observations_fts" USING FTS5 ("quote", content="observations")')
            con.execute("INSERT INTO observations_fts (rowid, quote) SELECT rowid, quote FROM observations")
        problems = con.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise ExportError(f"foreign keys do not hold in the SQLite export: {problems[:5]}")
        con.execute("VACUUM")
    finally:
        con.close()
    return path


def datasette_metadata(package: dict) -> dict:
    """Titles, descriptions and the licence for `datasette --metadata` (`make explore`)."""
    licence = package["licenses"][0]
    tables = {
        res["name"]: {
            "title": f"{res['title_sv']} / {res['title']}",
            "description": res["description"],
            "columns": {f["name"]: f"{f['title_sv']}: {f['description']}" for f in res["schema"]["fields"]},
        }
        for res in package["resources"]
    }
    return {
        "title": package["title_sv"],
        "description": package["description"],
        "license": licence["name"],
        "license_url": licence["path"],
        "databases": {Path(SQLITE).stem: {"tables": tables}},
    }


# ---------------------------------------------------------------- Parquet


def write_parquet(package: dict, tables: dict[str, pd.DataFrame], folder: Path) -> list[Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir()
    paths = []
    for res in package["resources"]:
        path = folder / f"{res['name']}.parquet"
        table = pa.Table.from_pandas(tables[res["name"]], preserve_index=False)
        meta = {**table.schema.metadata, b"frictionless": json.dumps(res["schema"], ensure_ascii=False).encode()}
        pq.write_table(table.replace_schema_metadata(meta), path)
        paths.append(path)
    return paths


# ---------------------------------------------------------------- SPSS and Stata


def coded(resource: dict, df: pd.DataFrame) -> tuple[pd.DataFrame, dict, dict, dict, dict]:
    """The table with numeric codes 1…k for every vocabulary (in its order), booleans as 0/1,
    missing values as NaN (system-missing); the variable labels, value labels, SPSS measures
    and SPSS formats (integers without decimals)."""
    out = pd.DataFrame(index=df.index)
    variable_labels, value_labels, measures, formats = {}, {}, {}, {}
    for f in resource["schema"]["fields"]:
        name, column = f["name"], df[f["name"]]
        variable_labels[name] = f["title_sv"]
        codes = enum(f)
        if codes:
            out[name] = (column.cat.codes + 1).where(column.notna()).astype("float64")
            sv = labels(name, "sv") or {c: c for c in codes}
            value_labels[name] = {i: sv[c] for i, c in enumerate(codes, start=1)}
            measures[name] = "nominal"
        elif f["type"] in ("integer", "number", "boolean"):
            out[name] = column.astype("float64")
            measures[name] = "nominal" if f["type"] == "boolean" else "scale"
            if f["type"] != "number":
                formats[name] = "F8.0"
        elif f["type"] == "date":
            out[name] = [d.date() if pd.notna(d) else None for d in column]
            measures[name] = "scale"
        else:
            out[name] = column.astype(object).where(column.notna(), "")
            measures[name] = "nominal"
    return out, variable_labels, value_labels, measures, formats


def _fix_timestamp(path: Path) -> None:
    """Replace the creation time readstat writes into the header with a fixed one (reproducible files)."""
    data = bytearray(path.read_bytes())
    if path.suffix == ".sav":
        data[92:109] = b"01 Jan 0000:00:00"  # creation date (9 bytes) and time (8 bytes)
    else:
        start = data.index(b"<timestamp>") + len(b"<timestamp>")
        data[start : start + 18] = b"\x1101 Jan 2000 00:00"  # length byte and "dd Mon yyyy hh:mm"
    path.write_bytes(bytes(data))


def write_spss_stata(package: dict, tables: dict[str, pd.DataFrame], folder: Path) -> list[Path]:
    import pyreadstat

    (folder / "sav").mkdir()
    (folder / "dta").mkdir()
    paths = []
    for res in package["resources"]:  # every table: a researcher joins them in SPSS or Stata too
        df, variable_labels, value_labels, measures, formats = coded(res, tables[res["name"]])
        sav = folder / "sav" / f"{res['name']}.sav"
        pyreadstat.write_sav(
            df,
            sav,
            file_label=res["title_sv"],
            column_labels=variable_labels,
            variable_value_labels=value_labels,
            variable_measure=measures,
            variable_format=formats,
        )
        dta = folder / "dta" / f"{res['name']}.dta"
        pyreadstat.write_dta(
            df,
            dta,
            file_label=res["title_sv"],
            column_labels=variable_labels,
            variable_value_labels=value_labels,
        )
        for path in (sav, dta):
            _fix_timestamp(path)
        paths += [sav, dta]
    return paths


# ---------------------------------------------------------------- all of it


def export(root: Path, to: Path) -> list[Path]:
    """Write every export of the package at ``root`` into ``to``; returns the files written.

    Refuses an invalid package (``ExportError`` with the validator's problems) before writing
    anything. ``data/`` is only read.
    """
    from .validate import validate_package

    report = validate_package(root / "datapackage.json")
    if not report.valid:
        raise ExportError("\n".join(str(p) for p in report.problems))
    package, data_root = read_descriptor(root)
    tables = load_tables(package, data_root)
    to.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=to.parent, prefix=f".{to.name}-") as tmp:
        staging = Path(tmp)
        written = [
            write_xlsx(package, tables, staging / XLSX),
            write_sqlite(package, tables, staging / SQLITE),
            *write_parquet(package, tables, staging / "parquet"),
            *write_spss_stata(package, tables, staging),
        ]
        (staging / DATASETTE).write_text(
            json.dumps(datasette_metadata(package), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        written.append(staging / DATASETTE)
        targets = []
        for path in written:
            target = to / path.relative_to(staging)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)  # atomic per file
            targets.append(target)
    return targets
