# %% [markdown]
# # Från rapport till data
#
# Hur blir en mening i en rapport en rad i en tabell? I datapaketet har varje siffra sitt
# ursprung (*proveniens*): vilket dokument, vilken undersökning och fråga, vilken bas, hur siffran
# har tagits fram och ett ordagrant citat. Då kan vem som helst kontrollera den.
#
# **Det här gör du:** följer en siffra från rapportens text till en rad, läser en figurtext och en
# bas, räknar om ett härlett värde och kontrollerar själv tre citat mot källtexterna.
#
# **Det här lär du dig:** skillnaden mellan en angiven, en ungefärlig och en härledd siffra, och
# mellan undersökningen (när frågan ställdes) och källan (var siffran står).
#
# **Det här behöver du:** ha gått igenom notebook 00 och 01. För citatkontrollen behövs
# källtexterna i mappen `shared/sources` bredvid projektmappen; saknas de hoppar cellen över
# kontrollen och säger det.

# %%
import altair as alt
import pandas as pd
from IPython.display import Markdown, display

import socialtjanst
from socialtjanst import figures, stats
from socialtjanst.ovningar import kontrollera

alt.renderers.enable("svg")  # diagrammen ritas utan internet
tabeller = socialtjanst.load()

obs = tabeller["observations"].set_index("obs_id")
kallor = tabeller["sources"].set_index("source_id")

# %% [markdown]
# ## En siffra blir en rad
#
# Visions huvudsiffra om personalförsörjningen 2023, med alla kolumner som beskriver dess ursprung:

# %%
# NBVAL_CHECK_OUTPUT
kolumner = ["source_id", "survey_id", "question_id", "figure_id", "section", "page", "indicator", "subject",
            "breakdown", "category", "reference_year", "value", "unit", "value_basis", "base_n", "base_note"]
print(obs.loc["V23-047", kolumner].to_string())

# %%
rad = obs.loc["V23-047"]
kalla = kallor.loc[rad.source_id]
fraga = tabeller["questions"].set_index("question_id").loc[rad.question_id]
display(Markdown(
    f"- **Dokument** (`source_id`): {kalla.publisher}, *{kalla.title}* ({kalla.year}), "
    f"{kalla.url if pd.notna(kalla.url) else 'adressen är inte hittad (se kolumnen note i tabellen sources)'}\n"
    f"- **Undersökning** (`survey_id`): `{rad.survey_id}`\n"
    f"- **Fråga** (`question_id`): ”{fraga.wording_sv}”\n"
    f"- **Citat** (`quote`): ”{rad.quote}”"
))

# %% [markdown]
# Lägg märke till att citatet innehåller fler siffror än en. Varje siffra blir en egen rad, med
# samma citat:

# %%
# NBVAL_CHECK_OUTPUT
samma = obs[obs["quote"] == rad.quote]
print(samma[["reference_year", "category", "value", "unit", "value_basis", "value_qualifier", "formula"]].to_string())

# %% [markdown]
# ## Läs en figurtext
#
# Under varje figur i Visions rapport står frågan, vilka svar som slagits ihop och basen. Paketet
# sparar figurtexten i tabellen `figures`:

# %%
display(Markdown(figures.figure_info("vision_2023_figur_7")))

# %% [markdown]
# Basen står som text (`base_printed`). Paketet lägger talen i kolumner: ett tal blir `base_n`, två
# tal (ett intervall eller två grupper utan att det framgår vilken som har vilken bas) blir
# `base_n_min` och `base_n_max`. Så här kan man plocka ut talen ur texten:

# %%
# NBVAL_CHECK_OUTPUT
fig = tabeller["figures"]
vision_fig = fig[fig["source_id"] == "vision_2023"].set_index("figure_id")
tal_i_basen = vision_fig["base_printed"].str.extract(r"n=(\d+)(?:[–/](\d+))?")
tal_i_basen.columns = ["första", "andra"]
print(pd.concat([vision_fig["base_printed"], tal_i_basen], axis=1).to_string())

# %% [markdown]
# ## Härledda värden
#
# Ibland anger rapporten inte siffran själv, utan en förändring: *en ökning med så många
# procentenheter*. Då räknar paketet fram värdet och skriver formeln i kolumnen `formula`, där
# obs_id står för andra observationers värden. Härledda värden ur Visions rapport:

# %%
# NBVAL_CHECK_OUTPUT
harledda = obs[(obs["source_id"] == "vision_2023") & (obs["value_basis"] == "derived")]
print(harledda[["reference_year", "subject", "value", "value_qualifier", "formula"]].to_string(max_colwidth=40))

# %%
from socialtjanst.validate import OBS_ID, evaluate

harledd = obs.loc["V23-049"]
delar = {ref: float(obs.loc[ref, "value"]) for ref in OBS_ID.findall(harledd.formula)}
steg = harledd.formula
for ref, varde in delar.items():
    steg = steg.replace(ref, f"{varde:g}")
display(Markdown(
    f"`V23-049` = `{harledd.formula}` = {steg} = **{evaluate(harledd.formula, delar):g}** "
    f"(lagrat värde: {harledd.value:g}, år {harledd.reference_year}).\n\n"
    + "\n".join(f"- `{ref}`: {obs.loc[ref, 'value']:g} ({obs.loc[ref, 'unit']}), år {obs.loc[ref, 'reference_year']}"
                for ref in delar)
    + "\n\n`socialtjanst validate` räknar om varje formel och larmar om resultatet inte stämmer."
))

