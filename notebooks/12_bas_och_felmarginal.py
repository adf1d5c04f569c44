# %% [markdown]
# # Bas (n) och felmarginal
#
# En andel i en rapport skrivs ofta med en bas: *procent (n = antal)*. Basen säger hur många
# kommuner andelen bygger på, och därmed hur säker den är.
#
# **Det här gör du:** läser en andel med sin bas, räknar ut felmarginalen med och utan korrektion för
# att populationen är liten, räknar fram hur många kommuner en avrundad procent kan betyda och
# prövar vilka skillnader som är större än osäkerheten.
#
# **Det här lär du dig:** vad ett konfidensintervall är, varför det blir smalare när hälften av alla
# kommuner har svarat och varför en skillnad mellan två år bara kan bedömas om basen är känd.
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


tal, procent = figures.number_sv, figures.percent_sv  # 54,5 and 54,5 %


def intervall(lag_hog):
    return f"{tal(lag_hog[0])}–{procent(lag_hog[1])}"


obs = tabeller["observations"].set_index("obs_id")
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
    f"- **Bas:** n = {rad.base_n}, ur figurtexten ”{rad.base_note}”\n"
    f"- **Citat:** ”{rad.quote}”\n\n"
    f"Basen är antalet kommuner som svarade på just den frågan. {procent(rad.value)} av {rad.base_n} är inte ett "
    f"helt antal kommuner: {antal[0]} av {rad.base_n} är {procent(100 * antal[0] / rad.base_n)} och {antal[-1]} "
    f"av {rad.base_n} är {procent(100 * antal[-1] / rad.base_n)}. Båda avrundas till {procent(rad.value)}. "
    f"`stats.respondent_counts` hittar alla sådana antal."
))

# %% [markdown]
# Tabellen `series` har antalen färdiga i kolumnerna `count_min` och `count_max`, för varje värde med
# känd bas. Där rapporten skriver basen som ett intervall lämnar paketet dem tomma.

# %%
# NBVAL_CHECK_OUTPUT
serie = tabeller["series"]
ar2023 = serie[(serie["series_indicator"] == "staffing_difficulty") & (serie["year"] == 2023)
               & (serie["breakdown"] == "riket") & serie["base_n"].notna()]
print(ar2023[["subject", "value", "base_n", "count_min", "count_max"]].to_string(index=False))

# %% [markdown]
# ## Felmarginal: hur säker är andelen?
#
# Om andra kommuner hade svarat hade andelen blivit en annan. Ett *konfidensintervall* anger hur
# långt ifrån andelen bland de svarande andelen i alla kommuner rimligen kan ligga, om de som inte
# svarade liknar dem som svarade. Paketet använder Wilsons intervall (`stats.percent_interval`).
#
# Enkäten gick till **alla** kommuner, och ungefär hälften svarade. Då är det bara de andra kommunernas
# svar som är okända. Det tar *ändlig-populationskorrektionen* hänsyn till: ange populationen (alla
# kommuner som fick enkäten) så blir intervallet smalare.

# %%
med = stats.percent_interval(rad.value, rad.base_n, N)
utan = stats.percent_interval(rad.value, rad.base_n)
f = (N - rad.base_n) / (N - 1)
display(Markdown(
    f"- Med korrektion, `stats.percent_interval({rad.value:g}, {rad.base_n}, {N})`: **{intervall(med)}**\n"
    f"- Utan korrektion, `stats.percent_interval({rad.value:g}, {rad.base_n})`: {intervall(utan)}\n\n"
    f"Korrektionen multiplicerar osäkerheten (variansen) med (N − n) / (N − 1) = ({N} − {rad.base_n}) / "
    f"({N} − 1) = {tal(f, 2)}: ungefär andelen kommuner som inte svarade. Utan korrektion behandlas de "
    f"{rad.base_n} kommunerna som ett stickprov ur ett oändligt antal kommuner, och felmarginalen blir "
    f"onödigt bred."
))

# %% [markdown]
# Samma jämförelse för alla personalgrupper med känd bas 2023 (kolumnerna `ci_low_pct` och
# `ci_high_pct` i tabellen `series` är de korrigerade intervallen):

