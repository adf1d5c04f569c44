# %% [markdown]
# # Vision: Socialchefsrapporten 2023
#
# *Socialtjänsten är i en allvarlig kris* bygger på en webbenkät till socialcheferna i landets
# kommuner våren 2023. Här återskapar vi rapportens tio figurer så långt siffrorna finns i
# rapportens text. Staplarnas höjder finns bara i rapportens bilder; de siffror som inte står i
# texten visas som **uppgift saknas** och gissas aldrig.
#
# **Det här gör du:** tittar på varje figur: frågan, basen, diagrammet och siffrorna med citat.
#
# **Det här lär du dig:** att läsa en figurtext (fråga, svarsalternativ, bas) och att se skillnad
# på en angiven, en ungefärlig och en härledd siffra.
#
# **Det här behöver du:** ha kört introduktionen (00) eller vetat hur man kör celler.

# %%
import altair as alt
from IPython.display import Markdown, display

import socialtjanst
from socialtjanst import figures

alt.renderers.enable("svg")
tabeller = socialtjanst.load()

# %% [markdown]
# ## Undersökningen
#
# Hur många svarade? Uppgifterna kommer ur tabellen `surveys`:

# %%
# NBVAL_CHECK_OUTPUT
u = tabeller["surveys"].set_index("survey_id").loc["vision_2023"]
print(f"Population: {u.population_n} kommuner ({u.population})")
print(f"Svarande: {u.respondents_n} kommuner")
print(f"Svarsfrekvens enligt rapporten: {figures.percent_sv(u.response_rate_published_pct)}, "
      f"omräknad: {figures.percent_sv(u.response_rate_recomputed_pct)}")
print(f"Fältperiod: {u.fieldwork_start:%Y-%m-%d} till {u.fieldwork_end:%Y-%m-%d}")

# %% [markdown]
# ## Figur 1. Arbetsuppgifter inom givna budgetramar
#
# Rapporten redovisar andelen som svarat *mycket* eller *ganska svårt* på en femgradig skala. Texten ger båda åren för fyra uppgifter; den femte (att följa upp insatser) nämns bara i ord.

# %%
display(Markdown(figures.figure_info("vision_2023_figur_1")))

# %%
figures.FIGURES["vision_2023_figur_1"]()

# %%
# NBVAL_CHECK_OUTPUT
print(figures.figure_table("vision_2023_figur_1").drop(columns="citat").to_string(index=False))

# %% [markdown]
# ## Figur 2. Verksamhetsområden som påverkas särskilt negativt
#
# Här fick man välja **högst två** områden. Därför summerar andelarna inte till 100.

# %%
display(Markdown(figures.figure_info("vision_2023_figur_2")))

# %%
figures.FIGURES["vision_2023_figur_2"]()

# %%
# NBVAL_CHECK_OUTPUT
print(figures.figure_table("vision_2023_figur_2").drop(columns="citat").to_string(index=False))

# %% [markdown]
# ## Figur 3. Åtgärder för att hålla budget
#
# Flera svar var möjliga. Texten anger fyra av åtgärderna båda åren.

# %%
display(Markdown(figures.figure_info("vision_2023_figur_3")))

# %%
figures.FIGURES["vision_2023_figur_3"]()

# %%
# NBVAL_CHECK_OUTPUT
print(figures.figure_table("vision_2023_figur_3").drop(columns="citat").to_string(index=False))

# %% [markdown]
# ## Figur 4. Personalförsörjningen, personal generellt 2015–2023
#
# Originalet är en tidsserie med tre kategorier (lätt, balans, svårt). Texten ger 2023 och 2022 (härlett: 77 minus 14 procentenheter) och två *gränser*: för 2020 säger texten att andelen mer än fördubblats till 2023, och för 2015 att 72 procent svarade lätt eller balans. 2021 gjordes ingen undersökning. Alla år som andra källor anger finns i notebook 06. Så här skriver datapaketet gränserna:

# %%
# NBVAL_CHECK_OUTPUT
obs = tabeller["observations"].set_index("obs_id")
for obs_id in ["V23-050", "V23-052"]:
    rad = obs.loc[obs_id]
    print(f"{rad.reference_year}: {figures.value_label(rad.value, rad.value_qualifier)} (”{rad.quote}”)")

