# %% [markdown]
# # Vårdanalys: kompetensförsörjning av handläggare i socialtjänsten
#
# Myndigheten för vård- och omsorgsanalys (Vårdanalys) presenterade preliminära resultat i ett
# bildspel. Det bygger bland annat på en enkät till socialcheferna 2019 och en enkät till lärosätena
# som har socionomprogrammet. Bildspelet har många diagram, men nästan alla siffror finns bara i
# bilderna: texten ger rubriker och några få tal.
#
# **Det här gör du:** läser svarsfrekvenserna, räknar om en av dem själv, tittar på de två diagram
# som har siffror i texten och ritar ett eget diagram över varför kommuner saknar en plan.
#
# **Det här lär du dig:** skillnaden mellan att avrunda och att stryka decimaler, varför andelar i en
# fråga med flera svar inte summerar till 100, och hur mycket av ett bildspel som faktiskt går att
# återskapa.
#
# **Det här behöver du:** ha kört introduktionen (00) eller vetat hur man kör celler.

# %%
import altair as alt
from IPython.display import Markdown, display

import socialtjanst
from socialtjanst import figures
from socialtjanst.metadata import vocabulary

alt.renderers.enable("svg")
tabeller = socialtjanst.load()

# %% [markdown]
# ## Enkäten till socialcheferna
#
# Bildspelet anger svarsfrekvensen för hela landet och för tre typer av kommuner, men inte hur
# många kommuner som fick enkäten eller svarade.

# %%
# NBVAL_CHECK_OUTPUT
obs = tabeller["observations"]
kalla = obs[obs["source_id"] == "vardanalys_slides"]
grupp = vocabulary("breakdown")
svar = kalla[(kalla["indicator"] == "response_rate") & (kalla["survey_id"] == "vardanalys_2019_socialchefer")]
for rad in svar.itertuples():
    print(f"{grupp[rad.breakdown]:22s} {figures.percent_sv(rad.value)}")

# %%
# NBVAL_CHECK_OUTPUT
u = tabeller["surveys"].set_index("survey_id").loc["vardanalys_2019_socialchefer"]
print(f"Population: {u.population}")
print(f"Antal som fick enkäten: {'anges inte' if u.isna()['population_n'] else u.population_n}")
print(f"Antal som svarade: {'anges inte' if u.isna()['respondents_n'] else u.respondents_n}")

# %% [markdown]
# Ungefär hälften svarade, och svarsfrekvensen skiljer sig mellan kommuntyperna. Om kommunerna som
# inte svarade har andra förhållanden än de som svarade, blir resultaten snedvridna. Hur
# kommuntyperna är avgränsade står inte i bildspelet.
#
# ## Enkäten till lärosätena
#
# Här anger bildspelet både antalet svarande och antalet lärosäten. Då kan vi räkna om
# svarsfrekvensen själva:

# %%
# NBVAL_CHECK_OUTPUT
lar = tabeller["surveys"].set_index("survey_id").loc["vardanalys_2019_larosaten"]
kvot = 100 * lar.respondents_n / lar.population_n
print(f"{lar.respondents_n} av {lar.population_n} lärosäten svarade: {figures.percent_sv(kvot, 2)}")
print(f"Avrundat till heltal:            {figures.percent_sv(round(kvot))}")
print(f"Decimalerna strukna (trunkerat): {figures.percent_sv(int(kvot))}")
print(f"Publicerat i bildspelet:         {figures.percent_sv(lar.response_rate_published_pct)}")
print(f"Omräknat i datapaketet:          {figures.percent_sv(lar.response_rate_recomputed_pct)} (en decimal)")

# %% [markdown]
# Vid vanlig **avrundning** blir det närmaste heltalet uppåt, eftersom decimaldelen är mer än en halv.
# Bildspelet skriver ändå det lägre talet: decimalerna har troligen bara **strukits** (trunkerats).
# Skillnaden är liten, men den visar varför man räknar om när både täljare och nämnare finns.
# Datapaketet sparar båda talen: det publicerade och det omräknade. Bildspelet redovisar inga
# resultat från lärosätesenkäten.

# %% [markdown]
# ## Särskilda introduktioner för nyutexaminerade
#
# Rubriken på bilden anger andelen kommuner med särskilda introduktioner. Övriga staplar
# (former av introduktion, kommungrupper) finns bara i bilden.

# %%
display(Markdown(figures.figure_info("vardanalys_slides_introduktioner")))

# %%
figures.FIGURES["vardanalys_slides_introduktioner"]()

# %%
# NBVAL_CHECK_OUTPUT
print(figures.figure_table("vardanalys_slides_introduktioner").drop(columns="citat").to_string(index=False))

