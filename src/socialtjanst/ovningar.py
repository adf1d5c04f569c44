"""Checking the answers to the exercises of the method notebooks 11–15 (Övningar).

A student writes an answer in the notebook and runs ``kontrollera(id, svar)``, which
returns ``"rätt"`` or an explanation and a hint in Swedish. Each exercise is *declared*
(in the style of otter-grader): its question, the answer form, the key as a function of
the data package, the tolerance, other acceptable answers and the known mistakes with
their hints. Reading an answer, rounding rules and feedback are written once, below the
declarations, so a teacher adds an exercise by adding one :class:`Ovning`.

The key is computed from the data package every time (with ``socialtjanst.stats`` where a
method is needed), never from copied numbers, so it follows the data if the data is
corrected.

>>> from socialtjanst.ovningar import kontrollera
>>> kontrollera("11.1", None)[:21]
'Du har inte svarat än'
>>> u = load()["surveys"].set_index("survey_id").loc["vision_2023"]
>>> kontrollera("11.1", round(100 * u.respondents_n / u.population_n, 1))
'rätt'
>>> "rapportens avrundade siffra" in kontrollera("11.1", u.response_rate_published_pct)
True
>>> kontrollera("11.1", "femtiofem").startswith("Svaret ska vara")
True
>>> kontrollera("99.9", 1).startswith("Det finns ingen övning")
True
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from . import stats
from .load import load
from .validate import OBS_ID, evaluate

RATT = "rätt"
EPS = 1e-9


@lru_cache(maxsize=1)
def _t() -> dict[str, pd.DataFrame]:
    return load()


def _obs(obs_id: str) -> pd.Series:
    return _t()["observations"].set_index("obs_id").loc[obs_id]


def _survey(survey_id: str) -> pd.Series:
    return _t()["surveys"].set_index("survey_id").loc[survey_id]


def _formula_value(obs_id: str, shift: float = 0.0) -> float:
    """An observation's formula evaluated on its inputs, each moved by ``shift``."""
    formula = _obs(obs_id).formula
    return evaluate(formula, {ref: float(_obs(ref).value) + shift for ref in OBS_ID.findall(formula)})


def _flags(comparability) -> set[str]:
    return set(comparability.split(";")) if isinstance(comparability, str) else set()


# ------------------------------------------------------------------ reading an answer


class _Ogiltigt(Exception):
    """The answer cannot be read as the form the exercise asks for; the message says why (Swedish)."""


def _is_scalar(svar) -> bool:
    return isinstance(svar, (str, bytes)) or not hasattr(svar, "__iter__")


def _split_decimal_comma(svar) -> str | None:
    """`svar = 54,5` makes the tuple (54, 5) in Python: say so, in Swedish."""
    if not isinstance(svar, tuple) or not all(isinstance(v, int) and not isinstance(v, bool) for v in svar):
        return None
    if len(svar) not in (2, 3, 4):
        return None
    a, b = svar[0], svar[1]
    return f"{a},{b} blev två tal i Python: skriv {a}.{b} eller '{a},{b}' (med citattecken)."


NUMBER_TEXT = re.compile(r"^[−-]?\d+(?:[.,]\d+)?$")


def _number(svar) -> float:
    """A number from an int, a float, a numpy scalar or a string such as "54,5 %" or "n=136"."""
    if isinstance(svar, bool):
        raise _Ogiltigt("Sant eller falskt är inget tal.")
    if hasattr(svar, "item") and not isinstance(svar, (str, bytes)):  # numpy and pandas scalars
        svar = svar.item()
    if isinstance(svar, (int, float)):
        if math.isnan(svar):
            raise _Ogiltigt("Svaret är NaN (inget värde).")
        return float(svar)
    if isinstance(svar, str):
        text = svar.strip().lower().replace("\u00a0", " ").replace("\u202f", " ")
        text = re.sub(r"^n\s*=\s*", "", text)
        text = re.sub(r"\s*(%|procentenheter|procent|kommuner|st\.?)$", "", text)
        text = re.sub(r"(?<=\d) (?=\d{3}\b)", "", text)  # 1 000
        if NUMBER_TEXT.match(text):
            return float(text.replace(",", ".").replace("−", "-"))
        raise _Ogiltigt(f"”{svar}” går inte att läsa som ett tal.")
    raise _Ogiltigt(f"{svar!r} är inget tal.")


