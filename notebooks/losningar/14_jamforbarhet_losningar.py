# %% [markdown]
# # Lösningar: Jämförbarhet över tid och mellan undersökningar (notebook 14)
#
# Titta här först när du har försökt själv. Varje lösning räknar fram svaret ur datapaketet och
# kontrollerar det med `kontrollera`, som ska svara *rätt*.

# %%
import socialtjanst
from socialtjanst.ovningar import kontrollera

tabeller = socialtjanst.load()
obs = tabeller["observations"]
serie = tabeller["series"]

# %% [markdown]
# ## Övning `14.1`
#
# Andelen som inte var socialchef är allt utom socialchefernas andel.

# %%
# NBVAL_CHECK_OUTPUT
roller = obs[(obs["indicator"] == "respondent_role_share") & (obs["survey_id"] == "skl_2015")]
print(roller[["subject", "value"]].to_string(index=False))
svar = 100 - roller.loc[roller["subject"] == "socialchef eller motsvarande", "value"].iloc[0]
print(kontrollera("14.1", svar))

# %% [markdown]
# ## Övning `14.2`
#
# Räkna luckorna med flaggan `not_found` i serien för personal generellt.

# %%
# NBVAL_CHECK_OUTPUT
luckor = tabeller["series_gaps"]
luckor = luckor[(luckor["series_indicator"] == "staffing_difficulty") & (luckor["subject"] == "personal generellt")
                & (luckor["breakdown"] == "riket") & (luckor["category"] == "svårt")]
ej_hittade = luckor[luckor["gap_flag"] == "not_found"]
print([int(ar) for ar in ej_hittade["year"]])
svar = len(ej_hittade)
print(kontrollera("14.2", svar))

# %% [markdown]
# ## Övning `14.3`
#
# Ta de valda raderna (`is_preferred`) med värde och släng dem som har någon av flaggorna `bound`,
# `approximate` eller `secondary_source`.

# %%
# NBVAL_CHECK_OUTPUT
pg = serie[(serie["series_indicator"] == "staffing_difficulty") & (serie["subject"] == "personal generellt")
           & (serie["breakdown"] == "riket") & (serie["category"] == "svårt") & serie["is_preferred"] & serie["value"].notna()]
bort = {"bound", "approximate", "secondary_source"}
exakta = [r for r in pg.itertuples() if not set(str(r.comparability).split(";")) & bort]
for r in exakta:
    print(r.year, r.obs_id, r.value, r.comparability)
svar = [int(r.year) for r in exakta]
print(kontrollera("14.3", svar))

# %% [markdown]
# Observera att 2022 års värde ändå är härlett (`derived`) och att frågans lydelse det året inte är
# tryckt (`wording_unknown`): exakt betyder inte utan förbehåll.

# %% [markdown]
# ## Övning `14.4`
#
# Den tidpunkt som inte har flaggan `reference_period_differs`.

# %%
# NBVAL_CHECK_OUTPUT
skl = serie[(serie["survey_id"] == "skl_2015") & serie["reference_period"].notna()]
samma = skl[~skl["comparability"].fillna("").str.contains("reference_period_differs")]
svar = samma["reference_period"].iloc[0]
print(sorted(samma["reference_period"].unique()))
print(kontrollera("14.4", svar))
