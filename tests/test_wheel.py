"""The wheel carries the data package: installed outside the checkout, load() and validate work."""

import csv
import json
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT, UV


def test_the_wheel_works_outside_the_checkout(tmp_path):
    if not shutil.which(UV):
        pytest.skip("uv is not installed (`make` installs it): the wheel was not built and installed")
    wheels, venv, elsewhere = tmp_path / "wheels", tmp_path / "venv", tmp_path / "elsewhere"
    elsewhere.mkdir()
    subprocess.run([UV, "build", "-q", "--wheel", "-o", str(wheels), str(ROOT)], check=True, capture_output=True)
    (wheel,) = wheels.glob("*.whl")
    subprocess.run([UV, "venv", "-q", "--python", sys.executable, str(venv)], check=True, capture_output=True)
    python = venv / "bin" / "python"
    subprocess.run([UV, "pip", "install", "-q", "--python", str(python), str(wheel)], check=True, capture_output=True)
    script = (
        "import json, socialtjanst; t = socialtjanst.load(); "
        "print(json.dumps({'module': socialtjanst.__file__, 'rows': {k: len(v) for k, v in t.items()}}))"
    )
    out = json.loads(
        subprocess.run([python, "-c", script], cwd=elsewhere, check=True, capture_output=True, text=True).stdout
    )
    assert not out["module"].startswith(str(ROOT)), "the test imported the checkout, not the wheel"
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    expected = {}
    for res in descriptor["resources"]:
        with (ROOT / res["path"]).open(encoding="utf-8") as f:
            expected[res["name"]] = sum(1 for _ in csv.DictReader(f))
    assert out["rows"] == expected
    validate = subprocess.run(
        [venv / "bin" / "socialtjanst", "validate"], cwd=elsewhere, capture_output=True, text=True
    )
    assert validate.returncode == 0, validate.stdout + validate.stderr
    assert "valid:" in validate.stderr and "site-packages" in validate.stderr  # the verdict goes to stderr
