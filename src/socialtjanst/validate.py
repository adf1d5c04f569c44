"""Validation of the package: frictionless, then the checks a Table Schema cannot express.

Every problem names the file, the row (the header is row 1, as frictionless counts)
and the field. Nothing here writes to disk.
"""

from __future__ import annotations

import ast
import hashlib
import operator
import re
from dataclasses import dataclass
from pathlib import Path

import frictionless
import pandas as pd

from .load import load_tables, read_descriptor
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


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    row: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file + (f" row {self.row}" if self.row else "")
        return f"{where}" + (f" field {self.field}" if self.field else "") + f": {self.message}"


@dataclass
class Report:
    problems: list[Problem]
    notes: list[str]

    @property
    def valid(self) -> bool:
        return not self.problems


def frictionless_problems(descriptor_path: Path, package: dict) -> list[Problem]:
    """frictionless' errors, each with the file, row and field(s) it concerns."""
    primary_keys = {res["name"]: res["schema"].get("primaryKey", []) for res in package.get("resources", [])}
    report = frictionless.validate(str(descriptor_path))
    problems = [Problem(descriptor_path.name, None, None, error.message) for error in report.errors]
    for task in report.tasks:
        for error in task.errors:
            field = getattr(error, "field_name", None)
            if field is None and error.type == "primary-key":
                field = ", ".join(primary_keys.get(task.name, []))
            if field is None and getattr(error, "field_names", None):
                field = ", ".join(error.field_names)
            problems.append(Problem(task.place or task.name, getattr(error, "row_number", None), field, error.message))
    return problems


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


