"""Run one build step quietly: one line with its time on success, its output and how to rerun it on failure.

Used by the Makefile (`python tools/step.py NAME -- COMMAND...`); standard library only, because
it also runs the step that creates the environment. Lines the command prints that start with
``progress:`` are shown as they come (on one updating line in a terminal); the rest is kept and
shown only if the step fails.
"""

from __future__ import annotations

import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    if "--" not in argv or argv.index("--") != 1:
        print("usage: step.py NAME -- COMMAND...", file=sys.stderr)
        return 2
    name, command = argv[0], argv[2:]
    tty = sys.stdout.isatty()
    start = time.monotonic()
    kept: list[str] = []
    try:
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    except OSError as exc:
        print(f"✗ {name}: cannot run {command[0]}: {exc}", file=sys.stderr)
        return 2
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("progress:"):
            text = f"  {name}: {line[len('progress:') :].strip()}"
            print(f"\r\033[K{text}" if tty else text, end="" if tty else "\n", flush=True)
        else:
            kept.append(line)
    rc = proc.wait()
    if tty:
        print("\r\033[K", end="")
    seconds = time.monotonic() - start
    if rc == 0:
        print(f"✓ {name} ({seconds:.1f} s)", flush=True)
        return 0
    sys.stdout.write("".join(kept))
    print(
        f"✗ {name} failed after {seconds:.1f} s (exit {rc}); rerun this step alone with: make {name}", file=sys.stderr
    )
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
