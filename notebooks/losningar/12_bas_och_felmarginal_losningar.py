# %% [markdown]
# # Lösningar: Bas (n) och felmarginal (notebook 12)
#
# Titta här först när du har försökt själv. Varje lösning räknar fram svaret ur datapaketet och
# kontrollerar det med `kontrollera`, som ska svara *rätt*.

# %%
import socialtjanst
from socialtjanst import figures, stats
from socialtjanst.ovningar import kontrollera

tal, procent = figures.number_sv, figures.percent_sv  # 54,5 and 54,5 %

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
print(f"Konfidensintervall för {procent(rad.value)} av n = {rad.base_n}, N = {N}: {tal(svar[0])}–{procent(svar[1])}")
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
print(f"{procent(rad.value)} av n = {rad.base_n} kan vara {' eller '.join(str(k) for k in svar)} socialchefer")
print(kontrollera("12.2", svar))

# %% [markdown]
# ## Övning `12.3`
#
# Nej. Rapporten trycker basen för alla som svarade, inte för varje grupp; gruppernas baser är
# mindre och okända. Därför har paketet ingen bas och inget intervall för dem (tomma kolumner).

# %%
# NBVAL_CHECK_OUTPUT
rader = serie[serie["obs_id"].isin(["V23-076", "V23-078"]) & (serie["series_indicator"] == "staffing_difficulty")]
print(rader[["obs_id", "value", "base_n", "ci_low_pct", "ci_high_pct"]]
      .astype({"base_n": float}).to_string(index=False, float_format=tal, na_rep="saknas"))
svar = "ja" if rader["ci_low_pct"].notna().all() else "nej"
print(kontrollera("12.3", svar))

# %% [markdown]
# ## Övning `12.4`
#
# Basen för 2023 är känd, så den används. För 2022 prövas bara baser där 26 % kan uppstå med ett
# helt antal kommuner: `stats.respondent_counts` ger de antal av n som avrundas till procenten (en
# tom lista när inget gör det). För varje sådant antal räknas skillnadens konfidensintervall, och
# vi stannar vid första bas där den nedre gränsen är större än 0 för alla antal.

# %%
# NBVAL_CHECK_OUTPUT
kand, okand = obs.loc["V23-066"], obs.loc["V23-067"]  # 2023: basen tryckt; 2022: basen okänd


def intervall_for_bas(n, intervall):
    """Intervallen för varje antal av n kommuner som avrundas till 2022 års procent."""
    return [intervall(100 * k / n, n) for k in stats.respondent_counts(okand.value, n)]


def skillnader(n):
    return intervall_for_bas(n, lambda andel, n: stats.percent_difference_interval(kand.value, kand.base_n, andel, n))


mojliga = [n for n in range(1, N + 1) if stats.respondent_counts(okand.value, n)]
svar = next(n for n in mojliga if all(lag > 0 for lag, _ in skillnader(n)))
antal = list(stats.respondent_counts(okand.value, svar))
lag, hog = skillnader(svar)[0]
print(f"2023: {procent(kand.value)} av {kand.base_n}. 2022: n = {svar}, där {antal[0]} av {svar} är "
      f"{procent(100 * antal[0] / svar)}.")
print(f"Skillnaden {kand.reference_year} − {okand.reference_year} har konfidensintervallet {tal(lag)} till "
      f"{tal(hog)} procentenheter")
storre = all(lag > 0 for n in mojliga if n >= svar for lag, _ in skillnader(n))
print(f"Utesluter 0 för varje möjlig bas från {svar} upp till {N}: {'ja' if storre else 'nej'}")
print(kontrollera("12.4", svar))

# %% [markdown]
# Om man i stället väntar tills de två årens egna intervall slutar överlappa krävs en betydligt
# större bas för 2022: överlappsregeln är för sträng. Här växlar det en stund, eftersom en avrundad
# procent kan stå för andelar upp till en halv procentenhet åt båda hållen: vi söker den bas från
# vilken intervallen inte överlappar för någon större möjlig bas.

# %%
# NBVAL_CHECK_OUTPUT
ar2023 = stats.percent_interval(kand.value, kand.base_n)


def isar_vid(n):
    return all(ar2023[0] > hog for _, hog in intervall_for_bas(n, stats.percent_interval))


isar = next(n for n in mojliga if all(isar_vid(m) for m in mojliga if m >= n))
tidigare = [str(n) for n in mojliga if n < isar and isar_vid(n)]
print(f"De två årens intervall överlappar inte för någon möjlig bas för {okand.reference_year} från n = {isar} "
      f"(upp till {N}); under det bara vid n = {', '.join(tidigare) or 'inget'}")

# %% [markdown]
# Skillnaden mellan åren är mindre än för storstadslänen, så det krävs en större bas innan
# skillnadens konfidensintervall utesluter 0. Om basen för 2022 var minst så stor som svaret, om
# frågan ställdes på samma sätt och om bortfallet inte snedvrider, är ökningen svår att förklara
# enbart med slumpmässig variation.

# %% [markdown]
# ## Reflektion `12.5`
#
# Ett exempel på svar till socialnämnden:
#
# > I Visions enkät 2023 svarade 158 av landets 290 kommuner, och av de 137 socialchefer som svarade
# > på frågan bedömde 77 procent att villkoren för personalförsörjningen är svåra. Med ett 95 procents
# > konfidensintervall på 71,5–81,7 procent (felmarginal omkring 5 procentenheter) är det klart
# > mer än hälften, men siffran gäller de kommuner som svarade: om de som inte svarade skiljer sig
# > kan andelen i hela landet vara en annan.
#
# Det som gör svaret bra: basen (137 av 158 svarande, av 290 kommuner), vad intervallet betyder
# och att det bara täcker slumpen, inte bortfallet (notebook 11).
