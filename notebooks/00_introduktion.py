# %% [markdown]
# # Introduktion: datapaketet socialtjanst-enkater
#
# Landets socialchefer får varje år frågor om hur svårt det är att bemanna socialtjänsten.
# Fackförbundet Vision frågar i sin *Socialchefsrapport*, SKL (i dag SKR) frågade i december 2015
# och Vårdanalys 2019. Rapporterna ger siffror i löptext och diagram, med olika frågor, skalor,
# baser och svarsfrekvenser. Det här datapaketet samlar siffrorna i tabeller där **varje siffra har
# sin källa, sin fråga, sin bas (n) och ett ordagrant citat**.
#
# **Det här gör du:** laddar datapaketet, tittar på en siffra och dess ursprung, kontrollerar paketet
# och ser hur du citerar det.
#
# **Det här lär du dig:** vad en tabell med *proveniens* (ursprung) är och varför den gör siffror
# granskningsbara.
#
# **Det här behöver du:** inga förkunskaper i programmering. Kör cellerna uppifrån och ned
# (Shift + Enter).

# %%
import altair as alt
import pandas as pd
from IPython.display import Markdown, display

import socialtjanst
from socialtjanst import figures
from socialtjanst.metadata import vocabulary
from socialtjanst.validate import validate_package

alt.renderers.enable("svg")  # diagrammen ritas utan internet
tabeller = socialtjanst.load()

# %% [markdown]
# ## Tabellerna
#
# `socialtjanst.load()` ger alla tabeller i paketet. Så här många rader har de:

# %%
# NBVAL_CHECK_OUTPUT
for namn, tabell in tabeller.items():
    print(f"{namn:20s} {len(tabell):4d} rader")

# %% [markdown]
# Den viktigaste tabellen är `observations`: en rad för varje siffra som en källa anger.
# Här är siffran som Vision 2023 lyfter fram först om personalförsörjningen:

# %%
obs = tabeller["observations"].set_index("obs_id")
rad = obs.loc["V23-047"]
display(Markdown(
    f"- **Värde:** {figures.value_label(rad.value, rad.value_qualifier, rad.unit)} ({rad.category}), år {rad.reference_year}\n"
    f"- **Vad:** {rad.subject}; det som mäts är {vocabulary('indicator')[rad.indicator]}\n"
    f"- **Bas:** n = {rad.base_n} ({rad.base_note})\n"
    f"- **Hur värdet är givet:** {vocabulary('value_basis')[rad.value_basis]}\n"
    f"- **Citat ur källan:** ”{rad.quote}”"
))

# %% [markdown]
# Varje siffra är antingen **angiven** (`stated`, står med siffror i källan), **ungefärlig**
# (`approximate`, står i ord som ”åtta av tio”) eller **härledd** (`derived`, räknad fram ur andra
# angivna siffror med en formel som står i tabellen). Tabellen kallar koderna för `value_basis`;
# de svenska namnen finns i `vocabulary("value_basis")`. Så här fördelar sig paketets siffror:

# %%
# NBVAL_CHECK_OUTPUT
for kod, namn in vocabulary("value_basis").items():
    print(f"{namn:10s} {(tabeller['observations']['value_basis'] == kod).sum():4d}")

# %% [markdown]
# ## Kontrollera paketet
#
# Paketet följer standarden *Frictionless Data Package*. Kommandot
# `frictionless validate datapackage.json` kontrollerar tabellernas struktur. Paketets eget
# kommando `socialtjanst validate` gör dessutom kontroller som en tabellstruktur inte kan uttrycka,
# till exempel att procentsatser ligger mellan 0 och 100 och att härledda värden går att räkna fram.
# Samma kontroll i Python:

# %%
# NBVAL_CHECK_OUTPUT
rapport = validate_package()
print("giltigt" if rapport.valid else f"{len(rapport.problems)} problem")

# %% [markdown]
# ## Citera
#
# Ange datapaketet enligt filen `CITATION.cff` och dessutom originalkällan för de siffror du
# använder: källorna står i tabellen `sources`.

# %%
kallor = tabeller["sources"]
kallor[kallor["text_file"].notna()][["source_id", "publisher", "title", "year"]]

# %% [markdown]
# ## Fortsätt
#
# - **01–06:** en notebook per källa som återskapar dess figurer, och en om tidsserien.
# - **11–15:** metodnotebooks med övningar: svarsfrekvens, bas och felmarginal,
#   sammanslagning av kategorier, jämförbarhet och hur en siffra i en rapport blir data.
