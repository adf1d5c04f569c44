"""What a student sees in a notebook is Swedish: no English note, no raw vocabulary code, Swedish numbers.

Checked: markdown cells (without `inline code` and fenced code, which are identifiers) and every
output of a code cell (printed text, Markdown, tables, and the text of the SVG charts). The
source of code cells is code and is not checked.
"""

import html
import re

import nbformat
import pandas as pd
import pytest

from socialtjanst.load import load
from socialtjanst.metadata import read_metadata
from socialtjanst.render import notebook_scripts

from .conftest import ROOT

NOTEBOOKS = [p.with_suffix(".ipynb") for p in notebook_scripts(ROOT)]

# Words that are common in English sentences and are not Swedish words. Two different ones in
# one sentence make it English ("bar heights are only in the image").
ENGLISH_WORDS = {
    "the",
    "which",
    "only",
    "were",
    "was",
    "with",
    "this",
    "that",
    "these",
    "there",
    "their",
    "have",
    "has",
    "been",
    "are",
    "and",
    "of",
    "not",
    "from",
    "into",
    "than",
    "would",
    "could",
    "should",
    "does",
    "per cent",
}
ENGLISH = re.compile(r"\b(" + "|".join(sorted(ENGLISH_WORDS, key=len, reverse=True)) + r")\b", re.I)
SENTENCE = re.compile(r"[^.;:!?\n|]+")

# A vocabulary code written as content: a code that differs from its Swedish label. Codes that are
# also words of Swedish prose ("motion", "medlemmar") or too short to tell ("sv", "en") cannot be told apart from prose.
SWEDISH_HOMOGRAPHS = {"motion", "bar", "population", "medlemmar"}


def _raw_codes() -> set[str]:
    codes = set()
    for field in read_metadata()["fields"].values():
        for code, label in (field.get("labels") or field.get("flags") or {}).items():
            if code != label["sv"] and len(code) > 2 and code not in SWEDISH_HOMOGRAPHS:
                codes.add(code)
    return codes


RAW_CODES = _raw_codes()
RAW_CODE = re.compile(
    r"(?<![\w-])(" + "|".join(map(re.escape, sorted(RAW_CODES, key=len, reverse=True))) + r")(?![\w-])"
)
SURVEY_IDS = set(load()["surveys"]["survey_id"])
# A decimal point between digits (not a version "0.1.0", a date "11.01.2017" or part of an address).
DECIMAL_POINT = re.compile(r"(?<![\w.,/])\d+\.\d+(?![\w./]|\.\d)")
# A percent sign after an ordinary space: Swedish puts a no-break space there (percent_sv does).
PERCENT_SPACE = re.compile(r"\d %")
QUOTED = re.compile(r"”[^”]*”")
URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+@[\w.-]+")


def _strip_html(text: str) -> str:
    text = re.sub(r"<style.*?</style>", " ", text, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def student_texts(notebook) -> list[tuple[str, str]]:
    """(where, text) for each piece of text a student reads in an executed notebook."""
    texts = []
    for i, cell in enumerate(notebook.cells):
        where = f"cell {i}"
        if cell.cell_type == "markdown":
            prose = re.sub(r"```.*?```", " ", cell.source, flags=re.S)
            texts.append((where, re.sub(r"`[^`]*`", " ", prose)))
            continue
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                texts.append((where, output.text))
            elif output.output_type == "error":
                texts.append((where, "\n".join(output.traceback)))
            else:
                data = output.get("data", {})
                if "image/svg+xml" in data:
                    svg = data["image/svg+xml"]
                    chart = " \n".join(html.unescape(t) for t in re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S))
                    texts.append((f"{where} (diagram)", chart))
                elif "text/markdown" in data:
                    texts.append((where, data["text/markdown"]))
                elif "text/html" in data:
                    texts.append((where, _strip_html(data["text/html"])))
                elif "text/plain" in data:
                    texts.append((where, data["text/plain"]))
    return [(where, URL.sub(" ", text)) for where, text in texts]


