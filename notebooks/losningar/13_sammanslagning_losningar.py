# %% [markdown]
# # Lösningar: Sammanslagning av kategorier (notebook 13)
#
# Titta här först när du har försökt själv. Varje lösning räknar fram svaret ur datapaketet och
# kontrollerar det med `kontrollera`, som ska svara *rätt*.

# %%
import socialtjanst
from socialtjanst import figures
from socialtjanst.ovningar import kontrollera
from socialtjanst.validate import evaluate

tal, procent = figures.number_sv, figures.percent_sv  # 54,5 and 54,5 %
tabeller = socialtjanst.load()
obs = tabeller["observations"].set_index("obs_id")
alternativ = tabeller["response_options"]

# %% [markdown]
# ## Övning `13.1`
#
# Filtrera `response_options` på skalan och kategorin.

# %%
# NBVAL_CHECK_OUTPUT
skala = alternativ[(alternativ["scale_id"] == "vision_villkor_5") & (alternativ["harmonised_category"] == "svårt")]
svar = list(skala["option_sv"])
print(" och ".join(svar))
print(kontrollera("13.1", svar))

# %% [markdown]
# ## Övning `13.2`
#
# Det som inte är lätt eller balans är svårt **eller** kan ej bedöma (om de svaren ingår i basen).
# Därför är resten en övre gräns för svårt. Den som också tar hänsyn till att andelen lätt eller
# balans är avrundad (den kan ha varit en halv procentenhet mindre) svarar en halv procentenhet mer:
# det godtas också.

# %%
# NBVAL_CHECK_OUTPUT
svar = 100 - obs.loc["V23-051", "value"]
print(f"100 − {tal(obs.loc['V23-051', 'value'])} = {tal(svar)} (högst)")
print(kontrollera("13.2", svar))

# %% [markdown]
# ## Övning `13.3`
#
# Mellankategorin blir minst när de två andra avrundats ned (de var egentligen en halv procentenhet
# större), och störst när de avrundats upp.

# %%
# NBVAL_CHECK_OUTPUT
formel = obs.loc["V23-097", "formula"]
varden = {ref: float(obs.loc[ref, "value"]) for ref in ("V23-095", "V23-096")}
minst = evaluate(formel, {ref: v + 0.5 for ref, v in varden.items()})
storst = evaluate(formel, {ref: v - 0.5 for ref, v in varden.items()})
svar = (minst, storst)
print(f"{formel}: från {tal(minst)} till {tal(storst)}")
print(kontrollera("13.3", svar))

# %% [markdown]
# ## Övning `13.4`
#
# Om varje svarande väljer så många områden som tillåts, blir summan av andelarna 100 gånger det
# högsta antalet svar.

# %%
# NBVAL_CHECK_OUTPUT
fraga = tabeller["questions"].set_index("question_id").loc["vision_2023_verksamhetsomraden"]
svar = 100 * int(fraga.max_answers)
print(f"max_answers = {fraga.max_answers}, summan högst {svar}")
print(kontrollera("13.4", svar))

# %% [markdown]
# ## Reflektion `13.5`
#
# Ett exempel på svar:
#
# > Siffran för 2015 är inte en andel som svarat svårt: rapporten anger bara att 72 procent svarade
# > lätt eller balans, och 28 procent är det som blir kvar. I resten ingår också de som inte kunde
# > bedöma, om de räknades in i basen, så 28 procent är (bortsett från avrundningen) en övre gräns och inte ett exakt värde. Dessutom
# > är frågans lydelse 2015 inte tryckt, så att andelen ökat kraftigt kan man säga, men inte exakt hur
# > mycket.
#
# Det som gör svaret bra: det skiljer på en angiven siffra och en härledd gräns, och nämner både
# sammanslagningen (kan ej bedöma) och jämförbarheten (frågans lydelse).
