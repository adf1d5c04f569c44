"""One function per source figure, each an altair chart built only from the package data.

A chart shows what the source documents state and nothing else:

- a solid bar is a number the text states (or derives by recorded arithmetic);
- a pale, outlined bar is an approximate number ("åtta av tio") or a bound ("under 38,5");
  its label says which (≈, över, under);
- a combination the original figure shows but whose number the text does not state is
  labelled "uppgift saknas" and has no bar: bar heights are never estimated.

Titles, labels and categories are Swedish, as the reports print them (codes are shown with
their Swedish labels from ``metadata.toml``); numbers have a decimal comma and a no-break
space before %; a survey year has the same colour in every chart. The caption lines
give the question, the base (n) and the source. Figures whose numbers exist only in the
original image have no function here; :func:`figure_status` tells why.
"""

from __future__ import annotations

import textwrap
from functools import lru_cache
from importlib import resources

import altair as alt
import pandas as pd
import vl_convert

from .load import load
from .metadata import vocabulary

# Every chart is set in the typeface shipped in fonts/ (OFL), so that SVG and PNG files come
# out byte for byte the same on any machine, whatever fonts it has installed.
FONT = "Lato"
FONT_DIR = resources.files("socialtjanst").joinpath("fonts")
vl_convert.register_font_directory(str(FONT_DIR))


@alt.theme.register("socialtjanst", enable=True)
def theme() -> alt.theme.ThemeConfig:
    """The shared chart configuration: the shipped font for every title, label and text mark."""
    return {"config": {"font": FONT}}


MISSING_LABEL = "uppgift saknas"
# What a chart writes where a year has no value because no survey was run or the question was not asked.
GAP_LABEL = {flag: vocabulary("gap_flag")[flag] for flag in ("no_survey", "not_asked")}
HARD_SKL = "Andel kommuner (procent) som svarat ganska eller mycket svårt"
KEY_NOTE = "Heldragen stapel: uppgift i rapportens text. Ljus stapel: ungefärligt värde eller gräns. ”uppgift saknas”: siffran finns bara i originalets bild."
KEY_NOTE_LINES = "Linje och fylld punkt: uppgift i rapportens text. Ofylld punkt: ungefärligt värde eller gräns. ”uppgift saknas”: siffran finns bara i originalets bild."
KEY_NOTE_PIE = "Varje sektor är en siffra som står i källan; ingen är uppskattad ur bilden."
QUALIFIER_PREFIX = {
    "about": "≈ ",
    "more_than": "över ",
    "less_than": "under ",
    "at_least": "minst ",
    "at_most": "högst ",
}
NBSP = "\u00a0"
# One colour per survey year, the same in every chart (indexed by the year's last digit).
YEAR_PALETTE = [
    "#4c78a8",
    "#72b7b2",
    "#f58518",
    "#e45756",
    "#54a24b",
    "#b279a2",
    "#eeca3b",
    "#ff9da6",
    "#9d755d",
    "#79706e",
]
# Vega's default colours: a group or category gets the colour of its place in the figure's list of
# groups, whether or not the others are drawn.
PALETTE = ["#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#eeca3b", "#b279a2", "#ff9da6", "#9d755d"]


def year_colour(year: int | str) -> str:
    """The colour of a survey year in every chart.

    >>> year_colour(2023) == year_colour("2023") != year_colour(2022)
    True
    """
    return YEAR_PALETTE[int(year) % len(YEAR_PALETTE)]


@lru_cache(maxsize=1)
def _tables() -> dict[str, pd.DataFrame]:
    return load()


def number_sv(value: float, decimals: int = 1) -> str:
    """A number as Swedish text prints it: decimal comma, a no-break space between thousands.

    With one decimal or none, a trailing zero decimal is dropped.

    >>> number_sv(54.48), number_sv(77.0), number_sv(54.48, 2), number_sv(2.5)
    ('54,5', '77', '54,48', '2,5')
    >>> number_sv(275000) == "275\u00a0000"
    True
    """
    text = f"{float(value):,.{decimals}f}".replace(",", NBSP).replace(".", ",")
    if decimals <= 1 and "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


def percent_sv(value: float, decimals: int = 1) -> str:
    """A percentage as Swedish text prints it, with a no-break space before %.

    >>> percent_sv(54.48) == "54,5\u00a0%"
    True
    """
    return f"{number_sv(value, decimals)}{NBSP}%"


