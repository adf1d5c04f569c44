"""The hand-curated tables: facts every row must carry, checked over the whole package."""

import pandas as pd

from socialtjanst import load
from socialtjanst.validate import validate_package

T = load()


def test_every_survey_names_its_respondent_role():
    surveys = T["surveys"]
    assert surveys["respondent_role"].notna().all(), list(surveys.loc[surveys["respondent_role"].isna(), "survey_id"])


def test_no_two_sources_share_a_url():
    urls = T["sources"]["url"].dropna()
    assert urls.is_unique, list(urls[urls.duplicated(keep=False)])


def test_a_document_without_its_own_url_says_it_was_searched_for():
    documents = T["sources"][T["sources"]["text_file"].notna()]
    assert len(documents) == 5
    assert not documents["url"].dropna().str.contains("pressmeddelande").any(), "a press release is not the document"
    for row in documents[documents["url"].isna()].itertuples():
        assert "search" in row.note, f"{row.source_id}: no URL and no word on the search"


def test_a_shared_url_is_named_as_an_error(package_copy):
    rows = package_copy.rows("sources")
    i, _ = package_copy.first("sources", source_id="vision_pressmeddelande_2019")
    j, other = package_copy.first("sources", source_id="vision_pressmeddelande_2018")
    rows[i]["url"] = other["url"]
    package_copy.write("sources", rows)
    problems = [p for p in validate_package(package_copy.root).problems if p.field == "url"]
    # frictionless names the later of the two rows (the header is row 1)
    assert problems and problems[0].row == max(i, j) + 2 and "already used" in problems[0].message()


def test_inclusive_and_exclusive_bounds_are_distinct():
    obs = T["observations"].set_index("obs_id")
    assert obs.loc["SKL-011", "value_qualifier"] == "at_least" and obs.loc["SKL-012", "value_qualifier"] == "at_most"
    assert obs.loc["V23-050", "value_qualifier"] == "less_than"  # 'mer än en fördubbling': strictly below 77/2


def test_a_word_statement_is_approximate_not_derived():
    obs = T["observations"].set_index("obs_id")
    assert obs.loc["VA-013", "value_basis"] == "approximate" and pd.isna(obs.loc["VA-013", "formula"])