# %%
# NBVAL_CHECK_OUTPUT
tabell = ar2023[["subject", "value", "base_n"]].copy()
tabell["med korrektion"] = [stats.percent_interval(x, n, N) for x, n in zip(tabell["value"], tabell["base_n"])]
tabell["utan korrektion"] = [stats.percent_interval(x, n) for x, n in zip(tabell["value"], tabell["base_n"])]
print(tabell.to_string(index=False))

# %% [markdown]
# Hur mycket korrektionen betyder beror på hur stor del av alla kommuner som svarade. Diagrammet visar
# felmarginalens bredd för samma andel vid olika baser. När alla svarar (n = N) finns ingen
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
        color=alt.Color("beräkning:N", title="Felmarginal")),
    alt.Chart(markera).mark_rule(strokeDash=[4, 3], color="#888").encode(x="n:Q"),
    alt.Chart(markera).mark_text(align="left", dx=4, y=8, fontSize=10, color="#555").encode(x="n:Q", text="text:N"),
).properties(width=420, height=220, title=alt.TitleParams(
    f"Felmarginalens bredd för {tal(rad.value)} procent när fler av {N} kommuner svarar",
    subtitle=["95 % intervall (Wilson), med och utan ändlig-populationskorrektion.",
              "Streckad linje: basen i Visions Figur 4 (2023). Källa: stats.percent_interval."],
    anchor="start"))

# %% [markdown]
# ## Vilka skillnader är större än osäkerheten?
#
# En enkel tumregel: om två intervall **inte överlappar** är skillnaden större än slumpen rimligen
# kan förklara. Om de överlappar kan en skillnad ändå finnas, men siffrorna räcker inte för att
# påstå det. Ett intervall kräver en känd bas; utan bas går det inte att räkna.
#
# ### Samma år, olika frågor: Figur 1
#
# Hur svårt det är att klara olika uppgifter inom budgeten 2023 (rapportens bas är ett intervall;
# paketet räknar med det lägre talet, som ger det bredare intervallet):

# %%
# NBVAL_CHECK_OUTPUT
uppgifter = serie[(serie["series_indicator"] == "budget_task_difficulty") & (serie["year"] == 2023)
                  & (serie["breakdown"] == "riket") & (serie["category"] == "svårt") & serie["base_n"].notna()]
uppgifter = uppgifter.sort_values("value", ascending=False)
print(uppgifter[["obs_id", "subject", "value", "base_n", "ci_low_pct", "ci_high_pct"]].to_string(index=False))


# %%
def overlappar(a, b):
    """Överlappar två rader ur series (med ci_low_pct och ci_high_pct)?"""
    return a.ci_low_pct <= b.ci_high_pct and b.ci_low_pct <= a.ci_high_pct


rader = list(uppgifter.itertuples())
meningar = []
for i, a in enumerate(rader):
    for b in rader[i + 1:]:
        if a.value != b.value:
            dom = "överlappar: skillnaden kan vara slump" if overlappar(a, b) else "överlappar inte: skillnaden är större än osäkerheten"
            meningar.append(f"- *{a.subject}* ({procent(a.value)}) mot *{b.subject}* ({procent(b.value)}): {dom}")
display(Markdown("\n".join(meningar)))

# %% [markdown]
# ### Olika år, okänd bas: storstadslänen
#
# Rapporten skriver att andelen socialchefer i storstadslänen som bedömer villkoren som svåra nästan
# har tredubblats:

# %%
fore, efter = obs.loc["V23-077"], obs.loc["V23-076"]
display(Markdown(
    f"> ”{efter.quote}”\n\n"
    f"- {fore.reference_year}: {procent(fore.value)}, bas: *{fore.base_note}*\n"
    f"- {efter.reference_year}: {procent(efter.value)}, bas: *{efter.base_note}*\n\n"
    f"(Anteckningarna om basen är paketets egna, på engelska.)"
))

# %% [markdown]
# Basen för det tidigare året är okänd, och för det senare gäller den tryckta basen alla som svarade,
# inte bara storstadslänen. Ett intervall går alltså inte att räkna. Men man kan fråga: **hur få kommuner
# skulle behöva ha svarat för att skillnaden ändå ska vara större än osäkerheten?** Vi prövar samma
# bas båda åren, utan korrektion (hur många kommuner storstadslänen har står inte i paketet, och utan
# korrektion blir intervallen bredare, alltså försiktigare):

