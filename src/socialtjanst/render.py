"""Static outputs: executed notebooks and figure files (the site is built by :mod:`socialtjanst.site`).

Notebooks are written as jupytext "percent" scripts (`notebooks/*.py`, readable diffs)
and executed into `notebooks/*.ipynb`, which are committed with their outputs so that
students opening them in JupyterLab see the charts at once. Everything here runs
offline and gives the same bytes on every run.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import nbformat

# jupytext, nbformat, nbclient and altair are imported where they are used: deciding that
# nothing needs rendering (the usual case) takes a fraction of a second.


def notebook_scripts(root: Path) -> list[Path]:
    """The notebooks and, in losningar/, the worked solutions to their exercises."""
    folder = root / "notebooks"
    return sorted(p for p in [*folder.glob("*.py"), *folder.glob("losningar/*.py")] if not p.name.startswith("_"))


def execute(script: Path, timeout: int = 600) -> nbformat.NotebookNode:
    """Convert a percent script to a notebook and run it in its own folder."""
    import jupytext
    from nbclient import NotebookClient

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


def inputs_digest(root: Path, *extra: Path) -> str:
    """sha256 of everything a rendered output depends on: the package's code and metadata, the data,
    the locked dependency versions, and ``extra`` (a notebook's own source).

    Outputs record it, so a build skips what is current even in a fresh clone (where file times
    say nothing)."""
    package = [
        p for p in sorted((root / "src" / "socialtjanst").rglob("*")) if p.is_file() and "__pycache__" not in p.parts
    ]
    files = [*package, *sorted((root / "data").glob("*.csv")), root / "datapackage.json", root / "uv.lock", *extra]
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def recorded_digest(notebook: Path) -> str | None:
    """The inputs digest an executed notebook was rendered from (None if it has none)."""
    if not notebook.exists():
        return None
    metadata = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {})
    return metadata.get("socialtjanst", {}).get("inputs_sha256")


def _render_one(script: Path, digest: str) -> tuple[Path, float]:
    import nbformat

    start = time.monotonic()
    nb = execute(script)
    nb.metadata["socialtjanst"] = {"inputs_sha256": digest}
    target = script.with_suffix(".ipynb")
    nbformat.write(nb, target)
    return target, time.monotonic() - start


def _progress(done: int, total: int, what: str) -> None:
    bar = "█" * done + "·" * (total - done)
    print(f"progress: {bar} {done}/{total} {what}", flush=True)


def render_notebooks(root: Path, force: bool = False) -> list[Path]:
    """Execute every notebook whose inputs changed, in parallel on the available cores."""
    todo = {}
    for script in notebook_scripts(root):
        digest = inputs_digest(root, script)
        if force or recorded_digest(script.with_suffix(".ipynb")) != digest:
            todo[script] = digest
    written = []
    if not todo:
        return written
    _progress(0, len(todo), "notebooks")
    with ProcessPoolExecutor(max_workers=min(len(todo), os.cpu_count() or 1)) as pool:
        futures = [pool.submit(_render_one, script, digest) for script, digest in todo.items()]
        for future in as_completed(futures):
            target, seconds = future.result()
            written.append(target)
            _progress(len(written), len(todo), f"{target.stem} ({seconds:.1f} s)")
    return sorted(written)


FIGURES_STAMP = ".inputs-sha256"


def export_figures(root: Path, out: Path | None = None, force: bool = False) -> list[Path]:
    """Every reproducible source figure as SVG and PNG in ``out`` (default figures/).

    Into figures/, skipped when the inputs digest recorded there is current."""
    stamp = None if out else root / "figures" / FIGURES_STAMP
    out = out or root / "figures"
    digest = inputs_digest(root)
    if stamp and not force and stamp.exists() and stamp.read_text(encoding="utf-8").strip() == digest:
        return []
    import vl_convert

    from .figures import FIGURES, SERIES_CHARTS

    out.mkdir(exist_ok=True)
    written = []
    builders = {**FIGURES, **SERIES_CHARTS}
    for i, (figure_id, builder) in enumerate(builders.items()):
        svg, png = out / f"{figure_id}.svg", out / f"{figure_id}.png"
        builder().save(str(svg))
        # The PNG from the SVG: the same bytes as `chart.save(png)`, without laying the chart out again.
        png.write_bytes(vl_convert.svg_to_png(svg.read_text(encoding="utf-8"), scale=2))
        written += [svg, png]
        _progress(i + 1, len(builders), figure_id)
    if stamp:
        stamp.write_text(digest + "\n", encoding="utf-8")
    return written