def _parts(text: str) -> list[str]:
    """A list written as one string: "105, 106", "105 och 106", "Ganska svåra; Mycket svåra"."""
    parts = re.split(r"\s*(?:;|\n|\boch\b|,\s+|–|—|\btill\b)\s*", text.strip().strip("[]()"))
    parts = [p.strip().strip("\"'”“") for p in parts]
    return [p for p in parts if p]


@dataclass(frozen=True)
class Form:
    """How an answer is read, compared with the key and described to the student."""

    beskrivning: str  # Swedish, e.g. "ett tal i procent, till exempel 12.3"
    slag: str  # "tal", "talpar", "heltal", "heltal_mangd", "ord", "ord_mangd", "ja_nej"
    procent: bool = False

    def read(self, svar):
        hint = _split_decimal_comma(svar)
        if hint and self.slag in ("tal", "talpar") and not (self.slag == "talpar" and len(svar) == 2):
            raise _Ogiltigt(hint)
        reader = getattr(self, f"_{self.slag}")
        return reader(svar)

    def _tal(self, svar) -> float:
        if not _is_scalar(svar):
            raise _Ogiltigt("Svara med ett enda tal, inte en lista.")
        return _number(svar)

    def _talpar(self, svar) -> tuple[float, float]:
        values = _parts(svar) if isinstance(svar, str) else svar
        if _is_scalar(values) or isinstance(values, str):
            raise _Ogiltigt("Svara med två tal: den lägre och den högre gränsen.")
        numbers = [_number(v) for v in values]
        if len(numbers) != 2:
            raise _Ogiltigt(f"Svara med två tal, inte {len(numbers)}.")
        return min(numbers), max(numbers)

    def _heltal(self, svar) -> int:
        if not _is_scalar(svar):
            raise _Ogiltigt("Svara med ett enda heltal, inte en lista.")
        value = _number(svar)
        if abs(value - round(value)) > EPS:
            raise _Ogiltigt(f"{svar} är inget heltal.")
        return int(round(value))

    def _heltal_mangd(self, svar) -> frozenset[int]:
        if isinstance(svar, str):
            svar = _parts(svar)
        elif _is_scalar(svar):
            svar = [svar]
        values = frozenset(self._heltal(v) for v in svar)
        if not values:
            raise _Ogiltigt("Listan är tom.")
        return values

    def _ord(self, svar) -> str:
        if not isinstance(svar, str) or not svar.strip():
            raise _Ogiltigt('Svara med text inom citattecken, till exempel "ja".')
        return _normalise(svar)

    def _ord_mangd(self, svar) -> frozenset[str]:
        if isinstance(svar, str):
            svar = _parts(svar)
        elif _is_scalar(svar):
            raise _Ogiltigt("Svara med en lista med text.")
        values = frozenset(self._ord(v) for v in svar)
        if not values:
            raise _Ogiltigt("Listan är tom.")
        return values

    def _ja_nej(self, svar) -> str:
        if isinstance(svar, bool):
            return "ja" if svar else "nej"
        word = self._ord(svar)
        if word not in ("ja", "nej"):
            raise _Ogiltigt(f'Svara "ja" eller "nej", inte ”{svar}”.')
        return word

    def equal(self, value, key, tolerance: float) -> bool:
        if self.slag == "tal":
            return abs(value - key) <= tolerance + EPS
        if self.slag == "talpar":
            low, high = sorted(key)
            return abs(value[0] - low) <= tolerance + EPS and abs(value[1] - high) <= tolerance + EPS
        if self.slag in ("ord", "ja_nej"):
            return value == _normalise(key)
        if self.slag == "ord_mangd":
            return value == frozenset(_normalise(k) for k in key)
        if self.slag == "heltal_mangd":
            return value == frozenset(int(k) for k in key)
        return value == key

    def generic_hint(self, value, key, tolerance: float) -> str:
        """Mistakes every exercise of this form can make."""
        if self.procent and self.slag == "tal" and abs(100 * value - key) <= 100 * tolerance + 0.05:
            return "Svara i procent, inte som andel: skriv till exempel 54.5, inte 0.545."
        if self.procent and self.slag == "talpar" and self.equal((100 * value[0], 100 * value[1]), key, 0.15):
            return "Svara i procent, inte som andel: skriv till exempel 54.5, inte 0.545."
        if self.slag in ("heltal_mangd", "ord_mangd"):
            expected = (
                frozenset(int(k) for k in key) if self.slag == "heltal_mangd" else frozenset(map(_normalise, key))
            )
            if value < expected:
                return "Du har hittat en del av svaret: något saknas i din lista."
            if value > expected:
                return "Du har tagit med för mycket: något i din lista hör inte dit."
        return ""


