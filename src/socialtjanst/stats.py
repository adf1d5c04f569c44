"""Uncertainty of shares from small, finite survey populations.

The surveys ask every one of Sweden's 290 municipalities, and half of them answer.
Treating the answers as a sample from an infinite population overstates the
uncertainty: when 137 of 290 municipalities answer, what is unknown is only how the
other 153 would have answered. We therefore use the **Wilson score interval with a
finite population correction** (FPC): the binomial variance p(1 − p)/n is multiplied
by f = (N − n)/(N − 1), which is the same as using the Wilson interval with the
effective sample size n / f. With n = N the interval shrinks to the observed share
(a census has no sampling error); with N → ∞ it is the ordinary Wilson interval.

The interval covers sampling error only, under the assumption that the municipalities
that answered are like those that did not. Non-response bias can be far larger; the
bounding functions below show how large.
"""

from __future__ import annotations

import math
from statistics import NormalDist


def _z(confidence: float) -> float:
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def wilson_interval(
    share: float, n: int, population: int | None = None, confidence: float = 0.95
) -> tuple[float, float]:
    """Wilson score interval for a share (0–1) observed among ``n`` respondents.

    With ``population`` (N) the finite population correction is applied.
    Newcombe (1998, Stat Med 17:857) gives 0.2553–0.3662 for 81 of 263:

    >>> [round(x, 4) for x in wilson_interval(81 / 263, 263)]
    [0.2553, 0.3662]
    >>> lo, hi = wilson_interval(0.77, 137, population=290)
    >>> round(lo, 3), round(hi, 3)
    (0.715, 0.817)
    """
    if not 0 <= share <= 1:
        raise ValueError(f"share must be within 0–1, got {share}")
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    if population is not None:
        if population < n:
            raise ValueError(f"population {population} is smaller than n {n}")
        if population == n:
            return share, share
        fpc = (population - n) / (population - 1) if population > 1 else 0.0
        n_eff = n / fpc
    else:
        n_eff = n
    z = _z(confidence)
    denominator = 1 + z * z / n_eff
    centre = (share + z * z / (2 * n_eff)) / denominator
    half = z / denominator * math.sqrt(share * (1 - share) / n_eff + z * z / (4 * n_eff * n_eff))
    return max(0.0, centre - half), min(1.0, centre + half)


def percent_interval(
    value_pct: float, n: int, population: int | None = None, confidence: float = 0.95
) -> tuple[float, float]:
    """:func:`wilson_interval` in percent, rounded to one decimal.

    >>> percent_interval(77, 137, 290)  # with the correction: narrower
    (71.5, 81.7)
    >>> percent_interval(77, 137)
    (69.3, 83.3)
    """
    lo, hi = wilson_interval(value_pct / 100, n, population, confidence)
    return round(100 * lo, 1), round(100 * hi, 1)


def respondent_counts(value_pct: float, n: int, decimals: int = 0) -> range:
    """Numbers of respondents k for which 100·k/n rounds to the published percentage.

    77 % of n = 137 is 105 or 106 respondents (76.6 % and 77.4 %):

    >>> list(respondent_counts(77, 137))
    [105, 106]
    >>> list(respondent_counts(50, 3))  # no count of 3 gives 50 %
    []
    """
    half_unit = 0.5 * 10 ** (-decimals)
    eps = 1e-9
    k_min = math.ceil((value_pct - half_unit) * n / 100 - eps)
    k_max = math.floor((value_pct + half_unit) * n / 100 + eps)
    return range(max(k_min, 0), min(k_max, n) + 1)


def nonresponse_bounds(value_pct: float, respondents: int, population: int) -> tuple[float, float]:
    """The share in the whole population if every non-respondent had answered "no" / "yes".

    The worst-case (Manski) bounds: 77 % of 137 answering municipalities out of 290
    is between 36.4 % and 89.1 % of all municipalities.

    >>> nonresponse_bounds(77, 137, 290)
    (36.4, 89.1)
    """
    if respondents > population:
        raise ValueError(f"respondents {respondents} exceed population {population}")
    yes = value_pct / 100 * respondents
    missing = population - respondents
    return round(100 * yes / population, 1), round(100 * (yes + missing) / population, 1)
