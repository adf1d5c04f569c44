"""A corruption corpus: the real package, broken as a user (or Excel) would break it, WITHOUT
rebuilding the descriptor. Each case asserts the exit code, a problem naming the file, the row
(where one exists) and the field, at most a few lines per kind, no traceback, no file written
or touched, and no network connection attempted."""

import csv
import hashlib
import io
import json
import socket
import subprocess
import sys
import textwrap

import pytest

from socialtjanst.cli import main, report_json, report_text
from socialtjanst.validate import validate_package

from .conftest import ROOT, PackageCopy

OBS = "data/observations.csv"


def _digests(root):
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def records(root, file=OBS):
    return list(csv.reader(io.StringIO((root / file).read_text(encoding="utf-8"), newline="")))


def write(root, rows, file=OBS, encoding="utf-8", delimiter=",", lineterminator="\n"):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=lineterminator).writerows(rows)
    (root / file).write_bytes(out.getvalue().encode(encoding))


def first(rows, **match):
    """Index (in rows, header = 0, so also the row number minus 1) of the first matching row."""
    header = rows[0]
    for i, row in enumerate(rows[1:], start=1):
        if all(row[header.index(k)] == v for k, v in match.items()):
            return i
    raise LookupError(match)


def set_cell(root, name, value, **match):
    rows = records(root)
    i = first(rows, **match)
    rows[i][rows[0].index(name)] = value
    write(root, rows)
    return i + 1  # the file's row number


# Each case breaks the copy and returns (kind, file, row or None, field or None) of the
# problem that must be reported.
def semicolons(root):
    write(root, records(root), delimiter=";")
    return "semicolons", OBS, None, None


def tabs(root):
    write(root, records(root), delimiter="\t")
    return "tabs", OBS, None, None


def bom(root):
    (root / OBS).write_bytes(b"\xef\xbb\xbf" + (root / OBS).read_bytes())
    return "bom", OBS, None, None


def windows_1252(root):
    rows = records(root)
    write(root, rows, encoding="cp1252")
    row = next(i for i, r in enumerate(rows) if any(not c.isascii() for c in r))
    field = next(rows[0][j] for j, c in enumerate(rows[row]) if not c.isascii())
    return "encoding", OBS, row + 1, field


def decimal_comma(root):
    rows = records(root)
    i = first(rows, value_basis="derived")
    value = rows[i][rows[0].index("value")]
    rows[i][rows[0].index("value")] = value.replace(".", ",") if "." in value else value + ",5"
    write(root, rows)
    return "decimal-comma", OBS, i + 1, "value"


def crlf(root):
    write(root, records(root), lineterminator="\r\n")
    return "crlf", OBS, None, None


def trailing_rows(root):
    rows = records(root)
    write(root, rows + [[""] * len(rows[0])] * 3)
    return "trailing-rows", OBS, None, None


def trailing_columns(root):
    write(root, [r + ["", ""] for r in records(root)])
    return "trailing-columns", OBS, None, None


def column_renamed(root):
    rows = records(root)
    rows[0][rows[0].index("unit")] = "enhet"
    write(root, rows)
    return "column-renamed", OBS, 1, "unit"


def column_added(root):
    write(root, [r + ["kommentar" if i == 0 else "x"] for i, r in enumerate(records(root))])
    return "column-extra", OBS, 1, None


def column_missing(root):
    rows = records(root)
    j = rows[0].index("unit")
    write(root, [r[:j] + r[j + 1 :] for r in rows])
    return "column-missing", OBS, 1, "unit"


def columns_moved(root):
    rows = records(root)
    a, b = rows[0].index("value"), rows[0].index("unit")
    for r in rows:
        r[a], r[b] = r[b], r[a]
    write(root, rows)
    return "columns-moved", OBS, None, None


def empty_file(root):
    (root / OBS).write_bytes(b"")
    return "empty-file", OBS, None, None


def percent_130(root):
    return "percent-range", OBS, set_cell(root, "value", "130", unit="percent", value_basis="stated"), "value"