def _normalise(text) -> str:
    """Case, spaces and quotation marks do not matter: "I dag" and "idag" are the same answer."""
    return re.sub(r"[\s\"'”“.!]", "", str(text)).casefold()


PROCENT = Form("ett tal i procent, till exempel 12 eller '12,3'", "tal", procent=True)
PROCENTPAR = Form("två tal i procent, till exempel (12, 45) eller '12,3–45,6'", "talpar", procent=True)
HELTAL = Form("ett heltal, till exempel 12", "heltal")
HELTAL_LISTA = Form("ett heltal eller en lista med heltal, till exempel [12, 13]", "heltal_mangd")
ORD = Form('en text inom citattecken, till exempel "text"', "ord")
ORD_LISTA = Form('en lista med text, till exempel ["Alternativ A", "Alternativ B"]', "ord_mangd")
JA_NEJ = Form('"ja" eller "nej"', "ja_nej")


# ------------------------------------------------------------------ the exercises


@dataclass(frozen=True)
class Fel:
    """A known mistake: the answer it gives (from the data) and what to tell the student."""

    tips: str
    varde: Callable[[], object] | None = None  # the wrong answer; compared like the key
    om: Callable[[object, object], bool] | None = None  # or a test of (answer, key)


@dataclass(frozen=True)
class Ovning:
    """One exercise: what it asks, in which form, the key and how far an answer may be from it."""

    id: str
    fraga: str
    form: Form
    facit: Callable[[], object]
    tips: str  # the general hint (Ledtråd)
    tolerans: float = 0.0  # for numbers: how far a right answer may be from the key
    ocksa: tuple[Callable[[], object], ...] = ()  # other answers a careful student may give
    fel: tuple[Fel, ...] = ()


def _vision_2023_rate() -> float:
    u = _survey("vision_2023")
    return 100 * u.respondents_n / u.population_n


def _figure_2_base() -> int:
    obs = _t()["observations"]
    return int(obs.loc[obs["figure_id"] == "vision_2023_figur_2", "base_n"].dropna().min())


def _socialsekreterare() -> tuple[float, int, int]:
    row = _obs("V23-053")
    return float(row.value), int(row.base_n), int(_survey("vision_2023").population_n)


def _larosaten_rate() -> float:
    u = _survey("vardanalys_2019_larosaten")
    return 100 * u.respondents_n / u.population_n


def _behandling() -> tuple[pd.Series, pd.Series]:
    """Behandlingspersonal 2023 (its base printed) and 2022 (its base not printed)."""
    return _obs("V23-066"), _obs("V23-067")


def _separated_at(n: int, separated: Callable[[float, int, float, int], bool], scale: float = 100) -> bool:
    """Whether 2022's base n can give its published percentage with a whole number of municipalities
    (stats.respondent_counts) and every such count k, as the percentage scale·k/n, is separated from 2023."""
    known, unknown = _behandling()
    counts = stats.respondent_counts(unknown.value, n)
    return bool(counts) and all(separated(known.value, int(known.base_n), scale * k / n, n) for k in counts)


