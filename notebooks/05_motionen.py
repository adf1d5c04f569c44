# %% [markdown]
# # Riksdagsmotionen: Nationell handlingsplan för socialtjänsten
#
# I motionen *Nationell handlingsplan för socialtjänsten* föreslår Moderaterna en nationell plan för
# att stärka socialtjänsten. Motionen är odaterad men hänvisar till källor från januari 2017.
# Nästan alla dess siffror står i ord (”åtta av tio”, ”var fjärde”), och de viktigaste är lånade
# från en tidningsartikel.
#
# **Det här gör du:** läser motionens siffror som data och följer två av dem tillbaka till
# tidningen Dagens Samhälle, som motionen hänvisar till.
#
# **Det här lär du dig:** hur en siffra i ord blir ett ungefärligt värde, och vad som kan gå
# förlorat när en siffra citeras i andra hand.
#
# **Det här behöver du:** ha kört introduktionen (00) eller vetat hur man kör celler.

# %%
import altair as alt
from IPython.display import Markdown, display

import socialtjanst
from socialtjanst import figures, stats
from socialtjanst.metadata import vocabulary

alt.renderers.enable("svg")
tabeller = socialtjanst.load()

# %% [markdown]
# ## Siffror i ord
#
# Så här är motionens siffror givna. *Angiven* (`stated`) betyder att siffran står med siffror,
# *ungefärlig* (`approximate`) att den står i ord:

# %%
# NBVAL_CHECK_OUTPUT
obs = tabeller["observations"]
motion = obs[obs["source_id"] == "motion_handlingsplan"]
for kod, namn in vocabulary("value_basis").items():
    print(f"{namn:10s} {(motion['value_basis'] == kod).sum():3d}")
print(f"Siffror med en källhänvisning i motionen: {motion['cited_source'].notna().sum()} av {len(motion)}")

# %% [markdown]
# En siffra i ord blir ett tal med en **kvalificerare** (kolumnen `value_qualifier`): ”åtta av tio”
# blir ungefär 80 procent (`about`, skrivs ≈), ”drygt” blir *mer än* (`more_than`, skrivs över) och
# ”nästan” blir *mindre än* (`less_than`, skrivs under). Talet är en tolkning av orden, inte en
# mätning, och får ingen felmarginal.

# %%
# NBVAL_CHECK_OUTPUT
kvalificerare = figures.labels_sv("value_qualifier", motion["value_qualifier"]).fillna("–")
tabell = figures.observation_table(motion).assign(kvalificerare=kvalificerare.values)
print(tabell[["obs_id", "vad", "värde", "kvalificerare"]].to_string(index=False))

# %% [markdown]
# Här är samma siffror med citatet ur motionen och källan den anger. Läs citatet och se om du
# håller med om tolkningen i kolumnen *värde*:

# %%
tabell = tabell.assign(källa=motion["cited_source"].fillna("anges inte").values)
display(Markdown(tabell[["obs_id", "värde", "kvalificerare", "citat", "källa"]].to_markdown(index=False)))

# %% [markdown]
# ## Två siffror från Dagens Samhälle
#
# Motionen inleder med två siffror om socialsekreterare och hänvisar i fotnoter till Dagens Samhälle:

# %%
# NBVAL_CHECK_OUTPUT
m = obs.set_index("obs_id")
for obs_id in ["MOT-001", "MOT-002"]:
    rad = m.loc[obs_id]
    print(f"{obs_id}: ”{rad.quote}”")
    print(f"  värde: {figures.value_label(rad.value, rad.value_qualifier, rad.unit)}; fotnot: {rad.cited_source}")

# %% [markdown]
# Vad skrev Dagens Samhälle själv? Artikeln finns i datapaketet som en egen källa
# (`dagens_samhalle_2017_01_11`), med sex siffror:

# %%
# NBVAL_CHECK_OUTPUT
artikel = tabeller["sources"].set_index("source_id").loc["dagens_samhalle_2017_01_11"]
print(f"{artikel.publisher}: ”{artikel.title}”, publicerad {artikel.published_date:%Y-%m-%d}")
ds = obs[obs["source_id"] == "dagens_samhalle_2017_01_11"]
print(figures.observation_table(ds)[["obs_id", "vad", "värde", "hur värdet är givet"]].to_string(index=False))
print()
for citat in ds["quote"].unique():
    print(f"”{citat}”")

# %% [markdown]
# ## Jämförelse 1: hur många socialsekreterare saknas?

# %%
def skriv(obs_id):
    rad = m.loc[obs_id]
    return f"**{figures.value_label(rad.value, rad.value_qualifier, rad.unit)}** (`{obs_id}`)"


