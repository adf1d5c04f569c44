# %% [markdown]
# # Vision: Socialtjänstens uppdrag är gränslöst (2015)
#
# *Socialtjänstens uppdrag är gränslöst* är ett tillägg till Visions Socialchefsrapport 2015. Det
# bygger på samma enkät till landets socialchefer i juni 2015 och redovisar vad socialcheferna
# anser behövs för att socialtjänsten ska klara sitt uppdrag. Tillägget har ett cirkeldiagram och
# citerar två siffror om rekrytering ur huvudrapporten.
#
# **Det här gör du:** tittar på vad tillägget säger om undersökningen, återskapar cirkeldiagrammet
# och läser rekryteringssiffrorna och sammanhangssiffrorna med sina citat.
#
# **Det här lär du dig:** att se vad en rapport *inte* säger om sin undersökning, och varför en
# siffra utan bas (n) inte kan få någon felmarginal.
#
# **Det här behöver du:** ha kört introduktionen (00) eller vetat hur man kör celler.

# %%
import altair as alt
from IPython.display import Markdown, display

import socialtjanst
from socialtjanst import figures
from socialtjanst.metadata import vocabulary

alt.renderers.enable("svg")
tabeller = socialtjanst.load()

# %% [markdown]
# ## Undersökningen
#
# Tillägget säger när enkäten gjordes, vem den gick till och hur stor svarsfrekvensen var.
# Uppgifterna kommer ur tabellen `surveys`:

# %%
# NBVAL_CHECK_OUTPUT
u = tabeller["surveys"].set_index("survey_id").loc["vision_2015"]
print(f"Population: {u.population}")
print(f"Fältperiod: {u.fieldwork_period}")
print(f"Svarsfrekvens enligt tillägget: {figures.percent_sv(u.response_rate_published_pct)}")

# %% [markdown]
# Lika viktigt är det som **inte** står. Här är de uppgifter om undersökningen som saknas:

# %%
# NBVAL_CHECK_OUTPUT
uppgifter = {
    "population_n": "hur många som fick enkäten",
    "respondents_n": "hur många som svarade",
    "response_rate_recomputed_pct": "svarsfrekvens omräknad från antalen",
    "fieldwork_start": "exakt datum när enkäten öppnade",
    "fieldwork_end": "exakt datum när enkäten stängde",
}
for kolumn, text in uppgifter.items():
    if u.isna()[kolumn]:
        print(f"anges inte: {text}")
if u["mode"] == "unknown":
    print("anges inte: hur enkäten samlades in (webb, papper …)")

# %% [markdown]
# Utan antalet svarande går det inte att säga hur säker en andel är: en svarsfrekvens på 61 procent
# kan betyda många eller få socialchefer. Därför får inga siffror i den här notebooken någon felmarginal.
# Så här står det i tillägget:

# %%
obs = tabeller["observations"]
kalla = obs[obs["source_id"] == "vision_2015_supplement"]
display(Markdown(f"> ”{kalla.set_index('obs_id').loc['V15-004', 'quote']}”"))

# %% [markdown]
# ## Cirkeldiagrammet. Anser du att socialtjänstens uppdrag bör förändras?
#
# Diagrammet har två svar, *Ja* och *Nej*. Texten säger samma sak i ord (”sju av tio socialchefer”);
# datapaketet sparar siffrorna som står i diagrammet.

# %%
display(Markdown(figures.figure_info("vision_2015_supplement_chart_uppdrag")))

# %%
figures.FIGURES["vision_2015_supplement_chart_uppdrag"]()

# %%
# NBVAL_CHECK_OUTPUT
print(figures.figure_table("vision_2015_supplement_chart_uppdrag").drop(columns="citat").to_string(index=False))

# %% [markdown]
# Andelarna summerar till 100. Om några lämnade frågan obesvarad, och hur de i så fall har räknats,
# säger tillägget inte.