def _smallest_2022_base(separated: Callable[[float, int, float, int], bool], scale: float = 100) -> int:
    return next(n for n in range(1, 100_000) if _separated_at(n, separated, scale))


def _difference_excludes_zero(value1: float, n1: int, value2: float, n2: int) -> bool:
    return stats.percent_difference_interval(value1, n1, value2, n2)[0] > 0


def _intervals_apart(value1: float, n1: int, value2: float, n2: int) -> bool:
    """The two years' intervals do not overlap (unrounded limits: a tie after rounding counts too)."""
    return stats.wilson_interval(value1 / 100, n1)[0] > stats.wilson_interval(value2 / 100, n2)[1]


def _same_base_both_years() -> int:
    """The answer of one who ignores the printed base of 2023 and tries the same n for both years."""
    known, unknown = _behandling()
    return next(n for n in range(2, 100_000) if _difference_excludes_zero(known.value, n, unknown.value, n))


def _whole_number(answer: object) -> bool:
    return isinstance(answer, numbers.Integral)


def _impossible_2022_base(answer: object, key: object) -> bool:
    return _whole_number(answer) and answer > 0 and not stats.respondent_counts(_behandling()[1].value, answer)


def _intervals_apart_answer(answer: object, key: object) -> bool:
    return _whole_number(answer) and answer > key and _separated_at(answer, _intervals_apart)


def _skl_roles() -> pd.DataFrame:
    obs = _t()["observations"]
    return obs[(obs["indicator"] == "respondent_role_share") & (obs["survey_id"] == "skl_2015")]


def _skl_chef() -> float:
    roles = _skl_roles()
    return float(roles.loc[roles["subject"].str.startswith("socialchef"), "value"].iloc[0])


def _gaps() -> pd.DataFrame:
    gaps = _t()["series_gaps"]
    return gaps[
        (gaps["series_indicator"] == "staffing_difficulty")
        & (gaps["subject"] == "personal generellt")
        & (gaps["breakdown"] == "riket")
        & (gaps["category"] == "svårt")
    ]


def _series_years(excluded: set[str]) -> set[int]:
    s = _t()["series"]
    rows = s[
        (s["series_indicator"] == "staffing_difficulty")
        & (s["subject"] == "personal generellt")
        & (s["breakdown"] == "riket")
        & (s["category"] == "svårt")
        & s["is_preferred"]
        & s["value"].notna()
    ]
    return {int(r.year) for r in rows.itertuples() if not _flags(r.comparability) & excluded}


NOT_IN_REPORT = {"bound", "approximate", "secondary_source", "derived"}


def _skl_periods() -> pd.DataFrame:
    s = _t()["series"]
    return s[(s["survey_id"] == "skl_2015") & s["reference_period"].notna()]


def _same_period() -> str:
    rows = _skl_periods()
    return next(
        r.reference_period for r in rows.itertuples() if "reference_period_differs" not in _flags(r.comparability)
    )


def _vision_options(category: str) -> list[str]:
    ro = _t()["response_options"]
    return list(ro.loc[(ro["scale_id"] == "vision_villkor_5") & (ro["harmonised_category"] == category), "option_sv"])


def _figure_9_base() -> int:
    printed = _t()["figures"].set_index("figure_id").loc["vision_2023_figur_9", "base_printed"]
    return int(re.search(r"n=(\d+)", printed).group(1))


def _group_interval_exists() -> str:
    s = _t()["series"]
    rows = s[(s["series_indicator"] == "staffing_difficulty") & s["obs_id"].isin(["V23-076", "V23-078"])]
    return "ja" if rows["ci_low_pct"].notna().all() else "nej"


