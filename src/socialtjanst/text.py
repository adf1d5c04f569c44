"""Matching quotes and numbers against the plain-text source documents.

The extractions break lines and hyphenate words at line ends, so every comparison
is made on *folded* text: words hyphenated across a line break are joined and runs
of white space become one space.

>>> fold("social-\\n  tjänsten   är\\n i kris")
'socialtjänsten är i kris'
>>> [t.text for t in number_tokens("77 procent (n=137), 20 000 invånare, 2,5 miljarder")]
['77', '137', '20 000', '2,5']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_HYPHEN_BREAK = re.compile(r"(?<=\w)-[ \t]*\n\s*(?=[a-zåäö])")
_SPACE = re.compile(r"\s+")
# A number as Swedish documents print it: "77", "20 000" (space as thousands
# separator), "2,5" (decimal comma). Digits glued to letters ("41procent") count.
_NUMBER = re.compile(r"(?<![\d,])\d{1,3}(?: \d{3})+(?![\d,])|(?<![\d,])\d+(?:,\d+)?(?![\d])")


def fold(text: str) -> str:
    """Join words hyphenated at a line break and fold runs of white space."""
    return _SPACE.sub(" ", _HYPHEN_BREAK.sub("", text)).strip()


@dataclass(frozen=True)
class NumberToken:
    text: str
    start: int
    end: int

    @property
    def value(self) -> float:
        return float(self.text.replace(" ", "").replace(",", "."))


def number_tokens(text: str) -> list[NumberToken]:
    """Every number printed in ``text`` (already folded), with its position."""
    return [NumberToken(m.group(), m.start(), m.end()) for m in _NUMBER.finditer(text)]


def contains_value(quote: str, value: float) -> bool:
    """True when ``quote`` prints ``value`` as one of its numbers.

    >>> contains_value("till 74 procent 2023 från 25 procent 2020", 25)
    True
    >>> contains_value("n=130–131", 13)
    False
    """
    return any(abs(tok.value - value) < 1e-9 for tok in number_tokens(fold(quote)))


def find_quote(quote: str, text: str) -> int:
    """Position of ``quote`` in the source ``text``, or -1.

    Both are folded first. A quote may also keep a line-end hyphen that is not a
    word break ("individ- och familjeomsorg"): it is then looked up in the text
    folded without joining.
    """
    pos = _fold_source(text).find(fold(quote))
    if pos < 0:
        pos = _collapse_source(text).find(_collapse(quote))
    return pos


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


# Source texts are folded once, not once per quote.
_fold_source = lru_cache(maxsize=16)(fold)
_collapse_source = lru_cache(maxsize=16)(_collapse)


def load_texts(sources_dir: str | Path, text_files: dict[str, str]) -> dict[str, str]:
    """Read the source texts: ``{source_id: text}``.

    Missing files are left out; callers decide whether that is an error.
    """
    sources_dir = Path(sources_dir)
    texts = {}
    for source_id, name in text_files.items():
        path = sources_dir / name
        if path.is_file():
            texts[source_id] = path.read_text(encoding="utf-8")
    return texts
