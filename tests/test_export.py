"""Every export, read back with its own reader, holds the same rows, values and labels as `load()`."""

import csv
import datetime as dt
import hashlib
import itertools
import json
import re
import shutil
import sqlite3
import subprocess

import pandas as pd
import pytest

from socialtjanst import load
from socialtjanst.cli import main
from socialtjanst.export import SQLITE, XLSX, ExportError, export, labels
from socialtjanst.metadata import read_metadata, vocabulary

from .conftest import BROWSER_FLAGS, CHROMIUM, ROOT, current_build, readme_example

DESCRIPTOR = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {res["name"]: res for res in DESCRIPTOR["resources"]}
PSPP = shutil.which("pspp")


@pytest.fixture(scope="module")
def exported():
    """The export `make` wrote into dist/ (made here when it is not current)."""
    current_build("dist/" + SQLITE, lambda: export(ROOT, ROOT / "dist"))
    return ROOT / "dist"


@pytest.fixture(scope="module")
def tables():
    return load()


def _plain(value):
    """A loaded cell as a plain Python value (missing: None)."""
    if pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value.item() if hasattr(value, "item") else value


def _rows(df: pd.DataFrame) -> list[list]:
    return [[_plain(v) for v in row] for row in df.itertuples(index=False)]


# ---------------------------------------------------------------- Excel


@pytest.fixture(scope="module")
def workbook(exported):
    from openpyxl import load_workbook

    return load_workbook(exported / XLSX)


def test_xlsx_has_a_sheet_per_resource_and_the_two_guides(workbook):
    assert workbook.sheetnames == ["LÄS MIG", "fält", *RESOURCES]


@pytest.mark.parametrize("name", list(RESOURCES))
def test_xlsx_sheet_holds_the_table(workbook, tables, name):
    ws = workbook[name]
    cells = [list(row) for row in ws.iter_rows(values_only=True)]
    df = tables[name]
    assert cells[0] == list(df.columns)
    expected = [[v.date() if isinstance(v, dt.datetime) else v for v in row] for row in cells[1:]]
    assert expected == _rows(df)
    assert ws.freeze_panes == "A2"
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f", f"{name}!{cell.coordinate} is a formula"
    for field in RESOURCES[name]["schema"]["fields"]:
        column = [row[df.columns.get_loc(field["name"])] for row in cells[1:]]
        kinds = {type(v) for v in column if v is not None}
        expected_kind = {"integer": int, "number": (int, float), "boolean": bool, "date": dt.datetime}.get(
            field["type"], str
        )
        assert all(issubclass(k, expected_kind) for k in kinds), f"{name}.{field['name']}: {kinds}"


