# %% [markdown]
# # Lösningar: Från rapport till data (notebook 15)
#
# Titta här först när du har försökt själv. Varje lösning räknar fram svaret ur datapaketet och
# kontrollerar det med `kontrollera`, som ska svara *rätt*.

# %%
import re

import socialtjanst
from socialtjanst import figures
from socialtjanst.ovningar import kontrollera
from socialtjanst.validate import OBS_ID, evaluate

tal = figures.number_sv  # 54,5
tabeller = socialtjanst.load()
obs = tabeller["observations"].set_index("obs_id")

# %% [markdown]
# ## Övning `15.1`
#
# Formeln står i kolumnen `formula`; obs_id i den är observationerna som värdet räknas fram ur.

# %%
# NBVAL_CHECK_OUTPUT
formel = obs.loc["V23-055", "formula"]
svar = OBS_ID.findall(formel)
print(f"{formel} → {' och '.join(svar)}")
print(kontrollera("15.1", svar))

# %% [markdown]
# ## Övning `15.2`
#
# Sätt in värdena och räkna: `evaluate` gör det, men det går lika bra för hand.

# %%
# NBVAL_CHECK_OUTPUT
formel = obs.loc["V23-087", "formula"]
varden = {ref: float(obs.loc[ref, "value"]) for ref in OBS_ID.findall(formel)}
svar = evaluate(formel, varden)
print(f"{formel} med {', '.join(f'{ref} = {tal(v)}' for ref, v in varden.items())} → {tal(svar)}")
print(kontrollera("15.2", svar))

# %% [markdown]
# ## Övning `15.3`
#
# Plocka ut talet efter `n=` i figurtexten.

# %%
# NBVAL_CHECK_OUTPUT
figurtext = tabeller["figures"].set_index("figure_id").loc["vision_2023_figur_9", "base_printed"]
svar = int(re.search(r"n=(\d+)", figurtext).group(1))
print(f"{figurtext} → {svar}")
print(kontrollera("15.3", svar))

# %% [markdown]
# ## Övning `15.4`
#
# `survey_id` säger vilken undersökning värdet kommer från (frågan ställdes 2020); `source_id` säger
# i vilket dokument siffran är tryckt: 2023 års rapport, som återger den.

# %%
# NBVAL_CHECK_OUTPUT
rad = obs.loc["V23-077"]
svar = rad.source_id
print(f"survey_id: {rad.survey_id}, source_id: {svar}")
print(kontrollera("15.4", svar))

# %% [markdown]
# ## Reflektion `15.5`
#
# Ett exempel på svar, för `V23-076`:
#
# > Jag hittade citatet under rubriken ”Svårigheterna ökar mest inom storstadslänen” i Visions
# > Socialchefsrapport 2023, och det står där ordagrant. Sammanhanget stämmer med raden: det gäller
# > socialchefer i storstadslänen, andelen som bedömer villkoren för personalförsörjningen som svåra,
# > 2023 jämfört med 2020. I en fotnot skulle jag skriva: ”Vision, Socialchefsrapporten 2023, avsnittet
# > Svårigheterna ökar mest inom storstadslänen; basen för gruppen anges inte.”
#
# Det som gör svaret bra: det kontrollerar både ordalydelsen och sammanhanget, och fotnoten talar om
# var siffran står och vad som saknas (basen), så att läsaren kan bedöma den själv.