def language_problems(notebook) -> list[str]:
    problems = []
    for where, text in student_texts(notebook):
        for sentence in SENTENCE.findall(text):
            words = {w.lower() for w in ENGLISH.findall(sentence)}
            if len(words) >= 2:
                problems.append(f"{where}: English text {sentence.strip()[:80]!r}")
        problems += [f"{where}: raw code {m.group()!r} (use its Swedish label)" for m in RAW_CODE.finditer(text)]
        ours = QUOTED.sub(" ", text)  # a verbatim quote keeps its source's number format
        problems += [f"{where}: decimal point in {m.group()!r} (use number_sv)" for m in DECIMAL_POINT.finditer(ours)]
        problems += [
            f"{where}: ordinary space before % in {m.group()!r} (use percent_sv)" for m in PERCENT_SPACE.finditer(ours)
        ]
        if where.endswith("(diagram)"):
            problems += [
                f"{where}: survey id {s!r} in a chart (use the survey's name)" for s in SURVEY_IDS if s in text
            ]
    return problems


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.relative_to(ROOT / "notebooks").as_posix())
def test_student_facing_text_is_swedish(notebook):
    problems = language_problems(nbformat.read(notebook, as_version=4))
    assert not problems, f"{notebook.name}:\n" + "\n".join(problems)


def _notebook(markdown: str = "", output: dict | None = None):
    cells = [nbformat.v4.new_markdown_cell(markdown)]
    if output:
        code = nbformat.v4.new_code_cell("x")
        code.outputs = [nbformat.from_dict(output)]
        cells.append(code)
    return nbformat.v4.new_notebook(cells=cells)


@pytest.mark.parametrize(
    "markdown, output",
    [
        (
            "",
            {
                "output_type": "stream",
                "name": "stdout",
                "text": "Varför resten saknas: bar heights are only in the image\n",
            },
        ),
        ("", {"output_type": "stream", "name": "stdout", "text": "V23-050  under 38,5 %  stated\n"}),
        ("", {"output_type": "stream", "name": "stdout", "text": "wording_unknown;bound\n"}),
        ("Intervallet är 36.4–89.1\u00a0%.", None),
        ("", {"output_type": "display_data", "data": {"text/markdown": "mellan 36,4 % och 89,1 %"}, "metadata": {}}),
        (
            "",
            {
                "output_type": "display_data",
                "metadata": {},
                "data": {"image/svg+xml": "<svg><text x='1'>vision_2023</text></svg>", "text/plain": "chart"},
            },
        ),
        (
            "",
            {
                "output_type": "execute_result",
                "execution_count": 1,
                "metadata": {},
                "data": {"text/html": "<table><td>less_than</td></table>", "text/plain": "x"},
            },
        ),
    ],
)
def test_checker_finds_english_codes_and_number_format(markdown, output):
    assert language_problems(_notebook(markdown, output))


@pytest.mark.parametrize(
    "markdown, output",
    [
        ("Värdet (`stated`) är angivet. Se `value_basis`.", None),
        ("Basen är 54,5\u00a0% av 290 kommuner; version 0.1.0, datum 11.01.2017, https://example.org/a.b/1.2", None),
        ("Motionen föreslår en handlingsplan. Is och snö.", None),
        ("Citatet: ”Svarsfrekvens 52 % (9 av 17 lärosäten)”.", None),  # a verbatim quote keeps its format
        (
            "",
            {
                "output_type": "display_data",
                "metadata": {},
                "data": {
                    "text/html": "<style>.dataframe th:only-of-type {}</style><td>angiven</td>",
                    "text/plain": "x",
                },
            },
        ),
    ],
)
def test_checker_accepts_swedish_prose_and_identifiers(markdown, output):
    assert language_problems(_notebook(markdown, output)) == []


# Notes that notebooks show, with their Swedish twin column.
SWEDISH_TWINS = [("figures", "missing_reason", "missing_reason_sv"), ("series_gaps", "note", "note_sv")]
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@pytest.mark.parametrize("resource, note, note_sv", SWEDISH_TWINS)
def test_every_note_students_see_has_a_swedish_text_with_the_same_numbers(resource, note, note_sv):
    table = load()[resource]
    for i, row in table.iterrows():
        if pd.isna(row[note]):
            assert pd.isna(row[note_sv]), f"{resource}.csv row {i + 2}: {note_sv} without {note}"
            continue
        assert pd.notna(row[note_sv]), f"{resource}.csv row {i + 2}: {note} has no Swedish text in {note_sv}"
        english = sorted(n.replace(".", ",") for n in NUMBER.findall(row[note]))
        assert sorted(NUMBER.findall(row[note_sv])) == english, f"{resource}.csv row {i + 2}: numbers differ"


def test_every_survey_names_its_respondents_in_swedish():
    """`surveys.respondent_role` is shown to students as it is (notebook 14, the site's tables)."""
    english = {
        row.survey_id: ENGLISH.findall(row.respondent_role)
        for row in load()["surveys"].itertuples()
        if ENGLISH.search(row.respondent_role)
    }
    assert english == {}
