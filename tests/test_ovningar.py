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
from fractions import Fraction

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
    assert "konfidensintervallet" in kontrollera("11.3", interval)
    gaps = t["series_gaps"]
    line = (gaps["subject"] == "personal generellt") & (gaps["breakdown"] == "riket") & (gaps["category"] == "svårt")
    assert "no_survey" in kontrollera("14.2", int(line.sum()))
    assert "undersökningen" in kontrollera("15.4", "vision_2020")


def _key(ovning_id):
    return OVNINGAR[ovning_id].facit()


def _rate():
    u = load()["surveys"].set_index("survey_id").loc["vision_2023"]
    return 100 * u.respondents_n / u.population_n


def _sv(x, decimals=1):
    return f"{x:.{decimals}f}".replace(".", ",")


# (exercise, answer from the key, why a careful student may write it so)
ACCEPTED = [
    ("11.1", lambda: round(_rate(), 1), "the number, one decimal"),
    ("11.1", lambda: round(_rate(), 2), "more decimals than asked"),
    ("11.1", lambda: _sv(_rate()), "decimal comma in a string"),
    ("11.1", lambda: f"{_sv(_rate())} %", "with the percent sign"),
    ("11.1", lambda: f"{_sv(_rate())}\u00a0%", "with a no-break space before %"),
    ("11.1", lambda: f"{_sv(_rate())} procent", "with the word procent"),
    ("11.4", lambda: float(_key("11.4")), "a whole number as a float"),
    ("11.3", lambda: list(_key("11.3"))[::-1], "the limits in either order, as a list"),
    (
        "12.1",
        lambda: socialtjanst.stats.percent_interval(100 * 112 / 139, 139, 290),
        "from a count that rounds to 81 %",
    ),
    ("11.3", lambda: "{}–{}".format(*(_sv(x) for x in _key("11.3"))), "an interval written as text"),
    ("11.3", lambda: "{}, {}".format(*(_sv(x) for x in _key("11.3"))), "two numbers in one string"),
    ("12.2", lambda: ", ".join(map(str, _key("12.2"))), "a list written as one string"),
    ("12.2", lambda: " och ".join(map(str, _key("12.2"))), "a list joined with och"),
    ("12.2", lambda: range(min(_key("12.2")), max(_key("12.2")) + 1), "a range"),
    ("12.3", lambda: _key("12.3").capitalize() + ".", "capital letter and full stop"),
    ("12.3", lambda: _key("12.3") == "ja", "a bool"),
    ("13.1", lambda: ", ".join(_key("13.1")), "a list written as one string"),
    ("13.1", lambda: [o.lower() for o in _key("13.1")], "lower case"),
    ("13.2", lambda: _key("13.2"), "rest after the rounded share"),
    ("13.2", lambda: _sv(_key("13.2") + 0.5), "28,5: the share was rounded, so the rest may be half a point more"),
    ("14.3", lambda: ", ".join(map(str, _key("14.3"))), "years written as one string"),
    ("14.4", lambda: "i dag" if _key("14.4") == "idag" else _key("14.4"), "i dag / idag"),
    ("14.4", lambda: _key("14.4").upper(), "case does not matter"),
    ("15.1", lambda: " och ".join(_key("15.1")), "obs_ids in one string"),
    ("15.1", lambda: [x.lower() for x in _key("15.1")], "obs_ids in lower case"),
    ("15.3", lambda: f"n={_key('15.3')}", "n=136 as printed under the figure"),
    ("15.3", lambda: f"n = {_key('15.3')}", "n = 136 with spaces"),
    ("15.4", lambda: f'"{_key("15.4")}"', "with quotation marks inside the string"),
]


@pytest.mark.parametrize(("ovning_id", "answer", "why"), ACCEPTED, ids=[f"{a}-{c}" for a, _, c in ACCEPTED])
def test_what_a_careful_student_writes_is_accepted(ovning_id, answer, why):
    assert kontrollera(ovning_id, answer()) == RATT, why


