"""How many of the numbers printed in each source text the package accounts for.

Every number printed in a source (digits; four-digit years 1980–2039 are left out, as
they date a fact rather than state one) is either

- *extracted*: the value or base of an observation whose quote contains it, or part of
  a figure's caption or printed base (the bases are in `figures.base_printed`);
- *excluded*: listed in `excluded_numbers` with a reason (page numbers, footnote
  markers, contact details…). `duplicate_statement` means the same fact is an
  observation already; `quantitative_not_extracted` is a fact we chose not to extract;
- or *unaccounted*.

Coverage = extracted facts / all quantitative facts, where the quantitative facts are
the extracted ones, the duplicates, the facts not extracted and the unaccounted numbers.
Numbers stated only in words ("åtta av tio") are extracted as approximate observations
but are not counted here, since only digits can be counted mechanically.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from .text import fold, number_tokens

YEAR = re.compile(r"(19[89]\d|20[0-3]\d)$")
NOT_QUANTITATIVE = {
    "page_number",
    "footnote_marker",
    "list_numbering",
    "contact_detail",
    "bibliographic",
    "date_or_time",
    "legal_reference",
    "definition_threshold",
}


@dataclass
class SourceCoverage:
    source_id: str
    numbers: int = 0
    extracted: int = 0
    duplicates: int = 0
    not_quantitative: int = 0
    not_extracted: int = 0
    unaccounted: list[str] = field(default_factory=list)

    @property
    def facts(self) -> int:
        return self.extracted + self.duplicates + self.not_extracted + len(self.unaccounted)

    @property
    def coverage_pct(self) -> float:
        return 100 * (self.extracted + self.duplicates) / self.facts if self.facts else 100.0


def _mark(folded: str, snippet: str, values: list[float] | None, into: set[int]) -> None:
    """Mark the positions of the numbers in ``snippet`` (those equal to ``values``, if given)."""
    snippet = fold(snippet)
    start = folded.find(snippet)
    while start >= 0:
        for tok in number_tokens(snippet):
            if values is None or any(abs(tok.value - v) < 1e-9 for v in values):
                into.add(start + tok.start)
        start = folded.find(snippet, start + 1)


def source_coverage(source_id: str, text: str, tables: dict[str, pd.DataFrame]) -> SourceCoverage:
    folded = fold(text)
    result = SourceCoverage(source_id)
    extracted: set[int] = set()
    obs = tables["observations"][tables["observations"]["source_id"] == source_id]
    for quote, group in obs.groupby("quote"):
        values = pd.concat([group[c] for c in ("value", "base_n", "base_n_min", "base_n_max")]).dropna()
        _mark(folded, quote, [float(v) for v in values], extracted)
    figures = tables["figures"][tables["figures"]["source_id"] == source_id]
    for snippet in pd.concat([figures["caption_sv"], figures["base_printed"]]).dropna():
        _mark(folded, snippet, None, extracted)
    excluded: dict[str, set[int]] = {}
    rows = tables["excluded_numbers"][tables["excluded_numbers"]["source_id"] == source_id]
    for row in rows.itertuples():
        value = float(row.number.replace(" ", "").replace(",", "."))
        _mark(folded, row.quote, [value], excluded.setdefault(str(row.reason), set()))
    for tok in number_tokens(folded):
        if YEAR.match(tok.text):
            continue
        result.numbers += 1
        reasons = [r for r, positions in excluded.items() if tok.start in positions]
        if tok.start in extracted:
            result.extracted += 1
        elif "duplicate_statement" in reasons:
            result.duplicates += 1
        elif any(r in NOT_QUANTITATIVE for r in reasons):
            result.not_quantitative += 1
        elif "quantitative_not_extracted" in reasons:
            result.not_extracted += 1
        else:
            result.unaccounted.append(f"{tok.text} … {folded[max(0, tok.start - 50) : tok.end + 30]}")
    return result


def coverage(tables: dict[str, pd.DataFrame], texts: dict[str, str]) -> list[SourceCoverage]:
    """Coverage of every source whose text is available."""
    return [source_coverage(sid, texts[sid], tables) for sid in tables["sources"]["source_id"] if sid in texts]


def coverage_table(results: list[SourceCoverage]) -> str:
    """A Markdown table of the coverage (used in the README and by the CLI)."""
    lines = [
        "| source | numbers printed | not quantitative | quantitative facts | extracted | duplicates | not extracted | unaccounted | coverage |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.source_id} | {r.numbers} | {r.not_quantitative} | {r.facts} | {r.extracted} | "
            f"{r.duplicates} | {r.not_extracted} | {len(r.unaccounted)} | {r.coverage_pct:.1f} % |"
        )
    return "\n".join(lines)
