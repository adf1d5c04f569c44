"""Static outputs: executed notebooks, figure files and an offline HTML site.

Notebooks are written as jupytext "percent" scripts (`notebooks/*.py`, readable diffs)
and executed into `notebooks/*.ipynb`, which are committed with their outputs so that
students opening them in JupyterLab see the charts at once. Everything here runs
offline and gives the same bytes on every run.
"""

from __future__ import annotations

import html
from importlib import resources
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

TEMPLATE_DIR = resources.files("socialtjanst").joinpath("site_template")


def notebook_scripts(root: Path) -> list[Path]:
    """The notebooks and, in losningar/, the worked solutions to their exercises."""
    folder = root / "notebooks"
    return sorted(p for p in [*folder.glob("*.py"), *folder.glob("losningar/*.py")] if not p.name.startswith("_"))


def execute(script: Path, timeout: int = 600) -> nbformat.NotebookNode:
    """Convert a percent script to a notebook and run it in its own folder."""
    nb = jupytext.read(script)
    nb.metadata.pop("jupytext", None)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    for i, cell in enumerate(nb.cells):
        cell.id = f"{script.stem}-{i:03d}"  # stable ids instead of random ones
        cell.metadata.pop("lines_to_next_cell", None)
    NotebookClient(
        nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(script.parent)}}
    ).execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nb.metadata.pop("widgets", None)
    return nb


def render_notebooks(root: Path) -> list[Path]:
    written = []
    for script in notebook_scripts(root):
        target = script.with_suffix(".ipynb")
        nbformat.write(execute(script), target)
        written.append(target)
    return written


def export_figures(root: Path, out: Path | None = None) -> list[Path]:
    """Every reproducible source figure as SVG and PNG in ``out`` (default figures/)."""
    from .figures import FIGURES, SERIES_CHARTS

    out = out or root / "figures"
    out.mkdir(exist_ok=True)
    written = []
    for figure_id, builder in {**FIGURES, **SERIES_CHARTS}.items():
        chart = builder()
        for suffix in ("svg", "png"):
            path = out / f"{figure_id}.{suffix}"
            chart.save(str(path), **({"scale_factor": 2} if suffix == "png" else {}))
            written.append(path)
    return written


def _title(nb: nbformat.NotebookNode, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def build_site(root: Path, site: Path | None = None) -> Path:
    """Render the executed notebooks to ``site`` (default build/site/) with a table of contents."""
    from nbconvert import HTMLExporter

    site = site or root / "build" / "site"
    site.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter(template_name="offline", extra_template_basedirs=[str(TEMPLATE_DIR)])
    sections = {}
    for folder, heading in (("", "Innehåll"), ("losningar", "Lösningar till övningarna (öppna efter att du försökt)")):
        entries = []
        for notebook in sorted((root / "notebooks" / folder).glob("*.ipynb")):
            nb = nbformat.read(notebook, as_version=4)
            body, _ = exporter.from_notebook_node(nb)
            target = site / folder / f"{notebook.stem}.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body, encoding="utf-8")
            entries.append((target.relative_to(site).as_posix(), _title(nb, notebook.stem)))
        if entries:
            sections[heading] = entries
    items = "\n".join(
        f"  <h2>{html.escape(heading)}</h2>\n  <ol>\n"
        + "\n".join(f'    <li><a href="{href}">{html.escape(title)}</a></li>' for href, title in entries)
        + "\n  </ol>"
        for heading, entries in sections.items()
    )
    index = f"""<!DOCTYPE html>
<html lang="sv">
<head>
  <meta charset="utf-8">
  <title>Socialtjänstens bemanning i enkäter – notebooks</title>
  <style>body {{ font-family: sans-serif; max-width: 46em; margin: 2em auto; line-height: 1.5; }}</style>
</head>
<body>
  <h1>Socialtjänstens bemanning i enkäter</h1>
  <p>Notebooks till datapaketet <em>socialtjanst-enkater</em>. Sidorna fungerar utan internet.</p>
{items}
</body>
</html>
"""
    (site / "index.html").write_text(index, encoding="utf-8")
    return site / "index.html"