# (exercise, a wrong or unreadable answer, a fragment the explanation must contain)
REJECTED = [
    ("11.1", lambda: round(_rate() / 100, 3), "Svara i procent, inte som andel"),
    ("11.1", lambda: tuple(int(x) for x in _sv(_rate()).split(",")), "blev två tal i Python"),
    ("11.1", lambda: "femtiofem", "går inte att läsa som ett tal"),
    ("11.1", lambda: True, "Sant eller falskt är inget tal"),
    ("11.1", lambda: [1, 2], "ett enda tal"),
    ("11.1", lambda: float("nan"), "NaN"),
    ("11.4", lambda: round(_larosaten(), 2), "avrunda till ett heltal"),
    ("11.3", lambda: tuple(int(p) for x in _key("11.3") for p in _sv(x).split(",")), "blev två tal i Python"),
    ("11.3", lambda: [x / 100 for x in _key("11.3")], "Svara i procent, inte som andel"),
    ("11.3", lambda: _key("11.3")[0], "två tal"),
    ("11.3", lambda: [1, 2, 3], "två tal, inte 3"),
    ("12.2", lambda: [*_key("12.2"), max(_key("12.2")) + 1], "för mycket"),
    ("12.3", lambda: "kanske", 'Svara "ja" eller "nej"'),
    ("12.4", lambda: _overlap_n(), "överlappar betyder inte"),
    ("12.4", lambda: _overlap_for_good_n(), "överlappar betyder inte"),
    ("12.4", lambda: _smallest_2022_base(lambda v1, n1, v2, n2: _excludes_zero(v1, n1, v2 / 100, n2)), "andelen k / n"),
    ("12.4", lambda: 0, "minst 1 kommun"),
    ("12.4", lambda: _same_base_n(), "samma bas"),
    ("12.4", lambda: _largest_base_below_key(possible=False), "kan 2022 års procent inte uppstå"),
    ("12.4", lambda: _largest_base_below_key(possible=True), "fortfarande 0"),
    ("12.4", lambda: 54.5, "inget heltal"),
    ("13.1", lambda: _key("13.1")[:1], "något saknas"),
    ("13.1", lambda: [*_key("13.1"), "Varken lätta eller svåra"], "för mycket"),
    ("13.2", lambda: _key("13.2") + 1, "Ledtråd"),
    ("14.3", lambda: sorted(OVNINGAR["14.3"].fel[0].varde()), "härlett värde"),
    ("14.4", lambda: "12 månader sedan", "reference_period_differs"),
    ("15.3", lambda: "n=", "går inte att läsa som ett tal"),
    ("15.4", lambda: "finns_inte", "ingen källa med det source_id"),
]


def _larosaten():
    u = load()["surveys"].set_index("survey_id").loc["vardanalys_2019_larosaten"]
    return 100 * u.respondents_n / u.population_n


def _behandling():
    obs = load()["observations"].set_index("obs_id")
    return obs.loc["V23-066"], obs.loc["V23-067"]  # 2023 (base printed), 2022 (base not printed)


def _possible_counts(pct, n):
    """Whole numbers of municipalities out of n whose share rounds to pct (exact arithmetic)."""
    return [k for k in range(n + 1) if abs(Fraction(100 * k, n) - Fraction(str(pct))) <= Fraction(1, 2)]


def _smallest_2022_base(separated):
    known, unknown = _behandling()
    return next(
        n
        for n in range(1, 1000)
        if (counts := _possible_counts(unknown.value, n))
        and all(separated(known.value, int(known.base_n), 100 * k / n, n) for k in counts)
    )


def _excludes_zero(v1, n1, v2, n2):
    return socialtjanst.stats.percent_difference_interval(v1, n1, v2, n2)[0] > 0


def _overlap_n():
    interval = socialtjanst.stats.percent_interval
    return _smallest_2022_base(lambda v1, n1, v2, n2: interval(v1, n1)[0] > interval(v2, n2)[1])