def duplicate_key(root):
    rows = records(root)
    write(root, rows + [rows[1]])
    return "duplicate-key", OBS, len(rows) + 1, "obs_id"


def unknown_survey(root):
    return "unknown-reference", OBS, set_cell(root, "survey_id", "vision_1999", survey_id="vision_2023"), "survey_id"


def category_outside_vocabulary(root):
    return "not-in-vocabulary", OBS, set_cell(root, "category", "nästan svårt", category="svårt"), "category"


def value_not_in_quote(root):
    rows = records(root)
    i = first(rows, unit="percent", value_basis="stated")
    rows[i][rows[0].index("value")] = str(float(rows[i][rows[0].index("value")]) + 0.1)
    write(root, rows)
    return "value-not-in-quote", OBS, i + 1, "quote"


def derived_does_not_recompute(root):
    rows = records(root)
    i = first(rows, value_basis="derived")
    rows[i][rows[0].index("value")] = str(float(rows[i][rows[0].index("value")]) + 5)
    write(root, rows)
    return "derived-mismatch", OBS, i + 1, "value"


def stale_hash_only(root):
    rows = records(root)
    rows[1][rows[0].index("note")] += " (checked again)"
    write(root, rows)
    return "stale-descriptor", OBS, None, None


def broken_json(root):
    text = (root / "datapackage.json").read_text(encoding="utf-8")
    (root / "datapackage.json").write_text(text.replace('"resources": [', '"resources": [,', 1), encoding="utf-8")
    line = text[: text.index('"resources": [')].count("\n") + 1
    return "json-syntax", "datapackage.json", line, None


def _edit_descriptor(root, **changes):
    package = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    package["resources"][0].update(changes)
    (root / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False, indent=2), encoding="utf-8")


def path_is_url(root):
    _edit_descriptor(root, path="https://example.org/sources.csv")
    return "path-url", "datapackage.json", None, None


def path_outside(root):
    _edit_descriptor(root, path="../../etc/passwd")
    return "path-outside", "datapackage.json", None, None


CASES = [
    semicolons, tabs, bom, windows_1252, decimal_comma, crlf, trailing_rows, trailing_columns,
    column_renamed, column_added, column_missing, columns_moved, empty_file,
    percent_130, duplicate_key, unknown_survey, category_outside_vocabulary, value_not_in_quote,
    derived_does_not_recompute, stale_hash_only, broken_json, path_is_url, path_outside,
]  # fmt: skip
MAX_LINES_PER_KIND = 3


@pytest.mark.parametrize("corrupt", CASES, ids=[c.__name__ for c in CASES])
def test_corruption_is_reported_in_words(corrupt, tmp_path, no_network):
    """One validation, shown as `validate --json` and as `validate` show it (the command's own
    runs, exit codes and all, are in the tests below)."""
    root = PackageCopy(tmp_path).root
    kind, file, row, field = corrupt(root)
    before = _digests(root)

    result = validate_package(root / "datapackage.json")
    assert not result.valid
    report = json.loads(report_json(result))
    hits = [p for p in report["problems"] if p["kind"] == kind and p["file"] == file]
    assert hits, f"no {kind} problem in {file}: {report['problems']}"
    assert any(p["row"] == row and p["field"] == field for p in hits), hits
    assert all(p["message"] for p in report["problems"])

    out = report_text(result)
    assert "Traceback" not in out
    lines = out.splitlines()
    assert len([line for line in lines if line.startswith(file)]) <= 12, out
    message = hits[0]["message"]
    kind_lines = [line for line in lines if message in line]
    assert 1 <= len(kind_lines) <= MAX_LINES_PER_KIND, out
    assert kind_lines[0].startswith(file)
    if row:
        assert str(row) in kind_lines[0]
    if field:
        assert f"field {field}" in kind_lines[0]
    assert _digests(root) == before


def _extra_cells(root):
    lines = (root / "data/questions.csv").read_text(encoding="utf-8").split("\n")
    lines[3] += ",extra,cells"
    (root / "data/questions.csv").write_text("\n".join(lines), encoding="utf-8")