# %% [markdown]
# ## Angivet, ungefärligt eller härlett
#
# En siffra som står i ord (*nästan hälften*, *åtta av tio*) lagras som `approximate` med
# `value_qualifier`: `about` (ungefär), `more_than` (drygt, över) eller `less_than` (nästan,
# under). Diagrammet visar hur siffrorna är givna i de fem dokument som paketet har text för:

# %%
med_text = kallor[kallor["text_file"].notna()].index
slag = (tabeller["observations"][tabeller["observations"]["source_id"].isin(med_text)]
        .groupby(["source_id", "value_basis"], observed=True).size().reset_index(name="antal"))
alt.Chart(slag).mark_bar().encode(
    y=alt.Y("source_id:N", title="Dokument (source_id)"),
    x=alt.X("antal:Q", title="Antal siffror (observationer)"),
    color=alt.Color("value_basis:N", title="Hur siffran är given", sort=["stated", "approximate", "derived"]),
).properties(width=380, title=alt.TitleParams(
    "Hur siffrorna är givna i de fem dokumenten",
    subtitle=["stated: står som siffra; approximate: står i ord; derived: framräknad med en formel.",
              "Källa: datapaketet socialtjanst-enkater, tabellen observations."],
    anchor="start"))

# %% [markdown]
# ## Kontrollera citaten själv
#
# Källtexterna är vanliga textfiler. Filnamnen står i `sources.text_file`. Först läser vi in dem,
# om de finns:

# %%
import hashlib
from pathlib import Path

from socialtjanst.text import find_quote, fold, load_texts

KALLMAPP = Path("../../shared/sources")
if KALLMAPP.is_dir():
    texter = load_texts(KALLMAPP, kallor["text_file"].dropna().to_dict())
    for source_id, filnamn in kallor["text_file"].dropna().items():
        fil = KALLMAPP / filnamn
        if not fil.is_file():
            print(f"{source_id}: {filnamn} saknas")
            continue
        samma_version = hashlib.sha256(fil.read_bytes()).hexdigest() == kallor.loc[source_id, "text_sha256"]
        print(f"{source_id}: {filnamn}, {'samma version som citaten kontrollerades mot' if samma_version else 'ANNAN version än paketets'}")
else:
    texter = {}
    display(Markdown(f"**Källtexterna saknas** (mappen `{KALLMAPP}` finns inte). Citatkontrollen nedan hoppas "
                     "över; resten av notebooken fungerar ändå."))

# %% [markdown]
# Nu tre citat ur tre olika dokument. `fold` gör om radbrytningar och avstavningar i texten till
# vanliga mellanslag, och `find_quote` letar efter citatet: ett tal noll eller större betyder att
# citatet finns, och talet är platsen i texten. Vi skriver ut texten runt omkring:

# %%
def visa_citat(obs_id, marginal=120):
    rad = obs.loc[obs_id]
    if rad.source_id not in texter:
        print(f"{obs_id}: källtexten för {rad.source_id} finns inte här, kontrollen hoppas över.")
        return
    plats = find_quote(rad.quote, texter[rad.source_id])
    if plats < 0:
        print(f"{obs_id}: citatet hittades INTE i {rad.source_id}.")
        return
    text = fold(texter[rad.source_id])
    slut = plats + len(fold(rad.quote))
    print(f"{obs_id} ({rad.source_id}, tecken {plats}): värde {rad.value:g}")
    print(f"  …{text[max(0, plats - marginal):plats]}[[{text[plats:slut]}]]{text[slut:slut + marginal]}…\n")


for obs_id in ["V23-076", "SKL-016", "VA-005"]:
    visa_citat(obs_id)

# %% [markdown]
# Texten inom `[[ ]]` är citatet. Läs meningarna före och efter: står siffran i det sammanhang som
# raden påstår (år, grupp, kategori)? Ändra ett ord i ett citat och se att `find_quote` då inte
# hittar det:

# %%
if texter:
    andrat = obs.loc["V23-076", "quote"].replace("storstadslänen", "glesbygden")
    print(find_quote(andrat, texter["vision_2023"]))

# %% [markdown]
# Välj en egen observation, till exempel en ur en figur du har läst, och kontrollera den:

# %%
mitt_obs_id = "V23-083"  # byt till ett annat obs_id
visa_citat(mitt_obs_id)

# %% [markdown]
# ## Övningar
#
# Skriv ditt svar efter `svar =` och kör cellen. Lösningarna finns i
# `losningar/15_fran_rapport_till_data_losningar.py`.

# %% [markdown]
# ### Övning `15.1`
#
# Socialsekreterare 2022 (`V23-055`) är ett härlett värde. Ur vilka observationer är det härlett?
# Svara med en lista med obs_id.

# %%
svar = None  # till exempel: svar = ["X-001", "X-002"]
print(kontrollera("15.1", svar))

# %% [markdown]
# ### Övning `15.2`
#
# Räkna ut värdet för `V23-087` ur dess formel. Läs formeln och värdena i tabellen först.

# %%
print(obs.loc["V23-087", ["reference_year", "category", "formula"]].to_string())
svar = None
print(kontrollera("15.2", svar))

# %% [markdown]
# ### Övning `15.3`
#
# Vilken bas (n) anger rapporten för Figur 9? Läs figurtexten.

# %%
svar = None
print(kontrollera("15.3", svar))

# %% [markdown]
# ### Övning `15.4`
#
# `V23-077` är ett värde för storstadslänen ett tidigare år. I vilket dokument står siffran? Svara
# med dess `source_id`. Jämför med `survey_id`: vad är skillnaden?

# %%
print(obs.loc["V23-077", ["reference_year", "survey_id", "value"]].to_string())
svar = None
print(kontrollera("15.4", svar))
