"""Citation and catalogue metadata, generated from ``datapackage.json`` and ``data/sources.csv``.

One set of facts (title, version, licence, creators, keywords, sources), written in
``metadata.toml`` and ``data/``, becomes each format a reader or a portal asks for:

- ``CITATION.cff`` (Citation File Format 1.2.0) and ``.zenodo.json`` (Zenodo deposit metadata),
  written by ``socialtjanst build``;
- a schema.org ``Dataset`` (JSON-LD) for the site's start page: :func:`schema_org`;
- a DCAT-AP-SE 3.0.1 catalogue ``dist/catalog.rdf`` (what Sweden's dataportal.se harvests),
  written by ``socialtjanst dist`` with one distribution per file in ``dist/``.

Every output is deterministic: the same inputs give the same bytes.
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .metadata import PROFILE, read_metadata, source_rows

LICENSE_URI = "http://creativecommons.org/licenses/by/4.0/"
SCHEMA_ORG_LICENSE = "https://creativecommons.org/licenses/by/4.0/"

# Crosswalks from the package's document_type vocabulary to each format's own.
CFF_TYPE = {
    "report": "report",
    "report_supplement": "report",
    "slides": "slides",
    "motion": "government-document",
    "press_release": "generic",
    "news_article": "newspaper-article",
    "web_page": "website",
}
ZENODO_TYPE = {
    "report": "publication-report",
    "report_supplement": "publication-report",
    "slides": "presentation",
    "motion": "publication-other",
    "press_release": "publication-other",
    "news_article": "publication-other",
    "web_page": "other",
}
# File name ending: (IANA media type or None when none is registered, Swedish title, English title).
FORMATS = {
    ".zip": ("application/zip", "Zip-arkiv", "Zip archive"),
    ".csv": ("text/csv", "CSV-fil", "CSV file"),
    ".json": ("application/json", "JSON-fil", "JSON file"),
    ".xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Excel-arbetsbok med alla tabeller",
        "Excel workbook with every table",
    ),
    ".parquet": ("application/vnd.apache.parquet", "Parquet-fil", "Parquet file"),
    ".sqlite": ("application/vnd.sqlite3", "SQLite-databas med alla tabeller", "SQLite database with every table"),
    ".sav": (
        None,
        "SPSS-fil (.sav) med variabel- och värdeetiketter",
        "SPSS data file (.sav) with variable and value labels",
    ),
    ".dta": (
        None,
        "Stata-fil (.dta) med variabel- och värdeetiketter",
        "Stata data file (.dta) with variable and value labels",
    ),
}
IANA = "https://www.iana.org/assignments/media-types/"
EU_LANGUAGE = {
    "sv": "http://publications.europa.eu/resource/authority/language/SWE",
    "en": "http://publications.europa.eu/resource/authority/language/ENG",
}


def _creators(descriptor: dict) -> list[str]:
    return [c["title"] for c in descriptor["contributors"] if "creator" in c["roles"]]


def _publisher(descriptor: dict) -> str:
    return next(c["title"] for c in descriptor["contributors"] if "publisher" in c["roles"])


def release_date(descriptor: dict) -> str:
    """The release date (the date part of the descriptor's ``created``)."""
    return descriptor["created"][:10]


def data_zip_name(descriptor: dict) -> str:
    """File name of the data package zip in dist/."""
    return f"{descriptor['name']}-{descriptor['version']}.zip"


def citation_sv(descriptor: dict, emphasis: str = "") -> str:
    """This version cited in Swedish, in APA 7 (a style many Swedish universities ask for), for the
    site and the Excel file; ``emphasis`` wraps the title (``*`` in Markdown).

    >>> citation_sv({"contributors": [{"title": "A", "roles": ["creator"]}], "created": "2026-12-03T00:00:00Z",
    ...              "title_sv": "Titel", "version": "1.0.0"}, "*")
    'A. (2026). *Titel* (Version 1.0.0) [Dataset].'
    """
    authors = "; ".join(_creators(descriptor))
    year = release_date(descriptor)[:4]
    return f"{authors}. ({year}). {emphasis}{descriptor['title_sv']}{emphasis} (Version {descriptor['version']}) [Dataset]."


# ---------------------------------------------------------------- CITATION.cff


def _yaml(value, indent: int = 0) -> list[str]:
    """A small YAML writer for CITATION.cff: strings are JSON-quoted (valid YAML), keys kept in order."""
    pad = " " * indent
    lines = []
    for key, item in value.items():
        if isinstance(item, dict):
            lines += [f"{pad}{key}:", *_yaml(item, indent + 2)]
        elif isinstance(item, list):
            lines.append(f"{pad}{key}:")
            for element in item:
                if isinstance(element, dict):
                    first, *rest = _yaml(element, indent + 4)
                    lines += [f"{pad}  - {first.lstrip()}", *rest]
                else:
                    lines.append(f"{pad}  - {json.dumps(element, ensure_ascii=False)}")
        else:
            lines.append(f"{pad}{key}: {json.dumps(item, ensure_ascii=False)}")
    return lines


def citation(descriptor: dict, root: Path) -> dict:
    """CITATION.cff as a dict: the package and, as references, every source document."""
    references = []
    for row in source_rows(root):
        ref = {"type": CFF_TYPE[row["document_type"]], "title": row["title"], "authors": [{"name": row["publisher"]}]}
        if row["year"]:
            ref["year"] = int(row["year"])
        if row["published_date"]:
            ref["date-published"] = row["published_date"]
        if row["url"]:
            ref["url"] = row["url"]
        ref["languages"] = [row["language"]]
        references.append(ref)
    return {
        "cff-version": "1.2.0",
        "message": read_metadata()["catalog"]["citation_message"],
        "type": "dataset",
        "title": descriptor["title"],
        "abstract": descriptor["description"],
        "authors": [{"name": name} for name in _creators(descriptor)],
        "version": descriptor["version"],
        "date-released": release_date(descriptor),
        "license": descriptor["licenses"][0]["name"],
        "keywords": descriptor["keywords"],
        "references": references,
    }


def citation_cff(descriptor: dict, root: Path) -> str:
    """The text of CITATION.cff."""
    header = "# Generated by `socialtjanst build` from src/socialtjanst/metadata.toml and data/sources.csv.\n"
    return header + "\n".join(_yaml(citation(descriptor, root))) + "\n"


# ---------------------------------------------------------------- .zenodo.json


def zenodo(descriptor: dict, root: Path) -> dict:
    """Zenodo deposit metadata; sources with a URL become related identifiers (isDerivedFrom)."""
    related, seen, without_url = [], set(), []
    for row in source_rows(root):
        if not row["url"]:
            without_url.append(f"{row['publisher']}: {row['title']}")
        elif row["url"] not in seen:
            seen.add(row["url"])
            related.append(
                {
                    "identifier": row["url"],
                    "relation": "isDerivedFrom",
                    "resource_type": ZENODO_TYPE[row["document_type"]],
                    "scheme": "url",
                }
            )
    notes = descriptor["rights"] + " Source documents without a public address: " + "; ".join(without_url) + "."
    return {
        "upload_type": "dataset",
        "title": descriptor["title"],
        "creators": [{"name": name} for name in _creators(descriptor)],
        "description": descriptor["description"],
        "keywords": descriptor["keywords"],
        "license": descriptor["licenses"][0]["name"].lower(),
        "version": descriptor["version"],
        "publication_date": release_date(descriptor),
        "language": "swe",
        "related_identifiers": related,
        "notes": notes,
    }


def zenodo_json(descriptor: dict, root: Path) -> str:
    return json.dumps(zenodo(descriptor, root), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- schema.org and DCAT


def temporal_coverage(root: Path) -> tuple[int, int]:
    """First and last reference year of the observations."""
    with (root / "data" / "observations.csv").open(encoding="utf-8", newline="") as f:
        years = [int(row["reference_year"]) for row in csv.DictReader(f) if row["reference_year"]]
    return min(years), max(years)


def _descriptor(root: Path) -> dict:
    return json.loads((root / "datapackage.json").read_text(encoding="utf-8"))


def schema_org(root: Path | None = None, base_url: str = "") -> dict:
    """A schema.org ``Dataset`` for a JSON-LD block (``<script type="application/ld+json">``).

    ``base_url`` is put before the file names of the distributions (relative to the page by default).
    """
    from .load import DEFAULT_DESCRIPTOR

    root = root or DEFAULT_DESCRIPTOR.parent
    descriptor = _descriptor(root)
    spatial = read_metadata()["catalog"]["spatial_name"]
    start, end = temporal_coverage(root)
    observations = next(r for r in descriptor["resources"] if r["name"] == "observations")
    return {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "name": descriptor["title"],
        "alternateName": descriptor["title_sv"],
        "description": descriptor["description"],
        "version": descriptor["version"],
        "datePublished": release_date(descriptor),
        "inLanguage": descriptor["languages"],
        "keywords": descriptor["keywords"],
        "license": SCHEMA_ORG_LICENSE,
        "copyrightNotice": descriptor["rights"],
        "isAccessibleForFree": True,
        "creator": [{"@type": "Organization", "name": name} for name in _creators(descriptor)],
        "publisher": {"@type": "Organization", "name": _publisher(descriptor)},
        "temporalCoverage": f"{start}/{end}",
        "spatialCoverage": {"@type": "Place", "name": spatial["en"], "alternateName": spatial["sv"]},
        "variableMeasured": [
            {"@type": "PropertyValue", "name": f["name"], "description": f["description"]}
            for f in observations["schema"]["fields"]
        ],
        "citation": list(dict.fromkeys(s["path"] for s in descriptor["sources"] if "path" in s)),
        "distribution": [
            {
                "@type": "DataDownload",
                "name": "Data package (CSV tables and datapackage.json)",
                "encodingFormat": "application/zip",
                "contentUrl": base_url + data_zip_name(descriptor),
            },
            *(
                {
                    "@type": "DataDownload",
                    "name": r["title"],
                    "encodingFormat": "text/csv",  # every resource is a CSV file (format "csv")
                    "contentUrl": base_url + r["path"],
                }
                for r in descriptor["resources"]
            ),
        ],
    }


def json_ld(root: Path | None = None, base_url: str = "") -> str:
    """:func:`schema_org` as the ``<script>`` element to put in a page's ``<head>``."""
    text = json.dumps(schema_org(root, base_url), ensure_ascii=False, indent=2).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def site_zip_names(descriptor: dict) -> dict[str, str]:
    """The site folders under build/ and the names of their zips in dist/."""
    stem = f"{descriptor['name']}-{descriptor['version']}"
    return {"site": f"{stem}-site.zip", "site-larare": f"{stem}-site-larare.zip"}


def distribution_files(dist: Path, descriptor: dict) -> list[Path]:
    """The files in ``dist`` that are distributions of the dataset (not the sites, sums or catalogue)."""
    other = {"SHA256SUMS", "catalog.rdf", *site_zip_names(descriptor).values()}
    return sorted(p for p in dist.iterdir() if p.is_file() and p.name not in other)


def _literal(tag: str, text: str, lang: str | None = None, datatype: str | None = None) -> str:
    attrs = (f' xml:lang="{lang}"' if lang else "") + (f' rdf:datatype="{datatype}"' if datatype else "")
    return f"    <{tag}{attrs}>{escape(text)}</{tag}>"


def _resource(tag: str, uri: str) -> str:
    return f"    <{tag} rdf:resource={quoteattr(uri)}/>"


XSD = "http://www.w3.org/2001/XMLSchema#"


def _distribution(path: Path, descriptor: dict) -> str:
    media, title_sv, title_en = FORMATS.get(path.suffix, (None, "Fil", "File"))
    if path.name == data_zip_name(descriptor):
        title_sv = "Datapaketet: CSV-tabeller, datapackage.json, datalexikon, licens och citeringsfil (zip)"
        title_en = "The data package: CSV tables, datapackage.json, data dictionary, licence and citation file (zip)"
    content = path.read_bytes()
    lines = [
        f"  <dcat:Distribution rdf:about={quoteattr('#distribution-' + path.name)}>",
        _literal("dct:title", title_sv, "sv"),
        _literal("dct:title", title_en, "en"),
        _resource("dcat:accessURL", path.name),
        _resource("dcat:downloadURL", path.name),
        _resource("dct:license", LICENSE_URI),
        (_resource("dcat:mediaType", IANA + media) if media else _literal("dct:format", path.suffix.lstrip("."))),
        _literal("dcat:byteSize", str(len(content)), datatype=XSD + "nonNegativeInteger"),
        '    <spdx:checksum rdf:parseType="Resource">',
        '      <rdf:type rdf:resource="http://spdx.org/rdf/terms#Checksum"/>',
        '      <spdx:algorithm rdf:resource="http://spdx.org/rdf/terms#checksumAlgorithm_sha256"/>',
        f'      <spdx:checksumValue rdf:datatype="{XSD}hexBinary">{hashlib.sha256(content).hexdigest()}</spdx:checksumValue>',
        "    </spdx:checksum>",
    ]
    if path.name == data_zip_name(descriptor):
        lines.append(_resource("dct:conformsTo", PROFILE))
    return "\n".join([*lines, "  </dcat:Distribution>"])


def catalog_rdf(root: Path, dist: Path) -> str:
    """A DCAT-AP-SE 3.0.1 catalogue (RDF/XML) of the dataset and every distribution file in ``dist``.

    The addresses of the files are relative, so they resolve against wherever catalog.rdf is
    published (next to the files).
    """
    descriptor = _descriptor(root)
    meta = read_metadata()
    start, end = temporal_coverage(root)
    titles = [_literal("dct:title", descriptor["title_sv"], "sv"), _literal("dct:title", descriptor["title"], "en")]
    descriptions = [
        _literal("dct:description", descriptor["description_sv"], "sv"),
        _literal("dct:description", descriptor["description"], "en"),
    ]
    issued = _literal("dct:issued", release_date(descriptor), datatype=XSD + "date")
    languages = [_resource("dct:language", EU_LANGUAGE[lang]) for lang in descriptor["languages"]]
    files = distribution_files(dist, descriptor)
    keywords = [_literal("dcat:keyword", word, lang) for lang in ("sv", "en") for word in meta["keywords"][lang]]
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!-- Generated by `socialtjanst dist` (DCAT-AP-SE 3.0.1, https://docs.dataportal.se/dcat/3.0.1/en/). -->",
        "<rdf:RDF",
        '    xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"',
        '    xmlns:dcat="http://www.w3.org/ns/dcat#"',
        '    xmlns:dct="http://purl.org/dc/terms/"',
        '    xmlns:foaf="http://xmlns.com/foaf/0.1/"',
        '    xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"',
        '    xmlns:spdx="http://spdx.org/rdf/terms#">',
        '  <dcat:Catalog rdf:about="#catalog">',
        *titles,
        *descriptions,
        '    <dct:publisher rdf:resource="#publisher"/>',
        _resource("dct:license", LICENSE_URI),
        issued,
        *languages,
        '    <dcat:dataset rdf:resource="#dataset"/>',
        "  </dcat:Catalog>",
        '  <foaf:Agent rdf:about="#publisher">',
        _literal("foaf:name", _publisher(descriptor)),
        _resource("dct:type", meta["catalog"]["publisher_type"]),
        "  </foaf:Agent>",
        '  <dcat:Dataset rdf:about="#dataset">',
        *titles,
        *descriptions,
        '    <dct:publisher rdf:resource="#publisher"/>',
        *keywords,
        _resource("dcat:theme", meta["catalog"]["theme"]),
        issued,
        _literal("dcat:version", descriptor["version"]),
        *languages,
        _resource("dct:accessRights", "http://publications.europa.eu/resource/authority/access-right/PUBLIC"),
        _resource("dct:spatial", meta["catalog"]["spatial"]),
        '    <dct:temporal rdf:parseType="Resource">',
        '      <rdf:type rdf:resource="http://purl.org/dc/terms/PeriodOfTime"/>',
        f'      <dcat:startDate rdf:datatype="{XSD}gYear">{start}</dcat:startDate>',
        f'      <dcat:endDate rdf:datatype="{XSD}gYear">{end}</dcat:endDate>',
        "    </dct:temporal>",
        _resource("dct:conformsTo", PROFILE),
        '    <dct:rights rdf:parseType="Resource">',
        '      <rdf:type rdf:resource="http://purl.org/dc/terms/RightsStatement"/>',
        "  " + _literal("rdfs:label", descriptor["rights_sv"], "sv"),
        "  " + _literal("rdfs:label", descriptor["rights"], "en"),
        "    </dct:rights>",
        *(_resource("dcat:distribution", "#distribution-" + p.name) for p in files),
        "  </dcat:Dataset>",
        *(_distribution(p, descriptor) for p in files),
        "</rdf:RDF>",
    ]
    return "\n".join(parts) + "\n"