class Checker:
    """The package's own checks on typed tables (run after frictionless has passed)."""

    def __init__(self, tables: dict[str, pd.DataFrame], paths: dict[str, str]):
        self.t = tables
        self.paths = paths
        self.problems: list[Problem] = []

    def add(self, resource: str, index: int | None, field: str | None, message: str) -> None:
        row = None if index is None else int(index) + 2
        self.problems.append(Problem(self.paths[resource], row, field, message))

    def run(self, texts: dict[str, str] | None) -> list[Problem]:
        self.check_percentages()
        self.check_value_basis()
        self.check_bases()
        self.check_response_rates()
        self.check_numbers_have_observations()
        self.check_shares_sum()
        self.check_figures()
        self.check_scales()
        self.check_stated_values_in_quotes()
        if texts is not None:
            self.check_quotes(texts)
        return sorted(self.problems)

    def check_percentages(self) -> None:
        obs = self.t["observations"]
        bad = obs[(obs["unit"] == "percent") & ~obs["value"].between(0, 100)]
        for i, row in bad.iterrows():
            self.add("observations", i, "value", f"{row.obs_id}: a percentage must be within 0–100, got {row.value:g}")

    def check_value_basis(self) -> None:
        obs = self.t["observations"]
        values = dict(zip(obs["obs_id"], obs["value"], strict=True))
        for i, row in obs.iterrows():
            basis, has_formula = row.value_basis, pd.notna(row.formula)
            if basis == "derived":
                if not has_formula:
                    self.add("observations", i, "formula", f"{row.obs_id}: a derived value needs a formula")
                    continue
                try:
                    result = evaluate(row.formula, values)
                except (ValueError, SyntaxError, ZeroDivisionError) as exc:
                    self.add("observations", i, "formula", f"{row.obs_id}: cannot evaluate {row.formula!r}: {exc}")
                    continue
                if abs(result - row.value) > DERIVED_TOLERANCE:
                    self.add(
                        "observations",
                        i,
                        "value",
                        f"{row.obs_id}: derived value {row.value:g} does not recompute: {row.formula} = {result:.3f}",
                    )
            elif has_formula:
                self.add("observations", i, "formula", f"{row.obs_id}: only derived values have a formula")
            if basis == "approximate" and pd.isna(row.value_qualifier):
                self.add("observations", i, "value_qualifier", f"{row.obs_id}: an approximate value needs a qualifier")

    def check_bases(self) -> None:
        obs = self.t["observations"]
        surveys = self.t["surveys"].set_index("survey_id")
        for i, row in obs.iterrows():
            if pd.notna(row.base_n_min) and pd.notna(row.base_n_max) and row.base_n_min > row.base_n_max:
                self.add(
                    "observations",
                    i,
                    "base_n_min",
                    f"{row.obs_id}: base_n_min {row.base_n_min} > base_n_max {row.base_n_max}",
                )
            largest = row.base_n if pd.notna(row.base_n) else row.base_n_max
            if pd.isna(largest) or pd.isna(row.survey_id):
                continue
            respondents = surveys.loc[row.survey_id, "respondents_n"]
            if pd.notna(respondents) and largest > respondents:
                self.add(
                    "observations",
                    i,
                    "base_n",
                    f"{row.obs_id}: base {largest} exceeds the survey's {respondents} respondents",
                )
        for i, row in self.t["surveys"].iterrows():
            if pd.notna(row.respondents_n) and pd.notna(row.population_n) and row.respondents_n > row.population_n:
                self.add(
                    "surveys",
                    i,
                    "respondents_n",
                    f"{row.survey_id}: {row.respondents_n} respondents exceed population {row.population_n}",
                )

    def check_response_rates(self) -> None:
        for i, row in self.t["surveys"].iterrows():
            if pd.isna(row.respondents_n) or pd.isna(row.population_n):
                if pd.notna(row.response_rate_recomputed_pct):
                    self.add(
                        "surveys",
                        i,
                        "response_rate_recomputed_pct",
                        f"{row.survey_id}: recomputed rate given without respondents and population",
                    )
                continue
            rate = 100 * row.respondents_n / row.population_n
            if (
                pd.isna(row.response_rate_recomputed_pct)
                or abs(row.response_rate_recomputed_pct - round(rate, 1)) > 1e-9
            ):
                self.add(
                    "surveys",
                    i,
                    "response_rate_recomputed_pct",
                    f"{row.survey_id}: should be {rate:.1f} ({row.respondents_n}/{row.population_n})",
                )
            published = row.response_rate_published_pct
            if pd.notna(published) and abs(published - rate) > 0.5 and pd.isna(row.note):
                self.add(
                    "surveys",
                    i,
                    "response_rate_published_pct",
                    f"{row.survey_id}: published {published:g} % disagrees with {rate:.1f} % recomputed; record the disagreement in note",
                )

    def check_numbers_have_observations(self) -> None:
        """Numbers in the descriptive tables are observations too, with quotes: a survey's population,
        respondents and published rate, and the size of each SKL municipality group."""
        obs = self.t["observations"]
        for field, indicator in SURVEY_NUMBERS.items():
            for i, row in self.t["surveys"].dropna(subset=[field]).iterrows():
                value = getattr(row, field)
                backed = obs[
                    (obs["survey_id"] == row.survey_id) & (obs["indicator"] == indicator) & (obs["value"] == value)
                ]
                if backed.empty:
                    self.add(
                        "surveys",
                        i,
                        field,
                        f"{row.survey_id}: {value:g} is not an observation ({indicator}) with a quote",
                    )
        counts = obs[obs["indicator"] == "municipality_count"]
        for i, row in self.t["kommungrupper_2011"].iterrows():
            if not ((counts["subject"] == row.name_sv) & (counts["value"] == row.municipalities_n)).any():
                self.add(
                    "kommungrupper_2011",
                    i,
                    "municipalities_n",
                    f"{row.name_sv}: {row.municipalities_n} is not an observation (municipality_count) with a quote",
                )

    def check_shares_sum(self) -> None:
        obs = self.t["observations"]
        questions = self.t["questions"].set_index("question_id")
        disjoint = set(self.t["response_options"]["harmonised_category"].astype(str)) - {"vald", "ej redovisad"}
        shares = obs[
            (obs["unit"] == "percent")
            & obs["question_id"].notna()
            & obs["category"].astype(str).isin(disjoint)
            & (
                obs["value_qualifier"].isna()
                | obs["value_qualifier"].isin(["exact"])
                | (obs["value_basis"] == "stated")
            )
        ]
        single = shares[~shares["question_id"].map(questions["multiple_answers"]).fillna(False).astype(bool)]
        keys = ["source_id", "question_id", "subject", "breakdown", "reference_year", "reference_period"]
        for _key, group in single.groupby(keys, dropna=False, observed=True):
            total = group["value"].sum()
            if total > 100 + ROUNDING_SLACK_PER_SHARE * len(group):
                ids = ", ".join(group["obs_id"])
                self.add(
                    "observations", group.index[0], "value", f"shares of one question add up to {total:g} > 100 ({ids})"
                )

    def check_figures(self) -> None:
        counts = self.t["observations"]["figure_id"].value_counts()
        for i, row in self.t["figures"].iterrows():
            held = int(counts.get(row.figure_id, 0))
            if held != row.n_points_held:
                self.add(
                    "figures",
                    i,
                    "n_points_held",
                    f"{row.figure_id}: says {row.n_points_held}, observations hold {held}",
                )
            if held < row.n_points_plausible and pd.isna(row.missing_reason):
                self.add(
                    "figures",
                    i,
                    "missing_reason",
                    f"{row.figure_id}: holds {held} of {row.n_points_plausible} numbers; say why the rest are missing",
                )

    def check_scales(self) -> None:
        scales = set(self.t["response_options"]["scale_id"])
        for i, row in self.t["questions"].iterrows():
            if pd.notna(row.scale_id) and row.scale_id not in scales:
                self.add(
                    "questions",
                    i,
                    "scale_id",
                    f"{row.question_id}: scale {row.scale_id} has no rows in response_options",
                )

    def check_stated_values_in_quotes(self) -> None:
        """Needs no source text: a stated value must be printed in its own quote."""
        for i, row in self.t["observations"].iterrows():
            if row.value_basis == "stated" and not contains_value(row.quote, row.value):
                self.add(
                    "observations", i, "quote", f"{row.obs_id}: stated value {row.value:g} does not occur in the quote"
                )

    def check_quotes(self, texts: dict[str, str]) -> None:
        for i, row in self.t["observations"].iterrows():
            if row.source_id in texts and find_quote(row.quote, texts[row.source_id]) < 0:
                self.add("observations", i, "quote", f"{row.obs_id}: quote not found in the text of {row.source_id}")
        for resource in ("excluded_numbers", "series_gaps"):
            for i, row in self.t[resource].dropna(subset=["quote"]).iterrows():
                if row.source_id in texts and find_quote(row.quote, texts[row.source_id]) < 0:
                    self.add(resource, i, "quote", f"quote not found in the text of {row.source_id}")
        for i, row in self.t["figures"].iterrows():
            for field in ("caption_sv", "base_printed"):
                text = getattr(row, field)
                if pd.notna(text) and row.source_id in texts and find_quote(text, texts[row.source_id]) < 0:
                    self.add("figures", i, field, f"{row.figure_id}: not found verbatim in the text of {row.source_id}")


