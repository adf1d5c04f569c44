"""A student's own copies of the notebooks ("arbetsbok"), made once and never overwritten.

The notebooks in notebooks/ belong to the project: `make`, `make test` and `git pull` may
replace them. A student works in arbetsbok/ (ignored by git), which this module fills with
the executed notebooks that are not there yet, leaving every existing file as it is.
"""

from __future__ import annotations

import shutil
from pathlib import Path

FOLDER = "arbetsbok"


def prepare(root: Path) -> tuple[list[Path], list[Path]]:
    """Copy the notebooks (not the solutions) into ``root/arbetsbok``; return (copied, kept)."""
    source = root / "notebooks"
    if not source.is_dir():
        raise FileNotFoundError(f"hittar inte mappen notebooks/ i {root.resolve()}: kör kommandot i projektmappen")
    target = root / FOLDER
    target.mkdir(exist_ok=True)
    copied, kept = [], []
    for notebook in sorted(source.glob("*.ipynb")):
        destination = target / notebook.name
        if destination.exists():
            kept.append(destination)
        else:
            shutil.copyfile(notebook, destination)
            copied.append(destination)
    return copied, kept