def _overlap_for_good_n():
    """The 2022 base from which the two years' intervals overlap for no larger possible base."""
    known, unknown = _behandling()
    interval = socialtjanst.stats.percent_interval
    municipalities = int(load()["surveys"].set_index("survey_id").loc["vision_2023", "population_n"])
    bases = [n for n in range(1, municipalities + 1) if _possible_counts(unknown.value, n)]

    def apart(n):
        upper = max(interval(100 * k / n, n)[1] for k in _possible_counts(unknown.value, n))
        return interval(known.value, int(known.base_n))[0] > upper

    return next(n for n in bases if all(apart(m) for m in bases if m >= n))


def _largest_base_below_key(possible: bool) -> int:
    """The largest 2022 base below 12.4's key from which 26 % can (or cannot) come."""
    return max(n for n in range(1, _key("12.4")) if bool(_possible_counts(_behandling()[1].value, n)) == possible)


def _same_base_n():
    known, unknown = _behandling()
    return next(n for n in range(2, 1000) if _excludes_zero(known.value, n, unknown.value, n))


@pytest.mark.parametrize(("ovning_id", "answer", "fragment"), REJECTED, ids=[f"{a}-{c}" for a, _, c in REJECTED])
def test_what_is_not_right_is_explained_in_swedish(ovning_id, answer, fragment):
    verdict = kontrollera(ovning_id, answer())
    assert verdict != RATT
    assert fragment in verdict, verdict
    assert "Ledtråd:" in verdict


def test_12_4_searches_only_bases_that_can_give_the_published_percentage():
    """2023's printed base is used; 2022's base is one where 26 % can come from whole municipalities
    (the key, searched here with exact fractions); the overlap rule and a shared base give other answers."""
    key = _key("12.4")
    assert key == _smallest_2022_base(_excludes_zero)
    assert _possible_counts(_behandling()[1].value, key)
    assert _overlap_n() > key and _same_base_n() != key  # else the exercise would not teach the difference


def test_14_3_excludes_derived_values():
    s = load()["series"]
    derived = set(s.loc[s["value_basis"] == "derived", "year"].astype(int))
    assert not set(_key("14.3")) & derived


def test_every_message_is_swedish():
    english = re.compile(r"\b(the|answer|wrong|right|should|number|list|hint)\b", re.I)
    for ovning in OVNINGAR.values():
        for text in (ovning.fraga, ovning.tips, ovning.form.beskrivning, *(f.tips for f in ovning.fel)):
            assert not english.search(text), f"{ovning.id}: {text}"
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


def _outputs(notebook) -> str:
    texts = []
    for cell in nbformat.read(notebook, as_version=4).cells:
        for output in cell.get("outputs", []):
            texts.append(output.get("text", ""))
            texts.append(output.get("data", {}).get("text/markdown", ""))
    return "\n".join(texts)


def test_notebook_15_lets_students_check_quotes_without_the_source_texts():
    """The committed output must be what a student without ../shared/sources sees: the originals to open."""
    script = NOTEBOOKS / "15_fran_rapport_till_data.py"
    assert "KALLMAPP = None" in script.read_text(encoding="utf-8")
    shown = _outputs(script.with_suffix(".ipynb"))
    assert "[[" not in shown, "the committed output shows an automatic quote check a student cannot reproduce"
    assert "den automatiska kontrollen hoppas över" in shown
    assert shown.count("Källa: ") >= 4  # three examples and the student's own choice, each with where to look


def test_notebook_12_teaches_the_difference_interval_not_the_overlap_rule():
    source = (NOTEBOOKS / "12_bas_och_felmarginal.py").read_text(encoding="utf-8")
    assert "stats.percent_difference_interval" in source and "stats.paired_difference_interval" in source
    assert "skillnaden kan vara slump" not in source
    assert "Överlappet säger ingenting säkert" in source
