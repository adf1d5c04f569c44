"""Build the harmonised `series` resource from observations, harmonisation rules and gaps.

Every decision is data: `harmonisation` says which observations (indicator, survey,
subject) form which series (an observation may be in several) and under which harmonised subject, with the flags the rule
implies; `series_gaps` lists the years without a value and why. The flags that follow
from the observation itself (approximate, bound, derived, press source or restatement,
another organisation, another time frame, no base, disagreeing sources) are computed here.

A series line is one indicator, subject, group and category; it holds one organisation's
question. A retrospective judgement ("12 månader sedan") sits at the year it describes; a
prospective one ("12 månader framåt") is an expectation, not a measurement, and stays out.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from .load import load_tables, pandas_dtypes
from .stats import percent_interval, respondent_counts

REFERENCE_ORGANISATION = "Vision"
SECONDARY_DOCUMENTS = {"press_release", "news_article", "web_page"}
# Values that differ by less than this are the same rounded number stated twice.
DISAGREEMENT_PP = 0.5
# Reference periods that move a value to the year it describes, relative to the survey year.
YEAR_OFFSET = {"12 månader sedan": -1}
PROSPECTIVE = {"12 månader framåt"}
LINE = ["series_indicator", "subject", "breakdown", "category"]
POINT = [*LINE, "year"]


def _matches(rule: pd.Series, obs: pd.DataFrame) -> pd.Series:
    hit = obs["indicator"].astype(str) == rule.indicator
    if pd.notna(rule.survey_id):
        hit &= obs["survey_id"] == rule.survey_id
    if pd.notna(rule.subject):
        hit &= obs["subject"] == rule.subject
    return hit.fillna(False)


def apply_rules(obs: pd.DataFrame, rules: pd.DataFrame) -> pd.DataFrame:
    """The observations each rule claims, with series fields.

    An observation can belong to several series; within one series the first
    matching rule (by rule_order) decides.
    """
    obs = obs[(obs["unit"] == "percent") & obs["category"].notna() & ~obs["reference_period"].isin(PROSPECTIVE)]
    claimed: dict[str, pd.Series] = {}
    parts = []
    for rule in rules.sort_values("rule_order").itertuples():
        taken = claimed.setdefault(rule.series_indicator, pd.Series(False, index=obs.index))
        hit = _matches(rule, obs) & ~taken
        claimed[rule.series_indicator] = taken | hit
        part = obs[hit].copy()
        part["rule_order"] = rule.rule_order
        part["series_indicator"] = rule.series_indicator
        part["series_subject"] = rule.series_subject if pd.notna(rule.series_subject) else part["subject"]
        part["rule_flags"] = rule.comparability if pd.notna(rule.comparability) else ""
        parts.append(part)
    return pd.concat(parts) if parts else obs.iloc[0:0]


def _flags(row, surveys: pd.DataFrame, sources: pd.DataFrame, questions: pd.DataFrame) -> list[str]:
    flags = [f for f in row.rule_flags.split(";") if f]
    survey = surveys.loc[row.survey_id] if pd.notna(row.survey_id) else None
    if survey is not None and survey.organisation != REFERENCE_ORGANISATION:
        flags.append("other_organisation")
    if pd.notna(row.question_id) and not questions.loc[row.question_id, "wording_is_verbatim"]:
        flags.append("wording_unknown")
    if pd.notna(row.reference_period) and str(row.reference_period).startswith("12 månader"):
        flags.append("reference_period_differs")
    if row.value_basis == "approximate":
        flags.append("approximate")
    elif pd.notna(row.value_qualifier) and row.value_qualifier != "exact":
        flags.append("bound")
    if row.value_basis == "derived":
        flags.append("derived")
    source = sources.loc[row.source_id]
    if source.document_type in SECONDARY_DOCUMENTS or pd.notna(row.cited_source):
        flags.append("secondary_source")
    if pd.notna(source.year) and source.year > row.reference_year + 1:
        flags.append("restated_later")
    if pd.isna(row.base_n) and pd.isna(row.base_n_min):
        flags.append("base_unknown")
    return flags


def build_series(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The `series` table (before it is written), sorted and with every flag."""
    surveys = tables["surveys"].set_index("survey_id")
    sources = tables["sources"].set_index("source_id")
    questions = tables["questions"].set_index("question_id")
    claimed = apply_rules(tables["observations"], tables["harmonisation"])
    rows = []
    for row in claimed.itertuples():
        flags = _flags(row, surveys, sources, questions)
        exact = pd.isna(row.value_qualifier) and row.value_basis != "approximate"
        base = row.base_n if pd.notna(row.base_n) else row.base_n_min
        population = surveys.loc[row.survey_id, "population_n"] if pd.notna(row.survey_id) else pd.NA
        low = high = count_min = count_max = pd.NA
        if exact and pd.notna(base) and pd.notna(population):
            low, high = percent_interval(row.value, int(base), int(population))
        if exact and pd.notna(row.base_n) and row.value_basis == "stated":
            counts = respondent_counts(row.value, int(row.base_n))
            if len(counts):
                count_min, count_max = counts[0], counts[-1]
        rows.append(
            {
                "series_id": f"{row.series_indicator}:{row.obs_id}",
                "series_indicator": row.series_indicator,
                "subject": row.series_subject,
                "breakdown": row.breakdown,
                "year": row.reference_year + YEAR_OFFSET.get(row.reference_period, 0),
                "reference_period": row.reference_period,
                "category": row.category,
                "value": row.value,
                "value_qualifier": row.value_qualifier,
                "base_n": base,
                "ci_low_pct": low,
                "ci_high_pct": high,
                "count_min": count_min,
                "count_max": count_max,
                "survey_id": row.survey_id,
                "source_id": row.source_id,
                "obs_id": row.obs_id,
                "organisation": surveys.loc[row.survey_id, "organisation"] if pd.notna(row.survey_id) else pd.NA,
                "restated": pd.notna(row.cited_source),
                "value_basis": row.value_basis,
                "flags": flags,
                "note": pd.NA,
            }
        )
    series = pd.DataFrame(rows)
    _check_one_organisation_per_line(series)
    _flag_disagreements(series)
    _mark_preferred(series, sources)
    for gap in tables["series_gaps"].itertuples():
        series.loc[len(series)] = {
            "series_id": f"{gap.series_indicator}:gap:{gap.subject}:{gap.breakdown}:{gap.category}:{gap.year}",
            "series_indicator": gap.series_indicator,
            "subject": gap.subject,
            "breakdown": gap.breakdown,
            "year": gap.year,
            "category": gap.category,
            "source_id": gap.source_id,
            "flags": [gap.gap_flag],
            "note": gap.note,
            "restated": False,
            "is_preferred": True,
        }
    series["comparability"] = series["flags"].map(lambda f: ";".join(dict.fromkeys(f)))
    order = ["series_indicator", "subject", "breakdown", "category", "year", "reference_period", "series_id"]
    series = series.sort_values(order, key=lambda col: col.astype(str), kind="stable")
    return series.drop(columns=["flags", "organisation", "restated"]).reset_index(drop=True)


