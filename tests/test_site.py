"""The rendered site opens in a real browser with no network: every page loads, every chart shows."""

import shutil

import nbformat
import pytest

from socialtjanst.render import build_site

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCREENSHOTS = ROOT / "build" / "screenshots"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(ROOT, tmp_path_factory.mktemp("site")).parent


def _chart_outputs(notebook) -> int:
    nb = nbformat.read(notebook, as_version=4)
    return sum(
        1
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if "image/svg+xml" in out.get("data", {})
    )


def test_site_has_a_table_of_contents(site):
    index = (site / "index.html").read_text(encoding="utf-8")
    for notebook in sorted((ROOT / "notebooks").rglob("*.ipynb")):
        href = notebook.relative_to(ROOT / "notebooks").with_suffix(".html").as_posix()
        assert f'href="{href}"' in index
        assert (site / href).exists()


@pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (`make test` installs it): the browser test did not run"
)
def test_every_page_loads_offline_with_every_chart_visible(site):
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    flags = [
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=flags)
        for page_file in sorted(site.rglob("*.html")):
            page = browser.new_page()
            requests = []
            page.on("request", lambda r, seen=requests: seen.append(r.url))
            page.goto(page_file.as_uri())
            page.wait_for_load_state("load")
            external = [u for u in requests if not u.startswith(("file:", "data:"))]
            assert external == [], f"{page_file.name} requested {external}"
            sizes = page.eval_on_selector_all(
                "img", "els => els.map(e => [e.naturalWidth, e.getBoundingClientRect().height])"
            )
            assert all(w > 0 and h > 0 for w, h in sizes), f"{page_file.name}: a chart does not show"
            notebook = (ROOT / "notebooks" / page_file.relative_to(site)).with_suffix(".ipynb")
            if notebook.exists():
                assert len(sizes) == _chart_outputs(notebook), f"{page_file.name}: charts missing from the page"
            page.screenshot(
                path=str(
                    SCREENSHOTS / f"{page_file.relative_to(site).with_suffix('').as_posix().replace('/', '-')}.png"
                )
            )
            page.close()
        browser.close()
