"""The teaching site: Sphinx with myst-nb and sphinx-book-theme, configured in ``site/conf.py``.

Sphinx reads a source folder that :func:`stage` assembles in ``build/`` from the executed
notebooks, the pages in ``site/`` and a few generated snippets. Staging is where the site's
rules live, once for every notebook (the committed notebooks are not touched):

- the test markers (``# NBVAL_CHECK_OUTPUT``) are dropped from the code shown;
- the set-up cell (the first code cell) is removed, and so is the code of cells whose output is
  prose (``display(Markdown(...))``), so that prose reads as prose;
- every chart becomes an image with a Swedish text alternative; a chart drawn by a figure
  function (``figures.FIGURES[...]()``, ``figures.series_chart()``) also gets the same figure
  as an interactive Vega view whose marks show their provenance on hover and keyboard focus;
- each notebook's title starts with its file number (00–06 sources, 11–15 method).

Files are rewritten only when their content changes, so Sphinx rebuilds only what changed.
Everything runs offline: the Vega JavaScript comes from vl-convert and is served locally.
"""

from __future__ import annotations

import base64
import html
import json
import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import nbformat
import pandas as pd

from .catalog import citation_sv
from .load import read_descriptor

# Pages a student reads; the teacher's build adds the worked solutions.
INCLUDED_DOCS = {"kom-igang": "Kom igång", "lararhandledning": "Lärarhandledning"}
# Only in the teacher's build: the teacher's guide holds the answers, like the solutions.
TEACHER_PAGES = ["lararhandledning", "losningar"]
FIGURE_CALL = re.compile(r'FIGURES\["(?P<figure>\w+)"\]\(\)|(?P<series>series_chart)\(\)')
TITLE_TEXT = re.compile(r"aria-label=\"(?:Title|Subtitle) text '(.*?)'\"")
TAG = re.compile(r"<[a-z]+ [^>]*>")
ARIA = re.compile(r'aria-(label|roledescription)="([^"]*)"')
NOT_MARKS = {"axis", "legend", "title", "subtitle"}
SVG_SIZE = re.compile(r'<svg[^>]*\bwidth="(\d+)" height="(\d+)"')
DECIMAL_POINT = re.compile(r"(\d)\.(\d)")
MAX_ALT_POINTS = 40


def _write(path: Path, text: str) -> None:
    """Write only when the content differs, keeping the mtime Sphinx uses to skip unchanged pages."""
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def svg_text_alternative(svg: str) -> str:
    """A Swedish text alternative for a chart drawn in a notebook: its title and the values of its marks.

    >>> svg_text_alternative('''<svg><g aria-roledescription="title" aria-label="Title text 'Bas och bredd'"></g>
    ... <path aria-label="n: 10; bredd: 46.2" aria-roledescription="line mark"/></svg>''')
    'Diagram: Bas och bredd. Värden i diagrammet: n: 10; bredd: 46,2.'
    """
    title = ". ".join(html.unescape(t).rstrip(".") for t in TITLE_TEXT.findall(svg))
    labels = []
    for tag in TAG.findall(svg):
        aria = dict(ARIA.findall(tag))
        if "label" in aria and aria.get("roledescription") not in NOT_MARKS:
            label = DECIMAL_POINT.sub(r"\1,\2", html.unescape(aria["label"]))
            labels.append(label.replace(": true", ": ja").replace(": false", ": nej"))
    points = list(dict.fromkeys(labels))
    text = f"Diagram: {title.rstrip('.')}." if title else "Diagram."
    if points:
        more = f" … och {len(points) - MAX_ALT_POINTS} till" if len(points) > MAX_ALT_POINTS else ""
        text += f" Värden i diagrammet: {'. '.join(points[:MAX_ALT_POINTS])}{more}."
    return text


