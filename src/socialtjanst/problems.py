"""Problems and notes of a validation, and their words in English or Swedish.

Each problem is a kind and its parameters; ``messages.toml`` holds the text of each kind
in both languages, so the checks are written once and the language is chosen when printing.

>>> p = Problem("data/observations.csv", 5, "value", "percent-range", {"id": "V23-003", "value": 130.0})
>>> p.text("en")
'data/observations.csv row 5 field value: V23-003: a percentage must be within 0–100, got 130'
>>> p.text("sv")
'data/observations.csv rad 5 fält value: V23-003: en andel i procent måste ligga mellan 0 och 100, men är 130'
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

LANGUAGES = ("en", "sv")
FIRST_ROWS = 5
# The kinds `socialtjanst repair` undoes (how a file was saved, not what it says).
REPAIRABLE = {"bom", "encoding", "semicolons", "tabs", "crlf", "trailing-rows", "trailing-columns", "columns-moved"}


@cache
def messages() -> dict:
    return tomllib.loads(resources.files("socialtjanst").joinpath("messages.toml").read_text("utf-8"))


def word(name: str, lang: str, **params) -> str:
    return messages()["words"][name][lang].format(**params)


@dataclass(frozen=True)
class Note:
    """A remark about the run: something skipped or not checked."""

    kind: str
    params: dict = field(default_factory=dict, compare=False, hash=False)

    def text(self, lang: str = "en") -> str:
        params = dict(self.params)
        names = messages()["checks"]  # the package's own checks, in words
        if "check" in params:
            params["check"] = names[params["check"]][lang]
        if "checks" in params:
            params["checks"] = ", ".join(names[check][lang] for check in params["checks"])
        return messages()["notes"][self.kind][lang].format(**params)


@dataclass(frozen=True)
class Problem:
    """One problem, at a file, a row (the header is row 1) and a field where they exist."""

    file: str
    row: int | None
    field: str | None
    kind: str
    params: dict = field(default_factory=dict, compare=False, hash=False)

    def message(self, lang: str = "en", fix: bool = True) -> str:
        """The message; for what `socialtjanst repair` undoes, with ``fix`` also that command."""
        text = messages()["kinds"][self.kind][lang].format(file=self.file, field=self.field, **self.params)
        return f"{text}: {word('fix_repair', lang, file=self.file)}" if fix and self.kind in REPAIRABLE else text

    def where(self, lang: str = "en") -> str:
        parts = [self.file]
        if self.row:
            parts.append(f"{word('row', lang)} {self.row}")
        if self.field:
            parts.append(f"{word('field', lang)} {self.field}")
        return " ".join(parts)

    def text(self, lang: str = "en", fix: bool = True) -> str:
        return f"{self.where(lang)}: {self.message(lang, fix)}"

    def __str__(self) -> str:
        return self.text()

    def as_dict(self, lang: str = "en") -> dict:
        return {
            "file": self.file,
            "row": self.row,
            "field": self.field,
            "kind": self.kind,
            "message": self.message(lang),
        }


def grouped_lines(problems: list[Problem], lang: str = "en") -> list[str]:
    """One line per kind, file and field: the count, the first rows and the first message.

    >>> ps = [Problem("a.csv", r, "value", "required") for r in (4, 9, 17)]
    >>> grouped_lines(ps)
    ['a.csv field value: 3 times (rows 4, 9, 17); the first: row 4: is empty, but a value is required']
    """
    groups: dict[tuple, list[Problem]] = {}
    for problem in problems:
        groups.setdefault((problem.file, problem.kind, problem.field), []).append(problem)
    lines = []
    for (file, kind, name), group in groups.items():
        if len(group) == 1:
            lines.append(group[0].text(lang))
            continue
        rows = [str(p.row) for p in group if p.row]
        shown = ", ".join(rows[:FIRST_ROWS]) + (f" {word('more', lang)}" if len(rows) > FIRST_ROWS else "")
        first = group[0]
        first_text = (f"{word('row', lang)} {first.row}: " if first.row else "") + first.message(lang)
        where = Problem(file, None, name, kind).where(lang)
        rows_text = f"{word('rows', lang)} {shown}" if rows else ""
        lines.append(f"{where}: " + word("grouped", lang, count=len(group), rows=rows_text, first=first_text))
    return lines
