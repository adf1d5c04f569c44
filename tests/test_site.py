"""The teaching site: staging rules, the student/teacher split, the arbetsbok, the PDF, and real pages in
headless Chromium from file:// (no network, Swedish, navigation, search, tooltips, filters, accessibility)."""

import csv
import html
import json
import re
import subprocess
import tomllib
from pathlib import Path

import nbformat
import pytest
import yaml

from socialtjanst import site as sitebuild

from .conftest import BROWSER_FLAGS as FLAGS
from .conftest import CHROMIUM, ROOT, current_build

NEEDS_CHROMIUM = pytest.mark.skipif(
    CHROMIUM is None,
    reason="SKIPPED, NOT PASSED: chromium is not installed (Debian: apt-get install chromium), so the browser "
    "tests of the site did not run",
)
SCREENSHOTS = ROOT / "build" / "screenshots"
# Texts that betray an untranslated or unfinished page.
ENGLISH_PLACEHOLDERS = ["No description has been provided", "Show code cell", "Hide code cell", "Skip to main content"]
NOTEBOOKS = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))


def _csv(name: str) -> list[dict]:
    with (ROOT / "data" / f"{name}.csv").open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def site() -> Path:
    current_build("build/site/index.html", lambda: sitebuild.build(ROOT))
    return ROOT / "build" / "site"


def _pages(site: Path) -> list[Path]:
    """The site's pages (not the theme's HTML fragments in _static/)."""
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.relative_to(site).parts)


# ------------------------------------------------------------------ staging rules (no browser)


def _notebook(*cells) -> nbformat.NotebookNode:
    return nbformat.v4.new_notebook(cells=list(cells))


def test_staging_hides_markers_and_set_up_and_shows_prose_as_prose():
    svg = (ROOT / "figures" / "vision_2023_figur_4.svg").read_text(encoding="utf-8")
    nb = _notebook(
        nbformat.v4.new_markdown_cell("# Bas och felmarginal\n\nText."),
        nbformat.v4.new_code_cell("import altair as alt\nalt.renderers.enable('svg')"),
        nbformat.v4.new_code_cell(
            "# NBVAL_CHECK_OUTPUT\nprint(1)", outputs=[nbformat.v4.new_output("stream", name="stdout", text="1\n")]
        ),
        nbformat.v4.new_code_cell(
            "display(Markdown(info))",
            outputs=[nbformat.v4.new_output("display_data", data={"text/markdown": "**Figur**", "text/plain": "x"})],
        ),
        nbformat.v4.new_code_cell(
            'figures.FIGURES["vision_2023_figur_4"]()',
            outputs=[nbformat.v4.new_output("execute_result", data={"image/svg+xml": svg}, execution_count=1)],
        ),
    )
    staged = sitebuild.stage_notebook(nb, "12")
    title, setup, check, prose, chart = staged.cells
    assert title.source.startswith("# 12. Bas och felmarginal")
    assert setup.metadata.tags == ["remove-cell"]
    assert check.source == "print(1)" and check.metadata.tags == []
    assert prose.metadata.tags == ["remove-input"]
    html = chart.outputs[0]["data"]["text/html"]
    assert 'alt="Diagram: Figur 4.' in html and "77\u00a0%" in html  # Vision 2023 states 77 % for 2023
    assert 'class="vega-spec"' in html and '"tooltip"' in html
    assert nb.cells[2].source.startswith("# NBVAL_CHECK_OUTPUT"), "the committed notebook must stay as it is"


def test_a_notebook_chart_gets_a_swedish_text_alternative_from_its_own_title_and_values():
    svg = (ROOT / "figures" / "vision_2023_figur_4.svg").read_text(encoding="utf-8")
    html = sitebuild.chart_html(svg)
    alt = re.search(r'alt="([^"]*)"', html)[1]
    assert alt.startswith("Diagram: Figur 4. Bedömning av personalförsörjningen")
    assert "vega-spec" not in html
    assert "X-axis" not in alt and "mark" not in alt


def test_student_stage_holds_no_solutions_and_the_teacher_stage_does():
    student = sitebuild.stage(ROOT)
    teacher = sitebuild.stage(ROOT, teacher=True)
    solutions = sorted(p.name for p in (ROOT / "notebooks" / "losningar").glob("*.ipynb"))
    assert solutions, "no solutions to hold back"
    assert not list(student.rglob("*losningar*"))
    assert "losningar" not in (student / "_genererat" / "innehall.md").read_text(encoding="utf-8")
    assert sorted(p.name for p in (teacher / "notebooks" / "losningar").glob("*.ipynb")) == solutions
    assert "losningar" in (teacher / "_genererat" / "innehall.md").read_text(encoding="utf-8")
    # the teacher's guide holds the answers too: a page of the teacher's site only
    assert not (student / "lararhandledning.md").exists() and (teacher / "lararhandledning.md").exists()
    assert "lararhandledning" not in (student / "_genererat" / "innehall.md").read_text(encoding="utf-8")


