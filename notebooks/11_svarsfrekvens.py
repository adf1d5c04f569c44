# %% [markdown]
# # Svarsfrekvens och bortfall
#
# En enkät till landets alla kommuner besvaras aldrig av alla. Innan du läser en andel i en rapport
# behöver du veta **vem som svarade**, och vad de som inte svarade hade kunnat ändra.
#
# **Det här gör du:** jämför hur många som svarade i Visions, SKL:s och Vårdanalys enkäter, räknar
# om en svarsfrekvens själv och prövar vad bortfallet kan göra med en andel.
#
# **Det här lär du dig:** skillnaden mellan externt bortfall (kommuner som inte svarade alls) och
# internt bortfall (frågor som lämnades tomma), och varför en publicerad svarsfrekvens är värd att
# räkna om.
#
# **Det här behöver du:** ha kört introduktionen (00). Kör cellerna uppifrån och ned med
# Shift + Enter. Övningarna i slutet kontrollerar du själv; lösningarna finns i mappen `losningar`.

# %%
import altair as alt
import pandas as pd
from IPython.display import Markdown, display

import socialtjanst
from socialtjanst import figures, stats
from socialtjanst.metadata import vocabulary
from socialtjanst.ovningar import kontrollera

alt.renderers.enable("svg")  # diagrammen ritas utan internet
tabeller = socialtjanst.load()


tal, procent = figures.number_sv, figures.percent_sv  # 54,5 and 54,5 %


# %% [markdown]
# ## Vem fick enkäten och vem svarade?
#
# Tabellen `surveys` har en rad per undersökning. Här är de undersökningar där källan anger hur
# många som svarade eller hur stor svarsfrekvensen var:

# %%
# NBVAL_CHECK_OUTPUT
undersokningar = tabeller["surveys"].set_index("survey_id")
med_svar = undersokningar[undersokningar["response_rate_published_pct"].notna()]
print(med_svar[["population_n", "respondents_n", "response_rate_published_pct", "response_rate_recomputed_pct"]]
      .astype(float).to_string(float_format=tal, na_rep="saknas"))

# %%
v, s = undersokningar.loc["vision_2023"], undersokningar.loc["skl_2015"]
va, lar = undersokningar.loc["vardanalys_2019_socialchefer"], undersokningar.loc["vardanalys_2019_larosaten"]
display(Markdown(
    f"- **Vision 2023:** {tal(v.respondents_n)} av {tal(v.population_n)} kommuner svarade, "
    f"{procent(v.response_rate_published_pct)} enligt rapporten.\n"
    f"- **SKL december 2015:** {tal(s.respondents_n)} av {tal(s.population_n)} kommuner, "
    f"{procent(s.response_rate_published_pct)}.\n"
    f"- **Vårdanalys 2019, socialchefer:** {procent(va.response_rate_published_pct)}; hur många kommuner "
    f"som svarade står inte i källan. Per kommungrupp: {va.response_rate_by_group}.\n"
    f"- **Vårdanalys 2019, lärosäten:** {tal(lar.respondents_n)} av {tal(lar.population_n)} högskolor och "
    f"universitet med socionomprogram, {procent(lar.response_rate_published_pct)}."
))

# %% [markdown]
# Samma sak som diagram. Alla svarsfrekvenser som källorna anger, för hela undersökningen och per grupp:

# %%
obs = tabeller["observations"]
frekvenser = obs[(obs["indicator"] == "response_rate") & (obs["value_basis"] != "derived")].copy()
grupp = vocabulary("breakdown")  # the groups' Swedish names
frekvenser["undersökning"] = [
    f"{undersokningar.loc[u, 'organisation']} {undersokningar.loc[u, 'year']} · {grupp[g]}"
    for u, g in zip(frekvenser["survey_id"], frekvenser["breakdown"])]
frekvenser["etikett"] = [figures.value_label(x, q) for x, q in zip(frekvenser["value"], frekvenser["value_qualifier"])]
frekvenser["exakt"] = frekvenser["value_qualifier"].isna() | (frekvenser["value_qualifier"] == "exact")
bas = alt.Chart(frekvenser).encode(
    y=alt.Y("undersökning:N", sort=None, title="Undersökning · grupp", axis=alt.Axis(title=None, labelLimit=320)))
