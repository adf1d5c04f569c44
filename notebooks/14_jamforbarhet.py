# %% [markdown]
# # Jämförbarhet över tid och mellan undersökningar
#
# Vision, SKL och Vårdanalys har alla frågat kommunerna hur svårt det är att rekrytera och behålla
# personal. Det är frestande att rita deras siffror som en enda kurva. Men två siffror kan bara
# jämföras om de mäter samma sak, hos samma slags svarande, vid samma tidpunkt.
#
# **Det här gör du:** jämför undersökningarnas population, svarande, frågor och tidpunkter, letar
# upp luckor i Visions serie och ser vilka värden som kommer från pressmeddelanden.
#
# **Det här lär du dig:** att läsa paketets jämförbarhetsflaggor och att avgöra när en serie får
# ritas som en linje och när den måste brytas.
#
# **Det här behöver du:** ha gått igenom notebook 11–13. Kör cellerna uppifrån och ned med
# Shift + Enter.

# %%
import altair as alt
import pandas as pd
from IPython.display import Markdown, display

import socialtjanst
from socialtjanst import figures, stats
from socialtjanst.metadata import vocabulary
from socialtjanst.ovningar import kontrollera

alt.renderers.enable("svg")  # diagrammen ritas utan internet
tabeller = socialtjanst.load()


tal, procent = figures.number_sv, figures.percent_sv  # 54,5 and 54,5 %
precisering = vocabulary("value_qualifier")

flaggor = figures.flags_sv  # the comparability flags in Swedish


def ja_nej(varde):
    return "ja" if varde is True or varde == 1 else "nej"


undersokningar = tabeller["surveys"].set_index("survey_id")
obs = tabeller["observations"]
serie = tabeller["series"]

# %% [markdown]
# ## Tre organisationer, tre enkäter
#
# Vilka fick enkäten, hur många svarade och vem i kommunen fyllde i den? Kolumnen
# `respondent_role` i tabellen `surveys` svarar på den sista frågan:

# %%
# NBVAL_CHECK_OUTPUT
tre = undersokningar.loc[["vision_2023", "skl_2015", "vardanalys_2019_socialchefer"],
                         ["organisation", "population", "population_n", "respondents_n", "response_rate_published_pct", "respondent_role"]]
for survey_id, rad in tre.iterrows():
    print(survey_id)
    for kolumn, varde in rad.items():
        text = "saknas" if pd.isna(varde) else tal(varde) if isinstance(varde, float) else varde
        print(f"  {kolumn:28s} {text}")

# %% [markdown]
# SKL skickade enkäten till verksamhetschefen, och de flesta som svarade var inte socialchefer:

# %%
roller = obs[(obs["indicator"] == "respondent_role_share") & (obs["survey_id"] == "skl_2015")]
alt.layer(
    alt.Chart(roller).mark_bar(color="#4c78a8").encode(
        y=alt.Y("subject:N", sort="-x", title="Befattning", axis=alt.Axis(title=None, labelLimit=320)),
        x=alt.X("value:Q", title="Andel av de svarande (procent)", scale=alt.Scale(domain=[0, 100]))),
    alt.Chart(roller).mark_text(align="left", dx=3, fontSize=10, aria=False).encode(
        y=alt.Y("subject:N", sort="-x"), x="value:Q", text=alt.Text("value:Q", format=".0f")),
).properties(width=360, title=alt.TitleParams(
    "Vem svarade på SKL:s enkät i december 2015?",
    subtitle=["Befattning hos den som svarade för kommunen.",
              "Källa: datapaketet socialtjanst-enkater, observationer med indikatorn ”vem som besvarade enkäten”."],
    anchor="start"))

# %% [markdown]
# En IFO-chef bedömer rekryteringen till sin egen verksamhet; en socialchef ser hela förvaltningen.
# Paketet flaggar därför SKL:s värden med `other_respondent_role` och `other_organisation`.

# %% [markdown]
# ## Samma fråga?
#
# Visions fråga om personalförsörjningen finns tryckt ordagrant bara i 2023 års rapport. För de
# tidigare åren säger rapporten att det är samma fråga, men ordalydelsen är inte publicerad
# (`wording_is_verbatim` är falskt):