def test_the_start_page_links_every_source_with_an_address():
    from socialtjanst.figures import _tables

    listing = sitebuild.sources_list(_tables()["sources"])
    for row in _csv("sources"):
        if row["url"]:
            assert f"]({row['url']})" in listing, row["source_id"]


def test_the_built_student_site_never_links_the_solutions(site):
    pages = _pages(site)
    assert {f"notebooks/{n}.html" for n in NOTEBOOKS} <= {p.relative_to(site).as_posix() for p in pages}
    assert not [p for p in pages if "losningar" in p.as_posix() or "lararhandledning" in p.name]
    for page in pages:
        assert not re.search(r'href="[^"]*(losningar|lararhandledning)', page.read_text(encoding="utf-8")), page.name


def test_the_start_page_says_how_to_cite_this_version(site):
    """A student writing an essay finds the reference to this version (what CITATION.cff says, with
    the Swedish title of metadata.toml) and is told to cite each number's own document too."""
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    package = tomllib.loads((ROOT / "src/socialtjanst/metadata.toml").read_text(encoding="utf-8"))["package"]
    page = (site / "index.html").read_text(encoding="utf-8")
    quote = html.unescape(re.sub(r"<[^>]+>", "", re.search(r"<blockquote>(.*?)</blockquote>", page, re.S)[1])).strip()
    authors = "; ".join(a["name"] for a in cff["authors"])
    year = cff["date-released"][:4]
    assert quote.startswith(f"{authors}. ({year}). {package['title_sv']} (Version {cff['version']})"), quote
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "originaldokumentet för varje siffra" in text and package["rights_sv"][:60] in text


# ------------------------------------------------------------------ a student's own copies (copying: test_arbetsbok.py)


def test_git_ignores_the_arbetsbok():
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: cannot ask git what it ignores")
    result = subprocess.run(["git", "check-ignore", "-q", "arbetsbok/00_introduktion.ipynb"], cwd=ROOT)
    assert result.returncode == 0


# ------------------------------------------------------------------ in the browser


DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def context():
    """Headless Chromium with one browser context for all the module's tabs (a context costs time)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b.new_context(viewport=DESKTOP)
        b.close()


def _tab(context):
    """A new tab at a desktop's width, and the list of the requests it makes."""
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    return page, requests


def _open(context, path: Path):
    """The page at a desktop's width (a test resizes it for a phone or print), and its requests."""
    page, requests = _tab(context)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, requests


@pytest.fixture(scope="module")
def tab(context):
    """One tab for a worker's page tests: a new tab for each page starts a renderer process and
    parses the scripts again (30 s instead of 19 s)."""
    page, requests = _tab(context)
    yield page, requests
    page.close()


# The student site's pages, known before it is built, so each is a test of its own (spread over
# the workers in two halves, each with its own browser).
PAGES = [p.stem + ".html" for p in sorted((ROOT / "site").glob("*.md")) if p.stem not in sitebuild.TEACHER_PAGES]
PAGES += [f"notebooks/{n}.html" for n in NOTEBOOKS] + ["search.html"]
A4_WIDTH = 703  # px: A4 less the print margins


# Words of the themes' English interface (none is a Swedish word).
ENGLISH_UI = re.compile(
    r"\b(Toggle|sidebar|navigation|Main|Page|warning|Announcement|Search|Skip|Back to top|switcher|Copy|"
    r"Download|Close|Open|Launch|Edit|Print|Dark|Light|Settings)\b"
)


def test_labels_and_titles_are_swedish(site):
    """What screen readers read (aria-label) and what shows on hover (title), placeholders too."""
    for page in _pages(site):
        for attribute, value in re.findall(
            r'\b(aria-label|title|placeholder)="([^"]*)"', page.read_text(encoding="utf-8")
        ):
            assert not ENGLISH_UI.search(value), f"{page.relative_to(site)}: {attribute}={value!r}"


def test_chart_text_alternatives_name_values_in_swedish_words(site):
    """A chart made in a notebook is described by its marks' values, each named by its field's
    title: never a column name (`subject`, `ci_low_pct`), nor Vega-Lite's English default
    (`Count of Records`). Labels and reference lines that repeat the title are left out."""
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    columns = {f["name"] for res in descriptor["resources"] for f in res["schema"]["fields"]}
    columns |= {"value", "text", "label", "x", "y", "n", "lag", "hog"}  # the notebooks' own columns
    checked = 0
    for page in _pages(site):
        for alt in re.findall(r'<img class="diagram-bild"[^>]* alt="([^"]*)"', page.read_text(encoding="utf-8")):
            values = html.unescape(alt).partition("Värden i diagrammet: ")[2]
            names = {pair.split(": ")[0] for mark in values.split(". ") for pair in mark.split("; ") if ": " in pair}
            raw = {n for n in names if n in columns or "_" in n or n.startswith(("Count of", "Sum of", "Mean of"))}
            assert raw == set(), f"{page.name}: {alt[:70]}"
            checked += bool(names)
    assert checked >= 10, "fewer charts described by their values than the notebooks draw"


