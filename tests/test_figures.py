"""Every source figure is rebuilt from the package data, and only from it."""

import copy
import functools
import re

import nbformat
import pytest

from socialtjanst import figures, load
from socialtjanst.figures import FIGURES, MISSING_LABEL, SERIES_CHARTS, series_points, value_label
from socialtjanst.metadata import vocabulary
from socialtjanst.render import export_figures

from .conftest import ROOT

T = load()
FIGS = T["figures"].set_index("figure_id")
OBS = T["observations"]


@functools.cache
def _spec(name: str) -> dict:
    """The chart's Vega-Lite spec, made once per test run (`to_dict` validates it against the schema)."""
    return {**FIGURES, **SERIES_CHARTS}[name]().to_dict()


def spec_of(name: str) -> dict:
    return copy.deepcopy(_spec(name))  # each test may change its own


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
    spec = spec_of(figure_id)  # validates against the Vega-Lite schema
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
            assert r["label"].endswith(MISSING_LABEL) and r["value"] == 0  # labelled, never drawn as a bar
    assert FIGS.loc[figure_id, "caption_sv"].split()[0] in str(spec["title"]["text"])


def test_missing_values_are_not_drawn_as_bars():
    spec = spec_of("vision_2023_figur_5")
    bar_layer = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "bar")
    assert {"filter": "!datum.missing"} in bar_layer["transform"]


def test_series_chart_shows_every_year_with_value_or_reason():
    points = series_points("staffing_difficulty", "personal generellt")
    years = points["year"].tolist()
    assert years == list(range(min(years), max(years) + 1))
    assert points.set_index("year").loc[2021, "label"] == vocabulary("gap_flag")["no_survey"]
    spec = spec_of("serie_personal_generellt")
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
    for name in {**FIGURES, **SERIES_CHARTS}:
        assert spec_of(name)["config"]["font"] == FONT, name
    svg = (ROOT / "figures" / "serie_personal_generellt.svg").read_text(encoding="utf-8")
    assert 'font-family="Lato"' in svg and "sans-serif" not in svg


# ------------------------------------------------------------------ content errors found in notebook 01


def _layers(spec: dict) -> list[dict]:
    return spec.get("layer", [spec])


def _colour_scales(spec: dict) -> list[dict]:
    return [
        layer["encoding"]["color"] for layer in _layers(spec) if "field" in layer.get("encoding", {}).get("color", {})
    ]


@pytest.mark.parametrize("figure_id", sorted(FIGURES))
def test_legend_lists_only_what_is_drawn(figure_id):
    spec = spec_of(figure_id)
    rows = [r for r in _datasets(spec) if not r.get("missing", False)]
    for colour in _colour_scales(spec):
        drawn = {str(r[colour["field"]]) for r in rows if colour["field"] in r}
        domain = colour.get("scale", {}).get("domain", [])
        assert set(map(str, domain)) <= drawn, f"{figure_id}: legend lists {set(domain) - drawn}, which are not drawn"


def test_figure_4_legend_has_no_category_without_a_line_or_point():
    spec = spec_of("vision_2023_figur_4")
    domains = {tuple(c["scale"]["domain"]) for c in _colour_scales(spec)}
    assert domains == {("svårt",)}
    assert any("lätt, balans" in line for line in spec["title"]["subtitle"])  # named, as not drawn


def test_a_year_has_the_same_colour_in_every_figure():
    colour_of: dict[str, set] = {}
    for name in FIGURES:
        for colour in _colour_scales(spec_of(name)):
            if colour["field"] == "reference_year":
                for year, value in zip(colour["scale"]["domain"], colour["scale"]["range"], strict=True):
                    colour_of.setdefault(year, set()).add(value)
    assert {"2019", "2020", "2022", "2023"} <= set(colour_of)
    assert all(len(c) == 1 for c in colour_of.values()), colour_of
    assert len({next(iter(c)) for c in colour_of.values()}) == len(colour_of), "two years share a colour"


def test_figure_10_categories_in_the_order_of_the_caption():
    spec = spec_of("vision_2023_figur_10")
    order = next(layer["encoding"]["y"]["sort"] for layer in spec["layer"] if "y" in layer.get("encoding", {}))
    caption = FIGS.loc["vision_2023_figur_10", "caption_sv"]
    assert order == sorted(order, key=caption.index)
    assert len(order) == 3


