"""The rules on places: where organisations are based and operate, and which place is in which
(basedIn, operatesIn, locatedIn), on sentences written for the purpose (never the corpus's)."""

from __future__ import annotations

import pytest

from kg.pipeline import load_pipeline

from .reading import _assert_reads, _modalities, _parsed_triples, _rules_doc, _triples  # noqa: F401

_LEASING = """
@prefix kg:   <https://w3id.org/kg-builder/ontology#> .
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
kg:leases a owl:ObjectProperty ; rdfs:subPropertyOf kg:relation ; rdfs:label "leases"@en ;
    rdfs:domain kg:Organization ; rdfs:range kg:Product ; kg:trigger "sublet" ;{flag} kg:baseConfidence 0.7 .
"""


@pytest.mark.parametrize("text, expected, absent", [
    # a site no one is named as owning, where the clause's subject makes or ships something
    ("Koshin, which makes the Shiranami crossover at plants in Aichi and Kentucky, said sales rose.",
     {("Koshin", "operatesIn", "Aichi"), ("Koshin", "operatesIn", "Kentucky")}, set()),
    ("Seobin already supplies cells to General Motors from a plant in Ohio.", {("Seobin", "operatesIn", "Ohio")},
     set()),
    ("Ferrante makes most of its bags in workshops around Scandicci.", {("Ferrante", "operatesIn", "Scandicci")},
     set()),
    # ... or spends money on
    ("Tessar Steel will spend $650 million on a site in Mejillones.", {("Tessar Steel", "operatesIn", "Mejillones")},
     set()),
    # ... the subject a joined or controlled verb shares
    ("Quarto Pharma designed the tablet with a partner and produces it at a plant in Ulm.",
     {("Quarto Pharma", "operatesIn", "Ulm")}, set()),
    ("Zhenda has started building its scooters at a factory in Betim.",
     {("Zhenda", "operatesIn", "Betim")}, set()),
    # not a site bought from (the seller's), nor one of the party a verb's object is (fined for its doing)
    ("Veltro buys aluminium from a smelter in Ohio.", set(), {("Veltro", "operatesIn", "Ohio")}),
    ("The regulator fined Brampton for scanning faces at its stores in Ohio.", set(),
     {("regulator", "operatesIn", "Ohio")}),
])
def test_rules_read_a_site_the_clause_works_at(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a company's plant, office or yard in a place
    ("Hollweg will close Aarestrup's plant in Bjerringbro.", {("Aarestrup", "operatesIn", "Bjerringbro")}, set()),
    ("Nvidia's office in Tel Aviv employs 3,000 people.", {("Nvidia", "operatesIn", "Tel Aviv")}, set()),
    # ... a chip fab, a kiln, a hangar, a concession, an oil or gas well or field
    ("Valtrane keeps buying chips from Tamsor's Taiwan fabs.", {("Tamsor", "operatesIn", "Taiwan")}, set()),
    ("Unions feared job cuts at Umbila's kilns in Mpumalanga.", {("Umbila", "operatesIn", "Mpumalanga")}, set()),
    ("Kelvor Aero will convert ten jets at its hangars in Seletar.", {("Kelvor Aero", "operatesIn", "Seletar")},
     set()),
    ("Meridor won a 30-year concession at the port of Paita.", {("Meridor", "operatesIn", "Paita")}, set()),
    ("Chinook will focus on its natural gas wells in British Columbia.",
     {("Chinook", "operatesIn", "British Columbia")}, set()),
    ("Loma Alta pumps oil from wells in Neuquén province.", {("Loma Alta", "operatesIn", "Neuquén")}, set()),
    ("Ndali will keep its offshore oil fields in the Niger Delta.", {("Ndali", "operatesIn", "Niger Delta")}, set()),
    # ("well" as an adverb is no site)
    ("Kelvor did well in Chile last year.", set(), {("Kelvor", "operatesIn", "Chile")}),
    # names joined before a plural kind of place stand for the places ("Aichi and Gifu prefectures")
    ("Rivo runs 40 clinics across Aichi and Gifu prefectures.",
     {("Rivo", "operatesIn", "Aichi"), ("Rivo", "operatesIn", "Gifu")}, set()),
    ("Tulo sells pumps to farmers in Sonora and Jalisco states.",
     {("Tulo", "operatesIn", "Sonora"), ("Tulo", "operatesIn", "Jalisco")}, set()),
    # the subject of a verb that opens, builds or runs one ("the city of Malmo" is Malmo)
    ("Tesla opened a factory in Berlin in 2022.", {("Tesla", "operatesIn", "Berlin")}, set()),
    # the largest of a kind "in" a place is where it operates (not, by that, where it is based)
    ("Mistral Freight, the largest courier in Central Asia, raised $40 million.",
     {("Mistral Freight", "operatesIn", "Central Asia")}, {("Mistral Freight", "basedIn", "Central Asia")}),
    # a place named before its place noun is that place ("in Rayong province")
    ("BYD opened a factory in Rayong province last year.", {("BYD", "operatesIn", "Rayong")}, set()),
    ("Siargao, a surfing island in Surigao del Norte province, drew tourists.",
     {("Siargao", "locatedIn", "Surigao del Norte")}, set()),
    # places and customers named by their country's demonym are in that country
    ("Rodaki, which operates in 140 Brazilian cities, denied wrongdoing.", {("Rodaki", "operatesIn", "Brazil")},
     set()),
    ("Tarvo sells its drones to Kenyan farmers.", {("Tarvo", "operatesIn", "Kenya")},
     {("Tarvo", "suppliesTo", "Kenya")}),
    # a market in a preposition joined to another ("at home and in ...")
    ("Halvik Motors sells the Orsa at home and in Austria and Slovenia.",
     {("Halvik Motors", "operatesIn", "Austria"), ("Halvik Motors", "operatesIn", "Slovenia")}, set()),
    ("Brenna Foods sells its biscuits at home and across Poland.", {("Brenna Foods", "operatesIn", "Poland")}, set()),
    # employing people, growing crops, a product going on sale: where (and not a revenue's growth)
    ("Veltro employs 3,000 people in Ohio.", {("Veltro", "operatesIn", "Ohio")}, set()),
    ("Rimal already grows wheat in Ukraine and Sudan.",
     {("Rimal", "operatesIn", "Ukraine"), ("Rimal", "operatesIn", "Sudan")}, set()),
    ("The Zeta 12 phone went on sale in India on Friday.", {("Zeta 12", "operatesIn", "India")}, set()),
    # popular "in" a place; sites "on" an island, "around" a town; towers, workshops
    ("Whisk, which has 12 million users in Turkey, is also popular in Azerbaijan and Georgia.",
     {("Whisk", "operatesIn", "Turkey"), ("Whisk", "operatesIn", "Azerbaijan"), ("Whisk", "operatesIn", "Georgia")},
     set()),
    ("Norvik opened a 40-megawatt data centre on Gotland on Tuesday.", {("Norvik", "operatesIn", "Gotland")}, set()),
    ("Pelikan owns 3,100 towers in Chile and Bolivia.",
     {("Pelikan", "operatesIn", "Chile"), ("Pelikan", "operatesIn", "Bolivia")}, set()),
    # drivers and growers signed up, matches streamed, a foundry: where
    ("Rindo has signed up 4,000 drivers in Lagos and Accra.",
     {("Rindo", "operatesIn", "Lagos"), ("Rindo", "operatesIn", "Accra")}, set()),
    ("Vantel will stream the matches in India and Sri Lanka.",
     {("Vantel", "operatesIn", "India"), ("Vantel", "operatesIn", "Sri Lanka")}, set()),
    ("Ostrand also has a foundry in Gumi.", {("Ostrand", "operatesIn", "Gumi")}, set()),
    # ... ports and airports are sites too
    ("Varna Holdings holds stakes in four ports in Chile and Peru.",
     {("Varna", "operatesIn", "Chile"), ("Varna", "operatesIn", "Peru")}, set()),
    # vendors and dealers are customers too; a bank is the largest "card issuer" in a place, and a list
    # of them the largest
    ("Kinara, which lends to street vendors in Maharashtra and Karnataka, competes with Ujjivan.",
     {("Kinara", "operatesIn", "Maharashtra"), ("Kinara", "operatesIn", "Karnataka")}, set()),
    ("Barclays and Lloyds, the two largest card issuers in the UK, did not comment.",
     {("Barclays", "operatesIn", "United Kingdom"), ("Lloyds", "operatesIn", "United Kingdom")},
     {("Lloyds", "basedIn", "United Kingdom")}),
    # customers a firm acts against are not its own
    ("Kessel Seeds sued Kenyan farmers over royalties.", set(), {("Kessel Seeds", "operatesIn", "Kenya")}),
    # a firm "with" sites in a place has them
    ("The bank was bought by Ostra Group, a Polish lender with branches in Lithuania.",
     {("Ostra Group", "operatesIn", "Lithuania"), ("Ostra Group", "basedIn", "Poland")},
     {("Ostra Group", "basedIn", "Lithuania")}),
    # expanding "to" a market, as "into" it
    ("Tarsun Energy expanded to Mexico and Peru last year.",
     {("Tarsun Energy", "operatesIn", "Mexico"), ("Tarsun Energy", "operatesIn", "Peru")}, set()),
    ("Orbis Networks opened an office in the city of Malmo.", {("Orbis Networks", "operatesIn", "Malmo")}, set()),
    # ... whatever coreference made of the place noun ("the northern Castilian province of Burgos")
    ("Velcor Arms is a shipbuilder based in the northern Castilian province of Burgos.",
     {("Velcor Arms", "basedIn", "Burgos")}, {("Velcor Arms", "basedIn", "Castilian")}),
    # businesses of a kind in a place, named after "including" or "such as"
    ("A court has ordered internet providers in Spain, including Telefónica, Orange and Digi, to block the site.",
     {("Telefónica", "operatesIn", "Spain"), ("Digi", "operatesIn", "Spain")}, set()),
    # businesses of a kind in a place operate there; which of them is based there is not said
    ("Carmakers in Europe such as Renault and Stellantis have cut prices.",
     {("Renault", "operatesIn", "Europe"), ("Stellantis", "operatesIn", "Europe")},
     {("Renault", "basedIn", "Europe"), ("Stellantis", "basedIn", "Europe")}),
    # without a place right after the kind of business, nothing; and those told to block a site
    # restrict the site, not the place they are in
    ("Internet providers, including Telefónica and Digi, were ordered to block the site in Spain.", set(),
     {("Telefónica", "operatesIn", "Spain"), ("Telefónica", "restricts", "Spain")}),
    ("A court has ordered internet providers in Spain, including Telefónica and Digi, to block access to the "
     "site.", set(),
     {("Telefónica", "restricts", "Spain"), ("Digi", "restricts", "Spain")}),
])
def test_rules_read_where_a_company_operates(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a name the text calls a city or a town is a place, in the place after "in"
    ("Uppsala is a city in Sweden.", {("Uppsala", "locatedIn", "Sweden")}, set()),
    ("Kiruna, a town in northern Sweden, hosts a large mine.", {("Kiruna", "locatedIn", "Sweden")}, set()),
    ("Lucca is a city in the region of Tuscany.", {("Lucca", "locatedIn", "Tuscany")}, set()),
    # "the city of Norwich" names the city; it does not put the city's antecedent in it
    ("Harwick is a town in England. Many of its pupils come from the city of Norwich.",
     {("Harwick", "locatedIn", "England")}, {("Harwick", "locatedIn", "Norwich")}),
])
def test_rules_read_a_place_the_text_calls_a_city(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # with its own subject, the place of a ban or restriction says where it applies, not whom
    ("Gov. Ana Ruiz prohibited storage of radioactive waste in Nevada.", set(), {("Ana Ruiz", "bans", "Nevada")}),
    ("Norway banned sales of Quillo phones in Tromso.", set(), {("Norway", "bans", "Tromso")}),
    # ... where a country keeps the news reading, and a passive's place still bans
    ("The U.S. restricted sales of chips in China.", {("United States", "restricts", "China")}, set()),
    ("Quillo was banned in Norway.", {("Norway", "bans", "Quillo")}, set()),
])
def test_rules_a_place_where_a_ban_applies_is_not_banned(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a company's market is a place it operates in
    ("China is Veltro's largest market.", {("Veltro", "operatesIn", "China")}, set()),
    ("Brazil, Veltro's third-largest market, slowed.", {("Veltro", "operatesIn", "Brazil")}, set()),
    # "remained", "became" are copulas too
    ("Veltro said the U.S. remained its biggest market.", {("Veltro", "operatesIn", "United States")}, set()),
    ("Ana Ruiz remained Veltro's chief executive.", {("Ana Ruiz", "worksFor", "Veltro")}, set()),
    # a market share is no market
    ("Veltro's market share in China rose.", set(), {("Veltro", "operatesIn", "China")}),
    # a city has markets, and operates in nothing
    ("It is set in Smithfield, the old meat market of London.", set(), {("London", "operatesIn", "Smithfield")}),
])
def test_rules_read_a_company_market_as_where_it_operates(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # an organisation based in "City, Region" is based in both where the region is a newswire abbreviation,
    # as the public sets annotate it; news that spells the region out is annotated with the city alone
    ("Veltro is headquartered in Austin, Tex.", {("Veltro", "basedIn", "Austin"), ("Veltro", "basedIn", "Texas")},
     set()),
    ("Veltro is headquartered in Austin, Texas.", {("Veltro", "basedIn", "Austin")}, {("Veltro", "basedIn", "Texas")}),
    # where a person lives is the place alone, as news annotates it
    ("Ana Ruiz lives in Leeds, England.", {("Ana Ruiz", "livesIn", "Leeds")}, {("Ana Ruiz", "livesIn", "England")}),
    # ... also where the parser hangs the city on its region ("Dearborn/nmod , Mich./pobj")
    ("Orvane Corp., headquartered in Dearborn, Mich., said sales rose.",
     {("Orvane", "basedIn", "Dearborn"), ("Orvane", "basedIn", "Michigan")}, set()),
    ("Ana Ruiz, who lives in Dearborn, Mich., said sales rose.", {("Ana Ruiz", "livesIn", "Dearborn")},
     {("Ana Ruiz", "livesIn", "Michigan")}),
    # "X-based" before a description of the firm and its name: the name's seat
    ("Taller Motors has teamed up with Seoul-based battery maker Hanil Cell.", {("Hanil Cell", "basedIn", "Seoul")},
     {("Taller Motors", "basedIn", "Seoul")}),
])
def test_rules_read_the_region_an_organisations_seat_is_written_with(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a seat written with its region spelled out is the city, also where the parser lists the two; the
    # city is in the region
    ("Brisvane Audio is a record label based in Tarrow Falls, Nova Scotia, Canada.",
     {("Brisvane Audio", "basedIn", "Tarrow Falls"), ("Tarrow Falls", "locatedIn", "Nova Scotia")},
     {("Brisvane Audio", "basedIn", "Nova Scotia")}),
    ("Stelmark Radio is a public radio station headquartered in Kenton Bay, New Brunswick, Canada.",
     {("Stelmark Radio", "basedIn", "Kenton Bay")}, {("Stelmark Radio", "basedIn", "New Brunswick")}),
])
def test_rules_read_a_seat_written_with_its_spelled_region_as_the_city(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a light verb's place counts whoever owns the noun ("its store"), and a shop is no product
    ("Marukaze Holdings will open its first Australian store in Parramatta in September.",
     {("Marukaze", "operatesIn", "Parramatta")}, set()),
    # a hyphenated modifier between the place and the firm word
    ("Clearwater bought Lithuanian e-money firm Pinigai in 2023.", {("Pinigai", "basedIn", "Lithuania")}, set()),
    ("Japanese discount chain Marukaze plans 30 stores in Australia.", {("Marukaze", "basedIn", "Japan")}, set()),
    # a name listed after the first with an owner of its own is not the role noun's
    ("The department may restrict shipments by Dutch equipment maker ASML and Japan's Tokyo Electron.",
     {("ASML", "basedIn", "Netherlands"), ("Tokyo Electron", "basedIn", "Japan")},
     {("Tokyo Electron", "basedIn", "Netherlands")}),
])
def test_rules_read_shops_and_seats_news_names(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # an address chain in one sentence: the place is in every place after it (owl:TransitiveProperty)
    ("Lipnik is a town in Prerov District, Olomouc Region, Czech Republic.",
     {("Lipnik", "locatedIn", "Czech Republic"), ("Prerov District", "locatedIn", "Czech Republic")}, set()),
    # a region "of" a country (what lies in the region is not said to lie in the country: the annotated news
    # keeps the two links apart)
    ("Lchashen is a village in the Gegharkunik Province of Armenia.",
     {("Gegharkunik Province", "locatedIn", "Armenia"), ("Lchashen", "locatedIn", "Gegharkunik Province")},
     {("Lchashen", "locatedIn", "Armenia")}),
    # a list of places is no chain
    ("Veltro has offices in Paris, Berlin and Rome.", set(), {("Paris", "locatedIn", "Rome")}),
    # a region written after two places joined by "and" holds both, unless it is a country
    ("Storms closed the road between Ridgway and Ouray, Colorado, on Monday.",
     {("Ridgway", "locatedIn", "Colorado"), ("Ouray", "locatedIn", "Colorado")}, set()),
    ("Veltro has offices in Lyon and Porto, Portugal.", {("Porto", "locatedIn", "Portugal")},
     {("Lyon", "locatedIn", "Portugal")}),
])
def test_rules_read_address_chains(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a place with "in" and a place lies in it, however the parser hangs the preposition
    ("Ana Ruiz is from Niimi in Okayama Prefecture in western Japan.",
     {("Niimi", "locatedIn", "Okayama Prefecture"), ("Okayama Prefecture", "locatedIn", "Japan")}, set()),
    ("Officials in Lecce in Apulia province said three men were detained.",
     {("Lecce", "locatedIn", "Apulia")}, set()),
    ("Turin is in Piedmont province.", {("Turin", "locatedIn", "Piedmont")}, set()),
    ("The fire burned ten miles south of Harwick in eastern Oregon.", {("Harwick", "locatedIn", "Oregon")}, set()),
    ("Workers at a plant in Hefei in the eastern province of Anhui went on strike.",
     {("Hefei", "locatedIn", "Anhui")}, set()),
    # names joined before a plural kind of place lie where the places of that kind do
    ("Police in Burgundy and Alsace regions in eastern France made arrests.",
     {("Burgundy", "locatedIn", "France"), ("Alsace", "locatedIn", "France")}, set()),
    # (a verb's object, or the last of places joined in a preposition, with "in" a place after it)
    ("The storm hit Pellham in southern Halden on Monday.", {("Pellham", "locatedIn", "Halden")}, set()),
    ("The firm has contracts with two counties in Halden and Marrow County in Veloria.",
     {("Marrow County", "locatedIn", "Veloria")}, set()),
    ("Varna Soft has partnerships with Kelvor in Halden and Tarvo in Brazil.", set(),
     {("Tarvo", "locatedIn", "Brazil")}),
    # a military base, a prison, a seashore or a wilderness is a place, and lies in the place after it
    ("The jets flew from Halden Air Force Base, Norland, on Monday.",
     {("Halden Air Force Base", "locatedIn", "Norland")}, set()),
    ("They were married at Kelvor Mountain Penitentiary in Norland.",
     {("Kelvor Mountain Penitentiary", "locatedIn", "Norland")}, set()),
    # "in London" says where they met, not where Leeds is
    ("He met the mayor of Leeds in London.", set(), {("Leeds", "locatedIn", "London")}),
    # a place described, in apposition, as a kind of place "of" or "on the edge of" another (not a direction)
    ("Vesta runs a depot in Orhem, a district of Malmo.", {("Orhem", "locatedIn", "Malmo")}, set()),
    ("Tarn Mill stands in Halvik, a suburb on the edge of Bergen.", {("Halvik", "locatedIn", "Bergen")}, set()),
    ("Vesta hires workers in Tarvik, a district north of Oslo.", set(), {("Tarvik", "locatedIn", "Oslo")}),
    # a place's name that names a site (a mine, a project) with "in" lies there
    ("Orvik owns the Halden Ridge copper mine in Saskatchewan.",
     {("Halden Ridge", "locatedIn", "Saskatchewan")}, set()),
    # a place's name before its kind of place (or a name ending in one), then "of" a place: it lies in that
    # place, and what lies in the kind of place lies in the name's place (not in the place after "of")
    ("Varnby is a village in the Tarvo district of Keldria.",
     {("Tarvo", "locatedIn", "Keldria"), ("Varnby", "locatedIn", "Tarvo")}, set()),
    ("Varnby is a village in the Tessor region of Keldria.",
     {("Tessor", "locatedIn", "Keldria"), ("Varnby", "locatedIn", "Tessor")},
     {("Keldria", "locatedIn", "Tessor")}),
    ("Varnby lies on a river in the Halden Province of northern Keldria.",
     {("Halden Province", "locatedIn", "Keldria")}, set()),
    ("The farm belongs to the Tarvo municipality of the state of Keldria.", {("Tarvo", "locatedIn", "Keldria")},
     set()),
    # (a city's section or ward, a country's department or parish, as well)
    ("She lives in the Marlow section of Harwick.", {("Marlow", "locatedIn", "Harwick")},
     {("Harwick", "locatedIn", "Marlow")}),
    ("The village lies in the Solvara department of Keldria.", {("Solvara", "locatedIn", "Keldria")}, set()),
    ("He runs a bakery in the Marlow ward of Harwick.", {("Marlow", "locatedIn", "Harwick")}, set()),
    # (a settlement's noun: "of" names the settlement, which lies in the place before the noun)
    ("Vesta Brewing, which makes cider in the Harz Mountains town of Goslar, hired 20 staff.",
     {("Goslar", "locatedIn", "Harz Mountains")}, {("Harz Mountains", "locatedIn", "Goslar")}),
])
def test_rules_read_a_place_in_a_place(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a place set before a clause with "In" frames it: a place "in" which the clause puts something lies there
    ("In Norland, two feet of snow in Halden forced officials to close a road.", {("Halden", "locatedIn", "Norland")},
     set()),
    ("In Norland, winds tore the roof off a school in Halden, said Deputy Lina Brask.",
     {("Halden", "locatedIn", "Norland")}, set()),
    # (not a place set against the frame, nor one of a clause the sentence reports)
    ("In Norland, Kelvor Motors sells more cars than in Velmar.", set(), {("Velmar", "locatedIn", "Norland")}),
    ("In Norland, Kelvor Motors said it would open a plant in Halden.", set(), {("Halden", "locatedIn", "Norland")}),
])
def test_rules_a_place_framing_a_clause_holds_its_places(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, modality", [
    # where a firm moves its seat to is where it is based, as the verb's clause says
    ("Halvern moved its headquarters to Leeds in 2019.", "fact"),
    ("Halvern will relocate its head office to Leeds.", "fact"),
    ("Halvern plans to move its headquarters to Leeds next year.", "hypothetical"),
    ("Halvern did not move its headquarters to Leeds.", "negated"),
])
def test_rules_a_seat_moved_to_a_place_is_based_there(nlp, text, modality):
    rows = {(r["s_name"], r["predicate"], r["o_name"]): r["modality"] for r in _rules_doc(nlp, text)._.kg_relation_data}
    assert rows.get(("Halvern", "basedIn", "Leeds")) == modality, rows
    assert ("Halvern", "operatesIn", "Leeds") not in rows, rows


