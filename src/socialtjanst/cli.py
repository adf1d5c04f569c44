"""Command line: `socialtjanst validate | build | coverage`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .load import load
from .text import load_texts


def _validate(args: argparse.Namespace) -> int:
    from .validate import validate_package

    report = validate_package(args.descriptor, args.sources)
    for problem in report.problems:
        print(problem)
    for note in report.notes:
        print(f"note: {note}")
    if report.valid:
        print(f"valid: {args.descriptor}")
        return 0
    print(f"invalid: {len(report.problems)} problem(s) in {args.descriptor}", file=sys.stderr)
    return 1


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
        "figures": render.export_figures,
        "notebooks": render.render_notebooks,
        "site": site.build,
        "site-larare": site.build_teacher,
        "pdf": site.pdf,
    }
    for name in args.what or ["figures", "notebooks", "site"]:
        result = steps[name](root)
        for path in result if isinstance(result, list) else [result]:
            print(f"wrote: {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="socialtjanst", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("validate", help="validate a data package (never modifies it)")
    p.add_argument("descriptor", nargs="?", default="datapackage.json", help="default: ./datapackage.json")
    p.add_argument("--sources", metavar="DIR", help="folder with the source texts: also check every quote")
    p.set_defaults(func=_validate)

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
    p.set_defaults(func=_render)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
