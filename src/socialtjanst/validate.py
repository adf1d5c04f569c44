"""Validation of the package, every layer in one run.

1. The descriptor: found, valid JSON, every resource path a file inside the package
   (a URL or a path outside is refused, nothing is fetched), and the Data Package 2.0 standard.
2. Each CSV file: saved as the package writes it (:mod:`socialtjanst.csvfile`), and its
   size and hash as the descriptor records them (a stale hash is one problem, not a stop).
3. frictionless' checks of the cells (types, constraints, keys, row shapes), made here as
   frictionless 5 makes them, reading each file the way it was actually saved, so that one
   run also reports the cells of a file Excel saved with semicolons.
4. The package's own checks (what a Table Schema cannot express) on every table that
   could be read; a check whose tables could not be read says it was skipped.

Every problem names the file, the row (the header is row 1, as frictionless counts) and
the field. Nothing here writes to disk or opens a network connection.
"""

from __future__ import annotations

import ast
import datetime
import difflib
import hashlib
import json
import operator
import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache, partial
from importlib import resources
from pathlib import Path

import pandas as pd

from .csvfile import DECIMAL_COMMA, CsvFile, inspect_csv, repaired
from .load import DEFAULT_DESCRIPTOR, pandas_dtypes
from .problems import REPAIRABLE, Note, Problem
from .text import contains_value, find_quote, load_texts

OBS_ID = re.compile(r"[A-Z][A-Z0-9]*-[0-9]{3}")
# Rounded shares of one question may add up to a little over 100.
ROUNDING_SLACK_PER_SHARE = 0.5
DERIVED_TOLERANCE = 0.051
SURVEY_NUMBERS = {
    "population_n": "population",
    "respondents_n": "respondents",
    "response_rate_published_pct": "response_rate",
}