alt.layer(
    bas.mark_bar(color="#4c78a8").encode(
        x=alt.X("value:Q", title="Svarsfrekvens (procent)", scale=alt.Scale(domain=[0, 100])),
        opacity=alt.condition("datum.exakt", alt.value(1.0), alt.value(0.35))),
    bas.mark_text(align="left", dx=3, fontSize=10, aria=False).encode(x="value:Q", text="etikett:N"),
).properties(width=380, title=alt.TitleParams(
    "Svarsfrekvens enligt källorna",
    subtitle=["Undersökning · grupp. Ljus stapel: ungefärligt värde (≈).",
              "Källa: datapaketet socialtjanst-enkater, tabellen observations (indikatorn svarsfrekvens)."],
    anchor="start"))

# %% [markdown]
# Vision når ungefär hälften av kommunerna, SKL betydligt fler. Vårdanalys visar dessutom att
# svarsfrekvensen skilde sig mellan kommungrupperna. Om en grupp svarar oftare än en annan väger
# dess svar tyngre i en andel för hela landet. SKL beskriver bortfallet per grupp så här:

# %%
display(Markdown(f"> {s.response_rate_by_group}"))

# %% [markdown]
# ## Publicerad och omräknad svarsfrekvens
#
# En svarsfrekvens är antalet svarande delat med antalet som fick enkäten. Paketet räknar om den där
# båda talen står i källan (`response_rate_recomputed_pct`) och sparar källans egen siffra bredvid
# (`response_rate_published_pct`).

# %%
# NBVAL_CHECK_OUTPUT
jamfor = med_svar[["respondents_n", "population_n", "response_rate_published_pct", "response_rate_recomputed_pct"]].dropna()
jamfor = jamfor.assign(skillnad=(jamfor["response_rate_published_pct"] - jamfor["response_rate_recomputed_pct"]).round(1))
print(jamfor.to_string(float_format=tal))

# %%
exakt_v = 100 * v.respondents_n / v.population_n
exakt_l = 100 * lar.respondents_n / lar.population_n
display(Markdown(
    f"Vision: {tal(v.respondents_n)} / {tal(v.population_n)} = {procent(exakt_v, 2)}. Avrundat till hela "
    f"procent blir det {procent(exakt_v, 0)}, men rapporten skriver {procent(v.response_rate_published_pct)}: "
    f"kanske har talet avrundats två gånger, först till {procent(exakt_v, 1)} och sedan uppåt.\n\n"
    f"Vårdanalys lärosäten: {tal(lar.respondents_n)} / {tal(lar.population_n)} = {procent(exakt_l, 2)}, "
    f"men källan skriver {procent(lar.response_rate_published_pct)}: decimalerna har troligen strukits i "
    f"stället för att avrundas.\n\n"
    f"Skillnaderna är små. Poängen är att en publicerad procent alltid är avrundad och ibland fel "
    f"avrundad: den som kan räkna om den ser vad den bygger på."
))

# %% [markdown]
# Vision 2015 och Vårdanalys socialchefsenkät anger bara procenten. Då går det inte att räkna om den,
# och inte heller att veta hur många kommuner andelarna bygger på.

# %% [markdown]
# ## Internt bortfall: basen varierar från fråga till fråga
#
# Att en kommun svarade betyder inte att den svarade på varje fråga. Vision skriver att kommunerna
# svarade *helt eller delvis*, och varje figur i rapporten har sin egen bas (n):

# %%
# NBVAL_CHECK_OUTPUT
fig = tabeller["figures"]
print(fig[fig["source_id"] == "vision_2023"][["label", "base_printed"]].to_string(index=False))

# %%
o23 = obs[(obs["survey_id"] == "vision_2023") & obs["figure_id"].notna()].copy()
o23["bas"] = o23["base_n"].fillna(o23["base_n_min"])
o23 = o23.dropna(subset=["bas"])  # group values (Figur 8) have no printed base of their own
baser = o23.groupby("figure_id", sort=False)["bas"].min().astype(int).reset_index()
baser["figur"] = baser["figure_id"].map(fig.set_index("figure_id")["label"])
minst, storst = baser["bas"].min(), baser["bas"].max()
display(Markdown(
    f"Baserna går från n = {tal(minst)} till n = {tal(storst)}, av {tal(v.respondents_n)} svarande kommuner. "
    f"Den minsta basen är {procent(round(100 * minst / v.population_n, 1))} av de {tal(v.population_n)} "
    f"kommuner som fick enkäten."
))

