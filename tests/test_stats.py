"""socialtjanst.stats against published values and independent computations."""

import math

import pytest

from socialtjanst.stats import (
    difference_interval,
    frechet_bounds,
    nonresponse_bounds,
    paired_difference_interval,
    percent_difference_interval,
    percent_interval,
    respondent_counts,
    wilson_interval,
)

Z95 = 1.959963984540054


@pytest.mark.parametrize(
    ("k", "n", "expected"),
    [  # Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3 (Wilson score)
        (81, 263, (0.2553, 0.3662)),
        (15, 148, (0.0624, 0.1605)),
        (0, 20, (0.0, 0.1611)),
        (1, 29, (0.0061, 0.1718)),
    ],
)
def test_wilson_matches_newcombe(k, n, expected):
    lo, hi = wilson_interval(k / n, n)
    assert (round(lo, 4), round(hi, 4)) == expected


def _bisect_interval(share, n, population):
    """Solve (p - share)^2 = z^2 p (1 - p) f / n for p numerically: the FPC Wilson limits."""
    f = (population - n) / (population - 1)

    def g(p):
        return (p - share) ** 2 - Z95**2 * p * (1 - p) * f / n

    def root(a, b):
        for _ in range(200):
            m = (a + b) / 2
            a, b = (m, b) if (g(a) > 0) == (g(m) > 0) else (a, m)
        return (a + b) / 2

    return root(0.0, share), root(share, 1.0)


@pytest.mark.parametrize(
    ("share", "n", "population"), [(0.77, 137, 290), (0.25, 40, 290), (0.55, 158, 290), (0.52, 9, 17)]
)
def test_fpc_interval_solves_the_score_equation(share, n, population):
    got = wilson_interval(share, n, population)
    want = _bisect_interval(share, n, population)
    assert got == pytest.approx(want, abs=1e-9)


def test_fpc_narrows_the_interval_and_vanishes_for_a_census():
    plain = wilson_interval(0.77, 137)
    corrected = wilson_interval(0.77, 137, 290)
    assert corrected[0] > plain[0] and corrected[1] < plain[1]
    assert wilson_interval(0.77, 290, 290) == (0.77, 0.77)
    assert wilson_interval(0.77, 137, 10**9) == pytest.approx(plain, abs=1e-6)


def test_interval_contains_the_share_and_stays_in_range():
    for share in (0.0, 0.01, 0.5, 0.99, 1.0):
        lo, hi = wilson_interval(share, 50, 290)
        assert 0.0 <= lo <= share <= hi <= 1.0


@pytest.mark.parametrize("bad", [(1.2, 10, None), (0.5, 0, None), (0.5, 300, 290)])
def test_bad_arguments_are_rejected(bad):
    with pytest.raises(ValueError):
        wilson_interval(*bad)


def test_percent_interval_is_the_share_interval_in_percent():
    lo, hi = wilson_interval(0.77, 137, 290)
    assert percent_interval(77, 137, 290) == (round(100 * lo, 1), round(100 * hi, 1))


@pytest.mark.parametrize(("pct", "n"), [(77, 137), (55, 290), (53, 130), (18, 158), (100, 3), (0, 12), (33, 3)])
def test_respondent_counts_match_brute_force(pct, n):
    brute = [k for k in range(n + 1) if math.floor(100 * k / n + 0.5) == pct or math.ceil(100 * k / n - 0.5) == pct]
    assert list(respondent_counts(pct, n)) == brute


def test_respondent_counts_of_the_2023_headline():
    assert list(respondent_counts(77, 137)) == [105, 106]  # 105/137 = 76.6 %, 106/137 = 77.4 %


def test_nonresponse_bounds_by_hand():
    # 50 % of 100 respondents of 200: 50 yes; all 100 missing "no" gives 25 %, "yes" gives 75 %
    assert nonresponse_bounds(50, 100, 200) == (25.0, 75.0)
    # 77 % of 137 is 105 or 106 answers (76.6 % or 77.4 %); of 290: 105/290 and (106 + 153)/290
    assert nonresponse_bounds(77, 137, 290) == (36.2, 89.3)
    assert nonresponse_bounds(38.5, 26, 290) == (3.4, 94.5)  # 10/26 = 38.46 %: 10/290 and (10 + 264)/290
    with pytest.raises(ValueError):
        nonresponse_bounds(50, 3, 290)  # no count of 3 rounds to 50 %
    with pytest.raises(ValueError):
        nonresponse_bounds(50, 300, 200)


# Newcombe (1998), "Interval estimation for the difference between independent proportions:
# comparison of eleven methods", Statistics in Medicine 17:873-890, Table II, method 10 (hybrid
# score), examples (a)-(d); values as transcribed in huggingface/lerobot pull request #4659
# (https://github.com/huggingface/lerobot/pull/4659), see docs/search-log.md.
NEWCOMBE_TABLE_II = [
    ((56, 70, 48, 80), (0.0524, 0.3339)),
    ((9, 10, 3, 10), (0.1705, 0.8090)),
    ((6, 7, 2, 7), (0.0582, 0.8062)),
    ((5, 56, 0, 29), (-0.0381, 0.1926)),
]


