# %% [markdown]
# # Bas (n) och felmarginal
#
# En andel i en rapport skrivs ofta med en bas: *procent (n = antal)*. Basen säger hur många
# kommuner andelen bygger på, och därmed hur säker den är.
#
# **Det här gör du:** läser en andel med sin bas, räknar ut konfidensintervallet med och utan
# korrektion för att populationen är liten, räknar fram hur många kommuner en avrundad procent kan
# betyda och prövar om en skillnad mellan två andelar är större än osäkerheten.
#
# **Det här lär du dig:** vad ett konfidensintervall och en felmarginal är, varför intervallet blir
# smalare när hälften av alla kommuner har svarat, varför en skillnad behöver ett eget
# konfidensintervall (två intervall som överlappar säger inte att skillnaden kan vara noll) och
# vad som inte går att räkna när rapporten saknar bas eller korstabell.
#
# **Det här behöver du:** ha gått igenom notebook 11. Kör cellerna uppifrån och ned med Shift + Enter.

# %%
import altair as alt
import pandas as pd
from IPython.display import Markdown, display

import socialtjanst
from socialtjanst import figures, stats
from socialtjanst.ovningar import kontrollera

alt.renderers.enable("svg")  # diagrammen ritas utan internet
tabeller = socialtjanst.load()


tal, procent = figures.number_sv, figures.percent_sv  # 54,5 and 54,5 %


def intervall(lag_hog):
    return f"{tal(lag_hog[0])}–{procent(lag_hog[1])}"


def skillnad(lag_hog):
    """An interval of a difference, in percentage points, with a Swedish minus sign."""
    lag, hog = (tal(x).replace("-", "−") for x in lag_hog)
    return f"{lag} till {hog} procentenheter"


obs = tabeller["observations"].set_index("obs_id")
figurer = tabeller["figures"].set_index("figure_id")
N = int(tabeller["surveys"].set_index("survey_id").loc["vision_2023", "population_n"])

# %% [markdown]
# ## Vad betyder en procent med bas?
#
# Här är Visions huvudsiffra om personalförsörjningen 2023, med basen som rapporten skriver under
# figuren:

# %%
rad = obs.loc["V23-047"]
antal = list(stats.respondent_counts(rad.value, rad.base_n))
display(Markdown(
    f"- **Andel:** {procent(rad.value)} bedömer villkoren som *{rad.category}* ({rad.subject})\n"
    f"- **Bas:** n = {rad.base_n}, ur figurtexten ”{figurer.loc[rad.figure_id, 'base_printed']}”\n"
    f"- **Citat:** ”{rad.quote}”\n\n"
    f"{procent(rad.value)} av {rad.base_n} är inte ett helt antal kommuner: {antal[0]} av {rad.base_n} är "
    f"{procent(100 * antal[0] / rad.base_n)} och {antal[-1]} av {rad.base_n} är "
    f"{procent(100 * antal[-1] / rad.base_n)}. Båda avrundas till {procent(rad.value)}."
))

# %% [markdown]
# Basen är antalet kommuner som svarade på just den frågan. `stats.respondent_counts` hittar alla
# antal som avrundas till den publicerade procenten. Tabellen `series` har antalen färdiga i
# kolumnerna `count_min` och `count_max`, för varje värde med känd bas. Där rapporten skriver basen
# som ett intervall lämnar paketet dem tomma.

# %%
# NBVAL_CHECK_OUTPUT
serie = tabeller["series"]
ar2023 = serie[(serie["series_indicator"] == "staffing_difficulty") & (serie["year"] == 2023)
               & (serie["breakdown"] == "riket") & serie["base_n"].notna()]
print(ar2023[["subject", "value", "base_n", "count_min", "count_max"]].astype({"count_min": float, "count_max": float})
      .to_string(index=False, float_format=tal, na_rep="–"))

