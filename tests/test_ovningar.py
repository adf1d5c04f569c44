"""The exercises of the method notebooks 11–15: worked solutions pass, wrong answers get a hint, ids exist.

Every worked solution in notebooks/losningar/ is run here with a recording ``kontrollera``:
each answer it computes must be judged "rätt", and every exercise must have a worked solution.
The same answers, perturbed, must get a hint instead. The solutions are then run again on a
deliberately altered copy of the data: they must still be right, which shows that the checker
computes its answers from the data rather than holding copies of them.
"""

import ast
import contextlib
import io
import math
import re

import jupytext
import nbformat
import pytest

import socialtjanst
from socialtjanst import load, ovningar
from socialtjanst.ovningar import OVNINGAR, RATT, kontrollera

from .conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"
METHOD_NOTEBOOKS = sorted(p for p in NOTEBOOKS.glob("1[1-5]_*.py"))
SOLUTIONS = sorted((NOTEBOOKS / "losningar").glob("*_losningar.py"))
CALL = re.compile(r"""kontrollera\(\s*["'](\d+\.\d+)["']""")
STEMS = [
    "11_svarsfrekvens",
    "12_bas_och_felmarginal",
    "13_sammanslagning",
    "14_jamforbarhet",
    "15_fran_rapport_till_data",
]


def _run_solution(script, monkeypatch_tables=None) -> list[tuple[str, object, str]]:
    """Execute a worked solution's code cells; return every (id, answer, verdict) it checked."""
    calls = []

    def recording(ovning_id, svar):
        verdict = kontrollera(ovning_id, svar)
        calls.append((ovning_id, svar, verdict))
        return verdict

    code = "\n\n".join(c.source for c in jupytext.read(script).cells if c.cell_type == "code")
    original = ovningar.kontrollera
    ovningar.kontrollera = recording
    try:
        with contextlib.chdir(script.parent), contextlib.redirect_stdout(io.StringIO()):
            exec(compile(code, str(script), "exec"), {"__name__": "__losning__"})
    finally:
        ovningar.kontrollera = original
    return calls


@pytest.fixture(scope="module")
def solution_answers() -> dict[str, object]:
    answers = {}
    for script in SOLUTIONS:
        for ovning_id, svar, verdict in _run_solution(script):
            assert verdict == RATT, f"{script.name}: worked solution of {ovning_id} ({svar!r}) is judged: {verdict}"
            answers[ovning_id] = svar
    return answers


def test_the_five_method_notebooks_and_their_solutions_exist():
    assert [p.stem for p in METHOD_NOTEBOOKS] == STEMS
    assert [p.stem for p in SOLUTIONS] == [f"{s}_losningar" for s in STEMS]


def test_every_worked_solution_is_right_and_every_exercise_has_one(solution_answers):
    assert set(solution_answers) == set(OVNINGAR)


def _wrong(svar) -> list:
    """Answers near the right one that must not pass."""
    if isinstance(svar, str):
        flipped = {"ja": "nej", "nej": "ja"}.get(svar, svar + "x")
        return [flipped, "fel"]
    if isinstance(svar, (int, float)) and not isinstance(svar, bool):
        return [svar + 7, -1, svar * 3 + 1]
    if isinstance(svar, tuple):
        low, high = svar
        return [(low + 7, high + 7), (low, high + 5), low]
    if isinstance(svar, list):
        extra = "fel" if isinstance(svar[0], str) else max(svar) + 1
        wrong = [svar + [extra], [extra]]
        if len(svar) > 1:
            wrong.append(svar[:1])
        return wrong
    raise TypeError(f"no wrong answers for {svar!r}")


def test_wrong_answers_get_a_hint_in_swedish(solution_answers):
    for ovning_id, svar in solution_answers.items():
        for wrong in _wrong(svar):
            verdict = kontrollera(ovning_id, wrong)
            assert verdict != RATT, f"{ovning_id}: the wrong answer {wrong!r} is judged right"
            assert "Ledtråd:" in verdict, f"{ovning_id}: no hint for {wrong!r}: {verdict}"
        assert kontrollera(ovning_id, None).startswith("Du har inte svarat")
        assert kontrollera(ovning_id, "").startswith("Du har inte svarat")


def test_common_mistakes_get_a_specific_hint():
    t = load()
    v = t["surveys"].set_index("survey_id").loc["vision_2023"]
    assert "rapportens avrundade" in kontrollera("11.1", v.response_rate_published_pct)
    assert "externt bortfall" in kontrollera("11.2", int(v.population_n - v.respondents_n))
    row = t["observations"].set_index("obs_id").loc["V23-053"]
    assert "utan korrektion" in kontrollera("12.1", socialtjanst.stats.percent_interval(row.value, int(row.base_n)))
    interval = socialtjanst.stats.percent_interval(row.value, int(row.base_n), int(v.population_n))
    assert "felmarginalen" in kontrollera("11.3", interval)
    gaps = t["series_gaps"]
    line = (gaps["subject"] == "personal generellt") & (gaps["breakdown"] == "riket") & (gaps["category"] == "svårt")
    assert "no_survey" in kontrollera("14.2", int(line.sum()))
    assert "undersökningen" in kontrollera("15.4", "vision_2020")


def test_answers_are_read_leniently():
    u = load()["surveys"].set_index("survey_id").loc["vision_2023"]
    rate = 100 * u.respondents_n / u.population_n
    for form in (round(rate, 1), round(rate, 2), f"{rate:.1f}".replace(".", ","), f"{rate:.1f} %"):
        assert kontrollera("11.1", form) == RATT, form
    assert kontrollera("12.3", "Nej") == kontrollera("12.3", False) == RATT
    assert kontrollera("99.9", 1).startswith("Det finns ingen övning")


