"""What coreference and modality read, on sentences written for the purpose (never the corpus's):
each case a reading that failed before its rule."""

from __future__ import annotations

import pytest

from .reading import _assert_reads, _modalities, _rules_doc, _triples  # noqa: F401


@pytest.mark.parametrize("text, owner, expected", [
    ("Quillo said Veltro is its biggest customer.", "Quillo", ("Quillo", "suppliesTo", "Veltro")),
    ("Quillo said Veltro was its largest shareholder.", "Quillo", ("Veltro", "investsIn", "Quillo")),
    ("Veltro said China was its biggest market.", "Veltro", ("Veltro", "operatesIn", "China")),
    # ... also after "among", a subject of several words, and the subject after the predicate
    ("Orvane Robotics sells robots. Halden Motors is among its customers.", "Orvane Robotics",
     ("Orvane Robotics", "suppliesTo", "Halden Motors")),
    ("Splicer sells software to podcasts. Among its customers is Vox Nordica, a network.", "Splicer",
     ("Splicer", "suppliesTo", "Vox Nordica")),
])
def test_coref_its_in_a_copula_predicate_is_not_the_copula_subject(nlp, text, owner, expected):
    doc = _rules_doc(nlp, text)
    its = [it["name"] for it in doc._.kg_entity_data if it["via"] == "coref" and doc[it["start"]].lower_ == "its"]
    assert its == [owner], doc._.kg_entity_data
    assert expected in _triples(doc)


@pytest.mark.parametrize("text, owner", [
    # "its own" after a passive's agent is the agent's, not the passive subject's
    ("Kestrel OS is a mobile operating system developed by Virelia Systems for its own tablets.", "Virelia Systems"),
    ("The Tarn cider is made by Orlan Drinks in its own orchards.", "Orlan Drinks"),
])
def test_coref_its_own_after_a_passive_agent_is_the_agents(nlp, text, owner):
    doc = _rules_doc(nlp, text)
    its = [it["name"] for it in doc._.kg_entity_data if it["via"] == "coref" and doc[it["start"]].lower_ == "its"]
    assert its == [owner], doc._.kg_entity_data


@pytest.mark.parametrize("text, owner, expected", [
    # "its" in a clause whose subject the parser joined to the first clause's object is that subject's
    ("Orlan Bank bought Halden Motors and Kelvor Motors sold its stake in Ardent Labs.", "Kelvor Motors",
     ("Kelvor Motors", "investsIn", "Ardent Labs")),
    ("Velmora Foods acquired Tarvik Dairy and Brenna Mills sold its stake in Ostra Grain.", "Brenna Mills",
     ("Brenna Mills", "investsIn", "Ostra Grain")),
])
def test_coref_its_after_a_second_clauses_subject_parsed_as_an_object(nlp, text, owner, expected):
    doc = _rules_doc(nlp, text)
    its = [it["name"] for it in doc._.kg_entity_data if it["via"] == "coref" and doc[it["start"]].lower_ == "its"]
    assert its == [owner], doc._.kg_entity_data
    assert expected in _triples(doc)


@pytest.mark.parametrize("text, owner, expected", [
    # "its" in a clause whose subject is a plural noun is the subject's one clause up, not the name in
    # front of the plural nor the story's most named firm
    ("Kelvor Rides said it would open in Lima. Kelvor Rides hired staff. Kelvor Rides grew. Orlan Bank said "
     "it would no longer let Kelvor Rides drivers cash out their earnings through its Pluma wallet, citing fraud.",
     "Orlan Bank", ("Orlan Bank", "offers", "Pluma")),
])
def test_coref_its_past_a_plural_subject_is_the_subject_above(nlp, text, owner, expected):
    doc = _rules_doc(nlp, text)
    its = [it["name"] for it in doc._.kg_entity_data if it["via"] == "coref" and doc[it["start"]].lower_ == "its"]
    assert its == [owner], doc._.kg_entity_data
    assert expected in _triples(doc)


@pytest.mark.parametrize("text, antecedent", [
    # a country on a description ("the U.S. company") rules out a company the gazetteer places elsewhere,
    # as a demonym ("the Japanese company") does
    ("Ridgeway Telecom, a Lisbon-based carrier, will resell Google's cloud service in Portugal, giving the "
     "U.S. company a foothold in Europe.", "Google"),
    ("Ridgeway Telecom, a Lisbon-based carrier, will resell Toyota's cars in Portugal, giving the Japanese "
     "company a foothold in Europe.", "Toyota"),
    # ... and a firm whose name opens with another country's name or demonym
    ("The Saudi Minerals Investment Fund has bought a 5% stake in the game maker Torvik Studios, the Swedish "
     "company said.", "Torvik Studios"),
    ("The Kuwait Harbour Fund has taken a stake in Lorne Shipping, the British company said on Monday.",
     "Lorne Shipping"),
])
def test_coref_a_country_on_a_description_rules_out_companies_from_elsewhere(nlp, text, antecedent):
    links = [(m.text, a.text) for m, a in nlp(text)._.coref_links]
    assert links == [("company", antecedent)], links


@pytest.mark.parametrize("text, mention, antecedent", [
    # a firm named after a province or a city ("Hunan Dovetail Cells") is from that place's country, so a
    # demonym on a description picks it before a firm the text places nowhere
    ("Brackwell Trucks will pay Hunan Dovetail Cells $40 million to end a supply deal early, after regulators "
     "cut the truck maker off from subsidies for vehicles built with the Chinese company's cells.",
     "the Chinese company", "Hunan Dovetail Cells"),
    ("Marlow Freight has hired Osaka Tessel Coatings to repaint its fleet, and the Japanese firm will start in "
     "June.", "the Japanese firm", "Osaka Tessel Coatings"),
])
def test_coref_a_firm_named_after_a_province_is_from_its_country(nlp, text, mention, antecedent):
    doc = _rules_doc(nlp, text)
    links = [(doc[m.root.left_edge.i:m.end].text, a.text) for m, a in doc._.coref_links]
    assert (mention, antecedent) in links, links


@pytest.mark.parametrize("text, modality", [
    # a phrasal verb of negation ("rule out", "pull out of") negates what it governs
    ("Orvane ruled out entering Mexico for now.", "negated"),
    ("Orvane pulled out of plans to enter Mexico.", None),  # "plans": hypothetical, and never a fact
    ("Orvane ruled on entering Mexico in May.", "fact"),
])
def test_modality_a_phrasal_negation(nlp, text, modality):
    found = {r["modality"] for r in _rules_doc(nlp, text)._.kg_relation_data
             if (r["s_name"], r["predicate"], r["o_name"]) == ("Orvane", "operatesIn", "Mexico")}
    if modality is None:
        assert "fact" not in found, found
    else:
        assert found == {modality}, found


def test_coref_the_subject_of_what_a_name_reports_is_that_name(nlp):
    # "X's customs agency said it had banned ...": "it" is the agency that said it, not the country
    # the headline is about; and the firms named after "grain companies" are who the ban reaches
    text = ("Brazil halts soybean imports from Argentina\n\nBrazil's Federal Revenue Service said on Thursday it had "
            "banned soybean imports from Argentine grain companies Pampa Granos and Rio Verde Agro.")
    _assert_reads(nlp, text, {("Federal Revenue Service", "bans", "Pampa Granos"),
                              ("Federal Revenue Service", "bans", "Rio Verde Agro")},
                  {("Brazil", "bans", "Pampa Granos"), ("Brazil", "bans", "Rio Verde Agro")})


def test_coref_a_possessive_on_the_subject_of_what_a_name_reports_is_that_names(nlp):
    # "Kelvor said its factory in Pesqueria would keep running": the reporter's factory, not the factory of
    # the country the sentences before were about
    text = ("Halden Motors delays Mexico plant over tariff threat\n\nSEOUL — Halden Motors has postponed construction "
            "of a plant in Nuevo Leon, Mexico, citing the risk of tariffs.\n\nHalden had planned to build its Namsan "
            "SUV there.\n\nOrvik Steel, which supplies panels to Halden from Ulsan, said it would also pause plans "
            "for a plant in Mexico.\n\nMexico already curbs imports of Chinese cars with tariffs of up to 50%.\n\n"
            "Kelvor, an affiliate of Orlan Motor, said its factory in Pesqueria would keep running as normal.")
    _assert_reads(nlp, text, {("Kelvor", "operatesIn", "Pesqueria")}, {("Mexico", "operatesIn", "Pesqueria")})


@pytest.mark.parametrize("text, mention, antecedent", [
    # a description's noun that ends a candidate's name picks it ("the league" -> "the B.League") ...
    ("Japan's top basketball league, the Nordic Hockey League, has awarded its rights to Velora Media, a unit of "
     "NTT Docomo, which will pay 12 billion yen. Velora Media outbid DAZN and NTT Docomo's Lemino service. Under "
     "the contract, Velora Media will also pay the league a share of subscription revenue.",
     "league", "Nordic Hockey League"),
    # ... but not a word that ends firms' names of any kind ("the company" is no "Investment Company")
    ("Harbor Investment Company bought a stake in Velora. Velora sells chips to carmakers. The company "
     "competes with Kestrel.", "company", "Velora"),
])
def test_coref_a_description_whose_noun_ends_a_name(nlp, text, mention, antecedent):
    links = {(m.root.lower_, a.text) for m, a in nlp(text)._.coref_links}
    assert (mention, antecedent) in links, links


@pytest.mark.parametrize("text, mention, antecedent, absent", [
    # a description picks the name the text called by its noun, over a nearer one of the same kind
    ("Budget airline Brisa Wings pays booking site Viatrek a fee. Viatrek declined to comment. The airline "
     "flies from Porto and Faro to 40 cities in Europe.", "airline", "Brisa Wings", "Viatrek"),
    ("Brisa Wings, a budget airline, pays booking site Viatrek a fee. Viatrek declined to comment. The airline "
     "flies from Porto and Faro to 40 cities in Europe.", "airline", "Brisa Wings", "Viatrek"),
    # not a word for firms of any kind
    ("Norwegian group Halvik sold its fibre unit to Fjordnet. Fjordnet said it would invest. The group also "
     "sells phones in Sweden.", "group", "Fjordnet", "Halvik"),
])
def test_coref_a_description_picks_the_name_it_was_said_of(nlp, text, mention, antecedent, absent):
    links = {(m.root.lower_, a.text) for m, a in nlp(text)._.coref_links}
    assert (mention, antecedent) in links and (mention, absent) not in links, links


@pytest.mark.parametrize("text, mention, antecedent, absent", [
    # who accuses is not the one a description in the accusation stands for
    ("Voltaris Energy has filed a lawsuit against Kesswick Motors, accusing the Michigan carmaker of copying "
     "its designs.", "carmaker", "Kesswick Motors", "Voltaris Energy"),
    ("Highveld Records has sued Ubuntu Audio, claiming the Cape Town firm has failed to pay royalties.",
     "firm", "Ubuntu Audio", "Highveld Records"),
    ("Cobre Norte Mining also sued Halvard Trading in a Santiago court, alleging that the Swiss trader had used "
     "confidential data.", "trader", "Halvard Trading", "Cobre Norte Mining"),
    # (one who says something of a description may be it: "Vantel said the Oslo-based company would")
    ("Vantel said on Monday the Oslo-based company would cut 300 jobs.", "company", "Vantel", "Oslo"),
])
def test_coref_an_accusation_is_not_of_the_accuser(nlp, text, mention, antecedent, absent):
    links = {(m.root.lower_, a.text) for m, a in nlp(text)._.coref_links}
    assert (mention, antecedent) in links and (mention, absent) not in links, links