def _duplicate_column(root):
    rows = records(root, "data/figures.csv")
    rows[0][2] = rows[0][1]
    write(root, rows, "data/figures.csv")


def _binary_file(root):
    (root / "data/sources.csv").write_bytes(bytes(range(256)) * 50)


def _descriptor_is_a_list(root):
    (root / "datapackage.json").write_text("[1, 2]", encoding="utf-8")


def _schema_is_a_url(root):
    _edit_descriptor(root, schema="https://example.org/schema.json")


ODD = [_extra_cells, _duplicate_column, _binary_file, _descriptor_is_a_list, _schema_is_a_url]


@pytest.mark.parametrize("corrupt", ODD, ids=[c.__name__.strip("_") for c in ODD])
def test_odd_input_gives_sentences_not_tracebacks(corrupt, tmp_path, capsys, no_network):
    root = PackageCopy(tmp_path).root
    corrupt(root)
    before = _digests(root)
    assert main(["validate", str(root / "datapackage.json")]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "cannot run" not in err
    assert 1 <= len([line for line in out.splitlines() if not line.startswith("note:")]) <= 12, out
    assert _digests(root) == before


def test_quote_not_in_source(tmp_path, capsys, no_network, sources_dir):
    root = PackageCopy(tmp_path).root
    rows = records(root)
    i = first(rows, source_id="vision_2023")
    rows[i][rows[0].index("quote")] += " enligt en påhittad källa"
    write(root, rows)
    assert main(["validate", str(root / "datapackage.json"), "--sources", str(sources_dir), "--json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert {"file": OBS, "row": i + 1, "field": "quote", "kind": "quote-not-in-source"} in [
        {k: p[k] for k in ("file", "row", "field", "kind")} for p in problems
    ]


def test_every_problem_in_one_run(tmp_path, capsys):
    """Excel's Swedish CSV (semicolons, Windows-1252, CR LF) with a 130 % in it: the way the file
    was saved, the stale hash and the content problem are all reported at once."""
    root = PackageCopy(tmp_path).root
    rows = records(root)
    i = first(rows, unit="percent", value_basis="stated")
    rows[i][rows[0].index("value")] = "130"
    write(root, rows, encoding="cp1252", delimiter=";", lineterminator="\r\n")
    assert main(["validate", str(root / "datapackage.json"), "--json"]) == 1
    kinds = {p["kind"]: p for p in json.loads(capsys.readouterr().out)["problems"]}
    assert {"semicolons", "encoding", "crlf", "stale-descriptor", "percent-range"} <= set(kinds)
    assert kinds["percent-range"]["row"] == i + 1


def test_repeated_errors_are_grouped_and_all_lists_them(tmp_path, capsys):
    root = PackageCopy(tmp_path).root
    rows = records(root)
    j = rows[0].index("value")
    changed = [i for i, r in enumerate(rows[1:], start=1) if r[j] and "." not in r[j]][:12]
    for i in changed:
        rows[i][j] += ",5"
    write(root, rows)
    assert main(["validate", str(root / "datapackage.json")]) == 1
    out = capsys.readouterr().out
    grouped = [line for line in out.splitlines() if "decimal comma" in line]
    assert grouped == [grouped[0]] and "12 times" in grouped[0] and "field value" in grouped[0]
    assert ", ".join(str(i + 1) for i in changed[:5]) in grouped[0]
    assert main(["validate", str(root / "datapackage.json"), "--all"]) == 1
    assert len([line for line in capsys.readouterr().out.splitlines() if "decimal comma" in line]) == 12


def test_swedish_messages(tmp_path, capsys):
    root = PackageCopy(tmp_path).root
    row = set_cell(root, "value", "130", unit="percent", value_basis="stated")
    assert main(["validate", str(root / "datapackage.json"), "--lang", "sv"]) == 1
    out = capsys.readouterr().out
    assert f"{OBS} rad {row} fält value: " in out and "måste ligga mellan 0 och 100" in out
    assert "kör `socialtjanst build`" in out


def test_missing_descriptor_says_where_it_looked(tmp_path, capsys):
    assert main(["validate", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path / "datapackage.json") in err and "Traceback" not in err


def test_every_check_has_a_name_in_both_languages():
    from socialtjanst.problems import messages
    from socialtjanst.validate import Checker

    checks = {name.removeprefix("check_") for name in dir(Checker) if name.startswith("check_")}
    assert checks == set(messages()["checks"])
    assert all(set(names) == {"en", "sv"} for names in messages()["checks"].values())


def test_every_message_has_both_languages():
    from socialtjanst.problems import messages

    for table in ("kinds", "notes", "words"):
        for name, text in messages()[table].items():
            assert set(text) == {"en", "sv"}, (table, name)


def test_valid_package_exits_0(capsys):
    assert main(["validate", str(ROOT / "datapackage.json"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["problems"] == []


def test_unreadable_table_skips_the_checks_that_need_it(tmp_path, capsys):
    root = PackageCopy(tmp_path).root
    column_missing(root)
    assert main(["validate", str(root / "datapackage.json"), "--json"]) == 1
    notes = json.loads(capsys.readouterr().out)["notes"]
    skipped = [n["message"] for n in notes if n["kind"] == "checks-skipped"]
    assert len(skipped) == 1 and "need observations" in skipped[0] and "percentages" in skipped[0]


def test_repair_writes_a_copy_that_restores_the_file(tmp_path, capsys):
    """Excel's Swedish CSV with a BOM, repaired: the copy is the original file byte for byte,
    the edited file is untouched, and a second repair refuses to overwrite the copy."""
    root = PackageCopy(tmp_path).root
    original = (root / OBS).read_bytes()
    rows = records(root)
    write(
        root,
        [r + [""] for r in rows] + [[""] * (len(rows[0]) + 1)],
        encoding="cp1252",
        delimiter=";",
        lineterminator="\r\n",
    )
    (root / OBS).write_bytes(b"\xef\xbb\xbf" + (root / OBS).read_bytes().replace(b"\xef\xbb\xbf", b""))
    edited = (root / OBS).read_bytes()
    assert main(["repair", str(root / OBS)]) == 0
    out = capsys.readouterr().out
    copy = root / "data" / "observations.repaired.csv"
    assert copy.read_bytes() == original
    assert (root / OBS).read_bytes() == edited
    assert "semicolons" in out and "---" in out
    assert main(["repair", str(root / OBS)]) == 2
    assert copy.read_bytes() == original
    assert main(["repair", str(root / OBS), "--in-place"]) == 0
    assert (root / OBS).read_bytes() == original


def test_repair_reorders_columns_and_fixes_decimal_commas(tmp_path, capsys):
    root = PackageCopy(tmp_path).root
    original = (root / OBS).read_bytes()
    rows = records(root)
    j = rows[0].index("value")
    i = next(i for i, r in enumerate(rows) if "." in r[j])
    rows[i][j] = rows[i][j].replace(".", ",")
    write(root, [r[::-1] for r in rows])
    assert main(["repair", str(root / OBS), "--in-place"]) == 0
    assert (root / OBS).read_bytes() == original


def test_build_refuses_content_problems_and_names_the_command(tmp_path, capsys):
    root = PackageCopy(tmp_path).root
    percent_130(root)
    before = _digests(root)
    assert main(["build", "--root", str(root)]) == 1
    assert "socialtjanst validate" in capsys.readouterr().err
    assert _digests(root) == before


def test_cli_works_offline_in_a_subprocess(tmp_path):
    """The command itself, with every socket connection refused by a sitecustomize."""
    (tmp_path / "pkg").mkdir()
    root = PackageCopy(tmp_path / "pkg").root
    path_is_url(root)
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        textwrap.dedent("""
        import socket
        def _refuse(*args, **kwargs):
            raise OSError("network disabled for this test")
        socket.socket.connect = _refuse
        socket.create_connection = _refuse
        socket.getaddrinfo = _refuse
        """),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "socialtjanst.cli", "validate", "datapackage.json"],
        capture_output=True,
        text=True,
        cwd=root,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "is a URL" in result.stdout
