"""`socialtjanst dist`: the files of a release in dist/, byte for byte the same on every build.

- ``socialtjanst-enkater-VERSION.zip``: the data package (datapackage.json, the CSV tables,
  docs/data-dictionary.md, LICENSE, CITATION.cff) in one folder;
- zips of the student site (build/site) and the teacher's site (build/site-larare), when built;
- whatever exports are already in dist/ (`socialtjanst export`);
- ``catalog.rdf``: the DCAT-AP-SE catalogue of every distribution file;
- ``SHA256SUMS`` of all of them (check with ``sha256sum -c SHA256SUMS``).

Zip entries are sorted, dated with the release date and stored with fixed permissions, so
building twice gives identical bytes. Package and site zips of other versions are removed.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from pathlib import Path

from .catalog import catalog_rdf, data_zip_name, release_date, site_zip_names

PACKAGE_FILES = ["datapackage.json", "docs/data-dictionary.md", "LICENSE", "CITATION.cff"]


def write_zip(target: Path, files: dict[str, Path], date: str) -> Path:
    """Write ``files`` (name in the archive → file) to ``target``, deterministically."""
    stamp = (int(date[:4]), int(date[5:7]), int(date[8:10]), 0, 0, 0)
    with zipfile.ZipFile(target, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3  # unix, whatever the building machine
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name].read_bytes(), compresslevel=9)
    return target


def _folder(folder: Path, prefix: str) -> dict[str, Path]:
    return {f"{prefix}/{p.relative_to(folder).as_posix()}": p for p in sorted(folder.rglob("*")) if p.is_file()}


def sha256sums(dist: Path) -> str:
    """``sha256sum``'s format for every file in ``dist`` but SHA256SUMS itself."""
    files = sorted(p for p in dist.iterdir() if p.is_file() and p.name != "SHA256SUMS")
    return "".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n" for p in files)


def make_dist(root: Path, dist: Path | None = None) -> list[Path]:
    """Write the release files into ``dist`` (default root/dist) and return their paths."""
    dist = dist or root / "dist"
    dist.mkdir(parents=True, exist_ok=True)
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    # Zips of an earlier version would be listed as distributions of this one.
    release_zip = re.compile(re.escape(descriptor["name"]) + r"-\d+\.\d+\.\d+(-site|-site-larare)?\.zip")
    current = {data_zip_name(descriptor), *site_zip_names(descriptor).values()}
    for stale in dist.iterdir():
        if release_zip.fullmatch(stale.name) and stale.name not in current:
            stale.unlink()
    date = release_date(descriptor)
    stem = data_zip_name(descriptor).removesuffix(".zip")
    names = PACKAGE_FILES + [r["path"] for r in descriptor["resources"]]
    missing = [n for n in names if not (root / n).is_file()]
    if missing:
        raise FileNotFoundError(f"cannot build the data package zip, missing in {root}: {', '.join(missing)}")
    written = [write_zip(dist / data_zip_name(descriptor), {f"{stem}/{n}": root / n for n in names}, date)]
    for folder, zip_name in site_zip_names(descriptor).items():
        site = root / "build" / folder
        if site.is_dir():
            written.append(write_zip(dist / zip_name, _folder(site, zip_name.removesuffix(".zip")), date))
    catalog = dist / "catalog.rdf"
    catalog.write_text(catalog_rdf(root, dist), encoding="utf-8", newline="\n")
    sums = dist / "SHA256SUMS"
    sums.write_text(sha256sums(dist), encoding="utf-8", newline="\n")
    return [*written, catalog, sums]