@pytest.mark.parametrize(("counts", "expected"), NEWCOMBE_TABLE_II)
def test_difference_interval_matches_newcombe_table_ii(counts, expected):
    k1, n1, k2, n2 = counts
    lo, hi = difference_interval(k1 / n1, n1, k2 / n2, n2)
    assert (round(lo, 4), round(hi, 4)) == expected


@pytest.mark.parametrize(
    ("k1", "n1", "k2", "n2"), [(56, 70, 48, 80), (0, 10, 0, 20), (10, 10, 0, 20), (105, 137, 88, 139), (3, 9, 7, 12)]
)
def test_difference_interval_matches_statsmodels(k1, n1, k2, n2):
    from statsmodels.stats.proportion import confint_proportions_2indep

    want = confint_proportions_2indep(k1, n1, k2, n2, method="newcomb", compare="diff")
    assert difference_interval(k1 / n1, n1, k2 / n2, n2) == pytest.approx(tuple(map(float, want)), abs=1e-9)


def test_fpc_enters_the_difference_through_each_waves_wilson_limits():
    """With populations, the interval is Newcombe's combination of the two FPC Wilson intervals."""
    p1, n1, p2, n2, big_n = 0.46, 139, 0.26, 120, 290
    l1, u1 = _bisect_interval(p1, n1, big_n)
    l2, u2 = _bisect_interval(p2, n2, big_n)
    want = (p1 - p2 - math.hypot(p1 - l1, u2 - p2), p1 - p2 + math.hypot(u1 - p1, p2 - l2))
    assert difference_interval(p1, n1, p2, n2, big_n, big_n) == pytest.approx(want, abs=1e-9)
    plain = difference_interval(p1, n1, p2, n2)
    assert plain[0] < want[0] and want[1] < plain[1]
    assert difference_interval(p1, big_n, p2, big_n, big_n, big_n) == pytest.approx((p1 - p2, p1 - p2))


def test_percent_difference_interval_is_the_share_interval_in_points():
    lo, hi = difference_interval(0.74, 20, 0.25, 20)
    assert percent_difference_interval(74, 20, 25, 20) == (round(100 * lo, 1), round(100 * hi, 1))


def test_overlapping_intervals_can_hide_a_real_difference():
    """The rule notebook 12 used to teach: overlap does not mean the difference interval holds 0."""
    a, b = wilson_interval(0.60, 100), wilson_interval(0.45, 100)
    assert a[0] < b[1]  # the two intervals overlap
    assert difference_interval(0.60, 100, 0.45, 100)[0] > 0  # yet the difference excludes 0


def _frechet_brute(p1, p2, n):
    both = [
        a / n
        for a in range(n + 1)
        for b in range(n + 1 - a)
        for c in range(n + 1 - a - b)
        if a + b == round(p1 * n) and a + c == round(p2 * n)
    ]
    return min(both), max(both)


@pytest.mark.parametrize(("p1", "p2"), [(0.7, 0.5), (0.3, 0.2), (0.9, 0.8), (0.5, 0.5), (0.0, 0.4)])
def test_frechet_bounds_match_enumerated_tables(p1, p2):
    assert frechet_bounds(p1, p2) == pytest.approx(_frechet_brute(p1, p2, 20))


@pytest.mark.parametrize(("p1", "p2", "n"), [(0.6, 0.4, 100), (0.77, 0.53, 130), (0.5, 0.45, 40)])
def test_paired_interval_narrows_as_the_yes_answers_overlap(p1, p2, n):
    low, high = frechet_bounds(p1, p2)
    steps = [low + (high - low) * i / 10 for i in range(11)]
    widths = [hi - lo for lo, hi in (paired_difference_interval(p1, p2, s, n) for s in steps)]
    assert all(w1 >= w2 - 1e-12 for w1, w2 in zip(widths, widths[1:], strict=False))
    for s in steps:
        lo, hi = paired_difference_interval(p1, p2, s, n)
        assert lo <= p1 - p2 <= hi


def test_paired_interval_without_association_is_the_independent_one():
    """ad − bc = 0 (both = p1·p2): the correlation term vanishes, as in statsmodels' independent Newcombe."""
    from statsmodels.stats.proportion import confint_proportions_2indep

    want = confint_proportions_2indep(60, 100, 40, 100, method="newcomb", compare="diff")
    assert paired_difference_interval(0.6, 0.4, 0.24, 100) == pytest.approx(tuple(map(float, want)), abs=1e-9)


def test_paired_interval_matches_a_published_worked_example():
    """Fagerland, Lydersen & Laake, *Statistical Analysis of Contingency Tables* (2017), chapter 8:
    complete response before and after consolidation therapy (Cavo et al. 2012), the paired table
    59, 6 / 16, 80 (n = 161). The Newcombe square-and-add interval for the difference of the
    marginal shares is −0.0621 (95 % CI −0.1186 to −0.0046), as the book's R package checks it
    (ocbe-uio/contingencytables, tests/testthat/test-ch8.R; docs/search-log.md)."""
    lo, hi = paired_difference_interval((59 + 6) / 161, (59 + 16) / 161, 59 / 161, 161)
    assert (round(lo, 4), round(hi, 4)) == (-0.1186, -0.0046)


def test_paired_interval_rejects_an_impossible_overlap():
    with pytest.raises(ValueError, match="outside the possible range"):
        paired_difference_interval(0.7, 0.5, 0.1, 100)