display(Markdown(
    f"- **Motionen:** ”{m.loc['MOT-001', 'quote']}” I datapaketet: {skriv('MOT-001')}, utan reservation.\n"
    f"- **Tidningen i löptext:** ”{m.loc['W-064', 'quote']}” I datapaketet: {skriv('W-064')}.\n"
    f"- **Tidningen, den exakta siffran:** ”{m.loc['W-068', 'quote']}” I datapaketet: {skriv('W-068')}, "
    f"en summa över de svarande kommunerna ({skriv('W-067')})."
))

# %% [markdown]
# Motionen har strukit ordet ”nästan”, så att en avrundning uppåt ser ut som en exakt siffra.
# Viktigare är att tidningens siffra är en summa över de kommuner som svarade. Kommunerna som inte
# svarade finns inte med, så hur många socialsekreterare som saknades i hela landet säger enkäten inte.
#
# ## Jämförelse 2: ”åtta av tio kommuner har svårt att rekrytera”

# %%
display(Markdown(
    f"- **Motionen:** ”{m.loc['MOT-002', 'quote']}” I datapaketet: {skriv('MOT-002')}.\n"
    f"- **Tidningen:** ”{m.loc['W-065', 'quote']}” I datapaketet: {skriv('W-065')}.\n"
    f"- **Tidningen, den exakta siffran:** ”{m.loc['W-066', 'quote']}” I datapaketet: {skriv('W-066')} "
    f"av de kommuner som svarade."
))

# %% [markdown]
# Tidningen frågade om **vakanser som inte fylls** och om det **saknas** socialsekreterare, inte om
# det är **svårt att rekrytera**. Det är närliggande men inte samma fråga. Och andelen gäller de
# kommuner som svarade, inte alla landets kommuner. Hur stor kan andelen vara bland alla kommuner?
# Om alla som inte svarade saknar socialsekreterare blir den högre, om ingen gör det blir den lägre:

# %%
# NBVAL_CHECK_OUTPUT
alla = int(tabeller["kommungrupper_2011"]["municipalities_n"].sum())  # landets kommuner enligt SKL:s indelning
svarande, andel = int(m.loc["W-067", "value"]), m.loc["W-066", "value"]
lag, hog = stats.nonresponse_bounds(andel, svarande, alla)
print(f"{figures.percent_sv(andel)} av {svarande} svarande kommuner, av {alla} kommuner i landet")
print(f"Andel av alla kommuner: mellan {figures.percent_sv(lag)} och {figures.percent_sv(hog)}")

# %% [markdown]
# Gränserna är vida. Var sanningen ligger beror på hur kommunerna som inte svarade skiljer sig från
# dem som svarade, och det vet ingen. Därför ska basen (hur många som svarade) följa med en siffra.
#
# Också datumet skiljer sig: motionens fotnot och artikelns datum i datapaketet är inte samma dag.

# %%
# NBVAL_CHECK_OUTPUT
print(f"Motionens fotnot: {m.loc['MOT-002', 'cited_source']}")
print(f"Artikeln i datapaketet: publicerad {artikel.published_date:%Y-%m-%d}")

# %% [markdown]
# ## Siffrorna i tidsserien
#
# Både motionens och tidningens ”åtta av tio” finns i tidsserien över socialsekreterare (notebook 06),
# med flaggor som säger varför de inte kan jämföras rakt av med Visions siffror:

# %%
# NBVAL_CHECK_OUTPUT
serie = tabeller["series"]
for rad in serie[serie["obs_id"].isin(["MOT-002", "W-065"])].itertuples():
    print(f"{rad.obs_id}, {rad.year}: {figures.value_label(rad.value, rad.value_qualifier)}")
    for flagga in rad.comparability.split(";"):
        print(f"  - {vocabulary('comparability')[flagga]}")

# %% [markdown]
# ## Lärdomar om andrahandscitat
#
# - **Gå till källan.** En siffra i en motion, ett tal eller en debattartikel är ofta lånad. Följ
#   fotnoten och läs vad källan faktiskt skrev.
# - **Orden följer inte alltid med.** ”Nästan” försvann, och frågan om vakanser blev en fråga om att
#   ”ha svårt att rekrytera”.
# - **Basen försvinner lätt.** Tidningens siffror gäller kommunerna som svarade; i motionen låter de
#   som om de gällde hela landet.
# - **Ungefär är ungefär.** En siffra i ord är en tolkning. Datapaketet sparar den med en
#   kvalificerare och ett citat, så att var och en kan pröva tolkningen.
