"""Command line: `socialtjanst validate | repair | build | coverage | render | export | arbetsbok | diff | changelog | dist`."""

from __future__ import annotations

import argparse
import functools
import json
import sys
from pathlib import Path

from .load import DEFAULT_DESCRIPTOR, load
from .problems import LANGUAGES
from .text import load_texts

DIFF_LINES = 40


def no_traceback(command):
    """Report an unexpected error in one line (exit code 2: cannot run) instead of a traceback."""

    @functools.wraps(command)
    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except Exception as exc:  # noqa: BLE001 — whatever the input, the user gets a sentence
            print(f"socialtjanst {args.command}: cannot run: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 2

    return run


def report_json(report, lang: str = "en") -> str:
    """`socialtjanst validate --json`'s output for a validation report."""
    problems = [p.as_dict(lang) for p in report.problems]
    notes = [{"kind": n.kind, "message": n.text(lang)} for n in report.notes]
    return json.dumps({"valid": report.valid, "problems": problems, "notes": notes}, ensure_ascii=False, indent=1)


def report_text(report, lang: str = "en", all_problems: bool = False) -> str:
    """`socialtjanst validate`'s output for a validation report: repeated problems grouped unless ``all_problems``."""
    from .problems import grouped_lines, word

    lines = [p.text(lang) for p in report.problems] if all_problems else grouped_lines(report.problems, lang)
    return "\n".join(lines + [f"{word('note', lang)}: {n.text(lang)}" for n in report.notes])


@no_traceback
def _validate(args: argparse.Namespace) -> int:
    from .problems import word
    from .validate import CannotRun, validate_package

    if args.descriptor is None:  # this folder's package, else the one installed with socialtjanst
        args.descriptor = "datapackage.json" if Path("datapackage.json").is_file() else str(DEFAULT_DESCRIPTOR)
    lang = args.lang
    try:
        report = validate_package(args.descriptor, args.sources)
    except CannotRun as exc:
        if args.json:
            print(json.dumps({"valid": False, "cannot_run": exc.problem.as_dict(lang)}, ensure_ascii=False, indent=1))
        print(word("cannot_run", lang, message=exc.problem.message(lang)), file=sys.stderr)
        return 2
    print(report_json(report, lang) if args.json else report_text(report, lang, args.all))
    if report.valid:
        print(word("valid", lang, path=args.descriptor), file=sys.stderr)
        return 0
    print(word("invalid", lang, count=len(report.problems), path=args.descriptor), file=sys.stderr)
    return 1 if report.problems else 2


@no_traceback
def _repair(args: argparse.Namespace) -> int:
    from .problems import word
    from .validate import CannotRun, repair

    lang = args.lang
    try:
        result = repair(Path(args.file), args.descriptor and Path(args.descriptor), in_place=args.in_place)
    except CannotRun as exc:
        print(word("cannot_repair", lang, message=exc.problem.text(lang)), file=sys.stderr)
        return 2
    for problem in result.repaired:
        print(word("repaired", lang, message=problem.text(lang, fix=False)))
    for problem in result.left:
        print(word("not_repaired", lang, message=problem.text(lang)))
    if result.target is None:
        print(word("nothing_to_repair", lang, path=args.file))
        return 1 if result.left else 0
    print("".join(result.diff[:DIFF_LINES]), end="")
    if len(result.diff) > DIFF_LINES:
        print(word("diff_more", lang, count=len(result.diff) - DIFF_LINES))
    print(word("wrote", lang, path=result.target))
    return 1 if result.left else 0


@no_traceback
def _build(args: argparse.Namespace) -> int:
    from .build import BuildError, build

    try:
        changed = build(Path(args.root), check=args.check)
    except BuildError as exc:
        print(f"cannot build: {exc}", file=sys.stderr)
        return 1
    for path in changed:
        print(("differs: " if args.check else "wrote: ") + str(path))
    if args.check and changed:
        print("the committed files differ from a fresh build: run `socialtjanst build`", file=sys.stderr)
        return 1
    return 0


def _coverage(args: argparse.Namespace) -> int:
    from .coverage import coverage, coverage_table

    tables = load(args.descriptor)
    sources = tables["sources"].dropna(subset=["text_file"])
    texts = load_texts(args.sources, dict(zip(sources["source_id"], sources["text_file"], strict=True)))
    if not texts:
        print(f"no source texts found in {args.sources}", file=sys.stderr)
        return 2
    results = coverage(tables, texts)
    print(coverage_table(results))
    if args.verbose:
        for r in results:
            for item in r.unaccounted:
                print(f"unaccounted in {r.source_id}: {item}")
    return 0


def _render(args: argparse.Namespace) -> int:
    from . import render, site

    root = Path(args.root)
    steps = {
        "figures": functools.partial(render.export_figures, force=args.force),
        "notebooks": functools.partial(render.render_notebooks, force=args.force),
        "site": site.build,
        "site-larare": site.build_teacher,
        "pdf": site.pdf,
    }
    for name in args.what or ["figures", "notebooks", "site"]:
        result = steps[name](root)
        for path in result if isinstance(result, list) else [result]:
            print(f"wrote: {path}")
    return 0


def _arbetsbok(args: argparse.Namespace) -> int:
    import subprocess

    from .arbetsbok import prepare

    try:
        copied, kept = prepare(Path(args.root))
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 2
    for path in copied:
        print(f"kopierade: {path}")
    if kept:
        print(f"{len(kept)} notebookar fanns redan i arbetsboken och lämnades orörda")
    if args.no_start:
        return 0
    folder = Path(args.root) / "arbetsbok"
    print(f"startar JupyterLab i {folder} (avsluta med Ctrl+C)")
    return subprocess.call([sys.executable, "-m", "jupyterlab", str(folder)])


# ---------------------------------------------------------------- releases: diff, changelog, dist


def _diff(args: argparse.Namespace) -> int:
    from .diff import DiffError, as_json, as_markdown, as_text, diff_packages

    try:
        diffs = diff_packages(args.old, args.new)
    except DiffError as exc:
        print(f"cannot compare: {exc}", file=sys.stderr)
        return 2
    print(as_json(diffs) if args.json else as_markdown(diffs) if args.markdown else as_text(diffs))
    return 0


def _changelog(args: argparse.Namespace) -> int:
    from .diff import DiffError, changelog

    path = Path(args.file)
    text = path.read_text(encoding="utf-8")
    try:
        updated = changelog(text, path.resolve().parent)
    except DiffError as exc:
        print(f"cannot compare: {exc}", file=sys.stderr)
        return 2
    if args.check:
        if updated != text:
            print(f"{path}: a data section is stale: run `socialtjanst changelog`", file=sys.stderr)
            return 1
        return 0
    if updated != text:
        path.write_text(updated, encoding="utf-8", newline="\n")
        print(f"wrote: {path}")
    return 0


def _dist(args: argparse.Namespace) -> int:
    from .dist import make_dist

    try:
        written = make_dist(Path(args.root))
    except FileNotFoundError as exc:
        print(f"cannot build dist/: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote: {path}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from .export import ExportError, export

    try:
        written = export(Path(args.root), Path(args.to))
    except ExportError as exc:
        print(exc, file=sys.stderr)
        print(f"not exported: the package in {args.root} is not valid (nothing was written)", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote: {path}")
    return 0


def _add_release_commands(commands) -> None:
    p = commands.add_parser("diff", help="compare two versions of the package table by table")
    p.add_argument("old", help="git commit, tag or branch, or a folder with a datapackage.json")
    p.add_argument("new", nargs="?", default=".", help="the same (default: the working tree, .)")
    form = p.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="every difference as JSON")
    form.add_argument("--markdown", action="store_true", help="as CHANGELOG.md's data sections write it")
    p.set_defaults(func=_diff)

    p = commands.add_parser("changelog", help="regenerate the data sections of CHANGELOG.md with `diff`")
    p.add_argument("--file", default="CHANGELOG.md", help="default: ./CHANGELOG.md")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if a section is stale")
    p.set_defaults(func=_changelog)

    p = commands.add_parser("dist", help="release files in dist/: package zip, site zips, catalog.rdf, SHA256SUMS")
    p.add_argument("--root", default=".", help="package folder (default: .)")
    p.set_defaults(func=_dist)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="socialtjanst", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser(
        "validate",
        help="validate a data package (never modifies it)",
        description="Exit code 0: valid; 1: invalid (the problems are listed); 2: cannot validate.",
    )
    p.add_argument(
        "descriptor", nargs="?", help="default: ./datapackage.json, or the package installed with socialtjanst"
    )
    p.add_argument("--sources", metavar="DIR", help="folder with the source texts: also check every quote")
    p.add_argument("--all", action="store_true", help="list every problem (default: one line per kind and field)")
    p.add_argument("--json", action="store_true", help="the whole report as JSON on stdout")
    p.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the messages (sv: Swedish)")
    p.set_defaults(func=_validate)

    p = commands.add_parser(
        "repair",
        help="write a corrected copy of a CSV file saved by Excel (separator, encoding, BOM, line ends, …)",
    )
    p.add_argument("file", help="a CSV file of the package, e.g. data/observations.csv")
    p.add_argument("--descriptor", help="default: datapackage.json in the file's folder or the one above")
    p.add_argument("--in-place", action="store_true", help="overwrite FILE instead of writing FILE.repaired.csv")
    p.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the messages (sv: Swedish)")
    p.set_defaults(func=_repair)

    p = commands.add_parser("build", help="regenerate derived data, datapackage.json and the data dictionary")
    p.add_argument("--root", default=".", help="package folder (default: .)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if a fresh build differs")
    p.set_defaults(func=_build)

    p = commands.add_parser("coverage", help="how many numbers printed in each source the package holds")
    p.add_argument("descriptor", nargs="?", default="datapackage.json")
    p.add_argument("--sources", metavar="DIR", required=True)
    p.add_argument("-v", "--verbose", action="store_true", help="list the unaccounted numbers")
    p.set_defaults(func=_coverage)

    p = commands.add_parser("render", help="figure files, executed notebooks, the offline site and its PDF")
    p.add_argument(
        "what",
        nargs="*",
        choices=["figures", "notebooks", "site", "site-larare", "pdf"],
        help="default: figures, notebooks and site, in that order; site-larare adds the solutions; pdf prints the student pages",
    )
    p.add_argument("--root", default=".", help="package folder (default: .)")
    p.add_argument("--force", action="store_true", help="re-render even what is current with its inputs")
    p.set_defaults(func=_render)

    p = commands.add_parser("export", help="Excel, SQLite, Parquet, SPSS and Stata files of the package")
    p.add_argument("--root", default=".", help="package folder (default: .)")
    p.add_argument("--to", default="dist", metavar="DIR", help="output folder (default: dist)")
    p.set_defaults(func=_export)
    p = commands.add_parser(
        "arbetsbok", help="copy the notebooks once into arbetsbok/ (never overwriting) and open JupyterLab there"
    )
    p.add_argument("--root", default=".", help="project folder (default: .)")
    p.add_argument("--no-start", action="store_true", help="only copy, do not start JupyterLab")
    p.set_defaults(func=_arbetsbok)
    _add_release_commands(commands)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