OVNINGAR: dict[str, Ovning] = {
    o.id: o
    for o in [
        # --- 11 Svarsfrekvens och bortfall
        Ovning(
            "11.1",
            "Räkna om svarsfrekvensen i Vision 2023 med en decimal.",
            PROCENT,
            _vision_2023_rate,
            "Dela antalet kommuner som svarade med antalet som fick enkäten och multiplicera med 100.",
            tolerans=0.05,
            fel=(
                Fel(
                    "Det är rapportens avrundade siffra. Räkna själv fram svarsfrekvensen med en decimal.",
                    lambda: _survey("vision_2023").response_rate_published_pct,
                ),
            ),
        ),
        Ovning(
            "11.2",
            "Hur många av de kommuner som svarade på Vision 2023 finns inte med i basen för Figur 2?",
            HELTAL,
            lambda: int(_survey("vision_2023").respondents_n) - _figure_2_base(),
            "Ta antalet svarande kommuner i tabellen surveys och dra av basen (n) som Figur 2 anger.",
            fel=(
                Fel(
                    "Det är antalet kommuner som inte svarade alls (externt bortfall). Här söks de som svarade "
                    "på enkäten men inte finns i basen för just Figur 2 (internt bortfall).",
                    lambda: int(_survey("vision_2023").population_n - _survey("vision_2023").respondents_n),
                ),
                Fel("Det är basen själv. Hur många svarande saknas i den?", _figure_2_base),
            ),
        ),
        Ovning(
            "11.3",
            "Bortfallsgränser för socialsekreterare 2023 (observation V23-053): lägsta och högsta möjliga "
            "andel av alla kommuner.",
            PROCENTPAR,
            lambda: stats.nonresponse_bounds(*_socialsekreterare()),
            "Använd stats.nonresponse_bounds(värde, bas, antal kommuner som fick enkäten).",
            tolerans=0.15,
            fel=(
                Fel(
                    "Det där är konfidensintervallet (notebook 12). Här söks vad andelen blir om alla som inte "
                    "svarade hade svarat svårt, respektive om ingen av dem hade gjort det.",
                    lambda: stats.percent_interval(*_socialsekreterare()),
                ),
                Fel(
                    "Nästan: som population ska du ange alla kommuner som fick enkäten, inte bara de som svarade.",
                    lambda: stats.nonresponse_bounds(
                        *_socialsekreterare()[:2], int(_survey("vision_2023").respondents_n)
                    ),
                ),
            ),
        ),
        Ovning(
            "11.4",
            "Vårdanalys enkät till lärosätena: vilken svarsfrekvens ger vanlig avrundning till hela procent?",
            PROCENT,
            lambda: math.floor(_larosaten_rate() + 0.5),
            "Räkna 100 × svarande / antal lärosäten och avrunda till närmaste heltal.",
            fel=(
                Fel(
                    "Det är den publicerade siffran. Räkna själv och avrunda till närmaste heltal: blir det samma?",
                    lambda: _survey("vardanalys_2019_larosaten").response_rate_published_pct,
                ),
                Fel("Rätt uträknat, men avrunda till ett heltal.", om=lambda v, _: abs(v - _larosaten_rate()) < 0.06),
            ),
        ),
        # --- 12 Bas och felmarginal
        Ovning(
            "12.1",
            "Konfidensintervall för socialsekreterare 2023 (observation V23-053) med ändlighetskorrektion.",
            PROCENTPAR,
            lambda: stats.percent_interval(*_socialsekreterare()),
            "Använd stats.percent_interval(värde, bas, population) med basen och populationen från tabellerna.",
            # 0,5: an interval computed from a count of answers that rounds to the published share
            # (81 % of 139 is 112 or 113) is as right as one from the rounded share itself.
            tolerans=0.5,
            fel=(
                Fel(
                    "Det är intervallet utan korrektion. Ange också populationen (antal kommuner som fick enkäten).",
                    lambda: stats.percent_interval(*_socialsekreterare()[:2]),
                ),
                Fel(
                    "Det är bortfallsgränserna från notebook 11. Här söks konfidensintervallet (stats.percent_interval).",
                    lambda: stats.nonresponse_bounds(*_socialsekreterare()),
                ),
            ),
        ),
        Ovning(
            "12.2",
            "Figur 10: hur många socialchefer kan ha svarat 'mer stimulerande än krävande' (observation V23-095)?",
            HELTAL_LISTA,
            lambda: list(stats.respondent_counts(_obs("V23-095").value, int(_obs("V23-095").base_n))),
            "Använd stats.respondent_counts(värde, bas): det ger alla antal som avrundas till den publicerade procenten.",
        ),
        Ovning(
            "12.3",
            "Kan man räkna ett konfidensintervall för storstadslänen och övriga landet 2023 (V23-076 och V23-078)?",
            JA_NEJ,
            _group_interval_exists,
            "Titta på base_n och base_note för de två observationerna: vilken bas har rapporten tryckt, och gäller den gruppen?",
        ),
        Ovning(
            "12.4",
            "Behandlingspersonal 2022 och 2023 (V23-067 och V23-066): basen för 2023 är känd, basen för 2022 "
            "inte. Vilken är den minsta bas för 2022, bland dem där procenten kan uppstå med ett helt antal "
            "kommuner, där konfidensintervallet för skillnaden (utan korrektion) inte innehåller 0?",
            HELTAL,
            lambda: _smallest_2022_base(_difference_excludes_zero),
            "Gör som i notebookens loop: prova n = 1, 2, 3 … för 2022 och hoppa över n där "
            "stats.respondent_counts(värde, n) är tom. Räkna stats.percent_difference_interval med 2023 års "
            "värde och bas och 2022 i procent, 100 · k / n, för varje k som stats.respondent_counts ger, och stanna "
            "vid första n där den nedre gränsen är större än 0.",
            fel=(
                Fel("En bas är minst 1 kommun.", om=lambda v, key: _whole_number(v) and v < 1),
                Fel(
                    "Vid den basen överlappar de två årens intervall inte. Men skillnaden har ett eget "
                    "konfidensintervall, och det utesluter 0 redan vid en mindre bas: att intervallen överlappar "
                    "betyder inte att skillnaden kan vara noll.",
                    om=_intervals_apart_answer,
                ),
                Fel(
                    "Det är svaret om båda åren hade samma bas. Men basen för 2023 är känd (base_n i V23-066): "
                    "använd den, och pröva bara basen för 2022.",
                    _same_base_both_years,
                ),
                Fel(
                    "Med så många kommuner kan 2022 års procent inte uppstå: inget helt antal av dem avrundas "
                    "till den (stats.respondent_counts ger en tom lista). Hoppa över sådana baser.",
                    om=_impossible_2022_base,
                ),
                Fel(
                    "Vid den basen innehåller intervallet för skillnaden 0. Räknade du 2022 som andelen k / n i "
                    "stället för i procent, 100 · k / n?",
                    lambda: _smallest_2022_base(_difference_excludes_zero, scale=1),
                ),
                Fel(
                    "Intervallet för skillnaden utesluter 0 redan vid en mindre bas. Prova mindre värden.",
                    om=lambda v, key: v > key,
                ),
                Fel(
                    "Vid den basen innehåller intervallet för skillnaden fortfarande 0. Prova större värden.",
                    om=lambda v, key: v < key,
                ),
            ),
        ),
        # --- 13 Sammanslagning av kategorier
        Ovning(
            "13.1",
            "Vilka svarsalternativ på Visions femgradiga skala (vision_villkor_5) slås ihop till 'svårt'?",
            ORD_LISTA,
            lambda: _vision_options("svårt"),
            "Titta i tabellen response_options: raderna med scale_id vision_villkor_5 och kolumnen harmonised_category.",
        ),
        Ovning(
            "13.2",
            "Vision 2015: hur stor kan andelen 'svårt' högst ha varit (observation V23-051)?",
            PROCENT,
            lambda: _formula_value("V23-052"),
            "Allt som inte är lätt eller balans: räkna från 100.",
            # 72 is rounded: it may have been 71.5, which leaves up to 28.5 for the rest
            ocksa=(lambda: _formula_value("V23-052", shift=-0.5),),
            fel=(
                Fel(
                    "Det är andelen lätt eller balans. Hur mycket blir kvar för svårt (och kan ej bedöma)?",
                    lambda: _obs("V23-051").value,
                ),
            ),
        ),
        Ovning(
            "13.3",
            "Figur 10: mellankategorin är härledd ur två avrundade andelar. Hur liten och hur stor kan den vara?",
            PROCENTPAR,
            lambda: (_formula_value("V23-097", shift=0.5), _formula_value("V23-097", shift=-0.5)),
            "Varje publicerad heltalsprocent kan vara upp till en halv procentenhet för hög eller för låg.",
            tolerans=0.15,
            fel=(
                Fel(
                    "Det härledda värdet ligger mitt emellan. Hur långt åt vardera hållet kan avrundningen flytta det?",
                    om=lambda v, _: any(abs(x - _obs("V23-097").value) < 0.01 for x in v),
                ),
            ),
        ),
        Ovning(
            "13.4",
            "Figur 2 (högst två svar): hur stor kan summan av alla andelar 2023 bli som mest?",
            PROCENT,
            lambda: (
                100
                * int(_t()["questions"].set_index("question_id").loc["vision_2023_verksamhetsomraden", "max_answers"])
            ),
            "Titta på kolumnen max_answers i tabellen questions.",
            fel=(Fel("Så blir det när man bara får välja ett svar. Här fick man välja fler.", lambda: 100),),
        ),
        # --- 14 Jämförbarhet
        Ovning(
            "14.1",
            "Hur stor andel av dem som svarade på SKL:s enkät 2015 var inte socialchef (eller motsvarande)?",
            PROCENT,
            lambda: 100 - _skl_chef(),
            "Titta på observationerna med indicator respondent_role_share och räkna från 100.",
            fel=(
                Fel("Det är andelen socialchefer. Här söks alla andra.", _skl_chef),
                Fel(
                    "Det är bara en av de andra befattningarna. Räkna med alla som inte är socialchef.",
                    om=lambda v, _: any(abs(v - x) < 0.01 for x in _skl_roles()["value"]),
                ),
            ),
        ),
        Ovning(
            "14.2",
            "Serien personal generellt (svårt, riket): hur många år saknar värde för att ingen källa har hittats?",
            HELTAL,
            lambda: int((_gaps()["gap_flag"] == "not_found").sum()),
            "Titta i tabellen series_gaps och räkna raderna med gap_flag not_found.",
            fel=(
                Fel(
                    "Du har räknat alla luckor. Ett av åren saknas av ett annat skäl (ingen undersökning gjordes, "
                    "no_survey): räkna bara not_found.",
                    lambda: len(_gaps()),
                ),
            ),
        ),
        Ovning(
            "14.3",
            "Serien personal generellt (svårt, riket): vilka år har ett värde som står som siffra i Visions "
            "egen rapport, alltså inte härlett, inte en gräns, inte ungefärligt och inte från ett "
            "pressmeddelande eller en nyhet?",
            HELTAL_LISTA,
            lambda: _series_years(NOT_IN_REPORT),
            "Titta på kolumnen comparability: leta efter flaggorna derived, bound, approximate och secondary_source.",
            fel=(
                Fel(
                    "Ett av dina år har ett härlett värde (flaggan derived): paketet har räknat fram det ur "
                    "rapportens siffror, men det står inte som siffra i rapporten.",
                    lambda: _series_years(NOT_IN_REPORT - {"derived"}),
                ),
            ),
        ),
        Ovning(
            "14.4",
            "SKL frågade om tre tidpunkter. Vilken av dem gäller samma tidpunkt som enkäten gjordes?",
            ORD,
            _same_period,
            "Den tidpunkt som saknar flaggan reference_period_differs i tabellen series.",
            fel=(
                Fel(
                    "Den tidpunkten ligger tolv månader från enkättillfället: den har flaggan reference_period_differs.",
                    om=lambda v, key: (
                        v != _normalise(key) and v in {_normalise(p) for p in _skl_periods()["reference_period"]}
                    ),
                ),
            ),
        ),
        # --- 15 Från rapport till data
        Ovning(
            "15.1",
            "Ur vilka observationer är V23-055 härledd?",
            Form('en lista med obs_id, till exempel ["X-001", "X-002"]', "ord_mangd"),
            lambda: OBS_ID.findall(_obs("V23-055").formula),
            "Läs kolumnen formula för V23-055.",
        ),
        Ovning(
            "15.2",
            "Räkna ut värdet för V23-087 ur dess formel.",
            PROCENT,
            lambda: _formula_value("V23-087"),
            "Ersätt varje obs_id i formeln med observationens värde och räkna.",
            tolerans=0.05,
            fel=(
                Fel(
                    "Det är ett av värdena i formeln, inte resultatet.",
                    om=lambda v, _: any(
                        abs(v - _obs(ref).value) < 0.01 for ref in OBS_ID.findall(_obs("V23-087").formula)
                    ),
                ),
            ),
        ),
        Ovning(
            "15.3",
            "Vilken bas (n) anger rapporten för Figur 9?",
            HELTAL,
            _figure_9_base,
            "Läs kolumnen base_printed i tabellen figures och plocka ut talet efter n=.",
            fel=(
                Fel(
                    "Det är antalet svarande kommuner. Figurens bas är mindre: alla svarade inte på frågan.",
                    lambda: int(_survey("vision_2023").respondents_n),
                ),
            ),
        ),
        Ovning(
            "15.4",
            "Värdet för 2020 i V23-077: i vilket dokument (source_id) står siffran?",
            ORD,
            lambda: _obs("V23-077").source_id,
            "Skilj på undersökningen (survey_id: när frågan ställdes) och källan (source_id: var siffran är tryckt).",
            fel=(
                Fel(
                    "Det är undersökningen, alltså när frågan ställdes. Siffran är tryckt i ett senare dokument: "
                    "titta i kolumnen source_id.",
                    lambda: _obs("V23-077").survey_id,
                ),
                Fel(
                    "Det finns ingen källa med det source_id i tabellen sources.",
                    om=lambda v, _: v not in {_normalise(x) for x in _t()["sources"]["source_id"]},
                ),
            ),
        ),
    ]
}