def test_coref_the_object_of_a_joined_verb_is_not_its_shared_subject(nlp):
    # "fined Trovik and barred it": "barred" has the subject of "fined", so "it" is Trovik
    doc = nlp("The European Commission fined Trovik and barred it from bidding for public contracts.")
    links = {(m.text, a.text) for m, a in doc._.coref_links}
    assert ("it", "Trovik") in links, links


@pytest.mark.parametrize("text, absent", [
    # whom a joined verb pays or gives something ("and pay it a fee") is not the subject it shares
    ("Under the deal, Orlan Rail will give Kelvor access to its timetable data and pay it a 5% commission.",
     ("it", "Orlan Rail")),
    # ... nor is whom a verb pays its own subject ("Brask pays it a fee" is paid to another)
    ("Kelvor runs the Tessin Market app. Brask Foods pays it a 3% commission on each sale.",
     ("it", "Brask Foods")),
])
def test_coref_whom_a_verb_pays_is_not_its_subject(nlp, text, absent):
    links = {(m.text, a.text) for m, a in nlp(text)._.coref_links}
    assert absent not in links, links



def test_coref_it_after_a_joined_verb_is_the_thing_made_before(nlp):
    # "makes the KX-9 sealant used in ... and sells it": "it" is the sealant (which the parser made the
    # subject of "used"), not the firm named last
    _assert_reads(nlp, "Velmora, a unit of Orlan Group, makes the KX-9 sealant used in shipbuilding and sells it "
                       "to Tarvo Marine.", {("Velmora", "suppliesTo", "Tarvo Marine")},
                  {("Tarvo Marine", "acquires", "KX-9"), ("Tarvo Marine", "acquires", "Orlan Group")})


@pytest.mark.parametrize("text, triple, modality", [
    # a denial negates the clause it governs ("denied that it had agreed to buy") ...
    ("Veltro denied that it had agreed to buy Quillo.", ("Veltro", "acquires", "Quillo"), "negated"),
    # ... a report does not
    ("Veltro said that it had agreed to buy Quillo.", ("Veltro", "acquires", "Quillo"), "fact"),
    # "no longer" negates
    ("Veltro no longer competes with Quillo in Europe.", ("Veltro", "competesWith", "Quillo"), "negated"),
    # a job held before, in apposition or before the name
    ("Tom Berg, a former Veltro engineer, joined Orlan in May.", ("Tom Berg", "worksFor", "Veltro"), "past"),
    # "both of which" is the names before it, "neither of which" denies it of them
    ("Veltro and Orlan, both of which operate in Japan, declined to comment.", ("Orlan", "operatesIn", "Japan"),
     "fact"),
    ("Veltro and Orlan, neither of which operates in Japan, declined to comment.",
     ("Orlan", "operatesIn", "Japan"), "negated"),
    # a role a verb would have made someone take is as hypothetical as the verb
    ("The deal, which would have made Veltro the owner of Quillo, collapsed in March.",
     ("Quillo", "subsidiaryOf", "Veltro"), "hypothetical"),
    # a post held in the simple past until a time, or for a span, is over (the present perfect keeps it)
    ("Orlan has hired Tom Berg, who until last month ran treasury services at Veltro.",
     ("Tom Berg", "worksFor", "Veltro"), "past"),
    ("Orlan has hired Tom Berg, who ran logistics at Veltro for five years.", ("Tom Berg", "worksFor", "Veltro"),
     "past"),
    ("Tom Berg has run logistics at Veltro for five years.", ("Tom Berg", "worksFor", "Veltro"), "fact"),
    # ... and so is an ownership that lasted "until" a time or an event: in the passive, with "belong", or
    # what the past copula made a firm
    ("Kerrow Labs was owned by Finmara Holding until 1998.", ("Kerrow Labs", "subsidiaryOf", "Finmara Holding"),
     "past"),
    ("Kerrow Labs belonged to Finmara Holding until 1998.", ("Kerrow Labs", "subsidiaryOf", "Finmara Holding"),
     "past"),
    ("Kerrow Labs was a unit of Finmara Holding until it was sold in 2017.",
     ("Kerrow Labs", "subsidiaryOf", "Finmara Holding"), "past"),
    ("Kerrow Labs has been a unit of Finmara Holding since 2017.",
     ("Kerrow Labs", "subsidiaryOf", "Finmara Holding"), "fact"),
    # a role in apposition that an adverb says is over
    ("Kerrow Labs, formerly a unit of Finmara Holding, makes sensors in Turin.",
     ("Kerrow Labs", "subsidiaryOf", "Finmara Holding"), "past"),
    ("Kerrow Labs, previously a subsidiary of Finmara Holding, makes sensors.",
     ("Kerrow Labs", "subsidiaryOf", "Finmara Holding"), "past"),
    ("Kerrow Labs, a subsidiary of Finmara Holding, makes sensors.",
     ("Kerrow Labs", "subsidiaryOf", "Finmara Holding"), "fact"),
])
def test_modality_of_denials_no_longer_and_made_roles(nlp, text, triple, modality):
    doc = _rules_doc(nlp, text)
    got = _modalities(doc)
    assert got.get(triple) == modality, got


def test_coref_a_resolved_mention_stands_for_the_nearest_name_before_it(nlp):
    """Coreference picks the entity (here the subject two sentences up); the mention its provenance
    points to is that entity's nearest name before the description, which span-level gold annotates."""
    text = ('Kestrel, a Lyon-based cloud provider, won a contract on Monday. Kestrel is a subsidiary of Ardent '
            'Group. "We are ready," said Kestrel chief executive Claire Dumas. The company competes with '
            'Nimbo and Scalora for public-sector work in France.')
    doc = nlp(text)
    links = {m.text: a.start_char for m, a in doc._.coref_links}
    assert links.get("The company") == text.index("Kestrel chief"), links


@pytest.mark.parametrize("text, owner, triple", [
    # a takeover or purchase is a firm's, not the regulator's that rules on it ...
    ("The European Commission fined Quillo after its takeover of Brightline.", "Quillo",
     ("Quillo", "acquires", "Brightline")),
    ("The FTC sued Veltro to block its purchase of Lumio.", "Veltro", ("Veltro", "acquires", "Lumio")),
    # ... and still whoever's is named, where no firm is
    ("The Treasury said it had completed its takeover of Brightline.", "Treasury",
     ("Treasury", "acquires", "Brightline")),
])
def test_coref_the_owner_of_a_deal_is_a_firm_where_one_is_named(nlp, text, owner, triple):
    doc = _rules_doc(nlp, text)
    its = [it["name"] for it in doc._.kg_entity_data if it["via"] == "coref" and doc[it["start"]].lower_ == "its"]
    assert its == [owner], doc._.kg_entity_data
    assert triple in _triples(doc), _triples(doc)


@pytest.mark.parametrize("text, links, expected, absent", [
    # a name in front of a description says which one it is, where it is of the kind the noun names
    ("The Allied Mill Workers union has sued Lyndon Motors in federal court.",
     [("union", "Allied Mill Workers")], {("Allied Mill Workers", "sues", "Lyndon Motors")}, set()),
    # ... and where it is not (a product before a firm's noun), the noun is no firm named before it
    ("Grupo Sotavento, which runs the Sotavento.mx marketplace, competes with Liverpool.", [],
     {("Grupo Sotavento", "offers", "Sotavento.mx")}, set()),
    # (a role noun keeps its name in front as another's: the iPhone maker is not the iPhone)
    ("A court ruled against Apple, which barred the iPhone maker from blocking links.", [("maker", "Apple")],
     {("Apple", "develops", "iPhone")}, {("Apple", "restricts", "iPhone")}),
])
def test_coref_a_description_with_a_name_in_front(nlp, text, links, expected, absent):
    doc = _rules_doc(nlp, text)
    assert [(m.text, a.text) for m, a in doc._.coref_links] == links
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, owner, product", [
    # "its" before a product the text names is a firm's, not the body or country the sentence is about
    ("The Commerce Department has granted Halcyra Microsystems a licence to export 20,000 of its Cirrus X9 "
     "accelerators to Sahil Cloud.", "Halcyra Microsystems", "Cirrus X9"),
    ("Italy's data-protection authority banned Saffrane AI from processing the data of Italian users, forcing "
     "the Paris-based start-up to pull its Colette assistant from the country.", "Saffrane AI", "Colette"),
])
def test_coref_the_owner_of_a_named_product_is_a_firm(nlp, text, owner, product):
    found = _triples(_rules_doc(nlp, text))
    assert (owner, "develops", product) in found, found
    assert not any(p == "develops" and o == product and s != owner for s, p, o in found), found


@pytest.mark.parametrize("text, product", [
    # an owner's API is a product named after it ...
    ("OpenAI said it would restrict Chinese customers from using its API.", "OpenAI API"),
    # ... its smartphone app or its own app a description, not a name
    ("Tanua Credit lends to farmers through its smartphone app.", None),
    ("Keel is sold only through Brannock's own app.", None),
    # ... and a bare "its app" or "Kelvor's cloud" describes what the firm runs without naming it
    ("Nubio launched its app in Poland on Tuesday.", None),
    ("Zephra rents chips from Kelvor's cloud and from Arvio, a specialist.", None),
])
def test_coref_a_possessed_generic_product_only_when_bare(nlp, text, product):
    generic = [it["name"] for it in nlp(text)._.kg_entity_data if it["via"] == "generic"]
    assert generic == ([product] if product else []), generic


@pytest.mark.parametrize("text, owners", [
    # "its" on a noun joined to another that a name owns is that name's, not the clause subject's ...
    ("Seobin said it will supply cells for Tanegawa's Torrey hybrid and its first electric pickup.",
     ["Seobin", "Tanegawa"]),
    # ... but "its own" is the subject's
    ("Seobin supplies Kia's plant and its own factory in Ohio.", ["Seobin"]),
])
def test_coref_its_on_a_noun_joined_to_one_a_name_owns(nlp, text, owners):
    doc = _rules_doc(nlp, text)
    its = [it["name"] for it in doc._.kg_entity_data if it["via"] == "coref" and doc[it["start"]].lower_ in {"it", "its"}]
    assert its == owners, doc._.kg_entity_data


def test_coref_the_central_bank_is_a_government_body(nlp):
    # a description of two words ("central bank") names a body, where "bank" alone names a firm
    text = ("The National Bank of Cambodia has connected its Bakong payment system to Thailand's PromptPay network."
            "\n\nBakong, which the central bank developed with Japanese blockchain firm Soramitsu, has 9 million users.")
    doc = _rules_doc(nlp, text)
    assert ("National Bank of Cambodia", "partnersWith", "Soramitsu") in _triples(doc)
    assert {it["name"]: it["cls"] for it in doc._.kg_entity_data}["National Bank of Cambodia"] == "GovernmentBody"



def test_coref_the_bank_is_the_name_ending_in_bank(nlp):
    # "the bank" after "Tarvo Digital Bank": the name ending in the description's noun, not the subject
    # of the sentence before (a word of one kind of firm, unlike "the company")
    _assert_reads(nlp, "Tarvo Digital Bank has formed a partnership with online marketplace Pasar Hijau. Under the "
                       "agreement, Pasar Hijau will give the bank access to its sellers' data. The loans will be "
                       "offered through TarvoBiz, an app the bank developed with software firm Zeta.",
                  {("Tarvo Digital Bank", "develops", "TarvoBiz")}, {("Pasar Hijau", "develops", "TarvoBiz")})


def test_coref_her_in_a_clause_whose_subject_has_a_name_apposed(nlp):
    # "X's sister, NAME, said from her home": "her" is the name apposed to the clause's subject noun,
    # not the owner of that noun
    doc = _rules_doc(nlp, "Tom Garrow's niece, Edna Pollard, said from her home in Fairview that the family was relieved.")
    her = [it["name"] for it in doc._.kg_entity_data if it["via"] == "coref" and doc[it["start"]].lower_ == "her"]
    assert her == ["Edna Pollard"], doc._.kg_entity_data
    assert ("Edna Pollard", "livesIn", "Fairview") in _triples(doc)


