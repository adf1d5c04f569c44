# %% [markdown]
# # Tidsserien: samma fråga år för år
#
# Hur har läget utvecklats över tid? För att svara på det behövs samma mått år efter år. Men
# siffrorna kommer från olika rapporter, pressmeddelanden och tidningar, med olika frågor och
# baser. Tabellen `series` ställer dem i tidsordning och säger för varje värde **hur jämförbart**
# det är. Tabellen byggs av kod ur `observations` och några regler; ingen skriver in den för hand.
#
# **Det här gör du:** läser en rad i serien, ser vilket värde som väljs när flera källor anger
# samma år, ritar serien och jämför socialsekreterare i tre organisationers undersökningar.
#
# **Det här lär du dig:** vad jämförbarhetsflaggor är, varför punkter från olika undersökningar inte
# ska bindas ihop med en linje, och hur konfidensintervallet räknas.
#
# **Det här behöver du:** ha kört introduktionen (00). Det hjälper att ha sett notebook 01.

# %%
import altair as alt
import pandas as pd
from IPython.display import Markdown, display

import socialtjanst
from socialtjanst import figures, stats
from socialtjanst.metadata import vocabulary

alt.renderers.enable("svg")
tabeller = socialtjanst.load()

# %% [markdown]
# ## Vad är en rad i serien?
#
# Varje rad är **ett värde ur en källa**, placerat i en serie (`series_indicator`), för en grupp,
# ett år och en svarskategori. Serierna och antalet rader:

# %%
# NBVAL_CHECK_OUTPUT
serie = tabeller["series"]
for kod, namn in vocabulary("series_indicator").items():
    print(f"{(serie['series_indicator'] == kod).sum():4d}  {namn}")
print(f"Totalt: {len(serie)} rader")

# %% [markdown]
# Så här ser raden för personal generellt 2023 ut (kolumnens namn i tabellen står inom parentes).
# Den pekar tillbaka på sin observation (`obs_id`), och därmed på citatet i källan:

# %%
# NBVAL_CHECK_OUTPUT
rad = serie[serie["obs_id"] == "V23-047"].iloc[0]
print(f"serie (series_indicator):        {vocabulary('series_indicator')[rad.series_indicator]}")
print(f"vad (subject):                   {rad.subject}")
print(f"grupp (breakdown):               {vocabulary('breakdown')[rad.breakdown]}")
print(f"år (year):                       {rad.year}")
print(f"svar (category):                 {rad.category}")
print(f"värde (value):                   {figures.value_label(rad.value, rad.value_qualifier)}")
print(f"bas (base_n):                    {rad.base_n}")
print(f"konfidensintervall (ci_low_pct, ci_high_pct): {figures.interval_sv(rad.ci_low_pct, rad.ci_high_pct)}")
print(f"antal svarande (count_min, count_max): {rad.count_min}–{rad.count_max}")
print(f"hur värdet är givet (value_basis): {vocabulary('value_basis')[rad.value_basis]}")
print(f"föredraget värde (is_preferred): {'ja' if rad.is_preferred else 'nej'}")
print(f"jämförbarhet (comparability):    {figures.flags_sv(rad.comparability)}")
print(f"källa (source_id, obs_id):       {rad.source_id}, {rad.obs_id}")

# %% [markdown]
# Det finns också rader **utan värde**: år då ingen undersökning gjordes, eller då ingen offentlig
# källa med värdet har hittats. De finns med så att luckan syns och har en förklaring. Förklaringarna
# står i tabellen `series_gaps`:

# %%
# NBVAL_CHECK_OUTPUT
for lucka in tabeller["series_gaps"].itertuples():
    print(f"{lucka.year}, {lucka.subject}: {vocabulary('gap_flag')[lucka.gap_flag]}. {lucka.note_sv}")

# %% [markdown]
# ## Flera källor för samma år: `is_preferred`
#
# Ofta anger flera källor samma punkt: rapporten, ett pressmeddelande, en tidning. Då är en rad
# markerad `is_preferred = True`. Regeln: originalet före en återgivning i andra hand, ett exakt värde
# före en gräns eller ett ungefärligt värde, rapporten före pressmeddelanden och nyheter, ett angivet
# värde före ett härlett.