# %%
linjer = pd.DataFrame({"antal": [v.respondents_n, v.population_n],
                       "text": ["svarande kommuner", "kommuner som fick enkäten"]})
y = alt.Y("figur:N", sort=list(baser["figur"]), title="Figur", axis=alt.Axis(title=None))
alt.layer(
    alt.Chart(baser).mark_bar(color="#4c78a8").encode(
        y=y, x=alt.X("bas:Q", title="Antal kommuner", scale=alt.Scale(domain=[0, int(v.population_n)]))),
    # Labels and reference lines repeat what the bars and the title say: hidden from screen readers.
    alt.Chart(baser).mark_text(align="left", dx=3, fontSize=10, aria=False).encode(y=y, x="bas:Q", text="bas:Q"),
    alt.Chart(linjer).mark_rule(strokeDash=[4, 3], color="#c0392b", aria=False).encode(x="antal:Q"),
    alt.Chart(linjer).mark_text(align="right", dx=-4, y=-6, fontSize=10, color="#c0392b", aria=False).encode(
        x="antal:Q", text="text:N"),
).properties(width=420, title=alt.TitleParams(
    "Bas (n) per figur i Visions socialchefsrapport 2023",
    subtitle=["Minsta bas per figur (där rapporten anger ett intervall, det lägre talet).",
              "Källa: datapaketet socialtjanst-enkater, tabellerna figures och observations."],
    anchor="start"))

# %% [markdown]
# ## Vad kan bortfallet göra med en andel?
#
# Konfidensintervallet (notebook 12) bygger på att de som inte svarade liknar dem som svarade. Det kan man
# inte veta. Pröva i stället ytterligheterna: tänk dig att **ingen** av dem som saknas hade svarat
# *svårt*, eller att **alla** hade gjort det. `stats.nonresponse_bounds` räknar ut andelen av alla
# kommuner i båda fallen.

# %%
# NBVAL_CHECK_OUTPUT
rad = obs.set_index("obs_id").loc["V23-047"]
N = int(v.population_n)
antal = list(stats.respondent_counts(rad.value, rad.base_n))
lag, hog = stats.nonresponse_bounds(rad.value, rad.base_n, N)
ci = stats.percent_interval(rad.value, rad.base_n, N)
print(f"{rad.subject}: {procent(rad.value)} av n = {rad.base_n} ({antal[0]}–{antal[-1]} kommuner)")
print(f"Saknas: {N - rad.base_n} av {N} kommuner")
print(f"Bortfallsgränser: {tal(lag)}–{procent(hog)}")
print(f"95 % konfidensintervall: {tal(ci[0])}–{procent(ci[1])}")

# %%
skl = obs.set_index("obs_id").loc["SKL-025"]
skl_lag, skl_hog = stats.nonresponse_bounds(skl.value, skl.base_n_min, s.population_n)
display(Markdown(
    f"Om ingen av de {tal(N - rad.base_n)} kommuner som saknas hade svarat *svårt* vore andelen av alla "
    f"kommuner {procent(lag)}; om alla hade gjort det, {procent(hog)}. Konfidensintervallet, "
    f"{tal(ci[0])}–{procent(ci[1])}, är mycket smalare: det gäller bara om bortfallet liknar de svarande.\n\n"
    f"Gränserna ligger minst lika långt isär som andelen kommuner som saknas i basen, här "
    f"{tal(100 * (N - rad.base_n) / N)} procentenheter (lite mer, eftersom procenten är avrundad: gränserna "
    f"räknas från det minsta och det största antal svar som avrundas till den). Med SKL:s högre svarsfrekvens blir de smalare: för "
    f"{procent(skl.value)} av n = {tal(skl.base_n_min)} (`SKL-025`) går de från {procent(skl_lag)} till "
    f"{procent(skl_hog)}."
))

# %% [markdown]
# Så ser det ut för alla personalgrupper i Vision 2023 där rapporten anger bas. Den ljusa stapeln är
# bortfallsgränserna, det mörka strecket konfidensintervallet och punkten andelen bland dem som svarade.

# %%
serie = tabeller["series"]
grupper = serie[(serie["series_indicator"] == "staffing_difficulty") & (serie["year"] == 2023)
                & (serie["breakdown"] == "riket") & serie["base_n"].notna()].copy()