def interval_sv(low: float, high: float, decimals: int = 1) -> str:
    """A confidence interval (or any range of percentages) as Swedish text prints it.

    >>> interval_sv(36.44, 89.1) == "36,4–89,1\u00a0%"
    True
    """
    return f"{number_sv(low, decimals)}–{percent_sv(high, decimals)}"


def labels_sv(field: str, codes: pd.Series) -> pd.Series:
    """A column of vocabulary codes as their Swedish labels (empty stays empty)."""
    return codes.astype("string").map(vocabulary(field), na_action="ignore")


def flags_sv(flags: object) -> str:
    """`;`-separated comparability flags as Swedish text, one explanation per flag ("–" for none).

    >>> flags_sv("approximate;base_unknown")
    'värdet står i ord (till exempel ”åtta av tio”) och är ungefärligt; basen (n) är inte publicerad, så inget konfidensintervall kan räknas'
    """
    if not isinstance(flags, str) or not flags:
        return "–"
    labels = vocabulary("comparability")
    return "; ".join(labels[flag] for flag in flags.split(";"))


UNIT_SV = {
    "percent": "%",
    "percentage_points": "procentenheter",
    "count": "st.",
    "persons": "personer",
    "sek_billion": "miljarder kr",
    "sek_million": "miljoner kr",
    "hours_per_week": "timmar per vecka",
    "minutes_per_day": "minuter per dag",
    "persons_per_staff": "personer per anställd",
    "ratio": "gånger",
}


def value_label(value: float, qualifier: object, unit: str = "percent") -> str:
    """A value as charts and tables write it: qualifier (≈, över, under, minst, högst), number and unit,
    with a no-break space before the unit.

    >>> [s.replace(NBSP, " ") for s in (value_label(77, None), value_label(33.3, "about"), value_label(38.5, "less_than"))]
    ['77 %', '≈ 33,3 %', 'under 38,5 %']
    >>> [s.replace(NBSP, " ") for s in (value_label(4, "about", "hours_per_week"), value_label(275000, None, "count"))]
    ['≈ 4 timmar per vecka', '275 000 st.']
    """
    prefix = QUALIFIER_PREFIX.get(qualifier, "") if isinstance(qualifier, str) else ""
    return f"{prefix}{number_sv(value)}{NBSP}{UNIT_SV.get(unit, unit)}"


# The provenance of each point, carried in every chart's data: :func:`interactive` shows it on hover
# and keyboard focus on the site (the static SVG does not use these columns, so it does not change).
PROVENANCE = ["base_text", "basis_sv", "quote", "page_text"]
TOOLTIP = [
    alt.Tooltip("label:N", title="Värde"),
    alt.Tooltip("base_text:N", title="Bas (n)"),
    alt.Tooltip("basis_sv:N", title="Underlag"),
    alt.Tooltip("quote:N", title="Citat"),
    alt.Tooltip("page_text:N", title="Sida"),
]


def _base_text(n, low, high) -> str:
    """The base (n) as tables and tooltips write it: a number, a range, or that the source gives none."""
    if pd.notna(n):
        return number_sv(n)
    if pd.notna(low) and pd.notna(high):
        return f"{number_sv(low)}–{number_sv(high)}"
    return "ej angiven"


def provenance(observations: pd.DataFrame) -> pd.DataFrame:
    """Observations with the provenance columns a tooltip shows: base (n), basis in Swedish, quote, page.

    >>> provenance(load()["observations"].head(1))[PROVENANCE].iloc[0].tolist()[:2]
    ['ej angiven', 'angiven']
    """
    data = observations.copy()
    data["base_text"] = [
        _base_text(n, lo, hi) for n, lo, hi in zip(data["base_n"], data["base_n_min"], data["base_n_max"], strict=True)
    ]
    data["basis_sv"] = data["value_basis"].map(vocabulary("value_basis")).astype("string")
    data["page_text"] = [f"s. {int(p)}" if pd.notna(p) else "ej angiven" for p in data["page"]]
    return data