# %%
# NBVAL_CHECK_OUTPUT
personal = serie[(serie["series_indicator"] == "staffing_difficulty") & (serie["subject"] == "personal generellt")
                 & (serie["breakdown"] == "riket") & (serie["category"] == "svårt")]
for rad in personal[personal["year"].isin([2018, 2020])].itertuples():
    print(f"{rad.year}  {figures.value_label(rad.value, rad.value_qualifier):14s} {rad.source_id:32s} "
          f"föredraget: {'ja' if rad.is_preferred else 'nej'}")

# %% [markdown]
# För 2020 vinner alltså en tidningsartikel över rapporten: rapporten ger bara en gräns (”mer än en
# fördubbling” till 2023), artikeln ett exakt värde.
#
# ## Jämförbarhetsflaggor
#
# Kolumnen `comparability` räknar upp allt som skiljer ett värde från seriens referens: Visions egen
# fråga, i rapporten, exakt angiven och med bas. En tom cell betyder att värdet är direkt jämförbart.
# Så här många rader har varje flagga, och så betyder de (förklaringarna finns i
# `vocabulary("comparability")`):

# %%
# NBVAL_CHECK_OUTPUT
antal = serie["comparability"].dropna().str.split(";").explode().value_counts()
for flagga, n in antal.items():
    print(f"{n:3d}  {vocabulary('comparability')[flagga]}")

# %% [markdown]
# En flagga betyder inte att värdet är fel. Den säger vad du behöver tänka på innan du jämför.
#
# ## Diagrammet: personal generellt, alla år
#
# Diagrammet visar det föredragna värdet för varje år som någon källa anger, färgat efter vilket
# slags värde det är. Lodräta linjer är konfidensintervall, bara där basen är publicerad. År utan
# värde har en förklaring i stället för en punkt.

# %%
figures.series_chart()

# %% [markdown]
# Samma punkter i en tabell, med konfidensintervall, bas och flaggor:

# %%
# NBVAL_CHECK_OUTPUT
punkter = figures.series_points("staffing_difficulty", "personal generellt")
for punkt in punkter.itertuples():
    intervall = figures.interval_sv(punkt.ci_low_pct, punkt.ci_high_pct) if pd.notna(punkt.ci_low_pct) else "–"
    bas = punkt.base_n if pd.notna(punkt.base_n) else "–"
    print(f"{punkt.year}  {punkt.label:18s} konfidensintervall {intervall:13s} bas {bas}")
    print(f"      {figures.flags_sv(punkt.comparability)}")

# %% [markdown]
# Konfidensintervall finns bara där basen är publicerad. För de flesta år är den inte det, eller så är värdet
# en gräns. Serien är alltså tunnare än den ser ut: flera år saknas, och frågan har formulerats olika.
#
# ## Socialsekreterare i tre organisationers undersökningar
#
# Serien `socialsekreterare_recruitment` samlar det som olika organisationer säger om hur svårt det
# är att rekrytera socialsekreterare. Vi hämtar organisationen från tabellen `surveys`:

# %%
organisation = tabeller["surveys"].set_index("survey_id")["organisation"].str.replace(r".*\((.*)\)", r"\1", regex=True)
soc = serie[(serie["series_indicator"] == "socialsekreterare_recruitment") & serie["is_preferred"] & serie["value"].notna()]
soc = soc.assign(organisation=soc["survey_id"].map(organisation)).sort_values(["year", "organisation"], kind="stable")
soc["punkt"] = soc["year"].astype(str) + " · " + soc["subject"] + (" (" + soc["reference_period"] + ")").fillna("")
soc["värde"] = [figures.value_label(v, q) for v, q in zip(soc["value"], soc["value_qualifier"])]
soc["slag"] = (soc["value_qualifier"].isna() | (soc["value_qualifier"] == "exact")).map({True: "exakt", False: "ungefärligt"})
bas = alt.Chart(soc).encode(
    x=alt.X("value:Q", title="Andel (procent) som har svårt att rekrytera", scale=alt.Scale(domain=[0, 100])),
    y=alt.Y("punkt:N", sort=None, title=None, axis=alt.Axis(labelLimit=520)),
)
(bas.mark_point(size=90, filled=True).encode(color=alt.Color("organisation:N", title="Organisation"),
                                            shape=alt.Shape("slag:N", title="Värdets slag"))
 + bas.mark_text(align="left", dx=9, fontSize=10).encode(text="värde:N")).properties(
    title=alt.TitleParams("Socialsekreterare: svårt att rekrytera, enligt olika undersökningar", anchor="start", subtitle=[
        "En rad per mått, i tidsordning. Punkterna binds inte ihop: frågor, svarande, grupper och tidpunkter skiljer sig.",
        "Källa: datapaketet socialtjanst-enkater, tabellen series (is_preferred). Diagrammet är gjort i notebooken."]),
    width=300,
)