def test_the_site_has_the_expected_pages_each_with_its_own_title(site):
    assert sorted(p.relative_to(site).as_posix() for p in _pages(site)) == sorted(PAGES)
    titles = {}
    for path in _pages(site):
        title = re.search(r"<title>(.*?)</title>", path.read_text(encoding="utf-8"), re.S)[1]
        titles.setdefault(html.unescape(title.strip()), []).append(path.name)
    assert {t: n for t, n in titles.items() if len(n) > 1} == {}, "pages share a title"
    for stem in NOTEBOOKS:
        assert any(t.startswith(f"{stem[:2]}. ") for t in titles), f"no page titled after {stem}"


@NEEDS_CHROMIUM
@pytest.mark.parametrize(
    "page_path", [pytest.param(p, marks=pytest.mark.xdist_group(f"site-pages-{i % 2}")) for i, p in enumerate(PAGES)]
)
def test_page_is_swedish_offline_described_and_fits_a_phone_and_a4(site, tab, page_path):
    """One load of the page: at a desktop's width, a phone's, and (notebooks) printed on A4."""
    path = site / page_path
    name = page_path.removesuffix(".html").replace("/", "-")
    page, requests = tab
    requests.clear()
    page.set_viewport_size(DESKTOP)
    page.emulate_media(media="screen")
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    if page.locator("figure.diagram script.vega-spec").count():
        page.wait_for_selector("figure.diagram.interaktiv .vega-vy svg")
    external = [u for u in requests if not u.startswith(("file:", "data:"))]
    assert external == [], f"{name} requested {external}"
    assert page.get_attribute("html", "lang") == "sv"
    assert "NBVAL" not in page.inner_text("body")
    content = page.content()
    for placeholder in ENGLISH_PLACEHOLDERS:
        assert placeholder not in content, placeholder
    for alt in page.eval_on_selector_all("img", "els => els.map(e => e.getAttribute('alt'))"):
        assert alt and alt.strip(), "an image without a text alternative"
    for alt in page.eval_on_selector_all("figure.diagram img", "els => els.map(e => e.alt)"):
        assert alt.startswith("Diagram: ") and re.search(r"\d", alt), alt[:80]
    for label in page.eval_on_selector_all(".vega-vy", "els => els.map(e => e.getAttribute('aria-label'))"):
        assert label and label.startswith("Diagram: ")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-dator.png"))

    page.set_viewport_size({"width": 390, "height": 844})  # a phone: the text fits the screen's width
    width = page.evaluate(
        "[document.documentElement.clientWidth, document.querySelector('article.bd-article, #search-results').scrollWidth]"
    )
    assert width[1] <= width[0], "the page is wider than a phone"
    page.screenshot(path=str(SCREENSHOTS / f"{name}-mobil.png"))

    if page_path.startswith("notebooks/"):  # printed: code wrapped, charts and tables whole
        page.set_viewport_size({"width": A4_WIDTH, "height": 1000})
        page.emulate_media(media="print")
        overflow = page.evaluate(
            """() => { const a = document.querySelector('article.bd-article');
                return [a.clientWidth, Array.from(a.querySelectorAll('pre, img, table'))
                    .filter(e => e.getBoundingClientRect().width > 0 && e.scrollWidth > a.clientWidth + 1)
                    .map(e => e.tagName + ' ' + e.textContent.slice(0, 40))]; }"""
        )
        assert overflow[1] == [], f"wider than an A4 page ({overflow[0]} px): {overflow[1][:3]}"


@NEEDS_CHROMIUM
def test_next_previous_and_contents_links_work(site, context):
    first, second = (n for n in NOTEBOOKS if n.startswith(("11_", "12_")))  # pages without charts: quick to load
    page, _ = _open(context, site / "notebooks" / f"{first}.html")
    page.click("a.right-next")
    page.wait_for_load_state("load")
    assert page.url.endswith(f"notebooks/{second}.html")
    page.click("a.left-prev")
    page.wait_for_load_state("load")
    assert page.url.endswith(f"notebooks/{first}.html")
    page.close()
    page, _ = _open(context, site / "index.html")
    links = page.eval_on_selector_all("nav.bd-docs-nav a.reference.internal", "els => els.map(e => e.href)")
    assert len(links) >= 5 + len(NOTEBOOKS)
    for href in links:
        assert Path(href.removeprefix("file://").split("#")[0]).is_file(), href
    page.click("nav.bd-docs-nav a:text('Metod')")
    page.wait_for_load_state("load")
    assert page.title().startswith("Metod")
    page.close()


