# %% [markdown]
# # SKL: Rekryteringsläget inom socialtjänsten (december 2015)
#
# Hösten 2015 kom många ensamkommande barn till Sverige. I december 2015 skickade SKL (i dag SKR)
# en enkät till kommunerna om hur de klarade den ökade arbetsbelastningen inom *Barn och unga* och
# *Ekonomiskt bistånd*. Rapporten har sex diagram och kartor. Här återskapar vi dem så långt
# siffrorna står i rapportens text; det som bara finns i bilderna visas som **uppgift saknas**.
#
# **Det här gör du:** läser vem som svarade, tittar på varje diagram med fråga, bas och siffror, och
# ser varför kartorna inte går att rita om.
#
# **Det här lär du dig:** att en enkät ”till kommunerna” inte är en enkät till socialcheferna, att
# många siffror står i ord (”två av tre”), och att skilja på det en källa visar och det den säger.
#
# **Det här behöver du:** ha kört introduktionen (00) eller vetat hur man kör celler.

# %%
import altair as alt
from IPython.display import Markdown, display

import socialtjanst
from socialtjanst import figures

alt.renderers.enable("svg")
tabeller = socialtjanst.load()

# %% [markdown]
# ## Undersökningen
#
# Rapporten säger att enkäten gick ”till kommunerna”, men inte hur många de var. Datapaketet räknar
# fram antalet ur rapportens bilaga, där SKL:s tio kommungrupper tillsammans har 290 kommuner.

# %%
# NBVAL_CHECK_OUTPUT
u = tabeller["surveys"].set_index("survey_id").loc["skl_2015"]
print(f"Population: {u.population_n} kommuner")
print(f"Svarande: {u.respondents_n} kommuner")
print(f"Svarsfrekvens enligt rapporten: {figures.percent_sv(u.response_rate_published_pct)}, "
      f"omräknad: {figures.percent_sv(u.response_rate_recomputed_pct)}")
print(f"Fältperiod: {u.fieldwork_period}")

# %% [markdown]
# Enkäten riktades till verksamhetschefen för socialtjänsten. Så här fördelar sig de som svarade:

# %%
# NBVAL_CHECK_OUTPUT
obs = tabeller["observations"]
kalla = obs[obs["source_id"] == "skl_2015_december"]
roller = kalla[kalla["indicator"] == "respondent_role_share"]
print(figures.observation_table(roller)[["obs_id", "vad", "värde"]].to_string(index=False))

# %% [markdown]
# De flesta som svarade var alltså IFO-chefer, inte socialchefer. Visions enkäter går till
# socialcheferna. Därför har SKL:s siffror i tidsserien (notebook 06) flaggan ”någon annan än
# socialchefen svarade” (`other_respondent_role`).
#
# I de tre största städerna gick enkäten till varje stadsdel. SKL vägde ihop stadsdelarnas svar till
# **ett svar per kommun**, så att varje kommun räknas en gång:

# %%
# NBVAL_CHECK_OUTPUT
print(u.subunit_handling)
print()
print(f"Svarsfrekvens i grupper: {u.response_rate_by_group}")

# %% [markdown]
# ## Diagram 1. Sätt att lösa den ökade arbetsbelastningen
#
# Diagram 1 kan inte ritas om: staplarnas höjder finns bara i bilden. Texten ger inte en siffra per
# stapel, utan andelen kommuner som gjort **någon** av två åtgärder, och den säger att **alla**
# kommuner i gruppen Storstäder gjort båda.

# %%
display(Markdown(figures.figure_info("skl_2015_december_diagram_1")))

# %% [markdown]
# Det texten säger finns i datapaketet som ungefärliga värden, utan koppling till diagrammet
# (≈ betyder att källan skriver i ord, till exempel ”tre av fyra”):

# %%
# NBVAL_CHECK_OUTPUT
atgarder = kalla[kalla["indicator"] == "workload_measure"]
print(figures.observation_table(atgarder)[["obs_id", "vad", "grupp", "värde"]].to_string(index=False))
print()
for citat in atgarder["quote"].unique():
    print(f"”{citat}”")

# %% [markdown]
# ## Diagram 2a. Rekryteringsläget inom Barn och unga, myndighetsutövning
#
# Frågan gällde tre tidpunkter: för 12 månader sedan, i dag och om 12 månader. Texten anger andelen
# som svarat *ganska* eller *mycket svårt* tillsammans, för fyra av diagrammets staplar.

# %%
display(Markdown(figures.figure_info("skl_2015_december_diagram_2a")))

# %%
figures.FIGURES["skl_2015_december_diagram_2a"]()

# %%
# NBVAL_CHECK_OUTPUT
print(figures.figure_table("skl_2015_december_diagram_2a").drop(columns="citat").to_string(index=False))

# %% [markdown]
# Basen är ett intervall: antalet som svarade varierar mellan frågorna. Datapaketet sparar båda
# gränserna (`base_n_min`, `base_n_max`), och tabellen skriver dem som ”minst–högst”.
#
# ## Diagram 2b. Rekryteringsläget inom Ekonomiskt bistånd
#
# Några siffror står bara i ord (”en av tre”, ”mer än en tredje del”). Tabellen har också andelen som **inte kunde bedöma**
# (*ej bedömt*); diagrammet visar bara *svårt*.

# %%
display(Markdown(figures.figure_info("skl_2015_december_diagram_2b")))

