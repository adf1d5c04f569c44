# %% [markdown]
# # Sammanslagning av kategorier
#
# En enkätfråga har ofta fem svarsalternativ, men rapporten redovisar tre, eller bara ett: *andelen
# som svarat svårt*. Hur alternativen slås ihop, och vad som händer med dem som svarat *vet inte*,
# avgör vilken siffra som hamnar i rubriken.
#
# **Det här gör du:** följer hur Visions femgradiga skala blir lätt, balans och svårt, prövar vad
# *kan ej bedöma* gör med en andel, ser varför frågor med flera svar inte summerar till 100 och
# räknar fram en härledd kategori.
#
# **Det här lär du dig:** att läsa en figurkommentar om svarsalternativ och att se när en siffra är
# exakt och när den bara är en gräns.
#
# **Det här behöver du:** ha gått igenom notebook 11 och 12. Kör cellerna uppifrån och ned med
# Shift + Enter.

# %%
import altair as alt
import pandas as pd
from IPython.display import Markdown, display

import socialtjanst
from socialtjanst import figures, stats
from socialtjanst.metadata import vocabulary
from socialtjanst.ovningar import kontrollera
from socialtjanst.validate import evaluate

alt.renderers.enable("svg")  # diagrammen ritas utan internet
tabeller = socialtjanst.load()


tal, procent = figures.number_sv, figures.percent_sv  # 54,5 and 54,5 %
grund, precisering = vocabulary("value_basis"), vocabulary("value_qualifier")  # Swedish labels of the codes


obs = tabeller["observations"].set_index("obs_id")
alternativ = tabeller["response_options"]
fragor = tabeller["questions"].set_index("question_id")

# %% [markdown]
# ## Från fem svarsalternativ till tre kategorier
#
# Visions fråga om personalförsörjningen har fem svarsalternativ och ett för den som inte kan svara.
# Rapporten redovisar tre kategorier. Tabellen `response_options` visar hur alternativen slås ihop
# (`harmonised_category`) och om de räknas in i basen (`in_base`):

# %%
# NBVAL_CHECK_OUTPUT
skala = alternativ[alternativ["scale_id"] == "vision_villkor_5"]
i_basen = skala["in_base"].map({True: "ja", False: "nej"}).fillna("uppgift saknas")
print(skala[["option_order", "option_sv", "harmonised_category"]].assign(in_base=i_basen)
      .to_string(index=False, na_rep="(inte tryckt)"))

# %%
fraga = fragor.loc["vision_2023_villkor_personalforsorjning"]
display(Markdown(
    f"Frågan: ”{fraga.wording_sv}”\n\n"
    f"Alternativ som fanns men inte redovisas: *{fraga.options_not_shown}*. Kolumnen `in_base` är tom "
    f"för {skala['in_base'].isna().sum()} av {len(skala)} alternativ: rapporten säger inte om de som valde "
    f"*{fraga.options_not_shown}* räknas in i basen."
))

# %%
skala_diagram = skala.assign(rad=skala["option_sv"].fillna("(alternativet inte tryckt)"))
alt.Chart(skala_diagram).mark_bar(height=18).encode(
    y=alt.Y("rad:N", sort=list(skala_diagram["rad"]), title="Svarsalternativ i enkäten"),
    x=alt.X("count():Q", title="Antal", axis=None),
    color=alt.Color("harmonised_category:N", title="Kategori i rapporten",
                    sort=["lätt", "balans", "svårt", "ej bedömt"],
                    scale=alt.Scale(domain=["lätt", "balans", "svårt", "ej bedömt"],
                                    range=["#4c9f70", "#bbbbbb", "#c0392b", "#f0e442"])),
).properties(width=120, title=alt.TitleParams(
    "Så slås svarsalternativen ihop i Visions figurer 4–8",
    subtitle=["Färgen visar kategorin (harmonised_category).",
              "Källa: datapaketet socialtjanst-enkater, tabellen response_options (vision_villkor_5)."],
    anchor="start"))

# %% [markdown]
# ## Vet inte: i basen eller utanför?
#
# För 2015 anger rapporten bara andelen som svarade *lätt* eller *balans*. Resten är inte
# automatiskt *svårt*: i resten finns också de som svarade *kan ej bedöma*, om de räknades in i basen.

# %%
lb, svart = obs.loc["V23-051"], obs.loc["V23-052"]
display(Markdown(
    f"> ”{lb.quote}”\n\n"
    f"- `V23-051`: {procent(lb.value)} *{lb.category}* ({grund[lb.value_basis]})\n"
    f"- `V23-052`: *{svart.category}* = `{svart.formula}` = högst {procent(svart.value)} "
    f"({grund[svart.value_basis]}, en övre gräns)\n\n"
    f"Andelen *svårt* {lb.reference_year} är {procent(svart.value)} bara om *kan ej bedöma* låg utanför "
    f"basen, och bortsett från att {procent(lb.value)} är avrundat (det kan ha varit en halv procentenhet "
    f"mindre, och då är resten en halv procentenhet större). Om till exempel {procent(3)} svarade *kan ej "
    f"bedöma* och räknades in, var andelen *svårt* {procent(svart.value - 3)}."
))

