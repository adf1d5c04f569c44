"""`socialtjanst build`: regenerate every derived file, deterministically.

Hand-curated: the CSVs in data/ (except the derived ones) and metadata.toml.
Derived: data/series.csv, datapackage.json (with sizes and hashes),
docs/data-dictionary.md, CITATION.cff and .zenodo.json. Building twice gives
byte-identical files.
"""

from __future__ import annotations

import json
from pathlib import Path

from .catalog import citation_cff, zenodo_json
from .dictionary import data_dictionary
from .metadata import build_descriptor


def descriptor_text(root: Path) -> str:
    """datapackage.json as it must be for the files under ``root``."""
    return json.dumps(build_descriptor(root), ensure_ascii=False, indent=2) + "\n"


# The resources `build_outputs` derives from the others.
DERIVED = {"series"}


def build_outputs(root: Path) -> dict[Path, str]:
    """The derived data files and their content (the descriptor and dictionary come after)."""
    from .series import series_csv

    return {root / "data" / "series.csv": series_csv(build_descriptor(root), root)}


def content_problems(root: Path) -> int:
    """How many problems the hand-curated tables have (their sizes and hashes as they are now)."""
    from .validate import check_package

    package = build_descriptor(root)
    package["resources"] = [r for r in package["resources"] if r["name"] not in DERIVED]
    report = check_package(package, root, "datapackage.json")
    return len(report.problems) + report.incomplete


class BuildError(Exception):
    """The hand-curated data is not valid enough to derive the rest from."""


def build(root: Path, check: bool = False) -> list[Path]:
    """Write the derived files under ``root``; with ``check`` only list those that differ."""
    changed = []

    def emit(path: Path, content: str) -> None:
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            changed.append(path)
            if not check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(content, encoding="utf-8", newline="\n")

    if not check:
        count = content_problems(root)
        if count:
            raise BuildError(
                f"the data in {root / 'data'} has {count} problem(s); nothing was written. "
                "`socialtjanst validate` names the file, row and field of each"
            )
    try:
        outputs = build_outputs(root)
    except (KeyError, ValueError, TypeError) as exc:
        raise BuildError(
            f"the derived data cannot be built from the data in {root / 'data'} ({exc!r}); "
            "`socialtjanst validate` names the file, row and field that are wrong"
        ) from exc
    for path, content in outputs.items():
        emit(path, content)
    # The descriptor hashes the data files, so it comes after them; in check mode the
    # data on disk may be stale, and then the descriptor is reported as changed too.
    descriptor = descriptor_text(root)
    emit(root / "datapackage.json", descriptor)
    package = json.loads(descriptor)
    emit(root / "docs" / "data-dictionary.md", data_dictionary(package))
    emit(root / "CITATION.cff", citation_cff(package, root))
    emit(root / ".zenodo.json", zenodo_json(package, root))
    return changed