# %%
figures.FIGURES["skl_2015_december_diagram_2b"]()

# %%
# NBVAL_CHECK_OUTPUT
print(figures.figure_table("skl_2015_december_diagram_2b").drop(columns="citat").to_string(index=False))

# %% [markdown]
# ## Diagram 2c. Rekryteringsläget inom Barn och unga, HVB
#
# Här står alla siffror i ord (”ungefär en av tio”, ”cirka hälften”). Ungefär var tredje kommun
# kunde inte bedöma läget, vilket gör bilden otydlig.

# %%
display(Markdown(figures.figure_info("skl_2015_december_diagram_2c")))

# %%
figures.FIGURES["skl_2015_december_diagram_2c"]()

# %%
# NBVAL_CHECK_OUTPUT
print(figures.figure_table("skl_2015_december_diagram_2c").drop(columns="citat").to_string(index=False))

# %% [markdown]
# ## Diagram 3. Arbetsuppgifter som kan utföras av andra professioner
#
# Svaren är *ja*, *nej* och *kan inte bedöma*. Texten ger ja-andelen i ord för de tre områdena.

# %%
display(Markdown(figures.figure_info("skl_2015_december_diagram_3")))

# %%
figures.FIGURES["skl_2015_december_diagram_3"]()

# %%
# NBVAL_CHECK_OUTPUT
print(figures.figure_table("skl_2015_december_diagram_3").drop(columns="citat").to_string(index=False))

# %% [markdown]
# ## Diagram 4. Stöd som kommunerna önskar
#
# Flera svar var möjliga. Originalet har en stapel per område, men texten säger inte vilket område
# siffrorna gäller. De ritas därför som ett värde för alla kommuner.

# %%
display(Markdown(figures.figure_info("skl_2015_december_diagram_4")))

# %%
figures.FIGURES["skl_2015_december_diagram_4"]()

# %%
# NBVAL_CHECK_OUTPUT
print(figures.figure_table("skl_2015_december_diagram_4").drop(columns="citat").to_string(index=False))

# %% [markdown]
# ## Kartorna över rekryteringsläget
#
# Rapporten har kartor för Barn och unga och för Ekonomiskt bistånd.

# %%
display(Markdown(figures.figure_info("skl_2015_december_karta_barn_och_unga")))
display(Markdown(figures.figure_info("skl_2015_december_karta_ekonomiskt_bistand")))

# %% [markdown]
# Kartorna visar **varje kommuns eget svar**. Inga sådana svar står i rapportens text eller i någon
# annan källa, så kartorna kan inte ritas om, och vi gissar dem inte.
#
# Det som ärligt kan ritas är indelningen som rapporten använder när den jämför kommuner: SKL:s
# kommungrupper från 2011 och hur många kommuner varje grupp har (tabellen `kommungrupper_2011`,
# ur rapportens bilaga).

# %%
grupper = tabeller["kommungrupper_2011"]
bas = alt.Chart(grupper).encode(
    x=alt.X("municipalities_n:Q", title="Antal kommuner"),
    y=alt.Y("name_sv:N", sort=list(grupper["name_sv"]), title="Kommungrupp", axis=alt.Axis(title=None, labelLimit=300)),
)
(bas.mark_bar(color="#4c78a8") + bas.mark_text(align="left", dx=3, aria=False).encode(text="municipalities_n:Q")).properties(
    title=alt.TitleParams("SKL:s kommungrupper 2011: antal kommuner per grupp", anchor="start", subtitle=[
        "Källa: SKL, Rekryteringsläget inom socialtjänsten, bilaga. Rapporten anger inga andelar per kommungrupp.",
        "Diagrammet är gjort i den här notebooken ur datapaketets tabell kommungrupper_2011."]),
    width=420,
)

# %%
# NBVAL_CHECK_OUTPUT
print(grupper[["code", "name_sv", "municipalities_n"]].rename(
    columns={"code": "nr", "name_sv": "kommungrupp", "municipalities_n": "antal kommuner"}).to_string(index=False))
print(f"Summa: {grupper['municipalities_n'].sum()} kommuner")

# %% [markdown]
# Rapporten ger **inga andelar per kommungrupp**. Om gruppen Storstäder säger den bara i ord att
# samtliga kommuner där ökat antalet anställda och prioriterat ner i verksamheten. Att ”samtliga”
# här är ett litet antal kommuner ser man i tabellen ovan:

# %%
# NBVAL_CHECK_OUTPUT
storstader = grupper.set_index("name_sv").loc["Storstäder", "municipalities_n"]
print(f"Kommuner i gruppen Storstäder: {storstader}")
storstadsrader = kalla[kalla["breakdown"] == "skl2011_storstader"]
print(f"Siffror för gruppen i datapaketet: {len(storstadsrader)}, hur de är givna: {', '.join(figures.labels_sv('value_basis', storstadsrader['value_basis']).unique())}")

# %% [markdown]
# ## Sammanfattning
#
# Av de siffror som rapportens figurer visar finns så här många i rapportens text:

# %%
# NBVAL_CHECK_OUTPUT
status = figures.figure_status("skl_2015_december")
for rad in status.itertuples():
    print(f"{rad.label}: {rad.n_points_held} av ungefär {rad.n_points_plausible}, återskapat: {'ja' if rad.reproduced else 'nej'}")
print(f"Totalt: {status.n_points_held.sum()} av ungefär {status.n_points_plausible.sum()}")