# %% [markdown]
# Samma fråga åt andra hållet, med 2023 års siffror: fler kommuner svarade på enkäten än som finns i
# basen för Figur 4. Om de som saknas hade svarat *kan ej bedöma* och räknats in i basen, hur hade
# andelen *svårt* sett ut?

# %%
# NBVAL_CHECK_OUTPUT
rad = obs.loc["V23-047"]
svarande = int(tabeller["surveys"].set_index("survey_id").loc["vision_2023", "respondents_n"])
antal = list(stats.respondent_counts(rad.value, rad.base_n))
scenarier = pd.DataFrame([
    {"kan ej bedöma i basen": k, "bas": rad.base_n + k,
     "andel svårt, lägst": round(100 * antal[0] / (rad.base_n + k), 1),
     "andel svårt, högst": round(100 * antal[-1] / (rad.base_n + k), 1)}
    for k in range(0, svarande - rad.base_n + 1)])
print(scenarier.iloc[[0, len(scenarier) // 2, -1]].to_string(index=False, float_format=tal))

# %%
alt.Chart(scenarier).mark_area(opacity=0.5, color="#c0392b").encode(
    x=alt.X("kan ej bedöma i basen:Q", title="Antal svar ”kan ej bedöma” som räknas in i basen"),
    y=alt.Y("andel svårt, lägst:Q", title="Andel svårt (procent)", scale=alt.Scale(domain=[50, 100])),
    y2="andel svårt, högst:Q",
).properties(width=420, height=200, title=alt.TitleParams(
    "Samma svar, större bas: andelen svårt sjunker",
    subtitle=[f"{antal[0]}–{antal[-1]} kommuner svarade svårt ({procent(rad.value)} av n = {rad.base_n}, Vision 2023, Figur 4).",
              f"Tänkt: upp till {svarande - rad.base_n} kommuner till (alla som svarade på enkäten) läggs till i basen.",
              "Källa: datapaketet socialtjanst-enkater; stats.respondent_counts."],
    anchor="start"))

# %% [markdown]
# Därför är det viktigt att figurtexten säger vilka alternativ som fanns och hur de räknas. Visions
# figurkommentar säger vilka alternativ som *inte redovisas*, men inte om de ingår i basen.

# %% [markdown]
# ## Flera svar: summan blir inte 100
#
# På vissa frågor fick man välja mer än ett alternativ. Då summerar andelarna inte till 100.
# Kolumnerna `multiple_answers` och `max_answers` i tabellen `questions` säger det:

# %%
# NBVAL_CHECK_OUTPUT
flera = tabeller["questions"][tabeller["questions"]["multiple_answers"] & (tabeller["questions"]["survey_id"] == "vision_2023")]
print(flera[["question_id", "max_answers"]].astype({"max_answers": float}).to_string(index=False, float_format=tal, na_rep="–"))

# %%
# NBVAL_CHECK_OUTPUT
data = tabeller["observations"]
summor = (data[data["figure_id"].isin(["vision_2023_figur_2", "vision_2023_figur_3"]) & (data["breakdown"] == "riket")]
          .groupby(["figure_id", "reference_year"])["value"].agg(antal="count", summa="sum"))
print(summor.to_string(float_format=tal))

# %%
fig3 = summor.loc[("vision_2023_figur_3", 2023)]
max2 = int(fragor.loc["vision_2023_verksamhetsomraden", "max_answers"])
display(Markdown(
    f"I Figur 3 är summan av de {int(fig3['antal'])} åtgärder som texten anger för 2023 redan "
    f"{procent(fig3['summa'])}, fast alla åtgärder inte är med. I Figur 2 fick man välja högst {max2} områden."
))

# %% [markdown]
# ## Figur 10: en härledd mellankategori
#
# Figur 10 slår ihop en femgradig skala till tre kategorier. Texten anger bara de två yttre; den
# mittersta räknar paketet fram med en formel (`formula`) ur de andra två.

# %%
# NBVAL_CHECK_OUTPUT
print(alternativ[alternativ["scale_id"] == "vision_chefsuppdrag_5"][["option_order", "option_sv", "harmonised_category"]]
      .fillna({"option_sv": "(inte tryckt)"}).to_string(index=False))

# %%
mitt = obs.loc["V23-097"]
varden = {ref: float(obs.loc[ref, "value"]) for ref in ("V23-095", "V23-096")}
display(Markdown(
    f"- *{obs.loc['V23-095', 'category']}*: {procent(varden['V23-095'])} (`V23-095`)\n"
    f"- *{obs.loc['V23-096', 'category']}*: {procent(varden['V23-096'])} (`V23-096`)\n"
    f"- *{mitt.category}*: `{mitt.formula}` = {procent(evaluate(mitt.formula, varden))} (`{mitt.name}`, "
    f"{grund[mitt.value_basis]})\n\n"
    f"Mellankategorin står inte i rapportens text. Paketet räknar fram den som det som blir kvar av 100 "
    f"procent, och eftersom de två andra är avrundade till hela procent kan den vara upp till en "
    f"procentenhet fel åt vardera hållet (se övningarna nedan)."
))

# %%
fig10 = figures.figure_data("vision_2023_figur_10")[["category", "value", "value_basis", "label"]]
ordning = ["mer krävande än stimulerande", "lika stimulerande som krävande", "mer stimulerande än krävande"]
fig10["härledd"] = fig10["value_basis"] == "derived"
bas10 = alt.Chart(fig10).encode(
    x=alt.X("value:Q", stack="zero", title="Andel (procent) av socialcheferna", scale=alt.Scale(domain=[0, 100])),
    order=alt.Order("ordning:Q"))
alt.layer(
    bas10.mark_bar(height=40, stroke="#333").encode(
        color=alt.Color("category:N", sort=ordning, title="Svar", scale=alt.Scale(domain=ordning)),
        opacity=alt.condition("datum.härledd", alt.value(0.45), alt.value(1.0))),
    bas10.mark_text(dx=-22, color="#111", fontWeight="bold", aria=False).encode(text="label:N"),
).transform_calculate(ordning=f"indexof({ordning}, datum.category)").properties(
    width=420, height=60, title=alt.TitleParams(
        "Chefsuppdraget som helhet, Vision 2023 (Figur 10): tre kategorier som summerar till 100",
        subtitle=["Ljus del: härledd som 100 − de två andra (avrundningsosäkerhet ungefär en procentenhet).",
                  "Källa: datapaketet socialtjanst-enkater, observationerna V23-095–V23-097."],
        anchor="start"))

# %% [markdown]
# ## Rapportens sammanslagningar i paketet
#
# Paketet sparar varje värde i den kategori rapporten redovisar (kolumnen `category`), och
# `response_options` säger vilka svarsalternativ kategorin består av. Serien i tabellen `series`
# använder kategorin *svårt*. För 2015 finns bara *lätt eller balans*, så där blir *svårt* en gräns:

# %%
# NBVAL_CHECK_OUTPUT
pg = tabeller["observations"]
pg = pg[(pg["subject"] == "personal generellt") & (pg["breakdown"] == "riket") & (pg["source_id"] == "vision_2023")
        & pg["category"].notna()]
pg = pg.assign(value_basis=pg["value_basis"].map(grund), value_qualifier=pg["value_qualifier"].map(precisering),
               formula=pg["formula"].fillna("–"))
print(pg[["obs_id", "reference_year", "category", "value", "value_basis", "value_qualifier", "formula"]]
      .to_string(index=False, float_format=tal, na_rep="–"))

# %% [markdown]
# I diagrammet över Figur 4 syns gränserna som ofyllda punkter:

# %%
figures.FIGURES["vision_2023_figur_4"]()

# %% [markdown]
# ## Övningar
#
# Skriv ditt svar efter `svar =` och kör cellen. Lösningarna finns i
# `losningar/13_sammanslagning_losningar.py`.

# %% [markdown]
# ### Övning `13.1`
#
# Vilka svarsalternativ på skalan `vision_villkor_5` slås ihop till *svårt*? Svara med en lista med
# alternativen ordagrant, som i kolumnen `option_sv`.

# %%
svar = None  # till exempel: svar = ["Alternativ A", "Alternativ B"]
print(kontrollera("13.1", svar))

# %% [markdown]
# ### Övning `13.2`
#
# Vision 2015 (`V23-051`): hur stor kan andelen *svårt* högst ha varit?

# %%
svar = None
print(kontrollera("13.2", svar))

# %% [markdown]
# ### Övning `13.3`
#
# I Figur 10 är de två yttre andelarna avrundade till hela procent. Hur liten och hur stor kan den
# härledda mellankategorin (`V23-097`) då vara? Svara med två tal.

# %%
svar = None  # till exempel: svar = (10.0, 20.0)
print(kontrollera("13.3", svar))

# %% [markdown]
# ### Övning `13.4`
#
# Figur 2 (frågan `vision_2023_verksamhetsomraden`): hur stor kan summan av alla områdens andelar
# 2023 bli som mest?

# %%
svar = None
print(kontrollera("13.4", svar))

# %% [markdown]
# ### Reflektion `13.5`
#
# En tidning skriver: *”2015 tyckte bara 28 procent av socialcheferna att det var svårt att rekrytera.
# I dag är det 77 procent.”* Skriv två eller tre meningar till tidningen om vad som är fel eller
# osäkert i jämförelsen. Använd det du vet om `V23-051` och `V23-052`. Ett exempel på svar finns i
# lösningarna.
