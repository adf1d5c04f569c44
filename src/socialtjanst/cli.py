"""Command line: `socialtjanst validate | build | coverage | render | diff | changelog | dist`."""

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
    from . import render

    root = Path(args.root)
    steps = {"figures": render.export_figures, "notebooks": render.render_notebooks, "site": render.build_site}
    for name in args.what or list(steps):
        result = steps[name](root, force=args.force) if name != "site" else steps[name](root)
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

    p = commands.add_parser("render", help="figure files, executed notebooks and the offline site")
    p.add_argument(
        "what", nargs="*", choices=["figures", "notebooks", "site"], help="default: all three, in that order"
    )
    p.add_argument("--root", default=".", help="package folder (default: .)")
    p.add_argument("--force", action="store_true", help="re-render even what is current with its inputs")
    p.set_defaults(func=_render)

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
