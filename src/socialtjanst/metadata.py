"""Turn ``metadata.toml`` (the one place schemas are written) into a Data Package descriptor."""

from __future__ import annotations

import copy
import csv
import hashlib
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
# Every CSV is written this way (Python's csv module with lineterminator="\n"). Declared on each
# resource so that readers that guess a dialect (frictionless-ts, datapackage-py) do not guess wrong.
DIALECT = {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True, "lineTerminator": "\n"}


def read_metadata() -> dict:
    """The parsed ``metadata.toml`` shipped with the package (a copy of its own for each caller)."""
    return copy.deepcopy(_parse_toml(resources.files("socialtjanst").joinpath("metadata.toml").read_text("utf-8")))


@cache
def _parse_toml(text: str) -> dict:
    return tomllib.loads(text)  # about 50 ms: an export asks for the metadata some 60 times


def rights(lang: str = "en") -> str:
    """What may be done with the package: CC BY 4.0 for numbers and structure, the quotation right for quotes.

    >>> "citaträtten" in rights("sv") and "CC BY 4.0" in rights("en")
    True
    """
    package = read_metadata()["package"]
    return package["rights_sv" if lang == "sv" else "rights"]


@cache
def _fields() -> dict:
    return read_metadata()["fields"]


def flags_pattern(flags: dict) -> str:
    """A pattern accepting `;`-separated flags from a fixed vocabulary (or nothing)."""
    alternatives = "|".join(sorted(flags))
    return f"^({alternatives})(;({alternatives}))*$"


def vocabulary(field: str, lang: str = "sv") -> dict[str, str]:
    """Labels of a controlled vocabulary's codes (or of a flags field's flags) in ``lang`` ("sv" or "en"),
    in the vocabulary's order.

    >>> vocabulary("value_basis")["derived"]
    'härledd'
    >>> vocabulary("comparability", "en")["bound"]
    'only a bound is known (över, under, mer än en fördubbling)'
    """
    meta = _fields()[field]
    return {code: label[lang] for code, label in (meta.get("labels") or meta["flags"]).items()}


def field_descriptor(name: str, meta: dict, resource: dict) -> dict:
    """A Table Schema field: the shared definition plus this resource's overrides."""
    field = {"name": name, **copy.deepcopy(meta["fields"][name])}
    field.update(copy.deepcopy(resource.get("overrides", {}).get(name, {})))
    labels = field.pop("labels", None)
    if labels:
        field.setdefault("constraints", {})["enum"] = list(labels)
    flags = field.pop("flags", None)
    if flags:
        field.setdefault("constraints", {})["pattern"] = flags_pattern(flags)
        field["description"] += " Flags: " + "; ".join(f"`{k}`: {v['en']}" for k, v in flags.items()) + "."
    if name in resource.get("required", []):
        field.setdefault("constraints", {})["required"] = True
    return field


def resource_descriptor(name: str, meta: dict, root: Path) -> dict:
    res = meta["resources"][name]
    path = f"data/{name}.csv"
    schema: dict = {"fields": [field_descriptor(f, meta, res) for f in res["fields"]]}
    schema["primaryKey"] = res["primary_key"]
    if "foreign_keys" in res:
        schema["foreignKeys"] = [{"fields": fk["fields"], "reference": fk["reference"]} for fk in res["foreign_keys"]]
    schema["missingValues"] = [""]
    descriptor = {
        "name": name,
        "type": "table",
        # The v1 name of "type": "table"; v2 allows both, and R's frictionless reads only resources that have it.
        "profile": "tabular-data-resource",
        "path": path,
        "format": "csv",
        "encoding": "utf-8",
        "dialect": dict(DIALECT),
        "title": res["title"],
        "title_sv": res["title_sv"],
        "description": res["description"],
        "schema": schema,
    }
    data = root / path
    if data.is_file():
        content = data.read_bytes()
        descriptor["bytes"] = len(content)
        descriptor["hash"] = "sha256:" + hashlib.sha256(content).hexdigest()
    return descriptor


def source_rows(root: Path) -> list[dict]:
    """The rows of ``data/sources.csv`` as text (empty cells are empty strings)."""
    with (root / "data" / "sources.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def package_sources(root: Path) -> list[dict]:
    """The source documents of ``data/sources.csv`` as Data Package ``sources`` (title, URL, date)."""
    sources = []
    for row in source_rows(root):
        source = {"id": row["source_id"], "title": f"{row['publisher']}: {row['title']}"}
        if row["url"]:
            source["path"] = row["url"]
        if row["published_date"] or row["year"]:
            source["date"] = row["published_date"] or row["year"]
        sources.append(source)
    return sources


def build_descriptor(root: Path) -> dict:
    """The full descriptor for the package rooted at ``root`` (sizes and hashes from disk)."""
    meta = read_metadata()
    package = {"$schema": PROFILE, **copy.deepcopy(meta["package"])}
    package["keywords"] = list(dict.fromkeys(meta["keywords"]["sv"] + meta["keywords"]["en"]))
    package["sources"] = package_sources(root)
    package["resources"] = [resource_descriptor(name, meta, root) for name in meta["resources"]]
    return package
