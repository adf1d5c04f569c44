"""Uncertainty of shares from small, finite survey populations.

The surveys ask every one of Sweden's 290 municipalities, and half of them answer.
Treating the answers as a sample from an infinite population overstates the
uncertainty: when 137 of 290 municipalities answer, what is unknown is only how the
other 153 would have answered. We therefore use the **Wilson score interval with a
finite population correction** (FPC): the binomial variance p(1 − p)/n is multiplied
by f = (N − n)/(N − 1), which is the same as using the Wilson interval with the
effective sample size n / f. With n = N the interval shrinks to the observed share
(a census has no sampling error); with N → ∞ it is the ordinary Wilson interval.

A **difference** between two shares needs its own interval: two 95 % intervals that
overlap do not show that the difference is compatible with zero (only intervals that do
not overlap are informative). For two waves (independent samples) we use **Newcombe's
hybrid score interval** (Newcombe 1998, Stat Med 17:873, method 10), which combines the
two Wilson intervals by "square and add". The finite population correction enters only
there: each wave's Wilson limits are computed with that wave's correction f = (N − n)/(N − 1),
so each wave contributes its corrected variance p(1 − p)·f/n, and without a population the
interval is Newcombe's own. For two items answered by the same respondents (paired), the
difference interval also needs how many answered "yes" to both; reports rarely print that
cross-tabulation, so :func:`frechet_bounds` gives its possible range and
:func:`paired_difference_interval` the interval for any assumed value (Newcombe 1998,
Stat Med 17:2635, square and add with a correlation term, as in the R package contingencytables
of Fagerland, Lydersen and Laake, "Statistical Analysis of Contingency Tables", 2017).

The intervals cover sampling error only, under the assumption that the municipalities
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

    A share exactly half a unit from it (49 of 200 = 24.5 %) counts for both neighbours: reports do
    not say how they round, so every count any rounding rule could have printed is kept. Truncation
    and a base other than n are not covered.

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


def nonresponse_bounds(
    value_pct: float, respondents: int, population: int, decimals: int | None = None
) -> tuple[float, float]:
    """The share in the whole population if every non-respondent had answered "no" / "yes".

    The worst-case (Manski) bounds. The published share is rounded, so the number answering "yes"
    is any count that rounds to it (:func:`respondent_counts`; ``decimals`` as printed, by default
    as many as the value has): the lower bound takes the smallest, the upper the largest. 77 % of
    137 answering municipalities is 105 or 106 of them, out of 290: between 36.2 % and 89.3 % of
    all municipalities.

    >>> nonresponse_bounds(77, 137, 290)
    (36.2, 89.3)
    """
    if respondents > population:
        raise ValueError(f"respondents {respondents} exceed population {population}")
    if decimals is None:
        decimals = 0 if float(value_pct).is_integer() else len(repr(float(value_pct)).split(".")[1])
    counts = respondent_counts(value_pct, respondents, decimals)
    if not counts:
        raise ValueError(f"no count of {respondents} respondents rounds to {value_pct} %")
    missing = population - respondents
    return round(100 * counts[0] / population, 1), round(100 * (counts[-1] + missing) / population, 1)


def _newcombe(share1, limits1, share2, limits2, psi: float = 0.0) -> tuple[float, float]:
    """Square and add: combine two Wilson intervals into one for share1 − share2."""
    (l1, u1), (l2, u2) = limits1, limits2
    d = share1 - share2
    below = (share1 - l1) ** 2 + (u2 - share2) ** 2 - 2 * psi * (share1 - l1) * (u2 - share2)
    above = (u1 - share1) ** 2 + (share2 - l2) ** 2 - 2 * psi * (u1 - share1) * (share2 - l2)
    return d - math.sqrt(max(below, 0.0)), d + math.sqrt(max(above, 0.0))


def difference_interval(
    share1: float,
    n1: int,
    share2: float,
    n2: int,
    population1: int | None = None,
    population2: int | None = None,
    confidence: float = 0.95,
) -> tuple[float, float]:
    """Newcombe's hybrid score interval for share1 − share2 from two independent samples.

    Each share's Wilson interval is computed with its own finite population correction
    (``population1``, ``population2``); the two are then combined (Newcombe 1998, method 10).
    Newcombe's Table II, example (a): 56/70 − 48/80 gives 0.0524 to 0.3339:

    >>> [round(x, 4) for x in difference_interval(56 / 70, 70, 48 / 80, 80)]
    [0.0524, 0.3339]
    """
    limits1 = wilson_interval(share1, n1, population1, confidence)
    limits2 = wilson_interval(share2, n2, population2, confidence)
    return _newcombe(share1, limits1, share2, limits2)


def percent_difference_interval(
    value1_pct: float,
    n1: int,
    value2_pct: float,
    n2: int,
    population1: int | None = None,
    population2: int | None = None,
    confidence: float = 0.95,
) -> tuple[float, float]:
    """:func:`difference_interval` for two percentages, in percentage points, one decimal.

    74 % and 25 % of 20 municipalities each (no correction):

    >>> percent_difference_interval(74, 20, 25, 20)
    (18.1, 68.8)
    """
    lo, hi = difference_interval(value1_pct / 100, n1, value2_pct / 100, n2, population1, population2, confidence)
    return round(100 * lo, 1), round(100 * hi, 1)


def frechet_bounds(share1: float, share2: float) -> tuple[float, float]:
    """The possible share answering "yes" to both of two items, knowing only each item's share.

    At least share1 + share2 − 1 (when as few as possible overlap), at most the smaller share:

    >>> frechet_bounds(0.7, 0.5)
    (0.2, 0.5)
    >>> frechet_bounds(0.3, 0.2)
    (0.0, 0.2)
    """
    for share in (share1, share2):
        if not 0 <= share <= 1:
            raise ValueError(f"share must be within 0–1, got {share}")
    return round(max(0.0, share1 + share2 - 1), 12), min(share1, share2)


def paired_difference_interval(
    share1: float,
    share2: float,
    both: float,
    n: int,
    population: int | None = None,
    confidence: float = 0.95,
) -> tuple[float, float]:
    """Newcombe's square-and-add interval for share1 − share2 when the same ``n`` answered both items.

    ``both`` is the share answering "yes" to both items (the paired 2×2 table's first cell);
    it must lie within :func:`frechet_bounds`. The correlation estimate uses Newcombe's
    (1998b) continuity adjustment of ad − bc by n/2 for positive association. The more the
    "yes" answers overlap, the narrower the interval; with no association it is the
    independent-samples interval:

    >>> lo, hi = paired_difference_interval(0.6, 0.4, 0.24, 100)
    >>> (round(lo, 4), round(hi, 4)) == tuple(round(x, 4) for x in difference_interval(0.6, 100, 0.4, 100))
    True
    """
    low, high = frechet_bounds(share1, share2)
    if not low - 1e-9 <= both <= high + 1e-9:
        raise ValueError(f"both = {both} is outside the possible range {low}–{high} for these shares")
    a, b, c = both * n, (share1 - both) * n, (share2 - both) * n
    d = n - a - b - c
    margins = share1 * (1 - share1) * share2 * (1 - share2) * n**4
    ad_bc = a * d - b * c
    if margins <= 0:
        psi = 0.0
    elif ad_bc > n / 2:
        psi = (ad_bc - n / 2) / math.sqrt(margins)
    elif ad_bc >= 0:
        psi = 0.0
    else:
        psi = ad_bc / math.sqrt(margins)
    limits1 = wilson_interval(share1, n, population, confidence)
    limits2 = wilson_interval(share2, n, population, confidence)
    return _newcombe(share1, limits1, share2, limits2, psi)