# %% [markdown]
# ## Rekryteringen: chefer och socialsekreterare
#
# Tillägget citerar två siffror ur huvudrapporten, *Visions Socialchefsrapport 2015*. De hör inte
# till något diagram. Frågan är inte tryckt; så här återger datapaketet den:

# %%
# NBVAL_CHECK_OUTPUT
fraga = tabeller["questions"].set_index("question_id").loc["vision_2015_svart_rekrytera"]
print(f"Frågan: {fraga.wording_sv}")
print(f"Ordagrann: {'ja' if fraga.wording_is_verbatim else 'nej, bara återgiven'}")

# %%
# NBVAL_CHECK_OUTPUT
rekrytering = kalla[kalla["indicator"] == "recruitment_difficulty"]
print(figures.observation_table(rekrytering)[["obs_id", "vad", "värde", "hur värdet är givet"]].to_string(index=False))
print()
for rad in rekrytering.itertuples():
    print(f"{rad.obs_id}: ”{rad.quote}”")
    print(f"  Källhänvisning i tillägget: {rad.cited_source}")
print(f"Siffror med angiven bas (n): {rekrytering['base_n'].notna().sum()} av {len(rekrytering)}")

# %% [markdown]
# Två saker att lägga märke till:
#
# - Den ena siffran gäller bara socialsekreterare i **den sociala barn- och ungdomsvården**, inte
#   socialsekreterare i allmänhet. Den går alltså inte att jämföra rakt av med en fråga om alla
#   socialsekreterare.
# - Tillägget säger inte om ”svårt” är *ganska* och *mycket svårt* sammanslagna. Sådana
#   sammanslagningar kan ändra en andel mycket (se metodnotebookarna).
#
# Siffran för socialsekreterare finns också i den harmoniserade tidsserien (notebook 06), med
# flaggor som säger vad som skiljer den från Visions senare frågor:

# %%
# NBVAL_CHECK_OUTPUT
serie = tabeller["series"]
for rad in serie[serie["obs_id"] == "V15-007"].itertuples():
    print(f"Serie: {vocabulary('series_indicator')[rad.series_indicator]}, år {rad.year}: {figures.value_label(rad.value, rad.value_qualifier)}")
    print(f"Föredraget värde för året: {'ja' if rad.is_preferred else 'nej'}")
    for flagga in rad.comparability.split(";"):
        print(f"- {vocabulary('comparability')[flagga]}")

# %% [markdown]
# ## Sammanhangssiffror
#
# Tillägget ger också några siffror som inte är enkätsvar: hur stora kommunernas sociala
# verksamheter är och hur många kommentarer socialcheferna skrev. Tecknen ≈, *över* och *under*
# visar att källan skriver ”över”, ”närmare” eller liknande, inte en exakt siffra.

# %%
# NBVAL_CHECK_OUTPUT
ovrigt = kalla[kalla["indicator"].isin(["other_statistic", "free_text_comments"])]
print(figures.observation_table(ovrigt)[["obs_id", "vad", "värde", "hur värdet är givet"]].to_string(index=False))

# %% [markdown]
# Källan anger inte varifrån kostnaden och antalet anställda kommer, och inte vilket år de gäller.
# Datapaketet sätter därför publiceringsåret som referensår (kolumnen `reference_year`):

# %%
display(Markdown(ovrigt[["obs_id", "reference_year", "quote"]].rename(
    columns={"reference_year": "referensår", "quote": "citat"}).to_markdown(index=False)))

# %% [markdown]
# ## Sammanfattning
#
# Tillägget har ett diagram, och båda dess siffror står i texten:

# %%
# NBVAL_CHECK_OUTPUT
status = figures.figure_status("vision_2015_supplement")
for rad in status.itertuples():
    print(f"{rad.label}: {rad.n_points_held} av {rad.n_points_plausible} siffror, återskapat: {'ja' if rad.reproduced else 'nej'}")
print(f"Siffror från tillägget i datapaketet: {len(kalla)}")