def test_the_checker_follows_the_data_not_copies_of_it(monkeypatch):
    """Alter the data; the worked solutions, recomputed, must still be right, and the old answers not all."""
    original = {}
    for script in SOLUTIONS:
        original.update({i: s for i, s, _ in _run_solution(script)})
    tables = load()
    obs = tables["observations"]
    shift = (obs["unit"] == "percent") & (obs["value"] <= 90) & (obs["value_basis"] != "derived")
    obs.loc[shift, "value"] += 3
    obs.loc[obs["base_n"].notna(), "base_n"] += 1
    surveys = tables["surveys"]
    surveys.loc[surveys["respondents_n"].notna(), "respondents_n"] -= 2
    monkeypatch.setattr(socialtjanst, "load", lambda *a, **k: tables)
    monkeypatch.setattr(ovningar, "_t", lambda: tables)
    altered = {}
    for script in SOLUTIONS:
        for ovning_id, svar, verdict in _run_solution(script):
            assert verdict == RATT, f"{ovning_id}: on altered data the worked solution {svar!r} is judged: {verdict}"
            altered[ovning_id] = svar
    changed = [i for i in altered if repr(altered[i]) != repr(original[i])]
    assert len(changed) >= len(OVNINGAR) // 2, f"too few answers depend on the data: {changed}"
    for ovning_id in changed:
        assert kontrollera(ovning_id, original[ovning_id]) != RATT, f"{ovning_id} accepts the answer to other data"


def _ids(script) -> list[str]:
    return CALL.findall(script.read_text(encoding="utf-8"))


@pytest.mark.parametrize("script", METHOD_NOTEBOOKS + SOLUTIONS, ids=lambda p: p.stem)
def test_every_exercise_id_used_exists_in_the_checker(script):
    ids = _ids(script)
    assert ids, f"{script.name} checks no exercise"
    assert set(ids) <= set(OVNINGAR), f"{script.name} uses unknown ids {set(ids) - set(OVNINGAR)}"
    number = script.name[:2]
    assert all(i.startswith(number + ".") for i in ids), f"{script.name}: ids of another notebook {ids}"


@pytest.mark.parametrize("script", METHOD_NOTEBOOKS, ids=lambda p: p.stem)
def test_method_notebook_has_its_parts(script):
    cells = jupytext.read(script).cells
    first_md = next(c.source for c in cells if c.cell_type == "markdown")
    for heading in ("Det här gör du", "Det här lär du dig", "Det här behöver du"):
        assert heading in first_md, f"{script.name}: the introduction lacks «{heading}»"
    first_code = next(c.source for c in cells if c.cell_type == "code")
    for line in (
        "import altair as alt",
        "from IPython.display import Markdown, display",
        "import socialtjanst",
        "from socialtjanst import figures, stats",
        "from socialtjanst.ovningar import kontrollera",
        'alt.renderers.enable("svg")',
        "tabeller = socialtjanst.load()",
    ):
        assert line in first_code, f"{script.name}: the first code cell lacks `{line}`"
    headings = [c.source.splitlines()[0] for c in cells if c.cell_type == "markdown" and c.source]
    assert "## Övningar" in headings, f"{script.name} has no section «Övningar»"
    after = headings[headings.index("## Övningar") :]
    assert len([h for h in after if h.startswith("### Övning ")]) >= 3
    assert len(set(_ids(script))) >= 3
    assert set(_ids(script)) == {i for i in OVNINGAR if i.startswith(script.name[:2] + ".")}


@pytest.mark.parametrize("script", METHOD_NOTEBOOKS, ids=lambda p: p.stem)
def test_unanswered_exercises_run_and_ask_for_an_answer(script):
    notebook = nbformat.read(script.with_suffix(".ipynb"), as_version=4)
    asked = 0
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        assert not [o for o in cell.outputs if o.output_type == "error"], f"{script.name}: a cell fails"
        if "kontrollera(" in cell.source and "svar = None" in cell.source:
            text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
            assert "Du har inte svarat" in text, f"{script.name}: an unanswered exercise gives {text!r}"
            asked += 1
    assert asked >= 3


@pytest.mark.parametrize("script", SOLUTIONS, ids=lambda p: p.stem)
def test_solution_notebook_shows_every_answer_is_right(script):
    # test_notebooks checks that the executed notebook is in sync with its script
    executed = nbformat.read(script.with_suffix(".ipynb"), as_version=4)
    checked = [c for c in executed.cells if c.cell_type == "code" and "kontrollera(" in c.source]
    assert checked
    for cell in checked:
        assert "NBVAL_CHECK_OUTPUT" in cell.source
        text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
        assert text.rstrip().endswith(RATT), f"{script.name}: {text!r}"


def test_no_exercise_answer_is_written_into_the_checker():
    """The checker's code holds no number constant that is the answer to one of its exercises (beyond 0–10)."""
    tree = ast.parse((ROOT / "src" / "socialtjanst" / "ovningar.py").read_text(encoding="utf-8"))
    numbers = {
        float(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool)
    }
    answers = set()
    for script in SOLUTIONS:
        for _, svar, _ in _run_solution(script):
            values = svar if isinstance(svar, (list, tuple)) else [svar]
            answers |= {round(float(v), 1) for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)}
    leaked = {n for n in numbers if any(math.isclose(n, a) for a in answers) and n > 10 and n != 100}
    assert not leaked, f"ovningar.py contains answers: {leaked}"