def test_rules_a_place_in_a_place_takes_the_copulas_negation(nlp):
    rows = {(r["s_name"], r["o_name"]): r["modality"]
            for r in _rules_doc(nlp, "Turin is not in Piedmont.")._.kg_relation_data if r["predicate"] == "locatedIn"}
    assert rows == {("Turin", "Piedmont"): "negated"}


@pytest.mark.parametrize("text, expected, modality", [
    # competing in a place, as selling there, means operating there (the subject does)
    ("Velo competes with Arden in France.", ("Velo", "operatesIn", "France"), "fact"),
    ("Amazon, which competes with Flipkart in India, is expected to cut fees.", ("Amazon", "operatesIn", "India"),
     "fact"),
    ("Velo competes with Arden for public-sector work in France.", ("Velo", "operatesIn", "France"), "fact"),
    ("Velo does not compete with Arden in France.", ("Velo", "operatesIn", "France"), "negated"),
])
def test_rules_competing_in_a_place_is_operating_there(nlp, text, expected, modality):
    rows = {(r["s_name"], r["predicate"], r["o_name"]): r["modality"] for r in _rules_doc(nlp, text)._.kg_relation_data}
    assert rows.get(expected) == modality, rows
    assert ("Arden", "operatesIn", "France") not in rows


@pytest.mark.parametrize("text, expected, absent", [
    # a rival "in" a place competes there: it operates there, and is not said to be based there
    ("Buyers switched to Kado, Velo's main rival in China.", {("Kado", "operatesIn", "China"), ("Kado", "competesWith", "Velo")},
     {("Kado", "basedIn", "China")}),
    ("Velo is Arden's biggest competitor in Europe.", {("Velo", "operatesIn", "Europe")}, {("Velo", "basedIn", "Europe")}),
    # a demonym still says where a rival is based
    ("Chinese rival Kado cut prices.", {("Kado", "basedIn", "China")}, set()),
])
def test_rules_a_rival_in_a_place_competes_there(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a firm's partner or supplier "in" a place works with it there; a name the parser apposed to the
    # place is the partner
    ("Dunwick's main supplier in Brazil, Tarsa Foods, raised prices.",
     {("Tarsa Foods", "operatesIn", "Brazil"), ("Tarsa Foods", "suppliesTo", "Dunwick")}, {("Tarsa Foods", "basedIn", "Brazil")}),
    ("Dunwick makes soups. Its delivery partner in Korea, Hanul Logistics, said it was reviewing the contract.",
     {("Hanul Logistics", "partnersWith", "Dunwick"), ("Hanul Logistics", "operatesIn", "South Korea")}, set()),
    # a supplier "in" a place with no one's supplier said is where it is
    ("The soups are made by Tarsa Foods, a supplier in Leeds that also packs goods for Asda.",
     {("Tarsa Foods", "basedIn", "Leeds")}, {("Tarsa Foods", "operatesIn", "Leeds")}),
])
def test_rules_a_firms_partner_in_a_place_operates_there(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("flag", [True, False])
def test_rules_the_ontology_says_which_relations_done_in_a_place_are_operating_there(
        flag, tmp_path, monkeypatch):
    # kg:placeIsMarket "verb", not a list in the code, decides whether "in Portugal" after the verb means
    # the subject operates there: a relation added by an ontology extension gets the reading by it
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    extra = tmp_path / "leases.ttl"
    extra.write_text(_LEASING.replace("{flag}", ' kg:placeIsMarket "verb" ;' if flag else ""), encoding="utf-8")
    nlp = load_pipeline(relation_model=False, ontology=extra)
    assert nlp.get_pipe("kg_relations").onto.relations["leases"].place_is_market == ({"verb"} if flag else set())
    # (a verb no relation of the packaged ontology has: "lease" is kg:suppliesTo's, whose places are markets)
    rows = _triples(nlp("Hollo Mobility sublets its Zippa scooters in Portugal."))
    assert (("Hollo Mobility", "operatesIn", "Portugal") in rows) is flag, rows


@pytest.mark.parametrize("text, expected, absent", [
    # who serves customers in a place operates there (lexicon.toml customer_nouns)
    ("Grayling Bank manages money for clients in the Gulf and Latin America.",
     {("Grayling Bank", "operatesIn", "Gulf"), ("Grayling Bank", "operatesIn", "Latin America")}, set()),
    ("Velora, which has two million customers in Brazil, cut its prices.", {("Velora", "operatesIn", "Brazil")}, set()),
    ("Vantapay, the Dublin-based company that processes card payments for 90,000 merchants across Europe, "
     "named a new chair.", {("Vantapay", "operatesIn", "Europe"), ("Vantapay", "basedIn", "Dublin")}, set()),
    ("Velora has no customers in Japan.", set(), {("Velora", "operatesIn", "Japan")}),
    ("Shoppers in Leeds praised Velora.", set(), {("Velora", "operatesIn", "Leeds")}),
    # customers a name owns: whoever they are with, and whatever the clause says of them
    ("The option went live at checkout for Marvella's 12 million customers in Mexico, Colombia and Chile.",
     {("Marvella", "operatesIn", p) for p in ("Mexico", "Colombia", "Chile")}, set()),
    # ... or whose name is written in front of them (or of the goods they deal in)
    ("Kessel tractor dealers in Punjab and Haryana will sell the drone.",
     {("Kessel", "operatesIn", "Punjab"), ("Kessel", "operatesIn", "Haryana")}, set()),
    ("The update reaches Orbix phone users in Chile from March.", {("Orbix", "operatesIn", "Chile")}, set()),
    ("Zarvo said its customers in Kenya and Ghana would not be affected.",
     {("Zarvo", "operatesIn", "Kenya"), ("Zarvo", "operatesIn", "Ghana")}, set()),
    # a number of them stands for them; the place hung on the verb; what has them "with" them
    ("Kobi Pay, which has signed up millions of users in Ghana and Togo, raised prices.",
     {("Kobi Pay", "operatesIn", "Ghana"), ("Kobi Pay", "operatesIn", "Togo")}, set()),
    ("Tindra had about 4 million listeners in Norway before the sale.", {("Tindra", "operatesIn", "Norway")}, set()),
    ("Velkan makes Skyhold, a strategy game with 8 million players across Chile and Peru.",
     {("Skyhold", "operatesIn", "Chile"), ("Skyhold", "operatesIn", "Peru")},
     {("Velkan", "operatesIn", "Chile")}),
    # what one sells "through" dealers or retailers somewhere (not what one buys through resellers)
    ("Orbitel sells its dishes through retailers in Nairobi and Lagos.",
     {("Orbitel", "operatesIn", "Nairobi"), ("Orbitel", "operatesIn", "Lagos")}, set()),
    ("Minskavia bought fuel pumps from Trellis Aero Parts through dealers in Armenia.", set(),
     {("Minskavia", "operatesIn", "Armenia")}),
    ("Nkabom Health has signed up 1,200 pharmacies across Ghana.", {("Nkabom Health", "operatesIn", "Ghana")}, set()),
    # shops, hotels and farmers served are customers too
    ("Pagoya, which processes card payments for about 60,000 shops in Quito and Cuenca, was sold.",
     {("Pagoya", "operatesIn", "Quito"), ("Pagoya", "operatesIn", "Cuenca")}, set()),
    # payments "from" customers
    ("Dukkan will use Adyen to accept card payments from shoppers in Jordan and Oman.",
     {("Dukkan", "operatesIn", "Jordan"), ("Dukkan", "operatesIn", "Oman")}, set()),
    # people, clinics and creators served; what customers somewhere use, said in the passive
    ("Kasoro Credit lends to about 3 million people in Zambia and Malawi through its app.",
     {("Kasoro Credit", "operatesIn", "Zambia"), ("Kasoro Credit", "operatesIn", "Malawi")}, set()),
    ("The Vexa software is used by 200 clinics in Norway and Denmark.",
     {("Vexa", "operatesIn", "Norway"), ("Vexa", "operatesIn", "Denmark")}, set()),
    ("Velora was sued by customers in Ohio.", set(), {("Velora", "operatesIn", "Ohio")}),
    # a firm's own staff in a place (lexicon.toml workforce_nouns)
    ("Halden Foods will keep its 300 staff in Estonia.", {("Halden Foods", "operatesIn", "Estonia")}, set()),
    # ... a team of its own as well
    ("Kelvor said sales rose thanks to tools built by its engineering team in Lisbon.",
     {("Kelvor", "operatesIn", "Lisbon")}, set()),
    ("Tarvo's 40 engineers will stay in Porto after the sale.", {("Tarvo", "operatesIn", "Porto")}, set()),
    # ... and jobs of its own, cut as well as added (cutting its own jobs acts against no one)
    ("Voltara, based in Essen, has struggled, and it cut 300 jobs in Germany this year.",
     {("Voltara", "operatesIn", "Germany")}, set()),
    ("Kelvor Medical reported a decline in Asia and has cut 600 jobs in the region.",
     {("Kelvor Medical", "operatesIn", "Asia")}, set()),
    ("Orlan Bank said the tariffs could cost 20,000 jobs in Mexico.", set(), {("Orlan Bank", "operatesIn", "Mexico")}),
])
def test_rules_who_serves_customers_in_a_place_operates_there(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # "in" after what a firm makes or runs (or after its "X-based" seat) says where it works, not where
    # it is based
    ("Veltro bought Brightwind, an Oslo-based developer of solar farms in Spain.",
     {("Brightwind", "basedIn", "Oslo"), ("Brightwind", "operatesIn", "Spain")}, {("Brightwind", "basedIn", "Spain")}),
    ("Kessler, an operator of hotels in Kenya, was sold.", {("Kessler", "operatesIn", "Kenya")},
     {("Kessler", "basedIn", "Kenya")}),
    # a firm word ends the name whatever the NER said ("Offshore")
    ("TotalEnergies agreed to buy a 50% stake in Nordwind Offshore, a Hamburg-based developer of wind farms in "
     "the North Sea.", {("Nordwind Offshore", "basedIn", "Hamburg"), ("Nordwind Offshore", "operatesIn", "North Sea")},
     {("Nordwind Offshore", "livesIn", "Hamburg")}),
    # without such a complement a role noun's place is its seat
    ("Lumio, a developer in Spain, raised money.", {("Lumio", "basedIn", "Spain")}, set()),
    # each place of a list is where the work is, none the seat
    ("Casa Ferro, a chain of stores in Peru, Chile and Bolivia, grew.",
     {("Casa Ferro", "operatesIn", "Peru"), ("Casa Ferro", "operatesIn", "Chile"), ("Casa Ferro", "operatesIn", "Bolivia")},
     {("Casa Ferro", "basedIn", "Chile"), ("Casa Ferro", "basedIn", "Bolivia")}),
])
def test_rules_where_a_firm_does_its_work_it_operates(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # an organisation that owns unnamed things in a place operates there, wherever the parser hangs the place
    ("Fibrana will buy Net Orlan, which owns 1.8 million fibre lines in Portugal.",
     {("Net Orlan", "operatesIn", "Portugal")}, set()),
    ("Halden Group owns farmland in Kenya and Uganda.",
     {("Halden Group", "operatesIn", "Kenya"), ("Halden Group", "operatesIn", "Uganda")}, set()),
    # ... the things a collective noun is of
    ("Marlow Health owns a chain of diagnostic laboratories in Vietnam.", {("Marlow Health", "operatesIn", "Vietnam")},
     set()),
    # not a stake, nor a person's
    ("Kelvor owns a 20% stake in a bank in Peru.", set(), {("Kelvor", "operatesIn", "Peru")}),
    ("Andres Gomez, who owns two cafes in Medellin, said he pays a commission.", set(),
     {("Andres Gomez", "operatesIn", "Medellin")}),
])
def test_rules_who_owns_things_in_a_place_operates_there(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, places", [
    # a list of places is a chain of conjuncts, each hung on the one before: every item counts, not
    # the first two
    ("Lumen sells its glasses in the United States, Canada, Britain and Japan.",
     ["United States", "Canada", "United Kingdom", "Japan"]),
    ("Lumen has users in Kenya, Ghana, Nigeria and Egypt.", ["Kenya", "Ghana", "Nigeria", "Egypt"]),
    ("Lumen operates in Kenya, Ghana, Nigeria, Egypt, Morocco and Senegal.",
     ["Kenya", "Ghana", "Nigeria", "Egypt", "Morocco", "Senegal"]),
])
def test_rules_every_place_of_a_long_list(nlp, text, places):
    _assert_reads(nlp, text, {("Lumen", "operatesIn", p) for p in places})