def interactive(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """The chart with each point's value, base, basis, quote and page as its tooltip (for the site)."""
    return chart.encode(tooltip=TOOLTIP)


def figure_data(figure_id: str) -> pd.DataFrame:
    """The observations of one figure, with the label each value gets on the chart and its provenance."""
    obs = _tables()["observations"]
    data = provenance(obs[obs["figure_id"] == figure_id])
    data["exact"] = data["value_qualifier"].isna() | (data["value_qualifier"] == "exact")
    data["label"] = [
        value_label(v, q, u) for v, q, u in zip(data["value"], data["value_qualifier"], data["unit"], strict=True)
    ]
    return data


# Swedish headings of the columns in the notebooks' tables of observations.
COLUMNS_SV = {
    "subject": "vad",
    "breakdown": "grupp",
    "category": "svar",
    "reference_year": "år",
    "reference_period": "tidpunkt",
    "värde": "värde",
    "value_basis": "hur värdet är givet",
    "bas": "bas (n)",
    "quote": "citat",
}
# Columns that tell the rows of a figure apart, in the order they are shown.
DESCRIPTIVE = ["subject", "breakdown", "category", "reference_year", "reference_period"]


def observation_table(observations: pd.DataFrame, describe: list[str] | None = None) -> pd.DataFrame:
    """Observations (rows of the `observations` table) as a notebook table with Swedish headings and labels:
    the columns in ``describe`` (default: subject and group), the value written out with qualifier and unit,
    how it is given, its base and the quote. ``obs_id`` stays, as the key to look a row up by."""
    describe = describe or ["subject", "breakdown"]
    table = observations.copy()
    table["värde"] = [
        value_label(v, q, u) for v, q, u in zip(table["value"], table["value_qualifier"], table["unit"], strict=True)
    ]
    table["bas"] = [_base_text(r.base_n, r.base_n_min, r.base_n_max) for r in table.itertuples()]
    for field in ("breakdown", "value_basis"):
        table[field] = labels_sv(field, table[field])
    table["reference_period"] = table["reference_period"].fillna("–")
    cols = ["obs_id", *describe, "värde", "value_basis", "bas", "quote"]
    return table[cols].rename(columns=COLUMNS_SV).reset_index(drop=True)


def figure_table(figure_id: str) -> pd.DataFrame:
    """The numbers behind a figure, for a notebook table: the columns that tell its rows apart
    (what, group, answer, year, time), the value, how it is given, its base and the quote."""
    data = figure_data(figure_id)
    describe = [c for c in DESCRIPTIVE if data[c].nunique() > 1] or ["subject"]
    return observation_table(data, describe)


def figure_row(figure_id: str) -> pd.Series:
    figures = _tables()["figures"]
    return figures[figures["figure_id"] == figure_id].iloc[0]


def figure_status(source_id: str | None = None) -> pd.DataFrame:
    """Every figure (of one source) with how many of its numbers the package holds and why not more."""
    figures = _tables()["figures"]
    if source_id:
        figures = figures[figures["source_id"] == source_id]
    table = figures[["figure_id", "label", "n_points_plausible", "n_points_held", "missing_reason_sv"]].copy()
    table["reproduced"] = table["figure_id"].isin(FIGURES)
    return table.reset_index(drop=True)


def _caption(figure_id: str, key: str, extra: list[str]) -> list[str]:
    row = figure_row(figure_id)
    sources = _tables()["sources"].set_index("source_id")
    lines = []
    if pd.notna(row.base_printed):
        lines.append(row.base_printed)
    lines.append(
        f"Källa: {sources.loc[row.source_id, 'publisher']}, {sources.loc[row.source_id, 'title']}, {row.label}."
    )
    lines.append(key)
    return lines + extra


def _title(figure_id: str, key: str = KEY_NOTE, extra: list[str] | None = None) -> alt.TitleParams:
    row = figure_row(figure_id)
    return alt.TitleParams(
        text=textwrap.wrap(row.caption_sv, 95),
        subtitle=_caption(figure_id, key, extra or []),
        anchor="start",
        fontSize=13,
        subtitleFontSize=10,
        orient="top",
    )


def _complete(data: pd.DataFrame, y: str, group: str, groups: list) -> pd.DataFrame:
    """Add a row labelled "uppgift saknas" for every y × group the figure shows but the text does not state."""
    y_values = list(dict.fromkeys(data[y]))
    grid = pd.DataFrame([(a, b) for a in y_values for b in groups], columns=[y, group])
    full = grid.merge(data, on=[y, group], how="left")
    full["missing"] = full["value"].isna()
    full.loc[full["missing"], "label"] = MISSING_LABEL
    full["exact"] = full["exact"].astype("boolean").fillna(False).astype(bool)
    full["value"] = full["value"].fillna(0.0)
    return full


def bars(
    figure_id: str,
    y: str,
    group: str,
    groups: list,
    group_title: str,
    y_title: str = "",
    y_label=None,
    filter_category: str | None = None,
    x_title: str = "Andel (procent)",
) -> alt.LayerChart:
    """Horizontal bars, one per y value and group (year, period, area…), 0–100 %.

    A vocabulary on the y axis (group, answer) shows its Swedish labels in the vocabulary's order;
    years have their fixed colours."""
    data = figure_data(figure_id)
    if filter_category:
        data = data[data["category"] == filter_category]
    if y in ("breakdown", "category"):
        labels = vocabulary(y)
        present = set(data[y].astype(str))
        data[y] = labels_sv(y, data[y])
        order = [labels[c] for c in labels if c in present]
    else:
        if y_label:
            data[y] = data[y].map(y_label)
        order = list(dict.fromkeys(data[y]))
    data[group] = data[group].astype(str)
    groups = [str(g) for g in groups]
    full = _complete(data, y, group, groups)[[y, group, "value", "label", "exact", "missing", *PROVENANCE]]
    if len(groups) > 1:  # say whose bar is missing: the legend lists only groups with a bar
        full.loc[full["missing"], "label"] = full[group] + ": " + MISSING_LABEL
    drawn = [g for g in groups if g in set(full.loc[~full["missing"], group])]
    colours = [year_colour(g) if group == "reference_year" else PALETTE[groups.index(g)] for g in drawn]
    base = alt.Chart(full).encode(
        y=alt.Y(f"{y}:N", sort=order, title=y_title, axis=alt.Axis(labelLimit=320)),
        yOffset=alt.YOffset(f"{group}:N", sort=groups),
    )
    bar = (
        base.mark_bar(stroke="#333", strokeWidth=0.6)
        .encode(
            x=alt.X("value:Q", title=x_title, scale=alt.Scale(domain=[0, 100])),
            color=alt.Color(f"{group}:N", sort=drawn, title=group_title, scale=alt.Scale(domain=drawn, range=colours)),
            opacity=alt.condition("datum.exact", alt.value(1.0), alt.value(0.35)),
        )
        .transform_filter("!datum.missing")
    )
    text = base.mark_text(align="left", dx=3, fontSize=10).encode(
        x=alt.X("value:Q"),
        text=alt.Text("label:N"),
        color=alt.condition("datum.missing", alt.value("#888"), alt.value("#000")),
    )
    return alt.layer(bar, text).properties(title=_title(figure_id), width=420)


def lines(
    figure_id: str, years: list[int], category_order: list[str], gap_years: dict[int, str] | None = None
) -> alt.LayerChart:
    """Shares by year and category, as a line per category with the years the text lacks marked."""
    data = figure_data(figure_id)
    data = data[data["unit"] == "percent"]
    full = _complete(data, "category", "reference_year", years)
    full["year"] = full["reference_year"].astype(int)
    present = full[~full["missing"]]
    # The legend lists only what is drawn; the categories the original shows besides are named in the caption.
    drawn = [c for c in category_order if c in set(present["category"])]
    not_drawn = [c for c in category_order if c not in drawn]
    extra = [f"Originalet visar också: {', '.join(not_drawn)} ({MISSING_LABEL} för alla år)."] if not_drawn else []
    x = alt.X("year:O", title="År", sort=years, scale=alt.Scale(domain=years))
    # Each category keeps the colour of its place in category_order, drawn or not.
    colours = [PALETTE[category_order.index(c)] for c in drawn]
    color = alt.Color("category:N", sort=drawn, title="Bedömning", scale=alt.Scale(domain=drawn, range=colours))
    line = (
        alt.Chart(present[present["exact"]])
        .mark_line(point=True)
        .encode(x=x, y=alt.Y("value:Q", title="Andel (procent)", scale=alt.Scale(domain=[0, 100])), color=color)
    )
    points = (
        alt.Chart(present)
        .mark_point(size=70, filled=False)
        .encode(x=x, y="value:Q", color=color, shape=alt.Shape("exact:N", title="Exakt uppgift", legend=None))
    )
    labels = alt.Chart(present).mark_text(dy=-10, fontSize=10).encode(x=x, y="value:Q", text="label:N", color=color)
    layers = [line, points, labels]
    gap_years = gap_years or {}
    missing = sorted(set(full[full["missing"]]["year"]) - set(gap_years))
    notes = pd.DataFrame(
        {"year": list(gap_years) + missing, "text": list(gap_years.values()) + [MISSING_LABEL] * len(missing)}
    )
    if len(notes):
        layers.append(
            alt.Chart(notes)
            .mark_text(y=215, angle=270, align="left", fontSize=10, color="#888")
            .encode(x=x, text="text:N")
        )
    return alt.layer(*layers).properties(title=_title(figure_id, KEY_NOTE_LINES, extra), width=480, height=260)


def pie(figure_id: str, category_order: list[str]) -> alt.LayerChart:
    data = figure_data(figure_id)[["category", "value", "label", *PROVENANCE]]
    base = alt.Chart(data).encode(
        theta=alt.Theta("value:Q", stack=True), color=alt.Color("category:N", sort=category_order, title="Svar")
    )
    arc = base.mark_arc(outerRadius=110)
    text = base.mark_text(radius=135, fontSize=12).encode(text="label:N")
    return alt.layer(arc, text).properties(title=_title(figure_id, KEY_NOTE_PIE), width=300, height=300)


def _strip_area(subject: str) -> str:
    return subject.split(": ", 1)[-1]


FIGURES: dict[str, callable] = {}


def _register(figure_id: str):
    def wrap(func):
        FIGURES[figure_id] = func
        return func

    return wrap


@_register("vision_2015_supplement_chart_uppdrag")
def vision_2015_uppdrag() -> alt.LayerChart:
    """Vision 2015: "Anser du att socialtjänstens uppdrag bör förändras?" (Ja/Nej)."""
    return pie("vision_2015_supplement_chart_uppdrag", ["ja", "nej"])


SKL_PERIODS = ["12 månader sedan", "idag", "12 månader framåt"]


def _skl_recruitment(figure_id: str) -> alt.LayerChart:
    return bars(
        figure_id,
        "subject",
        "reference_period",
        SKL_PERIODS,
        "Tidpunkt",
        y_label=_strip_area,
        filter_category="svårt",
        x_title=HARD_SKL,
    )


@_register("skl_2015_december_diagram_2a")
def skl_2015_diagram_2a() -> alt.LayerChart:
    """SKL December 2015, Diagram 2a: recruiting in Barn och unga, myndighetsutövning."""
    return _skl_recruitment("skl_2015_december_diagram_2a")


@_register("skl_2015_december_diagram_2b")
def skl_2015_diagram_2b() -> alt.LayerChart:
    """SKL December 2015, Diagram 2b: recruiting in Ekonomiskt bistånd."""
    return _skl_recruitment("skl_2015_december_diagram_2b")


@_register("skl_2015_december_diagram_2c")
def skl_2015_diagram_2c() -> alt.LayerChart:
    """SKL December 2015, Diagram 2c: recruiting in Barn och unga, HVB."""
    return _skl_recruitment("skl_2015_december_diagram_2c")


@_register("skl_2015_december_diagram_3")
def skl_2015_diagram_3() -> alt.LayerChart:
    """SKL December 2015, Diagram 3: can parts of the tasks be done by other professions?"""
    return bars(
        "skl_2015_december_diagram_3",
        "subject",
        "category",
        ["ja", "nej", "ej bedömt"],
        "Svar",
        y_label=lambda s: s.split(":")[0],
    )


@_register("skl_2015_december_diagram_4")
def skl_2015_diagram_4() -> alt.LayerChart:
    """SKL December 2015, Diagram 4: support the municipalities want (both areas together in the text)."""
    return bars("skl_2015_december_diagram_4", "subject", "breakdown", ["riket"], "Kommuner")


HARD_VISION = "Andel (procent) som svarat mycket eller ganska svårt"
STAFFING = "Andel (procent) som bedömer villkoren som svåra (ganska eller mycket svåra)"
WAVES_2020_2023 = [2020, 2023]
WAVES_2020_2022_2023 = [2020, 2022, 2023]


@_register("vision_2023_figur_1")
def vision_2023_figur_1() -> alt.LayerChart:
    """Vision 2023, Figur 1: tasks that are difficult within the budget, 2020 and 2023."""
    return bars("vision_2023_figur_1", "subject", "reference_year", WAVES_2020_2023, "År", x_title=HARD_VISION)


@_register("vision_2023_figur_2")
def vision_2023_figur_2() -> alt.LayerChart:
    """Vision 2023, Figur 2: areas hit hardest by the municipality's economy, 2020 and 2023."""
    return bars(
        "vision_2023_figur_2",
        "subject",
        "reference_year",
        WAVES_2020_2023,
        "År",
        x_title="Andel (procent) som valt området (högst två svar)",
    )


@_register("vision_2023_figur_3")
def vision_2023_figur_3() -> alt.LayerChart:
    """Vision 2023, Figur 3: measures taken to keep within the budget, 2020 and 2023."""
    return bars(
        "vision_2023_figur_3",
        "subject",
        "reference_year",
        WAVES_2020_2023,
        "År",
        x_title="Andel (procent) som vidtagit åtgärden (flera svar möjliga)",
    )


@_register("vision_2023_figur_4")
def vision_2023_figur_4() -> alt.LayerChart:
    """Vision 2023, Figur 4: staffing of personal generellt, 2015–2023 (no survey in 2021)."""
    return lines(
        "vision_2023_figur_4",
        list(range(2015, 2024)),
        ["lätt", "balans", "svårt"],
        gap_years={2021: GAP_LABEL["no_survey"]},
    )


def _staff_groups(figure_id: str) -> alt.LayerChart:
    return bars(figure_id, "subject", "reference_year", WAVES_2020_2022_2023, "År", x_title=STAFFING)


@_register("vision_2023_figur_5")
def vision_2023_figur_5() -> alt.LayerChart:
    """Vision 2023, Figur 5: socialsekreterare and biståndshandläggare, 2020, 2022 and 2023."""
    return _staff_groups("vision_2023_figur_5")


@_register("vision_2023_figur_6")
def vision_2023_figur_6() -> alt.LayerChart:
    """Vision 2023, Figur 6: medarbetare i äldreomsorgen and behandlingspersonal (not asked in 2020)."""
    return _staff_groups("vision_2023_figur_6")


@_register("vision_2023_figur_7")
def vision_2023_figur_7() -> alt.LayerChart:
    """Vision 2023, Figur 7: chefer IFO and chefer äldre/funktionshinder."""
    return _staff_groups("vision_2023_figur_7")


@_register("vision_2023_figur_8")
def vision_2023_figur_8() -> alt.LayerChart:
    """Vision 2023, Figur 8: personal generellt in storstadslänen and övriga landet."""
    return bars(
        "vision_2023_figur_8",
        "breakdown",
        "reference_year",
        WAVES_2020_2022_2023,
        "År",
        x_title=STAFFING,
    )


@_register("vision_2023_figur_9")
def vision_2023_figur_9() -> alt.LayerChart:
    """Vision 2023, Figur 9: consultants used during the last year, 2019 and 2023."""
    return bars(
        "vision_2023_figur_9",
        "category",
        "reference_year",
        [2019, 2023],
        "År",
        x_title="Andel (procent) av socialcheferna",
    )


@_register("vision_2023_figur_10")
def vision_2023_figur_10() -> alt.LayerChart:
    """Vision 2023, Figur 10: how the social directors feel about their assignment, 2023."""
    return bars(
        "vision_2023_figur_10", "category", "reference_year", [2023], "År", x_title="Andel (procent) av socialcheferna"
    )


@_register("vardanalys_slides_introduktioner")
def vardanalys_introduktioner() -> alt.LayerChart:
    """Vårdanalys slides: municipalities with a special introduction for new graduates."""
    return bars(
        "vardanalys_slides_introduktioner", "subject", "category", ["ja"], "Svar", x_title="Andel kommuner (procent)"
    )


@_register("vardanalys_slides_planering")
def vardanalys_planering() -> alt.LayerChart:
    """Vårdanalys slides: municipalities with a current plan for their need of caseworkers."""
    return bars(
        "vardanalys_slides_planering", "subject", "category", ["ja"], "Svar", x_title="Andel kommuner (procent)"
    )


# ------------------------------------------------------------------ the harmonised series

SOURCE_KIND = {
    "report": "rapport",
    "report_supplement": "rapport",
    "slides": "rapport",
    "motion": "rapport",
    "press_release": "pressmeddelande eller nyhet",
    "news_article": "pressmeddelande eller nyhet",
    "web_page": "pressmeddelande eller nyhet",
}


def series_points(
    series_indicator: str, subject: str, breakdown: str = "riket", category: str = "svårt"
) -> pd.DataFrame:
    """The preferred value of each year of one series, with its interval, flags and source kind."""
    t = _tables()
    s = t["series"]
    rows = s[
        (s["series_indicator"] == series_indicator)
        & (s["subject"] == subject)
        & (s["breakdown"] == breakdown)
        & (s["category"] == category)
        & s["is_preferred"]
    ].copy()
    kinds = t["sources"].set_index("source_id")["document_type"].map(SOURCE_KIND)
    rows["källa"] = rows["source_id"].map(kinds).fillna("")
    rows["typ"] = [
        ("gräns eller ungefärligt" if pd.notna(q) or b == "approximate" else f"exakt, {k}") if pd.notna(v) else ""
        for v, q, b, k in zip(rows["value"], rows["value_qualifier"], rows["value_basis"], rows["källa"], strict=True)
    ]
    rows["label"] = [
        value_label(v, q) if pd.notna(v) else GAP_LABEL.get(c, MISSING_LABEL)
        for v, q, c in zip(rows["value"], rows["value_qualifier"], rows["comparability"], strict=True)
    ]
    rows["year"] = rows["year"].astype(int)
    rows = rows.join(provenance(t["observations"]).set_index("obs_id")[PROVENANCE], on="obs_id")
    return (
        rows[
            [
                "year",
                "value",
                "value_qualifier",
                "ci_low_pct",
                "ci_high_pct",
                "base_n",
                "typ",
                "label",
                "comparability",
                "source_id",
                "obs_id",
                *PROVENANCE,
            ]
        ]
        .sort_values("year")
        .reset_index(drop=True)
    )


def series_chart(series_indicator: str = "staffing_difficulty", subject: str = "personal generellt") -> alt.LayerChart:
    """One harmonised series over every year found: values, 95 % intervals, gaps and what kind of value each is."""
    data = series_points(series_indicator, subject)
    years = list(range(int(data["year"].min()), int(data["year"].max()) + 1))
    x = alt.X("year:O", title="År", scale=alt.Scale(domain=years))
    kinds = ["exakt, rapport", "exakt, pressmeddelande eller nyhet", "gräns eller ungefärligt"]
    values = data[data["value"].notna()]
    gaps = data[data["value"].isna()]
    y = alt.Y("value:Q", title="Andel (procent) som bedömer villkoren som svåra", scale=alt.Scale(domain=[0, 100]))
    color = alt.Color(
        "typ:N", title="Värdets slag", scale=alt.Scale(domain=kinds, range=["#c0392b", "#e67e22", "#95a5a6"])
    )
    layers = [
        alt.Chart(values).mark_rule(strokeWidth=2).encode(x=x, y="ci_low_pct:Q", y2="ci_high_pct:Q"),
        alt.Chart(values)
        .mark_point(size=90, filled=True)
        .encode(x=x, y=y, color=color, shape=alt.Shape("typ:N", title="Värdets slag", scale=alt.Scale(domain=kinds))),
        alt.Chart(values).mark_text(dx=8, align="left", fontSize=10).encode(x=x, y="value:Q", text="label:N"),
        alt.Chart(gaps).mark_text(y=4, angle=270, align="right", fontSize=10, color="#888").encode(x=x, text="label:N"),
    ]
    title = alt.TitleParams(
        text=f"Bedömning av personalförsörjningen, {subject}: alla år som någon källa anger",
        subtitle=[
            "Andel socialchefer som bedömer villkoren för personalförsörjning som svåra (ganska eller mycket svåra).",
            "Lodrät linje: 95-procentigt konfidensintervall (Wilson, med korrektion för ändlig population),"
            " bara där basen (n) är publicerad.",
            "Pressmeddelanden och nyheter 2017–2019 säger ”svårt att rekrytera personal”: annan formulering.",
            "Källa: datapaketet socialtjanst-enkater, tabellen series (ett föredraget värde per år).",
        ],
        anchor="start",
        fontSize=13,
        subtitleFontSize=10,
    )
    return alt.layer(*layers).properties(title=title, width=520, height=260)


SERIES_CHARTS = {"serie_personal_generellt": series_chart}


def _point_name(row: pd.Series) -> str:
    parts = [row.subject]
    if row.breakdown != "riket":
        parts.append(vocabulary("breakdown").get(row.breakdown, row.breakdown))
    if pd.notna(row.category):
        parts.append(vocabulary("category").get(row.category, row.category))
    parts.append(row.reference_period if pd.notna(row.reference_period) else str(row.reference_year))
    return ", ".join(str(p) for p in parts)


def text_alternative(figure_id: str) -> str:
    """A chart's Swedish text alternative: what it shows and every number in it.

    >>> text_alternative("vision_2023_figur_4").startswith("Diagram: ")
    True
    """
    if figure_id in SERIES_CHARTS:
        points = series_points("staffing_difficulty", "personal generellt")
        years = [
            f"{p.year}: {p.label}"
            + (
                f" (95 % intervall {number_sv(p.ci_low_pct)}–{number_sv(p.ci_high_pct)} %)"
                if pd.notna(p.ci_low_pct)
                else ""
            )
            for p in points.itertuples()
        ]
        return (
            "Diagram: andel socialchefer som bedömer villkoren för personalförsörjningen av personal generellt "
            f"som svåra, alla år som någon källa anger. {'; '.join(years)}."
        )
    row = figure_row(figure_id)
    data = figure_data(figure_id)
    numbers = "; ".join(f"{_point_name(r)}: {r.label}" for _, r in data.iterrows())
    caption = row.caption_sv if row.label in row.caption_sv else f"{row.caption_sv} ({row.label})"
    return (
        f"Diagram: {caption.rstrip('.')}. Siffrorna i rapportens text: {numbers}. "
        f"Det som originalfiguren visar men texten inte anger står som «{MISSING_LABEL}»."
    )


def figure_info(figure_id: str) -> str:
    """Markdown about one figure from the package: caption, question, base, coverage and what is missing."""
    t = _tables()
    row = figure_row(figure_id)
    lines = [f"**{row.label}** – *{row.caption_sv}*", ""]
    lines += _question_lines(figure_id)
    if pd.notna(row.question_id):
        q = t["questions"].set_index("question_id").loc[row.question_id]
        if pd.notna(q.options_not_shown):
            lines.append(f"- Svarsalternativ som fanns men inte redovisas: {q.options_not_shown}")
        if q.multiple_answers:
            limit = f" (högst {int(q.max_answers)})" if pd.notna(q.max_answers) else ""
            lines.append(f"- Flera svar var möjliga{limit}: andelarna summerar inte till 100.")
    if pd.notna(row.base_printed):
        lines.append(f"- Bas enligt rapporten: {row.base_printed}")
    lines.append(
        f"- Siffror i originalfiguren (uppskattat antal): {int(row.n_points_plausible)}; "
        f"i datapaketet: {int(row.n_points_held)}."
    )
    if pd.notna(row.missing_reason_sv):
        lines.append(f"- Varför resten saknas: {row.missing_reason_sv}")
    return "\n".join(lines)


def _question_lines(figure_id: str) -> list[str]:
    """The wording of each question the figure's values answer, from each observation's own question_id
    (the figure's question when it holds no values); several wordings are listed with whom and when they ask."""
    questions = _tables()["questions"].set_index("question_id")
    data = figure_data(figure_id)
    data = data[data["question_id"].notna()]
    if data.empty:
        question_id = figure_row(figure_id).question_id
        if pd.isna(question_id):
            return []
        data = pd.DataFrame({"question_id": [question_id], "subject": [pd.NA], "reference_year": [pd.NA]})
    data = data.assign(
        wording=data["question_id"].map(questions["wording_sv"]),
        verbatim=data["question_id"].map(questions["wording_is_verbatim"]),
    )
    wordings = list(dict.fromkeys(data["wording"]))
    lines = []
    for wording in wordings:
        rows = data[data["wording"] == wording]
        kind = "ordagrant" if rows["verbatim"].any() else "som rapporten återger den"
        about = ""
        if len(wordings) > 1:
            subjects = ", ".join(dict.fromkeys(rows["subject"].dropna()))
            years = " och ".join(str(y) for y in sorted(set(rows["reference_year"].dropna())))
            about = (f" om {subjects}" if subjects else "") + (f" {years}" if years else "")
        lines.append(f"- Frågan{about} ({kind}): ”{wording}”")
    return lines