def test_coref_a_description_the_parser_apposed_further_back_names_the_name_before_its_comma(nlp):
    # "X is up against Y and Z, the service run by W": "the service" is Z's (the parser apposed it to X)
    doc = _rules_doc(nlp, "Lumora is up against Netflix and Vidra, the service run by Castellan Media, in most of Spain.")
    assert ("Castellan Media", "offers", "Vidra") in _triples(doc), _triples(doc)
    assert ("Castellan Media", "offers", "Lumora") not in _triples(doc)


def test_coref_its_after_of_is_the_owner_of_the_noun_before(nlp):
    # "X's takeover of its rival": the possessive in the "of" phrase is the owner of the noun it hangs on,
    # not the clause's subject
    text = "South Africa's Competition Tribunal on Tuesday approved Karoo Cement's takeover of its rival Umbila Steel."
    links = {(m.root.lower_, a.text) for m, a in nlp(text)._.coref_links}
    assert ("its", "Karoo Cement") in links, links


def test_coref_a_market_of_a_kind_of_thing_is_no_country(nlp):
    # "the helicopter market" is a trade, not the country named before (lexicon [coref.trades])
    doc = _rules_doc(nlp, "Airbus builds planes in France. Leonardo competes with Bell in the helicopter market.")
    assert ("Leonardo", "operatesIn", "France") not in _triples(doc), _triples(doc)
    assert "the helicopter market" not in {doc[it["start"]:it["end"]].text for it in doc._.kg_entity_data}


@pytest.mark.parametrize("text, wrong", [
    ("Korsgaard Tiles exports floor tiles to Canada. Its main rival in the French market is Belvoir Ceramics.",
     ("Belvoir Ceramics", "operatesIn", "Canada")),
    ("Palmera Foods exports olive oil to Chile. It competes with Nordavia in the Iberian market.",
     ("Palmera Foods", "operatesIn", "Chile")),
])
def test_coref_a_market_named_by_its_own_place_is_no_country_before(nlp, text, wrong):
    # "the French market" names its own place, not the country named before it
    assert wrong not in _triples(_rules_doc(nlp, text)), _triples(_rules_doc(nlp, text))


def test_coref_a_description_owning_something_in_a_clause_on_a_firm_is_that_firm(nlp):
    # "worked at Revolut, where she led the company's expansion into India": the company is Revolut, not the
    # more salient firm the text is about
    doc = _rules_doc(nlp, "Harrow Bank hired Anika Sharma. She previously worked at Revolut, where she led the "
                          "company's expansion into India.")
    assert ("Revolut", "operatesIn", "India") in _triples(doc), _triples(doc)
    assert ("Harrow Bank", "operatesIn", "India") not in _triples(doc)
    # ... not in a clause the firm is the subject of: the company whose models it supplies is another
    text = ("Velo Motors said sales rose. The automaker previously relied on Kestrel Cells, which continues to "
            "supply cells for the company's older models.")
    links = {(m.text, a.text) for m, a in nlp(text)._.coref_links}
    assert ("the company", "Kestrel Cells") not in links, links


@pytest.mark.parametrize("text", [
    "The Velo S2 is assembled by Corvane Motors at its factory in Pune.",
    "Corvane Motors said the Velo S2 would be built at its plant in Pune.",
])
def test_coref_its_works_are_no_products(nlp, text):
    # "a scooter made by X at its plant in Y": a product has no plant; the plant is its maker's
    doc = _rules_doc(nlp, text)
    links = {(m.root.lower_, a.text) for m, a in nlp(text)._.coref_links}
    assert ("its", "Corvane Motors") in links, links
    assert ("Corvane Motors", "operatesIn", "Pune") in _triples(doc), _triples(doc)
    assert ("Velo S2", "operatesIn", "Pune") not in _triples(doc)


@pytest.mark.parametrize("text, mention, expected", [
    # a description the tokenizer split at a hyphen ("start-up") ...
    ("Lindqvist Verlag has sued Mirelo AI, accusing the Lyon-based start-up of copying its books.", "start-up",
     ("Mirelo AI", "basedIn", "Lyon")),
    # ... and one of two words, the first a noun ("trading house")
    ("Sakuma Corporation will take a stake in Pilbara Cobalt, making the Japanese trading house the largest "
     "shareholder.", "trading house", ("Sakuma", "basedIn", "Japan")),
])
def test_coref_descriptions_of_a_split_or_a_two_word_noun(nlp, text, mention, expected):
    doc = _rules_doc(nlp, text)
    assert mention in {doc[it["start"]:it["end"]].text for it in doc._.kg_entity_data if it["via"] == "coref"}
    assert expected in _triples(doc)


@pytest.mark.parametrize("text, expected", [
    # a possessive in an apposition to a name is not that name's: the rival is another's
    ("Knotly lost its product chief to Threadfin, its biggest rival, on Monday.", ("Threadfin", "competesWith", "Knotly")),
    ("Knotly said sales rose. Threadfin, its biggest rival, said on Monday it would cut prices.",
     ("Threadfin", "competesWith", "Knotly")),
])
def test_coref_a_possessive_in_an_apposition_is_not_the_names(nlp, text, expected):
    doc = _rules_doc(nlp, text)
    its = [it["name"] for it in doc._.kg_entity_data if it["via"] == "coref" and doc[it["start"]].lower_ == "its"]
    assert "Threadfin" not in its, doc._.kg_entity_data
    assert expected in _triples(doc)


def test_coref_the_nearest_name_is_the_mention_whatever_class_its_context_gave_it(nlp):
    """The entity is the company; the mention provenance points to is its nearest name, here one its own
    context typed a product ("the social app Knotwork"), which span-level gold annotates."""
    text = ("Knotwork raised $50 million in March. Ana Ruiz, who ran product at the social app Knotwork until "
            "May, has joined Threadfin, its biggest rival, as design chief.")
    doc = nlp(text)
    links = {m.text: a.start_char for m, a in doc._.coref_links}
    assert links.get("its") == text.index("Knotwork until"), links


@pytest.mark.parametrize("text, expected, absent", [
    # "it" in a clause on a place that "where" stands for is not that place
    ("A deal would give Orsund Bank 400,000 customers in Sweden, where it currently has just four branches.",
     ("it", "Orsund Bank"), ("it", "Sweden")),
    # a kind of place "of" a place's name is that place, not the last place of its kind named
    ("Japan asked Beijing for details. Kobayashi said it had no plans to leave China, where it assembles a "
     "third of its motors in the city of Suzhou.", ("the city", "Suzhou"), ("the city", "Beijing")),
    # nor the place that owns the noun "where" stands for
    ("The deal gives Tarvo a foothold in Peru's seed market, where it will compete with Ruvo Foods.",
     ("it", "Tarvo"), ("it", "Peru")),
    # (a firm that owns it may be "it": "where" stands for its own site)
    ("Last year Kelvo opened Kelvo's flagship store in Oslo, where it sells its own bikes.",
     ("it", "Kelvo"), ("it", "Oslo")),
])
def test_coref_where_and_a_kind_of_place_of_a_name(nlp, text, expected, absent):
    links = {(m.text, a.text) for m, a in nlp(text)._.coref_links}
    assert expected in links and absent not in links, links


def test_coref_its_in_a_relative_clause_is_the_noun_the_clause_is_on(nlp):
    """"which gives Tandem access to its Claude models": the possessive is the relative pronoun's, the
    noun the clause is on, not the sentence's subject."""
    text = "Ada runs on models from Anthropic, which gives Tandem access to its Claude models."
    assert ("its", "Anthropic") in {(m.text, a.text) for m, a in nlp(text)._.coref_links}
    assert ("Anthropic", "develops", "Claude") in _triples(_rules_doc(nlp, text))


