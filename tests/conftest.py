"""Shared fixtures: the package root, the source texts, and editable copies of the package."""

import csv
import fcntl
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from socialtjanst.build import descriptor_text
from socialtjanst.site import CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT.parent / "shared" / "sources"
# Tools some tests drive; where one is missing those tests skip and say why.
UV = shutil.which("uv") or str(ROOT / ".venv-uv" / "bin" / "uv")  # `make` installs it there when missing
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Playwright starts Chromium headless itself: the site module's other flags (no background connections).
BROWSER_FLAGS = [f for f in CHROMIUM_FLAGS if f not in ("--headless", "--no-pdf-header-footer")]


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(items):
    """Under `--dist loadgroup` a file's tests run on one worker, in order (nbval runs a notebook's
    cells one after another; module fixtures are made once), unless a test names its own group."""
    for item in items:
        if item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))


def current_build(target: str, build) -> None:
    """Bring a build output up to date: left alone when `make` says it is current (after `make`),
    else made by ``build()``, one worker at a time."""
    (ROOT / "build").mkdir(exist_ok=True)
    with open(ROOT / "build" / ".tests.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        make = shutil.which("make")
        if make is None or subprocess.run([make, "-q", target], cwd=ROOT, capture_output=True).returncode != 0:
            build()


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    """The plain-text source documents; tests that need them skip loudly without them."""
    if not (SOURCES / "README.md").is_file():
        pytest.skip(f"source texts not found at {SOURCES}: quotes cannot be checked here")
    return SOURCES


class PackageCopy:
    """A copy of the data package in a temporary folder, for breaking on purpose."""

    def __init__(self, root: Path):
        self.root = root
        shutil.copy(ROOT / "datapackage.json", root / "datapackage.json")
        shutil.copytree(ROOT / "data", root / "data")

    def rows(self, resource: str) -> list[dict]:
        with (self.root / "data" / f"{resource}.csv").open(newline="", encoding="utf-8") as f:
            return list(csv.DictReader(f))

    def write(self, resource: str, rows: list[dict], fieldnames: list[str] | None = None) -> None:
        """Write the rows back and refresh the descriptor's sizes and hashes (nothing else)."""
        fieldnames = fieldnames or list(rows[0])
        with (self.root / "data" / f"{resource}.csv").open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=fieldnames, lineterminator="\n", extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
        (self.root / "datapackage.json").write_text(descriptor_text(self.root), encoding="utf-8")

    def first(self, resource: str, **match) -> tuple[int, dict]:
        """Index and row of the first row whose fields equal ``match``."""
        for i, row in enumerate(self.rows(resource)):
            if all(row[k] == v for k, v in match.items()):
                return i, row
        raise LookupError(f"no {resource} row with {match}")


@pytest.fixture
def package_copy(tmp_path) -> PackageCopy:
    return PackageCopy(tmp_path)


def readme_example(language: str) -> str:
    """The README's code block in ``language`` (its examples are tested as written)."""
    (block,) = re.findall(rf"```{language}\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), flags=re.S)
    return block