@pytest.mark.parametrize("text, expected, absent", [
    # a list of places the parser did not chain ("the Czech Republic" hung on "cookware" as its
    # apposition): every place is where the seller sells, and none is what it sells to
    ("Tarrow sells cookware and bedding in Poland, the Czech Republic, Slovakia and Hungary.",
     {("Tarrow", "operatesIn", p) for p in ("Poland", "Czech Republic", "Slovakia", "Hungary")},
     {("Tarrow", "suppliesTo", p) for p in ("Czech Republic", "Slovakia", "Hungary")}),
    # what is sold somewhere, no seller named, is on sale there
    ("The Zefira is sold in Belgium, France and the Netherlands.",
     {("Zefira", "operatesIn", p) for p in ("Belgium", "France", "Netherlands")}, set()),
    # ... and where its seller is named too: the firm and what it offers are both there
    ("Rival Kelvor, whose chatbot Zumo is offered in Italy, said it would not comment.",
     {("Kelvor", "operatesIn", "Italy"), ("Zumo", "operatesIn", "Italy")}, set()),
    ("The Zumo app is sold in Spain and Greece by Orlan Media.",
     {("Zumo", "operatesIn", "Spain"), ("Zumo", "operatesIn", "Greece"), ("Orlan Media", "operatesIn", "Spain")},
     set()),
    # a place hung on the name goods are sold under is where they are sold
    ("Tessa Foods sells its soups under the name Caldo Rico in Peru and Bolivia.",
     {("Tessa Foods", "operatesIn", "Peru"), ("Tessa Foods", "operatesIn", "Bolivia")}, set()),
    # a name the NER took for a firm, listed among places after "in", is a place
    ("Kerbi, which runs rental fleets in Manchester, Bristol and Leeds, said it had received offers.",
     {("Kerbi", "operatesIn", p) for p in ("Manchester", "Bristol", "Leeds")}, set()),
    # ... or for a person
    ("Nilora runs card terminals in Alexandria, Giza and the Nile Delta.",
     {("Nilora", "operatesIn", p) for p in ("Alexandria", "Giza", "Nile Delta")}, set()),
    # (a name that opens the next clause ends the list)
    ("Orvell sells bikes in France, Germany said on Monday.", {("Orvell", "operatesIn", "France")},
     {("Orvell", "operatesIn", "Germany")}),
])
def test_rules_places_a_parse_did_not_list(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # where a firm makes things (the ontology's kg:placeIsMarket on develops), it operates
    ("The chip will be manufactured by TSMC in Hsinchu.",
     {("Taiwan Semiconductor Manufacturing Company", "operatesIn", "Hsinchu")}, set()),
    ("Vexor makes boxes for Dish TV and manufactures them in Chennai and Shenzhen.",
     {("Vexor", "operatesIn", "Chennai"), ("Vexor", "operatesIn", "Shenzhen")}, set()),
    # a joined verb with a doer of its own is that one's
    ("The list included Riftborne, made by Ashgrove Labs and distributed in China by Tencent.",
     {("Tencent", "operatesIn", "China")}, {("Ashgrove Labs", "operatesIn", "China")}),
    # a participle with no doer is no site of the clause's subject
    ("Fjeldmart launches own-brand earbuds made in Shenzhen.", set(), {("Fjeldmart", "operatesIn", "Shenzhen")}),
    # "available" after a joined verb: the subject of the verb it is joined to
    ("Reelstar is already sold through Vodanet and is available in Italy and France.",
     {("Reelstar", "operatesIn", "Italy"), ("Reelstar", "operatesIn", "France")}, set()),
])
def test_rules_where_things_are_made_or_on_sale(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a carrier operates where it flies, sails or runs a service (lexicon route_nouns, route_verbs)
    ("Korvia Air flies to Tallinn and Riga.", {("Korvia Air", "operatesIn", "Tallinn"),
                                               ("Korvia Air", "operatesIn", "Riga")}, set()),
    ("Norrsund Ferries runs daily crossings between Ystad, Rønne and Sassnitz.",
     {("Norrsund Ferries", "operatesIn", "Ystad"), ("Norrsund Ferries", "operatesIn", "Sassnitz")}, set()),
    # the ends hung on the verb, and "to" hung on "from"
    ("Lusotren began weekly trains on Sunday between Spain, France and Portugal.",
     {("Lusotren", "operatesIn", "Spain"), ("Lusotren", "operatesIn", "Portugal")}, set()),
    ("Ostmark Rail holds the franchise for routes from Leipzig to Dresden and Chemnitz.",
     {("Ostmark Rail", "operatesIn", "Leipzig"), ("Ostmark Rail", "operatesIn", "Dresden")}, set()),
    # "their" flights are those of the joined subject
    ("Pampero and Condorlink agreed a codeshare covering their flights between Lima, Quito and Cali.",
     {("Pampero", "operatesIn", "Lima"), ("Condorlink", "operatesIn", "Quito")}, set()),
    ("Aerovant, which competes with Avanta on routes to Asia, cut fares.", {("Aerovant", "operatesIn", "Asia")}, set()),
    # the ends a route is named by ("routes linking A with B")
    ("Marlow Lines runs 30 ferries on routes linking Spain with Morocco and Algeria.",
     {("Marlow Lines", "operatesIn", p) for p in ("Spain", "Morocco", "Algeria")}, set()),
    # no flight of whoever bans flights, and no person operates where she flies
    ("The Dutch government banned flights to Minsk on Monday.", set(), {("Netherlands", "operatesIn", "Minsk")}),
    ("Ana Lopez flew to Bogota and Quito last week, Pampero said.", set(), {("Ana Lopez", "operatesIn", "Bogota")}),
    # ... and where its vessels carry goods (lexicon vessel_nouns, carrying_verbs): their owner, or who runs them
    ("Hamid Rezaei, a director of Sarim Shipping, said its tankers carried fuel from Iraq to Malaysia.",
     {("Sarim Shipping", "operatesIn", "Iraq"), ("Sarim Shipping", "operatesIn", "Malaysia")}, set()),
    ("Lofar Bulk signed a deal under which its vessels will carry grain from Santos to ports in China and Egypt.",
     {("Lofar Bulk", "operatesIn", p) for p in ("Santos", "China", "Egypt")}, set()),
    ("Orlan Shipping runs ten ships that carry cars from Bremerhaven to Baltimore.",
     {("Orlan Shipping", "operatesIn", "Bremerhaven"), ("Orlan Shipping", "operatesIn", "Baltimore")}, set()),
])
def test_rules_a_carrier_operates_where_it_goes(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # the carrier named right before its service operates where the service goes
    ("Under the codeshare, travellers can book Vantor Air flights to Bali and Lombok on one ticket.",
     {("Vantor Air", "operatesIn", "Bali"), ("Vantor Air", "operatesIn", "Lombok")}, set()),
    ("The strike hit Ostrava Rail trains between Brno and Vienna.",
     {("Ostrava Rail", "operatesIn", "Brno"), ("Ostrava Rail", "operatesIn", "Vienna")}, set()),
])
def test_rules_a_carrier_named_before_its_service(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_a_route_negated_is_read_negated(nlp):
    doc = _rules_doc(nlp, "Solvara Airways said it does not fly to Luanda.")
    found = {(r["s_name"], r["predicate"], r["o_name"], r["modality"]) for r in doc._.kg_relation_data}
    assert ("Solvara Airways", "operatesIn", "Luanda", "negated") in found, found


@pytest.mark.parametrize("text, expected, absent", [
    # a firm's farms, centres, chargers, hotels or clinics in a place (kg:operatesIn's trigger nouns)
    ("Ostreva's distribution centres are in Brno and Prague.",
     {("Ostreva", "operatesIn", "Brno"), ("Ostreva", "operatesIn", "Prague")}, set()),
    ("Pampa Verde, which also owns farms in Uruguay and Paraguay, bought a mill.",
     {("Pampa Verde", "operatesIn", "Uruguay"), ("Pampa Verde", "operatesIn", "Paraguay")}, set()),
    ("Laddvik's 900 fast chargers are in Denmark and Sweden.", {("Laddvik", "operatesIn", "Denmark")}, set()),
    # "near" a place, as "in" it
    ("Koravo will run two warehouses near Gdansk and Poznan.",
     {("Koravo", "operatesIn", "Gdansk"), ("Koravo", "operatesIn", "Poznan")}, set()),
    # no firm's: where someone was taken, and "the centre of" something
    ("He was taken to a hospital in Lyon, Vexa said.", set(), {("Vexa", "operatesIn", "Lyon")}),
])
def test_rules_a_firms_sites_of_any_kind(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_a_relative_pronoun_taken_for_an_object_is_the_subject(nlp):
    # "which both operate": the parser hangs "which" as the object of a clause with no subject
    _assert_reads(nlp, "Rivals Ridex and Kolo Rides, which both run in Denver, cut fees.",
                  {("Ridex", "operatesIn", "Denver"), ("Kolo Rides", "operatesIn", "Denver")})
    # (a clause with a subject of its own keeps "which" its object)
    _assert_reads(nlp, "Vexa makes Pulse, which Lumo sells in Peru.", {("Lumo", "operatesIn", "Peru")},
                  {("Pulse", "operatesIn", "Peru")})


def test_rules_a_person_with_a_home_operates_nowhere(nlp):
    # where a person the text gives a home or a job is, kg:livesIn says; "ran" a firm operates nowhere
    _assert_reads(nlp, "Pablo Ruiz, who ran Seguros Vega until 2021 and now lives in Madrid, declined to comment.",
                  {("Pablo Ruiz", "livesIn", "Madrid")}, {("Pablo Ruiz", "operatesIn", "Madrid")})
    # (a firm still operates where it competes)
    _assert_reads(nlp, "Kolvena, which competes with Tarrow in the Czech Republic, grew.",
                  {("Kolvena", "operatesIn", "Czech Republic")})


@pytest.mark.parametrize("text, expected, absent", [
    # a place and its region before "and" that goes on with no place: one place inside the other
    ("He left high school in Marlow, Ky. and studied at a college in Ohio.", {("Marlow", "locatedIn", "Kentucky")},
     set()),
    ("The group sold the Daily Ledger in Fresno, Calif., and the Star-Courier in Muncie, Ind.",
     {("Fresno", "locatedIn", "California")}, set()),
    ("Britain froze the assets of Volkhov Trading, a firm registered in Limassol, Cyprus, and of its main owner.",
     {("Limassol", "locatedIn", "Cyprus")}, set()),
    # ... but a list goes on with a place or with more of its kind
    ("Zepto runs dark stores in Mumbai, Delhi, Bengaluru and 40 other cities.", set(),
     {("Delhi", "locatedIn", "Bengaluru"), ("Mumbai", "locatedIn", "Delhi")}),
    ("Veltro has offices in Paris, Berlin, and Rome.", set(), {("Paris", "locatedIn", "Berlin")}),
])
def test_rules_a_place_and_its_region_before_and(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a firm named with its legal form, then "in" a place: its seat ...
    ("The beef was processed by Pell Canning Co. in Harwick, Texas.", {("Pell Canning", "basedIn", "Harwick")}, set()),
    # ... not a firm named bare, which does business there
    ("Apple in China faces a probe.", set(), {("Apple", "basedIn", "China")}),
])
def test_rules_a_firm_with_its_legal_form_in_a_place(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # more descriptions of firms after the place they are in
    ("Emma Clarke, an analyst at London brokerage Peel Hunt, said so.", {("Peel Hunt", "basedIn", "London")}, set()),
    ("Brazilian acquirer Tucano Pagamentos weighs a bid for Guarani Net.",
     {("Tucano Pagamentos", "basedIn", "Brazil")}, set()),
    # an adjective of nationality the parser made a subject is no partner
    ("MANILA - Philippine e-wallet Bayani Pay has signed a partnership with Banco Maharlika.",
     {("Bayani Pay", "partnersWith", "Banco Maharlika")}, {("Philippines", "partnersWith", "Banco Maharlika")}),
    # a job that is no firm's description ("specialist") leaves the person a person
    ("The cancer specialist Anna Berg of Oslo said so.", set(), {("Anna Berg", "basedIn", "Oslo")}),
])
def test_rules_descriptions_of_firms_after_their_place(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # customers in a clause of "where" after the place: whoever has them operates there
    ("The two apps compete for advertisers in the United States, where Zippa has about 90 million monthly users.",
     {("Zippa", "operatesIn", "United States")}, set()),
    ("It does not operate in Canada or Mexico, where Agentry has a large user base.",
     {("Agentry", "operatesIn", "Canada"), ("Agentry", "operatesIn", "Mexico")}, set()),
])
def test_rules_customers_where_a_place_is(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a clause of "where" after a list of places says its sale of all of them, not the first only
    ("Tarvane said it would move more of its output to Africa and South America, where it already exports.",
     {("Tarvane", "operatesIn", "Africa"), ("Tarvane", "operatesIn", "South America")}, set()),
])
def test_rules_a_sale_where_a_list_of_places_is(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # who runs or operates a site has it where it is
    ("The chips will be packaged at a Penang plant run by Kedah Packaging.",
     {("Kedah Packaging", "operatesIn", "Penang")}, set()),
    # (not owners as partners: "a joint venture owned by X and Y" says who owns it)
    ("Orvia is a joint venture owned by Lumo, Vexa and Tarvo.", set(), {("Vexa", "partnersWith", "Lumo")}),
])
def test_rules_a_site_run_by_an_organisation(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # who runs things in a place, said in the passive after them, operates there: after the thing, or where
    # the parser hangs the participle on the verb of the clause
    ("The ministry said the app kept user data on servers in Chile run by Tarvo Cloud, a unit of Orlan.",
     {("Tarvo Cloud", "operatesIn", "Chile")}, set()),
    ("Gelvo Chat said it stores its messages on servers in Peru run by Kassan Data, a data-centre company.",
     {("Kassan Data", "operatesIn", "Peru")}, set()),
    ("Patients were moved to clinics in Quito managed by Morvane Health.",
     {("Morvane Health", "operatesIn", "Quito")}, set()),
])
def test_rules_things_in_a_place_run_by_an_organisation(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # the country a city is written with is where the city is, not another place of the list
    ("Tamsui also runs plants in Kumamoto, Japan, and Dresden, Germany.",
     {("Tamsui", "operatesIn", "Kumamoto"), ("Tamsui", "operatesIn", "Dresden")},
     {("Tamsui", "operatesIn", "Japan"), ("Tamsui", "operatesIn", "Germany")}),
    ("The chip will be manufactured by TSMC in Hsinchu, Taiwan.", set(),
     {("Taiwan Semiconductor Manufacturing Company", "operatesIn", "Taiwan")}),
    # ... but not a country the gazetteer has the place outside of: that is the next place of a list
    ("Marrow Foods has plants in Ohio, Mexico and Spain.",
     {("Marrow Foods", "operatesIn", "Ohio"), ("Marrow Foods", "operatesIn", "Mexico"),
      ("Marrow Foods", "operatesIn", "Spain")}, {("Ohio", "locatedIn", "Mexico")}),
    # ... while a list of countries stays a list
    ("Veltro operates in Spain, France and Italy.",
     {("Veltro", "operatesIn", "Spain"), ("Veltro", "operatesIn", "France"), ("Veltro", "operatesIn", "Italy")},
     set()),
])
def test_rules_a_city_and_its_country_are_one_place_of_a_list(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a ministry, department or court after a demonym is the state's body, named without the demonym,
    # and based in that state
    ("Lumio said the Danish Ministry of Industry had blocked its exports to Varnatech.",
     {("Ministry of Industry", "basedIn", "Denmark"), ("Ministry of Industry", "restricts", "Varnatech")}, set()),
    ("The case went to the Irish High Court in March.", {("High Court", "basedIn", "Ireland")}, set()),
    # a demonym before a word for a body, then its name
    ("The deal was cleared by Turkish watchdog Rekabet.", {("Rekabet", "basedIn", "Turkey")}, set()),
    # a country's short name stays in the name, as do named bodies of a country
    ("Veltro sued Lumio in the U.S. District Court in Delaware.", {("U.S. District Court", "basedIn", "Delaware")},
     {("District Court", "basedIn", "United States")}),
])
def test_rules_a_states_body_after_its_demonym(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_entities_a_named_body_keeps_its_country(nlp):
    doc = _rules_doc(nlp, "The Kenya Revenue Authority fined Safaricom.")
    assert "Kenya Revenue Authority" in {it["name"] for it in doc._.kg_entity_data}


@pytest.mark.parametrize("text, expected, absent", [
    # "City, Region-based X": the city is a place, X is based in it, the city in the region (the annotation's
    # settled case), and "a unit of" it is X's
    ("Veltro Travel, a unit of Stamford, Connecticut-based Veltro Holdings, said its rates were unchanged.",
     {("Veltro Travel", "subsidiaryOf", "Veltro"), ("Veltro", "basedIn", "Stamford"),
      ("Stamford", "locatedIn", "Connecticut")},
     {("Veltro Travel", "subsidiaryOf", "Stamford"), ("Veltro", "basedIn", "Connecticut")}),
    # not a place a preposition names before the seat
    ("Kessel's publishing partner in Asia, Shanghai-based Lanhai Interactive, has opened preorders.",
     {("Lanhai Interactive", "basedIn", "Shanghai")}, {("Lanhai Interactive", "basedIn", "Asia")}),
])
def test_rules_a_seat_written_with_its_region(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # "a City, Region-based startup": the seat is the city, the region is where the city is
    ("The parts come from Tessin Labs, a Boulder, Colorado-based startup.",
     {("Tessin Labs", "basedIn", "Boulder"), ("Boulder", "locatedIn", "Colorado")},
     {("Tessin Labs", "basedIn", "Colorado")}),
    ("Orvane said Fennick, a Tacoma, Washington-based maker of ferries, would build the hulls.",
     {("Fennick", "basedIn", "Tacoma"), ("Tacoma", "locatedIn", "Washington")},
     {("Fennick", "basedIn", "Washington")}),
])
def test_rules_a_city_region_based_seat_is_the_city(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)



