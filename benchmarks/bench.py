"""Benchmark (run by `make bench`, not by the tests): ratios measured in one run.

- socialtjanst.load() against plain pandas.read_csv of the same files (target ≤ 1.5×);
- `socialtjanst validate` against `frictionless validate datapackage.json` (target ≤ 1×);
- the time of `socialtjanst build`;
- `socialtjanst validate` (and `--json`) against `frictionless validate` on a copy of the
  package with 30 times the observations (target ≤ 1×: validation stays linear);
- set-up on a fresh clone: `make`, then `make` with nothing changed, then `make test`
  (targets ≤ 60 s, ≤ 5 s and ≤ 90 s on the project's 2-core machine).

Writes docs/benchmarks.md with the machine it ran on.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from socialtjanst import load
from socialtjanst.build import build, descriptor_text

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def best_of(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def plain_read() -> None:
    for path in sorted((ROOT / "data").glob("*.csv")):
        pd.read_csv(path)


def run(*args: str) -> None:
    subprocess.run(args, cwd=ROOT, check=False, capture_output=True)


DURATION = re.compile(r"^([\d.]+)s (?:call|setup|teardown)\s+([^:@\s]+)", re.M)


def test_seconds_by_file(output: str) -> list[tuple[str, float]]:
    """Seconds spent in each test file (summed over the workers), from pytest's ``--durations=0``."""
    seconds: dict[str, float] = {}
    for value, path in DURATION.findall(output):
        if path.endswith(".ipynb"):
            path = "notebooks/ (nbval, every notebook)"
        elif path.startswith("src/"):
            path = "src/ (doctests)"
        seconds[path] = seconds.get(path, 0.0) + float(value)
    return sorted(seconds.items(), key=lambda item: -item[1])


def setup_times() -> tuple[list[tuple[str, float, float]], list[tuple[str, float]]]:
    """Wall-clock seconds of the README's commands on a fresh clone of the committed HEAD, and
    where `make test`'s time goes."""
    results, by_file = [], []
    with tempfile.TemporaryDirectory() as tmp:
        clone = Path(tmp) / "socialtjanst-enkater"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        sources = ROOT.parent / "shared"
        if sources.is_dir():  # the clone sees the source texts where a checkout does
            (Path(tmp) / "shared").symlink_to(sources)
        for what, command, target in (
            ("fresh-clone `make`", ["make"], 60),
            ("`make` with nothing changed", ["make"], 5),
            ("`make test` after `make`", ["make", "test"], 90),
        ):
            env = {**os.environ, "PYTEST_ADDOPTS": "--durations=0"}
            start = time.perf_counter()
            done = subprocess.run(command, cwd=clone, check=True, capture_output=True, text=True, env=env)
            results.append((what, time.perf_counter() - start, target))
            if command == ["make", "test"]:
                by_file = test_seconds_by_file(done.stdout)
            print(f"{' '.join(command)}:\n{done.stdout}")
            if what.startswith("fresh-clone"):  # a build must leave the committed files as they are
                changed = subprocess.run(["git", "status", "--porcelain"], cwd=clone, capture_output=True, text=True)
                assert not changed.stdout, f"`make` changed committed files:\n{changed.stdout}"
    return results, by_file


def scaled_package(folder: Path, factor: int) -> int:
    """A copy of the package with ``factor`` times the observations; returns their number.

    The copies get new ids and no figure or question, so that the package stays valid
    (figure counts and shares of a question are not multiplied)."""
    shutil.copytree(ROOT / "data", folder / "data")
    obs = pd.read_csv(ROOT / "data" / "observations.csv", dtype=str, keep_default_na=False)
    copies = [obs]
    for k in range(1, factor):
        copy = obs.copy()
        copy["obs_id"] = copy["obs_id"].str.replace("-", f"X{k}-", n=1)
        copy[["figure_id", "question_id"]] = ""
        copies.append(copy)
    scaled = pd.concat(copies)
    scaled.to_csv(folder / "data" / "observations.csv", index=False, lineterminator="\n")
    (folder / "datapackage.json").write_text(descriptor_text(folder), encoding="utf-8")
    return len(scaled)


def scaled_rows(factor: int = 30) -> list[tuple]:
    """`socialtjanst validate` (plain and `--json`) and `frictionless validate` on the scaled copy."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        n = scaled_package(folder, factor)
        ours = str(BIN / "socialtjanst")

        def timed(*args: str) -> float:
            return best_of(lambda: subprocess.run(args, cwd=folder, check=False, capture_output=True), 3)

        theirs_s = timed(str(BIN / "frictionless"), "validate", "datapackage.json")
        against = f"`frictionless validate`, {n} observations"
        return [
            (f"`socialtjanst validate`, {factor}× observations", timed(ours, "validate"), against, theirs_s, 1.0),
            (
                f"`socialtjanst validate --json`, {factor}× observations",
                timed(ours, "validate", "--json"),
                against,
                theirs_s,
                1.0,
            ),
        ]


def main() -> None:
    load_s = best_of(lambda: load(ROOT), 20)
    read_s = best_of(plain_read, 20)
    ours_s = best_of(lambda: run(str(BIN / "socialtjanst"), "validate"), 5)
    theirs_s = best_of(lambda: run(str(BIN / "frictionless"), "validate", "datapackage.json"), 5)
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(ROOT / "data", Path(tmp) / "data")
        build_s = best_of(lambda: build(Path(tmp)), 5)
    rows = [
        ("`socialtjanst.load()`", load_s, "`pandas.read_csv` of the same files", read_s, 1.5),
        ("`socialtjanst validate`", ours_s, "`frictionless validate datapackage.json`", theirs_s, 1.0),
        *scaled_rows(),
    ]
    lines = [
        "# Benchmarks",
        "",
        "Generated by `make bench` (`benchmarks/bench.py`); best of several runs, measured in one run.",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, pandas {pd.__version__}.",
        "",
        "| what | seconds | against | seconds | ratio | target |",
        "|---|---:|---|---:|---:|---:|",
    ]
    for name, ours, other, theirs, target in rows:
        lines.append(f"| {name} | {ours:.3f} | {other} | {theirs:.3f} | {ours / theirs:.2f}× | ≤ {target}× |")
    lines += ["", f"`socialtjanst build` (series, descriptor, data dictionary): {build_s:.2f} s.", ""]
    lines += [
        "Set-up, measured once on a fresh clone of the committed HEAD (uv's package cache warm). This",
        "machine is a shared virtual one: the same `make test` on the same commit varies by about a",
        "fifth between runs, so compare runs of one session, or the per-file table below.",
        "",
    ]
    lines += ["| command | seconds | target |", "|---|---:|---:|"]
    setup, by_file = setup_times()
    lines += [f"| {what} | {seconds:.0f} | ≤ {target} |" for what, seconds, target in setup]
    total = sum(seconds for _, seconds in by_file)
    lines += [
        "",
        f"Where `make test`'s time goes: seconds in each test file, summed over the {os.cpu_count()} workers "
        f"({total:.0f} s in all; files under 2 s left out):",
        "",
        "| tests | seconds |",
        "|---|---:|",
    ]
    lines += [f"| `{path}` | {seconds:.0f} |" for path, seconds in by_file if seconds >= 2]
    lines.append("")
    text = "\n".join(lines)
    (ROOT / "docs" / "benchmarks.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
