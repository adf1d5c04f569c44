"""Static outputs: executed notebooks and figure files (the site is built by :mod:`socialtjanst.site`).

Notebooks are written as jupytext "percent" scripts (`notebooks/*.py`, readable diffs)
and executed into `notebooks/*.ipynb`, which are committed with their outputs so that
students opening them in JupyterLab see the charts at once. Everything here runs
offline and gives the same bytes on every run.
"""

from __future__ import annotations

from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient


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


def export_figures(root: Path) -> list[Path]:
    """Every reproducible source figure as SVG and PNG in figures/."""
    from .figures import FIGURES, SERIES_CHARTS

    out = root / "figures"
    out.mkdir(exist_ok=True)
    written = []
    for figure_id, builder in {**FIGURES, **SERIES_CHARTS}.items():
        chart = builder()
        for suffix in ("svg", "png"):
            path = out / f"{figure_id}.{suffix}"
            chart.save(str(path), **({"scale_factor": 2} if suffix == "png" else {}))
            written.append(path)
    return written