@cache
def _figure_chart(figure_id: str) -> tuple[str, str]:
    """A figure function's text alternative and interactive Vega-Lite spec (with provenance tooltips)."""
    from . import figures

    builder = {**figures.FIGURES, **figures.SERIES_CHARTS}[figure_id]
    spec = figures.interactive(builder()).to_dict(validate=False)  # tests validate every figure's spec
    spec.setdefault("config", {})["aria"] = False  # Vega's own labels are English; socialtjanst.js sets Swedish ones
    return figures.text_alternative(figure_id), json.dumps(spec, ensure_ascii=False, sort_keys=True)


def chart_html(svg: str, figure_id: str | None = None) -> str:
    """A chart as the site shows it: the static SVG (also what prints) with a Swedish text alternative,
    plus, for a figure function's chart, the same figure as an interactive Vega-Lite view."""
    alt_text, spec = _figure_chart(figure_id) if figure_id else (svg_text_alternative(svg), "")
    width, height = SVG_SIZE.search(svg).groups()
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    figure_attr = f' data-figur="{figure_id}"' if figure_id else ""
    parts = [
        f'<figure class="diagram"{figure_attr}>',
        f'<img class="diagram-bild" src="data:image/svg+xml;base64,{data}" width="{width}" height="{height}"'
        f' alt="{html.escape(alt_text)}">',
    ]
    if spec:
        spec = spec.replace("</", "<\\/")  # a quote cannot end the script element
        parts.append(f'<script type="application/json" class="vega-spec">{spec}</script>')
    parts.append("</figure>")
    return "".join(parts)


def _figure_id(source: str) -> str | None:
    match = FIGURE_CALL.search(source)
    if not match:
        return None
    return match["figure"] or "serie_personal_generellt"


def stage_notebook(nb: nbformat.NotebookNode, number: str) -> nbformat.NotebookNode:
    """The notebook as the site shows it (see the module docstring for the rules)."""
    nb = nbformat.from_dict(nb)
    first_code = True
    for cell in nb.cells:
        if cell.cell_type == "markdown" and number and cell.source.startswith("# "):
            cell.source = f"# {number}. {cell.source[2:]}"
            number = ""
        if cell.cell_type != "code":
            continue
        cell.source = "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith("# NBVAL"))
        tags = cell.metadata.setdefault("tags", [])
        outputs = cell.get("outputs", [])
        if first_code:
            tags.append("remove-input" if outputs else "remove-cell")
            first_code = False
        elif outputs and all(
            set(o.get("data", {})) <= {"text/markdown", "text/plain"} and "data" in o for o in outputs
        ):
            tags.append("remove-input")
        for out in outputs:
            svg = out.get("data", {}).get("image/svg+xml")
            if svg:
                out["data"] = {"text/html": chart_html(svg, _figure_id(cell.source))}
    return nb


def _included_doc(root: Path, name: str, title: str) -> str:
    path = root / "docs" / f"{name}.md"
    if path.exists():
        return path.read_text(encoding="utf-8")
    print(f"note: {path} is missing; the page «{title}» says so")
    return f"# {title}\n\nSidan skrivs i `docs/{name}.md`, som saknas i den här utcheckningen.\n"


def sources_list(sources: pd.DataFrame) -> str:
    """Markdown list of the source documents, linking each one's original address."""
    lines = []
    for s in sources.sort_values(["year", "publisher", "title"]).itertuples():
        text = f"{s.publisher}: *{s.title}* ({s.year})"
        lines.append(f"- [{text}]({s.url})" if pd.notna(s.url) else f"- {text} (ingen adress är känd)")
    return "\n".join(lines) + "\n"


def citation_page(descriptor: dict) -> str:
    """How to cite the package and its numbers (Markdown for the start page)."""
    return (
        "Ange vilken version av datapaketet du har använt. Så här ser referensen ut enligt APA 7:\n\n"
        f"> {citation_sv(descriptor, '*')}\n\n"
        "Om du har hämtat paketet från en webbadress, lägg till den sist i referensen. Hänvisa också till "
        "originaldokumentet för varje siffra du använder: kolumnen `source_id` i tabellen `observations` "
        "anger vilket dokument siffran kommer från (tabellen `sources` ger utgivare, titel och år) och "
        "kolumnen `page` på vilken sida den står. Filen `CITATION.cff` i datapaketet innehåller uppgifterna i "
        "maskinläsbar form (Citation File Format), med den engelska titeln.\n\n"
        f"{descriptor['rights_sv']}\n"
    )


