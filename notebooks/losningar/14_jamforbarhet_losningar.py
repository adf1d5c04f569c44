# %% [markdown]
# # Lösningar: Jämförbarhet över tid och mellan undersökningar (notebook 14)
#
# Titta här först när du har försökt själv. Varje lösning räknar fram svaret ur datapaketet och
# kontrollerar det med `kontrollera`, som ska svara *rätt*.

# %%
import socialtjanst
from socialtjanst import figures
from socialtjanst.ovningar import kontrollera

tal = figures.number_sv  # 54,5
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
print(roller[["subject", "value"]].to_string(index=False, float_format=tal))
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
print(", ".join(str(int(ar)) for ar in ej_hittade["year"]))
svar = len(ej_hittade)
print(kontrollera("14.2", svar))

# %% [markdown]
# ## Övning `14.3`
#
# Ta de valda raderna (`is_preferred`) med värde och släng dem som har någon av flaggorna `derived`,
# `bound`, `approximate` eller `secondary_source`.

# %%
# NBVAL_CHECK_OUTPUT
pg = serie[(serie["series_indicator"] == "staffing_difficulty") & (serie["subject"] == "personal generellt")
           & (serie["breakdown"] == "riket") & (serie["category"] == "svårt") & serie["is_preferred"] & serie["value"].notna()]
bort = {"derived", "bound", "approximate", "secondary_source"}
exakta = [r for r in pg.itertuples() if not set(str(r.comparability).split(";")) & bort]
for r in exakta:
    print(r.year, r.obs_id, tal(r.value), "inga flaggor" if not isinstance(r.comparability, str) else figures.flags_sv(r.comparability))
svar = [int(r.year) for r in exakta]
print(kontrollera("14.3", svar))

# %% [markdown]
# 2022 års värde är exakt i den meningen att det inte är en gräns, men det är härlett (`derived`):
# paketet har räknat fram det ur två siffror i rapporten (77 minus en ökning med 14 procentenheter),
# och frågans lydelse det året är inte tryckt (`wording_unknown`). Därför hör det inte till svaret.

# %% [markdown]
# ## Övning `14.4`
#
# Den tidpunkt som inte har flaggan `reference_period_differs`.

# %%
# NBVAL_CHECK_OUTPUT
skl = serie[(serie["survey_id"] == "skl_2015") & serie["reference_period"].notna()]
samma = skl[~skl["comparability"].fillna("").str.contains("reference_period_differs")]
svar = samma["reference_period"].iloc[0]
print(" / ".join(sorted(samma["reference_period"].unique())))
print(kontrollera("14.4", svar))

# %% [markdown]
# ## Reflektion `14.5`
#
# Ett exempel på svar:
#
# > Bara 2023 års värde står som siffra i Visions egen rapport med en känd fråga och bas; 2022 är
# > härlett ur rapportens text, 2015 är bara en övre gräns och 2018–2020 kommer från pressmeddelanden
# > och nyheter, där frågan delvis beskrivs med andra ord. Jag skulle därför inte dra en linje genom
# > alla år, utan visa 2023 och 2022 som punkter, 2015 som en gräns (till exempel en ofylld punkt med
# > texten ”högst”) och de övriga åren med en annan symbol och en fotnot om källan. Luckan 2021, då
# > ingen undersökning gjordes, ska synas som en lucka.
#
# Det som gör svaret bra: det använder flaggorna (härlett, gräns, sekundär källa, annan lydelse) som
# skäl, och föreslår hur skillnaderna syns i diagrammet i stället för att bara ta bort år.