@pytest.mark.parametrize("text, expected, absent", [
    # an embassy or a consulate is a government body, based where it is "in"
    ("A letter was delivered to the Chilean Embassy in Oslo, the ministry said.",
     {("Chilean Embassy", "basedIn", "Oslo")}, set()),
    # a city then a country that owns a noun not about the city is no containment
    ("The message was passed on by the Swiss Embassy in Tehran, Canada's protecting power there.",
     {("Swiss Embassy", "basedIn", "Tehran")}, {("Tehran", "locatedIn", "Canada"), ("Swiss Embassy", "basedIn", "Canada")}),
    ("Britain was represented by the Mexican Embassy in Vienna, Chile's diplomatic mission there.",
     {("Mexican Embassy", "basedIn", "Vienna")}, {("Vienna", "locatedIn", "Chile")}),
    # ... but a city the country's capital or city is stays in it
    ("Officials met in Nairobi, Kenya's capital, on Monday.", {("Nairobi", "locatedIn", "Kenya")}, set()),
    ("Pico Vermelho, Western Europe's tallest volcano, last erupted in 1720.",
     {("Pico Vermelho", "locatedIn", "Western Europe")}, set()),
])
def test_rules_embassies_and_a_possessive_after_a_city(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a kind of place "of" a name belongs to the country that owns it, or whose demonym it bears
    ("Floods hit India's eastern state of Odisha on Monday.", {("Odisha", "locatedIn", "India")}),
    ("The factory opened in the Chinese province of Anhui.", {("Anhui", "locatedIn", "China")}),
    # ... or whose name is written before the noun (a capital, a state: a kind of place no division noun)
    ("Delegates met in the Veloria capital of Tarvik last week.", {("Tarvik", "locatedIn", "Veloria")}),
    ("She grew up in the Keldria state of Morvania.", {("Morvania", "locatedIn", "Keldria")}),
])
def test_rules_a_countrys_province_of_a_name(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    # a place the copula says is a kind of place (indefinite but for a capital) "of" another lies in it
    ("Tarvik is the capital of Belize.", {("Tarvik", "locatedIn", "Belize")}, set()),
    ("Tarvik is the capital city of Belize.", {("Tarvik", "locatedIn", "Belize")}, set()),
    ("Halvik is a small port of Belize.", {("Halvik", "locatedIn", "Belize")}, set()),
    ("Halden County is one of the districts of Keldria.", {("Halden County", "locatedIn", "Keldria")}, set()),
    # (not a capital of a trade)
    ("Detroit is the capital of the American car industry.", set(), {("Detroit", "locatedIn", "United States")}),
])
def test_rules_a_place_said_to_be_a_kind_of_place_of_another(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a place the copula says is a thing of any kind "in" a place (or "located in" it) lies there
    ("The Tarvo River is a fast river in northern Norway.", {("Tarvo River", "locatedIn", "Norway")}, set()),
    ("The Halden Tramway is a narrow-gauge tramway in Bavaria, Germany.",
     {("Halden Tramway", "locatedIn", "Bavaria"), ("Halden Tramway", "locatedIn", "Germany")}, set()),
    ("The Tarvo Canal is a narrow canal located in Finnmark.", {("Tarvo Canal", "locatedIn", "Finnmark")}, set()),
    # ... or, in apposition, a thing of any kind; and each noun the copula joins
    ("The Tarvo Canal, a narrow canal in Finnmark, was closed.", {("Tarvo Canal", "locatedIn", "Finnmark")}, set()),
    ("Ravnby is a town in Finnmark and the capital of Tana District.", {("Ravnby", "locatedIn", "Tana District")},
     set()),
    # (a place only: a firm's trade "in" a place is no seat)
    ("Kelvor Motors is a leading importer of buses in Chile.", set(), {("Kelvor Motors", "locatedIn", "Chile")}),
])
def test_rules_a_place_said_to_be_a_thing_in_a_place(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # what is available to customers in a place operates there (the parser hangs "in" on "paying")
    ("The Tessaly app is available to paying users in Chile, Peru and Japan.",
     {("Tessaly", "operatesIn", "Chile"), ("Tessaly", "operatesIn", "Japan")}),
    # sales in a place that a firm reports, no owner written, are its own
    ("Matsura said sales in the United States rose 9% in May.", {("Matsura", "operatesIn", "United States")}),
])
def test_rules_available_to_customers_and_sales_a_firm_reports(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a name, a comma and a description of a firm with a place in it: read off the surface where the
    # parser did not make the description the name's apposition
    ("Lumen Freight competes with Dorna and with Kestio, the Dutch van-delivery start-up.",
     {("Kestio", "basedIn", "Netherlands")}),
    ("The move is a boost for Mekong Volt, a Ho Chi Minh City startup that makes the Vantage S.",
     {("Mekong Volt", "basedIn", "Ho Chi Minh City")}),
    # a city before a noun the tagger took for a participle ("holding/VBG company")
    ("Brellin is a subsidiary of Toller Group, an Edinburgh holding company.", {("Toller Group", "basedIn", "Edinburgh")}),
])
def test_rules_a_firms_seat_in_its_description(nlp, text, expected):
    _assert_reads(nlp, text, expected)


def test_rules_a_seat_written_before_a_name_that_the_parser_made_a_subject(nlp):
    # "Lisbon start-up Ondina AI releases ...": the parser made the city the verb's subject; the phrase
    # before the verb is the subject, and the city is still the firm's seat
    text = "Porto start-up Verdala AI releases coding assistant to rival GitHub Copilot"
    found = _parsed_triples(
        nlp, text,
        ["NN", "VB", "HYPH", "NN", "NNP", "NNP", "VBZ", "VBG", "NN", "IN", "VB", "NNP", "NNP"],
        [6, 5, 1, 1, 5, 6, 6, 6, 7, 8, 12, 12, 9],
        ["nsubj", "amod", "punct", "prt", "compound", "compound", "ROOT", "xcomp", "dobj", "prep", "amod",
         "compound", "pobj"],
        ["B-GPE", "O", "O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O", "O", "B-ORG", "I-ORG"])
    assert ("Verdala AI", "basedIn", "Porto") in found, found


def test_rules_a_name_after_a_descriptions_comma_that_the_parser_made_an_adverbial_noun(nlp):
    # "Chile's health regulator, Varsal, has ...": the name set off by commas holds the role (the
    # parser hung it on the noun as npadvmod, not as its apposition)
    text = "Chile's health regulator, Varsal, has suspended imports of saline bags."
    parse = (["NNP", "POS", "NN", "NN", ",", "NNP", ",", "VBZ", "VBN", "NNS", "IN", "NN", "NNS", "."],
             [3, 0, 3, 8, 3, 3, 3, 8, 8, 8, 9, 12, 10, 8],
             ["poss", "case", "compound", "nsubj", "punct", "npadvmod", "punct", "aux", "ROOT", "dobj", "prep",
              "compound", "pobj", "punct"],
             ["B-GPE", "O", "O", "O", "O", "B-ORG", "O", "O", "O", "O", "O", "O", "O", "O"])
    assert ("Varsal", "basedIn", "Chile") in _parsed_triples(nlp, text, *parse)
    # (control: the same words after the verb are no holder of it)
    parse_far = (parse[0], parse[1][:5] + [8] + parse[1][6:], parse[2], parse[3])
    assert ("Varsal", "basedIn", "Chile") not in _parsed_triples(nlp, text, *parse_far)


