# %% [markdown]
# # Lösningar: Svarsfrekvens och bortfall (notebook 11)
#
# Titta här först när du har försökt själv. Varje lösning räknar fram svaret ur datapaketet och
# kontrollerar det med `kontrollera`, som ska svara *rätt*.

# %%
import socialtjanst
from socialtjanst import figures, stats
from socialtjanst.ovningar import kontrollera

tal, procent = figures.number_sv, figures.percent_sv  # 54,5 and 54,5 %

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
print(f"{u.respondents_n} / {u.population_n} × 100 = {tal(svar)}")
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
print(f"Bortfallsgränser för {procent(rad.value)} av n = {rad.base_n}, N = {u.population_n}: {tal(svar[0])}–{procent(svar[1])}")
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
print(f"{lar.respondents_n} / {lar.population_n} × 100 = {tal(exakt, 2)} ≈ {svar} "
      f"(källan: {tal(lar.response_rate_published_pct)})")
print(kontrollera("11.4", svar))

# %% [markdown]
# ## Reflektion `11.5`
#
# Ett exempel på svar:
#
# > Undersökningen säger mycket om de 158 kommuner som svarade: av de 139 socialchefer som besvarade
# > frågan bedömer drygt åtta av tio att villkoren för personalförsörjningen av socialsekreterare är
# > svåra. Om de kommuner som inte
# > svarade vet vi ingenting säkert. Bortfallsgränserna visar hur mycket det betyder: räknat på alla
# > 290 kommuner kan andelen för socialsekreterare ligga någonstans mellan knappt fyra av tio och
# > drygt nio av tio. Undersökningen är alltså inte värdelös, men slutsatsen gäller de svarande,
# > och den som vill säga något om hela landet behöver argumentera för att bortfallet liknar dem som
# > svarade (till exempel genom att jämföra kommungrupper, som SKL och Vårdanalys gör).
#
# Det som gör svaret bra: det skiljer på vad vi vet (de svarande) och vad vi antar (bortfallet), och
# använder bortfallsgränserna i stället för att avfärda eller övertolka siffran.
