# %% [markdown]
# # Från rapport till data
#
# Hur blir en mening i en rapport en rad i en tabell? I datapaketet har varje siffra sitt
# ursprung (*proveniens*): vilket dokument, vilken undersökning och fråga, vilken bas, hur siffran
# har tagits fram och ett ordagrant citat. Då kan vem som helst kontrollera den.
#
# **Det här gör du:** följer en siffra från rapportens text till en rad, läser en figurtext och en
# bas, räknar om ett härlett värde och kontrollerar själv citat mot originalen.
#
# **Det här lär du dig:** skillnaden mellan en angiven, en ungefärlig och en härledd siffra, och
# mellan undersökningen (när frågan ställdes) och källan (var siffran står).
#
# **Det här behöver du:** ha gått igenom notebook 00 och 01. För citatkontrollen öppnar du
# originaldokumenten; den som har projektets källtexter kan dessutom låta datorn leta efter citaten.

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

tal = figures.number_sv  # 54,5
grund, precisering = vocabulary("value_basis"), vocabulary("value_qualifier")  # Swedish labels of the codes
obs = tabeller["observations"].set_index("obs_id")
kallor = tabeller["sources"].set_index("source_id")

# %% [markdown]
# ## En siffra blir en rad
#
# Visions huvudsiffra om personalförsörjningen 2023, med alla kolumner som beskriver dess ursprung:

# %%
# NBVAL_CHECK_OUTPUT
kolumner = ["source_id", "survey_id", "question_id", "figure_id", "section", "page", "indicator", "subject",
            "breakdown", "category", "reference_year", "value", "value_basis", "base_n"]
rad = obs.loc["V23-047", kolumner].copy()
rad["value"], rad["value_basis"] = tal(rad["value"]), grund[rad["value_basis"]]
for falt in ("indicator", "breakdown", "category"):  # codes shown with their Swedish labels
    rad[falt] = vocabulary(falt).get(rad[falt], rad[falt]) if pd.notna(rad[falt]) else rad[falt]
print(rad.fillna("saknas").to_string())

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
print(samma[["reference_year", "category", "value"]]
      .assign(value_basis=samma["value_basis"].map(grund), value_qualifier=samma["value_qualifier"].map(precisering),
              formula=samma["formula"].fillna("–"))
      .to_string(float_format=tal, na_rep="–"))

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
print(pd.concat([vision_fig["base_printed"], tal_i_basen.fillna("–")], axis=1).to_string())

# %% [markdown]
# ## Härledda värden
#
# Ibland anger rapporten inte siffran själv, utan en förändring: *en ökning med så många
# procentenheter*. Då räknar paketet fram värdet och skriver formeln i kolumnen `formula`, där
# obs_id står för andra observationers värden. Härledda värden ur Visions rapport:

# %%
# NBVAL_CHECK_OUTPUT
harledda = obs[(obs["source_id"] == "vision_2023") & (obs["value_basis"] == "derived")]
print(harledda[["reference_year", "subject", "value", "formula"]]
      .assign(value_qualifier=harledda["value_qualifier"].map(precisering))
      .to_string(max_colwidth=40, float_format=tal, na_rep="–"))

# %%
from socialtjanst.validate import OBS_ID, evaluate

harledd = obs.loc["V23-049"]
delar = {ref: float(obs.loc[ref, "value"]) for ref in OBS_ID.findall(harledd.formula)}
steg = harledd.formula
for ref, varde in delar.items():
    steg = steg.replace(ref, tal(varde))