# %% [markdown]
# ## Konfidensintervall och felmarginal
#
# Om andra kommuner hade svarat hade andelen blivit en annan. Ett 95 % *konfidensintervall* anger
# vilka andelar i alla kommuner som är förenliga med svaren, om de kommuner som svarade är som ett
# slumpmässigt urval av alla kommuner: räknat på det sättet täcker 95 av 100 sådana intervall den
# sanna andelen. *Felmarginalen* är halva intervallets bredd: det som står
# efter ± när man skriver *77 % ± 5 procentenheter*. Paketet använder Wilsons intervall
# (`stats.percent_interval`), som fungerar även för små baser och andelar nära 0 eller 100 %. Det
# ligger inte alltid symmetriskt kring andelen, så ± felmarginalen är en avrundad beskrivning; det
# är intervallets gränser som gäller.
#
# Enkäten var en *totalundersökning*: den gick till **alla** kommuner, men med bortfall, och ungefär
# hälften svarade. Då är det bara de andra kommunernas svar som är okända. Det tar
# *ändlighetskorrektionen* hänsyn till: ange populationen (alla kommuner som fick enkäten) så blir
# intervallet smalare.

# %%
med = stats.percent_interval(rad.value, rad.base_n, N)
utan = stats.percent_interval(rad.value, rad.base_n)
f = (N - rad.base_n) / (N - 1)
display(Markdown(
    f"- Med korrektion, `stats.percent_interval({tal(rad.value)}, {rad.base_n}, {N})`: **{intervall(med)}**, "
    f"felmarginal ungefär {tal((med[1] - med[0]) / 2)} procentenheter\n"
    f"- Utan korrektion, `stats.percent_interval({tal(rad.value)}, {rad.base_n})`: {intervall(utan)}, "
    f"felmarginal ungefär {tal((utan[1] - utan[0]) / 2)} procentenheter\n\n"
    f"Korrektionsfaktorn är (N − n) / (N − 1) = ({N} − {rad.base_n}) / ({N} − 1) = {tal(f, 2)}."
))

# %% [markdown]
# Intervallet räknas på den avrundade procenten. Det verkliga antalet kommuner är något av antalen
# ovan, och varje möjligt antal ger ett något annat intervall. Så mycket spelar avrundningen:

# %%
mojliga = {k: stats.percent_interval(100 * k / rad.base_n, rad.base_n, N) for k in antal}
flytt = max(abs(a - b) for lh in mojliga.values() for a, b in zip(lh, med))
display(Markdown(
    "\n".join(f"- {k} av {rad.base_n} ({procent(100 * k / rad.base_n)}): {intervall(lh)}" for k, lh in mojliga.items())
    + f"\n\nGränserna flyttar sig som mest {tal(flytt)} procentenheter jämfört med intervallet på "
    f"{procent(rad.value)}, {intervall(med)}. Felmarginalen är ungefär {tal((med[1] - med[0]) / 2)} "
    "procentenheter, så avrundningen betyder lite här. Med en liten bas kan den betyda mer: räkna då "
    "på de möjliga antalen."
))

# %% [markdown]
# Korrektionen multiplicerar variansen (standardfelet i kvadrat) med faktorn ovan. Den är ungefär
# andelen kommuner som inte finns i basen. Felmarginalen krymper ungefär med roten ur faktorn. Utan
# korrektion behandlas de svarande kommunerna som ett urval ur ett oändligt antal kommuner.
# Korrektionen är motiverad bara om de kommuner som svarade är som ett obundet slumpmässigt urval av
# alla kommuner. Det vet vi inte, och svarsfrekvensen skilde sig mellan kommungrupperna. Det smalare
# intervallet vilar alltså ännu mer på antagandet om bortfallet (notebook 11).
#
# Samma jämförelse för alla personalgrupper med känd bas 2023 (kolumnerna `ci_low_pct` och
# `ci_high_pct` i tabellen `series` är de korrigerade intervallen):

# %%
# NBVAL_CHECK_OUTPUT
tabell = ar2023[["subject", "value", "base_n"]].copy()
tabell["med korrektion"] = [intervall(stats.percent_interval(x, n, N)) for x, n in zip(tabell["value"], tabell["base_n"])]
tabell["utan korrektion"] = [intervall(stats.percent_interval(x, n)) for x, n in zip(tabell["value"], tabell["base_n"])]
print(tabell.to_string(index=False, float_format=tal))

# %% [markdown]
# Hur mycket korrektionen betyder beror på hur stor del av alla kommuner som svarade. Diagrammet visar
# konfidensintervallets bredd för samma andel vid olika baser. När alla svarar (n = N) finns ingen
# osäkerhet kvar om vad kommunerna svarade.

# %%
baser = list(range(10, N + 1, 5)) + [N]
bredd = pd.DataFrame(
    [{"n": n, "beräkning": namn, "bredd": round(hi - lo, 1)}
     for n in baser
     for namn, (lo, hi) in (("med korrektion", stats.percent_interval(rad.value, n, N)),
                            ("utan korrektion", stats.percent_interval(rad.value, n)))])
