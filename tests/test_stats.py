"""socialtjanst.stats against published values and independent computations."""

import math

import pytest

from socialtjanst.stats import nonresponse_bounds, percent_interval, respondent_counts, wilson_interval

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
    with pytest.raises(ValueError):
        nonresponse_bounds(50, 300, 200)
