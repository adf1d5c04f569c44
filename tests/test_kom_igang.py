"""The "Kom igång" page, followed literally on Linux, ends in JupyterLab with the student's arbetsbok."""

import ast
import json
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from socialtjanst.render import notebook_scripts

from .conftest import ROOT, UV

PAGE = ROOT / "docs" / "kom-igang.md"
COMMAND = "uv run --no-dev socialtjanst arbetsbok"
URL = re.compile(r"(http://127\.0\.0\.1:\d+/)lab\?token=(\w+)")


def _shell_lines(text: str) -> list[str]:
    return [line.strip() for block in re.findall(r"```sh\n(.*?)```", text, re.S) for line in block.splitlines()]


def test_the_page_gives_one_command_for_every_system():
    text = PAGE.read_text(encoding="utf-8")
    assert COMMAND in _shell_lines(text)
    assert "irm https://astral.sh/uv/install.ps1 | iex" in text  # Windows, from uv's documentation
    assert "curl -LsSf https://astral.sh/uv/install.sh | sh" in text  # macOS and Linux


def test_following_the_page_on_linux_opens_jupyterlab_on_the_arbetsbok(tmp_path):
    if not shutil.which(UV):
        pytest.skip("uv is not installed here (make installs it): the Kom igång command cannot be followed")
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True)
    if tracked.returncode != 0:
        pytest.skip("not a git checkout: cannot tell which files a student downloads")
    project = tmp_path / "socialtjanst-enkater"  # what a student unpacks: the committed files only
    for name in filter(None, tracked.stdout.split("\0")):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, project / name)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT")}
    env["BROWSER"] = "true"  # no browser to open here
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # CI runs as root, which Jupyter refuses by default
        (tmp_path / "jupyter").mkdir()
        (tmp_path / "jupyter" / "jupyter_server_config.py").write_text("c.ServerApp.allow_root = True\n")
        env["JUPYTER_CONFIG_DIR"] = str(tmp_path / "jupyter")
    proc = subprocess.Popen(
        COMMAND.replace("uv", UV, 1).split(),
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        output, deadline = [], time.monotonic() + 300
        while time.monotonic() < deadline and (line := proc.stdout.readline()):
            output.append(line)
            if match := URL.search(line):
                break
        else:
            pytest.fail("JupyterLab did not start:\n" + "".join(output[-30:]))
        base, token = match.groups()
        local = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy
        for _ in range(60):  # the server prints its address just before it listens
            try:
                with local.open(f"{base}api/contents?token={token}", timeout=30) as response:
                    listing = {item["name"] for item in json.load(response)["content"]}
                break
            except urllib.error.URLError as exc:
                if not isinstance(exc.reason, ConnectionRefusedError):
                    raise
                time.sleep(0.5)
        else:
            pytest.fail(f"JupyterLab printed {base} but does not answer there")
        expected = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}
        assert listing == expected, "JupyterLab shows the arbetsbok, each notebook once, and nothing else"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    # The student's environment (no dev group) has everything the notebooks import.
    check = subprocess.run(
        [UV, "run", "--no-dev", "python", "-c", "\n".join(sorted(_notebook_imports()))],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, f"the notebooks import what `--no-dev` leaves out: {check.stderr[-800:]}"


def _notebook_imports() -> set[str]:
    """Every import statement of the notebooks and the solutions, as written."""
    statements = set()
    for script in notebook_scripts(ROOT):
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                statements.add(ast.unparse(node))
    return statements
