"""Other readers open the package: the official Data Package v2 JSON Schema and R's frictionless."""

import json
import os
import shutil
import subprocess

import jsonschema
import pytest

from socialtjanst import load
from socialtjanst.validate import standard_schema

from .conftest import ROOT, readme_example

DESCRIPTOR = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
# The official Data Package 2.0 profile with its parts resolved into one file (see src/socialtjanst/schemas/README.md).
PROFILE = standard_schema()
# `make sysdeps` (run by `make test`) installs R's frictionless here when R has no copy of it.
R_LIBRARY = ROOT / ".R-library"


def test_descriptor_is_valid_against_the_official_v2_schema():
    errors = [f"{list(e.path)}: {e.message}" for e in jsonschema.Draft7Validator(PROFILE).iter_errors(DESCRIPTOR)]
    assert errors == []


def test_the_schema_check_can_fail():
    broken = json.loads(json.dumps(DESCRIPTOR))
    broken["resources"][0]["dialect"]["header"] = "yes"
    assert not jsonschema.Draft7Validator(PROFILE).is_valid(broken)


@pytest.mark.parametrize("resource", DESCRIPTOR["resources"], ids=lambda r: r["name"])
def test_every_resource_is_readable_by_v1_readers(resource):
    assert resource["profile"] == "tabular-data-resource" and resource["type"] == "table"
    dialect = resource["dialect"]
    assert (dialect["delimiter"], dialect["quoteChar"], dialect["lineTerminator"]) == (",", '"', "\n")
    first_line = (ROOT / resource["path"]).read_bytes().split(b"\n", 1)[0]
    assert first_line.decode("utf-8").split(",") == [f["name"] for f in resource["schema"]["fields"]]


@pytest.fixture(scope="module")
def r() -> tuple[str, dict]:
    """Rscript and an environment in which R finds frictionless (asked of R once); skips loudly without them."""
    rscript = shutil.which("Rscript")
    if rscript is None:
        pytest.skip(
            "R is not installed (`make test` installs it with apt-get): the R interoperability test did not run"
        )
    env = dict(os.environ, R_LIBS=os.pathsep.join(filter(None, [str(R_LIBRARY), os.environ.get("R_LIBS")])))
    check = subprocess.run([rscript, "-e", "library(frictionless)"], env=env, capture_output=True, text=True)
    if check.returncode != 0:
        pytest.skip(
            "R's frictionless package is not installed (`make sysdeps` installs it, as root, from ../shared/vendor or CRAN): "
            f"the R interoperability test did not run ({check.stderr.strip().splitlines()[-1]})"
        )
    return rscript, env


def _read_with_r(r) -> dict:
    rscript, env = r
    script = ROOT / "tests" / "r" / "read_package.R"
    out = subprocess.run(
        [rscript, str(script), str(ROOT / "datapackage.json")], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


R_CLASSES = {"string": "character", "integer": "numeric", "number": "numeric", "boolean": "logical", "date": "Date"}


def test_r_frictionless_reads_every_resource_with_its_types(r):
    tables = load()
    read = _read_with_r(r)
    assert sorted(read) == sorted(tables)
    for resource in DESCRIPTOR["resources"]:
        name, r = resource["name"], read[resource["name"]]
        assert r["rows"] == len(tables[name]), name
        assert r["problems"] == 0, f"{name}: readr reported problems"
        for field in resource["schema"]["fields"]:
            enum = field.get("constraints", {}).get("enum")
            expected = "factor" if enum else R_CLASSES[field["type"]]
            assert r["classes"][field["name"]] == expected, f"{name}.{field['name']}"
            if enum:
                assert r["levels"][field["name"]] == enum, f"{name}.{field['name']}"


def test_the_readme_r_example_runs(r):
    rscript, env = r
    code = readme_example("r") + "cat(nrow(observations), nlevels(observations$indicator))\n"
    out = subprocess.run([rscript, "-e", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    observations = load()["observations"]
    assert out.stdout.split() == [str(len(observations)), str(len(observations["indicator"].cat.categories))]