# ------------------------------------------------------------------ the checker


def _judge(ovning: Ovning, svar) -> str | None:
    """None when the answer is right, else the reason (possibly empty); raises _Ogiltigt."""
    value = ovning.form.read(svar)
    key = ovning.facit()
    for accepted in (key, *(f() for f in ovning.ocksa)):
        if ovning.form.equal(value, accepted, ovning.tolerans):
            return None
    for mistake in ovning.fel:
        if mistake.varde is not None:
            if ovning.form.equal(value, mistake.varde(), max(ovning.tolerans, 0.01)):
                return mistake.tips
        elif mistake.om(value, key):
            return mistake.tips
    return ovning.form.generic_hint(value, key, ovning.tolerans)


def kontrollera(ovning_id: str, svar) -> str:
    """``"rätt"`` om svaret stämmer med datapaketet, annars en förklaring och en ledtråd på svenska.

    >>> kontrollera("15.3", None).startswith("Du har inte svarat")
    True
    >>> obs = load()["observations"]
    >>> n = int(obs.loc[obs["figure_id"] == "vision_2023_figur_9", "base_n"].dropna().iloc[0])
    >>> kontrollera("15.3", n), kontrollera("15.3", f"n={n}")
    ('rätt', 'rätt')
    >>> kontrollera("15.3", 1) != "rätt"
    True
    """
    ovning = OVNINGAR.get(str(ovning_id).strip())
    if ovning is None:
        return f"Det finns ingen övning ”{ovning_id}”. Övningarna heter {', '.join(OVNINGAR)}."
    if svar is None or svar is Ellipsis or (isinstance(svar, str) and not svar.strip()):
        return f"Du har inte svarat än. Skriv ditt svar efter svar = ({ovning.form.beskrivning}) och kör cellen igen."
    try:
        reason = _judge(ovning, svar)
    except _Ogiltigt as why:
        return f"Svaret ska vara {ovning.form.beskrivning}. {why} Ledtråd: {ovning.tips}"
    if reason is None:
        return RATT
    return f"Inte riktigt. {reason + ' ' if reason else ''}Ledtråd: {ovning.tips}"