def observations_page(tables: dict[str, pd.DataFrame]) -> str:
    """The table of every observation with its quote and source, and the filters that site.js drives."""
    from .figures import provenance, value_label

    obs = provenance(tables["observations"])
    sources = tables["sources"].set_index("source_id")
    source_names = {sid: f"{s.publisher}: {s.title} ({s.year})" for sid, s in sources.iterrows()}

    def options(values) -> str:
        return "".join(f'<option value="{html.escape(str(v))}">{html.escape(str(v))}</option>' for v in values)

    years = sorted({int(y) for y in obs["reference_year"].dropna()})
    rows = []
    for o in obs.itertuples():
        source = source_names[o.source_id]
        year = "" if pd.isna(o.reference_year) else str(int(o.reference_year))
        what = ", ".join(str(v) for v in (o.subject, o.breakdown, o.category, o.reference_period) if pd.notna(v))
        link = sources.loc[o.source_id, "url"]
        source_cell = (
            f'<a href="{html.escape(link)}">{html.escape(source)}</a>' if pd.notna(link) else html.escape(source)
        )
        rows.append(
            f'<tr data-kalla="{html.escape(source)}" data-amne="{html.escape(o.subject)}" data-ar="{year}">'
            f"<td>{html.escape(o.obs_id)}</td><td>{html.escape(what)}</td><td>{year}</td>"
            f"<td>{html.escape(value_label(o.value, o.value_qualifier, o.unit))}</td><td>{html.escape(o.base_text)}</td>"
            f"<td>{html.escape(o.basis_sv)}</td><td>{source_cell}</td><td>{html.escape(o.page_text)}</td>"
            f"<td>{html.escape(o.quote)}</td></tr>"
        )
    return f"""<form class="siffror-filter" role="search" aria-label="Filtrera siffrorna">
<label>Sök i tabellen <input type="search" id="siffror-sok"></label>
<label>Källa <select id="siffror-kalla"><option value="">alla</option>{options(sorted(set(source_names.values())))}</select></label>
<label>Ämne <select id="siffror-amne"><option value="">alla</option>{options(sorted(obs["subject"].unique()))}</select></label>
<label>År <select id="siffror-ar"><option value="">alla</option>{options(years)}</select></label>
</form>
<p id="siffror-antal" aria-live="polite">Visar alla {len(rows)} siffror.</p>
<div class="siffror-tabell"><table id="siffror" class="table">
<caption>Alla siffror i datapaketet med citat och källa</caption>
<thead><tr><th scope="col">Id</th><th scope="col">Vad</th><th scope="col">År</th><th scope="col">Värde</th>
<th scope="col">Bas (n)</th><th scope="col">Underlag</th><th scope="col">Källa</th><th scope="col">Sida</th>
<th scope="col">Citat</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table></div>
"""


def _contents(teacher: bool) -> str:
    pages = ["kom-igang", "kallorna", "metod", "alla-siffror"] + (TEACHER_PAGES if teacher else [])
    return "```{toctree}\n:maxdepth: 1\n:caption: Innehåll\n\n" + "\n".join(pages) + "\n```\n"


def _vega_bundle(cache: Path) -> str:
    """Vega, Vega-Lite and vega-embed in one script, as the installed vl-convert bundles them.

    Bundling takes seconds and gives the same text for one vl-convert version (its name), so it
    is done once per checkout and shared by both sites and the PDF (which `make` builds side by
    side: the first to need it writes it)."""
    import vl_convert

    if not cache.exists():
        # In a function of its own: its top-level names (such as `_`) would clash with Sphinx's scripts.
        text = f"(() => {{\n{vl_convert.javascript_bundle()}\n}})();\n"
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.part")
        partial.write_text(text, encoding="utf-8")
        partial.replace(cache)  # atomic: a build running beside this one reads all of it or none
    return cache.read_text(encoding="utf-8")