@pytest.mark.parametrize("text, expected, absent", [
    # a commission that someone charges or takes is a payment, not the body a text names
    ("Kenya's National Transport Authority has ordered Bolt and Uber to cap the commission they take from drivers.",
     {("National Transport Authority", "restricts", "Bolt")}, {("Bolt", "restricts", "National Transport Authority")}),
    ("The Ministry of Trade capped the commission that Rappi may charge restaurants.",
     {("Ministry of Trade", "restricts", "Rappi")}, set()),
])
def test_coref_a_commission_charged_is_no_body(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_coref_a_commission_that_acts_is_still_the_body(nlp):
    doc = _rules_doc(nlp, "The European Commission fined Kestrel. The commission, which took a year, said the fine was fair.")
    assert any(it["via"] == "coref" and it["name"] == "European Commission" for it in doc._.kg_entity_data)


@pytest.mark.parametrize("text, mention", [
    # the mention a pronoun stands for is the nearest name of its entity, and a short form of a name no
    # gazetteer knows is one ("Terro" after "Terro Agri"), which span-level gold annotates
    ("Terro Agri, a Lima grain trader, said on Monday it would buy Ruvo Seeds. The deal gives Terro a "
     "foothold in Chile, where it will compete with Kesto Foods.", "Terro a foothold"),
    # (not the name less a place, a unit's parent: "Tarvo" is not "Tarvo Peru")
    ("Tarvo Peru, the local unit of a Danish group, said on Monday it would hire 300 drivers. The move gives "
     "Tarvo more staff in Lima, where it will compete with Kesto Foods.", "Tarvo Peru"),
])
def test_coref_a_pronoun_stands_for_the_short_form_of_a_name_since(nlp, text, mention):
    links = [a.start_char for m, a in nlp(text)._.coref_links if m.text == "it"]
    assert links[-1] == text.index(mention), links


@pytest.mark.parametrize("text, expected, absent", [
    # "its" on who a thing is bought from is the thing's: its owner sells it (the preposition hung on the
    # price, the object or the verb)
    ("Orvane Tools said it had agreed to buy Kessler Hebetechnik, a hoist maker based in Bremen, for 300 "
     "million euros from its private equity owner, Lindgate Partners.",
     {("Kessler Hebetechnik", "subsidiaryOf", "Lindgate Partners")},
     {("Orvane Tools", "subsidiaryOf", "Lindgate Partners")}),
    ("Marlow Foods bought the bakery chain Brisco from its founders' holding company in 2021, and sold "
     "Tandy Dairy last year.", set(), {("Marlow Foods", "subsidiaryOf", "Brisco")}),
])
def test_coref_its_on_who_sells_a_thing_bought_is_the_things(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_coref_a_description_is_not_the_full_name_of_its_clauses_subject(nlp):
    # "Lusaka pays the trader": the trader is not Lusaka Zinc, whose short form is the clause's subject
    text = ("Lusaka Zinc sells most of its concentrate through trading house Tembo Metals, and Lusaka pays the trader "
            "a 1.5% commission on every shipment.")
    _assert_reads(nlp, text, {("Lusaka", "paysCommissionTo", "Tembo Metals")}, set())


@pytest.mark.parametrize("text, expected, absent", [
    # what a suit's "saying" clause describes is the one sued, not the one suing (nor its short form)
    ("Halvard Pharma has filed a suit against Ruvani Biotech in the Madras High Court, saying the Indian "
     "company's copy of its inhaler infringes a patent.", {("Ruvani Biotech", "basedIn", "India")},
     {("Halvard Pharma", "basedIn", "India")}),
    ("Halvard takes Ruvani to court over inhaler\n\nHalvard Pharma has filed a suit against Ruvani Biotech, "
     "saying the Indian company's copy of its inhaler infringes a patent.", set(),
     {("Halvard", "basedIn", "India"), ("Halvard Pharma", "basedIn", "India")}),
    # (a control: the firm is no short form of its own software's name, and the description still finds it)
    ("Cargovia, a startup whose software lets shippers book trucks, has raised $40 million in a round led by "
     "Balder Ventures. Sumitra also invested. The round values Cargovia at $300 million.\n\nThe company's "
     "software, Cargovia Connect, is used by 2,000 shippers.",
     {("Cargovia", "develops", "Cargovia Connect")}, {("Sumitra", "develops", "Cargovia Connect")}),
])
def test_coref_a_description_in_what_a_suit_says_is_the_one_sued(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_coref_the_two_companies_are_the_pair_named_together(nlp):
    # "the two companies" are the two the text named together as a subject, not the last two names
    doc = _rules_doc(nlp, "Airbus and Tessar Aero will build a helicopter line in Karnataka. Airbus will supply the "
                          "engines, which are built by Safran. In 2022 the two companies agreed to make planes at a "
                          "plant in Vadodara.")
    assert ("Tessar Aero", "operatesIn", "Vadodara") in _triples(doc), _triples(doc)
    assert ("Safran", "operatesIn", "Vadodara") not in _triples(doc)


def test_coref_its_in_a_clause_without_a_subject_is_the_joined_clauses_subjects(nlp):
    # "was spun out of X and counts Y and Z among its investors": the second clause shares the first's
    # subject ("The company", Ferrin Labs), so "its" is not the nearer Castellan Capital
    text = ("Ferrin Labs is a biotechnology company based in Cambridge, Massachusetts, that develops treatments for "
            "rare liver diseases. Its lead drug, Hepavir, is in late-stage trials. The company was spun out of the "
            "University of Leeds in 2011 and counts Orwell Ventures and Castellan Capital among its investors.")
    _assert_reads(nlp, text, {("Orwell Ventures", "investsIn", "Ferrin Labs"),
                              ("Castellan Capital", "investsIn", "Ferrin Labs")},
                  {("Orwell Ventures", "investsIn", "Castellan Capital")})


@pytest.mark.parametrize("text, expected, absent", [
    # a noun no class lists ("station") stands for the one name the text called by it before
    ("Radio Kestrel is a commercial radio station in Cork. The station is owned by Anvil Broadcasting. Its morning "
     "show is hosted by Ciaran Doyle, who joined the station in 2010.",
     {("Radio Kestrel", "subsidiaryOf", "Anvil Broadcasting"), ("Ciaran Doyle", "worksFor", "Radio Kestrel")}, set()),
    ("Wave FM, a radio station in Cork, plays jazz. The station is owned by Anvil Broadcasting.",
     {("Wave FM", "subsidiaryOf", "Anvil Broadcasting")}, set()),
    # (not where the text called two names so)
    ("Radio Kestrel is a radio station in Cork. Wave FM is a radio station in Galway. The station is owned by "
     "Anvil Broadcasting.", set(),
     {("Radio Kestrel", "subsidiaryOf", "Anvil Broadcasting"), ("Wave FM", "subsidiaryOf", "Anvil Broadcasting")}),
    # (nor where a name before the noun says which it is)
    ("Brightline Motors unveiled its first electric pickup, the Ridgeback, on Monday. Castor Automotive sells the "
     "Ursa pickup for about $60,000.", {("Castor Automotive", "offers", "Ursa")},
     {("Castor Automotive", "offers", "Ridgeback")}),
])
def test_coref_the_noun_the_text_defined_a_name_by(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text", [
    # a possessive in a gerund after "for"/"from" on a verb with an object is the object's: what it did
    "The European Commission fined Veldpay 85 million euros for forcing merchants to use its own card terminals.",
    "The European Commission fined Veldpay for forcing merchants to use its own card terminals.",
    "The regulator barred Veldpay from moving its data to Singapore.",
])
def test_coref_its_in_what_the_one_fined_did_is_theirs(nlp, text):
    links = [(m.text, a.text) for m, a in nlp(text)._.coref_links]
    assert ("its", "Veldpay") in links, links


@pytest.mark.parametrize("text, pronoun, antecedent", [
    # (not what one is accused or sued for: the harm is often to the accuser's things)
    ("Veltro accused Orlan of copying its design.", "its", "Veltro"),
    ("Apple sued Samsung for infringing its patents.", "its", "Apple"),
    # whom one accuses is not the accuser
    ("The FTC sued Meridian Health, accusing it of raising prices.", "it", "Meridian Health"),
])
def test_coref_what_one_is_accused_of(nlp, text, pronoun, antecedent):
    links = [(m.text, a.text) for m, a in nlp(text)._.coref_links]
    assert (pronoun, antecedent) in links, links


@pytest.mark.parametrize("text, sub, parent", [
    # a description that is what a name "is" says what that name is, and stands for no one else: the
    # subsidiary is no other firm's named before
    ("In 2018 Brightwell was bought by Oranto Systems. Before the sale, the fund Lowmark Partners had owned 30 "
     "percent of Brightwell. Oranto is the parent of three other software firms, including Qellio.", "Qellio",
     "Oranto"),
    ("Halvard Foods sells cheese. Its owner is Nordmark, which is the parent of Brunsted Bakeries.",
     "Brunsted Bakeries", "Nordmark"),
])
def test_coref_a_description_a_name_is_stands_for_no_other(nlp, text, sub, parent):
    found = {o for s, p, o in _triples(_rules_doc(nlp, text)) if s == sub and p == "subsidiaryOf"}
    assert found == {parent}, found


def test_coref_what_a_participle_after_a_clause_makes_is_not_the_clause_subject(nlp):
    # "X acquired Y, making it a unit": the participle's subject is X, what it makes is another
    doc = _rules_doc(nlp, "Oranto Systems acquired Brightwell in 2018, making it a wholly owned subsidiary.")
    links = [(m.text, a.text) for m, a in doc._.coref_links]
    assert links == [("it", "Brightwell")], links


@pytest.mark.parametrize("text, owner", [
    # a possessive in a verb a subject's own verb controls is that subject's ("which" for the noun it is on)
    ("Castellan Entertainment has owned Pell Studios, which continues to make its own films, since May 2005.",
     "Pell Studios"),
    ("Orvane Media bought Kestrel Radio, which plans to expand its network in Ghana.", "Kestrel Radio"),
])
def test_coref_its_in_a_controlled_verb_is_the_controllers_subject(nlp, text, owner):
    doc = _rules_doc(nlp, text)
    its = [it["name"] for it in doc._.kg_entity_data if it["via"] == "coref" and doc[it["start"]].lower_ == "its"]
    assert its == [owner], doc._.kg_entity_data


@pytest.mark.parametrize("text", [
    # "The company partners/NNS with X": the tagger took the verb for a plural the description modifies
    "Lumora Health sells tests. The company partners with Meridian Care on diagnostics.",
    "Lumora Health is owned by its staff through a trust. The company partners with the hospital chain Meridian "
    "Care on diagnostics.",
])
def test_coref_a_description_before_a_verb_tagged_as_a_plural(nlp, text):
    _assert_reads(nlp, text, {("Lumora Health", "partnersWith", "Meridian Care")})


@pytest.mark.parametrize("text, expected", [
    # the parser took "competes" for a plural the description modifies, with words in front of it
    ("Andara Air posted a record profit. The Lima-based airline competes with Vuelo Sur.",
     ("Andara Air", "competesWith", "Vuelo Sur")),
    ("Norlys Kraft cut its prices. The Bergen-based utility competes with Fjordvind in Norway.",
     ("Norlys Kraft", "operatesIn", "Norway")),
])
def test_coref_a_description_with_words_in_front_hung_on_the_verb(nlp, text, expected):
    assert expected in _triples(_rules_doc(nlp, text)), _triples(_rules_doc(nlp, text))


@pytest.mark.parametrize("text, expected, absent", [
    # "the government of Peru" is that place's, no country named before it
    ("Acme Corp runs plants in Mexico. The firm sued the government of Peru.", ("Acme", "sues", "Peru"),
     ("Acme", "sues", "Mexico")),
    ("Tolteca Cement runs plants in Mexico. The firm sued the state government of Jalisco.", None,
     ("Tolteca Cement", "sues", "Mexico")),
])
def test_coref_a_government_of_a_place_is_that_places(nlp, text, expected, absent):
    triples = _triples(_rules_doc(nlp, text))
    assert expected is None or expected in triples, triples
    assert absent not in triples, triples


@pytest.mark.parametrize("text, expected, absent", [
    # a description a participle of naming gives a name is that name, not a firm named before it
    ("Orbel Foods and Kastri Dairy formed a joint venture to make cheese in Poland. The venture, called "
     "Orkas Dairy, will be based in Krakow.", {("Orkas Dairy", "basedIn", "Krakow")},
     {("Kastri Dairy", "basedIn", "Krakow")}),
    ("Velmar Steel and Tondo Metals set up a new firm. The company, named Veltond, will be based in Turin.",
     {("Veltond", "basedIn", "Turin")}, {("Tondo Metals", "basedIn", "Turin")}),
])
def test_coref_a_description_a_participle_names(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a country's noun with a country's demonym on it is that country, not a place named before it
    ("Orvik Mining digs copper near Lima and Cusco. The Peruvian government holds a 10 percent stake in the miner.",
     ("government", "Peru")),
    ("Kaspian Air flies to Baku and Tbilisi. It is majority-owned by the Azerbaijani state.", ("state", "Azerbaijan")),
])
def test_coref_a_countrys_noun_with_its_demonym(nlp, text, expected):
    doc = _rules_doc(nlp, text)
    links = [(m.text, a.text) for m, a in doc._.coref_links]
    linked = [(doc[it["start"]:it["end"]].text, it["name"]) for it in doc._.kg_entity_data if it["via"] == "coref"]
    assert expected in linked, (links, linked)


@pytest.mark.parametrize("text, antecedent, triple", [
    # the subject of a clause on a noun is not what the noun, or the name it is apposed to, stands for
    ("The regulator told Norda Payments Bank to suspend NordaWallet, the wallet service it runs.",
     "Norda Payments Bank", ("Norda Payments Bank", "offers", "NordaWallet")),
    # ... nor the name written before the noun
    ("Brisa Pay raised $20 million from Halden Ventures. The Brisa Wallet app it offers has 3 million users.",
     "Brisa Pay", ("Brisa Pay", "offers", "Brisa Wallet")),
])
def test_coref_the_subject_of_a_clause_on_a_noun_is_not_the_noun(nlp, text, antecedent, triple):
    doc = _rules_doc(nlp, text)
    it = [i["name"] for i in doc._.kg_entity_data if i["via"] == "coref" and doc[i["start"]].lower_ == "it"]
    assert it == [antecedent], doc._.kg_entity_data
    assert triple in _triples(doc)


@pytest.mark.parametrize("text, expected, absent", [
    # "the chain" is the firm the text called a chain before ...
    ("Tiendas Kora, the Monterrey convenience chain, said on Monday it would enter Guatemala. The chain, which runs "
     "4,100 stores in northern Mexico, sells its own coffee.", {("Tiendas Kora", "operatesIn", "Mexico")}, set()),
    ("The regulator has sued grocery chain Harlan Foods, saying it misled shoppers. The chain runs 410 stores in "
     "Victoria and Queensland.", {("Harlan Foods", "operatesIn", "Victoria")}, set()),
    # ... and no other firm where none was called so
    ("Velmo Foods said delays hit its supplier Orlan Packaging. The chain runs 900 stores in Peru.", set(),
     {("Velmo Foods", "operatesIn", "Peru"), ("Orlan Packaging", "operatesIn", "Peru")}),
])
def test_coref_the_chain_is_the_firm_called_a_chain(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a name inside what another firm says is news about the one who says: "the company" is the one who says
    ("Vantor said on Monday that Orlan Bank had become a customer of its fraud software. The company, which has "
     "engineers in Haifa, also sells to insurers in Poland.",
     {("Vantor", "operatesIn", "Haifa")}, {("Orlan Bank", "operatesIn", "Haifa")}),
    ("Kelvor Motors said Tamsin Logistics would buy 200 of its electric vans. The carmaker also runs a plant in "
     "Halden.", {("Kelvor Motors", "operatesIn", "Halden")}, {("Tamsin Logistics", "operatesIn", "Halden")}),
    # ... but not where a description or a person says it: that is the firm itself, or the speaker's
    ("Brisa Foods will open 40 stores in Peru next year, the company said on Tuesday. The company also runs a "
     "bakery in Lima.", {("Brisa Foods", "operatesIn", "Lima")}, set()),
])
def test_coref_a_name_inside_what_another_firm_reports_is_less_salient(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, antecedent", [
    # where a person the text speaks of works or worked (apposed, or in a clause on the name) is that
    # person's story, not the firm "the company" stands for
    ("Helvik Bio wins approval for lung drug\n\nOSLO — Helvik Bio has won approval for its lung drug Respira in "
     "Norway. The drug will reach pharmacies in May. Doctors welcomed the decision. Chief executive Mira Dahl, a "
     "former researcher at Weston University, founded the company in 2019.", "Helvik Bio"),
    ("Brenna Robotics raises $40 million\n\nOSLO — Brenna Robotics has raised $40 million from investors. The "
     "round values the startup at $300 million. Founder Mira Dahl, who spent a decade as an engineer at Kelvor "
     "Motors, said the company would open an office in Bergen.", "Brenna Robotics"),
])
def test_coref_where_a_person_worked_is_not_the_company(nlp, text, antecedent):
    links = {(m.root.lower_, a.text) for m, a in nlp(text)._.coref_links}
    assert ("company", antecedent) in links, links


