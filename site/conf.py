"""Sphinx configuration of the teaching site (`make site`, `make site-larare`, `make pdf`).

The source folder is assembled by `socialtjanst.site.stage` in build/; this folder holds the
configuration, the hand-written pages (*.md) and the site's own CSS and JavaScript. Nothing is
loaded from the network: the theme vendors its fonts and icons, and the Vega JavaScript is
served from the staged `_vega/` folder on the pages that have charts.
"""

import gettext
from pathlib import Path

from socialtjanst.catalog import json_ld

project = "Socialtjänstens bemanning i enkäter"
author = "socialtjanst-enkater"
language = "sv"
extensions = ["myst_nb"]
nb_execution_mode = "off"  # the notebooks are executed by `make notebooks` and committed with outputs
nb_merge_streams = True
exclude_patterns = ["_docs", "_genererat", "_vega", "**/.ipynb_checkpoints"]
suppress_warnings = ["myst.header"]  # notebooks may skip a heading level

html_theme = "sphinx_book_theme"
html_title = project + (" – lärarversion" if tags.has("larare") else "")  # noqa: F821 (set by Sphinx)
html_static_path = ["_static"]
html_css_files = ["socialtjanst.css"]
html_js_files = ["socialtjanst.js"]
html_copy_source = False
html_show_sourcelink = False
html_use_index = False
html_domain_indices = False
html_last_updated_fmt = None
html_theme_options = {
    "home_page_in_toc": True,
    "show_navbar_depth": 2,
    "show_toc_level": 2,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "search_bar_text": "Sök på webbplatsen …",
}


# The themes' strings that their Swedish catalogues lack (checked on the built pages).
SWEDISH = {
    "Skip to main content": "Hoppa till sidans innehåll",
    "Back to top": "Till början av sidan",
    "Color mode": "Färgläge",
    "Dark": "Mörkt",
    "Light": "Ljust",
    "System Settings": "Som datorns inställning",
    "On this page": "På den här sidan",
    "Toggle primary sidebar": "Visa eller dölj innehållsförteckningen",
    "Toggle secondary sidebar": "Visa eller dölj sidans rubriker",
    "next page": "nästa sida",
    "previous page": "föregående sida",
    "Site navigation": "Webbplatsens innehåll",
    "Version warning": "Versionsvarning",
    "Main": "Innehållsförteckning",
    "Page": "Sidans rubriker",
}
# Attributes the themes' templates write in English without asking a catalogue (screen readers
# read the labels, the titles show on hover): translated by SWEDISH in the built pages.
HARD_CODED = [
    ("title", "Toggle primary sidebar"),
    ("title", "Toggle secondary sidebar"),
    ("aria-label", "Main"),
    ("aria-label", "Page"),
]


class _Swedish(gettext.NullTranslations):
    def gettext(self, message):
        return SWEDISH.get(message, message)


def _swedish_theme_strings(app):
    app.translator.add_fallback(_Swedish())


def _swedish_attributes(app, exception):
    if exception is None and app.builder.format == "html":
        for page in Path(app.outdir).rglob("*.html"):
            text = page.read_bytes().decode("utf-8")
            swedish = text
            for attribute, english in HARD_CODED:
                swedish = swedish.replace(f'{attribute}="{english}"', f'{attribute}="{SWEDISH[english]}"')
            if swedish != text:
                page.write_bytes(swedish.encode("utf-8"))


def _page_extras(app, pagename, templatename, context, doctree):
    body = context.get("body", "")
    if 'class="vega-spec"' in body:  # only pages with interactive charts load Vega (about 0.9 MB)
        app.add_js_file(Path(app.config.vega_js).name)
    if pagename == app.config.root_doc:  # the start page describes the dataset for search engines (schema.org)
        context["metatags"] = context.get("metatags", "") + "\n" + json_ld()


def _vega_static(app, config):
    vega = sorted(Path(app.srcdir, "_vega").glob("vega-*.js"))
    config.vega_js = str(vega[-1])
    config.html_static_path.append(str(Path(app.srcdir, "_vega")))


def setup(app):
    app.add_config_value("vega_js", "", "html")
    app.connect("config-inited", _vega_static)
    app.connect("builder-inited", _swedish_theme_strings)
    app.connect("html-page-context", _page_extras)
    app.connect("build-finished", _swedish_attributes)