def test_rules_goods_shipped_to_anothers_site_say_nothing_of_where_the_shipper_operates(nlp):
    # the site belongs to its owner, who operates there; the shipper only supplies the owner
    _assert_reads(nlp, "Kessel Cells has shipped cells to Tarvel's plant in Lansing, Michigan, since 2021.",
                  {("Kessel Cells", "suppliesTo", "Tarvel"), ("Tarvel", "operatesIn", "Lansing")},
                  {("Kessel Cells", "operatesIn", "Lansing")})


@pytest.mark.parametrize("text, expected, absent", [
    # a region the gazetteer knows, written after a city and a comma, says where the city is: not a second
    # place of the sentence's list
    ("Helmar said it would hire 200 people in Cuxhaven, Lower Saxony, over the next three years.",
     {("Helmar", "operatesIn", "Cuxhaven")}, {("Helmar", "operatesIn", "Lower Saxony")}),
    # ... but a list goes on after a region name that is also a city's ("Mumbai, Delhi, Bengaluru")
    ("Velmar sells its phones in Mumbai, Delhi, Bengaluru and Chennai.",
     {("Velmar", "operatesIn", p) for p in ("Mumbai", "Delhi", "Bengaluru", "Chennai")}, set()),
    ("Velmar sells its phones in Paris, Washington and Tokyo.",
     {("Velmar", "operatesIn", p) for p in ("Paris", "Washington", "Tokyo")}, set()),
])
def test_rules_a_region_written_after_a_city_is_no_place_of_a_list(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # installing and recalling goods in a place is doing business there
    ("Lumeq installs about 8,000 lifts a year, mainly in Italy, Spain and Greece.",
     {("Lumeq", "operatesIn", "Italy"), ("Lumeq", "operatesIn", "Spain"), ("Lumeq", "operatesIn", "Greece")}, set()),
    ("Ostrel Medical has recalled about 80,000 insulin pumps in the United States and Canada.",
     {("Ostrel Medical", "operatesIn", "United States"), ("Ostrel Medical", "operatesIn", "Canada")}, set()),
])
def test_rules_installing_or_recalling_goods_somewhere_is_operating_there(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # "respectively" pairs two lists in order
    ("Veltro and Quillon are based in Leeds and York, respectively.",
     {("Veltro", "basedIn", "Leeds"), ("Quillon", "basedIn", "York")},
     {("Veltro", "basedIn", "York"), ("Quillon", "basedIn", "Leeds")}),
    ("Tarvo and Orvane, which assemble phones at plants in Campinas and Sorocaba respectively, said sales rose.",
     {("Tarvo", "operatesIn", "Campinas"), ("Orvane", "operatesIn", "Sorocaba")},
     {("Tarvo", "operatesIn", "Sorocaba"), ("Orvane", "operatesIn", "Campinas")}),
    # ... and where one name of a list is of a class the relation does not take, the other goes with the
    # name at its place
    ("Kelpay competes with Zeno Pay and Orlan Cash, which are run by Zeno Bank and Orlan Telecom respectively.",
     {("Orlan Telecom", "offers", "Orlan Cash")}, {("Zeno Bank", "offers", "Orlan Cash")}),
    ("Zeno Pay and Orlan Cash are run by Zeno Bank and Orlan Telecom respectively.",
     {("Zeno Bank", "offers", "Zeno Pay")}, {("Orlan Telecom", "offers", "Zeno Pay")}),
    # (control: without it, every pair)
    ("Veltro and Quillon are based in Leeds and York.",
     {("Veltro", "basedIn", "York"), ("Quillon", "basedIn", "Leeds")}, set()),
])
def test_rules_respectively_pairs_two_lists_in_order(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a site one mothballs, shuts or upgrades is one of its sites
    ("Karrow Minerals will mothball its lithium mine in Pilbara.", {("Karrow Minerals", "operatesIn", "Pilbara")}),
    ("Tarvo will shut its plant in Dayton.", {("Tarvo", "operatesIn", "Dayton")}),
    ("Tarvo will upgrade its plant in Dayton.", {("Tarvo", "operatesIn", "Dayton")}),
])
def test_rules_a_site_mothballed_shut_or_upgraded_is_operated(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    # a firm's site as a verb's object, with the place the parser hung on the verb
    ("Forty engineers will join Pellucid's research centre in Tartu.", {("Pellucid", "operatesIn", "Tartu")}, set()),
    # an assembly line is a site too
    ("Trucks will roll off Brenner's new assembly line in Linz.", {("Brenner", "operatesIn", "Linz")}, set()),
    # (a division is no site: a name before it is a unit's, not a place's)
    ("Acme sold its Orla division to Velmar.", {("Orla", "subsidiaryOf", "Acme")}, {("Acme", "operatesIn", "Orla")}),
    # (a place, not whom: "to" after the object is the verb's)
    ("Corvane sold its stake to Velmar in May.", set(), {("Corvane", "investsIn", "Velmar")}),
])
def test_rules_a_site_the_verb_takes_is_where_the_place_after_it_says(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a demonym or a city before a description of a firm written with more kinds of business
    ("Harwick bought Danish electronics shop Lysvaerk in 2021.", {("Lysvaerk", "basedIn", "Denmark")}),
    ("Oromia sells grain to Egyptian miller Delta Flour.", {("Delta Flour", "basedIn", "Egypt")}),
    ("Its partner, Lisbon advertising agency Ondaviva, said sales rose.", {("Ondaviva", "basedIn", "Lisbon")}),
])
def test_rules_a_seat_before_more_kinds_of_business(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    # more words a firm is described by: its demonym is its seat
    ("Ferronord beat a Chinese bidder, Changhe Rail, for the contract.", {("Changhe Rail", "basedIn", "China")}, set()),
    ("Tovar Oil, a Norwegian explorer, dropped out of the bidding.", {("Tovar Oil", "basedIn", "Norway")}, set()),
    ("It chartered two ships from the Greek owner Kallisto Bulk.", {("Kallisto Bulk", "basedIn", "Greece")}, set()),
    ("The deal does not cover Tuiuiú, a smaller Brazilian network.", {("Tuiuiú", "basedIn", "Brazil")}, set()),
    ("Buyers included the Italian coffee roaster Caffè Morandi.", {("Caffè Morandi", "basedIn", "Italy")}, set()),
    # a newspaper's kind, and a registered seat
    ("The Toronto daily The Harbour Star said it had held talks.", {("Harbour Star", "basedIn", "Toronto")}, set()),
    ("Rift Thermal is owned by Savanna Fund, a Mauritius-registered investor.",
     {("Savanna Fund", "basedIn", "Mauritius")}, set()),
    ("Vaultra is registered in the Cayman Islands.", {("Vaultra", "basedIn", "Cayman Islands")}, set()),
    # (users registered somewhere are where it operates, not its seat)
    ("Kelp Media has 4 million registered users in India.", {("Kelp Media", "operatesIn", "India")},
     {("Kelp Media", "basedIn", "India")}),
    # (not a person's trade, a joint venture's parents nor a firm's business in a region)
    ("Hossam Farid, a grocer in Dokki, said he stopped keeping cash.", set(), {("Hossam Farid", "basedIn", "Dokki")}),
    ("It lost customers to Binance TH, a joint venture of Binance and Gulf Innova.", set(),
     {("Binance TH", "basedIn", "Gulf Innova")}),
])
def test_rules_a_seat_before_or_after_more_words_for_a_firm(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_a_seat_written_as_a_participle_is_a_fact_whatever_the_clause_says(nlp):
    # "barred ... from working for" negates the work, not where the firm is based
    got = _modalities(_rules_doc(nlp, "The court barred her from working for Lyon-based Cerillo Labs for a year."))
    assert got.get(("Cerillo Labs", "basedIn", "Lyon")) == "fact", got
    # (but a clause of its own, which the parser hangs on a noun the same way, keeps the verb's modality)
    got = _modalities(_rules_doc(nlp, "Velmora denied a report that it had paid Corrin a penalty for the delay."))
    assert got.get(("Velmora", "pays", "Corrin")) == "negated", got


@pytest.mark.parametrize("text, expected", [
    # a power station and a deposit are sites: the name before them is a place the owner operates in
    ("Kestrel Power plans to burn ammonia at its Marunouchi power station.",
     {("Kestrel Power", "operatesIn", "Marunouchi")}),
    ("Brannock will mine ore at its Yallunda Hill deposit.", {("Brannock", "operatesIn", "Yallunda Hill")}),
])
def test_rules_a_station_or_a_deposit_is_a_site(nlp, text, expected):
    _assert_reads(nlp, text, expected)


def test_rules_what_one_would_use_something_for_is_hypothetical(nlp):
    got = _modalities(_rules_doc(nlp, "Varnel, which also operates in Hungary, would use Piatza to enter Romania."))
    assert got.get(("Varnel", "operatesIn", "Romania")) == "hypothetical", got
    assert got.get(("Varnel", "operatesIn", "Hungary")) == "fact", got
    # (not a verb's own infinitive or gerund: "would keep hiring" says what goes on)
    got = _modalities(_rules_doc(nlp, "Varnel said it would keep hiring engineers in Porto."))
    assert got.get(("Varnel", "operatesIn", "Porto")) == "fact", got


@pytest.mark.parametrize("text, expected", [
    # a site one will build, or a venture is formed to build, is not there yet
    ("Tarvik Steel and Omberg Cells will jointly build a battery plant near Halden, the companies said.",
     {("Tarvik Steel", "operatesIn", "Halden"): "hypothetical", ("Omberg Cells", "operatesIn", "Halden"): "hypothetical"}),
    ("Tarvik Steel and Omberg Cells have formed a joint venture to build a cathode plant in Halden.",
     {("Tarvik Steel", "operatesIn", "Halden"): "hypothetical"}),
    # (one being built, or agreed to be built, is a fact)
    ("Tarvik Steel is building a rolling mill near Halden.", {("Tarvik Steel", "operatesIn", "Halden"): "fact"}),
    ("Tarvik Steel has agreed to build a rolling mill in Halden.", {("Tarvik Steel", "operatesIn", "Halden"): "fact"}),
])
def test_rules_a_site_still_to_be_built_is_hypothetical(nlp, text, expected):
    found = _modalities(_rules_doc(nlp, text))
    assert all(found.get(t) == m for t, m in expected.items()), found


@pytest.mark.parametrize("text, expected, absent", [
    # a product named before its kind operates where the kind is said to be, as its owner does
    ("Tarvik Energy gives bus fleets access to its Ostra charging network in Norway and Sweden.",
     {("Ostra", "operatesIn", "Norway"), ("Ostra", "operatesIn", "Sweden"), ("Tarvik Energy", "operatesIn", "Norway")},
     set()),
    ("Kelvor Lines added a stop to its Bluefin service between Halden and Moss.",
     {("Bluefin", "operatesIn", "Halden"), ("Bluefin", "operatesIn", "Moss")}, set()),
    # (not what one sells or runs in a place: the place is the seller's market)
    ("Tarvik Energy sells its Ostra app in Norway and Sweden.", {("Tarvik Energy", "operatesIn", "Norway")},
     {("Ostra", "operatesIn", "Norway")}),
])
def test_rules_a_product_named_before_its_kind_is_where_the_kind_is(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # who runs a thing a place's possessive names operates in the place
    ("Tarvik Steel, which runs Norway's largest rolling mill, cut its output.", {("Tarvik Steel", "operatesIn", "Norway")},
     set()),
    ("Halden Havn, the operator of Sweden's busiest ferry terminal, raised its fees.",
     {("Halden Havn", "operatesIn", "Sweden")}, set()),
    # (not a person who runs one: where a person works, kg:worksFor says)
    ("Ana Ruiz, who runs Spain's largest bakery, said sales rose.", set(), {("Ana Ruiz", "operatesIn", "Spain")}),
])
def test_rules_who_runs_a_places_own_thing_operates_there(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a site its owner is named before is the owner's: who supplies it does not operate there by this
    ("Tarvik Cells supplies batteries to Orrin Motors plants in Poland.", {("Orrin Motors", "operatesIn", "Poland")},
     {("Tarvik Cells", "operatesIn", "Poland")}),
    ("Tarvik Cells ships batteries to Orrin Motors and Kessa Auto plants in Poland.",
     {("Kessa Auto", "operatesIn", "Poland")}, {("Tarvik Cells", "operatesIn", "Poland")}),
])
def test_rules_a_site_named_for_its_owner_is_not_its_suppliers(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a firm or product ranked among those of its kind in a place operates there
    ("Tarvik Health, one of the three largest pharmacy benefit managers in Canada, cut its fees.",
     {("Tarvik Health", "operatesIn", "Canada")}, set()),
    ("Orrin Labs said its Skyfall, one of the top-selling games in Brazil, would get a sequel.",
     {("Skyfall", "operatesIn", "Brazil")}, set()),
    ("Its title Skyfall is one of the most downloaded games in Brazil.", {("Skyfall", "operatesIn", "Brazil")}, set()),
    # (not a person ranked: where a person is, kg:livesIn says)
    ("Ana Ruiz, one of the richest women in Brazil, bought the club.", set(), {("Ana Ruiz", "operatesIn", "Brazil")}),
])
def test_rules_one_ranked_among_its_kind_in_a_place_operates_there(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_the_main_clause_of_a_condition_is_hypothetical(nlp):
    got = _modalities(_rules_doc(nlp, "If the merger collapses, Bramwell would have to pay Ostrava Ads a break-up fee."))
    assert got.get(("Bramwell", "paysCommissionTo", "Ostrava Ads")) == "hypothetical", got
    # (control: the same statement unconditioned)
    got = _modalities(_rules_doc(nlp, "Bramwell pays Ostrava Ads a fee for every click."))
    assert got.get(("Bramwell", "paysCommissionTo", "Ostrava Ads")) == "fact", got


@pytest.mark.parametrize("text, expected, absent", [
    # a country's river: a place a country's possessive owns lies in it
    ("Hippos in Malawi's Shire River overturned a fishing boat on Sunday.", {("Shire River", "locatedIn", "Malawi")},
     set()),
    ("She runs the shop from a loft in Lisbon's Alfama district.", {("Alfama", "locatedIn", "Lisbon")}, set()),
    # a region in a phrase set off by commas after a place, with a word describing the region
    ("Floods closed roads in Kendal, in northern England, on Monday.", {("Kendal", "locatedIn", "England")}, set()),
    # (not a list of places, each after its own "in")
    ("Acme opened stores in Paris, in Lyon and in Nice.", set(), {("Paris", "locatedIn", "Lyon")}),
    # (nor a name the NER took for a place, which a country's possessive more often owns as a firm)
    ("Geoje competes for LNG orders with China's Dalian-Huaxin, which has won contracts.", set(),
     {("Dalian-Huaxin", "locatedIn", "China")}),
])
def test_rules_a_place_a_country_owns_or_a_region_apposed(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # the places of a channel a firm sells through, in a preposition joined to another
    ("Lumessa sells the cream online in Belgium and through Douglas stores in Austria and Poland.",
     {("Lumessa", "operatesIn", "Austria"), ("Lumessa", "operatesIn", "Poland")}, set()),
    # (not where the verb is passive or a participle: the channel's owner, not the maker, sells there)
    ("Tarvo bought sensors made by Orvane through resellers in Hong Kong.", set(),
     {("Orvane", "operatesIn", "Hong Kong")}),
])
def test_rules_selling_through_a_channel_in_a_place(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # the country or world region one runs or heads a firm in is one of its markets ...
    ('"We expect growth," said Mara Rahim, who runs Lumio in East Africa.', {("Lumio", "operatesIn", "East Africa")},
     {("Lumio", "basedIn", "East Africa")}),
    ("Mara Rahim, who heads Lumio in Kenya, said prices would rise.", {("Lumio", "operatesIn", "Kenya")},
     {("Lumio", "basedIn", "Kenya")}),
    # (... where a city after a job at a small firm is its seat)
    ("Mikael Strand, an analyst at Vanern Securities in Stockholm, said prices would rise.",
     {("Vanern Securities", "basedIn", "Stockholm")}, {("Vanern Securities", "operatesIn", "Stockholm")}),
])
def test_rules_the_region_one_runs_a_firm_in(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # customers in a province named before its kind
    ("Pampero Agro sells mostly to crushers in Shandong province.", {("Pampero Agro", "operatesIn", "Shandong")},
     set()),
    # (not where another's site is that a firm sells: the site's owner is there, not the seller)
    ("Karoo must sell Umbila's grinding plant in Polokwane to a buyer.", {("Umbila", "operatesIn", "Polokwane")},
     {("Karoo", "operatesIn", "Polokwane")}),
    ("Karoo will sell its grinding plant in Polokwane to a buyer.", {("Karoo", "operatesIn", "Polokwane")}, set()),
])
def test_rules_customers_in_a_province_and_another_firms_site_sold(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a share of a market named by its country, a player in it, acting in it: operating there
    ("Qiyun, which has 9% of the Indian phone market, competes there with Xiaomi.",
     {("Qiyun", "operatesIn", "India")}, set()),
    ("Huawei, which overtook Apple in China's smartphone market last year, offers its own assistant.",
     {("Huawei", "operatesIn", "China")}, set()),
    ("Lumio is the biggest player in Kenya's mobile money market.", {("Lumio", "operatesIn", "Kenya")}, set()),
    # (a share of a market is no stake in the country)
    ("Veltro holds 30% of the Brazilian market for pickup trucks.", {("Veltro", "operatesIn", "Brazil")},
     {("Veltro", "investsIn", "Brazil")}),
])
def test_rules_a_market_named_by_its_place(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a line between places is a route of its owner's ...
    ("The trains will run on ONCF's line between Casablanca and Marrakech.",
     {("ONCF", "operatesIn", "Casablanca"), ("ONCF", "operatesIn", "Marrakech")}, set()),
    # (... not a line of products)
    ("The company added a product line to its range in Germany.", set(), {("company", "operatesIn", "Germany")}),
])
def test_rules_a_line_between_places_is_a_route(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a firm described as one "from" a place is based there
    ("Saaremaa Mobile, a smaller rival from Estonia, said sales rose.", {("Saaremaa Mobile", "basedIn", "Estonia")},
     set()),
    # a seat as a participle joined to another passive one ("based" is never an active past)
    ("Coupang, which is listed in New York and based in Seoul, denied it.", {("Coupang", "basedIn", "Seoul")},
     {("Coupang", "basedIn", "New York")}),
])
def test_rules_a_firm_from_a_place_and_a_seat_joined_to_a_passive(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_a_park_is_a_site(nlp):
    """"from its Sol del Norte solar park": a firm's park is one of its sites, named by its place."""
    _assert_reads(nlp, "Pampa Solar will supply the plant with electricity from its 900-megawatt Sol del Norte "
                       "solar park.", {("Pampa Solar", "operatesIn", "Sol del Norte")})


@pytest.mark.parametrize("text, expected, absent", [
    # customers a verb's "with" names are served where they are
    ("Keltra, an online marketplace that links farmers with buyers in Kenya and Uganda, said fees would fall.",
     {("Keltra", "operatesIn", "Kenya"), ("Keltra", "operatesIn", "Uganda")}, set()),
    ("Borvik has started selling meal kits in Norway, starting with customers in Bergen.",
     {("Borvik", "operatesIn", "Bergen")}, set()),
    # (a noun's "with" is what has them, as before: deals are no one's market)
    ("Borvik has no deals with buyers in Kenya yet.", set(), {("Borvik", "operatesIn", "Kenya")}),
    # (nor whom one talks with: a newspaper that spoke with customers does not serve them)
    ("The story comes from Kellwood Ledger, which says it has talked with several customers in Peru.", set(),
     {("Kellwood Ledger", "operatesIn", "Peru")}),
])
def test_rules_customers_named_by_with(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a plural description the parser apposed further back describes the whole list before its comma
    ("Kelvo said the tariffs would raise costs for farmers in France and Germany, its biggest European markets.",
     {("Kelvo", "operatesIn", "France"), ("Kelvo", "operatesIn", "Germany")}, set()),
    # (a singular one the last name alone)
    ("Kelvo said the tariffs would raise costs for farmers in France and Germany, its biggest European market.",
     {("Kelvo", "operatesIn", "Germany")}, {("Kelvo", "operatesIn", "France")}),
])
def test_rules_a_plural_description_apposed_to_a_list(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a unit, subsidiary or arm described by its place is based there
    ("Halden Media, the Danish unit of Korvo, said it had stopped buying the parts.",
     {("Halden Media", "basedIn", "Denmark")}, set()),
    ("Brella, a Texas subsidiary of the drugmaker Sunday Pharma, asked for approval.",
     {("Brella", "basedIn", "Texas")}, set()),
    # (the place "of" names is the parent's, not the unit's seat: "a unit of Leeds, Yorkshire-based X")
    ("Brook.com, a unit of Norwalk, Connecticut-based Brook Holdings, said its rates were unchanged.",
     set(), {("Brook.com", "basedIn", "Norwalk")}),
])
def test_rules_a_unit_described_by_its_place(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # more words for a firm or a club: the demonym or the city before them is its seat
    ("The miner sells its ore to Varga Metal, a Polish smelter.", {("Varga Metal", "basedIn", "Poland")}),
    ("Ostrel will buy the engines from Kandor, the Swiss engine designer.", {("Kandor", "basedIn", "Switzerland")}),
    ("The club signed Solbrand, a solar installer from Valencia, as its sponsor.", {("Solbrand", "basedIn", "Valencia")}),
    ("Its rival Newsnest, a Perth news aggregator, has not signed.", {("Newsnest", "basedIn", "Perth")}),
    ("Casaluz, a Malaga property portal, paid a smaller fine.", {("Casaluz", "basedIn", "Malaga")}),
    ("It restricted sales to Kaveri Marine, an Indian shipowner.", {("Kaveri Marine", "basedIn", "India")}),
    ("Fund managers bought KV Hoogveld, the Belgian first-division club.", {("KV Hoogveld", "basedIn", "Belgium")}),
])
def test_rules_a_seat_before_more_words_for_a_firm_or_a_club(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    # where a firm is run from is its seat: the verb's object, the noun a passive describes, the subject
    # whose business is run, or the firm a description stands for
    ('"We are growing," said founder Ravi Menon, who runs Tarka from Pune.', {("Tarka", "basedIn", "Pune")}, set()),
    ("Kelt is now part of Ostra Nord, a division of Ostra run by Jens Lund from Kiel.",
     {("Ostra Nord", "basedIn", "Kiel")}, set()),
    ("Its subsidiary, Pelto America, which runs Zappa's American business from Denver, was also named.",
     {("Pelto America", "basedIn", "Denver")}, set()),
    ("Anna Berg founded Kesto in 2010 and still runs the company from a converted barn in Aarhus.",
     {("Kesto", "basedIn", "Aarhus")}, set()),
    # (not a place goods or people come from)
    ("Halvor runs ferries from Bergen to Stavanger.", set(), {("Halvor", "basedIn", "Bergen")}),
])
def test_rules_where_a_firm_is_run_from(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # "both" or "all" apposed to a list stands for every name of it
    ("Analysts said Rheinfeld could become a target for larger drugmakers such as Pellworth and Gramont, "
     "both headquartered in Basel.", {("Pellworth", "basedIn", "Basel"), ("Gramont", "basedIn", "Basel")}, set()),
    # (not a name before the list's comma that is no part of it)
    ("Rheinfeld sold its stake to Pellworth, which is headquartered in Basel.", {("Pellworth", "basedIn", "Basel")},
     {("Rheinfeld", "basedIn", "Basel")}),
])
def test_rules_both_apposed_to_a_list(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # goods sold to customers no one names, of a country, go to a market there: no customer
    ("Volmar buys copper from Chilean miners and sells it to buyers in Turkey and India.",
     {("Volmar", "operatesIn", "Turkey"), ("Volmar", "operatesIn", "India")},
     {("Volmar", "suppliesTo", "Turkey"), ("Volmar", "suppliesTo", "India")}),
    ("Tanvik hopes to sell more of its own output to Japanese buyers.", set(), {("Tanvik", "suppliesTo", "Japan")}),
    # (a country itself is one)
    ("Orvel ships rice to Senegal.", {("Orvel", "suppliesTo", "Senegal")}, set()),
])
def test_rules_customers_in_a_place_are_a_market(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a seat for a region is where one operates, not where one is based ...
    ("Lumo moved its European headquarters to Dublin.", {("Lumo", "operatesIn", "Dublin")},
     {("Lumo", "basedIn", "Dublin")}),
    ("Lumo opened its U.S. headquarters in Austin.", {("Lumo", "operatesIn", "Austin")}, {("Lumo", "basedIn", "Austin")}),
    # ... not the seat a place before the noun names
    ("Lumo's Paris headquarters were sold.", {("Lumo", "basedIn", "Paris")}, set()),
    ("In a briefing at the Varno Agency's Rockville, Md., headquarters, officials said the study was needed.",
     {("Varno Agency", "basedIn", "Rockville")}, set()),    # a seat's noun "of" a firm's name: the firm's seat, in the place named before the noun or "in" after
    ("Officials at the headquarters of Orlan Bank in Pellham said profits rose.",
     {("Orlan Bank", "basedIn", "Pellham")}, set()),
    ("Protesters gathered outside the Pellham head office of Kelvor Motors.",
     {("Kelvor Motors", "basedIn", "Pellham")}, set()),
    # (not a region's seat, nor one that is no longer, or not yet, the firm's)
    ("Lumo staff moved into the European headquarters of Orlan Bank in Dublin.", set(),
     {("Orlan Bank", "basedIn", "Dublin")}),
    ("Protesters gathered outside the former headquarters of Kelvor Motors in Pellham.", set(),
     {("Kelvor Motors", "basedIn", "Pellham")}),
])
def test_rules_a_seat_for_a_region(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # the goods a portion is of, made or sold in a place, are the maker's or seller's market
    ("Orvane makes roughly a third of its memory chips in Penang.", {("Orvane", "operatesIn", "Penang")}, set()),
    # ... not an owner's site the goods go to
    ("Vientos Litio will sell up to half of its lithium carbonate to Hanseo's cathode plant in Gumi.",
     set(), {("Vientos Litio", "operatesIn", "Gumi")}),
])
def test_rules_a_portion_of_goods_made_in_a_place(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # where one buys or uses what another supplies, the buyer operates (not the supplier)
    ("Glintr still uses Apple's payment system in Europe.", {("Glintr", "operatesIn", "Europe")},
     {("Apple", "operatesIn", "Europe")}),
    ("Veltro buys cocoa in Ghana and Ivory Coast.", {("Veltro", "operatesIn", "Ghana")}, set()),
])
def test_rules_where_a_buyer_buys_or_uses(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # what a buyer buys goods for, in a place, is its own: it operates there (not the seller)
    ("Merrow Power has agreed to buy 500 megawatt-hours of batteries from Talvik for four sites in Oregon and Idaho.",
     {("Merrow Power", "operatesIn", "Oregon"), ("Merrow Power", "operatesIn", "Idaho")},
     {("Talvik", "operatesIn", "Oregon")}),
    ("Kestro Storage has ordered battery systems from Dunvale Cells for a project near Geelong.",
     {("Kestro Storage", "operatesIn", "Geelong")}, set()),
    # ... not a verb joined to the buying one
    ("Pelvin relies on Hexo Power for batteries and is looking for other suppliers in Chile.", set(),
     {("Pelvin", "operatesIn", "Chile")}),
])
def test_rules_what_a_buyer_buys_goods_for_in_a_place(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # where one extends a service to, or brings its goods to, it operates
    ("Telvia has extended its 5G service to 200 more cities, including Manaus and Belém.",
     {("Telvia", "operatesIn", "Manaus"), ("Telvia", "operatesIn", "Belém")}),
    ("Orvane will bring its scooters to Lisbon next year.", {("Orvane", "operatesIn", "Lisbon")}),
])
def test_rules_where_one_extends_or_brings_a_service(nlp, text, expected):
    _assert_reads(nlp, text, expected, set())


