"""The harmonised series: traceable, flagged, with intervals that behave."""

import pandas as pd
import pytest

from socialtjanst import load
from socialtjanst.series import LINE, POINT, YEAR_OFFSET, apply_rules
from socialtjanst.stats import wilson_interval

T = load()
SERIES = T["series"]
OBS = T["observations"].set_index("obs_id")
VALUES = SERIES[SERIES["obs_id"].notna()]


def _headline(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of the headline line: staffing difficulty, personal generellt, riket, svårt."""
    return frame[
        (frame["series_indicator"] == "staffing_difficulty")
        & (frame["subject"] == "personal generellt")
        & (frame["breakdown"] == "riket")
        & (frame["category"] == "svårt")
    ]


def test_every_value_traces_to_an_observation_with_a_quote():
    assert len(VALUES) > 50
    for row in VALUES.itertuples():
        obs = OBS.loc[row.obs_id]
        offset = YEAR_OFFSET.get(obs.reference_period, 0) if pd.notna(obs.reference_period) else 0
        assert row.value == obs.value and row.year == obs.reference_year + offset and row.source_id == obs.source_id
        assert len(obs.quote) >= 10


def test_2021_is_marked_as_no_survey():
    gap = _headline(SERIES)[lambda rows: rows["year"] == 2021]
    assert len(gap) == 1
    assert gap.iloc[0]["comparability"] == "no_survey" and pd.isna(gap.iloc[0]["value"])


def test_personal_generellt_covers_every_year_a_source_states():
    rules = T["harmonisation"]
    claimed = apply_rules(T["observations"], rules)
    stated = claimed[
        (claimed["series_indicator"] == "staffing_difficulty")
        & (claimed["series_subject"] == "personal generellt")
        & (claimed["breakdown"] == "riket")
        & (claimed["category"] == "svårt")
    ]
    rows = _headline(SERIES)
    assert set(stated["reference_year"]) <= set(rows[rows["value"].notna()]["year"])
    assert {2018, 2019, 2020, 2022, 2023} <= set(rows[rows["value"].notna()]["year"])
    years = set(rows["year"])
    assert years == set(range(min(years), max(years) + 1)), "every year in the span has a value or a gap row"


def test_one_preferred_row_per_line_and_year():
    counts = SERIES[SERIES["is_preferred"]].groupby(POINT, dropna=False, observed=True).size()
    assert (counts == 1).all()
    all_points = SERIES.groupby(POINT, dropna=False, observed=True).size()
    assert len(counts) == len(all_points)


def test_flags_follow_the_value():
    for row in VALUES.itertuples():
        flags = set(row.comparability.split(";")) if pd.notna(row.comparability) else set()
        assert ("approximate" in flags) == (row.value_basis == "approximate"), row.series_id
        assert ("derived" in flags) == (row.value_basis == "derived"), row.series_id
        if pd.notna(row.ci_low_pct):
            assert "base_unknown" not in flags and pd.notna(row.base_n)


def test_intervals_contain_the_value_and_use_the_finite_population():
    with_ci = VALUES[VALUES["ci_low_pct"].notna()]
    assert len(with_ci) >= 10
    surveys = T["surveys"].set_index("survey_id")
    for row in with_ci.itertuples():
        assert row.ci_low_pct <= row.value <= row.ci_high_pct
        lo, hi = wilson_interval(row.value / 100, int(row.base_n))  # without the correction: wider
        assert 100 * lo <= row.ci_low_pct + 0.05 and row.ci_high_pct - 0.05 <= 100 * hi
        assert pd.notna(surveys.loc[row.survey_id, "population_n"])


def test_no_interval_without_a_base_or_for_bounds():
    no_ci = VALUES[VALUES["ci_low_pct"].isna()]
    for row in no_ci.itertuples():
        assert (
            pd.isna(row.base_n)
            or pd.notna(row.value_qualifier)
            or row.value_basis == "approximate"
            or pd.isna(T["surveys"].set_index("survey_id").loc[row.survey_id, "population_n"])
        )


def test_respondent_counts_reproduce_the_percentage():
    rows = VALUES[VALUES["count_min"].notna()]
    assert len(rows) >= 10
    for row in rows.itertuples():
        for k in (row.count_min, row.count_max):
            assert abs(100 * k / row.base_n - row.value) <= 0.5


def test_every_rule_claims_an_observation():
    claimed = apply_rules(T["observations"], T["harmonisation"])
    assert set(T["harmonisation"]["rule_order"]) == set(claimed["rule_order"]), "a rule matches nothing"


def _organisation(survey_id):
    return T["surveys"].set_index("survey_id")["organisation"].get(survey_id) if pd.notna(survey_id) else None


def test_one_organisation_per_series_line():
    organisations = VALUES.assign(org=VALUES["survey_id"].map(_organisation)).groupby(LINE)["org"].nunique()
    assert (organisations == 1).all(), organisations[organisations > 1]
    dagens = VALUES[VALUES["survey_id"] == "dagens_samhalle_2017"]
    assert len(dagens) == 2 and set(dagens["subject"]) == {"socialsekreterare (vakanser som inte fylls)"}


def test_build_refuses_a_line_that_joins_two_organisations(package_copy):
    from socialtjanst.build import BuildError, build

    rules = package_copy.rows("harmonisation")
    i, _ = package_copy.first("harmonisation", survey_id="dagens_samhalle_2017")
    rules[i]["series_subject"] = "socialsekreterare"
    package_copy.write("harmonisation", rules)
    with pytest.raises(BuildError, match="joins"):
        build(package_copy.root)


def test_every_inner_year_of_a_line_has_a_value_or_a_gap_row():
    for line, rows in SERIES.groupby(LINE):
        valued = rows[rows["obs_id"].notna()]["year"]
        if valued.empty:
            continue
        years = set(rows["year"])
        missing = set(range(valued.min(), valued.max() + 1)) - years
        assert not missing, f"{line}: no value and no gap row for {sorted(missing)}"


def test_gap_rows_say_why():
    gaps = SERIES[SERIES["obs_id"].isna()]
    assert set(gaps["comparability"]) <= {"no_survey", "not_asked", "not_found"}
    assert gaps["note"].notna().all()
    asked = gaps[gaps["comparability"] != "not_found"]
    assert asked["source_id"].notna().all(), "a survey not run or a question not asked is stated by a source"


def test_a_restatement_is_never_preferred_over_its_original():
    preferred = SERIES[SERIES["is_preferred"] & SERIES["obs_id"].notna()]
    for row in preferred.itertuples():
        if pd.notna(OBS.loc[row.obs_id, "cited_source"]):
            same = VALUES[(VALUES[POINT] == pd.Series(row._asdict())[POINT]).all(axis=1)]
            assert OBS.loc[same["obs_id"], "cited_source"].notna().all(), row.series_id
    motion = SERIES[SERIES["obs_id"] == "MOT-002"].iloc[0]
    assert not motion["is_preferred"] and "secondary_source" in motion["comparability"]


def test_a_retrospective_judgement_sits_at_the_year_it_describes():
    skl = VALUES[VALUES["survey_id"] == "skl_2015"]
    assert set(skl.loc[skl["reference_period"] == "12 månader sedan", "year"]) == {2014}
    assert set(skl.loc[skl["reference_period"] == "idag", "year"]) == {2015}
    assert not (VALUES["reference_period"] == "12 månader framåt").any()


def test_2015_and_2017_bounds_are_alike():
    bounds = _headline(VALUES)[lambda rows: rows["year"].isin([2015, 2017])].set_index("year")
    assert bounds.loc[2015, "value"] == 28 and bounds.loc[2017, "value"] == 46
    assert set(bounds["value_qualifier"]) == {"at_most"} and set(bounds["value_basis"]) == {"derived"}