@pytest.mark.parametrize("text, expected, absent", [
    # a noun for firms ("the software group") is no public body named since
    ("Norway fines Vela Soft over data leak\n\nOSLO — Norway's Data Protection Authority fined Vela Soft 20 million "
     "crowns on Monday. The authority said the leak affected 40,000 people. The Oslo-based software group said it "
     "would appeal and that it has offices in Bergen.",
     {("Vela Soft", "basedIn", "Oslo")}, {("Data Protection Authority", "basedIn", "Oslo")}),
])
def test_coref_a_noun_for_firms_is_no_public_body(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, mention, antecedent", [
    # a description of a trade picks the firm whose name says that trade, before a more salient one of another
    ("Kelvor invests in Tamsin Robotics\n\nOSLO — Tamsin Robotics said on Monday that Kelvor Motors had invested $20 "
     "million in the startup. The carmaker will also work with Tamsin to automate assembly lines at its plants in "
     "Halden.", "carmaker", "Kelvor"),
    ("Orlan Bank hires Vantor\n\nOSLO — Vantor said Orlan Bank had picked its fraud software. The lender will use "
     "Vantor's tools to screen payments at its branches in Bergen.", "lender", "Orlan"),
    # (or whose full name does, of which the text uses a short form)
    ("Halden's Sayap Air signs codeshare with Kelvor Airlines\n\nHALDEN — Sayap Air, the second-largest budget "
     "carrier in Halden, has signed a codeshare with Kelvor Airlines. Passengers of Kelvor Airlines will be able to "
     "book Sayap flights on one ticket. Sayap also ordered 20 jets. The airline competes with Vela Air in Bergen.",
     "airline", "Sayap"),
])
def test_coref_a_description_of_a_trade_picks_the_firm_named_for_it(nlp, text, mention, antecedent):
    links = {(m.root.lower_, a.text.split()[0]) for m, a in nlp(text)._.coref_links}
    assert (mention, antecedent) in links, links


def test_coref_a_nation_on_a_description_outweighs_a_trade_in_a_name(nlp):
    text = ("Novartis has paid Corvalo Therapeutics $150 million for rights to a drug, the Boston biotech said on "
            "Monday.\n\nThe Swiss drugmaker, which is based in Basel, said the drug would complement its own.")
    _assert_reads(nlp, text, {("Novartis", "basedIn", "Basel")}, {("Corvalo Therapeutics", "basedIn", "Basel")})


@pytest.mark.parametrize("text, expected", [
    # a product the text called by the description's noun written right before its name ("ride-hailing app
    # Kinto") is what "the app" stands for
    ("Ride-hailing app Kinto launched in Vietnam on Monday. The app is run by Kinto Technologies.",
     ("Kinto Technologies", "offers", "Kinto")),
    ("Kelvor sells the pain drug Zelvia in France. The drug is sold by Orlan Pharma in Spain.",
     ("Orlan Pharma", "offers", "Zelvia")),
])
def test_coref_a_product_description_written_before_the_name(nlp, text, expected):
    _assert_reads(nlp, text, {expected})


@pytest.mark.parametrize("text, expected, absent", [
    # who runs, sells or makes a named product, as the subject of a clause on it, is a firm (not the body the
    # sentence is about)
    ("The Halden Monetary Authority ordered Tessa Payments Bank to halt top-ups to TessaWallet, the wallet "
     "service it runs, citing lapses.", ("Tessa Payments Bank", "offers", "TessaWallet"),
     ("Halden Monetary Authority", "offers", "TessaWallet")),
    ("The Halden Commission fined Orlan Systems on Monday, finding that the group charged more on rival clouds "
     "than on Orlan Cloud, the public cloud it operates.", ("Orlan Systems", "offers", "Orlan Cloud"),
     ("Halden Commission", "offers", "Orlan Cloud")),
])
def test_coref_who_runs_a_named_product_is_a_firm(nlp, text, expected, absent):
    _assert_reads(nlp, text, {expected}, {absent})


@pytest.mark.parametrize("text, expected, absent", [
    # a product called again by the kind written after its name, plural too ("the pumps", "the lenses'")
    ("Regulators recalled 80,000 GlucoMax insulin pumps. Orlan Medical, which makes the pumps at a plant in "
     "Halden, said it would comply.", ("Orlan Medical", "develops", "GlucoMax"), None),
    ("Customs seized 400,000 fake Lumivex contact lenses, in a case that Orlan Vision, the lenses' maker, says "
     "led to infections.", ("Orlan Vision", "develops", "Lumivex"), None),
    # (the kind the parser apposed to the name, tagged as a proper noun)
    ("Halden shops began selling its first product, the Vexa Pulse wireless earbuds, on Monday. The earbuds are "
     "designed and made by Kelvor Acoustics, a contract maker in Varnby.", ("Kelvor Acoustics", "develops", "Vexa Pulse"),
     None),
    # not where two named products share the kind
    ("Halden shops stock Vexa insulin pumps and Trindle insulin pumps. Orlan Medical, which makes the pumps at a "
     "plant in Varnby, said it would comply.", None, ("Orlan Medical", "develops", "Vexa")),
])
def test_coref_a_product_called_again_by_its_kind(nlp, text, expected, absent):
    _assert_reads(nlp, text, {expected} - {None}, {absent} - {None})


@pytest.mark.parametrize("text, expected", [
    # a description with an apposed description (no name) stands for the one named before, as without it
    ("Velora Pay cut its fees on Monday. The Halden-based firm, a subsidiary of Kelvor Bank, also pays agents.",
     ("Velora Pay", "subsidiaryOf", "Kelvor Bank")),
    ("Brisk Games posted a loss. The company, a unit of Orlan Media, will cut jobs.",
     ("Brisk Games", "subsidiaryOf", "Orlan Media")),
])
def test_coref_a_description_with_an_apposed_description_is_the_name_before(nlp, text, expected):
    _assert_reads(nlp, text, {expected})


@pytest.mark.parametrize("text, absent", [
    # a plain object pronoun is not its clause's subject ("itself" would be): not the noun "which" stands for ...
    ("Kelvor Motors was put up for sale in March. Orlan Bank, which now owns it, said the deal closed in May.",
     ("it", "Orlan Bank")),
    ("Kelvor Motors is a profitable carmaker. Orlan Bank and Halden Capital, which together received dividends "
     "from it last year, said they were happy.", ("it", "Orlan Bank")),
    # ... nor the subject of a verb whose preposition it follows, nor of the verb an infinitive hangs on
    ("Kelvor Motors makes vans. Orlan Bank received dividends from it last year.", ("it", "Orlan Bank")),
    ("Kelvor Motors makes vans. Orlan Bank has invested in it since 2019.", ("it", "Orlan Bank")),
    ("Kelvor Motors makes vans. Orlan Bank agreed to buy it in May.", ("it", "Orlan Bank")),
    ("Kelvor Motors makes vans. After buying it in May, Orlan Bank closed two plants.", ("it", "Orlan Bank")),
])
def test_coref_an_object_pronoun_is_not_its_clauses_subject(nlp, text, absent):
    links = {(m.text, a.text) for m, a in nlp(text)._.coref_links}
    assert absent not in links and ("it", "Kelvor Motors") in links, links


def test_coref_a_possessive_may_be_its_clauses_subject(nlp):
    # (not a possessive: "Orlan Bank sold its unit" is Orlan Bank's unit)
    links = {(m.text, a.text) for m, a in nlp("Kelvor Motors makes vans. Orlan Bank sold its unit in May.")._.coref_links}
    assert ("its", "Orlan Bank") in links, links


@pytest.mark.parametrize("text, mention, antecedent, absent", [
    # an institution's noun stands for the nearest organisation named before it whose name holds the noun ...
    ("Kelvor Labs was spun out of the University of Halden in 2019. The Kelvor Foundation funds it. Mara Quill, "
     "a law professor at the university, chairs its board.", "university", "University of Halden",
     "Kelvor Foundation"),
    ("The Halden City Council banned scooters run by Zumo Mobility. Zumo Mobility said it would sue the council.",
     "council", "Halden City Council", "Zumo Mobility"),
    # ... a newspaper by a word of its name ...
    ("Orlan Media signed a licence deal with the Varnby Times. Orlan Media said the paper would get 2 million "
     "euros.", "paper", "Varnby Times", "Orlan Media"),
])
def test_coref_an_institution_by_the_noun_its_name_holds(nlp, text, mention, antecedent, absent):
    links = {(m.root.lower_, a.text) for m, a in nlp(text)._.coref_links}
    assert (mention, antecedent) in links and (mention, absent) not in links, links


@pytest.mark.parametrize("text, mention", [
    # ... and nothing where no name holds it (not the foundation, a research paper is not the carmaker's)
    ("The Kelvor Foundation gave Halden 3 million euros. Mara Quill, a law professor at the university, said "
     "it was welcome.", "university"),
    ("Orlan Motors hired Tessa Marsh in May. The paper she wrote with Ana Ribe was cited by Orlan Motors.", "paper"),
    ("The European Commission fined Trovik 20 million euros. Trovik said it would ask the court to cancel the "
     "fine.", "court"),
])
def test_coref_an_institution_no_name_holds_stands_for_nothing(nlp, text, mention):
    links = {(m.root.lower_, a.text) for m, a in nlp(text)._.coref_links}
    assert not any(m == mention for m, _ in links), links


@pytest.mark.parametrize("text, mention, antecedent", [
    # a country on a description rules out a firm the text itself places in another country, by a demonym or a
    # country's name written before its name or opening its apposition, even one the text called by the noun
    ("Polish drone maker Wrona Systems has formed an alliance with Kessan Aerospace. Under the agreement, the "
     "South Korean group will buy 15 percent of Wrona.", "group", "Kessan Aerospace"),
    ("Velmar Line and Tessaro Shipping will share ships. The deal is the first for Tessaro, a Singapore-based "
     "carrier. Ana Ruiz, the Danish carrier's sales chief, said prices would not change.", "carrier", "Velmar Line"),
    ("Irish lessor Corrib Aviation has sued Saigon Sky Airlines in London. The Vietnamese carrier said it was "
     "negotiating.", "carrier", "Saigon Sky Airlines"),
])
def test_coref_a_country_on_a_description_rules_out_firms_the_text_places_elsewhere(nlp, text, mention, antecedent):
    links = {(m.root.lower_, a.text) for m, a in nlp(text)._.coref_links}
    assert any(m == mention and a.startswith(antecedent.split()[0]) for m, a in links), links


