"""`socialtjanst validate`: the real package passes; checks that need a rebuilt descriptor; the
command and `build` write nothing when they reject. Each kind of broken file, with the file, row
and field named, is a case of the corruption corpus (test_corruption.py)."""

import hashlib
import subprocess
import sys

import pytest

from socialtjanst.validate import evaluate, validate_package

from .conftest import ROOT


def test_package_is_valid_without_sources():
    report = validate_package(ROOT)
    assert report.problems == []
    assert any("not checked" in note.text() for note in report.notes)


def test_package_is_valid_with_every_quote_checked(sources_dir):
    report = validate_package(ROOT, sources_dir)
    assert [str(p) for p in report.problems] == []


def _only_problem(report, file, field):
    """The report's problems must include one about ``file`` and ``field`` with a row."""
    hits = [p for p in report.problems if p.file == file and p.field and field in p.field and p.row]
    assert hits, f"expected a problem in {file} field {field}, got {[str(p) for p in report.problems]}"
    return hits[0]


def _row_of(index):
    return index + 2  # header is row 1


def test_foreign_keys_are_checked_as_frictionless_checks_them(package_copy):
    """Our foreign-key check (frictionless' was two thirds of validation's time) finds the same
    rows as frictionless' own, run here on the same broken package: unknown survey, figure and
    source ids, and an empty optional reference, which refers to nothing."""
    import frictionless

    observations = package_copy.rows("observations")
    broken = {}
    for field, value in [("survey_id", "vision_1999"), ("figure_id", "figur_99"), ("source_id", "okand_kalla")]:
        i = next(i for i, r in enumerate(observations) if r[field] and _row_of(i) not in broken)
        observations[i][field] = value
        broken[_row_of(i)] = field
    i = next(i for i, r in enumerate(observations) if r["figure_id"] and _row_of(i) not in broken)
    observations[i]["figure_id"] = ""
    package_copy.write("observations", observations)

    ours = {(p.row, p.field) for p in validate_package(package_copy.root).problems if p.kind == "unknown-reference"}
    report = frictionless.validate(str(package_copy.root / "datapackage.json"), limit_errors=10_000)
    theirs = {
        (e.row_number, ", ".join(e.field_names))
        for task in report.tasks
        if task.name == "observations"
        for e in task.errors
        if e.type == "foreign-key"
    }
    assert ours == theirs == {(row, field) for row, field in broken.items()}


def _digests(root):
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def test_cli_rejects_bad_input_and_writes_nothing(package_copy):
    rows = package_copy.rows("observations")
    rows[0]["value"] = "130" if rows[0]["unit"] == "percent" else "-1"
    rows[0]["unit"] = "percent"
    package_copy.write("observations", rows)
    before = _digests(package_copy.root)
    result = subprocess.run(
        [sys.executable, "-m", "socialtjanst.cli", "validate", str(package_copy.root / "datapackage.json")],
        capture_output=True,
        text=True,
        cwd=package_copy.root,
    )
    assert result.returncode == 1
    assert "data/observations.csv row 2 field value" in result.stdout
    assert _digests(package_copy.root) == before


def test_formula_evaluator_refuses_code():
    with pytest.raises(ValueError):
        evaluate("__import__('os').system('true')", {})
    with pytest.raises(ValueError, match="unknown observation"):
        evaluate("V23-999 + 1", {})


def test_build_refuses_invalid_input_and_writes_nothing(package_copy):
    from socialtjanst.build import BuildError, build

    rows = package_copy.rows("observations")
    i, _ = package_copy.first("observations", survey_id="vision_2023")
    rows[i]["survey_id"] = "vision_1999"
    package_copy.write("observations", rows)
    before = _digests(package_copy.root)
    with pytest.raises(BuildError, match="socialtjanst validate"):
        build(package_copy.root)
    assert _digests(package_copy.root) == before


def test_survey_number_without_an_observation(package_copy):
    rows = package_copy.rows("surveys")
    i, _ = package_copy.first("surveys", survey_id="vision_2023")
    rows[i]["respondents_n"] = "159"
    rows[i]["response_rate_recomputed_pct"] = "54.8"
    package_copy.write("surveys", rows)
    problem = _only_problem(validate_package(package_copy.root), "data/surveys.csv", "respondents_n")
    assert problem.row == _row_of(i) and "not an observation" in problem.message()


def test_municipality_group_size_without_an_observation(package_copy):
    rows = package_copy.rows("kommungrupper_2011")
    rows[0]["municipalities_n"] = str(int(rows[0]["municipalities_n"]) + 1)
    package_copy.write("kommungrupper_2011", rows)
    problem = _only_problem(validate_package(package_copy.root), "data/kommungrupper_2011.csv", "municipalities_n")
    assert problem.row == _row_of(0)