@pytest.mark.parametrize("text, expected, absent", [
    # where one takes its goods or service to, or into, it operates
    ("Kelvane takes home broadband to Mombasa and Nakuru", {("Kelvane", "operatesIn", "Mombasa"),
                                                            ("Kelvane", "operatesIn", "Nakuru")}, set()),
    ("Swedish grocer Dorvik takes its meal kits into Norway", {("Dorvik", "operatesIn", "Norway")}, set()),
    # ... not the people it takes somewhere: "takes Danish buyers to court"
    ("Drone maker Pelvaro takes Danish buyers to court over a cancelled order", set(),
     {("Pelvaro", "operatesIn", "Denmark")}),
])
def test_rules_where_one_takes_its_goods(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a participle of being somewhere holds the noun's place as "is" does
    ("Harlan Tools makes drills. Its headquarters are located in Oslo.", ("Harlan Tools", "basedIn", "Oslo")),
    ("Harlan Tools makes drills. Its main plant is situated in Pune.", ("Harlan Tools", "operatesIn", "Pune")),
    ("Harlan Tools makes drills. Its factory, located in Pune, employs 300 people.",
     ("Harlan Tools", "operatesIn", "Pune")),
    ("Harlan Tools makes drills at a factory located in Pune.", ("Harlan Tools", "operatesIn", "Pune")),
])
def test_rules_a_site_located_somewhere(nlp, text, expected):
    _assert_reads(nlp, text, {expected}, set())


