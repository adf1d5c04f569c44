# %% [markdown]
# # Lösningar: Svarsfrekvens och bortfall (notebook 11)
#
# Titta här först när du har försökt själv. Varje lösning räknar fram svaret ur datapaketet och
# kontrollerar det med `kontrollera`, som ska svara *rätt*.

# %%
import socialtjanst
from socialtjanst import stats
from socialtjanst.ovningar import kontrollera

tabeller = socialtjanst.load()
undersokningar = tabeller["surveys"].set_index("survey_id")
obs = tabeller["observations"].set_index("obs_id")

# %% [markdown]
# ## Övning `11.1`
#
# Svarsfrekvens = antal svarande / antal som fick enkäten × 100, med en decimal.

# %%
# NBVAL_CHECK_OUTPUT
u = undersokningar.loc["vision_2023"]
svar = round(100 * u.respondents_n / u.population_n, 1)
print(f"{u.respondents_n} / {u.population_n} × 100 = {svar}")
print(kontrollera("11.1", svar))

# %% [markdown]
# ## Övning `11.2`
#
# Basen för Figur 2 står i `figures.base_printed` och i observationernas `base_n`. Det interna
# bortfallet är de svarande kommuner som inte finns i den basen.

# %%
# NBVAL_CHECK_OUTPUT
print(tabeller["figures"].set_index("figure_id").loc["vision_2023_figur_2", "base_printed"])
alla = tabeller["observations"]
bas_figur_2 = int(alla.loc[alla["figure_id"] == "vision_2023_figur_2", "base_n"].dropna().min())
svar = int(u.respondents_n) - bas_figur_2
print(f"{u.respondents_n} − {bas_figur_2} = {svar}")
print(kontrollera("11.2", svar))

# %% [markdown]
# ## Övning `11.3`
#
# Population: alla kommuner som fick enkäten. Bas: figurens n för socialsekreterare.

# %%
# NBVAL_CHECK_OUTPUT
rad = obs.loc["V23-053"]
svar = stats.nonresponse_bounds(rad.value, rad.base_n, u.population_n)
print(f"stats.nonresponse_bounds({rad.value:g}, {rad.base_n}, {u.population_n}) = {svar[0]:g}–{svar[1]:g}")
print(kontrollera("11.3", svar))

# %% [markdown]
# Andelen *svårt* av alla kommuner ligger alltså någonstans i det spannet. Att den bland de svarande
# är högre än den nedre gränsen säger inget om bortfallet.

# %% [markdown]
# ## Övning `11.4`
#
# Räkna 100 × svarande / antal lärosäten och avrunda till närmaste heltal (uppåt vid exakt en halv).

# %%
# NBVAL_CHECK_OUTPUT
lar = undersokningar.loc["vardanalys_2019_larosaten"]
exakt = 100 * lar.respondents_n / lar.population_n
svar = int(exakt + 0.5)
print(f"{lar.respondents_n} / {lar.population_n} × 100 = {exakt:.2f} ≈ {svar} (källan: {lar.response_rate_published_pct:g})")
print(kontrollera("11.4", svar))