# %%
# NBVAL_CHECK_OUTPUT
fragor = tabeller["questions"]
villkor = fragor[fragor["question_id"].str.endswith("villkor_personalforsorjning")]
print(villkor[["question_id"]].assign(wording_is_verbatim=villkor["wording_is_verbatim"].map(ja_nej)).to_string(index=False))

# %% [markdown]
# Pressmeddelanden och artiklar om de tidigare åren skriver dessutom *svårt att rekrytera
# personal*, inte *villkoren för personalförsörjning*. Regeln i tabellen `harmonisation` som tar in
# dem i serien ger dem flaggan `wording_differs`:

# %%
regel = tabeller["harmonisation"].set_index("rule_order").loc[2]
display(Markdown(f"Flaggor från regel {regel.name}: *{flaggor(regel.comparability)}*."))

# %% [markdown]
# ## Olika tidpunkter
#
# SKL frågade hur svårt det var att rekrytera för tolv månader sedan, i dag och om tolv månader. Bara
# en av tidpunkterna är samma som när enkäten besvarades. Värden som gäller en annan tidpunkt får
# flaggan `reference_period_differs` i tabellen `series`.

# %%
figures.FIGURES["skl_2015_december_diagram_2a"]()

# %% [markdown]
# ## Luckor i serien
#
# Visions serie har år utan värde. Tabellen `series_gaps` säger varför: ingen undersökning gjordes
# (`no_survey`), eller ingen källa med siffran har hittats (`not_found`).

# %%
# NBVAL_CHECK_OUTPUT
luckor = tabeller["series_gaps"]
luckor = luckor[(luckor["series_indicator"] == "staffing_difficulty") & (luckor["subject"] == "personal generellt")]
print(luckor[["year"]].assign(gap_flag=luckor["gap_flag"].map(vocabulary("gap_flag"))).to_string(index=False))

# %% [markdown]
# ## Olika kommuner svarar olika år
#
# En tidsserie jämför andelar bland **dem som svarade** varje år. Det är inte samma kommuner varje
# år, och rapporterna säger inte vilka som svarade. Hur många som svarade står bara för några år:

# %%
# NBVAL_CHECK_OUTPUT
pg = serie[(serie["series_indicator"] == "staffing_difficulty") & (serie["subject"] == "personal generellt")
           & (serie["breakdown"] == "riket") & (serie["category"] == "svårt") & serie["value"].notna()]
linje = pg[pg["is_preferred"]]  # ett värde per år
for rad in linje.itertuples():
    u = undersokningar.loc[rad.survey_id]
    bas = "okänd" if pd.isna(rad.base_n) else f"n = {rad.base_n}"
    svarande = ("okänt" if pd.isna(u.respondents_n) else
                f"{u.respondents_n}" + ("" if pd.isna(u.population_n) else f" av {u.population_n}"))
    frekvens = "okänd" if pd.isna(u.response_rate_published_pct) else procent(u.response_rate_published_pct)
    print(f"{rad.year}: {figures.value_label(rad.value, rad.value_qualifier):>10s}  bas för frågan: {bas:8s} "
          f"svarade på enkäten: {svarande:10s} svarsfrekvens: {frekvens}")

# %% [markdown]
# Basen är de som besvarade just den här frågan; fler kan ha svarat på enkäten. Om de svarande är
# olika sammansatta olika år, och grupperna bedömer läget olika, kan andelen ändras bara för att
# andra kommuner svarade, utan att någon kommun har ändrat sin bedömning. Det kallas en
# **sammansättningseffekt**. Paketet har exempel på båda delarna, men från olika undersökningar och
# med olika indelningar:

# %%
grupper = undersokningar.loc["vardanalys_2019_socialchefer"]
stor, ovriga = (obs.set_index("obs_id").loc[obs_id] for obs_id in ["V23-076", "V23-078"])
riket = obs.set_index("obs_id").loc["V23-047"]
display(Markdown(
    f"- **Svarsfrekvensen skiljer sig mellan grupper.** Vårdanalys enkät till socialcheferna "
    f"{grupper.year}: {grupper.response_rate_by_group}.\n"
    f"- **Grupperna bedömer läget olika.** Vision {stor.reference_year}: {procent(stor.value)} av "
    f"socialcheferna i storstadslänen (`V23-076`) och {procent(ovriga.value)} i övriga landet (`V23-078`) "
    f"bedömer villkoren för personalförsörjningen som svåra.\n\n"
    f"Andelen i riket ({procent(riket.value)} av n = {riket.base_n}) är ett vägt medelvärde av gruppernas "
    f"andelar, med gruppernas del av dem som besvarade frågan som vikter (rapporten säger inget om att svaren "
    f"vägs på annat sätt). Med {stor.reference_year} års andelar ligger den alltid mellan ungefär "
    f"{procent(stor.value)} och {procent(ovriga.value)}: nära {procent(stor.value)} om nästan alla svarande "
    f"fanns i storstadslänen, nära {procent(ovriga.value)} om nästan alla fanns i övriga landet. Så stora "
    f"skillnader i vilka som svarar är osannolika. Om storstadslänens del av de svarande ökar med 10 "
    f"procentenheter ändras andelen i riket bara med en tiondel av skillnaden mellan grupperna, cirka "
    f"{tal(abs(ovriga.value - stor.value) / 10)} procentenheter.\n\n"
    f"Storstadslänen mot övriga landet är bara en indelning (storlek, region och ekonomi är andra), och hur "
    f"många som svarade i varje grupp står inte för något år, inte ens {stor.reference_year}. Att jämföra åren "
    f"bygger därför på ett antagande: att bortfallet snedvrider andelen (ger ett systematiskt fel) ungefär lika "
    f"mycket varje år, till exempel för att de svarande är ungefär lika sammansatta. Bortfallsgränserna i "
    f"notebook 11 visar hur stor andelen bland alla kommuner kan vara ett enskilt år utan det antagandet."
))

# %% [markdown]
# ## Pressmeddelanden och andra sekundära källor
#
# För år som rapporterna inte täcker kommer värdena från pressmeddelanden och nyheter (flaggan
# `secondary_source`). Samma punkt kan ha flera rader. Kolumnen `is_preferred` väljer en: ett exakt
# värde före en gräns, rapporten före ett pressmeddelande.

# %%
# NBVAL_CHECK_OUTPUT
visa = pg[pg["year"].isin([2020, 2023])]
visa = visa.assign(value_qualifier=visa["value_qualifier"].map(precisering), is_preferred=visa["is_preferred"].map(ja_nej),
                   comparability=visa["comparability"].map(flaggor))
print(visa[["year", "obs_id", "source_id", "value", "value_qualifier", "is_preferred", "comparability"]]
      .to_string(index=False, float_format=tal, na_rep="–"))

# %%
ar2020 = pg[pg["year"] == 2020]
grans = ar2020[ar2020["value_qualifier"] == "less_than"].iloc[0]
vald = ar2020[ar2020["is_preferred"]].iloc[0]
display(Markdown(
    f"För 2020 säger rapporten bara att andelen var under {procent(grans.value)} (`{grans.obs_id}`, *mer än en "
    f"fördubbling*). Ett pressmeddelande anger {procent(vald.value)} (`{vald.obs_id}`, källa `{vald.source_id}`). "
    f"Paketet väljer det exakta värdet men behåller flaggorna: *{flaggor(vald.comparability)}*."
))

# %% [markdown]
# Diagrammet visar varje års valda värde, med färg efter vad slags värde det är. Observera att bara
# några år har ett konfidensintervall: de andra saknar publicerad bas.

# %%
figures.series_chart()

# %% [markdown]
# ## En linje eller flera?
#
# Några regler för att rita en serie ärligt:
#
# - Dra bara en linje mellan punkter som mäter samma sak på samma sätt: samma fråga, samma slags
#   svarande, samma tidpunkt och samma grupp.
# - Bryt linjen vid år utan värde, i stället för att låta den löpa över luckan.
# - Visa gränser och ungefärliga värden som egna symboler, inte som punkter på linjen.
# - Värden från en annan organisation, om en smalare grupp eller en annan tidpunkt hör till en egen
#   serie.
#
# Flaggorna i `series` gör reglerna till kod. Här för serien om socialsekreterare, där flera
# organisationer har frågat:

# %%
# NBVAL_CHECK_OUTPUT
BRYT = {"wording_differs", "other_organisation", "other_respondent_role", "reference_period_differs",
        "narrower_subject", "bound", "approximate", "secondary_source"}
soc = serie[(serie["series_indicator"] == "socialsekreterare_recruitment") & serie["is_preferred"]
            & serie["value"].notna() & (serie["category"] == "svårt")].copy()