# %% [markdown]
# ## Planering för behovet av handläggare
#
# Rubriken säger ”Bara en tredjedel”. Det är en siffra i ord, så datapaketet sparar den som ett
# ungefärligt värde (≈). Den exakta andelen finns bara i bilden.

# %%
display(Markdown(figures.figure_info("vardanalys_slides_planering")))

# %%
figures.FIGURES["vardanalys_slides_planering"]()

# %%
# NBVAL_CHECK_OUTPUT
print(figures.figure_table("vardanalys_slides_planering").drop(columns="citat").to_string(index=False))

# %% [markdown]
# ## Varför saknar kommunerna en plan?
#
# Bredvid diagrammet står skälen som kommunerna utan plan angav, med siffror. De hör inte till
# själva diagrammet, så vi ritar dem här ur tabellen `observations`.

# %%
# NBVAL_CHECK_OUTPUT
fraga = tabeller["questions"].set_index("question_id").loc["vardanalys_2019_socialchefer_anledning_ingen_plan"]
print(f"Frågan (som bildspelet återger den): {fraga.wording_sv}")
print(f"Flera svar möjliga: {'ja' if fraga.multiple_answers else 'nej'}")

# %%
skal = kalla[kalla["indicator"] == "no_plan_reason"].copy()
skal["etikett"] = [figures.value_label(v, q) for v, q in zip(skal["value"], skal["value_qualifier"])]
bas = alt.Chart(skal).encode(
    x=alt.X("value:Q", title="Andel (procent) av kommunerna som svarade nej", scale=alt.Scale(domain=[0, 100])),
    y=alt.Y("subject:N", sort="-x", title="Anledning", axis=alt.Axis(title=None, labelLimit=360)),
)
(bas.mark_bar(color="#4c78a8") + bas.mark_text(align="left", dx=3, aria=False).encode(text="etikett:N")).properties(
    title=alt.TitleParams("Anledningar att inte ha en plan, bland kommunerna som svarade nej", anchor="start", subtitle=[
        "Det var möjligt att ge flera svar: andelarna summerar inte till 100. Basen (n) anges inte.",
        "Källa: Vårdanalys, bildspel; Vårdanalys enkät till socialchefer 2019. Diagrammet är gjort i notebooken."]),
    width=360,
)

# %%
# NBVAL_CHECK_OUTPUT
print(figures.observation_table(skal)[["obs_id", "vad", "grupp", "värde"]].to_string(index=False))
print(f"Summa av andelarna: {figures.percent_sv(skal['value'].sum())}")

# %% [markdown]
# Summan är större än 100 eftersom en kommun kunde ange flera skäl. Andelarna gäller bara kommunerna
# som svarade **nej** på frågan om plan, och hur många de var står inte. En andel här kan alltså inte
# jämföras med en andel av alla kommuner.
#
# ## Övriga siffror i bildspelet
#
# Några tal står i rubriker och textrutor utan att höra till ett diagram. Flera kommer från annan
# statistik (SKR, SKL) och inte från enkäten; kolumnen `cited_source` säger varifrån.

# %%
# NBVAL_CHECK_OUTPUT
ovrigt = kalla[kalla["figure_id"].isna() & ~kalla["indicator"].isin(["response_rate", "respondents", "population", "no_plan_reason"])]
print(figures.observation_table(ovrigt)[["obs_id", "vad", "värde", "hur värdet är givet"]].to_string(index=False))

# %% [markdown]
# ## Alla diagram i bildspelet
#
# Så här många diagram har bildspelet, och så många av dem har siffror i texten:

# %%
# NBVAL_CHECK_OUTPUT
status = figures.figure_status("vardanalys_slides")
print(f"Diagram i bildspelet: {len(status)}")
print(f"med minst en siffra i texten: {(status['n_points_held'] > 0).sum()}")
print(f"återskapade i den här notebooken: {status['reproduced'].sum()}")
print(f"där alla värden bara finns i bilden: {(status['n_points_held'] == 0).sum()}")

# %% [markdown]
# Tabellen visar varje diagram med bildens rubrik och varför siffrorna saknas. En nolla under
# ”i originalet” betyder att antalet staplar inte går att
# räkna ut ur texten, eftersom kategorier och år bara syns i bilden.

# %%
rubriker = tabeller["figures"].set_index("figure_id")["caption_sv"]
tabell = status.assign(rubrik=status["figure_id"].map(rubriker), återskapat=status["reproduced"].map({True: "ja", False: "nej"}))
tabell = tabell[["rubrik", "n_points_held", "n_points_plausible", "återskapat", "missing_reason_sv"]].rename(columns={
    "n_points_held": "i datapaketet", "n_points_plausible": "i originalet (uppskattat)", "missing_reason_sv": "varför siffrorna saknas"})
display(Markdown(tabell.to_markdown(index=False)))
