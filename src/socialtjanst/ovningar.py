"""Checking the answers to the exercises of the method notebooks 11–15 (Övningar).

A student writes an answer in the notebook and runs ``kontrollera(id, svar)``, which
returns ``"rätt"`` or a hint in Swedish. The correct answer is computed from the data
package every time (with ``socialtjanst.stats`` where a method is needed), never from
copied numbers, so the key follows the data if the data is corrected. Where students
round, answers within a tolerance are accepted.

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
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from . import stats
from .load import load
from .validate import OBS_ID, evaluate

RATT = "rätt"


@lru_cache(maxsize=1)
def _t() -> dict[str, pd.DataFrame]:
    return load()


def _obs(obs_id: str) -> pd.Series:
    return _t()["observations"].set_index("obs_id").loc[obs_id]


def _survey(survey_id: str) -> pd.Series:
    return _t()["surveys"].set_index("survey_id").loc[survey_id]


# ------------------------------------------------------------------ reading an answer


class _Ogiltigt(Exception):
    """The answer cannot be read as the form the exercise asks for."""


def _tal(svar) -> float:
    """A number from an int, a float or a string such as "54,5 %"."""
    if isinstance(svar, bool):
        raise _Ogiltigt
    if isinstance(svar, (int, float)):
        if math.isnan(svar):
            raise _Ogiltigt
        return float(svar)
    if hasattr(svar, "item") and not isinstance(svar, (str, bytes)):  # numpy and pandas scalars
        return _tal(svar.item())
    if isinstance(svar, str):
        text = svar.strip().lower().replace("procent", "").replace("%", "").replace(",", ".").replace(" ", "")
        try:
            return float(text)
        except ValueError:
            raise _Ogiltigt from None
    raise _Ogiltigt


def _talpar(svar) -> tuple[float, float]:
    """Two numbers (a lower and an upper limit), in either order."""
    if isinstance(svar, (str, bytes)) or not hasattr(svar, "__iter__"):
        raise _Ogiltigt
    values = [_tal(v) for v in svar]
    if len(values) != 2:
        raise _Ogiltigt
    return min(values), max(values)


def _heltal(svar) -> int:
    value = _tal(svar)
    if abs(value - round(value)) > 1e-9:
        raise _Ogiltigt
    return int(round(value))


def _heltal_mangd(svar) -> set[int]:
    """A set of whole numbers from one number or a list, tuple, set or range."""
    if isinstance(svar, (str, bytes)) or not hasattr(svar, "__iter__"):
        return {_heltal(svar)}
    values = {_heltal(v) for v in svar}
    if not values:
        raise _Ogiltigt
    return values


def _ord(svar) -> str:
    if not isinstance(svar, str) or not svar.strip():
        raise _Ogiltigt
    return " ".join(svar.strip().lower().split())


def _ord_mangd(svar) -> set[str]:
    if isinstance(svar, str):
        return {_ord(svar)}
    if not hasattr(svar, "__iter__"):
        raise _Ogiltigt
    values = {_ord(v) for v in svar}
    if not values:
        raise _Ogiltigt
    return values


def _ja_nej(svar) -> str:
    if isinstance(svar, bool):
        return "ja" if svar else "nej"
    word = _ord(svar).rstrip(".!")
    if word not in ("ja", "nej"):
        raise _Ogiltigt
    return word


def _nara(a: float, b: float, tol: float) -> bool:
    return abs(a - b) <= tol + 1e-9


def _par_nara(a: tuple[float, float], b: tuple[float, float], tol: float) -> bool:
    return _nara(a[0], b[0], tol) and _nara(a[1], b[1], tol)


# ------------------------------------------------------------------ the exercises


@dataclass(frozen=True)
class Ovning:
    """One exercise: what it asks, in which form, and how an answer is judged."""

    id: str
    fraga: str
    form: str
    bedom: Callable[[object], str | None]  # None when right, else a hint; raises _Ogiltigt
    tips: str


OVNINGAR: dict[str, Ovning] = {}


def _ovning(ovning_id: str, fraga: str, form: str, tips: str):
    def wrap(func):
        OVNINGAR[ovning_id] = Ovning(ovning_id, fraga, form, func, tips)
        return func

    return wrap


# --- 11 Svarsfrekvens och bortfall


@_ovning(
    "11.1",
    "Räkna om svarsfrekvensen i Vision 2023 med en decimal.",
    "ett tal i procent, till exempel 12.3",
    "Dela antalet kommuner som svarade med antalet som fick enkäten och multiplicera med 100.",
)
def _o_11_1(svar):
    u = _survey("vision_2023")
    facit = 100 * u.respondents_n / u.population_n
    value = _tal(svar)
    if _nara(value, facit, 0.06):
        return None
    if _nara(value, u.response_rate_published_pct, 0.01):
        return "Det är rapportens avrundade siffra. Räkna själv fram svarsfrekvensen med en decimal."
    if _nara(100 * value, facit, 0.06):
        return "Nästan: svara i procent, inte som en andel mellan 0 och 1."
    return ""


@_ovning(
    "11.2",
    "Hur många av de kommuner som svarade på Vision 2023 finns inte med i basen för Figur 2?",
    "ett heltal (antal kommuner)",
    "Ta antalet svarande kommuner i tabellen surveys och dra av basen (n) som Figur 2 anger.",
)
def _o_11_2(svar):
    u = _survey("vision_2023")
    obs = _t()["observations"]
    base = int(obs.loc[obs["figure_id"] == "vision_2023_figur_2", "base_n"].dropna().min())
    facit = int(u.respondents_n) - base
    value = _heltal(svar)
    if value == facit:
        return None
    if value == int(u.population_n) - int(u.respondents_n):
        return (
            "Det är antalet kommuner som inte svarade alls (externt bortfall). Här söks de som svarade "
            "på enkäten men inte finns i basen för just Figur 2 (internt bortfall)."
        )
    if value == base:
        return "Det är basen själv. Hur många svarande saknas i den?"
    return ""


@_ovning(
    "11.3",
    "Bortfallsgränser för socialsekreterare 2023 (observation V23-053): lägsta och högsta möjliga "
    "andel av alla kommuner.",
    "två tal i procent, till exempel (12.3, 45.6)",
    "Använd stats.nonresponse_bounds(värde, bas, antal kommuner som fick enkäten).",
)
def _o_11_3(svar):
    row = _obs("V23-053")
    population = int(_survey("vision_2023").population_n)
    facit = stats.nonresponse_bounds(row.value, int(row.base_n), population)
    value = _talpar(svar)
    if _par_nara(value, facit, 0.15):
        return None
    if _par_nara(value, stats.percent_interval(row.value, int(row.base_n), population), 0.15):
        return (
            "Det där är felmarginalen (konfidensintervallet). Här söks vad andelen blir om alla som inte "
            "svarade hade svarat svårt, respektive om ingen av dem hade gjort det."
        )
    respondents = int(_survey("vision_2023").respondents_n)
    if _par_nara(value, stats.nonresponse_bounds(row.value, int(row.base_n), respondents), 0.15):
        return "Nästan: som population ska du ange alla kommuner som fick enkäten, inte bara de som svarade."
    return ""


@_ovning(
    "11.4",
    "Vårdanalys enkät till lärosätena: vilken svarsfrekvens ger vanlig avrundning till hela procent?",
    "ett heltal i procent",
    "Räkna 100 × svarande / antal lärosäten och avrunda till närmaste heltal.",
)
def _o_11_4(svar):
    u = _survey("vardanalys_2019_larosaten")
    exact = 100 * u.respondents_n / u.population_n
    facit = math.floor(exact + 0.5)
    value = _tal(svar)
    if _nara(value, facit, 0.01):
        return None
    if _nara(value, u.response_rate_published_pct, 0.01):
        return "Det är den publicerade siffran. Räkna själv och avrunda till närmaste heltal: blir det samma?"
    if _nara(value, exact, 0.06):
        return "Rätt uträknat, men avrunda till ett heltal."
    return ""


# --- 12 Bas och felmarginal


@_ovning(
    "12.1",
    "Felmarginal för socialsekreterare 2023 (observation V23-053) med ändlig-populationskorrektion.",
    "två tal i procent, till exempel (12.3, 45.6)",
    "Använd stats.percent_interval(värde, bas, population) med basen och populationen från tabellerna.",
)
def _o_12_1(svar):
    row = _obs("V23-053")
    population = int(_survey("vision_2023").population_n)
    facit = stats.percent_interval(row.value, int(row.base_n), population)
    value = _talpar(svar)
    if _par_nara(value, facit, 0.15):
        return None
    if _par_nara(value, stats.percent_interval(row.value, int(row.base_n)), 0.15):
        return "Det är intervallet utan korrektion. Ange också populationen (antal kommuner som fick enkäten)."
    if _par_nara(value, stats.nonresponse_bounds(row.value, int(row.base_n), population), 0.15):
        return "Det är bortfallsgränserna från notebook 11. Här söks felmarginalen (stats.percent_interval)."
    return ""


@_ovning(
    "12.2",
    "Figur 10: hur många socialchefer kan ha svarat 'mer stimulerande än krävande' (observation V23-095)?",
    "ett heltal, eller en lista med heltal om flera är möjliga",
    "Använd stats.respondent_counts(värde, bas): det ger alla antal som avrundas till den publicerade procenten.",
)
def _o_12_2(svar):
    row = _obs("V23-095")
    facit = set(stats.respondent_counts(row.value, int(row.base_n)))
    value = _heltal_mangd(svar)
    if value == facit:
        return None
    if value < facit:
        return "Du har hittat en del av svaret: finns det fler antal som avrundas till samma procent?"
    return ""


@_ovning(
    "12.3",
    "Kan man räkna ett 95 % intervall för storstadslänen och övriga landet 2023 (V23-076 och V23-078)?",
    "ja eller nej",
    "Titta på base_n och base_note för de två observationerna: vilken bas har rapporten tryckt, och gäller den gruppen?",
)
def _o_12_3(svar):
    s = _t()["series"]
    rows = s[(s["series_indicator"] == "staffing_difficulty") & s["obs_id"].isin(["V23-076", "V23-078"])]
    facit = "ja" if rows["ci_low_pct"].notna().all() else "nej"
    return None if _ja_nej(svar) == facit else ""


@_ovning(
    "12.4",
    "Behandlingspersonal 2022 och 2023 (V23-067 och V23-066): minsta gemensamma bas n där intervallen "
    "utan korrektion inte överlappar.",
    "ett heltal",
    "Gör som i notebookens loop: prova n = 2, 3, 4 … och stanna vid första n där det lägre värdets övre "
    "gräns ligger under det högre värdets nedre gräns.",
)
def _o_12_4(svar):
    low, high = sorted([_obs("V23-067").value, _obs("V23-066").value])
    facit = next(n for n in range(1, 100_000) if stats.percent_interval(high, n)[0] > stats.percent_interval(low, n)[1])
    value = _heltal(svar)
    if value == facit:
        return None
    if value == facit - 1:
        return "Nästan: vid det n överlappar intervallen fortfarande (eller nuddar varandra). Prova ett till."
    if value > facit:
        return "Intervallen slutar överlappa redan vid ett mindre n. Prova mindre värden."
    return "Vid det n överlappar intervallen fortfarande. Prova större värden."


# --- 13 Sammanslagning av kategorier


@_ovning(
    "13.1",
    "Vilka svarsalternativ på Visions femgradiga skala (vision_villkor_5) slås ihop till 'svårt'?",
    'en lista med alternativen ordagrant, till exempel ["Alternativ A", "Alternativ B"]',
    "Titta i tabellen response_options: raderna med scale_id vision_villkor_5 och kolumnen harmonised_category.",
)
def _o_13_1(svar):
    ro = _t()["response_options"]
    rows = ro[(ro["scale_id"] == "vision_villkor_5") & (ro["harmonised_category"] == "svårt")]
    facit = {_ord(o) for o in rows["option_sv"]}
    value = _ord_mangd(svar)
    if value == facit:
        return None
    if value < facit:
        return "Ett alternativ saknas."
    if value > facit:
        return "Du har tagit med för många: vissa av dem hör till en annan kategori."
    return ""


@_ovning(
    "13.2",
    "Vision 2015: hur stor kan andelen 'svårt' högst ha varit (observation V23-051)?",
    "ett tal i procent",
    "Allt som inte är lätt eller balans: räkna från 100.",
)
def _o_13_2(svar):
    bound = _obs("V23-052")
    stated = _obs("V23-051").value
    facit = evaluate(bound.formula, {ref: float(_obs(ref).value) for ref in OBS_ID.findall(bound.formula)})
    value = _tal(svar)
    if _nara(value, facit, 0.01):
        return None
    if _nara(value, stated, 0.01):
        return "Det är andelen lätt eller balans. Hur mycket blir kvar för svårt (och kan ej bedöma)?"
    return ""


@_ovning(
    "13.3",
    "Figur 10: mellankategorin är härledd ur två avrundade andelar. Hur liten och hur stor kan den vara?",
    "två tal i procent, till exempel (12.3, 45.6)",
    "Varje publicerad heltalsprocent kan vara upp till en halv procentenhet för hög eller för låg.",
)
def _o_13_3(svar):
    formula = _obs("V23-097").formula
    refs = OBS_ID.findall(formula)
    values = {ref: float(_obs(ref).value) for ref in refs}
    low = evaluate(formula, {ref: v + 0.5 for ref, v in values.items()})
    high = evaluate(formula, {ref: v - 0.5 for ref, v in values.items()})
    value = _talpar(svar)
    if _par_nara(value, (low, high), 0.15):
        return None
    derived = _obs("V23-097").value
    if _nara(value[0], derived, 0.01) or _nara(value[1], derived, 0.01):
        return "Det härledda värdet ligger mitt emellan. Hur långt åt vardera hållet kan avrundningen flytta det?"
    return ""


@_ovning(
    "13.4",
    "Figur 2 (högst två svar): hur stor kan summan av alla andelar 2023 bli som mest?",
    "ett tal i procent",
    "Titta på kolumnen max_answers i tabellen questions.",
)
def _o_13_4(svar):
    q = _t()["questions"].set_index("question_id").loc["vision_2023_verksamhetsomraden"]
    facit = 100 * int(q.max_answers)
    value = _tal(svar)
    if _nara(value, facit, 0.01):
        return None
    if _nara(value, 100, 0.01):
        return "Så blir det när man bara får välja ett svar. Här fick man välja fler."
    return ""


# --- 14 Jämförbarhet


@_ovning(
    "14.1",
    "Hur stor andel av dem som svarade på SKL:s enkät 2015 var inte socialchef (eller motsvarande)?",
    "ett tal i procent",
    "Titta på observationerna med indicator respondent_role_share och räkna från 100.",
)
def _o_14_1(svar):
    obs = _t()["observations"]
    roles = obs[(obs["indicator"] == "respondent_role_share") & (obs["survey_id"] == "skl_2015")]
    chef = roles.loc[roles["subject"].str.startswith("socialchef"), "value"].iloc[0]
    facit = 100 - chef
    value = _tal(svar)
    if _nara(value, facit, 0.01):
        return None
    if _nara(value, chef, 0.01):
        return "Det är andelen socialchefer. Här söks alla andra."
    if any(_nara(value, v, 0.01) for v in roles["value"]):
        return "Det är bara en av de andra befattningarna. Räkna med alla som inte är socialchef."
    return ""


def _luckor() -> pd.DataFrame:
    gaps = _t()["series_gaps"]
    return gaps[
        (gaps["series_indicator"] == "staffing_difficulty")
        & (gaps["subject"] == "personal generellt")
        & (gaps["breakdown"] == "riket")
        & (gaps["category"] == "svårt")
    ]


@_ovning(
    "14.2",
    "Serien personal generellt (svårt, riket): hur många år saknar värde för att ingen källa har hittats?",
    "ett heltal (antal år)",
    "Titta i tabellen series_gaps och räkna raderna med gap_flag not_found.",
)
def _o_14_2(svar):
    gaps = _luckor()
    facit = int((gaps["gap_flag"] == "not_found").sum())
    value = _heltal(svar)
    if value == facit:
        return None
    if value == len(gaps):
        return "Du har räknat alla luckor. Ett av åren saknas av ett annat skäl (no_survey): räkna bara not_found."
    return ""


def _serie(indicator: str = "staffing_difficulty", subject: str = "personal generellt") -> pd.DataFrame:
    s = _t()["series"]
    return s[
        (s["series_indicator"] == indicator)
        & (s["subject"] == subject)
        & (s["breakdown"] == "riket")
        & (s["category"] == "svårt")
        & s["is_preferred"]
        & s["value"].notna()
    ]


def _flaggor(comparability) -> set[str]:
    return set(comparability.split(";")) if isinstance(comparability, str) else set()


@_ovning(
    "14.3",
    "Serien personal generellt (svårt, riket): vilka år har ett exakt värde ur Visions egen rapport, "
    "alltså inte en gräns, inte ungefärligt och inte från ett pressmeddelande eller en nyhet?",
    "en lista med årtal, till exempel [2001, 2002]",
    "Titta på kolumnen comparability: leta efter flaggorna bound, approximate och secondary_source.",
)
def _o_14_3(svar):
    rows = _serie()
    excluded = {"bound", "approximate", "secondary_source"}
    facit = {int(r.year) for r in rows.itertuples() if not _flaggor(r.comparability) & excluded}
    value = _heltal_mangd(svar)
    if value == facit:
        return None
    if value < facit:
        return "Ett eller flera år saknas i ditt svar."
    if value > facit:
        return "Du har tagit med år vars värde är en gräns, ungefärligt eller kommer från en sekundär källa."
    return ""


@_ovning(
    "14.4",
    "SKL frågade om tre tidpunkter. Vilken av dem gäller samma tidpunkt som enkäten gjordes?",
    "en av tidpunkterna ordagrant, som i kolumnen reference_period",
    "Den tidpunkt som saknar flaggan reference_period_differs i tabellen series.",
)
def _o_14_4(svar):
    s = _t()["series"]
    skl = s[(s["survey_id"] == "skl_2015") & s["reference_period"].notna()]
    facit = {
        _ord(r.reference_period)
        for r in skl.itertuples()
        if "reference_period_differs" not in _flaggor(r.comparability)
    }
    value = _ord(svar)
    if {value} == facit:
        return None
    if value in {_ord(p) for p in skl["reference_period"]}:
        return "Den tidpunkten ligger tolv månader från enkättillfället: den har flaggan reference_period_differs."
    return ""


# --- 15 Från rapport till data


@_ovning(
    "15.1",
    "Ur vilka observationer är V23-055 härledd?",
    'en lista med obs_id, till exempel ["X-001", "X-002"]',
    "Läs kolumnen formula för V23-055.",
)
def _o_15_1(svar):
    facit = set(OBS_ID.findall(_obs("V23-055").formula))
    if isinstance(svar, str):
        value = set(OBS_ID.findall(svar.upper()))
    else:
        value = {str(v).strip().upper() for v in _ord_mangd(svar)}
    if not value:
        raise _Ogiltigt
    if value == facit:
        return None
    if value < facit:
        return "Formeln innehåller fler observationer än så."
    return ""


@_ovning(
    "15.2",
    "Räkna ut värdet för V23-087 ur dess formel.",
    "ett tal i procent",
    "Ersätt varje obs_id i formeln med observationens värde och räkna.",
)
def _o_15_2(svar):
    row = _obs("V23-087")
    refs = OBS_ID.findall(row.formula)
    facit = evaluate(row.formula, {ref: float(_obs(ref).value) for ref in refs})
    value = _tal(svar)
    if _nara(value, facit, 0.05):
        return None
    if any(_nara(value, _obs(ref).value, 0.01) for ref in refs):
        return "Det är ett av värdena i formeln, inte resultatet."
    return ""


@_ovning(
    "15.3",
    "Vilken bas (n) anger rapporten för Figur 9?",
    "ett heltal",
    "Läs kolumnen base_printed i tabellen figures och plocka ut talet efter n=.",
)
def _o_15_3(svar):
    printed = _t()["figures"].set_index("figure_id").loc["vision_2023_figur_9", "base_printed"]
    facit = int(re.search(r"n=(\d+)", printed).group(1))
    value = _heltal(svar)
    if value == facit:
        return None
    if value == int(_survey("vision_2023").respondents_n):
        return "Det är antalet svarande kommuner. Figurens bas är mindre: alla svarade inte på frågan."
    return ""


@_ovning(
    "15.4",
    "Värdet för 2020 i V23-077: i vilket dokument (source_id) står siffran?",
    'ett source_id, till exempel "dokument_2001"',
    "Skilj på undersökningen (survey_id: när frågan ställdes) och källan (source_id: var siffran är tryckt).",
)
def _o_15_4(svar):
    row = _obs("V23-077")
    value = _ord(svar).strip("\"'")
    if value == _ord(row.source_id):
        return None
    if value == _ord(row.survey_id):
        return (
            "Det är undersökningen, alltså när frågan ställdes. Siffran är tryckt i ett senare dokument: "
            "titta i kolumnen source_id."
        )
    if value not in {_ord(x) for x in _t()["sources"]["source_id"]}:
        return "Det finns ingen källa med det source_id i tabellen sources."
    return ""


# ------------------------------------------------------------------ the checker


def kontrollera(ovning_id: str, svar) -> str:
    """``"rätt"`` om svaret stämmer med datapaketet, annars en ledtråd på svenska.

    >>> kontrollera("15.3", None).startswith("Du har inte svarat")
    True
    >>> obs = load()["observations"]
    >>> kontrollera("15.3", int(obs.loc[obs["figure_id"] == "vision_2023_figur_9", "base_n"].dropna().iloc[0]))
    'rätt'
    >>> kontrollera("15.3", 1) != "rätt"
    True
    """
    ovning = OVNINGAR.get(str(ovning_id).strip())
    if ovning is None:
        return f"Det finns ingen övning {ovning_id!r}. Övningarna heter {', '.join(OVNINGAR)}."
    if svar is None or svar is Ellipsis or (isinstance(svar, str) and not svar.strip()):
        return f"Du har inte svarat än. Skriv ditt svar efter svar = ({ovning.form}) och kör cellen igen."
    try:
        hint = ovning.bedom(svar)
    except _Ogiltigt:
        return f"Svaret ska vara {ovning.form}. Ledtråd: {ovning.tips}"
    if hint is None:
        return RATT
    return f"Inte riktigt. {hint + ' ' if hint else ''}Ledtråd: {ovning.tips}"