@NEEDS_CHROMIUM
def test_search_finds_felmarginal(site, context):
    page, _ = _open(context, site / "search.html")
    page.goto((site / "search.html").as_uri() + "?q=felmarginal")
    page.wait_for_selector("#search-results li a", timeout=20000)
    hits = page.eval_on_selector_all("#search-results li a", "els => els.map(e => e.textContent)")
    assert any("felmarginal" in h.lower() for h in hits), hits
    page.close()


@NEEDS_CHROMIUM
def test_a_chart_point_shows_its_quote_on_keyboard_focus_and_hover(site, context):
    quotes = {row["quote"] for row in _csv("observations")}
    page, _ = _open(context, site / "index.html")
    page.wait_for_selector(".vega-vy [tabindex='0']")
    point = page.locator(".vega-vy [tabindex='0'][aria-label*='Citat']").first
    point.focus()
    tip = page.locator("#diagram-tips")
    tip.wait_for(state="visible")
    text = tip.inner_text()
    assert "Bas (n)" in text and "Underlag" in text and "Sida" in text
    assert any(q in text for q in quotes), text[:200]
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    page.close()
    page, _ = _open(context, site / "notebooks" / "04_vardanalys.html")  # two bar charts (01 has ten)
    page.wait_for_selector(".vega-vy [tabindex='0']")
    bar = page.locator(".vega-vy path[tabindex='0'][aria-label*='Citat']").first
    bar.scroll_into_view_if_needed()
    bar.hover()
    page.locator("#diagram-tips").wait_for(state="visible")
    assert any(q in page.inner_text("#diagram-tips") for q in quotes)
    page.close()


@NEEDS_CHROMIUM
def test_alla_siffror_filters_by_source_subject_year_and_text(site, context):
    rows = _csv("observations")
    page, _ = _open(context, site / "alla-siffror.html")
    visible = "() => Array.from(document.querySelectorAll('#siffror tbody tr')).filter(r => !r.hidden).length"
    assert page.evaluate(visible) == len(rows)
    sources = {r["source_id"]: r for r in _csv("sources")}
    source = sources["vision_2023"]
    page.select_option("#siffror-kalla", f"{source['publisher']}: {source['title']} ({source['year']})")
    assert page.evaluate(visible) == sum(r["source_id"] == "vision_2023" for r in rows)
    page.select_option("#siffror-ar", "2020")
    expected = sum(r["source_id"] == "vision_2023" and r["reference_year"] == "2020" for r in rows)
    assert 0 < page.evaluate(visible) == expected
    assert page.inner_text("#siffror-antal") == f"Visar {expected} av {len(rows)} siffror."
    page.select_option("#siffror-kalla", "")
    page.select_option("#siffror-ar", "")
    page.select_option("#siffror-amne", "socialsekreterare")
    assert page.evaluate(visible) == sum(r["subject"] == "socialsekreterare" for r in rows)
    page.select_option("#siffror-amne", "")
    page.fill("#siffror-sok", "V23-047")
    assert page.evaluate(visible) == 1
    page.close()


@NEEDS_CHROMIUM
@pytest.mark.parametrize("page_path", ["index.html", "notebooks/12_bas_och_felmarginal.html"])
def test_no_serious_accessibility_violations(site, context, page_path):
    from axe_playwright_python.sync_playwright import Axe

    page, _ = _open(context, site / page_path)
    if page.locator("script.vega-spec").count():
        page.wait_for_selector("figure.diagram.interaktiv")
    # The rules of WCAG 2.0–2.2, levels A and AA: what EN 301 549 and so the Swedish law on
    # accessible public digital services (DOS-lagen) ask of a university's pages. axe's other
    # rules ("best practice") are left out: they took a third of its time.
    options = {
        "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]}
    }
    violations = Axe().run(page, options=options).response["violations"]
    serious = [(v["id"], v["help"], len(v["nodes"])) for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == []
    page.close()


@NEEDS_CHROMIUM
def test_pdf_holds_the_student_pages_on_a4():
    pdf = ROOT / "build" / "socialtjanst-enkater.pdf"
    current_build(pdf.relative_to(ROOT).as_posix(), lambda: sitebuild.pdf(ROOT, CHROMIUM))  # `make` makes it
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert boxes and all(abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1 for w, h in boxes)  # A4 in points
    assert len(boxes) > 3 * len(NOTEBOOKS), f"only {len(boxes)} pages"
    single = (ROOT / "build" / "site-singlehtml" / "index.html").read_text(encoding="utf-8")
    for stem in NOTEBOOKS:
        assert f'id="document-notebooks/{stem}"' in single, stem
    assert not re.search(r'id="document-[^"]*losningar', single)