markera = pd.DataFrame({"n": [rad.base_n], "text": [f"n = {rad.base_n}"]})
x = alt.X("n:Q", title="Bas (n), antal kommuner som svarat", scale=alt.Scale(domain=[0, N]))
alt.layer(
    alt.Chart(bredd).mark_line().encode(
        x=x, y=alt.Y("bredd:Q", title="Intervallets bredd (procentenheter)"),
        color=alt.Color("beräkning:N", title="Beräkning")),
    # The reference line and its label repeat the title: hidden from screen readers.
    alt.Chart(markera).mark_rule(strokeDash=[4, 3], color="#888", aria=False).encode(x="n:Q"),
    alt.Chart(markera).mark_text(align="left", dx=4, y=8, fontSize=10, color="#555", aria=False).encode(
        x="n:Q", text="text:N"),
).properties(width=420, height=220, title=alt.TitleParams(
    f"Konfidensintervallets bredd för {tal(rad.value)} procent när fler av {N} kommuner svarar",
    subtitle=["95 % konfidensintervall (Wilson), med och utan ändlighetskorrektion.",
              "Streckad linje: basen i Visions Figur 4 (2023). Källa: stats.percent_interval."],
    anchor="start"))

# %% [markdown]
# ## Är skillnaden större än osäkerheten?
#
# Två andelar har var sitt konfidensintervall. Det är frestande att bara titta på om intervallen
# överlappar, men det besvarar inte frågan:
#
# - Om två 95 % konfidensintervall **inte** överlappar är skillnaden större än urvalsosäkerheten
#   rimligen kan förklara.
# - Om de **överlappar** kan skillnaden ändå vara det. Överlappet säger ingenting säkert.
#
# Skillnaden har nämligen ett **eget** konfidensintervall. För att två intervall inte ska överlappa
# måste skillnaden vara större än de två felmarginalerna tillsammans, men skillnadens egen
# felmarginal är mindre än så: för oberoende andelar ungefär roten ur summan av de två
# felmarginalernas kvadrater.
# Innehåller skillnadens intervall inte 0 är skillnaden större än osäkerheten. Hur intervallet räknas beror på om andelarna kommer från olika kommuner eller från
# samma kommuner.
#
# ### Olika år: två olika enkäter
#
# Två år av samma enkät är två olika urval av svarande. För skillnaden mellan två sådana andelar
# använder paketet Newcombes intervall (`stats.percent_difference_interval`), som bygger på de två
# Wilson-intervallen. Ändlighetskorrektion kan anges för vart och ett av åren.
#
# Rapporten skriver att andelen socialchefer i storstadslänen som bedömer villkoren som svåra nästan
# har tredubblats:

# %%
fore, efter = obs.loc["V23-077"], obs.loc["V23-076"]
display(Markdown(
    f"> ”{efter.quote}”\n\n"
    f"- {fore.reference_year}: {procent(fore.value)}, bas: okänd (rapporten anger ingen bas för det året)\n"
    f"- {efter.reference_year}: {procent(efter.value)}, bas: okänd; rapporten trycker bara basen för alla "
    f"som svarade, ”{figurer.loc['vision_2023_figur_4', 'base_printed']}”, inte för storstadslänen"
))

# %% [markdown]
# Basen för storstadslänen är okänd båda åren, så ett intervall går inte att räkna. Men man kan
# fråga: **hur få kommuner skulle behöva ha svarat för att skillnaden ändå ska vara större än
# osäkerheten?** Först: vilka baser är alls möjliga? En procent i rapporten är ett helt antal
# kommuner delat med basen och avrundat, och med få kommuner går bara vissa procent att få.
# `stats.respondent_counts` ger de antal av n som avrundas till procenten, och en tom lista när
# inget antal gör det. Ligger ett antal exakt en halv procentenhet från två procent räknas det till
# båda, eftersom rapporterna inte säger hur de avrundar:

# %%
# NBVAL_CHECK_OUTPUT
def mojliga_baser(varde, hogst):
    return [n for n in range(1, hogst + 1) if stats.respondent_counts(varde, n)]


for rad_ar in (fore, efter):
    print(f"{rad_ar.reference_year}, {procent(rad_ar.value)}: möjliga baser upp till 40 är "
          f"{', '.join(str(n) for n in mojliga_baser(rad_ar.value, 40))}")