@pytest.mark.parametrize("text, expected, absent", [
    # where a firm's revenue comes from is where it operates
    ("Tokyo Electron gets about a quarter of its sales from China.", {("Tokyo Electron", "operatesIn", "China")},
     set()),
    ("China accounts for a quarter of Tessar Semiconductor's revenue.",
     {("Tessar Semiconductor", "operatesIn", "China")}, set()),
    ("Tessar Semiconductor derives most of its income from Taiwan.",
     {("Tessar Semiconductor", "operatesIn", "Taiwan")}, set()),
    # (not goods bought from a firm)
    ("Tokyo Electron gets a quarter of its chips from Tessar Semiconductor in Taiwan.", set(),
     {("Tokyo Electron", "operatesIn", "Taiwan")}),
])
def test_rules_where_revenue_comes_from(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # who dominates a trade in a place operates there
    ("Shopee and Lazada, which dominate online retail in Vietnam, were not affected.",
     {("Shopee", "operatesIn", "Vietnam"), ("Lazada", "operatesIn", "Vietnam")}, set()),
    ("Banco Itau long dominated retail banking in Brazil.", {("Banco Itau", "operatesIn", "Brazil")}, set()),
    # (and "the market for" a kind of goods is the trade's, not the country the text is about)
    ("Comet, a Montreal planemaker, has won its largest order in Turkey. Comet has struggled to win customers "
     "from Airbus and Boeing, which dominate the market for single-aisle planes.", set(),
     {("Boeing", "operatesIn", "Turkey"), ("Airbus", "operatesIn", "Turkey")}),
])
def test_rules_who_dominates_a_trade_in_a_place(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_a_spaceport_is_a_site(nlp):
    _assert_reads(nlp, "Orbex plans to launch satellites from its spaceport in Sutherland.",
                  {("Orbex", "operatesIn", "Sutherland")}, set())


@pytest.mark.parametrize("text, expected", [
    # what an institution "is" says where it is, as for a firm
    ("The Halvorsen Institute is a Norwegian research institute in Bergen.",
     {("Halvorsen Institute", "basedIn", "Norway"), ("Halvorsen Institute", "basedIn", "Bergen")}),
    ("Castello Verde is an Italian fashion house.", {("Castello Verde", "basedIn", "Italy")}),
    ("Harwick University is a private university in Leeds.", {("Harwick University", "basedIn", "Leeds")}),
])
def test_rules_an_institution_described_by_its_place(nlp, text, expected):
    _assert_reads(nlp, text, expected, set())


@pytest.mark.parametrize("text, expected", [
    # a broadcaster's or a publisher's kind of firm, written in two words, says where the firm is as
    # "a steelmaker in Genoa" does
    ("Radio Pellworth is a commercial radio station in Leeds, England.", ("Radio Pellworth", "basedIn", "Leeds")),
    ("Kanal Nord, a Hamburg TV station, is owned by Elbe Media.", ("Kanal Nord", "basedIn", "Hamburg")),
    ("Marrow & Finch is a British publishing house.", ("Marrow & Finch", "basedIn", "United Kingdom")),
])
def test_rules_a_station_or_a_house_in_a_place(nlp, text, expected):
    _assert_reads(nlp, text, {expected})


@pytest.mark.parametrize("text, expected, absent", [
    # the owner of a part of a firm named by its place operates there ...
    ("Brinmoor Foods said its Indian business grew 20% last year.", {("Brinmoor Foods", "operatesIn", "India")},
     set()),
    ("Zuma Telecom's Ghanaian subsidiary plans to list shares.", {("Zuma Telecom", "operatesIn", "Ghana")}, set()),
    ("Tavira Bank said its business in Peru had doubled.", {("Tavira Bank", "operatesIn", "Peru")}, set()),
    # (and the part a post is head of: "head of Asia operations at X")
    ("Marta Lind, head of Asia operations at Fennick Logistics, spoke.", {("Fennick Logistics", "operatesIn", "Asia")},
     set()),
    ("Fennick hired Marta Lind as its head of Latin America operations.", {("Fennick", "operatesIn", "Latin America")},
     set()),
    # ... not a part with a name of its own, nor one it sells
    ("Marlow Mining, whose Chilean unit Atacama Cobre lost a permit, is appealing.", set(),
     {("Marlow Mining", "operatesIn", "Chile")}),
    ("Kessel Bank agreed to sell its Latvian business to Baltica Group.", set(),
     {("Kessel Bank", "operatesIn", "Latvia")}),
])
def test_rules_a_firms_part_named_by_its_place(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # the market leader somewhere operates there
    ("Kessler Retail is the market leader in Austria, ahead of Spar.", ("Kessler Retail", "operatesIn", "Austria")),
    ("Kessler Retail, the market leader in Austria, cut prices.", ("Kessler Retail", "operatesIn", "Austria")),
    ("Kenol Energy is the market leader in fuel retail in Kenya.", ("Kenol Energy", "operatesIn", "Kenya")),
])
def test_rules_the_market_leader_in_a_place(nlp, text, expected):
    _assert_reads(nlp, text, {expected})


def test_rules_sales_started_somewhere(nlp):
    # the parser hangs the market on the verb that starts the sales
    _assert_reads(nlp, "Halden Motors will start sales in Chile next year.", {("Halden Motors", "operatesIn", "Chile")})


@pytest.mark.parametrize("text, expected", [
    # a place after the same preposition joined to the first one ("in A and in B") is named as the first is
    ("Halden Motors sells cars in Spain and in Italy.", ("Halden Motors", "operatesIn", "Italy")),
    ("Tarvo has stores in Lyon and in Lille.", ("Tarvo", "operatesIn", "Lille")),
    ("Kestrel runs warehouses in Kaunas and in Lodz.", ("Kestrel", "operatesIn", "Lodz")),
])
def test_rules_places_after_a_repeated_preposition(nlp, text, expected):
    _assert_reads(nlp, text, {expected})


@pytest.mark.parametrize("text, expected, absent", [
    # pairs of a place and where it is, joined by "and", each lie in their own (not a list of places)
    ("Orlan runs offices in Lagos, Nigeria, and Accra, Ghana.",
     {("Lagos", "locatedIn", "Nigeria"), ("Accra", "locatedIn", "Ghana")}, set()),
    ("Orlan already runs metro contracts in Santiago, Chile and Izmir, Turkey.",
     {("Santiago", "locatedIn", "Chile"), ("Izmir", "locatedIn", "Turkey")}, set()),
    ("Orlan opened stores in Austin, Texas, and Boise, Idaho.",
     {("Austin", "locatedIn", "Texas"), ("Boise", "locatedIn", "Idaho")}, set()),
    ("Orlan has offices in Paris, Berlin, and Rome, Italy.", {("Rome", "locatedIn", "Italy")},
     {("Paris", "locatedIn", "Berlin")}),
])
def test_rules_pairs_of_a_place_and_where_it_is(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_a_list_before_a_pair_of_places_is_no_pair(nlp):
    _assert_reads(nlp, "In Harwick, Dale County, Ky., and Tolland, N.H., teachers won raises.",
                  {("Dale County", "locatedIn", "Kentucky")}, {("Harwick", "locatedIn", "Dale County")})


@pytest.mark.parametrize("text, expected", [
    # a place set off by commas after a place's name, with its kind after it, is where that place lies
    ("Orlan must sell its plant in Polokwane, in Limpopo province, to a buyer.", ("Polokwane", "locatedIn", "Limpopo")),
    ("Tarsk Grain, based in Loma Plata, in the Chaco region of Paraguay, bought seed.",
     ("Loma Plata", "locatedIn", "Chaco")),
])
def test_rules_a_place_in_a_kind_of_place_set_off_by_commas(nlp, text, expected):
    _assert_reads(nlp, text, {expected})


@pytest.mark.parametrize("text, expected", [
    # ... and with a country's possessive before it; a name ending in a word of a kind of land is a place
    ("Tarsk Coffee, an exporter based in Pleiku, in Vietnam's Central Highlands, stopped shipments.",
     {("Pleiku", "locatedIn", "Central Highlands"), ("Central Highlands", "locatedIn", "Vietnam")}),
    ("The plant in Kendal, in England's Lake District, closed.", {("Kendal", "locatedIn", "Lake District")}),
])
def test_rules_a_place_in_a_countrys_region_set_off_by_commas(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    # a monitoring source line: a city, the outlet there, the language, the time and the date
    ("Lisbon Radio Kelvor Network in Portuguese 0930 GMT 4 Mar 95",
     {("Radio Kelvor Network", "basedIn", "Lisbon")}, set()),
    # ... after a headline and the service's reference code, the date alone
    ("Talks on Grain Prices Resume QX0403112095 Oslo VELDA NYTT 3 Mar 95 p 2",
     {("VELDA NYTT", "basedIn", "Oslo")}, set()),
    # ... a headline that opens on a city is no source line, though one follows it
    ("Oslo Growers Plan New Mills QX0403112095 Lisbon VELDA NYTT in Portuguese 0915 GMT 3 Mar 95",
     {("VELDA NYTT", "basedIn", "Lisbon")}, {("Growers Plan New Mills", "basedIn", "Oslo")}),
    # ... a line of the city and the outlet alone, in capitals or named as a broadcaster
    ("Vienna ORLAN", {("ORLAN", "basedIn", "Vienna")}, set()),
    ("Dublin Halvik Television", {("Halvik Television", "basedIn", "Dublin")}, set()),
    # ... an edition in brackets closing it; the city the NER ran into the outlet's name
    ("Lisbon ORLAN DIARIO (WEEKEND)", {("ORLAN DIARIO", "basedIn", "Lisbon")}, set()),
    ("PY2604013395 Rio de Janeiro O VELDA in Portuguese 23 Apr 95 p 8", {("O VELDA", "basedIn", "Rio de Janeiro")}, set()),
    # ... but a station or a paper named after its city, alone on a line, keeps its whole name
    ("Oslo Television\nOrlan Bank is based in Lyon.", {("Orlan Bank", "basedIn", "Lyon")},
     {("Television", "basedIn", "Oslo")}),
    ("New York Times\nKelvor Motors is based in Lyon.", {("Kelvor Motors", "basedIn", "Lyon")},
     {("Times", "basedIn", "New York"), ("Times", "basedIn", "New York City")}),
])
def test_rules_a_source_line_names_an_outlet_and_its_city(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a source line whose city the gazetteer does not know: its Title Case makes it no headline, the city
    # and the outlet are the NER's, as in a sentence (after a headline too, from the service's code on)
    ("QX1402093595 Murmansk Radio Kelvor Network in Russian 0930 GMT 14 Feb 95",
     {("Radio Kelvor Network", "basedIn", "Murmansk")}, set()),
    ("Grain Prices Rise Again QX1402093595 Khabarovsk Radio Orlan Network in Russian 0930 GMT 14 Feb 95",
     {("Radio Orlan Network", "basedIn", "Khabarovsk")}, {("Grain Prices", "basedIn", "Khabarovsk")}),
])
def test_rules_a_source_line_city_the_gazetteer_does_not_know(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a place in a region the text narrows with its owner in one phrase lies in the region, the region in the
    # owner; the place is not said to lie in the owner
    ("Tarsk Grain, based in Orvala, in the Venn region of Keldria, bought seed.",
     {("Orvala", "locatedIn", "Venn"), ("Venn", "locatedIn", "Keldria")}, {("Orvala", "locatedIn", "Keldria")}),
    ("Harlow Power is building a plant near Lake Ostra in Keldria's Tamsin Valley.",
     {("Lake Ostra", "locatedIn", "Tamsin Valley")}, {("Lake Ostra", "locatedIn", "Keldria")}),
    ("Velcor will build a factory in the Orvala Energy Park in the Eastern Province of Keldria.",
     {("Orvala Energy Park", "locatedIn", "Eastern Province")}, {("Orvala Energy Park", "locatedIn", "Keldria")}),
    # (an address written out in commas or with "in" still holds along its chain)
    ("Lipnik is a town in Prerov District, Olomouc Region, Czech Republic.",
     {("Lipnik", "locatedIn", "Czech Republic")}, set()),
])
def test_rules_a_place_in_a_region_narrowed_by_its_owner_is_not_in_the_owner(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a description apposed to a firm's name goes on after its role noun with a participle, a relative
    # pronoun or a preposition: the place before the role noun is still the firm's seat
    ("Tarvik, a Lyon company backed by Orrin Capital, sued Velmora on Friday.",
     {("Tarvik", "basedIn", "Lyon")}, set()),
    ("Quellpay, an Egyptian payments startup whose app lets grocers take cards, raised $20 million.",
     {("Quellpay", "basedIn", "Egypt")}, set()),
    ("Drovia, a Porto startup building robots for farms, raised $9 million.",
     {("Drovia", "basedIn", "Porto")}, set()),
    # ... but a noun after the role noun is another's ("a Lyon company spokesman")
    ("Velmora hired Ana Ruiz, a Lyon company director, in March.", set(), {("Ana Ruiz", "basedIn", "Lyon")}),
])
def test_rules_a_seat_apposed_with_a_description_that_goes_on(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a place set off by commas after a place's name, as a kind of place "of" a name, is where the place lies
    ("Orlan opened a plant in Varnby, in the northern state of Keldria, on Tuesday.",
     {("Varnby", "locatedIn", "Keldria")}, set()),
    ("Tarsk Storage ordered batteries for a project near Halvik, in the province of Ostmark, last week.",
     {("Halvik", "locatedIn", "Ostmark")}, set()),
    # ... and one followed by "and" and a verb joins a clause, not a list of places
    ("The startup builds its vans at a plant in Varnby, in southern Poland, and sells them at home.",
     {("Varnby", "locatedIn", "Poland")}, set()),
    # (a list of places is no containment)
    ("Veltro has offices in Paris, in Lyon and in Nice.", set(), {("Paris", "locatedIn", "Lyon")}),
])
def test_rules_a_place_set_off_by_commas_as_a_kind_of_place_of_a_name(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a firm's name apposed to a role noun "in" or "from" a place: the firm is based there
    ("The steel will come from Kelvar Stal, a mill in Gdynia, and from Tarvo.",
     {("Kelvar Stal", "basedIn", "Gdynia")}, set()),
    ("The complaint was brought by Dabbalo, a lunch-box company from Pune.",
     {("Dabbalo", "basedIn", "Pune")}, set()),
    # ... not a rival's noun, where "in" names a market
    ("Orlan Foods competes with Velmora, a rival in Spain.", set(), {("Velmora", "basedIn", "Spain")}),
])
def test_rules_a_seat_after_an_apposed_role_noun(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a place, a comma and its country or a region the gazetteer knows, then ", and" and more words, is a place
    # and where it lies, not a list of three; and so is one before a clause of its own
    ("Velcor has plants in Varnby, Italy, and the north of Spain.", {("Varnby", "locatedIn", "Italy")}, set()),
    ("Orlan runs a cathode plant in Varnby, Ohio, and Tarsk Metals will supply its nickel.",
     {("Varnby", "locatedIn", "Ohio")}, set()),
    # (a list of places is still none, nor a city the gazetteer puts in another country)
    ("Veltro has offices in Paris, Berlin, and Rome.", set(), {("Paris", "locatedIn", "Berlin")}),
    ("Veltro has offices in Dubai, Saudi Arabia, and Egypt.", set(), {("Dubai", "locatedIn", "Saudi Arabia")}),
])
def test_rules_a_place_and_its_country_before_and_are_no_list(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a firm the gazetteer does not know, named after "from", "including", "such as" or "at" after a noun of
    # people who work there, then "in" and a place: the firm is based there
    ("The company buys the resin from Tarvane Chemicals in Hyderabad.", {("Tarvane Chemicals", "basedIn", "Hyderabad")},
     set()),
    ("Analysts at Corvane Securities in Lyon said the limit could cut income.",
     {("Corvane Securities", "basedIn", "Lyon")}, set()),
    ("Kelvo signed deals with 100 outlets, including Groupe Marlet in Montreal.",
     {("Groupe Marlet", "basedIn", "Montreal")}, set()),
    # ... not a venue where something is done, nor a firm a verb acts on there
    ("The songs were recorded at Velda Studios in Halden.", set(), {("Velda Studios", "basedIn", "Halden")}),
    ("Kelvor Motors sued Orlan Foods in Delaware.", set(), {("Orlan Foods", "basedIn", "Delaware")}),
])
def test_rules_a_firm_in_a_place_after_from_or_including(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a place "in the <direction> department of" a place lies in that place, as with "province of"
    ("Police found the boat near Varnsk in the northern department of Orvalle.", {("Varnsk", "locatedIn", "Orvalle")}),
    # a zone is a division of a place, as a district or a region is
    ("Growers around Tessaro, a town in the Kallu zone of western Ethiopia, sold less coffee.",
     {("Tessaro", "locatedIn", "Kallu"), ("Kallu", "locatedIn", "Ethiopia")}),
    ("The mine lies in the Harvo zone of Keldria.", {("Harvo", "locatedIn", "Keldria")}),
])
def test_rules_a_division_of_a_place_named_after_of(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a place "in the heart of" a place written with its kind ("Tarvesh state") lies in that place
    ("Growers farm outside Ombri, a town in the heart of Tarvesh state.", {("Ombri", "locatedIn", "Tarvesh")}),
    ("Growers farm outside Ombri, a town in the middle of Tarvesh province.", {("Ombri", "locatedIn", "Tarvesh")}),
])
def test_rules_a_place_in_a_part_of_a_place_written_with_its_kind(nlp, text, expected):
    _assert_reads(nlp, text, expected)


