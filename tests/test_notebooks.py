"""The notebooks: executed, in sync with their sources, offline, and with no number the package lacks."""

import re

import jupytext
import nbformat
import pytest

from socialtjanst import load
from socialtjanst.render import inputs_digest, notebook_scripts, recorded_digest

from .conftest import ROOT

SCRIPTS = notebook_scripts(ROOT)  # the notebooks and the worked solutions in losningar/
CDN = re.compile(r"cdn\.jsdelivr|cdnjs\.cloudflare|unpkg\.com|require\.js|mathjax", re.I)
NUMBER = re.compile(r"(?<![\w,.])\d{1,3}(?: \d{3})+(?![\d,])|(?<![\w,.])\d+(?:[.,]\d+)?(?![\d\w])")


def _package_numbers() -> set[float]:
    """Every number the package holds: values, bases, counts, years, rates, limits."""
    t = load()
    numbers: set[float] = set()
    for frame in t.values():
        for column in frame.columns:
            if str(frame[column].dtype) in ("Int64", "float64"):
                numbers |= {float(v) for v in frame[column].dropna()}
    return numbers


PACKAGE_NUMBERS = _package_numbers()
# Numbers prose may use without the package holding them: counting words and list items
# and notebook numbers (0–15), the confidence level (95 %) and the whole (100 %).
FREE = {float(n) for n in range(0, 16)} | {95.0, 100.0}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_notebook_is_executed_from_its_current_inputs(script):
    notebook = script.with_suffix(".ipynb")
    assert notebook.exists(), f"run `make notebooks` to create {notebook.name}"
    source = [c.source for c in jupytext.read(script).cells]
    executed = nbformat.read(notebook, as_version=4)
    assert [c.source for c in executed.cells] == source, f"{notebook.name} is stale: run `make notebooks`"
    # The code, data or locked versions it ran with are the current ones (what lets `make` skip it).
    assert recorded_digest(notebook) == inputs_digest(ROOT, script), f"{notebook.name} is stale: run `make notebooks`"
    for cell in executed.cells:
        if cell.cell_type == "code" and "NBVAL_CHECK_OUTPUT" in cell.source:
            assert cell.outputs, f"{notebook.name}: a checked cell has no stored output to compare"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_notebook_loads_nothing_from_the_network(script):
    text = script.with_suffix(".ipynb").read_text(encoding="utf-8")
    assert not CDN.search(text)
    assert "altair-viz" not in text, "use the svg renderer: the html one loads vega from a CDN"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_prose_states_only_numbers_the_package_holds(script):
    unknown = []
    for cell in jupytext.read(script).cells:
        if cell.cell_type != "markdown":
            continue
        text = re.sub(r"`[^`]*`", "", cell.source)  # code and identifiers are not claims
        text = re.sub(r"\(\d+\)|\d+:[a-z]+|\b(?:19|20)\d\d–(?:19|20)?\d\d\b", "", text)
        for match in NUMBER.finditer(text):
            value = float(match.group().replace(" ", "").replace(",", "."))
            if value not in PACKAGE_NUMBERS and value not in FREE and not 1990 <= value <= 2030:
                unknown.append(match.group())
    assert not unknown, f"{script.name} states numbers the package does not hold: {unknown}"