def _check_one_organisation_per_line(series: pd.DataFrame) -> None:
    for line, group in series.groupby(LINE, dropna=False):
        organisations = set(group["organisation"].dropna())
        if len(organisations) > 1:
            raise ValueError(
                f"harmonisation: the series line {' / '.join(map(str, line))} joins {sorted(organisations)} "
                f"({', '.join(group['obs_id'])}); give each organisation's question its own series_subject"
            )


def _flag_disagreements(series: pd.DataFrame) -> None:
    exact = series["value_qualifier"].isna() & (series["value_basis"] == "stated")
    for _, group in series[exact].groupby(POINT, dropna=False):
        if group["value"].max() - group["value"].min() > DISAGREEMENT_PP:
            for i in group.index:
                series.at[i, "flags"] = series.at[i, "flags"] + ["sources_disagree"]


SERIES_INPUTS = ["observations", "harmonisation", "series_gaps", "surveys", "sources", "questions"]


BASIS_RANK = {"stated": 0, "derived": 1, "approximate": 2}


def _mark_preferred(series: pd.DataFrame, sources: pd.DataFrame) -> None:
    """One preferred row per line and year.

    An original over a restatement of it (an observation with `cited_source`), then an exact
    value over a bound or approximation, the report over a press or news source, stated over
    derived, then the lowest obs_id.
    """
    rank = pd.DataFrame(
        {
            "restated": series["restated"],
            "secondary": series["source_id"].map(sources["document_type"]).isin(SECONDARY_DOCUMENTS),
            "basis": series["value_basis"].map(BASIS_RANK),
            "bound": series["value_qualifier"].notna() & (series["value_qualifier"] != "exact"),
            "obs_id": series["obs_id"],
        },
        index=series.index,
    )
    order = rank.sort_values(["restated", "bound", "secondary", "basis", "obs_id"]).index
    first = series.loc[order].groupby(POINT, dropna=False, sort=False).head(1).index
    series["is_preferred"] = series.index.isin(first)


def series_csv(package: dict, root: Path) -> str:
    """The `series` resource as CSV text, typed and ordered as its schema says."""
    schema = next(r for r in package["resources"] if r["name"] == "series")["schema"]
    series = build_series(load_tables(package, root, SERIES_INPUTS))[[f["name"] for f in schema["fields"]]]
    dtypes, _ = pandas_dtypes(schema)
    numeric = {k: v for k, v in dtypes.items() if str(v) in ("Int64", "float64")}
    series = series.astype(object).where(series.notna(), None).astype(numeric)
    out = io.StringIO()
    series.to_csv(out, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL, float_format="%.10g")
    return out.getvalue()