def test_xlsx_field_sheet_describes_every_field_with_its_labels(workbook):
    rows = list(workbook["fält"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == sum(len(res["schema"]["fields"]) for res in RESOURCES.values())
    by_field = {(r[0], r[1]): dict(zip(header, r, strict=True)) for r in body}
    assert by_field[("surveys", "response_rate_published_pct")]["enhet"] == vocabulary("unit", "sv")["percent"]
    row = by_field[("observations", "value_basis")]
    meta = read_metadata()["fields"]["value_basis"]
    assert [row[k] for k in ("titel", "title", "beskrivning", "description")] == [
        meta["title_sv"],
        meta["title"],
        meta["description_sv"],
        meta["description"],
    ]
    allowed = row["tillåtna värden (kod = svenska / English)"]
    for code, label in vocabulary("value_basis", "sv").items():
        assert f"{code} = {label} / {vocabulary('value_basis', 'en')[code]}" in allowed


def test_xlsx_read_me_names_licence_version_and_citation(workbook):
    text = " ".join(str(v) for row in workbook["LÄS MIG"].iter_rows(values_only=True) for v in row if v)
    assert DESCRIPTOR["version"] in text and DESCRIPTOR["licenses"][0]["name"] in text and "Citera" in text


# ---------------------------------------------------------------- SQLite


@pytest.fixture(scope="module")
def database(exported):
    con = sqlite3.connect((exported / SQLITE).as_uri() + "?mode=ro", uri=True)  # make's file: read only
    yield con
    con.close()


@pytest.mark.parametrize("name", list(RESOURCES))
def test_sqlite_table_holds_the_table_with_its_keys(database, tables, name):
    df = tables[name]
    cursor = database.execute(f'SELECT * FROM "{name}" ORDER BY rowid')
    assert [d[0] for d in cursor.description] == list(df.columns)
    dates = [f["name"] for f in RESOURCES[name]["schema"]["fields"] if f["type"] == "date"]
    booleans = [f["name"] for f in RESOURCES[name]["schema"]["fields"] if f["type"] == "boolean"]
    expected = df.copy()
    for column in dates:
        expected[column] = [d.date().isoformat() if pd.notna(d) else None for d in expected[column]]
    for column in booleans:
        expected[column] = expected[column].astype("Int64")
    assert [list(row) for row in cursor.fetchall()] == _rows(expected)
    schema = RESOURCES[name]["schema"]
    info = database.execute(f'PRAGMA table_info("{name}")').fetchall()
    assert [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]] == schema["primaryKey"]
    declared = {(row[3], row[2]) for row in database.execute(f'PRAGMA foreign_key_list("{name}")')}
    assert declared == {(fk["fields"][0], fk["reference"]["resource"]) for fk in schema.get("foreignKeys", [])}


def test_sqlite_foreign_keys_hold(database):
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []


def test_sqlite_full_text_search_over_quotes(database, tables):
    found = database.execute(
        "SELECT o.obs_id FROM observations_fts JOIN observations o ON o.rowid = observations_fts.rowid "
        "WHERE observations_fts MATCH 'konsulter' ORDER BY o.rowid"
    ).fetchall()
    obs = tables["observations"]
    expected = obs.loc[obs["quote"].str.contains(r"\bkonsulter\b", case=False, regex=True), "obs_id"].tolist()
    assert [r[0] for r in found] == expected and expected


# ---------------------------------------------------------------- Parquet


@pytest.mark.parametrize("name", list(RESOURCES))
def test_parquet_has_the_loaders_types(exported, tables, name):
    pd.testing.assert_frame_equal(pd.read_parquet(exported / "parquet" / f"{name}.parquet"), tables[name])


# ---------------------------------------------------------------- SPSS and Stata


def _labelled(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """The loaded table as SPSS shows it with value labels: Swedish labels for the vocabularies."""
    out = df.copy()
    for field in RESOURCES[name]["schema"]["fields"]:
        sv = labels(field["name"], "sv")
        if field.get("constraints", {}).get("enum"):
            assert sv, f"{field['name']} has no Swedish labels in metadata.toml"
            out[field["name"]] = df[field["name"]].astype(object).map(sv)
    return out


@pytest.mark.parametrize("name", list(RESOURCES))
@pytest.mark.parametrize("kind", ["sav", "dta"])
def test_spss_and_stata_files_have_values_and_labels(exported, tables, name, kind):
    import pyreadstat

    read = pyreadstat.read_sav if kind == "sav" else pyreadstat.read_dta
    df, meta = read(exported / kind / f"{name}.{kind}", apply_value_formats=True)
    fields = RESOURCES[name]["schema"]["fields"]
    assert meta.column_names == [f["name"] for f in fields]
    assert meta.column_labels == [f["title_sv"] for f in fields]
    for f in fields:
        if f.get("constraints", {}).get("enum"):
            expected = dict(enumerate(vocabulary(f["name"], "sv").values(), start=1))
            label_set = meta.variable_to_label[f["name"]]
            assert {float(k): v for k, v in meta.value_labels[label_set].items()} == expected
    expected = _labelled(name, tables[name])
    for f in fields:
        got, want = df[f["name"]], expected[f["name"]]
        if f.get("constraints", {}).get("enum"):
            assert [v if isinstance(v, str) else None for v in got] == [v if isinstance(v, str) else None for v in want]
        elif f["type"] == "string":
            assert got.tolist() == [v if isinstance(v, str) else "" for v in want.tolist()], f["name"]
        elif f["type"] == "date":
            assert [_plain(v) for v in got] == [_plain(v) for v in want], f["name"]
        else:
            assert [None if v != v else v for v in got.tolist()] == [
                None if v is None else float(v) for v in (_plain(x) for x in want)
            ], f["name"]


@pytest.mark.skipif(
    PSPP is None, reason="GNU PSPP is not installed (`make test` installs it): the .sav files were not read by PSPP"
)
@pytest.mark.parametrize("name", list(RESOURCES))
def test_pspp_reads_the_sav_files_with_labels(exported, tables, tmp_path, name):
    out = tmp_path / f"{name}.csv"
    syntax = tmp_path / "read.sps"
    syntax.write_text(
        f"GET FILE='{exported / 'sav' / f'{name}.sav'}'.\n"
        "DISPLAY DICTIONARY.\n"
        f"SAVE TRANSLATE /OUTFILE='{out}' /TYPE=CSV /FIELDNAMES /CELLS=LABELS /REPLACE.\n",
        encoding="utf-8",
    )
    dictionary = subprocess.run(
        [PSPP, "-O", "format=csv", "-o", "-", str(syntax)], capture_output=True, text=True, check=True
    )
    fields = RESOURCES[name]["schema"]["fields"]
    lines = dictionary.stdout.splitlines()
    start = lines.index("Table: Variables") + 1  # the header; PSPP's own box drawing may follow at once
    rows = list(csv.reader(lines[start:]))
    variables = list(itertools.takewhile(lambda row: len(row) == len(rows[0]), rows[1:]))
    assert [(v[0], v[2]) for v in variables] == [(f["name"], f["title_sv"]) for f in fields]
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    expected = _labelled(name, tables[name])
    assert len(rows) == len(expected)
    for f in fields:
        if f.get("constraints", {}).get("enum") or f["type"] == "string":
            want = [v if isinstance(v, str) else "" for v in expected[f["name"]].tolist()]
            assert [r[f["name"]].strip() if f["type"] != "string" else r[f["name"]].rstrip() for r in rows] == [
                w.rstrip() for w in want
            ], f["name"]
        elif f["type"] in ("integer", "number"):
            want = [_plain(v) for v in expected[f["name"]]]
            got = [float(r[f["name"]]) if r[f["name"]].strip() else None for r in rows]
            assert got == [None if w is None else float(w) for w in want], f["name"]


# ---------------------------------------------------------------- the export command


def _digest(folder):
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_exports_follow_the_csvs(package_copy, tmp_path):
    """An export made from changed CSVs holds the changed values: nothing is cached or typed."""
    rows = package_copy.rows("observations")
    rows[0]["note"] = "a note changed after the last export"
    package_copy.write("observations", rows)
    export(package_copy.root, tmp_path / "dist")
    con = sqlite3.connect(tmp_path / "dist" / SQLITE)
    obs_id = rows[0]["obs_id"]
    assert con.execute("SELECT note FROM observations WHERE obs_id = ?", (obs_id,)).fetchone() == (rows[0]["note"],)
    con.close()
    parquet = pd.read_parquet(tmp_path / "dist" / "parquet" / "observations.parquet")
    assert parquet.loc[parquet["obs_id"] == obs_id, "note"].item() == rows[0]["note"]


def test_export_is_reproducible_and_leaves_data_alone(exported, tmp_path):
    """Exported again, in another process than `make`'s: the same bytes (dist/ holds the release's
    other files too)."""
    before = _digest(ROOT / "data")
    export(ROOT, tmp_path / "again")
    again = _digest(tmp_path / "again")
    assert {SQLITE, XLSX, "datasette.json"} <= set(again)
    assert again.items() <= _digest(exported).items()
    assert _digest(ROOT / "data") == before


def test_export_refuses_an_invalid_package_and_writes_nothing(package_copy, tmp_path, capsys):
    rows = package_copy.rows("observations")
    rows[0]["unit"] = "furlongs"
    package_copy.write("observations", rows)
    to = tmp_path / "dist"
    with pytest.raises(ExportError, match="unit"):
        export(package_copy.root, to)
    assert not to.exists() or not any(to.iterdir())
    assert main(["export", "--root", str(package_copy.root), "--to", str(to)]) == 1
    err = capsys.readouterr().err
    assert "furlongs" in err and "nothing was written" in err
    assert not re.search(r"Traceback", err)


# ---------------------------------------------------------------- Datasette (`make explore`)


@pytest.fixture(scope="module")
def datasette(exported):
    """`datasette serve` on the export, on a free port of localhost (as `make explore` runs it)."""
    import socket
    import sys
    import time
    import urllib.request
    from pathlib import Path

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [str(Path(sys.executable).parent / "datasette"), "serve", str(exported / SQLITE)]
    command += ["--metadata", str(exported / "datasette.json"), "-h", "127.0.0.1", "-p", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url, timeout=1)
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (`make test` installs it): the Datasette browser test did not run",
)
def test_datasette_shows_the_export_with_a_facet_and_a_search(datasette, tables):
    from playwright.sync_api import sync_playwright

    obs = tables["observations"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_FLAGS)
        page = browser.new_page()
        page.goto(f"{datasette}/{SQLITE.removesuffix('.sqlite')}/observations?_facet=unit")
        assert "Observationer: varje publicerad siffra" in page.content()
        facet = page.locator(".facet-info[data-column=unit]")
        assert facet.count() == 1
        percent = facet.locator("li", has_text="percent").first.inner_text()
        assert str(int((obs["unit"] == "percent").sum())) in percent
        # The search box is there because of the full-text index over the quotes.
        page.fill("input#_search", "konsulter")
        page.locator("form.filters input[type=submit]").click()
        page.wait_for_load_state("load")
        expected = int(obs["quote"].str.contains(r"\bkonsulter\b", case=False, regex=True).sum())
        assert f"{expected} rows" in page.inner_text("h3") and expected > 0
        browser.close()


# ---------------------------------------------------------------- the README's examples


def test_the_readme_sql_example_runs(database, tables):
    rows = database.execute(readme_example("sql")).fetchall()
    obs = tables["observations"]
    chosen = obs[(obs["indicator"] == "staffing_difficulty") & (obs["subject"] == "socialsekreterare")]
    expected = chosen[["reference_year", "value", "base_n", "source_id"]]
    assert sorted(map(repr, rows)) == sorted(repr(tuple(row)) for row in _rows(expected)) and rows
    assert [row[0] for row in rows] == sorted(row[0] for row in rows)


@pytest.mark.skipif(
    PSPP is None, reason="GNU PSPP is not installed (`make test` installs it): the SPSS example did not run"
)
def test_the_readme_spss_example_runs_in_pspp(exported, tables, tmp_path):
    syntax = tmp_path / "example.sps"
    syntax.write_text(readme_example("spss"), encoding="utf-8")
    out = subprocess.run(
        [PSPP, "-O", "format=csv", "-o", "-", str(syntax)],
        cwd=exported.parent,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    counts = tables["observations"]["indicator"].value_counts()
    for code, label in vocabulary("indicator", "sv").items():
        if counts[code]:
            assert f"{label},{counts[code]}," in out, label
