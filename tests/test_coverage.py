"""How much of each source the package holds: at least 90 % of the printed numbers, as the README says."""

import re

import pytest

from socialtjanst import load
from socialtjanst.coverage import coverage, coverage_table
from socialtjanst.text import load_texts

from .conftest import ROOT


@pytest.fixture(scope="module")
def results(sources_dir):
    tables = load()
    listed = tables["sources"].dropna(subset=["text_file"])
    texts = load_texts(sources_dir, dict(zip(listed["source_id"], listed["text_file"], strict=True)))
    assert len(texts) == 5, "all five source texts should be present"
    return coverage(tables, texts)


def test_every_number_is_accounted_for(results):
    for r in results:
        assert r.unaccounted == [], f"{r.source_id}: numbers neither extracted nor excluded: {r.unaccounted[:5]}"


def test_at_least_90_percent_of_the_facts_are_extracted(results):
    for r in results:
        assert r.coverage_pct >= 90, f"{r.source_id}: {r.coverage_pct:.1f} %"


def test_readme_shows_the_current_coverage(results):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert coverage_table(results) in readme, "update the coverage table in README.md (socialtjanst coverage)"
    tables = load()
    obs = tables["observations"]
    assert f"holds {len(obs)}\nobservations from {len(tables['sources'])} documents" in readme
    words = obs[obs["value_basis"] == "approximate"]["source_id"].value_counts()
    assert f"{words['vision_2023']} in the Vision 2023 report, {words['skl_2015_december']} in the SKL" in readme


def test_coverage_counts_a_number_once():
    from socialtjanst.coverage import source_coverage

    tables = load()
    text = "Svarsfrekvensen var 61 procent. Sida 3 av 9. Hela 88 procent svarade."
    tables = {**tables}
    tables["observations"] = tables["observations"].iloc[0:0]
    tables["figures"] = tables["figures"].iloc[0:0]
    tables["excluded_numbers"] = tables["excluded_numbers"].iloc[0:0]
    result = source_coverage("x", text, tables)
    assert result.numbers == 4 and len(result.unaccounted) == 4 and result.coverage_pct == 0
    assert all(re.match(r"\d+ …", item) for item in result.unaccounted)