def evaluate(formula: str, values: dict[str, float]) -> float:
    """Evaluate a derived value's formula: numbers, obs ids, + - * / and brackets.

    >>> evaluate("V23-001 - V23-002", {"V23-001": 77.0, "V23-002": 14.0})
    63.0
    >>> evaluate("100 * 1 / 6", {})
    16.666666666666668
    """
    ops = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
    missing = [ref for ref in OBS_ID.findall(formula) if ref not in values]
    if missing:
        raise ValueError(f"refers to unknown observation {', '.join(missing)}")
    expression = OBS_ID.sub(lambda m: f"({values[m.group()]!r})", formula)

    def walk(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.BinOp) and type(node.op) in ops:
            return ops[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -walk(node.operand)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return float(node.value)
        raise ValueError("only numbers, observation ids, + - * / and brackets are allowed")

    return walk(ast.parse(expression, mode="eval"))


class CannotRun(Exception):
    """Validation cannot start (exit code 2): the problem says why."""

    def __init__(self, problem: Problem):
        super().__init__(problem.text())
        self.problem = problem


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    incomplete: bool = False  # a check could not finish

    @property
    def valid(self) -> bool:
        return not self.problems and not self.incomplete


def descriptor_path(descriptor: str | Path | None) -> Path:
    path = Path(descriptor) if descriptor else DEFAULT_DESCRIPTOR
    return path / "datapackage.json" if path.is_dir() else path


def read_package(path: Path, report: Report) -> dict | None:
    """The descriptor as a dict, or None with the problem in ``report``."""
    if not path.is_file():
        raise CannotRun(Problem(str(path), None, None, "descriptor-missing", {"path": str(path.resolve())}))
    raw = path.read_bytes()
    try:
        package = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - raw.rfind(b"\n", 0, exc.start)
        params = {"error": f"byte 0x{raw[exc.start]:02X} is not UTF-8", "line": line, "column": column}
        report.problems.append(Problem(path.name, line, None, "json-syntax", params))
        return None
    except json.JSONDecodeError as exc:
        params = {"error": exc.msg, "line": exc.lineno, "column": exc.colno}
        report.problems.append(Problem(path.name, exc.lineno, None, "json-syntax", params))
        return None
    resources = package.get("resources") if isinstance(package, dict) else None
    if not isinstance(resources, list) or not all(
        isinstance(r, dict)
        and isinstance(r.get("name"), str)
        and isinstance(r.get("schema"), dict)
        and isinstance(r["schema"].get("fields"), list)
        and all(isinstance(f, dict) and "name" in f for f in r["schema"]["fields"])
        for r in resources
    ):
        report.problems.append(Problem(path.name, None, None, "descriptor-shape"))
        return None
    return package


def field_names(resource: dict) -> list[str]:
    return [f["name"] for f in resource["schema"]["fields"]]


def inspect_file(resource: dict, root: Path, descriptor_name: str) -> tuple[CsvFile | None, list[Problem]]:
    """Check a resource's path and file; the file as found, or None when it cannot be read."""
    name, path = resource["name"], resource.get("path")
    if not isinstance(path, str) or "://" in path or path.startswith("//"):
        return None, [Problem(descriptor_name, None, None, "path-url", {"resource": name, "path": path})]
    file = root / path
    if Path(path).is_absolute() or not file.resolve().is_relative_to(root.resolve()):
        return None, [Problem(descriptor_name, None, None, "path-outside", {"resource": name, "path": path})]
    if not file.is_file():
        return None, [Problem(descriptor_name, None, None, "file-missing", {"resource": name, "path": path})]
    raw = file.read_bytes()
    problems = []
    stale = []
    if "bytes" in resource and resource["bytes"] != len(raw):
        stale.append("bytes")
    if "hash" in resource and str(resource["hash"]).removeprefix("sha256:") != hashlib.sha256(raw).hexdigest():
        stale.append("hash")
    if stale:
        problems.append(Problem(path, None, None, "stale-descriptor", {"what": ", ".join(stale)}))
    dialect = resource.get("dialect") if isinstance(resource.get("dialect"), dict) else {}
    ordered = resource["schema"].get("fieldsMatch", "exact") == "exact"
    found = inspect_csv(file, path, field_names(resource), dialect.get("delimiter", ","), ordered)
    return found, problems + found.problems


def structure_problems(package: dict, descriptor_name: str, files: dict[str, CsvFile], report: Report) -> list[Problem]:
    """The descriptor against the Data Package standard, then frictionless' checks of each readable
    file (types, constraints, keys, row shapes), made here the way frictionless makes them.

    frictionless itself is the oracle of the tests (test_validate.py), not a step: its metadata
    machinery was two thirds of validation's time, and it reported one descriptor error at most."""
    problems = descriptor_problems(package, descriptor_name)
    if problems:
        return problems  # tables are not read against a schema that does not follow the standard
    for res in package["resources"]:
        found = files.get(res["name"])
        if found is None or not found.readable:
            continue
        problems += table_problems(res, found)
        for fk in res["schema"].get("foreignKeys", []):
            ref = fk.get("reference", {})
            reference = ref.get("resource") or res["name"]
            target = files.get(reference)
            fields, ref_fields = _as_list(fk.get("fields")), _as_list(ref.get("fields"))
            if (
                target is None
                or not target.readable
                or not set(fields) <= set(found.labels)
                or not set(ref_fields) <= set(target.labels)
            ):
                note = {
                    "resource": res["name"],
                    "fields": ", ".join(fields),
                    "reference": f"{reference}.{', '.join(ref_fields)}",
                }
                report.notes.append(Note("keys-skipped", note))
                continue
            problems += foreign_key_problems(res, found, fields, target, reference, ref_fields)
    return problems


def standard_schema() -> dict:
    """The official Data Package 2.0 JSON Schema, its parts resolved into one (shipped in schemas/)."""
    return json.loads(resources.files("socialtjanst").joinpath("schemas", "datapackage-2.0.json").read_text("utf-8"))


@cache
def _standard():
    """A validator of :func:`standard_schema`.

    jsonschema imports rfc3987_syntax when it is installed, only to check the "iri" format, which
    is not checked here (no format checker); compiling its grammars costs seconds at every start."""
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    import jsonschema

    schema = standard_schema()
    return jsonschema.validators.validator_for(schema)(schema)


def descriptor_problems(package: dict, descriptor_name: str) -> list[Problem]:
    """Where the descriptor breaks the Data Package 2.0 standard, and fields whose type or format
    this validator does not read (the standard allows more than the package uses)."""
    notes = list(_breaches(json.dumps(package, sort_keys=True)))
    for res in package["resources"]:
        for f in res["schema"]["fields"]:
            if not _readable(f):
                kind = "/".join(filter(None, [f.get("type", "any"), f.get("format")]))
                notes.append(f"field {f['name']} of {res['name']}: type {kind} is not one this validator reads")
    return [Problem(descriptor_name, None, None, "descriptor-invalid", {"note": note}) for note in notes]


def _readable(field: dict) -> bool:
    """Whether :data:`READERS` read the field's type and format the way frictionless does."""
    kind, form = field.get("type", "any"), field.get("format", "default")
    if kind not in READERS:
        return False
    return form == "default" or (kind, form) == ("string", "uri") or (kind == "date" and form != "any")


@lru_cache(maxsize=16)
def _breaches(descriptor: str) -> tuple[str, ...]:
    """The JSON Schema's errors, by the descriptor's text: a descriptor is often checked again in
    one process (build, then validate; tests that break only the data), and this is half the time."""
    errors = sorted(_standard().iter_errors(json.loads(descriptor)), key=lambda e: list(map(str, e.absolute_path)))
    return tuple(f"{'/'.join(map(str, e.absolute_path)) or '(the descriptor)'}: {e.message}"[:300] for e in errors)


def _integer(cell):
    try:
        return int(cell.strip()) if isinstance(cell, str) else cell
    except ValueError:
        return None


def _number(cell):
    try:
        return Decimal(cell.strip()) if isinstance(cell, str) else cell
    except InvalidOperation:
        return None


def _date(cell, pattern: str = "%Y-%m-%d"):
    try:
        return datetime.datetime.strptime(cell, pattern).date() if isinstance(cell, str) else cell
    except ValueError:
        return None


# How frictionless 5 reads a cell of each type (of the formats, the ones :func:`_readable` lists):
# the value, or None when the cell is not of the type. Numbers are Decimals, as there.
READERS = {
    "string": lambda field: (
        (lambda cell: cell if URI_SCHEME.match(cell) else None) if field.get("format") == "uri" else (lambda cell: cell)
    ),
    "integer": lambda field: _integer,
    "number": lambda field: _number,
    "boolean": lambda field: (
        {
            **{v: True for v in field.get("trueValues", ["true", "True", "TRUE", "1"])},
            **{v: False for v in field.get("falseValues", ["false", "False", "FALSE", "0"])},
        }.get
    ),
    "date": lambda field: (
        _date if field.get("format", "default") == "default" else partial(_date, pattern=field["format"])
    ),
    "any": lambda field: lambda cell: cell,
}
# rfc3986's generic URI pattern, which frictionless uses for the "uri" format, asking only for a scheme.
URI_SCHEME = re.compile(r"[^:/?#]+:")
# The constraints frictionless checks for each type (it ignores the others).
BOUNDS = {
    "minimum": operator.ge,
    "maximum": operator.le,
    "exclusiveMinimum": operator.gt,
    "exclusiveMaximum": operator.lt,
}
CONSTRAINTS = {
    "string": {"required", "minLength", "maxLength", "pattern", "enum"},
    "integer": {"required", "enum", *BOUNDS},
    "number": {"required", "enum", *BOUNDS},
    "boolean": {"required", "enum"},
    "date": {"required", "enum", *BOUNDS},
    "any": {"required", "enum"},
}


def _cell_checks(field: dict, read) -> dict:
    """The field's constraints as tests of a read value (None: missing), as frictionless makes them."""
    kind = field.get("type", "any")
    constraints = (field.get("constraints") or {}).items()
    return {name: _check(name, constraint, read) for name, constraint in constraints if name in CONSTRAINTS[kind]}


def _check(name: str, constraint, read):
    if name == "required":
        return lambda value: value is not None or not constraint
    if name in BOUNDS:
        bound, compare = read(constraint), BOUNDS[name]
        # NaN (a number to frictionless) is equal to nothing, itself included, and breaks every bound.
        return lambda value: value is None or (value == value and compare(value, bound))
    if name == "minLength":
        return lambda value: value is None or len(value) >= constraint
    if name == "maxLength":
        return lambda value: value is None or len(value) <= constraint
    if name == "pattern":
        pattern = re.compile(f"^{constraint}$")
        return lambda value: value is None or bool(pattern.match(value))
    allowed = [read(v) for v in constraint]  # enum
    return lambda value: value is None or value in allowed


def table_problems(resource: dict, found: CsvFile) -> list[Problem]:
    """frictionless' row checks of one table, read from the records as they were saved: a cell not
    of its field's type, a broken constraint, a row with more or fewer cells than the header, an
    empty row, a repeated unique value or key. Columns are matched to fields by their labels."""
    file, schema = resource.get("path"), resource["schema"]
    missing = {str(v) for v in schema.get("missingValues", [""])}
    fields = [(found.labels.index(f["name"]), f) for f in schema["fields"] if f["name"] in found.labels]
    readers = {f["name"]: READERS[f.get("type", "any")](f) for _, f in fields}
    checks = {f["name"]: _cell_checks(f, readers[f["name"]]) for _, f in fields}
    unique = {f["name"]: {} for _, f in fields if (f.get("constraints") or {}).get("unique")}
    key = _as_list(schema.get("primaryKey"))
    key_columns = [found.labels.index(k) for k in key] if set(key) <= set(found.labels) else []
    keys_seen: dict[tuple, int] = {}
    problems = []
    for row, record in enumerate(found.records, start=2):  # row 1 is the header
        if row in found.trailing_rows:
            continue  # the empty rows at the end are one problem already
        values, row_problems, mistyped = {}, [], False
        for column, f in fields:
            name = f["name"]
            cell = record[column] if column < len(record) else None
            value = values[name] = None if cell is None or cell in missing else readers[name](cell)
            if value is None and cell is not None and cell not in missing:
                row_problems.append(_type_problem(file, row, f, cell))
                mistyped = True
                continue
            for constraint, check in checks[name].items():
                if not check(value):
                    row_problems.append(_constraint_problem(file, row, f, constraint, cell))
        row_problems += [Problem(file, row, None, "extra-cell") for _ in record[len(found.labels) :]]
        row_problems += [Problem(file, row, f["name"], "missing-cell") for column, f in fields if column >= len(record)]
        if not mistyped and all(value is None for value in values.values()):
            row_problems = [Problem(file, row, None, "blank-row")]
        for name, seen in unique.items():
            if values[name] is not None:
                if values[name] in seen:
                    params = {"cells": record[found.labels.index(name)], "first": seen[values[name]]}
                    row_problems.append(Problem(file, row, name, "duplicate-key", params))
                seen[values[name]] = row
        if key_columns:
            cells = tuple(values.get(k) for k in key)
            if set(cells) == {None}:
                row_problems.append(Problem(file, row, ", ".join(key), "required"))
            else:
                if cells in keys_seen:
                    shown = ", ".join(record[c] if c < len(record) else "" for c in key_columns)
                    params = {"cells": shown, "first": keys_seen[cells]}
                    row_problems.append(Problem(file, row, ", ".join(key), "duplicate-key", params))
                keys_seen[cells] = row
        problems += row_problems
    return problems


def _type_problem(file: str, row: int, field: dict, cell: str) -> Problem:
    if field.get("type") in ("number", "integer") and DECIMAL_COMMA.match(cell):
        return Problem(file, row, field["name"], "decimal-comma", {"cell": cell, "fixed": cell.replace(",", ".")})
    return Problem(file, row, field["name"], "type-error", {"cell": cell, "type": field.get("type")})


def _constraint_problem(file: str, row: int, field: dict, constraint: str, cell: str | None) -> Problem:
    name = field["name"]
    if constraint == "enum":
        return Problem(file, row, name, "not-in-vocabulary", {"cell": cell})
    if constraint == "pattern":
        return Problem(file, row, name, "pattern", {"cell": cell, "pattern": field["constraints"]["pattern"]})
    if constraint == "required":
        return Problem(file, row, name, "required")
    shown = cell if len(cell) <= 60 else cell[:57] + "…"  # a quote can be 400 characters long
    return Problem(file, row, name, constraint, {"cell": shown, "limit": field["constraints"][constraint]})


def foreign_key_problems(
    resource: dict, source: CsvFile, fields: list[str], target: CsvFile, reference: str, ref_fields: list[str]
) -> list[Problem]:
    """Rows whose key is not among the referenced table's, as frictionless' foreign-key check finds
    them; a key whose cells are all missing refers to nothing and is not checked."""
    missing = set(resource["schema"].get("missingValues", [""]))

    def keys(found: CsvFile, names: list[str]) -> list[tuple[str, ...]]:
        columns = [found.labels.index(n) for n in names]
        return [tuple(r[i] if i < len(r) else "" for i in columns) for r in found.records]

    known = set(keys(target, ref_fields))
    problems = []
    for row, key in enumerate(keys(source, fields), start=2):  # row 1 is the header
        if key not in known and not all(cell in missing for cell in key):
            params = {"cells": ", ".join(key), "reference": f"{reference}.{', '.join(ref_fields)}"}
            problems.append(Problem(resource["path"], row, ", ".join(fields), "unknown-reference", params))
    return problems


def _as_list(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def read_table(resource: dict, found: CsvFile) -> pd.DataFrame:
    """A table for the package's own checks, from the records of the file as it was read,
    typed as the descriptor says. Cells frictionless reports as wrong (not a number, outside
    the vocabulary, a cell too many) are missing or dropped here; the index is the file's row
    number minus 2 (the header is row 1)."""
    dtypes, dates = pandas_dtypes(resource["schema"])
    width = len(found.labels)
    cells = [record[:width] + [""] * (width - len(record)) for record in found.records]
    frame = pd.DataFrame(cells, columns=found.labels, dtype=object)
    frame = frame.where(frame != "")
    frame = frame.loc[frame.notna().any(axis=1), list(dtypes)]
    for name, dtype in dtypes.items():
        column = frame[name]
        if name in dates:
            frame[name] = pd.to_datetime(column, format="%Y-%m-%d", errors="coerce")
        elif dtype == "Int64":
            numbers = pd.to_numeric(column, errors="coerce")
            frame[name] = numbers.where(numbers % 1 == 0).astype("Int64")
        elif dtype == "float64":
            frame[name] = pd.to_numeric(column, errors="coerce")
        elif dtype == "boolean":
            frame[name] = column.str.lower().map({"true": True, "false": False}).astype("boolean")
        elif isinstance(dtype, pd.CategoricalDtype):
            frame[name] = column.where(column.isin(dtype.categories)).astype(dtype)
        else:
            frame[name] = column.astype(dtype)
    return frame


def needs(*tables: str):
    """Mark a check with the tables it reads."""

    def mark(method):
        method.tables = tables
        return method

    return mark


class Checker:
    """The package's own checks on typed tables (those that could be read)."""

    def __init__(self, tables: dict[str, pd.DataFrame], paths: dict[str, str]):
        self.t = tables
        self.paths = paths
        self.problems: list[Problem] = []
        self.notes: list[Note] = []
        self.failed = False

    def add(self, resource: str, index, field_name: str | None, kind: str, **params) -> None:
        row = None if index is None else int(index) + 2
        self.problems.append(Problem(self.paths[resource], row, field_name, kind, params))

    def run(self, texts: dict[str, str] | None) -> list[Problem]:
        checks = [name for name in dir(self) if name.startswith("check_")]
        if texts is None:
            checks.remove("check_quotes")
        skipped: dict[str, list[str]] = {}  # the tables that could not be read -> the checks that need them
        for name in checks:
            method = getattr(self, name)
            check = name.removeprefix("check_")
            missing = ", ".join(t for t in method.tables if t not in self.t)
            if missing:
                skipped.setdefault(missing, []).append(check)
                continue
            try:
                method(texts) if check == "quotes" else method()
            except Exception as exc:  # noqa: BLE001 — a check must not end the run with a traceback
                self.failed = True
                self.notes.append(Note("check-failed", {"check": check, "error": f"{type(exc).__name__}: {exc}"}))
        self.notes += [Note("checks-skipped", {"checks": names, "tables": t}) for t, names in skipped.items()]
        return self.problems

    @needs("observations")
    def check_percentages(self) -> None:
        obs = self.t["observations"]
        bad = obs[(obs["unit"] == "percent") & obs["value"].notna() & ~obs["value"].between(0, 100)]
        for row in bad.itertuples():
            self.add("observations", row.Index, "value", "percent-range", id=row.obs_id, value=row.value)

    @needs("observations")
    def check_value_basis(self) -> None:
        obs = self.t["observations"]
        values = dict(zip(obs["obs_id"], obs["value"], strict=True))
        for row in obs.itertuples():
            basis, has_formula = row.value_basis, pd.notna(row.formula)
            if basis == "derived":
                if not has_formula:
                    self.add("observations", row.Index, "formula", "derived-without-formula", id=row.obs_id)
                    continue
                try:
                    result = evaluate(row.formula, values)
                except (ValueError, SyntaxError, ZeroDivisionError) as exc:
                    self.add(
                        "observations",
                        row.Index,
                        "formula",
                        "formula-error",
                        id=row.obs_id,
                        formula=row.formula,
                        error=str(exc),
                    )
                    continue
                if pd.notna(row.value) and abs(result - row.value) > DERIVED_TOLERANCE:
                    self.add(
                        "observations",
                        row.Index,
                        "value",
                        "derived-mismatch",
                        id=row.obs_id,
                        value=row.value,
                        formula=row.formula,
                        result=result,
                    )
            elif has_formula:
                self.add("observations", row.Index, "formula", "formula-not-derived", id=row.obs_id)
            if basis == "approximate" and pd.isna(row.value_qualifier):
                self.add("observations", row.Index, "value_qualifier", "approximate-without-qualifier", id=row.obs_id)

    @needs("observations", "surveys")
    def check_bases(self) -> None:
        surveys = self.t["surveys"]
        respondents_of = dict(zip(surveys["survey_id"], surveys["respondents_n"], strict=True))
        for row in self.t["observations"].itertuples():
            if pd.notna(row.base_n_min) and pd.notna(row.base_n_max) and row.base_n_min > row.base_n_max:
                self.add(
                    "observations",
                    row.Index,
                    "base_n_min",
                    "base-min-max",
                    id=row.obs_id,
                    low=row.base_n_min,
                    high=row.base_n_max,
                )
            largest = row.base_n if pd.notna(row.base_n) else row.base_n_max
            respondents = respondents_of.get(row.survey_id, pd.NA)
            if pd.notna(largest) and pd.notna(respondents) and largest > respondents:
                self.add(
                    "observations",
                    row.Index,
                    "base_n",
                    "base-exceeds-respondents",
                    id=row.obs_id,
                    base=largest,
                    respondents=respondents,
                )
        for row in surveys.itertuples():
            if pd.notna(row.respondents_n) and pd.notna(row.population_n) and row.respondents_n > row.population_n:
                self.add(
                    "surveys",
                    row.Index,
                    "respondents_n",
                    "respondents-exceed-population",
                    id=row.survey_id,
                    respondents=row.respondents_n,
                    population=row.population_n,
                )

    @needs("surveys")
    def check_response_rates(self) -> None:
        for row in self.t["surveys"].itertuples():
            if pd.isna(row.respondents_n) or pd.isna(row.population_n) or row.population_n == 0:
                if pd.notna(row.response_rate_recomputed_pct):
                    self.add(
                        "surveys", row.Index, "response_rate_recomputed_pct", "rate-without-counts", id=row.survey_id
                    )
                continue
            rate = 100 * row.respondents_n / row.population_n
            if (
                pd.isna(row.response_rate_recomputed_pct)
                or abs(row.response_rate_recomputed_pct - round(rate, 1)) > 1e-9
            ):
                self.add(
                    "surveys",
                    row.Index,
                    "response_rate_recomputed_pct",
                    "rate-recomputed",
                    id=row.survey_id,
                    rate=rate,
                    respondents=row.respondents_n,
                    population=row.population_n,
                )
            published = row.response_rate_published_pct
            if pd.notna(published) and abs(published - rate) > 0.5 and pd.isna(row.note):
                self.add(
                    "surveys",
                    row.Index,
                    "response_rate_published_pct",
                    "rate-published-disagrees",
                    id=row.survey_id,
                    published=published,
                    rate=rate,
                )

    @needs("observations", "surveys", "kommungrupper_2011")
    def check_numbers_have_observations(self) -> None:
        """Numbers in the descriptive tables are observations too, with quotes: a survey's population,
        respondents and published rate, and the size of each SKL municipality group."""
        obs = self.t["observations"]
        held = set(zip(obs["survey_id"], obs["indicator"].astype(str), obs["value"], strict=True))
        for name, indicator in SURVEY_NUMBERS.items():
            for row in self.t["surveys"].dropna(subset=[name]).itertuples():
                value = getattr(row, name)
                if (row.survey_id, indicator, value) not in held:
                    self.add(
                        "surveys",
                        row.Index,
                        name,
                        "number-without-observation",
                        id=row.survey_id,
                        value=value,
                        indicator=indicator,
                    )
        counts = obs[obs["indicator"] == "municipality_count"]
        sizes = set(zip(counts["subject"], counts["value"], strict=True))
        for row in self.t["kommungrupper_2011"].dropna(subset=["municipalities_n"]).itertuples():
            if (row.name_sv, row.municipalities_n) not in sizes:
                self.add(
                    "kommungrupper_2011",
                    row.Index,
                    "municipalities_n",
                    "number-without-observation",
                    id=row.name_sv,
                    value=row.municipalities_n,
                    indicator="municipality_count",
                )

    @needs("observations", "questions", "response_options")
    def check_shares_sum(self) -> None:
        obs = self.t["observations"]
        multiple = dict(zip(self.t["questions"]["question_id"], self.t["questions"]["multiple_answers"], strict=True))
        disjoint = set(self.t["response_options"]["harmonised_category"].dropna().astype(str)) - {
            "vald",
            "ej redovisad",
        }
        shares = obs[
            (obs["unit"] == "percent")
            & obs["question_id"].notna()
            & obs["value"].notna()
            & obs["category"].astype(str).isin(disjoint)
            & (
                obs["value_qualifier"].isna()
                | obs["value_qualifier"].isin(["exact"])
                | (obs["value_basis"] == "stated")
            )
        ]
        single = shares[~shares["question_id"].map(multiple).fillna(False).astype(bool)]
        keys = ["source_id", "question_id", "subject", "breakdown", "reference_year", "reference_period"]
        for _key, group in single.groupby(keys, dropna=False, observed=True):
            total = group["value"].sum()
            if total > 100 + ROUNDING_SLACK_PER_SHARE * len(group):
                self.add(
                    "observations",
                    group.index[0],
                    "value",
                    "shares-over-100",
                    total=total,
                    ids=", ".join(group["obs_id"]),
                )

    @needs("observations", "figures")
    def check_figures(self) -> None:
        counts = self.t["observations"]["figure_id"].value_counts()
        for row in self.t["figures"].itertuples():
            held = int(counts.get(row.figure_id, 0))
            if pd.notna(row.n_points_held) and held != row.n_points_held:
                self.add(
                    "figures",
                    row.Index,
                    "n_points_held",
                    "figure-count",
                    id=row.figure_id,
                    said=row.n_points_held,
                    held=held,
                )
            if pd.notna(row.n_points_plausible) and held < row.n_points_plausible and pd.isna(row.missing_reason):
                self.add(
                    "figures",
                    row.Index,
                    "missing_reason",
                    "figure-missing-reason",
                    id=row.figure_id,
                    held=held,
                    plausible=row.n_points_plausible,
                )

    @needs("questions", "response_options")
    def check_scales(self) -> None:
        scales = set(self.t["response_options"]["scale_id"])
        for row in self.t["questions"].itertuples():
            if pd.notna(row.scale_id) and row.scale_id not in scales:
                self.add(
                    "questions", row.Index, "scale_id", "scale-without-options", id=row.question_id, scale=row.scale_id
                )

    @needs("observations")
    def check_stated_values_in_quotes(self) -> None:
        """Needs no source text: a stated value must be printed in its own quote."""
        for row in self.t["observations"].itertuples():
            if (
                row.value_basis == "stated"
                and pd.notna(row.value)
                and not contains_value(row.quote if pd.notna(row.quote) else "", row.value)
            ):
                self.add("observations", row.Index, "quote", "value-not-in-quote", id=row.obs_id, value=row.value)

    @needs("sources", "observations", "excluded_numbers", "series_gaps", "figures")
    def check_quotes(self, texts: dict[str, str]) -> None:
        def check(resource: str, row, name: str, label) -> None:
            text = getattr(row, name)
            if pd.notna(text) and row.source_id in texts and find_quote(text, texts[row.source_id]) < 0:
                self.add(resource, row.Index, name, "quote-not-in-source", id=label, source=row.source_id)

        for row in self.t["observations"].itertuples():
            check("observations", row, "quote", row.obs_id)
        for resource in ("excluded_numbers", "series_gaps"):
            for row in self.t[resource].itertuples():
                check(resource, row, "quote", row.source_id)
        for row in self.t["figures"].itertuples():
            for name in ("caption_sv", "base_printed"):
                check("figures", row, name, row.figure_id)


def source_texts(
    tables: dict[str, pd.DataFrame], sources_dir: Path, paths: dict[str, str]
) -> tuple[dict[str, str], list[Problem]]:
    """The texts the quotes are checked against, and problems with missing or changed files."""
    listed = tables["sources"].dropna(subset=["text_file", "source_id"])
    texts = load_texts(sources_dir, dict(zip(listed["source_id"], listed["text_file"], strict=True)))
    problems = []
    for row in listed.itertuples():
        params = {"text_file": row.text_file, "folder": str(sources_dir)}
        if row.source_id not in texts:
            problems.append(Problem(paths["sources"], int(row.Index) + 2, "text_file", "source-text-missing", params))
            continue
        digest = hashlib.sha256((sources_dir / row.text_file).read_bytes()).hexdigest()
        if pd.notna(row.text_sha256) and digest != row.text_sha256:
            problems.append(Problem(paths["sources"], int(row.Index) + 2, "text_sha256", "source-text-changed", params))
    return texts, problems


def validate_package(descriptor: str | Path | None = None, sources_dir: str | Path | None = None) -> Report:
    """Validate a package; with ``sources_dir`` also check every quote against the source texts.

    Raises :class:`CannotRun` when there is no descriptor or no folder of source texts.
    """
    path = descriptor_path(descriptor)
    if sources_dir is not None and not Path(sources_dir).is_dir():
        raise CannotRun(Problem(str(sources_dir), None, None, "sources-missing", {"path": str(sources_dir)}))
    report = Report()
    package = read_package(path, report)
    if package is None:
        report.notes.append(Note("nothing-checked"))
        return report
    return check_package(package, path.parent, path.name, sources_dir, report)


def check_package(
    package: dict, root: Path, descriptor_name: str, sources_dir: str | Path | None = None, report: Report | None = None
) -> Report:
    """Every layer after the descriptor has been read: files, frictionless, the package's own checks."""
    report = report or Report()
    files: dict[str, CsvFile] = {}
    for res in package["resources"]:
        found, problems = inspect_file(res, root, descriptor_name)
        report.problems += problems
        if found is not None:
            files[res["name"]] = found
    report.problems += structure_problems(package, descriptor_name, files, report)
    resources = {res["name"]: res for res in package["resources"]}
    tables = {
        name: read_table(resources[name], found)
        for name, found in files.items()
        if found.readable and set(field_names(resources[name])) <= set(found.labels)
    }
    paths = {name: res.get("path") for name, res in resources.items()}
    texts = None
    if sources_dir is None:
        report.notes.append(Note("sources-not-given"))
    else:
        texts = {}
    if texts is not None and "sources" in tables:
        texts, problems = source_texts(tables, Path(sources_dir), paths)
        report.problems += problems
        if "observations" in tables:
            unchecked = tables["observations"]["source_id"].isin(set(tables["sources"]["source_id"]) - set(texts)).sum()
            if unchecked:
                report.notes.append(Note("quotes-unchecked", {"count": int(unchecked)}))
    checker = Checker(tables, paths)
    report.problems += checker.run(texts)
    report.notes += checker.notes
    report.incomplete = checker.failed
    report.problems.sort(key=lambda p: p.file)  # stable: each file's problems in the order of the layers
    return report


@dataclass
class Repair:
    repaired: list[Problem]  # what the corrected copy undoes
    left: list[Problem]  # what a person must decide (renamed, missing or extra columns, …)
    target: Path | None = None  # the corrected copy, when one was written
    diff: list[str] = field(default_factory=list)


def repair(file: Path, descriptor: Path | None = None, in_place: bool = False) -> Repair:
    """Write ``file`` as the package writes it, next to it (``FILE.repaired.csv``) or, with
    ``in_place``, over it. Only how the file was saved changes (and decimal commas in number
    fields); every cell keeps its content."""
    candidates = (
        [descriptor] if descriptor else [file.parent / "datapackage.json", file.parent.parent / "datapackage.json"]
    )
    path = next((c for c in candidates if c.is_file()), candidates[-1])
    report = Report()
    package = read_package(path, report)
    if package is None:
        raise CannotRun(report.problems[0])
    resource = next(
        (
            r
            for r in package["resources"]
            if isinstance(r.get("path"), str) and (path.parent / r["path"]).resolve() == file.resolve()
        ),
        None,
    )
    if resource is None or not file.is_file():
        raise CannotRun(Problem(str(file), None, None, "not-in-package", {"path": str(file), "descriptor": str(path)}))
    fields = field_names(resource)
    found = inspect_csv(file, resource["path"], fields)
    numbers = {f["name"] for f in resource["schema"]["fields"] if f.get("type") == "number"}
    text = repaired(found, fields, numbers) if found.labels else ""
    before = file.read_bytes().decode(found.encoding).replace("\r\n", "\n")
    result = Repair(
        [p for p in found.problems if p.kind in REPAIRABLE], [p for p in found.problems if p.kind not in REPAIRABLE]
    )
    if text == before and not result.repaired or not found.labels:
        return result
    target = file if in_place else file.with_name(file.stem + ".repaired.csv")
    if target.exists() and not in_place:
        raise CannotRun(Problem(str(target), None, None, "repaired-exists", {"path": str(target)}))
    diff = list(difflib.unified_diff(before.splitlines(True), text.splitlines(True), str(file), str(target), n=0))
    target.write_text(text, encoding="utf-8", newline="\n")
    result.target, result.diff = target, diff
    return result