def test_rules_a_region_of_a_part_of_a_country_is_no_chain(nlp):
    # "the Tessor region of northern Keldria" narrows the country to the region as "of Keldria" does: the
    # village is in the region and the region in the country, not the village said to be in the country
    _assert_reads(nlp, "Varnby is a village in the Tessor region of northern Keldria.",
                  {("Varnby", "locatedIn", "Tessor"), ("Tessor", "locatedIn", "Keldria")},
                  {("Varnby", "locatedIn", "Keldria")})


@pytest.mark.parametrize("text, expected, absent", [
    # a firm described by "a City, Region" and a role noun is based in the city, where the parser takes a
    # city of two words for the name's apposition (the region is where the city is)
    ("Torvane, a Santa Clara, California-based chip designer, has sold the T4 to buyers in Asia.",
     {("Torvane", "basedIn", "Santa Clara"), ("Santa Clara", "locatedIn", "California")}, set()),
    ("Kelvry, a Santa Clara, California, chip designer, had bought memory from Daesan.",
     {("Kelvry", "basedIn", "Santa Clara"), ("Santa Clara", "locatedIn", "California")},
     {("Kelvry", "basedIn", "California")}),
    ("Velmo, a Lyon, France, start-up, makes drones.", {("Velmo", "basedIn", "Lyon")}, {("Velmo", "basedIn", "France")}),
])
def test_rules_a_firm_described_by_a_city_and_its_region(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # where one operates, written with its region, is the city; the region is where the city is
    ("Nickel will be shipped to a cathode plant that Kelvor Energy runs in Gresik, East Java, the company said.",
     {("Kelvor Energy", "operatesIn", "Gresik"), ("Gresik", "locatedIn", "East Java")},
     {("Kelvor Energy", "operatesIn", "East Java")}),
])
def test_rules_a_city_region_operation_is_in_the_city(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # the same where the region follows the city in a phrase of its own, "in" and a word for where in it
    ("Norvane Cells opened a battery plant in Gdynia, in northern Poland, on Monday.",
     {("Norvane Cells", "operatesIn", "Gdynia"), ("Gdynia", "locatedIn", "Poland")},
     {("Norvane Cells", "operatesIn", "Poland")}),
    ("Tarvik Steel is building a steel mill in Kiruna in northern Sweden.",
     {("Tarvik Steel", "operatesIn", "Kiruna"), ("Kiruna", "locatedIn", "Sweden")},
     {("Tarvik Steel", "operatesIn", "Sweden")}),
    ("Kelmora Foods runs a dairy in Tralee, in the southwestern county of Kerry, and sells cheese at home.",
     {("Kelmora Foods", "operatesIn", "Tralee"), ("Tralee", "locatedIn", "Kerry")},
     {("Kelmora Foods", "operatesIn", "Kerry")}),
])
def test_rules_an_operation_in_a_city_then_in_northern_region_is_in_the_city(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # every place of a list lies where the place "in" after its last name is, not the last one only
    ("Why did the jet not land in Garvin or Holloway in Norway where the runways were long?",
     {("Garvin", "locatedIn", "Norway"), ("Holloway", "locatedIn", "Norway")}, set()),
    ("The ferries sail to Garvin, Holloway and Tessby in Norway every week.",
     {("Garvin", "locatedIn", "Norway"), ("Holloway", "locatedIn", "Norway"), ("Tessby", "locatedIn", "Norway")},
     set()),
    ("Observers called for the return of the monitors to Kelso Valley, Marton Island and Brisk County in the "
     "Republic of Veloria.",
     {("Kelso Valley", "locatedIn", "Republic of Veloria"), ("Marton Island", "locatedIn", "Republic of Veloria"),
      ("Brisk County", "locatedIn", "Republic of Veloria")}, set()),
    # (a place the gazetteer knows elsewhere keeps its own place)
    ("Eastbrook has contracts with two counties in New Jersey and Tarvo County in New York.", set(),
     {("New Jersey", "locatedIn", "New York City")}),
])
def test_places_listed_before_the_last_lie_where_it_does(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a demonym or a city before a firm's trade that is no relation's role noun (lexicon seat_trade_nouns)
    ("Harwick bought Danish grocer Tovik Marked in 2021.", {("Tovik Marked", "basedIn", "Denmark")}, set()),
    ("Quito ride-hailing app Rutaly raised $20 million.", {("Rutaly", "basedIn", "Quito")}, set()),
    ("Orvane agreed to buy Glasgow cable specialist Brenlow Fluids for $40 million.",
     {("Brenlow Fluids", "basedIn", "Glasgow")}, set()),
    ("Cargo moved to the Greek container line Pelagon Shipping last year.",
     {("Pelagon Shipping", "basedIn", "Greece")}, set()),
    # (a person called a specialist is no firm with a seat)
    ("Danish tax specialist Signe Vallo said the rule was unclear.", set(), {("Signe Vallo", "basedIn", "Denmark")}),
])
def test_rules_a_seat_before_a_trade_a_firm_is_called_by(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a description right after a firm's role noun is another party's, not the role's holder
    ("Orrimar Mining, a Perth-based explorer, agreed to supply Quelvar Steel with ore. The deal makes the Ohio "
     "steelmaker the miner's largest customer.", {("Quelvar Steel", "basedIn", "Ohio")},
     {("Orrimar Mining", "basedIn", "Ohio")}),
    ("Zemtra Holdings will buy 20% of Yarrum Lithium, making the Japanese trading house the miner's largest "
     "shareholder.", {("Zemtra", "basedIn", "Japan")}, {("Yarrum Lithium", "basedIn", "Japan")}),
])
def test_rules_a_description_after_a_seat_role_is_no_holder_of_it(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a firm whose own seat is written beside its name takes no seat written of another firm listed with it
    ("The venture is backed by Lahore-based telecom operator Tarvane Mobile and Kestrel Capital of Dubai.",
     {("Tarvane Mobile", "basedIn", "Lahore"), ("Kestrel Capital", "basedIn", "Dubai")},
     {("Kestrel Capital", "basedIn", "Lahore")}),
    ("Regulators added Orlan Shipping of Mumbai and Tessa Marine, registered in Panama, to the list.",
     {("Orlan Shipping", "basedIn", "Mumbai")}, {("Orlan Shipping", "basedIn", "Panama")}),
    ("Pellmor supplies the ingredient to Nairobi-based Vellor Pharmaceuticals and Accra-based Oskel Labs.",
     {("Oskel Labs", "basedIn", "Accra")}, {("Oskel Labs", "basedIn", "Nairobi")}),
])
def test_rules_a_firms_own_seat_beside_its_name_keeps_a_listed_firms_off(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a firm's noun written with a hyphen ("co-op", "start-up") before its name: the name is a firm's, and the
    # demonym or place before the noun its seat
    ("Dutch dairy co-op Veldmoor wins a cheese contract", {("Veldmoor", "basedIn", "Netherlands")}),
    ("Orrimar partners with Brazilian co-op Tarumã on seed trials.", {("Tarumã", "basedIn", "Brazil")}),
])
def test_rules_a_seat_before_a_hyphened_firms_noun(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    # a verb of a plan or a bid joined to one of selling or running names no market of the first: where it bids
    # or what it considers or plans is not where it operates
    ("Tessmar also sells its Orvo drones in Latvia and Estonia, and is bidding for a contract in Finland.",
     {("Tessmar", "operatesIn", "Latvia"), ("Tessmar", "operatesIn", "Estonia")},
     {("Tessmar", "operatesIn", "Finland")}),
    ("Kelvane already runs a cement plant in Peru and is considering a second in Bolivia.",
     {("Kelvane", "operatesIn", "Peru")}, {("Kelvane", "operatesIn", "Bolivia")}),
    ("Brisa Mart opened its first 20 shops in Quito on Monday and plans 90 more across Colombia by 2029.",
     {("Brisa Mart", "operatesIn", "Quito")}, {("Brisa Mart", "operatesIn", "Colombia")}),
])
def test_rules_a_joined_verb_of_a_plan_or_bid_is_no_market_of_the_first(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # the homes or hotels a booking platform lists, or a firm manages, somewhere are where it operates
    ("Corvela, a Lisbon-based booking site owned by Harlan Travel, lists about 40,000 properties in Portugal and "
     "Spain.", {("Corvela", "operatesIn", "Portugal"), ("Corvela", "operatesIn", "Spain")},
     {("Harlan Travel", "operatesIn", "Portugal")}),
    ("Tessaro Homes manages 300 rental properties in Vienna.", {("Tessaro Homes", "operatesIn", "Vienna")}, set()),
])
def test_rules_properties_a_platform_lists_in_a_place(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # "available" in a "where" clause on a place, or on the noun the place is of
    ("Drakefly sells games in Nepal, where Warlon remains available.", {("Warlon", "operatesIn", "Nepal")}, set()),
    ("Regulators banned the game Warlon. Drakefly said the game complied with the law in Nepal and Bhutan, where it "
     "remains available.", {("Warlon", "operatesIn", "Nepal"), ("Warlon", "operatesIn", "Bhutan")},
     {("Drakefly", "operatesIn", "Nepal")}),
])
def test_rules_available_in_a_where_clause_on_a_place(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a US state written after a place and a comma holds the place, even before "and" and another place
    ("Inspectors found leaks at the Tessel Works in Harwick, Iowa, and the Orlan plant near Denver.",
     {("Harwick", "locatedIn", "Iowa")}, set()),
])
def test_rules_a_us_state_after_a_place_and_a_comma_holds_it(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # the places listed under a count of places ("in 30 countries, including Kenya"), or named after "most of"
    ("Tovaro Mobile sells its phones in 30 countries, including Kenya and Ghana.",
     {("Tovaro Mobile", "operatesIn", "Kenya"), ("Tovaro Mobile", "operatesIn", "Ghana")}, set()),
    ("The Brisko app, made by Kelvane Labs, is available in 50 countries, including neighbouring Malaysia and "
     "Thailand.", {("Brisko", "operatesIn", "Malaysia"), ("Brisko", "operatesIn", "Thailand")}, set()),
    ("Kelvane Labs sells its Brisko app in markets such as Peru and Chile.",
     {("Kelvane Labs", "operatesIn", "Peru"), ("Kelvane Labs", "operatesIn", "Chile")}, set()),
    ("Kessing and Norvale both compete with Lidl across most of Europe.",
     {("Kessing", "operatesIn", "Europe"), ("Norvale", "operatesIn", "Europe")}, {("Lidl", "operatesIn", "Europe")}),
])
def test_rules_a_market_listed_under_a_count_of_places_or_after_most_of(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a count of places says the place they are in, or names some after it
    ("Dorvik remains available in France, Spain and 20 other countries in Europe.",
     {("Dorvik", "operatesIn", "Europe"), ("Dorvik", "operatesIn", "Spain")}, set()),
    ("Corvane runs 300 stores in six countries, among them Peru and Chile.",
     {("Corvane", "operatesIn", "Peru"), ("Corvane", "operatesIn", "Chile")}, set()),
    ("Thermvik sells its pumps in 22 countries, most of them in Europe.", {("Thermvik", "operatesIn", "Europe")},
     set()),
    # ... but not a place that only modifies a name listed there
    ("Dorna said it works with about 8,000 restaurants in the two countries, among them Lima steakhouse chain "
     "La Brasa.", set(), {("Dorna", "operatesIn", "Lima")}),
])
def test_rules_the_place_a_count_of_places_is_in_or_names_after_it(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # goods sold to a named organisation for something in a place: the recipient operates there, not the seller
    ("Fjordbot will supply 400 picking arms to Kelmart for automated warehouses in Ohio and Indiana.",
     {("Kelmart", "operatesIn", "Ohio"), ("Kelmart", "operatesIn", "Indiana")}, {("Fjordbot", "operatesIn", "Ohio")}),
    ("Halvor Heavy Industries already supplies Atomo with steam generators for a demonstration unit in Oak Ridge.",
     {("Atomo", "operatesIn", "Oak Ridge")}, {("Halvor Heavy Industries", "operatesIn", "Oak Ridge")}),
    # ... with no recipient named, the seller's market
    ("Kabel Nord will supply export cables for three offshore wind farms in the North Sea.",
     {("Kabel Nord", "operatesIn", "North Sea")}, set()),
])
def test_rules_goods_supplied_for_a_recipients_site_place_the_recipient(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # "COUNTRY's trade ministry/NNP, ACRONYM, said": a lower-case common noun the tagger took for a proper noun is
    # the common noun it is; the name apposed to the ministry is then the country's
    ("Norway's trade ministry, NETI, said it would ask Beijing for details of how export licences would be granted.",
     {("NETI", "basedIn", "Norway")}, set()),
    ("Kenya's trade ministry, TEMI, said it would ask Beijing for details of how licences would be granted.",
     {("TEMI", "basedIn", "Kenya")}, set()),
])
def test_rules_a_lower_case_noun_the_tagger_took_for_a_name_is_a_noun(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a demonym on the noun of a preposition the relation does not take ("supplier to the Polish army", "a group
    # of Spanish banks") says where that noun's thing is: not the seat of the one the role noun describes
    ("Poland will buy 180 howitzers from Korvel Systems, making the Brno-based company the largest foreign "
     "supplier to the Polish army.", {("Korvel Systems", "basedIn", "Brno")}, {("Korvel Systems", "basedIn", "Poland")}),
    ("Veloz Pay is run by Pagos Lindos, a group of Spanish and Portuguese banks that has sued Cartex.",
     set(), {("Pagos Lindos", "basedIn", "Spain"), ("Pagos Lindos", "basedIn", "Portugal")}),
    # ... but a demonym on the role noun itself is the seat
    ("Tavora Metals, a Portuguese supplier to the Polish army, won the contract.",
     {("Tavora Metals", "basedIn", "Portugal")}, {("Tavora Metals", "basedIn", "Poland")}),
])
def test_rules_a_demonym_on_the_noun_of_a_preposition_is_not_the_seat(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)