minst = mojliga_baser(efter.value, 1000)[0]
k_minst = stats.respondent_counts(efter.value, minst)[0]
andel_minst = 100 * k_minst / minst
print(f"Med färre än {minst} kommuner kan {procent(efter.value)} inte uppstå: "
      f"{k_minst} av {minst} är {procent(andel_minst)}.")

# %% [markdown]
# Vi räknar därför det senare året med den minsta möjliga basen: den ger det bredaste intervallet
# för det året. Att det också är det försiktigaste valet för skillnaden kontrollerar vi nedan med
# alla kombinationer. Sedan prövar vi varje möjlig bas för det tidigare året, utan
# korrektion (hur många kommuner storstadslänen har står inte i paketet, och utan korrektion blir
# intervallen bredare). Om flera antal ger samma procent ska villkoret gälla för alla. För varje bas
# räknar vi skillnadens konfidensintervall, och för jämförelse också när de två årens egna intervall
# slutar överlappa:

# %%
# NBVAL_CHECK_OUTPUT
def skillnad_for(andel, n):
    """Skillnadens intervall: det senare året med den minsta möjliga basen, det tidigare med andel av n."""
    return stats.percent_difference_interval(andel_minst, minst, andel, n)


def for_alla_antal(n, villkor):
    """Om villkoret gäller för varje antal av n kommuner som ger det tidigare årets procent."""
    antal = stats.respondent_counts(fore.value, n)
    return bool(antal) and all(villkor(100 * k / n, n) for k in antal)


n_skillnad = next(n for n in range(1, 1000) if for_alla_antal(n, lambda a, n: skillnad_for(a, n)[0] > 0))
senare = stats.percent_interval(andel_minst, minst)
n_isar = next(n for n in range(1, 1000)
              if for_alla_antal(n, lambda a, n: senare[0] > stats.percent_interval(a, n)[1]))
for namn, n in [("Skillnadens intervall utesluter 0", n_skillnad), ("De två intervallen slutar överlappa", n_isar)]:
    k = stats.respondent_counts(fore.value, n)[0]
    print(f"{namn} från bas {n} år {fore.reference_year} ({k} av {n}): skillnaden "
          f"{skillnad(skillnad_for(100 * k / n, n))}; {fore.reference_year} "
          f"{intervall(stats.percent_interval(100 * k / n, n))}, {efter.reference_year} {intervall(senare)}")

# %%
kurva = pd.DataFrame(
    [{"n": n, "lag": lo, "hog": hi}
     for n in mojliga_baser(fore.value, 40)
     for k in stats.respondent_counts(fore.value, n)
     for lo, hi in [skillnad_for(100 * k / n, n)]])
x = alt.X("n:Q", title=f"Möjlig bas (n) {fore.reference_year}", scale=alt.Scale(domain=[0, 41]))
alt.layer(
    alt.Chart(kurva).mark_rule(strokeWidth=6, color="#c0392b", opacity=0.6).encode(
        x=x, y=alt.Y("lag:Q", title="Skillnad från (procentenheter)", scale=alt.Scale(domain=[-20, 100]),
                     axis=alt.Axis(title="Skillnad (procentenheter)")),
        y2=alt.Y2("hog:Q", title="till (procentenheter)")),
    # The zero line and the two bases are in the title: hidden from screen readers.
    alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#333", aria=False).encode(y="y:Q"),
    alt.Chart(pd.DataFrame({"n": [n_skillnad, n_isar]})).mark_rule(strokeDash=[4, 3], color="#333", aria=False).encode(
        x="n:Q"),
).properties(width=420, height=220, title=alt.TitleParams(
    "Storstadslänen: konfidensintervallet för ökningen vid olika möjliga baser",
    subtitle=[f"Skillnaden {procent(efter.value)} ({efter.reference_year}, räknat som {k_minst} av {minst}) "
              f"minus {procent(fore.value)} ({fore.reference_year}), V23-076 och V23-077.",
              "Vänster streckad linje: minsta bas där intervallet inte innehåller 0. Höger: där de två årens",
              "intervall slutar överlappa. Källa: stats.percent_difference_interval."],
    anchor="start"))

