"""Read the package's tables into pandas with the types its descriptor declares."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd


def default_descriptor() -> Path:
    """The checkout's datapackage.json in a checkout or an editable install (two levels above this
    file); otherwise the copy of the data package that the wheel installs inside this package."""
    checkout = Path(__file__).resolve().parents[2] / "datapackage.json"
    if checkout.is_file():
        return checkout
    return Path(str(resources.files("socialtjanst").joinpath("datapackage", "datapackage.json")))


DEFAULT_DESCRIPTOR = default_descriptor()


def read_descriptor(descriptor: str | Path | None = None) -> tuple[dict, Path]:
    """The descriptor as a dict and the folder its paths are relative to."""
    path = Path(descriptor) if descriptor else DEFAULT_DESCRIPTOR
    if path.is_dir():
        path = path / "datapackage.json"
    with path.open(encoding="utf-8") as f:
        return json.load(f), path.parent


# dtype objects, not names: pandas looks a name up again for every column it parses.
DTYPES = {"integer": pd.Int64Dtype(), "number": np.dtype("float64"), "boolean": pd.BooleanDtype()}
TEXT = pd.StringDtype()


@cache
def _dtype(kind: str, enum: tuple | None):
    # Building a CategoricalDtype checks its categories; do it once per vocabulary.
    return pd.CategoricalDtype(list(enum)) if enum else DTYPES.get(kind, TEXT)


def pandas_dtypes(schema: dict) -> tuple[dict, list[str]]:
    """pandas dtypes for a Table Schema: enums become categoricals, integers nullable."""
    dtypes, dates = {}, []
    for field in schema["fields"]:
        kind, enum = field["type"], field.get("constraints", {}).get("enum")
        dtypes[field["name"]] = _dtype(kind, tuple(enum) if enum else None)
        if kind == "date":
            dates.append(field["name"])
    return dtypes, dates


def read_resource(resource: dict, root: Path) -> pd.DataFrame:
    dtypes, dates = pandas_dtypes(resource["schema"])
    for name in dates:
        del dtypes[name]
    # Only empty cells are missing: "NA" or "None" in a text stays text.
    return pd.read_csv(
        root / resource["path"],
        dtype=dtypes,
        keep_default_na=False,
        na_values=[""],
        parse_dates=dates or False,
        date_format="%Y-%m-%d",
        low_memory=False,
    )


def load_tables(package: dict, root: Path, names: list[str] | None = None) -> dict[str, pd.DataFrame]:
    """The resources of a descriptor dict (all, or those in ``names``) as DataFrames."""
    return {
        res["name"]: read_resource(res, root) for res in package["resources"] if names is None or res["name"] in names
    }


def load(descriptor: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Every resource of the package as a DataFrame, keyed by resource name.

    ``descriptor`` is a ``datapackage.json`` (or its folder); by default the one of
    this checkout. Types come from the descriptor: controlled vocabularies are
    categoricals, integers are nullable ``Int64``, numbers ``float64``.

    >>> tables = load()
    >>> tables["observations"]["value_basis"].dtype
    CategoricalDtype(categories=['stated', 'approximate', 'derived'], ordered=False, categories_dtype=str)
    """
    package, root = read_descriptor(descriptor)
    return load_tables(package, root)