soc["organisation"] = soc["survey_id"].map(undersokningar["organisation"])
soc["skäl att bryta"] = [";".join(sorted(set(str(c).split(";")) & BRYT)) for c in soc["comparability"]]
soc["på linjen"] = soc["skäl att bryta"] == ""
print(soc[["year", "obs_id", "subject", "value"]]
      .assign(reference_period=soc["reference_period"].fillna("–"),
              **{"på linjen": soc["på linjen"].map(ja_nej),
                 "skäl att bryta": [flaggor(c) if c else "–" for c in soc["skäl att bryta"]]})
      .sort_values(["year", "obs_id"]).to_string(index=False, max_colwidth=130, float_format=tal, na_rep="–"))

# %%
soc["etikett"] = [figures.value_label(v, q) for v, q in zip(soc["value"], soc["value_qualifier"])]
soc["slag"] = soc["på linjen"].map({True: "på linjen", False: "egen punkt"})
x = alt.X("year:O", title="År", scale=alt.Scale(domain=list(range(2014, 2024))))
y = alt.Y("value:Q", title="Andel (procent) som svarat svårt", scale=alt.Scale(domain=[0, 100]))
alt.layer(
    alt.Chart(soc[soc["på linjen"]]).mark_line(color="#c0392b", strokeWidth=2).encode(x=x, y=y),
    alt.Chart(soc).mark_point(size=80, filled=True).encode(
        x=x, y=y, color=alt.Color("organisation:N", title="Organisation", legend=alt.Legend(labelLimit=400)),
        shape=alt.Shape("slag:N", title="Punkt")),
).properties(width=420, height=260, title=alt.TitleParams(
    "Svårt att rekrytera socialsekreterare: en linje, många punkter",
    subtitle=["Linje bara mellan värden utan flaggor som bryter jämförbarheten.",
              "Övriga punkter: andra organisationer, frågor, tidpunkter eller delområden.",
              "Källa: datapaketet socialtjanst-enkater, tabellen series (serien ”svårt att rekrytera socialsekreterare”)."],
    anchor="start"))

# %%
linje = soc[soc["på linjen"]].sort_values("year")
display(Markdown(
    f"Bara {len(linje)} värden ({', '.join(str(a) for a in linje['year'])}) kan dras som en linje. "
    f"De andra {len(soc) - len(linje)} punkterna är inte fel, men de besvarar andra frågor: de kan stå "
    f"bredvid linjen, men inte bli en del av den."
))

# %% [markdown]
# ## Övningar
#
# Skriv ditt svar efter `svar =` och kör cellen. Lösningarna finns i
# `losningar/14_jamforbarhet_losningar.py`.

# %% [markdown]
# ### Övning `14.1`
#
# Hur stor andel av dem som svarade på SKL:s enkät var **inte** socialchef eller motsvarande?

# %%
svar = None
print(kontrollera("14.1", svar))

# %% [markdown]
# ### Övning `14.2`
#
# Serien för personal generellt (*svårt*, riket): hur många år saknar värde för att ingen källa med
# siffran har hittats?

# %%
svar = None
print(kontrollera("14.2", svar))

# %% [markdown]
# ### Övning `14.3`
#
# I samma serie: vilka år har ett värde som står som siffra i Visions egen rapport, alltså varken ett
# härlett värde, en gräns, ett ungefärligt värde eller ett värde från ett pressmeddelande eller en
# nyhet? Svara med en lista med årtal. Tips: tabellen `pg` ovan, kolumnerna `is_preferred` och
# `comparability`.

# %%
svar = None  # till exempel: svar = [2001, 2002]
print(kontrollera("14.3", svar))

# %% [markdown]
# ### Övning `14.4`
#
# SKL frågade om tre tidpunkter. Vilken av dem är samma tidpunkt som när enkäten besvarades? Svara
# med tidpunkten ordagrant som i kolumnen `reference_period`.

# %%
print(" / ".join(serie.loc[serie["survey_id"] == "skl_2015", "reference_period"].dropna().unique()))
svar = None
print(kontrollera("14.4", svar))

# %% [markdown]
# ### Reflektion `14.5`
#
# En kollega vill rita *personal generellt, svårt* 2015–2023 som en enda linje i en rapport till
# kommunstyrelsen. Skriv tre eller fyra meningar om vilka år som kan stå på linjen, vilka som bör
# visas på annat sätt och varför. Ett exempel på svar finns i lösningarna.