# %% [markdown]
# Mellan de två streckade linjerna överlappar de två årens intervall, men skillnadens eget intervall
# innehåller inte 0: där skulle överlappsregeln ha fått oss att tro att ökningen kan bero på
# slumpmässig variation.
#
# Gäller det också om det senare året hade en större bas? Vi prövar alla möjliga baser båda åren:
# det senare året upp till så många som svarade på frågan i hela landet, det tidigare upp till alla
# landets kommuner.

# %%
# NBVAL_CHECK_OUTPUT
hogst = int(obs.loc["V23-047", "base_n"])  # svarade på frågan i hela landet
utfall = [skillnad_intervall[0] > 0
          for n1 in mojliga_baser(efter.value, hogst) for k1 in stats.respondent_counts(efter.value, n1)
          for n2 in mojliga_baser(fore.value, N) if n2 >= n_skillnad
          for k2 in stats.respondent_counts(fore.value, n2)
          for skillnad_intervall in [stats.percent_difference_interval(100 * k1 / n1, n1, 100 * k2 / n2, n2)]]
print(f"{efter.reference_year}: baser upp till {hogst}; {fore.reference_year}: baser från {n_skillnad} upp till "
      f"{N}. Skillnadens intervall utesluter 0 i {sum(utfall)} av {len(utfall)} kombinationer.")

# %%
display(Markdown(
    f"Om minst {n_skillnad} kommuner i storstadslänen svarade {fore.reference_year} utesluter skillnadens "
    f"95 % konfidensintervall 0, hur många som än svarade {efter.reference_year} (högst {hogst}, alla som "
    f"svarade på frågan i hela landet). Ökningen är då svår att "
    f"förklara enbart med slumpmässig variation i vilka kommuner som svarade, förutsatt att de svarande är "
    f"som ett slumpmässigt urval.\n\n"
    f"Det man **inte** kan säga: hur stor felmarginalen är, om samma kommuner svarade båda åren (då är "
    f"åren inte oberoende urval; om kommunernas svar hänger ihop mellan åren är intervallet ovan "
    f"försiktigare än det behöver vara), hur "
    f"stort bortfallet var {fore.reference_year} (notebook 11) och om frågan ställdes på samma sätt då: "
    f"paketet flaggar {fore.reference_year} års värde för att frågans lydelse det året inte är tryckt."
))

# %% [markdown]
# ### Samma år, olika frågor: Figur 1
#
# I Figur 1 har samma socialchefer svarat på fyra frågor om vad som är svårt att klara inom budgeten
# 2023 (rapportens bas är ett intervall; paketet räknar med det lägre talet, som ger det bredare
# intervallet):

# %%
# NBVAL_CHECK_OUTPUT
uppgifter = serie[(serie["series_indicator"] == "budget_task_difficulty") & (serie["year"] == 2023)
                  & (serie["breakdown"] == "riket") & (serie["category"] == "svårt") & serie["base_n"].notna()]
uppgifter = uppgifter.sort_values("value", ascending=False)
print(uppgifter[["obs_id", "subject", "value", "base_n", "ci_low_pct", "ci_high_pct"]].to_string(index=False, float_format=tal))

# %% [markdown]
# När samma personer svarar på två frågor är andelarna inte oberoende. Hur osäker skillnaden är
# beror på hur många som svarade *svårt* på **båda** frågorna, och den korstabellen publicerar
# rapporten inte. Det enda vi vet är gränserna (Fréchet-gränserna, `stats.frechet_bounds`): andelen
# som svarat svårt på båda är minst summan av andelarna minus 100 % (men aldrig under 0) och högst
# den mindre av dem.
#
# `stats.paired_difference_interval` räknar skillnadens konfidensintervall för ett antaget värde på
# den andelen (Newcombes intervall för parade andelar). Vi räknar det för båda gränserna: minsta
# möjliga överlapp ger det bredaste intervallet, största möjliga det smalaste. Bara om båda
# utesluter 0 kan man säga att skillnaden är större än osäkerheten utan att känna korstabellen.

# %%
def parad(a, b):
    """The paired difference interval for two Figur 1 rows, at both Fréchet bounds, in percentage points."""
    n = int(min(a.base_n, b.base_n))
    return [tuple(round(100 * x, 1) for x in stats.paired_difference_interval(a.value / 100, b.value / 100, bada, n, N))
            for bada in stats.frechet_bounds(a.value / 100, b.value / 100)]


