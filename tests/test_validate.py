"""`socialtjanst validate`: the real package passes; checks that need a rebuilt descriptor; the
command and `build` write nothing when they reject. Each kind of broken file, with the file, row
and field named, is a case of the corruption corpus (test_corruption.py)."""

import hashlib
import json
import re
import subprocess
import sys

import pytest

from socialtjanst.build import descriptor_text
from socialtjanst.validate import Report, evaluate, validate_package

from .conftest import ROOT, PackageCopy


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


# ------------------------------------------------------------------ frictionless as the oracle

# frictionless' header errors: the package describes a broken header in its own words.
HEADER_ERRORS = {
    "blank-label", "duplicate-label", "extra-label", "incorrect-label", "missing-label", "blank-header",
    "unmatched-header",
}  # fmt: skip


def _frictionless_problems(package: dict, root, files: dict) -> list:
    """frictionless 5's checks of the readable tables, in the package's words: the step that
    `socialtjanst validate` ran until it made these checks itself (foreign keys are compared above)."""
    import copy

    import frictionless

    from socialtjanst.problems import Problem
    from socialtjanst.validate import DECIMAL_COMMA, _as_list, field_names

    descriptor = copy.deepcopy(package)
    kept = []
    for res in descriptor["resources"]:
        found = files.get(res["name"])
        if found is None or not found.readable:
            continue
        res.pop("bytes", None)
        res.pop("hash", None)
        res["encoding"] = found.encoding
        if found.delimiter != ",":
            res["dialect"] = {**(res.get("dialect") or {}), "delimiter": found.delimiter}
        if found.header_differs or len(found.labels) != len(field_names(res)):
            res["schema"]["fieldsMatch"] = "partial"
        res["schema"]["foreignKeys"] = []
        kept.append(res)
    descriptor["resources"] = kept
    result = frictionless.validate(descriptor, basepath=str(root), limit_errors=10**9)
    problems = [Problem("datapackage.json", None, None, "descriptor-invalid", {}) for _ in result.errors]
    for task in result.tasks:
        res, found = next(r for r in kept if r["name"] == task.name), files[task.name]
        fields = {f["name"]: f for f in res["schema"]["fields"]}
        for error in task.errors:
            row, name = getattr(error, "row_number", None), getattr(error, "field_name", None)
            cell = getattr(error, "cell", None)
            if error.type in HEADER_ERRORS and found.problems or row in found.trailing_rows:
                continue
            kind, params = "frictionless", {"note": error.message}
            if error.type == "type-error":
                numeric = fields[name]["type"] in ("number", "integer")
                kind = "decimal-comma" if numeric and DECIMAL_COMMA.match(cell) else "type-error"
                params = {"cell": cell}
            elif error.type == "constraint-error":
                which = re.search(r'constraint "(\w+)"', error.note)[1]
                kind = {"enum": "not-in-vocabulary", "pattern": "pattern", "required": "required"}.get(which, which)
                params = {} if which == "required" else {"cell": cell}
            elif error.type in ("primary-key", "unique-error"):
                first = re.search(r"position (\d+)", error.note or "")
                if error.type == "primary-key":
                    name = ", ".join(_as_list(res["schema"]["primaryKey"]))
                kind, params = ("duplicate-key", {"first": int(first[1])}) if first else ("required", {})
            elif error.type in ("blank-row", "extra-cell", "missing-cell"):
                kind, params = error.type, {}
                name = name or None
            problems.append(Problem(res["path"], row, name, kind, params))
    return problems


def _ours(problem) -> tuple:
    """A problem as the oracle describes it (the oracle keeps fewer params; long cells are shortened)."""
    params = {k: v for k, v in problem.params.items() if k in {"cell", "first"}}
    if "cell" in params and params["cell"].endswith("…"):
        params["cell"] = params["cell"][:-1]
    return problem.file, problem.row, problem.field, problem.kind, tuple(sorted(params.items()))


def _theirs(problem) -> tuple:
    params = dict(problem.params)
    if len(params.get("cell", "")) > 60:
        params["cell"] = params["cell"][:57]
    return problem.file, problem.row, problem.field, problem.kind, tuple(sorted(params.items()))