@pytest.mark.parametrize("figure_id", sorted(FIGURES))
def test_key_speaks_of_the_marks_the_chart_has(figure_id):
    spec = spec_of(figure_id)
    marks = {layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in _layers(spec)}
    subtitle = " ".join(spec["title"]["subtitle"]).lower()
    assert ("stapel" in subtitle) == ("bar" in marks), f"{figure_id}: the key and the marks disagree"
    assert ("linje" in subtitle) == ("line" in marks)
    assert ("sektor" in subtitle) == ("arc" in marks)


DESCRIPTION_COLUMNS = ["vad", "grupp", "svar", "år", "tidpunkt"]


@pytest.mark.parametrize("figure_id", sorted(FIGURES))
def test_figure_table_has_the_columns_that_tell_its_rows_apart(figure_id):
    table = figures.figure_table(figure_id)
    shown = [c for c in DESCRIPTION_COLUMNS if c in table.columns]
    assert shown and not table.duplicated(subset=shown).any(), f"{figure_id}: rows cannot be told apart"


def test_figure_8_to_10_tables_in_notebook_01_show_group_or_answer():
    text = "".join(
        o.get("text", "")
        for c in nbformat.read(ROOT / "notebooks" / "01_vision_2023.ipynb", as_version=4).cells
        for o in c.get("outputs", [])
    )
    for figure_id, field in [
        ("vision_2023_figur_8", "breakdown"),
        ("vision_2023_figur_9", "category"),
        ("vision_2023_figur_10", "category"),
    ]:
        for row in OBS[OBS["figure_id"] == figure_id].itertuples():
            line = next(line for line in text.splitlines() if line.startswith(row.obs_id))
            assert vocabulary(field)[getattr(row, field)] in line, line


def test_figures_5_to_7_quote_each_staff_groups_own_question():
    """Figures 5-7 show staff groups: each value's question names its group, not "personal generellt"."""
    wordings = T["questions"].set_index("question_id")["wording_sv"]
    for figure_id in ("vision_2023_figur_5", "vision_2023_figur_6", "vision_2023_figur_7"):
        info = figures.figure_info(figure_id)
        assert "grupper: personal generellt?" not in info, figure_id
        for question_id in OBS.loc[OBS["figure_id"] == figure_id, "question_id"].dropna().unique():
            assert f"”{wordings[question_id]}”" in info


@pytest.mark.parametrize("figure_id", sorted(FIGURES))
def test_figure_info_shows_every_question_its_values_answer(figure_id):
    info = figures.figure_info(figure_id)
    wordings = T["questions"].set_index("question_id")["wording_sv"]
    for question_id in OBS.loc[OBS["figure_id"] == figure_id, "question_id"].dropna().unique():
        assert f"”{wordings[question_id]}”" in info


BOUND_WORDS = {
    "less_than": {"under", "mindre än", "färre än", "knappt", "nästan"},
    "more_than": {"över", "mer än", "fler än", "drygt"},
    "about": {"ungefär", "cirka", "≈"},
    "at_most": {"högst"},
    "at_least": {"minst"},
}
ANY_BOUND = "|".join(sorted({w for words in BOUND_WORDS.values() for w in words}, key=len))


def test_notebook_01_states_bounds_as_the_data_does():
    """Figure 4's 2015 value is a bound: prose and chart use the data's qualifier ("högst 28 %")."""
    nb = nbformat.read(ROOT / "notebooks" / "01_vision_2023.ipynb", as_version=4)
    prose = " ".join(c.source for c in nb.cells if c.cell_type == "markdown")
    outputs = " ".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))
    bounds = OBS[(OBS["figure_id"] == "vision_2023_figur_4") & OBS["value_qualifier"].isin(list(BOUND_WORDS))]
    assert len(bounds) == 2
    for row in bounds.itertuples():
        number = figures.number_sv(row.value)
        for word in re.findall(rf"({ANY_BOUND})\s+{re.escape(number)}(?:\s|\u00a0)*(?:procent|%)", prose):
            assert word in BOUND_WORDS[row.value_qualifier], (
                f"prose says {word!r} {number}, data: {row.value_qualifier}"
            )
        assert value_label(row.value, row.value_qualifier) in outputs
    chart = spec_of("vision_2023_figur_4")
    labels = {r["label"] for r in _datasets(chart) if "label" in r}
    assert {value_label(r.value, r.value_qualifier) for r in bounds.itertuples()} <= labels