display(Markdown(
    f"`V23-049` = `{harledd.formula}` = {steg} = **{tal(evaluate(harledd.formula, delar))}** "
    f"(lagrat värde: {tal(harledd.value)}, år {harledd.reference_year}).\n\n"
    + "\n".join(f"- `{ref}`: {figures.value_label(obs.loc[ref, 'value'], None, obs.loc[ref, 'unit'])}, "
                f"år {obs.loc[ref, 'reference_year']}" for ref in delar)
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
slag["dokument"] = [f"{kallor.loc[k, 'publisher']}: {kallor.loc[k, 'title'][:40]}…" for k in slag["source_id"]]
slag["hur"] = slag["value_basis"].map(grund)
alt.Chart(slag).mark_bar().encode(
    y=alt.Y("dokument:N", title=None, axis=alt.Axis(labelLimit=360)),
    x=alt.X("antal:Q", title="Antal siffror (observationer)"),
    color=alt.Color("hur:N", title="Hur siffran är given", sort=list(grund.values())),
).properties(width=300, title=alt.TitleParams(
    "Hur siffrorna är givna i de fem dokumenten",
    subtitle=["Angiven: står som siffra. Ungefärlig: står i ord. Härledd: framräknad med en formel.",
              "Källa: datapaketet socialtjanst-enkater, tabellen observations."],
    anchor="start"))

# %% [markdown]
# ## Kontrollera citaten själv
#
# Varje siffra har ett ordagrant citat (`quote`) och en plats i källan: dokumentet (`source_id`, med
# titel och länk i tabellen `sources`) och sidan (`page`) eller rubriken (`section`) i
# `observations`. Så här kontrollerar du en rad: öppna originalet, leta upp citatet och läs
# meningarna före och efter. Står siffran där, och i det sammanhang som raden påstår (år, grupp,
# kategori)?

# %%
def var_star_det(obs_id):
    """Where to find an observation's quote in the original, in Swedish."""
    rad = obs.loc[obs_id]
    kalla = kallor.loc[rad.source_id]
    lank = kalla.url if isinstance(kalla.url, str) else "ingen länk i paketet: sök på titeln och utgivaren"
    plats = f"sidan {rad.page}" if not pd.isna(rad.page) else f"under rubriken ”{rad.section}”"
    return (f"**{obs_id}** ({figures.value_label(rad.value, rad.value_qualifier, rad.unit)}): ”{rad.quote}”\n\n"
            f"Källa: {kalla.publisher}, *{kalla.title}*, {plats}. Länk: {lank}")


display(Markdown("\n\n".join(var_star_det(obs_id) for obs_id in ["V23-076", "SKL-016", "VA-005"])))

# %% [markdown]
# Välj en egen observation, till exempel en ur en figur du har läst, och kontrollera den i originalet:

# %%
mitt_obs_id = "V23-083"  # byt till ett annat obs_id
display(Markdown(var_star_det(mitt_obs_id)))

# %% [markdown]
# ### Automatisk kontroll, om du har källtexterna
#
# Projektet har källtexterna som vanliga textfiler (filnamnen står i `sources.text_file`), men de
# följer inte med paketet. Har din lärare gett dig mappen med dem kan datorn leta efter citaten:
# skriv mappens sökväg i cellen nedan och kör den. `fold` gör om radbrytningar och avstavningar till
# vanliga mellanslag, och `find_quote` ger platsen i texten, eller −1 om citatet inte finns. Utan
# mappen hoppar cellen över kontrollen och säger det.

# %%
from pathlib import Path

from socialtjanst.text import find_quote, fold, load_texts

KALLMAPP = None  # till exempel: KALLMAPP = Path("../../shared/sources")

if KALLMAPP is None or not Path(KALLMAPP).is_dir():
    print("Ingen mapp med källtexter angiven: den automatiska kontrollen hoppas över. "
          "Kontrollera citaten i originalen som ovan.")
else:
    texter = load_texts(Path(KALLMAPP), kallor["text_file"].dropna().to_dict())
    for obs_id in ["V23-076", "SKL-016", "VA-005", mitt_obs_id]:
        rad = obs.loc[obs_id]
        plats = find_quote(rad.quote, texter[rad.source_id]) if rad.source_id in texter else None
        if plats is None:
            print(f"{obs_id}: källtexten för {rad.source_id} finns inte i mappen.")
        elif plats < 0:
            print(f"{obs_id}: citatet hittades INTE i {rad.source_id}.")
        else:
            text = fold(texter[rad.source_id])
            slut = plats + len(fold(rad.quote))
            print(f"{obs_id}: …{text[max(0, plats - 120):plats]}[[{text[plats:slut]}]]{text[slut:slut + 120]}…\n")

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
rad = obs.loc["V23-077"]
print(f"V23-077: {tal(rad.value)} procent år {rad.reference_year}, survey_id {rad.survey_id}")
svar = None
print(kontrollera("15.4", svar))

# %% [markdown]
# ### Reflektion `15.5`
#
# Välj en observation och kontrollera den i originalet som ovan. Skriv två eller tre meningar: hittade
# du citatet, säger sammanhanget samma sak som raden i paketet (år, grupp, kategori), och vad skulle
# du skriva i en fotnot för att en läsare ska kunna kontrollera siffran själv? Ett exempel på svar
# finns i lösningarna.