def _break_every_way(copy: PackageCopy) -> None:
    """One package with a cell of every type wrong, every constraint broken, and odd rows."""
    obs = copy.rows("observations")
    i = next(i for i, r in enumerate(obs) if "." in r["value"])
    obs[i]["value"] = obs[i]["value"].replace(".", ",")  # decimal comma
    obs[i + 1]["value"] = "ungefär 40"  # not a number
    obs[i + 2]["reference_year"] = "2023.0"  # not an integer
    obs[i + 3]["reference_year"] = "1989"  # under the minimum
    obs[i + 4]["reference_year"] = " 2031 "  # over the maximum (frictionless strips the cell)
    obs[i + 5]["quote"] = "för kort"  # minLength
    obs[i + 6]["quote"] = "x" * 401  # maxLength
    obs[i + 7]["obs_id"] = "v23-1"  # pattern
    j = next(j for j, r in enumerate(obs) if r["category"] == "svårt")
    obs[j]["category"] = "nästan svårt"  # enum
    obs[j + 1]["quote"] = ""  # required
    obs.append(dict(obs[0]))  # the primary key again
    copy.write("observations", obs)
    surveys = copy.rows("surveys")
    surveys[0]["fieldwork_start"] = "2023-13-01"  # not a date
    surveys[1]["response_rate_published_pct"] = "NaN"  # a number to frictionless (a Decimal), within no bound
    surveys[2]["response_rate_published_pct"] = "101"
    copy.write("surveys", surveys)
    questions = copy.rows("questions")
    questions[0]["wording_is_verbatim"] = "ja"  # not a boolean
    questions[1]["multiple_answers"] = "TRUE"  # a boolean
    copy.write("questions", questions)
    sources = copy.rows("sources")
    with_url = [k for k, r in enumerate(sources) if r["url"]]
    sources[with_url[0]]["url"] = "www.example.org/rapport"  # no scheme: not a URI
    sources[with_url[2]]["url"] = sources[with_url[1]]["url"]  # unique
    copy.write("sources", sources)
    path = copy.root / "data" / "figures.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[2] += ",en cell för mycket"
    lines[3] = ",".join(lines[3].split(",")[:3])  # too few cells
    lines[4] = "," * lines[0].count(",")  # an empty row
    path.write_text("\n".join(lines), encoding="utf-8")
    (copy.root / "datapackage.json").write_text(descriptor_text(copy.root), encoding="utf-8")


def test_table_checks_find_what_frictionless_finds(package_copy):
    """frictionless, on the same broken package, is the oracle of `table_problems`: the same
    rows, fields and kinds, the same cells and the same first rows of repeated keys."""
    from socialtjanst.validate import check_package, inspect_file, read_package, structure_problems

    _break_every_way(package_copy)
    root, report = package_copy.root, Report()
    package = read_package(root / "datapackage.json", report)
    files = {}
    for res in package["resources"]:
        found, _ = inspect_file(res, root, "datapackage.json")
        files[res["name"]] = found
    ours = [
        p for p in structure_problems(package, "datapackage.json", files, Report()) if p.kind != "unknown-reference"
    ]
    theirs = _frictionless_problems(package, root, files)
    assert sorted(map(_ours, ours), key=str) == sorted(map(_theirs, theirs), key=str)
    kinds = {p.kind for p in ours}
    assert kinds >= {"decimal-comma", "type-error", "minimum", "maxLength", "pattern", "not-in-vocabulary", "required",
                     "duplicate-key", "extra-cell", "missing-cell", "blank-row"}  # fmt: skip
    assert check_package(package, root, "datapackage.json").problems  # and the whole validation runs


def test_a_descriptor_that_breaks_the_standard_is_reported_and_its_tables_not_read(package_copy):
    descriptor = json.loads((package_copy.root / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"][1]["schema"]["fields"][0]["type"] = "integr"
    descriptor["resources"][2]["schema"]["primaryKey"] = 7
    descriptor["resources"][0]["schema"]["fields"][1]["format"] = "email"  # the standard's, not read here
    (package_copy.root / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    report = validate_package(package_copy.root)
    invalid = [p.message() for p in report.problems if p.kind == "descriptor-invalid"]
    assert len(invalid) >= 3 and {p.file for p in report.problems} == {"datapackage.json"}
    assert any("resources/1/schema/fields/0" in m for m in invalid), invalid
    assert any("type string/email is not one this validator reads" in m for m in invalid), invalid
