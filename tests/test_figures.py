"""Every source figure is rebuilt from the package data, and only from it."""

import pytest

from socialtjanst import load
from socialtjanst.figures import FIGURES, MISSING_LABEL, SERIES_CHARTS, series_points
from socialtjanst.render import export_figures

from .conftest import ROOT

T = load()
FIGS = T["figures"].set_index("figure_id")
OBS = T["observations"]


def _datasets(spec: dict) -> list[dict]:
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def test_every_figure_is_reproduced_or_says_why_not():
    for figure_id, row in FIGS.iterrows():
        if figure_id not in FIGURES:
            assert row.n_points_held == 0, figure_id
            assert isinstance(row.missing_reason, str) and row.missing_reason, figure_id
    assert set(FIGURES) <= set(FIGS.index)


@pytest.mark.parametrize("figure_id", sorted(FIGURES))
def test_chart_is_valid_vega_lite_with_the_package_values(figure_id):
    spec = FIGURES[figure_id]().to_dict()  # validates against the Vega-Lite schema
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v6")
    rows = _datasets(spec)
    drawn = {r["value"] for r in rows if "value" in r and not r.get("missing", False)}
    held = OBS[OBS["figure_id"] == figure_id]
    expected = held[held["unit"] == "percent"]
    if figure_id.startswith("skl_2015_december_diagram_2"):
        expected = expected[expected["category"] == "svårt"]
    assert drawn == set(expected["value"])
    for r in rows:
        if r.get("missing"):
            assert r["label"] == MISSING_LABEL and r["value"] == 0  # labelled, never drawn as a bar
    assert FIGS.loc[figure_id, "caption_sv"].split()[0] in str(spec["title"]["text"])


def test_missing_values_are_not_drawn_as_bars():
    spec = FIGURES["vision_2023_figur_5"]().to_dict()
    bar_layer = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "bar")
    assert {"filter": "!datum.missing"} in bar_layer["transform"]


def test_series_chart_shows_every_year_with_value_or_reason():
    points = series_points("staffing_difficulty", "personal generellt")
    years = points["year"].tolist()
    assert years == list(range(min(years), max(years) + 1))
    assert points.set_index("year").loc[2021, "label"] == "ingen undersökning"
    spec = SERIES_CHARTS["serie_personal_generellt"]().to_dict()
    drawn = {r["year"]: r["value"] for r in _datasets(spec) if r.get("value") is not None}
    assert drawn[2023] == 77 and 2021 not in drawn


@pytest.fixture(scope="module")
def fresh_figures(tmp_path_factory):
    """Every figure exported anew (SVG and PNG) into a temporary folder."""
    out = tmp_path_factory.mktemp("figures")
    export_figures(ROOT, out)
    return out


@pytest.mark.parametrize("name", [f"{n}.{s}" for n in sorted({**FIGURES, **SERIES_CHARTS}) for s in ("svg", "png")])
def test_committed_figure_files_are_current_to_the_byte(name, fresh_figures):
    committed = ROOT / "figures" / name
    assert committed.exists(), f"{name} is missing: run `make figures`"
    assert committed.read_bytes() == (fresh_figures / name).read_bytes(), f"{name} is stale: run `make figures`"


def test_every_chart_uses_the_shipped_font():
    from socialtjanst.figures import FONT, FONT_DIR

    assert (FONT_DIR / f"{FONT}-Regular.ttf").is_file() and (FONT_DIR / f"{FONT}-Bold.ttf").is_file()
    for name, builder in {**FIGURES, **SERIES_CHARTS}.items():
        assert builder().to_dict()["config"]["font"] == FONT, name
    svg = (ROOT / "figures" / "serie_personal_generellt.svg").read_text(encoding="utf-8")
    assert 'font-family="Lato"' in svg and "sans-serif" not in svg