def source_texts(
    tables: dict[str, pd.DataFrame], sources_dir: Path, paths: dict[str, str]
) -> tuple[dict[str, str], list[Problem]]:
    """The texts the quotes are checked against, and problems with missing or changed files."""
    listed = tables["sources"].dropna(subset=["text_file"])
    texts = load_texts(sources_dir, dict(zip(listed["source_id"], listed["text_file"], strict=True)))
    problems = []
    for i, row in listed.iterrows():
        if row.source_id not in texts:
            problems.append(
                Problem(paths["sources"], int(i) + 2, "text_file", f"{row.text_file} not found in {sources_dir}")
            )
            continue
        digest = hashlib.sha256((sources_dir / row.text_file).read_bytes()).hexdigest()
        if pd.notna(row.text_sha256) and digest != row.text_sha256:
            problems.append(
                Problem(
                    paths["sources"],
                    int(i) + 2,
                    "text_sha256",
                    f"{row.text_file} in {sources_dir} is not the text the quotes were checked against",
                )
            )
    return texts, problems


def validate_package(descriptor: str | Path | None = None, sources_dir: str | Path | None = None) -> Report:
    """Validate a package; with ``sources_dir`` also check every quote against the source texts."""
    package, root = read_descriptor(descriptor)
    descriptor_path = root / "datapackage.json" if descriptor is None or Path(descriptor).is_dir() else Path(descriptor)
    notes = []
    problems = frictionless_problems(descriptor_path, package)
    if problems:
        notes.append("the package's own checks were not run: fix the frictionless errors first")
        return Report(problems, notes)
    tables = load_tables(package, root)
    paths = {res["name"]: res["path"] for res in package["resources"]}
    texts = None
    if sources_dir is None:
        notes.append("quotes were not checked against the source texts (no --sources given)")
    else:
        texts, problems = source_texts(tables, Path(sources_dir), paths)
        unchecked = tables["observations"]["source_id"].isin(set(tables["sources"]["source_id"]) - set(texts)).sum()
        if unchecked:
            notes.append(f"{unchecked} quotes come from sources without a stored text and were not checked")
    problems += Checker(tables, paths).run(texts)
    return Report(problems, notes)