def dom(bredast, smalast):
    if bredast[0] > 0 or bredast[1] < 0:
        return "skillnaden är större än osäkerheten, vilken korstabellen än är"
    if smalast[0] > 0 or smalast[1] < 0:
        return "om skillnaden är större än osäkerheten beror på korstabellen, som rapporten inte publicerar"
    return "skillnaden är inte större än osäkerheten, vilken korstabellen än är"


rader = list(uppgifter.itertuples())
meningar = []
for i, a in enumerate(rader):
    for b in rader[i + 1:]:
        bredast, smalast = parad(a, b)
        meningar.append(
            f"- *{a.subject}* ({procent(a.value)}) mot *{b.subject}* ({procent(b.value)}): "
            f"skillnadens konfidensintervall är som smalast {skillnad(smalast)} och som bredast "
            f"{skillnad(bredast)}: **{dom(bredast, smalast)}**.")
display(Markdown("\n".join(meningar)))

# %% [markdown]
# Jämför med intervallen i tabellen ovan: för ett av paren överlappar de två intervallen, men om
# många av dem som svarade svårt på den ena frågan också gjorde det på den andra är skillnaden ändå
# större än osäkerheten. För att avgöra det behövs rapportens korstabell, eller rådata.

# %% [markdown]
# ## Övningar
#
# Skriv ditt svar efter `svar =` och kör cellen. Lösningarna finns i
# `losningar/12_bas_och_felmarginal_losningar.py`.

# %% [markdown]
# ### Övning `12.1`
#
# Räkna ut konfidensintervallet för socialsekreterare 2023 (`V23-053`) **med**
# ändlighetskorrektion. Svara med två tal.

# %%
rad = obs.loc["V23-053"]
print(f"V23-053, {rad.subject}: {procent(rad.value)}, n = {rad.base_n}, population N = {N}")
svar = None  # till exempel: svar = stats.percent_interval(...)
print(kontrollera("12.1", svar))

# %% [markdown]
# ### Övning `12.2`
#
# Figur 10: hur många socialchefer kan ha svarat att uppdraget är *mer stimulerande än krävande*
# (`V23-095`)? Svara med ett heltal, eller en lista om flera antal är möjliga.

# %%
rad = obs.loc["V23-095"]
print(f"V23-095, {rad.category}: {procent(rad.value)}, n = {rad.base_n}")
svar = None
print(kontrollera("12.2", svar))

# %% [markdown]
# ### Övning `12.3`
#
# Storstadslänen (`V23-076`) och övriga landet (`V23-078`) 2023: kan man räkna ett 95 %
# konfidensintervall för grupperna? Svara `"ja"` eller `"nej"`. Läs basen som rapporten trycker:
# gäller den gruppen?

# %%
for obs_id in ["V23-076", "V23-078"]:
    rad = obs.loc[obs_id]
    print(f"{obs_id}: {procent(rad.value)}, base_n: {'saknas' if pd.isna(rad.base_n) else rad.base_n}")
svar = None
print(kontrollera("12.3", svar))

# %% [markdown]
# ### Övning `12.4`
#
# Behandlingspersonal 2022 (`V23-067`) och 2023 (`V23-066`): basen för 2023 är känd, basen för 2022
# inte. Vilken är den minsta bas för 2022, bland dem där procenten kan uppstå med ett helt antal
# kommuner, där konfidensintervallet för skillnaden mellan åren, **utan** korrektion, inte
# innehåller 0? Räkna 2023 med dess egen bas och 2022 i procent, 100 · k / n, för varje k som
# `stats.respondent_counts` ger, som med storstadslänen ovan (och `stats.percent_difference_interval`).

# %%
for obs_id in ["V23-067", "V23-066"]:
    rad = obs.loc[obs_id]
    print(f"{obs_id}, {rad.subject} {rad.reference_year}: {procent(rad.value)}, "
          f"base_n: {'saknas' if pd.isna(rad.base_n) else rad.base_n}")
svar = None
print(kontrollera("12.4", svar))

# %% [markdown]
# ### Reflektion `12.5`
#
# Du ska förklara huvudsiffran för socialnämnden. Skriv två meningar om att *77 procent* av
# socialcheferna bedömer villkoren för personalförsörjningen som svåra: ange basen, vilka som
# svarade och osäkerheten, med orden *konfidensintervall* eller *felmarginal*. Skriv svaret i en
# markdown-cell nedanför. Ett exempel på svar finns i lösningarna.