# %%
display(Markdown(figures.figure_info("vision_2023_figur_4")))

# %%
figures.FIGURES["vision_2023_figur_4"]()

# %%
# NBVAL_CHECK_OUTPUT
print(figures.figure_table("vision_2023_figur_4").drop(columns="citat").to_string(index=False))

# %% [markdown]
# ## Figur 5. Socialsekreterare och biståndshandläggare
#
# Samma fråga som i figur 4, ställd om två yrkesgrupper. Frågan visas med den formulering som hör till
# varje värde i datapaketet (kolumnen `question_id`).

# %%
display(Markdown(figures.figure_info("vision_2023_figur_5")))

# %%
figures.FIGURES["vision_2023_figur_5"]()

# %%
# NBVAL_CHECK_OUTPUT
print(figures.figure_table("vision_2023_figur_5").drop(columns="citat").to_string(index=False))

# %% [markdown]
# ## Figur 6. Medarbetare i äldreomsorgen och behandlingspersonal
#
# Behandlingspersonal fanns inte med i undersökningen 2020.

# %%
display(Markdown(figures.figure_info("vision_2023_figur_6")))

# %%
figures.FIGURES["vision_2023_figur_6"]()

# %%
# NBVAL_CHECK_OUTPUT
print(figures.figure_table("vision_2023_figur_6").drop(columns="citat").to_string(index=False))

# %% [markdown]
# ## Figur 7. Chefer inom IFO och äldre/funktionshinder
#
# Basen skrivs n=138/139 utan att det framgår vilken grupp som har vilken bas; paketet anger därför intervallet 138–139 för båda.

# %%
display(Markdown(figures.figure_info("vision_2023_figur_7")))

# %%
figures.FIGURES["vision_2023_figur_7"]()

# %%
# NBVAL_CHECK_OUTPUT
print(figures.figure_table("vision_2023_figur_7").drop(columns="citat").to_string(index=False))

# %% [markdown]
# ## Figur 8. Storstadslänen och övriga landet
#
# Storstadslänen är Stockholms, Västra Götalands och Skåne län.

# %%
display(Markdown(figures.figure_info("vision_2023_figur_8")))

# %%
figures.FIGURES["vision_2023_figur_8"]()

# %%
# NBVAL_CHECK_OUTPUT
print(figures.figure_table("vision_2023_figur_8").drop(columns="citat").to_string(index=False))

# %% [markdown]
# ## Figur 9. Konsulter för att klara personalförsörjningen
#
# 2019 års andel för *vid flera tillfällen* är härledd: 2023 års 48 procent minus ökningen med 13 procentenheter.

# %%
display(Markdown(figures.figure_info("vision_2023_figur_9")))

# %%
figures.FIGURES["vision_2023_figur_9"]()

# %%
# NBVAL_CHECK_OUTPUT
print(figures.figure_table("vision_2023_figur_9").drop(columns="citat").to_string(index=False))

# %% [markdown]
# ## Figur 10. Chefsuppdraget som helhet
#
# En femgradig skala har slagits ihop till tre kategorier. Mellankategorin (25 procent) står inte i texten utan är härledd som 100 − 60 − 15, med en avrundningsosäkerhet på ungefär en procentenhet.

# %%
display(Markdown(figures.figure_info("vision_2023_figur_10")))

# %%
figures.FIGURES["vision_2023_figur_10"]()

# %%
# NBVAL_CHECK_OUTPUT
print(figures.figure_table("vision_2023_figur_10").drop(columns="citat").to_string(index=False))

# %% [markdown]
# ## Sammanfattning
#
# Av de siffror som rapportens figurer visar finns så här många i rapportens text:

# %%
# NBVAL_CHECK_OUTPUT
status = figures.figure_status("vision_2023")
for rad in status.itertuples():
    print(f"{rad.label:9s} {rad.n_points_held:2d} av ungefär {rad.n_points_plausible:2d}")
print(f"Totalt: {status.n_points_held.sum()} av ungefär {status.n_points_plausible.sum()}")
