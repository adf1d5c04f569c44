"""The metadata is tested like code: every definition valid, used, and in sync with the files."""

import hashlib
import json
from pathlib import Path

import pytest

from socialtjanst.build import build
from socialtjanst.metadata import read_metadata, vocabulary

from .conftest import ROOT

META = read_metadata()
DESCRIPTOR = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(META["fields"]))
def test_every_field_is_described_typed_and_used(name):
    field = META["fields"][name]
    assert field["type"] in {"string", "integer", "number", "boolean", "date"}
    assert len(field["description"]) > 20, f"{name}: describe the field"
    assert len(field["description_sv"]) > 10, f"{name}: describe the field in Swedish too"
    # Titles become SPSS and Stata variable labels (Stata allows 80 characters).
    assert 0 < len(field["title"]) <= 80 and 0 < len(field["title_sv"]) <= 80, f"{name}: give it a short title"
    if "unit" in field:
        assert field["type"] in {"integer", "number"} and field["unit"] in META["fields"]["unit"]["labels"]
    assert any(name in res["fields"] for res in META["resources"].values()), f"{name} is defined but not used"


@pytest.mark.parametrize("name", sorted(META["fields"]))
def test_every_vocabulary_has_swedish_and_english_labels(name):
    field = META["fields"][name]
    assert "enum" not in field.get("constraints", {}), f"{name}: write the vocabulary as a labels table"
    codes = field.get("labels") or field.get("flags")
    if codes is None:
        return
    for code, label in codes.items():
        assert set(label) == {"sv", "en"} and label["sv"].strip() and label["en"].strip(), f"{name}.{code}"
    for lang in ("sv", "en"):
        assert list(vocabulary(name, lang)) == list(codes)
        assert len(set(vocabulary(name, lang).values())) == len(codes), f"{name}: two codes share a {lang} label"


@pytest.mark.parametrize("name", sorted(META["resources"]))
def test_every_resource_is_complete(name):
    res = META["resources"][name]
    assert res["title"] and res["title_sv"] and res["description"]
    assert set(res["fields"]) <= set(META["fields"]), "a listed field has no definition"
    assert set(res["primary_key"]) <= set(res["fields"])
    assert set(res.get("required", [])) <= set(res["fields"])
    for fk in res.get("foreign_keys", []):
        target = META["resources"][fk["reference"]["resource"]]
        assert fk["reference"]["fields"] == target["primary_key"]


@pytest.mark.parametrize("resource", DESCRIPTOR["resources"], ids=lambda r: r["name"])
def test_descriptor_matches_the_files_on_disk(resource):
    content = (ROOT / resource["path"]).read_bytes()
    assert resource["bytes"] == len(content)
    assert resource["hash"] == "sha256:" + hashlib.sha256(content).hexdigest()
    assert b"\r" not in content, "CSV files use LF line endings"
    header = content.split(b"\n", 1)[0].decode("utf-8").split(",")
    assert header == [f["name"] for f in resource["schema"]["fields"]]


def test_committed_files_equal_a_fresh_build():
    assert build(ROOT, check=True) == [], "run `socialtjanst build` and commit the result"


def test_build_is_deterministic(tmp_path):
    """A build in a copy, in this process, writes the very bytes committed (built by another
    process, often on another machine); the copy holds the built files already, so this is also
    a build over its own output."""
    import shutil

    for folder in ("data", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    build(tmp_path)
    built = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert Path("datapackage.json") in built and Path("docs/data-dictionary.md") in built
    assert {rel: data for rel, data in built.items() if data != (ROOT / rel).read_bytes()} == {}
