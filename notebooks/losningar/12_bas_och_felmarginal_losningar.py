# %% [markdown]
# # Lösningar: Bas (n) och felmarginal (notebook 12)
#
# Titta här först när du har försökt själv. Varje lösning räknar fram svaret ur datapaketet och
# kontrollerar det med `kontrollera`, som ska svara *rätt*.

# %%
import socialtjanst
from socialtjanst import stats
from socialtjanst.ovningar import kontrollera

tabeller = socialtjanst.load()
obs = tabeller["observations"].set_index("obs_id")
serie = tabeller["series"]
N = int(tabeller["surveys"].set_index("survey_id").loc["vision_2023", "population_n"])

# %% [markdown]
# ## Övning `12.1`
#
# Med korrektion: ange populationen som tredje argument.

# %%
# NBVAL_CHECK_OUTPUT
rad = obs.loc["V23-053"]
svar = stats.percent_interval(rad.value, rad.base_n, N)
print(f"stats.percent_interval({rad.value:g}, {rad.base_n}, {N}) = {svar[0]:g}–{svar[1]:g}")
print(kontrollera("12.1", svar))

# %% [markdown]
# Samma intervall står i tabellen `series` (kolumnerna `ci_low_pct` och `ci_high_pct`).

# %% [markdown]
# ## Övning `12.2`
#
# `stats.respondent_counts` ger alla antal svarande som avrundas till den publicerade procenten.

# %%
# NBVAL_CHECK_OUTPUT
rad = obs.loc["V23-095"]
svar = list(stats.respondent_counts(rad.value, rad.base_n))
print(f"stats.respondent_counts({rad.value:g}, {rad.base_n}) = {svar}")
print(kontrollera("12.2", svar))

# %% [markdown]
# ## Övning `12.3`
#
# Nej. Rapporten trycker basen för alla som svarade, inte för varje grupp; gruppernas baser är
# mindre och okända. Därför har paketet ingen bas och inget intervall för dem (tomma kolumner).

# %%
# NBVAL_CHECK_OUTPUT
rader = serie[serie["obs_id"].isin(["V23-076", "V23-078"]) & (serie["series_indicator"] == "staffing_difficulty")]
print(rader[["obs_id", "breakdown", "value", "base_n", "ci_low_pct", "ci_high_pct"]].to_string(index=False))
svar = "ja" if rader["ci_low_pct"].notna().all() else "nej"
print(kontrollera("12.3", svar))

# %% [markdown]
# ## Övning `12.4`
#
# Samma loop som för storstadslänen, med behandlingspersonalens två värden.

# %%
# NBVAL_CHECK_OUTPUT
fore, efter = obs.loc["V23-067"], obs.loc["V23-066"]
for n in range(2, 1000):
    lag_varde = stats.percent_interval(fore.value, n)
    hog_varde = stats.percent_interval(efter.value, n)
    if hog_varde[0] > lag_varde[1]:
        break
print(f"n = {n}: {fore.reference_year} {lag_varde[0]:g}–{lag_varde[1]:g}, {efter.reference_year} {hog_varde[0]:g}–{hog_varde[1]:g}")
svar = n
print(kontrollera("12.4", svar))

# %% [markdown]
# Skillnaden mellan åren är mindre än för storstadslänen, så det krävs en betydligt större bas innan
# den säkert är större än osäkerheten. Basen för 2022 är okänd: om den var minst så stor som
# svaret, och om frågan ställdes på samma sätt, är ökningen större än slumpen kan förklara.