# %%
# NBVAL_CHECK_OUTPUT
for rad in soc.itertuples():
    print(f"{rad.organisation:10s} {rad.punkt}: {rad.värde}")
    print(f"           {figures.flags_sv(rad.comparability)}")

# %% [markdown]
# Dagens Samhälles ”åtta av tio” står här en gång, ur artikeln. Motionens omskrivning av samma siffra
# (notebook 05) finns också i serien, men den är en andrahandsuppgift och är inte vald (`is_preferred`).
#
# Varför får punkterna inte bindas ihop till en linje? En linje säger ”samma mått, olika år”, och det
# stämmer inte här:
#
# - **Olika organisationer** frågade olika populationer med olika enkäter.
# - **Olika svarande:** hos SKL svarade oftast IFO-chefer, hos Vision socialcheferna.
# - **Olika grupper:** flera värden gäller bara socialsekreterare i Barn och unga eller i Ekonomiskt
#   bistånd.
# - **Olika frågor och tidpunkter:** lediga tjänster som inte fylls, ”svårt att rekrytera”,
#   ”villkoren för personalförsörjning”, och hos SKL läget för ett år sedan.
#
# En linje mellan två sådana punkter kan visa en skillnad i metod i stället för en förändring i
# verkligheten. Jämför hellre punkter inom samma undersökning.
#
# ## Hur konfidensintervallet räknas

# %%
display(Markdown(
    "Intervallen i datapaketet är **95-procentiga konfidensintervall**. Enkäterna går till alla landets "
    "kommuner, och ungefär hälften svarar. Osäkerheten gäller bara hur de kommuner som **inte** svarade "
    "skulle ha svarat. Därför använder datapaketet två saker:\n\n"
    "- **Wilsons intervall** (Wilson 1927) i stället för den enkla formeln ”andel ± två "
    "standardfel”, där ± två standardfel är felmarginalen. Wilsons intervall fungerar även när andelen ligger nära 0 eller 100 procent eller när "
    "få har svarat, och det går aldrig under 0 eller över 100.\n"
    "- **Korrektion för ändlig population:** variansen multipliceras med (N − n)/(N − 1), där N är antalet "
    "kommuner och n antalet som svarade. Ju fler som svarat, desto smalare intervall. Om alla svarar är "
    "intervallet bara andelen själv."
))

# %% [markdown]
# Vi räknar det för personal generellt 2023, med värde och bas ur serien och antalet kommuner ur
# tabellen `surveys` (funktionen `stats.percent_interval`):

# %%
# NBVAL_CHECK_OUTPUT
rad = serie[serie["obs_id"] == "V23-047"].iloc[0]
N = int(tabeller["surveys"].set_index("survey_id").loc[rad.survey_id, "population_n"])
p, n = rad.value, int(rad.base_n)
print(f"{figures.percent_sv(p)} av n = {n} svarande, N = {N} kommuner")
for text, (lag, hog) in [("med korrektion", stats.percent_interval(p, n, N)),
                         ("utan korrektion", stats.percent_interval(p, n)),
                         ("om alla hade svarat", stats.percent_interval(p, N, N))]:
    print(f"{text:20s} {figures.interval_sv(lag, hog)}")

# %% [markdown]
# Konfidensintervallet gäller bara **slumpen** i vilka kommuner som svarade. Om kommunerna som inte svarade
# skiljer sig från dem som svarade kan andelen ligga mycket längre bort. De yttersta gränserna, om
# alla som inte svarade hade svarat ”nej” eller alla ”ja”:

# %%
# NBVAL_CHECK_OUTPUT
lag, hog = stats.nonresponse_bounds(p, n, N)
print(f"Andel av alla kommuner: mellan {figures.percent_sv(lag)} och {figures.percent_sv(hog)}")