def stage(root: Path, teacher: bool = False, src: Path | None = None) -> Path:
    """Assemble Sphinx's source folder (by default build/site-src or build/site-larare-src; see the
    module docstring); returns it."""
    import vl_convert

    from .figures import _tables  # the tables the figures use, loaded once

    src = src or root / "build" / ("site-larare-src" if teacher else "site-src")
    wanted = set()

    def put(rel: str, text: str) -> None:
        wanted.add(rel)
        _write(src / rel, text)

    for page in sorted((root / "site").glob("*.md")):
        if page.stem not in TEACHER_PAGES or teacher:
            put(page.name, page.read_text(encoding="utf-8"))
    folders = ["."] + (["losningar"] if teacher else [])
    for folder in folders:
        for notebook in sorted((root / "notebooks" / folder).glob("*.ipynb")):
            nb = stage_notebook(nbformat.read(notebook, as_version=4), notebook.name[:2])
            put(f"notebooks/{folder}/{notebook.name}".replace("/./", "/"), nbformat.writes(nb) + "\n")
    for name, title in INCLUDED_DOCS.items():
        put(f"_docs/{name}.md", _included_doc(root, name, title))
    tables = _tables()
    put("_genererat/kallor.md", sources_list(tables["sources"]))
    put("_genererat/innehall.md", _contents(teacher))
    put("_genererat/citera.md", citation_page(read_descriptor(root)[0]))
    put("_genererat/alla-siffror.html", observations_page(tables))
    series_svg = root / "figures" / "serie_personal_generellt.svg"
    put("_genererat/serie.html", chart_html(series_svg.read_text(encoding="utf-8"), "serie_personal_generellt"))
    vega = f"_vega/vega-{vl_convert.__version__}.js"
    put(vega, _vega_bundle(root / "build" / "vega" / Path(vega).name))
    for path in sorted(src.rglob("*"), reverse=True):  # pages no longer staged (a notebook renamed…)
        rel = path.relative_to(src).as_posix()
        if path.is_file() and rel not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return src


def build(root: Path, teacher: bool = False, builder: str = "html") -> Path:
    """Stage and build the site (student's in build/site/, teacher's in build/site-larare/); returns index.html."""
    from sphinx.cmd.build import build_main

    name = "site-larare" if teacher else "site"
    suffix = "" if builder == "html" else f"-{builder}"  # each build its own folders: they run side by side
    out = root / "build" / f"{name}{suffix}"
    src = stage(root, teacher, root / "build" / f"{name}-src{suffix}")
    doctrees = root / "build" / "doctrees" / f"{name}-{builder}"
    args = ["-b", builder, "-c", str(root / "site"), "-d", str(doctrees), "-q"]
    args += ["-t", "larare"] if teacher else []
    pickle = doctrees / "environment.pickle"
    if pickle.exists() and (root / "site" / "conf.py").stat().st_mtime > pickle.stat().st_mtime:
        args.append("-E")  # Sphinx sees changed settings, not a changed setup() in conf.py: start afresh
    shutil.rmtree(out, ignore_errors=True)  # Sphinx leaves pages that are no longer staged; doctrees keep it quick
    if build_main([*args, str(src), str(out)]) != 0:
        raise SystemExit(f"sphinx-build failed for {out}")
    return out / "index.html"


def build_teacher(root: Path) -> Path:
    return build(root, teacher=True)


CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
]


def pdf(root: Path, chromium: str = "chromium") -> Path:
    """One PDF (A4) of the student pages: Sphinx's single-page build printed by headless Chromium."""
    if not shutil.which(chromium):
        raise SystemExit(f"{chromium} is not installed: `apt-get install chromium` (Debian) and run `make pdf` again")
    index = build(root, builder="singlehtml")
    target = root / "build" / "socialtjanst-enkater.pdf"
    profile = (root / "build" / "chromium-profile").resolve()
    shutil.rmtree(profile, ignore_errors=True)
    subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={target}", index.resolve().as_uri()],
        check=True,
        capture_output=True,
        timeout=300,
    )
    shutil.rmtree(profile, ignore_errors=True)
    return target