# %%
# NBVAL_CHECK_OUTPUT
for n in range(2, 500):
    lag_varde = stats.percent_interval(fore.value, n)
    hog_varde = stats.percent_interval(efter.value, n)
    if hog_varde[0] > lag_varde[1]:
        break
print(f"n = {n}: {fore.reference_year} {intervall(lag_varde)}, {efter.reference_year} {intervall(hog_varde)}")
minsta_n = n

# %%
kurva = pd.DataFrame(
    [{"n": n, "år": str(r.reference_year), "lag": lo, "hog": hi}
     for n in range(5, 61)
     for r in (fore, efter)
     for lo, hi in [stats.percent_interval(r.value, n)]])
x = alt.X("n:Q", title="Tänkt bas (n) båda åren")
alt.layer(
    alt.Chart(kurva).mark_area(opacity=0.35).encode(
        x=x, y=alt.Y("lag:Q", title="95 % intervall (procent)", scale=alt.Scale(domain=[0, 100])), y2="hog:Q",
        color=alt.Color("år:N", title="År")),
    alt.Chart(pd.DataFrame({"n": [minsta_n]})).mark_rule(strokeDash=[4, 3], color="#333").encode(x="n:Q"),
).properties(width=420, height=220, title=alt.TitleParams(
    "Storstadslänen: intervallen för olika tänkbara baser",
    subtitle=[f"Andel som bedömer villkoren som svåra: {procent(fore.value)} ({fore.reference_year}) och "
              f"{procent(efter.value)} ({efter.reference_year}), observationerna V23-077 och V23-076.",
              "Streckad linje: minsta bas där intervallen inte längre överlappar. Källa: stats.percent_interval."],
    anchor="start"))

# %%
display(Markdown(
    f"Redan med n = {minsta_n} kommuner i storstadslänen båda åren är skillnaden större än osäkerheten. "
    f"Det **kan** man alltså säga: ökningen är inte ett slumpresultat av att få kommuner svarade.\n\n"
    f"Det man **inte** kan säga: hur stor felmarginalen är, om samma kommuner svarade båda åren, hur stort "
    f"bortfallet var {fore.reference_year} (notebook 11) och om frågan ställdes på samma sätt då. Paketet "
    f"flaggar {fore.reference_year} års värde med `{serie.set_index('obs_id').loc['V23-077', 'comparability']}`."
))

# %% [markdown]
# ## Övningar
#
# Skriv ditt svar efter `svar =` och kör cellen. Lösningarna finns i
# `losningar/12_bas_och_felmarginal_losningar.py`.

# %% [markdown]
# ### Övning `12.1`
#
# Räkna ut felmarginalen för socialsekreterare 2023 (`V23-053`) **med** ändlig-populationskorrektion.
# Svara med två tal.

# %%
print(obs.loc["V23-053", ["subject", "value", "base_n"]].to_string())
svar = None  # till exempel: svar = stats.percent_interval(...)
print(kontrollera("12.1", svar))

# %% [markdown]
# ### Övning `12.2`
#
# Figur 10: hur många socialchefer kan ha svarat att uppdraget är *mer stimulerande än krävande*
# (`V23-095`)? Svara med ett heltal, eller en lista om flera antal är möjliga.

# %%
print(obs.loc["V23-095", ["category", "value", "base_n"]].to_string())
svar = None
print(kontrollera("12.2", svar))

# %% [markdown]
# ### Övning `12.3`
#
# Storstadslänen (`V23-076`) och övriga landet (`V23-078`) 2023: kan man räkna ett 95 % intervall för
# grupperna? Svara `"ja"` eller `"nej"`. Läs basen som rapporten trycker: gäller den gruppen?

# %%
print(obs.loc[["V23-076", "V23-078"], ["breakdown", "value", "base_n", "base_note"]].to_string())
svar = None
print(kontrollera("12.3", svar))

# %% [markdown]
# ### Övning `12.4`
#
# Behandlingspersonal 2022 (`V23-067`) och 2023 (`V23-066`): basen för 2022 är okänd. Vilken är den
# minsta gemensamma bas n där intervallen **utan** korrektion inte överlappar? Gör som i loopen för
# storstadslänen ovan.

# %%
print(obs.loc[["V23-067", "V23-066"], ["subject", "reference_year", "value", "base_n"]].to_string())
svar = None
print(kontrollera("12.4", svar))