@pytest.mark.parametrize("text, mention, antecedent", [
    # a city or region on a description rules out a firm the text places in another city, before or
    # after its name, and a place inside the description is no candidate of its own
    ("Kelvor Media, based in Lyon, agreed to buy Tarn Foods. Kelvor will pay 40 euros a share for the Nantes company.",
     "company", "Tarn Foods"),
    ("Oslo grocer Fjellmat bought a stake in Brask. The Bergen-based company said it would keep its brand.",
     "company", "Brask"),
    ("Halden Systems won the contract. The Roubaix-based company said it would hire 50 people.",
     "company", "Halden Systems"),
])
def test_coref_a_place_on_a_description_rules_out_firms_the_text_places_elsewhere(nlp, text, mention, antecedent):
    links = {(m.root.lower_, a.text) for m, a in nlp(text)._.coref_links}
    assert any(m == mention and a.startswith(antecedent.split()[0]) for m, a in links), links


@pytest.mark.parametrize("text, expected, absent", [
    # a description set off by commas right after a name is that name's apposition, whatever the parser made
    # of it (not the subject of a reporting clause after the name: "X bought Y, the company said" is X)
    ("Lorvane AI has raised 85 million euros in a round led by Eurazeo, the company said on Tuesday. Corvia, the "
     "French state investment bank, and London fund Brell Capital also took part.", {("Corvia", "basedIn", "France")},
     {("Lorvane AI", "basedIn", "France")}),
])
def test_coref_a_description_after_a_name_and_a_comma_is_its_apposition(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_coref_a_pronoun_goes_on_with_the_description_that_was_the_subject_before_it(nlp):
    # "The airline flies ... It also pays Sabre": "It" is the airline (Corvair), the subject of the sentence
    # before, not the last firm a sentence had for its subject
    text = ("Budget airline Corvair to cut fees paid to travel sites\n\n"
            "Corvair pays Tripnest, a Berlin-based booking site, a fee on every ticket, and a smaller one to "
            "Flyhub. Tripnest declined to comment. Flyhub declined to comment.\n\n"
            "The airline flies from Cork to 40 airports in Europe. It also pays Navitra, a reservations "
            "group, a fee per booking.")
    _assert_reads(nlp, text, {("Corvair", "pays", "Navitra")}, {("Flyhub", "pays", "Navitra")})


@pytest.mark.parametrize("text, triple", [
    # a description in a relative clause on a name ("X, which has partnered with the company") is not that name
    ("Tessa Labs makes sensors for farms. Orlan Group, which has partnered with the company since 2021, will buy "
     "a stake.", ("Orlan Group", "partnersWith", "Tessa Labs")),
    ("Dravo Systems has hired 40 engineers. Brask Capital, which invested in the firm last year, said it would "
     "back the plan.", ("Brask Capital", "investsIn", "Dravo Systems")),
])
def test_coref_a_description_in_a_relative_clause_is_not_the_name_the_clause_is_on(nlp, text, triple):
    _assert_reads(nlp, text, {triple})


@pytest.mark.parametrize("text, antecedent", [
    # the subject of a clause on the object of a verb ("banned 14 apps it linked to") is that verb's subject,
    # not a firm a headline or a sentence before named
    ("Kelvor Motors builds trucks in Lyon.\n\nThe Ministry of Trade of Norvalia has banned 14 apps it linked to "
     "unlicensed lenders.", "Ministry of Trade of Norvalia"),
    ("Orlan Pay expands in Peru\n\nPeru's Banking Authority fined three lenders it said had broken the rules.",
     "Banking Authority"),
])
def test_coref_it_in_a_clause_on_a_verbs_object_is_that_verbs_subject(nlp, text, antecedent):
    links = {(m.text, a.text) for m, a in nlp(text)._.coref_links}
    assert ("it", antecedent) in links, links


def test_coref_a_description_takes_the_fuller_name_written_since_a_headlines_short_form(nlp):
    # the headline's "Hanbit", then "Hanbit Aerospace" in the story: "the South Korean group" is the latter
    text = ("Orzel Systems and Hanbit join forces on drones\n\nPolish drone maker Orzel Systems has formed an alliance "
            "with Hanbit Aerospace to make drones, the companies said.\n\nUnder the agreement, the South Korean "
            "group will also buy 15 percent of Orzel Systems.")
    _assert_reads(nlp, text, {("Hanbit Aerospace", "investsIn", "Orzel Systems")},
                  {("Hanbit", "investsIn", "Orzel Systems")})


@pytest.mark.parametrize("text, expected, absent", [
    # a sentence that opens with "It" goes on with the subject of the sentence before, not with the firm a
    # headline and the story named more often, nor with the last firm named
    ("Halvern Foods drops Danish dairy supplier Brokel Dairy\n\nCOPENHAGEN — Danish retailer Halvern Foods has "
     "stopped buying cheese from Brokel Dairy, a cooperative based in Odense.\n\nBrokel has since sued Halvern "
     "Foods in a Copenhagen court. It still supplies Norsk Mat and Swedish chain Hemlo.",
     {("Brokel", "suppliesTo", "Norsk Mat")}, {("Halvern Foods", "suppliesTo", "Norsk Mat")}),
    # (by the name apposed to that subject: "The joint venture, Velka Cells,")
    ("Tessor Motors and Kilna Power to build battery plant\n\nWARSAW — Tessor Motors and Kilna Power will build "
     "a battery plant in Poland, the companies said.\n\nThe joint venture, Velka Cells, will be owned equally by "
     "Tessor Motors and Kilna Power. It will supply batteries to Orvik Trucks.",
     {("Velka Cells", "suppliesTo", "Orvik Trucks")}, {("Kilna Power", "suppliesTo", "Orvik Trucks")}),
])
def test_coref_an_opening_it_goes_on_with_the_subject_of_the_sentence_before(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a story's protagonist counts its mentions under every form of its name ("Dravona Metals" in the headline,
    # "Dravona" since): "the company" is it, not the firm named last
    ("Peru grants copper rights to Dravona Metals\n\nLIMA — Peru has granted Dravona Metals rights to mine copper "
     "in the Andes.\n\nDravona has already lined up a buyer. Kelvor Trading will take 70% of the output, and Orlan "
     "Steel is in talks to buy the rest.\n\n\"We needed this,\" Ana Ribe, the company's chief executive, said in "
     "Lima.", {("Ana Ribe", "worksFor", "Dravona")}, {("Ana Ribe", "worksFor", "Orlan Steel")}),
    ("Halden lets Velora Drive run robotaxis\n\nHALDEN — The city of Halden has given Velora Drive, a Lyon-based "
     "driving company, access to its roads, the regulator said.\n\nVelora's taxi service will be offered through "
     "the Brisa app, and Brisa will pay Velora a share of each fare.\n\nThe company also runs test fleets in Lyon "
     "and Tokyo.", {("Velora", "operatesIn", "Tokyo")}, {("Brisa", "operatesIn", "Tokyo")}),
])
def test_coref_the_protagonist_counts_its_mentions_under_any_form_of_its_name(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # the possessive on the title of who speaks ("said its chief executive, X", "said X, the group's
    # president") is the firm that spoke in the sentence before, not the story's most salient one
    ("Kelvor Gas signs deal with Brisa Power\n\nBAKU — Kelvor Gas has agreed to supply Brisa Power with gas from "
     "2027.\n\nBrisa Power also buys gas from Norvane LNG, which runs a terminal in Greece.\n\nNorvane LNG, which "
     "competes with Kelvor for customers, said it was not worried. \"Our price is good,\" said its chief "
     "executive, Ana Ribe.", {("Ana Ribe", "worksFor", "Norvane LNG")}, {("Ana Ribe", "worksFor", "Brisa Power")}),
    # (a name of two joined by "&" is one who spoke)
    ("Publishers sue start-up Tessor over articles\n\nNEW YORK — Five publishers led by Halden & Wick sued Tessor "
     "AI on Tuesday, accusing the start-up of copying articles.\n\nTessor, a Boston company, said it had used only "
     "public text.\n\nHalden & Wick said it had offered Tessor a licence. \"We asked nicely,\" said Mira Dahl, the "
     "group's president.", {("Mira Dahl", "worksFor", "Halden & Wick")}, {("Mira Dahl", "worksFor", "Tessor")}),
])
def test_coref_the_firm_of_a_speakers_title_is_the_one_that_spoke_before(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # "the ministry", "the central bank": the body whose name is that noun "of" something ("the Ministry of
    # Mines and Energy"), not a body of another kind named since
    ("Norvalia to ban copper ore exports\n\nHALDEN — Norvalia will ban exports of copper ore from 2027 to push "
     "miners to refine the metal at home, the Ministry of Mines and Energy said on Tuesday.\n\nBrisa Metals, which "
     "owns a stake in Kelvor Copper, said it would build a smelter before the deadline.\n\nKelvor Copper paid the "
     "Norvalia Revenue Authority $18 million in royalties last year, according to its filings.\n\nOrlan Mining, a "
     "smaller miner, said the ban could force it to close its pit.\n\nThe ministry gave Kelvor Copper and Orlan "
     "Metals access to a dollar scheme.", {("Ministry of Mines and Energy", "providesAccessTo", "Orlan Metals")},
     {("Norvalia Revenue Authority", "providesAccessTo", "Orlan Metals")}),
    ("Velmont orders Brisa Pay to open agents to rival wallets\n\nTESSA — The Central Bank of Velmont has ordered "
     "Brisa Pay to open its agents to rival wallets.\n\nUnder the order, Kelvor Mobile would pay Brisa Pay a fee on "
     "each deposit.\n\nBrisa Pay, in which Orlan Group holds a stake, paid the Velmont Revenue Authority 26 million "
     "in duty last year.\n\nChief executive Ana Ribe said the company would comply.\n\nThe central bank also banned "
     "Tessor Loans, a digital lender.", {("Central Bank of Velmont", "bans", "Tessor Loans")},
     {("Velmont Revenue Authority", "bans", "Tessor Loans")}),
])
def test_coref_the_ministry_is_the_body_named_ministry_of_something(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_coref_a_description_is_the_name_the_text_wrote_before_it(nlp):
    # "The Orlan Workers union ... a lawyer for the union": the name the text called by the noun right after
    # it, not the firm the story names more often
    text = ("Halden union takes parcel firm Kelvor Post to court\n\nHALDEN — The Orlan Workers union has filed a "
            "class action against Kelvor Post, accusing the parcel company of treating couriers as self-employed."
            "\n\nKelvor Post, which belongs to Brisa Logistics, said it complied with the law.\n\nThe lawsuit lands "
            "weeks after the company took over Tessa Couriers, a courier with 600 vans.\n\n\"These riders wear the "
            "company's jacket,\" said Ana Ribe, a lawyer for the union.")
    _assert_reads(nlp, text, {("Ana Ribe", "worksFor", "Orlan Workers")}, {("Ana Ribe", "worksFor", "Kelvor Post")})


@pytest.mark.parametrize("text, expected, absent", [
    # an "Its" that opens a sentence on its subject is the subject's before, not the headline's firm
    ("Regulator fines Orvane Bank over loans. The Finance Authority fined Orvane Bank on Monday, and Orvane Bank "
     "said it would appeal. Kestrel Foods, a client, has 14 million customers. Its chief executive, Mira Dahl, "
     "said the fine was fair.", ("Mira Dahl", "worksFor", "Kestrel Foods"), ("Mira Dahl", "worksFor", "Orvane Bank")),
    ("Orvane Bank fined over loans. The Finance Authority fined Orvane Bank on Monday, and Orvane Bank said it "
     "would appeal. Kestrel Foods makes biscuits in Lyon. Its main brand, Crumbly, sells in 12 countries.",
     ("Kestrel Foods", "develops", "Crumbly"), ("Orvane Bank", "develops", "Crumbly")),
    ("Orvane Bank fined over loans. The Finance Authority fined Orvane Bank on Monday, and Orvane Bank said it "
     "would appeal. Kestrel Foods said it would comply. Its overseas unit, Kestrel Iberia, is based in Madrid.",
     ("Kestrel Iberia", "subsidiaryOf", "Kestrel Foods"), ("Kestrel Iberia", "subsidiaryOf", "Orvane Bank")),
])
def test_coref_its_opening_a_sentence_on_its_subject_is_the_subject_before(nlp, text, expected, absent):
    _assert_reads(nlp, text, {expected}, {absent})


@pytest.mark.parametrize("text, expected, absent", [
    # a possessive in what one accuses another of is the accused's ...
    ("Orvane Games sued Kestrel Studios last year, accusing it of copying code into its game Skyreach.",
     ("Kestrel Studios", "develops", "Skyreach"), ("Orvane Games", "develops", "Skyreach")),
    ("Orvane Solar has sued Halden Grid in a state court, alleging that the grid company slowed the work to protect "
     "a plant owned by its parent, Tarvo Holdings.", ("Halden Grid", "subsidiaryOf", "Tarvo"),
     ("Orvane Solar", "subsidiaryOf", "Tarvo")),
    # ... but what the accused is said to have copied is the accuser's
    ("Brisk News has sued Kestrel AI in a Paris court, alleging the startup copied 400,000 of its articles to train "
     "its Quillo chatbot.", ("Kestrel AI", "develops", "Quillo"), ("Brisk News", "develops", "Quillo")),
])
def test_coref_its_in_what_one_accuses_another_of_is_the_accuseds(nlp, text, expected, absent):
    _assert_reads(nlp, text, {expected}, {absent})


@pytest.mark.parametrize("text, expected, absent", [
    # "it", the subject of what a participle of accusing says, is the accused, not the accuser ...
    ("Brenna Foods has sued Kelvor Motors in a Lyon court, claiming it had sold faulty engines to Orlan Bank.",
     ("Kelvor Motors", "suppliesTo", "Orlan Bank"), ("Brenna Foods", "suppliesTo", "Orlan Bank")),
    # ... the one a lawsuit is "against" ...
    ("The Velm Commission has filed a lawsuit against Kelvor Pay, alleging that it had paid Orlan Bank a secret "
     "commission.", ("Kelvor Pay", "paysCommissionTo", "Orlan Bank"),
     ("Velm Commission", "paysCommissionTo", "Orlan Bank")),
    # ... and what a suit "says" is what it accuses the sued of
    ("Halden Grid sued Tarvo Energy last year, saying it had bought Brisa Power without approval.",
     ("Tarvo Energy", "acquires", "Brisa Power"), ("Halden Grid", "acquires", "Brisa Power")),
])
def test_coref_it_in_what_one_alleges_of_another_is_the_accused(nlp, text, expected, absent):
    _assert_reads(nlp, text, {expected}, {absent})


def test_coref_it_in_what_the_suer_argues_is_the_suer(nlp):
    doc = _rules_doc(nlp, "Halden Grid sued Tarvo Energy last year, arguing that it had been shut out of the auction.")
    assert [(m.text, a.text) for m, a in doc._.coref_links] == [("it", "Halden Grid")], doc._.coref_links


def test_coref_a_country_on_a_named_body_is_not_it(nlp):
    # "Norway's Ministry of Trade ... has granted it access": the ministry acts, not the country it is of
    _assert_reads(nlp, "Norway's Ministry of Trade will pay Kelvor Gas a grant of 20 million crowns and has granted "
                       "it access to the Bergen pipeline.",
                  {("Ministry of Trade", "providesAccessTo", "Kelvor Gas")},
                  {("Ministry of Trade", "providesAccessTo", "Norway")})


@pytest.mark.parametrize("text, expected, absent", [
    # "the group's display arm, X": the group is the firm X is named after (the one the text called a group),
    # not another unit of it ...
    ("Halvard Electronics, Norway's largest electronics group, said its chip unit, Halvard Chips, sold more memory "
     "to Orlan Bank. Halvard Chips now supplies Kelvor Motors. The group's display arm, Halvard Display, swung to "
     "a profit.", ("Halvard Display", "subsidiaryOf", "Halvard Electronics"),
     ("Halvard Display", "subsidiaryOf", "Halvard Chips")),
    # ... nor the firm the story is about, even where the unit is the subject
    ("Brenna Group has bought a stake in Kelvor Games, a Lyon-based studio, the companies said. Kelvor Games makes "
     "Orlan Strike, a game. Brenna Interactive, the group's gaming unit, will not run the studio, Kelvor said.",
     ("Brenna Interactive", "subsidiaryOf", "Brenna Group"), ("Brenna Interactive", "subsidiaryOf", "Kelvor Games")),
])
def test_coref_the_owner_of_a_named_unit_is_the_firm_it_is_named_after(nlp, text, expected, absent):
    _assert_reads(nlp, text, {expected}, {absent})


def test_coref_the_description_a_person_speaks_of_is_the_firm_their_title_names(nlp):
    # "Orlan Sparbank chief executive Mira Dahl said the bank was not for sale": the sayer's firm, not the bank
    # named last
    doc = _rules_doc(nlp, "Halden Bank is weighing a bid for Orlan Sparbank. A deal would make Halden a closer rival "
                          "to Kelvor Bank. Orlan Sparbank chief executive Mira Dahl said the bank was not for sale.")
    links = [(m.text, a.text) for m, a in doc._.coref_links]
    assert ("the bank", "Orlan Sparbank") in links, links


@pytest.mark.parametrize("text, antecedent", [
    # a possessive that says where or to whom a passive's agent acts is the agent's ...
    ("Kelvor, whose Kelvo Now app is also offered by insurer Orlan Health to its members, counts Halden among its "
     "investors.", "Orlan Health"),
    # ... not why a firm the passive is about was acted on
    ("Kelvor Labs was bought by Orlan Bank for its technology.", "Kelvor Labs"),
])
def test_coref_its_after_a_passives_agent(nlp, text, antecedent):
    doc = _rules_doc(nlp, text)
    first = next((a.text for m, a in doc._.coref_links if m.text == "its"), None)
    assert first == antecedent, doc._.coref_links


def test_coref_its_on_what_the_accused_copied_is_the_accusers(nlp):
    doc = _rules_doc(nlp, "Brisk News has sued Kestrel AI in a Paris court, alleging the startup copied 400,000 of "
                          "its articles to train its Quillo chatbot.")
    its = [it["name"] for it in doc._.kg_entity_data if it["via"] == "coref" and doc[it["start"]].lower_ == "its"]
    assert its == ["Brisk News", "Kestrel AI"], doc._.kg_entity_data


@pytest.mark.parametrize("text, expected, absent", [
    # a country the sentence names only as the owner of a public body is not what a later "its" there stands
    # for, however often the story named it before: the firm the sentence is about
    ("Peru tightens mining rules\n\nLIMA — Peru will require new permits for copper mines, Peru's mining "
     "ministry said. Tarvona Mining, the Peruvian unit of Halden Resources, has filed a lawsuit against Peru's "
     "environmental regulator over an order to halt work at its Cerro Alto copper mine.",
     {("Tarvona Mining", "operatesIn", "Cerro Alto")}, {("Peru", "operatesIn", "Cerro Alto")}),
    ("Brazil clears generic drugs\n\nSAO PAULO — Brazil approved 40 generic drugs last year. Kelvor Pharma said "
     "on Monday that Brazil's health regulator had cleared Velorin XR, its extended-release version of metformin.",
     {("Kelvor Pharma", "develops", "Velorin XR")}, {("Brazil", "develops", "Velorin XR")}),
])
def test_coref_a_country_named_only_as_its_bodys_owner_is_no_its(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a description that is a verb's subject is not the name that is the same verb's object ("the supermarket will
    # pay Quickcart": the supermarket is not Quickcart)
    ("Tessby Foods will supply groceries to Quickcart. Quickcart will pay Tessby Foods the shelf price for each "
     "item, and the supermarket will in turn pay Quickcart a share of revenue on each basket.",
     {("Tessby Foods", "paysCommissionTo", "Quickcart")}),
    ("Orvane Mart will stock its shelves with goods from Kelvor. Kelvor will pay Orvane Mart a fixed fee, and the "
     "retailer will pay Kelvor 5% of each sale.", {("Orvane Mart", "paysCommissionTo", "Kelvor")}),
])
def test_coref_a_described_subject_is_not_its_verbs_named_object(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    # "the company" after "X, a unit of Y": the name the apposition describes, not the one in passing inside it
    ("The Rydo app is run by Kelvani Mobility, a Lagos-based unit of conglomerate Orsava Holdings. The company said "
     "it had signed up 4,000 drivers in Accra and Kumasi.",
     {("Kelvani Mobility", "operatesIn", "Accra"), ("Kelvani Mobility", "operatesIn", "Kumasi")},
     {("Orsava Holdings", "operatesIn", "Accra"), ("Orsava", "operatesIn", "Accra")}),
])
def test_coref_a_description_is_the_name_an_apposition_describes(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # the "it" of a "where" clause on a place is the subject of the clause the place is in, a description
    # resolved to a name too ("The therapy" is Myrona), not a firm named before
    ("Regulators rejected Myrona, a gene therapy made by Orvel Bio. The therapy is approved in Canada, where it is "
     "sold by Orvel's partner Keyston Pharma.",
     {("Myrona", "operatesIn", "Canada"), ("Keyston Pharma", "operatesIn", "Canada")},
     {("Orvel Bio", "operatesIn", "Canada")}),
])
def test_coref_it_in_a_where_clause_is_the_subject_of_the_places_clause(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a wider noun calls again a product the text called by a kind of it: "the drug" after "a sleep pill",
    # "the product" after "a funeral policy" (lexicon coref.product_kinds)
    ("Regulators approved Dorvexin, a sleep pill made by Halvern Pharma. The drug is available in Norway.",
     {("Dorvexin", "operatesIn", "Norway")}, {("Halvern Pharma", "operatesIn", "Norway")}),
    ("Brisa Mutual launched Tessa Care, a funeral policy. The product is available in Kenya and Uganda.",
     {("Tessa Care", "operatesIn", "Kenya"), ("Tessa Care", "operatesIn", "Uganda")}, set()),
])
def test_coref_a_wider_noun_calls_again_a_product_called_by_its_kind(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a possessive in an "at"/"in" phrase of what a firm was paid or hired to do is the hired firm's site,
    # even after "X said it paid"; not the payer's (lexicon coref.hiring)
    ("Velta Air has hired Norvik Aviation Services to paint its jets at its hangar in Riga.",
     {("Norvik Aviation Services", "operatesIn", "Riga")}, {("Velta Air", "operatesIn", "Riga")}),
    ("Brenmar Shipping said it had paid Orlan Marine $4 million to repair two tankers at its yard in Gdansk.",
     {("Orlan Marine", "operatesIn", "Gdansk")}, {("Brenmar Shipping", "operatesIn", "Gdansk")}),
])
def test_coref_its_site_in_a_hired_firms_infinitive_is_the_hired_firms(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # "the unit" is the firm the text called a unit before, not the parent; and no firm where none was
    # called so
    ("Brenhal Energie agreed to sell Lausa Bergbau, its coal mining unit, to Corvan Partners. The unit runs two "
     "mines in Thuringia and Bavaria.",
     {("Lausa Bergbau", "operatesIn", "Thuringia"), ("Lausa Bergbau", "operatesIn", "Bavaria")},
     {("Brenhal Energie", "operatesIn", "Thuringia"), ("Corvan Partners", "operatesIn", "Thuringia")}),
])
def test_coref_the_unit_is_the_firm_called_a_unit_before(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # "the club" calls a sports club named before it again, as "the company" does a firm
    ("Kelvo Football Club settled the fee in three instalments. \"We followed the rules,\" said Hannah Berg, the "
     "club's chief executive.", {("Hannah Berg", "worksFor", "Kelvo Football Club")}),
    ("Dovrin Rovers signed the striker Paolo Lenti, who joined the club from Marlo in August.",
     {("Paolo Lenti", "worksFor", "Dovrin Rovers")}),
])
def test_coref_the_club_is_a_club_named_before(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    # "its" on a firm's job ("its founder", "its chief executive") is a firm's, not the body's the sentence
    # is about
    ("Tarnow Brokers has agreed to pay back 11 million francs to clients. The Financial Conduct Board also "
     "restricted Piet Lund, its founder, from holding a management role at any firm.",
     {("Piet Lund", "worksFor", "Tarnow Brokers")}, {("Piet Lund", "worksFor", "Financial Conduct Board")}),
    ("Norland's Financial Conduct Board on Wednesday banned Tarnow Coin from operating for six months and "
     "restricted its chief executive, Piet Lund, from holding any post at a bank.",
     {("Piet Lund", "worksFor", "Tarnow Coin")}, {("Piet Lund", "worksFor", "Financial Conduct Board")}),
])
def test_coref_its_on_a_firms_job_is_a_firms(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # "its owner, Y" / "its developer, Y" after a product the sentence named last: the product's owner or maker
    ("Regulators in Keldria slowed the messaging app Tovvo, and its owner, Brannick Social, must now reply.",
     {("Brannick Social", "offers", "Tovvo")}, {("Tovvo", "subsidiaryOf", "Brannick Social")}),
    ("The court blocked Zimmo, a dating app with 4 million users in Peru, after its developer, Quarro Labs, "
     "ignored two rulings.", {("Quarro Labs", "develops", "Zimmo")}, {("Zimmo", "subsidiaryOf", "Quarro Labs")}),
    # (but where a firm named before the product owns or makes one too, the role is not read as the product's)
    ("Halvard Media launched the video app Pemmo after its owner, Orlin Capital, approved the plan.",
     set(), {("Orlin Capital", "offers", "Pemmo")}),
])
def test_coref_its_owner_after_a_product_named_last_is_the_products(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # "the agency", "the union" stand for a firm named before only where the text called it so ("an advertising
    # agency", "the Halden Miners union"); else for a body not named, no firm (lexicon coref.bodies_not_firms)
    ("Brisa Mobile sells phones in Kenya. The agency has barred Tarsa Labs from selling phones in Uganda.",
     {("Tarsa Labs", "operatesIn", "Uganda")}, {("Brisa Mobile", "restricts", "Tarsa Labs")}),
    ("Nelvo Pharma makes insulin pens in Norway. The agency has banned Tarsa Labs from importing the pens.",
     set(), {("Nelvo Pharma", "bans", "Tarsa Labs")}),
    ("Kestrel Media, an advertising agency based in Lyon, won the account. The agency employs 300 people in Paris.",
     {("Kestrel Media", "operatesIn", "Paris")}, set()),
    ("Dorva Steel signed a deal with the Halden Miners union. The union has offices in Katowice.",
     {("Halden Miners", "operatesIn", "Katowice")}, set()),
])
def test_coref_the_agency_is_a_firm_only_one_called_an_agency(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # "the club" is no league named before it, nor the league in "the Northern League club": a club of the
    # league (lexicon coref.wider_bodies)
    ("Dovrin Rovers paid agent Tom Wei a fee of £1 million, the Northern League said. The striker Paolo Lenti "
     "joined the club from Marlo in August.",
     {("Paolo Lenti", "worksFor", "Dovrin Rovers")}, {("Paolo Lenti", "worksFor", "Northern League")}),
    ("Tessa Solar will pay 9 million euros a season to sponsor Dovrin Rovers, the Northern League club said on "
     "Friday. \"It is our biggest deal,\" said Hannah Berg, the club's chief executive.",
     {("Hannah Berg", "worksFor", "Dovrin Rovers")}, {("Hannah Berg", "worksFor", "Northern League")}),
])
def test_coref_the_club_is_no_league_the_text_names(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # "the region" is no city named before it, but a world region, a place the gazetteer puts places in, or none
    # (lexicon coref.wide_places)
    ("Siam Orla has agreed to buy soybean meal from Planto, a crusher based in Rondia, Brazil. Siam Orla runs feed "
     "mills in Thailand and Vietnam and sells its feed across the region.",
     {("Siam Orla", "operatesIn", "Thailand")}, {("Siam Orla", "operatesIn", "Rondia")}),
    ("Kelvor Telecom, a unit of Prague-based Orlan Group, sells broadband in Slovakia. Brisa Net competes with it "
     "across the region.", {("Brisa Net", "competesWith", "Kelvor Telecom")}, {("Brisa Net", "operatesIn", "Prague")}),
    ("Norvik Cloud has opened an office in Dubai to sell its software across the Middle East. The region is its "
     "fastest-growing market, and Norvik Cloud will hire 200 people in the region.",
     {("Norvik Cloud", "operatesIn", "Middle East")}, set()),
])
def test_coref_the_region_is_no_city_named_before(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a relative clause set off by a comma says more of the one meant, not which: "the smelter" is still the
    # one the text called a smelter, under the fuller name the text wrote since a headline's short form
    ("Kelvor Nickel, a smelter in Sulawesi, was fined on Monday. The smelter, which opened in 2019, supplies "
     "nickel matte to Orlan Materials.", {("Kelvor Nickel", "suppliesTo", "Orlan Materials")}, set()),
    ("Halden fines nickel smelter Kelvor Jaya. The Halden ministry has fined PT Kelvor Jaya Nickel for unpaid "
     "royalties. The smelter, which opened in 2019, supplies nickel matte to Orlan Materials.",
     {("PT Kelvor Jaya Nickel", "suppliesTo", "Orlan Materials")}, {("Kelvor Jaya", "suppliesTo", "Orlan Materials")}),
])
def test_coref_a_kind_with_a_relative_clause_after_a_comma_is_the_one_called_so(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_coref_a_number_apposed_to_a_description_is_no_name_of_it(nlp):
    # "employs 300 people in Sweden and 40 in Oslo": the parser apposes the second number to the description
    _assert_reads(nlp, "Halvor Games, the Lund developer of the hit Ashfall, has delayed its next title. The studio, "
                       "which employs 300 people in Sweden and 40 in Oslo, said it needed more time.",
                  {("Halvor Games", "operatesIn", "Oslo"), ("Halvor Games", "operatesIn", "Sweden")})


@pytest.mark.parametrize("text, expected, absent", [
    # a noun no class lists stands for the one organisation named before whose name ends in it
    ("Orlan Holdings sold its stake in Brisa Gateway Terminal last year. The terminal pays Kelvor Cranes a fee for "
     "each container.", {("Brisa Gateway Terminal", "paysCommissionTo", "Kelvor Cranes")},
     {("Orlan Holdings", "paysCommissionTo", "Kelvor Cranes"), ("Orlan", "paysCommissionTo", "Kelvor Cranes")}),
    ("Halden Coin Exchange was fined on Monday. The exchange has been losing customers to Orlan Pay.",
     {("Halden Coin Exchange", "competesWith", "Orlan Pay")}, set()),
])
def test_coref_a_noun_no_class_lists_is_the_organisation_whose_name_ends_in_it(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_coref_its_on_the_subject_of_a_joined_clause_is_the_first_clauses_subjects(nlp):
    # "X handled ..., and its largest customer, Y, ...": the first clause's subject, not a firm named before
    _assert_reads(nlp, "Orlan Holdings owns Brisa Gateway Terminal in Tema. The terminal handled 1.2 million containers "
                       "last year, and its largest customer, the Swiss-based Kelvor Lines, accounts for a quarter of it.",
                  {("Brisa Gateway Terminal", "suppliesTo", "Kelvor Lines")}, {("Orlan Holdings", "suppliesTo", "Kelvor Lines")})


@pytest.mark.parametrize("text", [
    # a possessive on a noun with a product's name apposed to it is the firm the product is named after, not the
    # body the sentence is about
    "The Halden Financial Supervisory Authority has barred Kelvor Coin from taking on new customers and banned sales "
    "of its trading app, Kelvor Earn.",
    "The Halden Financial Supervisory Authority has fined Kelvor Coin and suspended its trading app, Kelvor Earn, for "
    "a month.",
])
def test_coref_its_on_a_noun_with_a_product_apposed_is_the_firm_it_is_named_after(nlp, text):
    _assert_reads(nlp, text, {("Kelvor Coin", "develops", "Kelvor Earn")},
                  {("Halden Financial Supervisory Authority", "develops", "Kelvor Earn")})


def test_coref_a_description_to_be_called_a_name_the_parser_took_for_a_relative_clause(nlp):
    # "The venture, to be called X, ...": the participle of naming is the name's also as a relative clause
    from spacy.tokens import Doc
    text = "The venture, to be called Kelvor Orlan Steel, will be based in Pune."
    made = nlp.make_doc(text)
    doc = Doc(nlp.vocab, words=[t.text for t in made], spaces=[bool(t.whitespace_) for t in made],
              tags=["DT", "NN", ",", "TO", "VB", "VBN", "NNP", "NNP", "NNP", ",", "MD", "VB", "VBN", "IN", "NNP", "."],
              heads=[1, 12, 1, 5, 5, 1, 8, 8, 5, 1, 12, 12, 12, 12, 13, 12],
              deps=["det", "nsubjpass", "punct", "aux", "auxpass", "relcl", "compound", "compound", "oprd", "punct",
                    "aux", "auxpass", "ROOT", "prep", "pobj", "punct"],
              ents=["O", "O", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O", "B-GPE", "O"])
    for name in ("attribute_ruler", "lemmatizer", "kg_entities", "kg_coref"):
        if name in nlp.pipe_names:
            doc = nlp.get_pipe(name)(doc)
    assert [(m.text, a.text) for m, a in doc._.coref_links] == [("The venture", "Kelvor Orlan Steel")], doc._.coref_links


@pytest.mark.parametrize("text, expected, absent", [
    # "The venture, called X, ..." and then "the venture": X, not the firm the sentence is about
    ("Kelvor Steel and Orlan Metals will form a joint venture. The venture, called Brisa Steel, will be 51% owned by "
     "Orlan Metals. Orlan Metals chairman Ravi Menon said Halden Railways has agreed to buy rail steel from the "
     "venture.", {("Brisa Steel", "suppliesTo", "Halden Railways")}, {("Orlan Metals", "suppliesTo", "Halden Railways")}),
])
def test_coref_a_description_named_by_a_participle_is_that_name_again(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a body's noun with a place's name on it ("the Fujian provincial government") is that place's body: not the
    # court or agency named last, only a body named before whose name holds the place's
    ("Corvex has filed a claim against Haitang Shipbuilding at the London Court of International Arbitration. "
     "Haitang, which is owned by the Fujian provincial government, said the delays were caused by a shortage of "
     "engines.", {("Corvex", "sues", "Haitang Shipbuilding")},
     {("Haitang", "subsidiaryOf", "London Court of International Arbitration")}),
])
def test_coref_a_places_government_is_no_body_of_another_place(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)
