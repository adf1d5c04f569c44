"""`socialtjanst diff OLD [NEW]`: what changed in the data between two versions of the package.

A version is a folder holding a ``datapackage.json`` or a git commit (a hash, tag or branch of
the repository the command runs in; files are read with ``git show``, nothing is checked out).
Tables are compared on their primary keys, cell by cell as the CSV files write them: rows
added, rows removed, rows changed (field, old → new) and columns added or removed, with a
one-line summary per table. ``socialtjanst changelog`` rewrites the data sections of
CHANGELOG.md with this comparison.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path


class DiffError(Exception):
    """A version cannot be read (not a folder with a datapackage.json, nor a git commit)."""


@dataclass
class Table:
    name: str
    primary_key: list[str]
    fields: list[str]
    rows: dict[tuple, dict[str, str]]


@dataclass
class TableDiff:
    name: str
    rows_old: int
    rows_new: int
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # key -> field -> [old, new]
    fields_added: list[str] = field(default_factory=list)
    fields_removed: list[str] = field(default_factory=list)
    status: str = "compared"  # or "added", "removed"

    @property
    def empty(self) -> bool:
        return self.status == "compared" and not (
            self.added or self.removed or self.changed or self.fields_added or self.fields_removed
        )

    def summary(self) -> str:
        """One line: what changed in this table."""
        if self.status == "added":
            return f"{self.name}: new table ({self.rows_new} rows)"
        if self.status == "removed":
            return f"{self.name}: table removed ({self.rows_old} rows)"
        if self.empty:
            return f"{self.name}: unchanged ({self.rows_new} rows)"
        parts = [f"{len(self.added)} rows added", f"{len(self.removed)} removed", f"{len(self.changed)} changed"]
        if self.fields_added:
            parts.append("fields added: " + ", ".join(self.fields_added))
        if self.fields_removed:
            parts.append("fields removed: " + ", ".join(self.fields_removed))
        return f"{self.name}: " + "; ".join(parts) + f" ({self.rows_old} → {self.rows_new} rows)"


class Version:
    """Read the files of one version: a folder, or a git commit of the repository at ``repo``."""

    def __init__(self, spec: str, repo: Path):
        self.spec, self.repo = spec, repo
        self.folder = repo / spec if (repo / spec).is_dir() else None
        if self.folder is None:
            probe = self._git("rev-parse", "--verify", "--quiet", f"{spec}^{{commit}}", check=False)
            if probe.returncode != 0:
                raise DiffError(f"{spec!r} is neither a folder nor a git commit of {repo}")
        self.descriptor = json.loads(self.read("datapackage.json"))

    def _git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        try:
            result = subprocess.run(["git", "-C", str(self.repo), *args], capture_output=True, text=True)
        except FileNotFoundError as exc:
            raise DiffError("git is not installed: compare two folders instead") from exc
        if check and result.returncode != 0:
            raise DiffError(f"git {' '.join(args)}: {result.stderr.strip()}")
        return result

    def read(self, path: str) -> str:
        if self.folder is not None:
            file = self.folder / path
            if not file.is_file():
                raise DiffError(f"{file} does not exist")
            return file.read_text(encoding="utf-8")
        return self._git("show", f"{self.spec}:{path}").stdout

    def tables(self) -> dict[str, Table]:
        tables = {}
        for resource in self.descriptor["resources"]:
            reader = csv.DictReader(io.StringIO(self.read(resource["path"]), newline=""))
            key = resource["schema"].get("primaryKey", [])
            key = [key] if isinstance(key, str) else key
            rows = {}
            for number, row in enumerate(reader, start=2):
                rows[tuple(row[k] for k in key) if key else (str(number),)] = row
            tables[resource["name"]] = Table(resource["name"], key, list(reader.fieldnames or []), rows)
        return tables


def _key(key: tuple) -> str:
    return "/".join(key)


def compare_tables(old: Table | None, new: Table | None) -> TableDiff:
    """The differences between two versions of one table (either may be missing)."""
    if old is None:
        return TableDiff(new.name, 0, len(new.rows), added=[_key(k) for k in new.rows], status="added")
    if new is None:
        return TableDiff(old.name, len(old.rows), 0, removed=[_key(k) for k in old.rows], status="removed")
    diff = TableDiff(new.name, len(old.rows), len(new.rows))
    diff.fields_added = [f for f in new.fields if f not in old.fields]
    diff.fields_removed = [f for f in old.fields if f not in new.fields]
    old_rows = old.rows
    if old.primary_key != new.primary_key:
        if not set(new.primary_key) <= set(old.fields):
            raise DiffError(f"{new.name}: the primary key changed to {new.primary_key}, which the old table lacks")
        old_rows = {tuple(row[k] for k in new.primary_key): row for row in old.rows.values()}
    common = [f for f in new.fields if f in old.fields]
    diff.added = [_key(k) for k in new.rows if k not in old_rows]
    diff.removed = [_key(k) for k in old_rows if k not in new.rows]
    for key, row in new.rows.items():
        if key in old_rows:
            changes = {f: [old_rows[key][f], row[f]] for f in common if old_rows[key][f] != row[f]}
            if changes:
                diff.changed[_key(key)] = changes
    return diff


def diff_packages(old: str, new: str = ".", repo: Path = Path(".")) -> list[TableDiff]:
    """Compare two versions table by table (tables of the new version first, in its order)."""
    old_tables, new_tables = Version(old, repo).tables(), Version(new, repo).tables()
    names = list(new_tables) + [n for n in old_tables if n not in new_tables]
    return [compare_tables(old_tables.get(n), new_tables.get(n)) for n in names]


def as_json(diffs: list[TableDiff]) -> str:
    return json.dumps(
        [{"table": d.name, "summary": d.summary(), **{k: v for k, v in vars(d).items() if k != "name"}} for d in diffs],
        ensure_ascii=False,
        indent=2,
    )


def _short(value: str, limit: int = 80) -> str:
    value = value.replace("\n", " ")
    shown = value if len(value) <= limit else value[: limit - 1] + "…"
    return json.dumps(shown, ensure_ascii=False) if value else "(empty)"


def as_text(diffs: list[TableDiff]) -> str:
    """Every difference: a summary line per table, then its rows (+ added, - removed, ~ changed)."""
    lines = []
    for d in diffs:
        lines.append(d.summary())
        if d.status != "compared":
            continue
        lines += [f"  + {k}" for k in d.added] + [f"  - {k}" for k in d.removed]
        for key, changes in d.changed.items():
            lines.append(f"  ~ {key}: " + "; ".join(f"{f} {_short(a)} → {_short(b)}" for f, (a, b) in changes.items()))
    return "\n".join(lines)


def as_markdown(diffs: list[TableDiff], limit: int = 40) -> str:
    """The changelog's data section: a line per table and its changed rows (at most ``limit`` of each kind)."""

    def listed(items: list[str]) -> str:
        shown = ", ".join(f"`{k}`" for k in items[:limit])
        return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")

    lines = []
    for d in diffs:
        if d.empty:
            continue
        lines.append(f"- **{d.summary()}**")
        if d.status != "compared":
            continue
        if d.added:
            lines.append(f"  - added: {listed(d.added)}")
        if d.removed:
            lines.append(f"  - removed: {listed(d.removed)}")
        for key, changes in list(d.changed.items())[:limit]:
            text = "; ".join(f"`{f}` {_short(a)} → {_short(b)}" for f, (a, b) in changes.items())
            lines.append(f"  - `{key}`: {text}")
        if len(d.changed) > limit:
            lines.append(f"  - and {len(d.changed) - limit} more changed rows")
    unchanged = [d.name for d in diffs if d.empty]
    if unchanged:
        lines.append("- unchanged: " + ", ".join(unchanged))
    return "\n".join(lines)


# ---------------------------------------------------------------- CHANGELOG.md

BLOCK = re.compile(r"(<!-- socialtjanst diff (\S+) (\S+) -->\n)(.*?)(<!-- end of generated data section -->)", re.S)


def changelog(text: str, repo: Path) -> str:
    """CHANGELOG.md with every generated data section recomputed from the refs its marker names."""

    def section(match: re.Match) -> str:
        old, new = match.group(2), match.group(3)
        return match.group(1) + as_markdown(diff_packages(old, new, repo)) + "\n" + match.group(5)

    return BLOCK.sub(section, text)