grupper[["lag", "hog"]] = [stats.nonresponse_bounds(x, n, N) for x, n in zip(grupper["value"], grupper["base_n"])]
y = alt.Y("subject:N", title="Personalgrupp", sort=alt.EncodingSortField("value", order="descending"),
          axis=alt.Axis(title=None, labelLimit=250))
# Each field's title is what a screen reader says of a mark; the axis has a title of its own.
axel = alt.Axis(title="Andel (procent) som bedömer villkoren som svåra")
alt.layer(
    alt.Chart(grupper).mark_bar(color="#c0392b", opacity=0.2, height=16).encode(
        y=y, x=alt.X("lag:Q", title="Lägst möjliga andel (procent)", axis=axel, scale=alt.Scale(domain=[0, 100])),
        x2=alt.X2("hog:Q", title="högst möjliga andel (procent)")),
    alt.Chart(grupper).mark_rule(color="#333", strokeWidth=3).encode(
        y=y, x=alt.X("ci_low_pct:Q", title="Konfidensintervall från (procent)", axis=axel),
        x2=alt.X2("ci_high_pct:Q", title="till (procent)")),
    alt.Chart(grupper).mark_point(filled=True, size=60, color="#c0392b").encode(
        y=y, x=alt.X("value:Q", title="Publicerad andel (procent)", axis=axel)),
).properties(width=420, title=alt.TitleParams(
    "Konfidensintervall och bortfallsgränser, Vision 2023",
    subtitle=["Ljus stapel: andelen av alla kommuner om ingen eller alla som saknas hade svarat svårt.",
              "Mörkt streck: 95 % konfidensintervall (Wilson, med ändlighetskorrektion). Punkt: publicerad andel.",
              "Källa: datapaketet socialtjanst-enkater, tabellen series; stats.nonresponse_bounds."],
    anchor="start"))

# %% [markdown]
# Ytterligheterna är osannolika: bortfallet svarar nog inte *helt* annorlunda än de svarande. Men
# de visar vad en rapport egentligen vet: hur **de som svarade** bedömer läget.

# %% [markdown]
# ## Övningar
#
# Skriv ditt svar efter `svar =` och kör cellen. `kontrollera` svarar *rätt* eller ger en ledtråd.
# Lösningarna finns i `losningar/11_svarsfrekvens_losningar.py`: titta där först när du har försökt.

# %% [markdown]
# ### Övning `11.1`
#
# Räkna själv ut svarsfrekvensen i Vision 2023 med en decimal, ur antalet svarande och antalet
# kommuner i tabellen `surveys`.

# %%
svar = None  # till exempel: svar = 100 * 1 / 3
print(kontrollera("11.1", svar))

# %% [markdown]
# ### Övning `11.2`
#
# Hur många av de kommuner som svarade på Vision 2023 finns **inte** med i basen för Figur 2
# (internt bortfall)? Basen står i tabellen `figures`, kolumnen `base_printed`.

# %%
svar = None
print(kontrollera("11.2", svar))

# %% [markdown]
# ### Övning `11.3`
#
# Socialsekreterare, observation `V23-053`: vad blir andelen *svårt* av alla kommuner om ingen
# respektive alla som saknas i basen hade svarat svårt? Använd `stats.nonresponse_bounds` och svara
# med två tal.

# %%
rad = obs.set_index("obs_id").loc["V23-053"]
print(f"V23-053, {rad.subject}: {procent(rad.value)}, n = {rad.base_n}")
svar = None  # till exempel: svar = (10.0, 60.0)
print(kontrollera("11.3", svar))

# %% [markdown]
# ### Övning `11.4`
#
# Vårdanalys enkät till lärosätena: vilken svarsfrekvens hade källan skrivit om den hade avrundat
# till hela procent på vanligt sätt?

# %%
svar = None
print(kontrollera("11.4", svar))

# %% [markdown]
# ### Reflektion `11.5`
#
# En kollega säger: *”Hälften av kommunerna svarade inte, så undersökningen säger ingenting.”* Skriv
# tre eller fyra meningar där du svarar: vad vet vi om dem som svarade, vad vet vi inte om dem som
# inte svarade, och vad visar bortfallsgränserna för socialsekreterare (övning `11.3`)? Skriv i en
# markdown-cell nedanför. Ett exempel på svar finns i lösningarna.
