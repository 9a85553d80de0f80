"""What the relation rules read, on sentences written for the purpose (never the corpus's): each
case a reading that failed before its rule. People's relations are in test_rules_people.py, places'
in test_rules_places.py, coreference and modality in test_coref.py."""

from __future__ import annotations

import pytest

from kg.pipeline import load_pipeline

from .reading import _assert_reads, _classes, _entities_of, _modalities, _parsed_triples, _rules_doc, _triples  # noqa: F401


@pytest.mark.parametrize("text, expected", [
    # a finite verb joined to a passive one shares its subject
    ("Kestrel Motors, which is based in Ohio and operates in Brazil and Chile, sells trucks.",
     {("Kestrel Motors", "basedIn", "Ohio"), ("Kestrel Motors", "operatesIn", "Brazil"),
      ("Kestrel Motors", "operatesIn", "Chile")}),
    ("Pellam Foods is headquartered in Ohio and supplies Walmart.",
     {("Pellam Foods", "basedIn", "Ohio"), ("Pellam Foods", "suppliesTo", "Walmart")}),
])
def test_rules_read_verbs_joined_to_a_passive_clause(nlp, text, expected):
    found = _triples(_rules_doc(nlp, text))
    assert expected <= found, found


def test_rules_do_not_give_a_passive_subject_to_a_participle(nlp):
    """"was acquired by Y and renamed Z": the second verb is passive too; X renamed nothing."""
    found = _triples(_rules_doc(nlp, "Vela Systems was acquired by Orvane Corp in March and sold to "
                                     "Brightwater Energy in May."))
    assert not {r for r in found if r[0] == "Vela Systems" and r[2] == "Brightwater Energy"}, found


@pytest.mark.parametrize("text, expected", [
    ("Roger Pell of NASA will fly to the station next year.", {("Roger Pell", "worksFor", "NASA")}),
    ("Helen Marsh, of the World Bank, said the loan was approved.",
     {("Helen Marsh", "worksFor", "World Bank")}),
    # an age between, and the place with the place it is in
    ("Marie Holloway, 47, of Cheshire, Connecticut, was hurt in the crash.",
     {("Marie Holloway", "livesIn", "Cheshire"), ("Marie Holloway", "livesIn", "Connecticut")}),
    ("Rosa Delgado of Meriden said the road was closed.", {("Rosa Delgado", "livesIn", "Meriden")}),
    # names joined before the last are "of" it too
    ("Rita Moss and Tom Brill of Orlan University say that the war was near.",
     {("Rita Moss", "worksFor", "Orlan University"), ("Tom Brill", "worksFor", "Orlan University")}),
])
def test_rules_read_a_name_followed_by_of(nlp, text, expected):
    found = _triples(_rules_doc(nlp, text))
    assert expected <= found, found


@pytest.mark.parametrize("text, expected, absent", [
    # a company's name ending in a legal form, then "of" and a place
    ("Grayson Ltd. of Leeds, England, makes valves for water pumps.",
     {("Grayson", "basedIn", "Leeds")}, set()),
    # without a legal form, "of" is read only before a place
    ("Helix Motors of Leeds makes valves for water pumps.", {("Helix Motors", "basedIn", "Leeds")}, set()),
    ('"It will take time," said Kira Olsen of Helix Motors.', {("Kira Olsen", "worksFor", "Helix Motors")}, set()),
    # an institution "in" a place; a company "in" a place may only be doing business there
    ("Tomas Berg, a researcher at the Norrland Institute of Marine Biology in Umea, led the study.",
     {("Norrland Institute of Marine Biology", "basedIn", "Umea")}, set()),
    ("Patients at Saint Brigid Hospital in Galway were moved.", {("Saint Brigid Hospital", "basedIn", "Galway")}, set()),
    # (a house of the performing arts is an institution, whatever the NER took it for)
    ("He staged two plays at the Royal Kestrel Theatre in Halden, Canada, last year.",
     {("Royal Kestrel Theatre", "basedIn", "Halden"), ("Royal Kestrel Theatre", "basedIn", "Canada")}, set()),
    ("Sales at Helix Motors in Leeds fell sharply last year.", set(), {("Helix Motors", "basedIn", "Leeds")}),
    # (a name joined before one "of" a firm, with a job of its own, is not of it: nor across an age)
    ("Kelvor chief Rita Moss and Tom Brill of Orlan University spoke.", {("Rita Moss", "worksFor", "Kelvor")},
     {("Rita Moss", "worksFor", "Orlan University")}),
    ("Rita Moss and Tom Brill, 45, of Halden were indicted.", {("Tom Brill", "livesIn", "Halden")},
     {("Rita Moss", "livesIn", "Halden")}),
])
def test_rules_read_of_or_in_after_an_organisation_name(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a rival is no subsidiary, and "in Poland" says where it competes, not with whom
    ("Buyers switched to Varda, Orlen's main rival in Poland.", {("Varda", "competesWith", "Orlen")},
     {("Varda", "subsidiaryOf", "Orlen"), ("Varda", "competesWith", "Poland")}),
    # the possessor of an appositive that is no role noun of another relation still owns it
    ("Shoppers like Varda, Orlen's discount chain.", {("Varda", "subsidiaryOf", "Orlen")}, set()),
    ("Trade buyers prefer Pellaro, Kestrel Group's logistics unit, for its speed.",
     {("Pellaro", "subsidiaryOf", "Kestrel Group")}, set()),
    # a unit something is done to is no name before it
    ("Veltro hired former Tesla executive Tom Berg to lead its battery unit.",
     {("Tom Berg", "worksFor", "Tesla")}, {("Tesla", "subsidiaryOf", "Veltro")}),
    ("Orlan, whose largest shareholder is SoftBank, agreed to sell its logistics arm to DHL.",
     {("SoftBank Group", "investsIn", "Orlan")}, {("SoftBank Group", "subsidiaryOf", "Orlan")}),
])
def test_rules_read_a_rival_in_apposition_as_a_rival(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a group noun that lists names stands for them, not for the country
    ("Brazil banned imports from Canadian grain companies Aspen Ridge Grain and Red River Oilseeds.",
     {("Brazil", "bans", "Aspen Ridge Grain"), ("Brazil", "bans", "Red River Oilseeds")}, {("Brazil", "bans", "Canada")}),
    ("Brazil banned imports from Canadian grain companies.", {("Brazil", "bans", "Canada")}, set()),
    # a place before "company" says where the company is; the company is the one that competes
    ("Aeris Robotics, a Salt Lake City company that competes with DJI, sells drones to police forces.",
     {("Aeris Robotics", "competesWith", "DJI")}, {("DJI", "competesWith", "Salt Lake City"),
                                                   ("Salt Lake City", "competesWith", "DJI")}),
])
def test_rules_a_noun_with_names_stands_for_them(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # who goods are bought, ordered or imported from supplies the buyer (kg:sourcePreposition)
    ("Marukaze will buy fresh produce from Queensland grower Harvest Coast Farms.",
     {("Harvest Coast Farms", "suppliesTo", "Marukaze")}, set()),
    # more goods for another client, with the preposition again ("boxes for X and remotes for Y")
    ("Vexor makes boxes for Dish TV and remotes for Airtel.",
     {("Vexor", "suppliesTo", "Dish TV"), ("Vexor", "suppliesTo", "Bharti Airtel")}, set()),
    # a firm chosen for a purpose, or to do something, supplies whoever chose it (not one chosen "as"
    # something)
    ("Poland picks Orlan Systems for counter-drone shield.", {("Orlan Systems", "suppliesTo", "Poland")}, set()),
    ("Orlan Systems was selected by the Defence Ministry to supply the radars.",
     {("Orlan Systems", "suppliesTo", "Defence Ministry")}, set()),
    ("Veltro picked Kestrel Foods as its partner for the project.", set(),
     {("Kestrel Foods", "suppliesTo", "Veltro")}),
    # a firm hired to do work, or for a job, supplies whoever hired it (not an adviser on a deal)
    ("Orlan Cargo has hired Marden Aerospace Services to convert ten passenger jets into freighters.",
     {("Marden Aerospace Services", "suppliesTo", "Orlan Cargo")}, set()),
    ("Kelvor has hired the Mexican construction company Orlan Build to build the factory.",
     {("Orlan Build", "suppliesTo", "Kelvor")}, set()),
    ("The cable will be laid by the Belgian contractor Marden Marine, which Kelvor Cables has hired for the job.",
     {("Marden Marine", "suppliesTo", "Kelvor Cables")}, set()),
    ("Orlan Bank has hired Kelvor Capital to advise on a possible sale.", set(),
     {("Kelvor Capital", "suppliesTo", "Orlan Bank")}),
    # "the plant" that sells or supplies stands for the owner of the plant named before (a possessive, or
    # who builds or runs it); not a plant no one was said to own
    ("Orlan Thermal is building a geothermal plant near Halden. The plant will sell its power to the national "
     "distributor, Kelvor Grid, under a 25-year contract.", {("Orlan Thermal", "suppliesTo", "Kelvor Grid")}, set()),
    ("Kelvor Energy will own half of Orlan Cell Works, a new company that is building a battery cell plant near "
     "Halden. The plant will make cells for Tessaro's new models.", {("Orlan Cell Works", "suppliesTo", "Tessaro")},
     set()),
    ("Kelvor Energy reported results on Monday. The plant sells power to Tessaro Grid.", set(),
     {("Kelvor Energy", "suppliesTo", "Tessaro Grid")}),
    ("Kelvor Motors and Tessaro Auto will jointly build a battery plant near Halden. The plant will supply cells "
     "for Tessaro cars sold in Europe.", set(), {("Kelvor Motors", "suppliesTo", "Tessaro Auto")}),
    # ... and whom a buyer relies or depends on, named with the trigger's own preposition; which
    # names no seller after any other trigger ("buys ads on Facebook")
    ("Kitova relies on Hanol Cells for batteries.", {("Hanol Cells", "suppliesTo", "Kitova")}, set()),
    ("Kitova depends on Hanol Cells for most of its cathode material.",
     {("Hanol Cells", "suppliesTo", "Kitova")}, set()),
    ("Velto buys ads on Facebook.", set(), {("Facebook", "suppliesTo", "Velto")}),
    # the maker of goods a firm uses supplies it: named before the goods or owning them; not a
    # pronoun's goods (most often the user's own), nor users named by a demonym
    ("Telvio Mobile and Norcom both use Kestrel radios and must replace them by 2027.",
     {("Kestrel", "suppliesTo", "Telvio Mobile"), ("Kestrel", "suppliesTo", "Norcom")}, set()),
    ("Norcom Telecom still uses Kestrel's billing system in Europe.",
     {("Kestrel", "suppliesTo", "Norcom Telecom")}, set()),
    ("Frameworks, whose Weaver software is used by Arm and Graphcore, said it would remain independent.",
     {("Frameworks", "suppliesTo", "Graphcore")}, set()),
    # the owner "whose" goods a firm buys supplies it, however the parser hangs the goods; it is not bought
    ("Halden Power pays Ardent Mining, the miner whose coal it buys, $300 million.",
     {("Ardent Mining", "suppliesTo", "Halden Power")}, {("Halden Power", "acquires", "Ardent Mining")}),
    ("Halden Power owes $40 million to Ardent Mining, the miner whose coal it buys to feed its boilers.",
     {("Ardent Mining", "suppliesTo", "Halden Power")}, {("Halden Power", "acquires", "Ardent Mining")}),
    # ... and a second user after its own "by", joined to the first or hung inside a phrase after it
    ("Brevik Vision's inspection software is used by Kelvor Motors at its factory in Lyon and by Tarsa Automotive.",
     {("Brevik Vision", "suppliesTo", "Kelvor Motors"), ("Brevik Vision", "suppliesTo", "Tarsa Automotive")}, set()),
    ("Brevik Vision's inspection software is used by Kelvor Motors and by Tarsa Automotive.",
     {("Brevik Vision", "suppliesTo", "Tarsa Automotive")}, set()),
    ("Lumen Analytics, whose screening tools are used by Brazilian banks, denied it.", set(),
     {("Lumen Analytics", "suppliesTo", "Brazil")}),
    ("The Korea Fair Trade Commission fined Arvano Systems, saying the Seoul-based platform operator forced game "
     "developers to use its own billing system.", set(),
     {("Korea Fair Trade Commission", "suppliesTo", "Arvano Systems")}),
    ("Pacific Crest Lines has ordered six container vessels from HD Hyundai Heavy Industries.",
     {("HD Hyundai Heavy Industries", "suppliesTo", "Pacific Crest Lines")}, set()),
    ("Brazil imports most of its fertiliser from Russia.", {("Russia", "suppliesTo", "Brazil")}, set()),
    # a company bought from its owner is an acquisition, not a supply; the company bought supplies nothing
    ("Vexa bought Lumo from Helix Capital in 2019.", {("Vexa", "acquires", "Lumo")},
     {("Helix Capital", "suppliesTo", "Vexa"), ("Lumo", "suppliesTo", "Vexa")}),
    # the other inverse triggers keep their reading
    ("Cisco owns Splunk.", {("Splunk", "subsidiaryOf", "Cisco")}, set()),
])
def test_rules_read_who_goods_are_bought_from(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a product named after a firm does not say by its name alone that the firm makes it (news annotates
    # "Apple Pay" or "Google Play" with no develops where the text says nothing more)
    ("Toyota said sales of the Toyota Camry rose in March.", set(), {("Toyota", "develops", "Toyota Camry")}),
    ("Shipments of the Veltro Pad 3 slipped, Veltro said on Monday.", set(),
     {("Veltro", "develops", "Veltro Pad 3")}),
    # ... but "its" right before such a product is that firm, not another named since
    ("Quillo AI and Stellantis expanded their partnership, with the startup giving the carmaker access to its "
     "Quillo Large model.", {("Quillo AI", "develops", "Quillo Large")}, {("Stellantis", "develops", "Quillo Large")}),
])
def test_rules_a_product_named_after_a_firm(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # the parser made "Brightline Foods" the root and "partnered" a participle modifying it
    ("Brightline Foods partnered with Castor Logistics to deliver groceries in Ohio.",
     {("Brightline Foods", "partnersWith", "Castor Logistics")}, set()),
    # a participle with its agent stays passive
    ("Veltro chips, made by Orbis Networks, sell well.", set(), {("Veltro", "develops", "Orbis Networks")}),
])
def test_rules_read_a_main_verb_the_parser_took_for_a_modifier(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a description right before a name stands for the name, where the parser hung the name elsewhere
    # (not for the country of its adjective)
    ("Stripe partners with Moroccan marketplace Souqly on card payments.", {("Stripe", "partnersWith", "Souqly")},
     {("Stripe", "partnersWith", "Morocco")}),
    # a supply deal makes a supplier and a customer, not partners (who supplies whom is left to the model)
    ("Halvern signed supply agreements with Vexa and Quillo on Monday.", set(),
     {("Halvern", "partnersWith", "Vexa"), ("Halvern", "partnersWith", "Quillo")}),
    ("Halvern signed a licensing agreement with Vexa.", {("Halvern", "partnersWith", "Vexa")}, set()),
    # a headline the parser reads as one noun phrase: the first organisation before the deal's noun
    # (not the country of a demonym before it)
    ("Vietnamese EV maker Song Hong forms battery alliance with LG Energy Solution.",
     {("Song Hong", "partnersWith", "LG Energy Solution")}, {("Vietnam", "partnersWith", "LG Energy Solution")}),
])
def test_rules_read_who_a_deal_is_with(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # rivals after a verb are its subject's, though the tagger took "rivals" for a verb
    ("Analyst Kenji Morishita said Tanegawa had lagged rivals Toyota and Honda in securing battery capacity.",
     {("Toyota", "competesWith", "Tanegawa"), ("Honda", "competesWith", "Tanegawa")},
     {("Toyota", "competesWith", "Honda")}),
    # plural rivals in apposition to a list are every name's
    ("Booking.com and Expedia, Staylio's bigger rivals, were not named in the suit.",
     {("Booking.com", "competesWith", "Staylio"), ("Expedia", "competesWith", "Staylio")}, set()),
    # an adjective the NER took for a place is no place, nor a rival
    ("Zalando and Allegro, European rivals of Temu and Shein, have lobbied for the change.",
     {("Zalando", "competesWith", "Shein"), ("Allegro", "competesWith", "Temu")},
     {("Zalando", "competesWith", "European"), ("Zalando", "basedIn", "European")}),
])
def test_rules_read_whose_rivals_they_are(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_read_investors_named_after_participation_from(nlp):
    _assert_reads(nlp, "Veltro raised $12 million from Harbor Ventures, with participation from Oakline Capital and "
                  "Birchwood Partners.", {("Oakline Capital", "investsIn", "Veltro"),
                                          ("Birchwood Partners", "investsIn", "Veltro")})


@pytest.mark.parametrize("text, expected, absent", [
    # the owner of the sales, exports or access a restriction reaches is the one restricted
    ("China restricted Halvard Micro's sales to state-owned banks.",
     {("China", "restricts", "Halvard Micro")}, set()),
    ("Canada will restrict India's access to Norvell's most advanced chips.",
     {("Canada", "restricts", "India")}, {("Canada", "restricts", "Norvell")}),
    # the subject of the verb a gerund's preposition hangs on ("responded by restricting")
    ("China has responded by restricting Halvard Micro's sales to operators of power grids.",
     {("China", "restricts", "Halvard Micro")}, set()),
    # a licence or permit suspended or revoked restricts its holder
    ("Regulators in Brazil suspended Paylink's license to process payments.", {("Brazil", "restricts", "Paylink")},
     set()),
    ("Indonesia revoked Tokopedia's permit last week.", {("Indonesia", "restricts", "Tokopedia")}, set()),
    # tariffs and duties on a country's goods restrict that country (not a firm that pays them)
    ("Canada imposed 100% tariffs on Chinese-made electric vehicles.", {("Canada", "restricts", "China")}, set()),
    ("The European Union slapped duties on steel from Vietnam.", {("European Union", "restricts", "Vietnam")},
     set()),
    ("Ford said tariffs cost it $800 million.", set(), {("Ford", "restricts", "Ford")}),
    # not the owner of just anything restricted
    ("Canada restricted Veltro's chief executive from entering the site.", set(),
     {("Canada", "restricts", "Veltro")}),
])
def test_rules_read_who_a_restriction_of_their_sales_reaches(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_read_of_only_between_classes_a_relation_takes(nlp):
    """"Maria Lopez of the Tom Reyes campaign": two people are in no relation of "of"; the rule
    also reads nothing without a name right after "of" ("the head of sales")."""
    found = _triples(_rules_doc(nlp, "Maria Lopez of Tom Reyes said nothing. Ana Ruiz, head of sales at "
                                     "Acme, agreed."))
    assert not {r for r in found if r[0] == "Maria Lopez"}, found
    assert not {r for r in found if r[2] == "sales"}, found


@pytest.mark.parametrize("text, expected", [
    # a role noun's listed names, with "such as" or "including"
    ("The rules restrict Chinese foundries such as Shenhe Microelectronics and Qiantang Semiconductor "
     "from buying tools.",
     {("Shenhe Microelectronics", "basedIn", "China"), ("Qiantang Semiconductor", "basedIn", "China")}),
    ("China banned exports to three Indian battery manufacturers, including Sahyadri Cells.",
     {("Sahyadri Cells", "basedIn", "India")}),
    # a list after a role noun, whichever word of the first name the list hangs off
    ("China banned canola imports from Canadian grain companies Aspen Ridge Grain and Red River Oilseeds.",
     {("Aspen Ridge Grain", "basedIn", "Canada"), ("Red River Oilseeds", "basedIn", "Canada")}),
    # ... or off the first name's legal form, which the parser made its conjunct
    ("Orlan Bank owns Brisk Airlines, Inc. and Kelvor Airlines, Inc.",
     {("Brisk Airlines", "subsidiaryOf", "Orlan Bank"), ("Kelvor Airlines", "subsidiaryOf", "Orlan Bank")}),
    ("Orlan Group runs two airlines through its subsidiaries Brisk Air, Inc. and Kelvor Airlines, Inc.",
     {("Brisk Air", "subsidiaryOf", "Orlan Group"), ("Kelvor Airlines", "subsidiaryOf", "Orlan Group")}),
])
def test_rules_read_the_names_a_role_noun_lists(nlp, text, expected):
    found = _triples(_rules_doc(nlp, text))
    assert expected <= found, found


def test_rules_read_who_a_company_counts_among_its_investors(nlp):
    found = _triples(_rules_doc(nlp, "Helix counts Sequoia Capital among its investors."))
    assert ("Sequoia Capital", "investsIn", "Helix") in found, found


@pytest.mark.parametrize("text, expected, absent", [
    # a law, rule or ruling does what its maker does: the subject of "passed", "adopted", "issued"
    ("Congress passed a bill banning Quillo.", {("United States Congress", "bans", "Quillo")}, set()),
    ("Norway adopted rules restricting Halvard Micro and Veltro.",
     {("Norway", "restricts", "Halvard Micro"), ("Norway", "restricts", "Veltro")}, set()),
    # ... a relative clause's subject, the agent of "passed by", the owner of "Norway's rules"
    ("The law, which Congress passed in April, bans Quillo.", {("United States Congress", "bans", "Quillo")}, set()),
    ("The law passed by Congress bans Quillo.", {("United States Congress", "bans", "Quillo")}, set()),
    ("Norway's new rules restrict Halvard Micro.", {("Norway", "restricts", "Halvard Micro")}, set()),
    # a country's parliament or ministry acts for the country, as its government does
    ("The Danish parliament restricted Halvard Micro.", {("Denmark", "restricts", "Halvard Micro")}, set()),
    # who criticised a law did not make it
    ("Lawyers for Veltro criticized a law banning Quillo.", set(), {("Veltro", "bans", "Quillo")}),
])
def test_rules_read_what_a_law_does_as_its_makers_act(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_a_law_proposed_is_a_hypothetical_relation(nlp):
    doc = _rules_doc(nlp, "The Senate proposed a law banning Quillo.")
    modality = _modalities(doc)
    assert modality == {("United States Senate", "bans", "Quillo"): "hypothetical"}, modality


@pytest.mark.parametrize("text, expected", [
    # a product listed beside a company is restricted as the company is, not only what a restriction is about
    ("Norway restricted Veltro and the Quillo app.",
     {("Norway", "restricts", "Veltro"), ("Norway", "restricts", "Quillo")}),
    ("Norway banned the Quillo app and Veltro.",
     {("Norway", "bans", "Quillo"), ("Norway", "bans", "Veltro")}),
])
def test_rules_read_a_product_listed_beside_a_restricted_company(nlp, text, expected):
    _assert_reads(nlp, text, expected)


def test_rules_read_a_listed_name_the_parser_hung_off_the_verb(nlp):
    # the small parser tags "Geely" an adverb (its "-ly") and hangs it off the verb, not the list
    _assert_reads(nlp, "Chinese carmakers such as BYD and Geely are expanding in Europe.",
                  {("BYD", "operatesIn", "Europe"), ("Geely", "operatesIn", "Europe"),
                   ("Geely", "basedIn", "China")})


@pytest.mark.parametrize("text, expected, absent", [
    # rivals named without an owner are the clause subject's rivals, not each other's
    ("Veltro faces stiff competition from rivals Quillo and Brightline.",
     {("Quillo", "competesWith", "Veltro")}, {("Quillo", "competesWith", "Brightline")}),
    ("Hollweg agreed to buy Danish rival Aarestrup for $2.3 billion.",
     {("Aarestrup", "competesWith", "Hollweg")}, {("Hollweg", "competesWith", "Denmark")}),
    # ... and rivals that are the subject are each other's
    ("Veltro and Quillo are rivals.", {("Veltro", "competesWith", "Quillo")}, set()),
    # a verb with its subject is no role noun
    ("Veltro rivals Quillo in Europe.", {("Veltro", "competesWith", "Quillo")}, {("Quillo", "basedIn", "Europe")}),
    # a price war is a competition
    ("Veltro started a price war with Lumio last year.", {("Veltro", "competesWith", "Lumio")}, set()),
    ("The price war between Veltro and Lumio hit margins.", {("Veltro", "competesWith", "Lumio")}, set()),
    # going or being up against a firm, undercutting or outbidding it, losing customers to it
    ("Kudora goes up against Moniepoint and OPay for the business of small merchants.",
     {("Kudora", "competesWith", "Moniepoint"), ("Kudora", "competesWith", "OPay")}, set()),
    ("Orvane has 11 million subscribers and is up against Tarvo Stream and Quillo in most of the region.",
     {("Orvane", "competesWith", "Tarvo Stream"), ("Orvane", "competesWith", "Quillo")}, set()),
    ("Orvane is up against the European Commission in court.", set(),
     {("Orvane", "competesWith", "European Commission")}),
    ("Zhenlu undercuts Great Wall on price in the Thai market.", {("Zhenlu", "competesWith", "Great Wall")}, set()),
    ("Globo will pay $1.1 billion for the rights, after outbidding Amazon and Warner Bros.",
     {("Globo", "competesWith", "Amazon")}, set()),
    ("Tessaro lost market share to Vantel and Orlan last year.",
     {("Tessaro", "competesWith", "Vantel"), ("Tessaro", "competesWith", "Orlan")}, set()),
    # beating a firm to a contract, taking one on
    ("Kestner, a unit of Pennant Holdings, beat Halvor Motorworks to the contract.",
     {("Kestner", "competesWith", "Halvor Motorworks")}, set()),
    ("Polish discounter Groszek enters Romania, taking on Lidl and Kaufland",
     {("Groszek", "competesWith", "Lidl"), ("Groszek", "competesWith", "Kaufland")}, set()),
    # ... and the names listed under a kind taken on
    ("Nubo launched its app in Poland, taking on Revolut and local lenders such as mBank and Bank Polski.",
     {("Nubo", "competesWith", "mBank"), ("Nubo", "competesWith", "Bank Polski")}, set()),
    # "they" after names joined as the subject of the clause it hangs on is each of them
    ("Veltro and Orlan have been paying more for Korean shows as they compete with Netflix in Asia.",
     {("Veltro", "competesWith", "Netflix"), ("Orlan", "competesWith", "Netflix")}, set()),
    # winning customers from firms, whether or not one does
    ("Ride-hailing app Jalanku will cut its commission in a bid to win market share from Grab and Gojek.",
     {("Jalanku", "competesWith", "Gojek")}, set()),
    # not a firm taken elsewhere ("took Lumio to court")
    ("Veltro took Lumio to court over the patents.", set(), {("Veltro", "competesWith", "Lumio")}),
    # the one a deal puts in competition (not the deal's maker, nor what a firm sells in its stores)
    ("The deal puts Del Monte Foods in direct competition with Grupo Bimbo, the world's biggest baker.",
     {("Del Monte Foods", "competesWith", "Grupo Bimbo")}, set()),
    # a plural clause after a list is said of every name in it ("respectively" shares them out)
    ("Ford and General Motors, which compete with Ridgeback in the pickup market, made similar switches.",
     {("Ford Motor Company", "competesWith", "Ridgeback"), ("General Motors", "competesWith", "Ridgeback")},
     set()),
    ("The plant will take cells from Ostrand and Kowon Energy, which build batteries in Indiana and Ohio "
     "respectively.", set(), {("Ostrand", "operatesIn", "Ohio")}),
])
def test_rules_read_whose_rivals_the_text_names(nlp, text, expected, absent):
    found = _triples(_rules_doc(nlp, text))
    symmetric = found | {(o, p, s) for s, p, o in found if p == "competesWith"}
    assert expected <= symmetric and not absent & symmetric, found


@pytest.mark.parametrize("text, expected, absent", [
    # owning or buying a stake is investing
    ("Harbor Capital owns a 40% stake in Veltro.", {("Harbor Capital", "investsIn", "Veltro")}, set()),
    ("Harbor Capital bought a 40% stake in Veltro.", {("Harbor Capital", "investsIn", "Veltro")}, set()),
    # money poured or injected into a firm is invested in it
    ("Harbor Capital poured $200 million into Veltro last year.", {("Harbor Capital", "investsIn", "Veltro")},
     set()),
    # every name of the list a plural role noun's verb takes
    ("Quillo's backers include Harbor Capital and Veltro.",
     {("Harbor Capital", "investsIn", "Quillo"), ("Veltro", "investsIn", "Quillo")}, set()),
    # the parser hangs "with" on "head-to-head"
    ("Veltro competes head-to-head with Quillo in the market for sensors.",
     {("Veltro", "competesWith", "Quillo")}, set()),
    # "its Zephyr app" is Zephyr, not a product named after its owner
    ("Veltro launched its Zephyr app in Brazil.", {("Veltro", "offers", "Zephyr")}, {("Veltro", "offers", "Veltro app")}),
    # whoever a product is sold or offered through offers it too: a firm, its app, the showrooms it runs
    ("Astrolabe's robotaxi service, AstroGo, will be offered through the Uber app.",
     {("Uber", "offers", "AstroGo")}, set()),
    ("Lanxi sells its Qiao hatchback in Germany through showrooms run by Belgian distributor Motorhuis Group.",
     {("Lanxi", "offers", "Qiao"), ("Motorhuis Group", "offers", "Qiao")}, set()),
    # ... or on a firm, a marketplace (the preposition on the verb, joined to another, or on what is sold)
    ("The VB Zap, which Voltbike will sell through 300 dealers and on Flipkart, takes aim at rivals.",
     {("Voltbike", "offers", "VB Zap"), ("Flipkart", "offers", "VB Zap")}, set()),
    ("Voltbike sells the VB Zap on Kelvor's platform.", {("Kelvor", "offers", "VB Zap")}, set()),
    # a firm's own named product that something is done through offers it; after "on", a place of sale
    ("Skyrun sells bus tickets through its Skyrun Go app.", {("Skyrun", "offers", "Skyrun Go")}, set()),
    # (the kind tagged as part of the name before it)
    ("Orlan Rail sells most tickets through its own Tarn Navigator app.", {("Orlan Rail", "offers", "Tarn Navigator")},
     set()),
    ("Pakko charges restaurants a fee on meals ordered through its Pakko Eats service.",
     {("Pakko", "offers", "Pakko Eats")}, set()),
    ("Quell Games takes a 12% cut of music sold on its Quell Arcade store.",
     {("Quell Games", "offers", "Quell Arcade")}, set()),
    ("Orlan Bank runs its services on its Orlan Cloud servers.", set(), {("Orlan Bank", "offers", "Orlan Cloud")}),
    ("Ships get broadband through Orvex Space's Skylane satellites.", set(), {("Orvex Space", "offers", "Skylane")}),
    # the operator or owner of a product offers it (an owner of a firm is its parent)
    ("Morvel Labs, the operator of the Pinto app store, raised its fees.", {("Morvel Labs", "offers", "Pinto")}, set()),
    ("Tessin Media, the owner of the photo app Clipo, said it would appeal.", {("Tessin Media", "offers", "Clipo")},
     set()),
    ("Kelvor, the owner of Orlan Bank, said it would appeal.", {("Orlan Bank", "subsidiaryOf", "Kelvor")},
     {("Kelvor", "offers", "Orlan Bank")}),
    # a product bundled into plans, supplied or rented out is offered
    ("Telvora bundles the Reelstar app into its mobile plans.", {("Telvora", "offers", "Reelstar")}, set()),
    ("Kovark supplies its KR-7 resist to SMIC.", {("Kovark", "offers", "KR-7")}, set()),
    ("Agrivio will rent out its Skyfield S4 drone to farmers.", {("Agrivio", "offers", "Skyfield S4")}, set()),
    # a relative clause with no pronoun after a kind of product: who runs it offers it, who built it develops it
    ("Orlan Digital said it would keep serving clients through Tamsa, the app it runs, which the ban spares.",
     {("Orlan Digital", "offers", "Tamsa")}, set()),
    ("Kelvor competes with Velta Pay, a service Orlan Digital runs for small shops.",
     {("Orlan Digital", "offers", "Velta Pay")}, set()),
    ("Shoppers moved to Velta Market, the app store that Orlan Digital built in 2019.",
     {("Orlan Digital", "develops", "Velta Market")}, set()),
    # ... and the same clause after the kind the name is written before
    ("Kelvor Air will give Orlan passengers access to the Tarn Lounge network it runs at 14 airports.",
     {("Kelvor Air", "offers", "Tarn Lounge")}, set()),
    ("Halden sells the Tarn Pay wallet that Orlan Bank operates.", {("Orlan Bank", "offers", "Tarn Pay")}, set()),
    ("Orlan Bank said the Tarn app it runs ads on is popular.", set(), {("Orlan Bank", "offers", "Tarn")}),
])
def test_rules_read_stakes_lists_and_named_apps(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a relative clause with no pronoun whose subject is a description of the firm ("the operator"), where the
    # tagger took the kind of product for a verb and the past tense for a participle
    ("Halvik Mobile offers loans through Halvo Pay, a payments app the operator built in 2021.",
     {("Halvik Mobile", "develops", "Halvo Pay")}),
    ("Sorvik Telecom sells data plans through Tindra, a shopping app the carrier launched in 2023.",
     {("Sorvik Telecom", "offers", "Tindra")}),
])
def test_rules_a_clause_with_no_pronoun_after_a_description_of_the_firm(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, modality", [
    # who is kept "from" doing something is its agent, and does not do it
    ("Regulators in Canada barred Veltro from offering its Zephyr service.", ("Veltro", "offers", "Zephyr"),
     "negated"),
    ("Veltro refrained from selling Zephyr in Japan.", ("Veltro", "offers", "Zephyr"), "negated"),
    ("Veltro profited from selling Zephyr in Japan.", ("Veltro", "offers", "Zephyr"), "fact"),
])
def test_rules_read_who_is_kept_from_doing_it(nlp, text, expected, modality):
    doc = _rules_doc(nlp, text)
    found = _modalities(doc)
    assert found.get(expected) == modality, found
    assert ("Canada", "offers", "Zephyr") not in found


@pytest.mark.parametrize("text, expected, absent", [
    # a participle set off by commas before the next name of a list is said of the name before it alone
    ("Tessa Mobile, owned by Orvane, and Kelpo both use Huawei radios.", {("Tessa Mobile", "subsidiaryOf", "Orvane")},
     {("Kelpo", "subsidiaryOf", "Orvane")}),
    ("Shops moved to marketplaces such as Lapak, owned by GoTo, and Belanja, a unit of Sea Ltd.",
     {("Lapak", "subsidiaryOf", "GoTo")}, {("Belanja", "subsidiaryOf", "GoTo")}),
])
def test_rules_a_clause_between_commas_before_the_next_name_of_a_list(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # whom one accuses of doing something is who did it, not the accuser
    ("Lumen Pharma accused Suryodaya Labs of selling a copy of its inhaler in Canada.",
     {("Suryodaya Labs", "operatesIn", "Canada")}, {("Lumen Pharma", "operatesIn", "Canada")}),
    ("Lumen Pharma filed a lawsuit accusing Suryodaya Labs of selling the copy under the name Airwell.",
     {("Suryodaya Labs", "offers", "Airwell")}, {("Lumen Pharma", "offers", "Airwell")}),
    # ... also a second charge the parser joined to the verb of accusing
    ("BOSTON — Lumen Pharma filed a lawsuit on Friday accusing Indian generics maker Suryodaya Labs of copying its "
     "BreatheEasy inhaler, the company's best-selling product, and selling the copy in the United States under "
     "the name Airwell.", {("Suryodaya Labs", "offers", "Airwell")}, {("Lumen Pharma", "offers", "Airwell")}),
])
def test_rules_whom_one_accuses_of_doing_it_did_it(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # whose shipments, imports or exports a restriction reaches: the one it restricts
    ("Canada imposed curbs on exports by Halvern Mining.", {("Canada", "restricts", "Halvern Mining")}, set()),
    ("The Federal Trade Commission restricted shipments by Tellan.",
     {("Federal Trade Commission", "restricts", "Tellan")}, set()),
    ("Peru's trade ministry restricted imports from Calder Farms.", {("Peru", "restricts", "Calder Farms")}, set()),
    # a takeover blocked restricts the buyer, not the firm it would have bought
    ("The Competition Authority on Monday blocked the takeover of Medora by Kelvor Health.",
     {("Competition Authority", "restricts", "Kelvor Health")}, {("Competition Authority", "restricts", "Medora")}),
    ("The Competition Authority blocked Kelvor Bank's $1.2 billion acquisition of Medora Pay.",
     {("Competition Authority", "restricts", "Kelvor Bank")}, {("Competition Authority", "restricts", "Medora Pay")}),
    ("The Competition Authority has blocked U.S. software group Kelvor's acquisition of Medora.",
     {("Competition Authority", "restricts", "Kelvor")}, {("Competition Authority", "restricts", "United States")}),
    # beside the party restricted, the place it is kept from is where
    ("The Federal Trade Commission barred new scanners from Veltro from the U.S.",
     {("Federal Trade Commission", "restricts", "Veltro")}, {("Federal Trade Commission", "restricts", "United States")}),
    # a country's companies of a kind, none named, are the country; named ones are themselves
    ("Japan and the United States, which imposed similar restrictions on Chinese chipmakers, declined to comment.",
     {("United States", "restricts", "China")}, set()),
    ("Canada banned Chinese carmakers such as Ostrel and Vantic.", {("Canada", "bans", "Ostrel")},
     {("Canada", "bans", "China")}),
    ("Chinese automakers compete with Veltro in Europe.", set(), {("China", "competesWith", "Veltro")}),
])
def test_rules_read_who_a_restriction_reaches(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # the parser hangs "in Brno" on the verb, not on the plant it follows
    ("The cells will be produced at Veltro's plant in Brno.", {("Veltro", "operatesIn", "Brno")}),
    # "where" stands for the place the clause hangs on
    ("Veltro kept the rights in Chile, where it sells the drug.", {("Veltro", "operatesIn", "Chile")}),
    ("Veltro kept the rights in Chile, where it plans to sell the drug.", {("Veltro", "operatesIn", "Chile")}),
    # commissions paid "in commissions" hang on the amount
    ("Veltro said it had paid Quillo 40 million euros in commissions since 2019.",
     {("Veltro", "paysCommissionTo", "Quillo")}),
    # ... and commissions handed over as they are paid
    ("Brask Foods said it had handed Orlan Market more than 2 million euros in commissions last year.",
     {("Brask Foods", "paysCommissionTo", "Orlan Market")}),
])
def test_rules_read_plants_places_and_commissions(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # what a named maker developed is a product, whatever kind of thing it is
    ("The Vexa Q is a discontinued streaming box developed by Veltro.", {("Veltro", "develops", "Vexa Q")}),
    # the agent of "developed and published by" is both participles'
    ("Pelota is a phone app built and run by Marva Digital.",
     {("Marva Digital", "develops", "Pelota"), ("Marva Digital", "offers", "Pelota")}),
    # names listed under an owner's kind of product are the owner's products
    ("Veltro is best known for its range of guided missiles such as Korda and Tamsa.",
     {("Veltro", "develops", "Korda"), ("Veltro", "develops", "Tamsa")}),
    ("Veltro's apps, including Zephyr and Tidewater, are popular.",
     {("Veltro", "develops", "Zephyr"), ("Veltro", "develops", "Tidewater")}),
    # a gadget in apposition says what the name is
    ("The Orlan Pulse, a smartwatch from Orlan, costs $299.", {("Orlan", "develops", "Orlan Pulse")}),
    # ... or "from" the name itself
    ("The VB Zip takes direct aim at the iQube from TVS Motor.", {("TVS Motor", "develops", "iQube")}),
    # a kind written in capitals that an owner's name is apposed to
    ("Song Hong's compact SUV, the SH5, goes on sale in Thailand this summer.", {("Song Hong", "develops", "SH5")}),
    # what the copula says an owner's kind of product is
    ("Halvorsen's best-known product is the Polar Cruiser series of expedition ships.",
     {("Halvorsen", "develops", "Polar Cruiser")}),
    # a modifier of the kind the tagger took for a verb ("the Mosaica encoding/VBG software")
    ("Pixelmoor makes the Mosaica encoding software.", {("Pixelmoor", "develops", "Mosaica")}),
])
def test_rules_read_products_by_their_kind(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, absent", [
    # "from" on a product a verb takes names the seller, not the maker; "from" after the next name of a
    # list is that name's
    ("Veltro bought the iQube from TVS Motor last year.", ("TVS Motor", "develops", "iQube")),
    ("The VB Zip takes direct aim at the S1 X and the Quibe from Tarvi Motor.", ("Tarvi Motor", "develops", "S1 X")),
])
def test_rules_from_whom_a_product_is_not_its_maker(nlp, text, absent):
    assert absent not in _triples(_rules_doc(nlp, text))


@pytest.mark.parametrize("text, expected, absent", [
    # a firm or a stake sold to a buyer (kg:saleTrigger) is the buyer's, and no supply
    ("Veltro agreed to sell its Quillo unit to Harbor Capital.", {("Harbor Capital", "acquires", "Quillo")},
     {("Veltro", "suppliesTo", "Harbor Capital"), ("Veltro", "suppliesTo", "Quillo")}),
    ("Veltro sold its stake in Quillo to Harbor Capital.", {("Harbor Capital", "investsIn", "Quillo")},
     {("Veltro", "suppliesTo", "Harbor Capital")}),
    # goods sold to a buyer stay a supply
    ("Veltro sells routers to Harbor Capital.", {("Veltro", "suppliesTo", "Harbor Capital")},
     {("Harbor Capital", "acquires", "Veltro")}),
    # "it" after making a thing is the thing made, not a firm named before
    ("Tokai Chemical, a unit of Tokai Industries, makes a photoresist and sells it to Pacific Wafer Corp.",
     {("Tokai Chemical", "suppliesTo", "Pacific Wafer")}, {("Pacific Wafer", "acquires", "Tokai Industries")}),
])
def test_rules_read_a_sale_of_a_firm_as_its_acquisition(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a plural role noun whose holders are a list gives the role to every name of the list
    ("Velo counts Arden Capital and Mirth Partners among its shareholders.",
     {("Arden Capital", "investsIn", "Velo"), ("Mirth Partners", "investsIn", "Velo")}),
    ("Arden Capital and Mirth Partners are suppliers to Velo.",
     {("Arden Capital", "suppliesTo", "Velo"), ("Mirth Partners", "suppliesTo", "Velo")}),
    ("Ana Ruiz and Tom Berg are directors at Velo.",
     {("Ana Ruiz", "worksFor", "Velo"), ("Tom Berg", "worksFor", "Velo")}),
    # ... also the subjects of "have been among X's customers"; and who counts a firm "as a customer"
    # without an owner word is the one it is a customer of
    ("Chinese chipmakers SMIC and Hua Hong have been among ASML's biggest customers.",
     {("ASML", "suppliesTo", "Semiconductor Manufacturing International Corporation"),
      ("ASML", "suppliesTo", "Hua Hong Semiconductor")}),
    ("Lumina, which is backed by Kelvor Motors, counts Halden Motors as a customer.",
     {("Lumina", "suppliesTo", "Halden Motors")}),
    # ... "as" hung on the last of the objects
    ("Thought Machine counts Lloyds Banking Group and JPMorgan Chase as customers.",
     {("Thought Machine", "suppliesTo", "Lloyds Banking Group"), ("Thought Machine", "suppliesTo", "JPMorgan Chase")}),
])
def test_rules_a_plural_role_reaches_every_listed_holder(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # "by X and by Y": the second "by" is a conjunct of the first
    ("Velo is backed by Arden Capital and by Mirth Partners.",
     {("Arden Capital", "investsIn", "Velo"), ("Mirth Partners", "investsIn", "Velo")}),
    # two names the parser reads as one noun phrase (the first hangs on the second's last word)
    ("Pallas paid smart-TV makers including Sonara Electronics and Kaito Displays more than $300 million.",
     {("Pallas", "pays", "Sonara Electronics"), ("Pallas", "pays", "Kaito Displays")}),
])
def test_rules_read_every_name_of_a_list_the_parser_splits(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    # "the two suppliers", "both firms", "both": the two organisations named last, joined by "and"
    ("Kelvor buys steel from Orvane Group and Halden Systems, and paid the two suppliers $40 million last year.",
     {("Kelvor", "pays", "Orvane Group"), ("Kelvor", "pays", "Halden Systems")}, set()),
    ("Orvane Group and Halden Systems filed suits on Monday. Kelvor Metals supplies steel to both.",
     {("Kelvor Metals", "suppliesTo", "Orvane Group"), ("Kelvor Metals", "suppliesTo", "Halden Systems")}, set()),
    # ... not names of a longer list
    ("Kelvor buys steel from Orvane Group, Brisk Metals and Halden Systems, and paid the two suppliers $40 million.",
     set(), {("Kelvor", "pays", "Orvane Group"), ("Kelvor", "pays", "Halden Systems")}),
    # ... nor, for a bare "Both" as a subject, the names last joined (the two it means may be named apart)
    ("Tamsa Tea, whose teas are stocked by Orvane Retail and Brisk Mart, sued Kelda Estates. Both are among the "
     "biggest suppliers of leaf to Halden Foods.", set(),
     {("Orvane Retail", "suppliesTo", "Halden Foods"), ("Brisk Mart", "suppliesTo", "Halden Foods")}),
])
def test_rules_the_two_firms_named_last_are_both_parties(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a plural of businesses with "both", where the two sentences before it join no names: the two businesses
    # the story joined further back (past the places listed since), not the last two named apart; on their
    # nearest mentions by name
    ("Brisco Air and Tamsa Airways signed a codeshare deal covering flights between Lisbon, Lima and Quito. "
     "Under the deal, Brisco will give Tamsa passengers access to its lounges. Brisco said it would not give "
     "Tamsa access to its seats. The pact puts pressure on Orvane Air, which competes with both carriers.",
     {("Orvane Air", "competesWith", "Brisco"), ("Orvane Air", "competesWith", "Tamsa")}),
    # (the words of one name joined by "and" are no pair: "the Ministry of Trade, Industry and Energy"; nor a
    # ministry the pair of "both companies")
    ("The licences let Brisk Tools supply Kelvor Systems and Halden Memory, but they restrict Kelvor Systems and "
     "Halden Memory from upgrading their plants. Halden's plant makes 40% of its memory, and Kelvor makes a third "
     "of its flash there. The Ministry of Trade, Industry and Energy said it would keep pressing. Orvik Memory, a "
     "chipmaker that competes with both companies, is subject to the same curbs.",
     {("Orvik Memory", "competesWith", "Halden"), ("Orvik Memory", "competesWith", "Kelvor")}),
])
def test_rules_both_businesses_joined_further_back(nlp, text, expected):
    _assert_reads(nlp, text, expected, {("Orvik Memory", "competesWith", "Ministry of Trade, Industry and Energy")})


def test_rules_both_companies_named_apart_are_no_ministry(nlp):
    # "both companies" with no pair joined: the last businesses named, past a ministry named since
    _assert_reads(nlp, "Kelvor Motors raised its prices on Monday. Tamsa Auto said it would follow. The Ministry of "
                  "Trade said it would keep pressing. Orvik Cars competes with both companies.",
                  {("Orvik Cars", "competesWith", "Tamsa Auto")}, {("Orvik Cars", "competesWith", "Ministry of Trade")})


@pytest.mark.parametrize("text, expected, modality", [
    # "one of" stands for the role noun in its clause: the copula's subject or the name it is apposed to
    ("Arden is one of Velo's largest investors.", ("Arden", "investsIn", "Velo"), "fact"),
    ("Arden is one of the biggest suppliers to Velo.", ("Arden", "suppliesTo", "Velo"), "fact"),
    ("Arden, one of Kestrel Group's main rivals, cut prices.", ("Arden", "competesWith", "Kestrel Group"), "fact"),
    ("China is one of Velo's largest markets.", ("Velo", "operatesIn", "China"), "fact"),
    # and the copula's clause says whether it holds
    ("Arden is not one of Velo's investors.", ("Arden", "investsIn", "Velo"), "negated"),
    ("Arden may become one of Velo's investors.", ("Arden", "investsIn", "Velo"), "hypothetical"),
])
def test_rules_read_one_of_a_role(nlp, text, expected, modality):
    rows = {(r["s_name"], r["predicate"], r["o_name"]): r["modality"] for r in _rules_doc(nlp, text)._.kg_relation_data}
    assert rows.get(expected) == modality, rows


@pytest.mark.parametrize("text", [
    "In 1952, the 11th president of the company, Tom Berg, was born in Leeds.",
    # the parser apposed the name to the organisation after "of" (whose apposition is no person)
    "The new chief executive of Orlan Bank, Tom Berg, lives in Leeds.",
])
def test_rules_a_description_with_an_apposed_name_stands_for_the_name(nlp, text):
    """The relation's subject is the name the text gives, not the description it is apposed to."""
    doc = _rules_doc(nlp, text)
    rows = [r for r in doc._.kg_relation_data if r["predicate"] == "livesIn"]
    assert [doc[r["s_start"]:r["s_end"]].text for r in rows] == ["Tom Berg"], rows


@pytest.mark.parametrize("text, expected, absent", [
    # a set sum is a payment; a share (a percentage, or a plain fee on sales) is a commission
    ("Tarro Music pays Halden Verlag an annual licence fee for its archive.",
     {("Tarro Music", "pays", "Halden Verlag")}, {("Tarro Music", "paysCommissionTo", "Halden Verlag")}),
    ("Conecta will pay Orlan a fixed monthly fee per terminal.",
     {("Conecta", "pays", "Orlan")}, {("Conecta", "paysCommissionTo", "Orlan")}),
    ("Tarro Music pays Halden Verlag a 15% fee on every subscription.",
     {("Tarro Music", "paysCommissionTo", "Halden Verlag")}, set()),
    ("Brenwick pays Orlan a flat fee of 3% on each sale.", {("Brenwick", "paysCommissionTo", "Orlan")}, set()),
    ("Velo pays Orlan a fee for every booking.", {("Velo", "paysCommissionTo", "Orlan")}, set()),
    # a share of revenue handed over, or a cut given, is a commission
    ("Redwick Games hands 30% of its in-app revenue to Quillo.", {("Redwick Games", "paysCommissionTo", "Quillo")},
     set()),
    ("Veltro gives Orlan a cut of every sale.", {("Veltro", "paysCommissionTo", "Orlan")}, set()),
    # a commission earned or received "from" one is paid by that one
    ("Rimac Agro, a dealer in Arequipa, earns a 4% commission from Holmvik on every tractor it sells.",
     {("Holmvik", "paysCommissionTo", "Rimac Agro")}, {("Rimac Agro", "paysCommissionTo", "Holmvik")}),
    # a payee whose name holds a trigger word is paid, not paid a commission
    ("Merrow Bank agreed to pay $40 million to the Securities and Exchange Commission.",
     {("Merrow Bank", "pays", "Securities and Exchange Commission")},
     {("Merrow Bank", "paysCommissionTo", "Securities and Exchange Commission")}),
])
def test_rules_a_set_fee_is_a_payment_a_share_is_a_commission(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_a_recipient_the_parser_hangs_on_the_sum(nlp):
    # "paid Visa and Mastercard 20 million pounds": the names parsed as modifiers of "pounds"
    _assert_reads(nlp, "Brenwick paid Visa and Mastercard more than 20 million pounds over five years.",
                  {("Brenwick", "pays", "Visa"), ("Brenwick", "pays", "Mastercard")})


@pytest.mark.parametrize("text, expected, absent", [
    # what a buyer takes "from" a seller the seller held; the purchase of a stake is no supply
    ("Orlan bought a 40% stake in Tessel Wind from Dunmore Capital.",
     {("Dunmore Capital", "investsIn", "Tessel Wind"), ("Orlan", "investsIn", "Tessel Wind")},
     {("Dunmore Capital", "suppliesTo", "Orlan")}),
    ("Orlan bought cocoa from Dunmore Trading.", {("Dunmore Trading", "suppliesTo", "Orlan")}, set()),
])
def test_rules_a_stake_bought_from_a_seller_was_the_sellers(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_a_list_among_its_shareholders_keeps_a_name_with_an_owner(nlp):
    # after a title ("maker Velda and Japan's Tokai Works") the owned name is not the role's; here it is
    _assert_reads(nlp, "Clearmont, which counts Harbor Ventures and Norway's Oil Fund among its shareholders, "
                       "bought Pinoa in 2023.",
                  {("Harbor Ventures", "investsIn", "Clearmont"), ("Oil Fund", "investsIn", "Clearmont")})


@pytest.mark.parametrize("text, expected, absent", [
    # a plural role lists every name after it, one with an owner of its own too ("backers X and Canada's Y")
    ("Kesto Chips has raised $400 million in a round led by Orlan Capital, the company said on Thursday. Existing "
     "backers Brava Ventures and Canada's Jundo Bank also put money in.",
     {("Brava Ventures", "investsIn", "Kesto Chips"), ("Jundo Bank", "investsIn", "Kesto Chips")}, set()),
    # (but where a name before the plural describes them, only the first is so described)
    ("Kesto Telecom said prices rose. Chinese suppliers Brava and Sweden's Jundo Networks said they would cut prices.",
     {("Brava", "basedIn", "China")}, {("Jundo Networks", "basedIn", "China")}),
])
def test_rules_a_plural_role_lists_names_with_owners_of_their_own(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text", [
    "Velora Robotics sells drones to the U.S. Army and is backed by Harbor Ventures.",
    "Velora Robotics is based in Denver and is backed by Harbor Ventures.",
])
def test_rules_a_passive_verb_joined_to_a_clause_takes_its_subject_as_patient(nlp, text):
    _assert_reads(nlp, text, {("Harbor Ventures", "investsIn", "Velora Robotics")},
                  {("Velora Robotics", "investsIn", "Harbor Ventures")})


@pytest.mark.parametrize("text, modality", [
    # an agreed deal is reported as done (as the annotation guide and the news gold have it) ...
    ("Kestrel Foods has agreed to acquire Tessel Labs for $400 million.", "fact"),
    # ... a plan, a bid or talks are not
    ("Kestrel Foods plans to acquire Tessel Labs for $400 million.", "hypothetical"),
    ("Kestrel Foods is in talks to acquire Tessel Labs.", "hypothetical"),
    ("Kestrel Foods has offered to acquire Tessel Labs for $400 million.", "hypothetical"),
])
def test_rules_an_agreed_deal_is_a_fact_a_plan_is_not(nlp, text, modality):
    rows = {(r["s_name"], r["predicate"], r["o_name"]): r["modality"] for r in _rules_doc(nlp, text)._.kg_relation_data}
    assert rows.get(("Kestrel Foods", "acquires", "Tessel Labs")) == modality, rows


@pytest.mark.parametrize("text, expected, absent", [
    # who wins a contract supplies the client, however the award is told
    ("Velora Robotics won a $40 million contract from the U.S. Navy to build drones.",
     {("Velora Robotics", "suppliesTo", "U.S. Navy")}, set()),
    ("Velora Robotics was awarded a contract by the U.S. Navy.", {("Velora Robotics", "suppliesTo", "U.S. Navy")},
     set()),
    ("The U.S. Navy awarded Velora Robotics a $40 million contract.", {("Velora Robotics", "suppliesTo", "U.S. Navy")},
     {("U.S. Navy", "suppliesTo", "Velora Robotics")}),
    # an order won from a customer: the customer is not the seller
    ("Velora Robotics secured an order from Orlan for 200 drones.", {("Velora Robotics", "suppliesTo", "Orlan")},
     {("Orlan", "suppliesTo", "Velora Robotics")}),
    # orders held from a customer: the customer is the buyer, not the seller; a contract held says not who
    ("Velora Aero has 180 firm orders from Brisco Air.", {("Velora Aero", "suppliesTo", "Brisco Air")},
     {("Brisco Air", "suppliesTo", "Velora Aero")}),
    ("Velora Aero said it had booked orders from Brisco Air and Tarvik Jet.",
     {("Velora Aero", "suppliesTo", "Brisco Air"), ("Velora Aero", "suppliesTo", "Tarvik Jet")}, set()),
    ("Velora Robotics has a contract with Orlan.", set(),
     {("Velora Robotics", "suppliesTo", "Orlan"), ("Orlan", "suppliesTo", "Velora Robotics")}),
])
def test_rules_who_wins_a_contract_supplies_the_client(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_reselling_a_service_is_offering_it(nlp):
    _assert_reads(nlp, "Velo has signed an agreement to resell Amazon's Project Kuiper satellite internet service in Brazil.",
                  {("Velo", "offers", "Project Kuiper"), ("Velo", "operatesIn", "Brazil")})


def _rules_with_lexicon_words(tmp_path, added: dict[str, str]):
    """The rules (no model) over a copy of the packaged ontology whose lexicon lists ``added``'s keys
    with one word more each (none added: the copy as it is)."""
    import shutil

    from kg.ontology import ontology_dir

    onto = tmp_path / "ontology"
    shutil.copytree(ontology_dir(), onto)
    if added:
        lexicon = onto / "lexicon.toml"
        text = lexicon.read_text(encoding="utf-8")
        for key, word in added.items():
            assert f"{key} = [" in text
            text = text.replace(f"{key} = [", f'{key} = ["{word}", ', 1)
        lexicon.write_text(text, encoding="utf-8")
    return load_pipeline(relation_model=False, overrides={"components.kg_relations.ontology_dir": str(onto)})


@pytest.mark.parametrize("edit", [False, True])
def test_rules_the_lexicon_says_which_words_raise_and_lead_a_round(edit, tmp_path):
    # lexicon.toml's funding_verbs and round_verbs, not lists in the code, decide which verbs read
    # "raised $12 million from X" and "X led a round in Y" as X investsIn Y
    nlp = _rules_with_lexicon_words(tmp_path, {"funding_verbs": "pocket", "round_verbs": "spearhead"} if edit else {})
    for text in ("Orvane pocketed $12 million from Belmar Ventures.", "Belmar Ventures spearheaded a round in Orvane."):
        rows = _triples(nlp(text))
        assert (("Belmar Ventures", "investsIn", "Orvane") in rows) is edit, (text, rows)


@pytest.mark.parametrize("edit", [False, True])
def test_rules_the_lexicon_says_which_verbs_run_a_firm_from_a_place_and_back_one(edit, tmp_path):
    # lexicon.toml's run_from_verbs (a firm run "from" a place is based there) and backing_verbs (who
    # backs a firm supplies it nothing), not lists in the code, decide what these read
    nlp = _rules_with_lexicon_words(tmp_path, {"run_from_verbs": "steer", "backing_verbs": "bankroll"} if edit else {})
    rows = _triples(nlp("Ravi Menon, who steers Tarka Logistics from Pune, said costs rose."))
    assert (("Tarka Logistics", "basedIn", "Pune") in rows) is edit, rows
    rows = _triples(nlp("Chile cancelled the concessions of a miner bankrolled by Orlan Capital."))
    assert (("Chile", "restricts", "Orlan Capital") in rows) is not edit, rows


@pytest.mark.parametrize("text, expected", [
    # "their" that coreference leaves unresolved (a plural owner) is the subject of "count ... among"
    ("Velora and Kestrel count Brazil among their largest markets.",
     {("Velora", "operatesIn", "Brazil"), ("Kestrel", "operatesIn", "Brazil")}),
    ("Both Velora and Kestrel count Lumen Capital among their shareholders.",
     {("Lumen Capital", "investsIn", "Velora"), ("Lumen Capital", "investsIn", "Kestrel")}),
])
def test_rules_a_plural_owner_of_count_among_is_the_subject(nlp, text, expected):
    _assert_reads(nlp, text, expected)


def test_rules_every_name_after_participation_from_invests(nlp):
    # the parser hangs "the World Bank" on "Lagos-based": every name of the phrase is read
    _assert_reads(nlp, "Zuri Pay has raised $38 million in a Series B round led by Lumen Capital, with participation "
                       "from the World Bank and Lagos-based Kora Ventures.",
                  {("Lumen Capital", "investsIn", "Zuri Pay"), ("World Bank", "investsIn", "Zuri Pay"),
                   ("Kora Ventures", "investsIn", "Zuri Pay")}, {("Lagos", "investsIn", "Zuri Pay")})


@pytest.mark.parametrize("text, expected, absent", [
    # a rival with no holder in its clause is the rival of who the sentence is about, of the same kind
    ("Zuri Pay charges merchants 1.1% per transaction, below the rates of rival Kestrel.",
     {("Kestrel", "competesWith", "Zuri Pay")}, set()),
    ("Ana Ruiz said rival Kestrel had cut prices.", set(),
     {("Kestrel", "competesWith", "Ana Ruiz"), ("Ana Ruiz", "competesWith", "Kestrel")}),
])
def test_rules_a_rival_without_a_holder_is_the_subjects(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_a_name_before_and_a_kind_of_firm_is_listed(nlp):
    # "to Deutsche Bahn and chemicals maker BASF": the parser hangs the first name on the second
    _assert_reads(nlp, "Nordlicht will sell power to Deutsche Bahn and chemicals maker BASF.",
                  {("Nordlicht", "suppliesTo", "Deutsche Bahn"), ("Nordlicht", "suppliesTo", "BASF")})


@pytest.mark.parametrize("text, expected, absent", [
    # a place that owns the noun a name is apposed to is where the name is
    ("Lithuania's parliament, the Seimas, has passed a law.", {("Seimas", "basedIn", "Lithuania")}, set()),
    # ... but a firm that owns it is read by the role rules, not as a seat or an owner
    ("Kestrel's main supplier, Orvane, raised prices.", {("Orvane", "suppliesTo", "Kestrel")},
     {("Orvane", "basedIn", "Kestrel"), ("Orvane", "subsidiaryOf", "Kestrel")}),
])
def test_rules_the_owner_of_a_noun_a_name_is_apposed_to(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # the parser makes a name's last word a compound of the verb ("Aero supplies" as a noun) and
    # hangs "to X" on the object of a verb it finds in "landing gear"
    ("Kestrel Aero supplies landing gear to Airbus and Embraer.",
     {("Kestrel Aero", "suppliesTo", "Airbus"), ("Kestrel Aero", "suppliesTo", "Embraer")}),
    # "stop X from", "prevent X from": a restriction
    ("Indonesia stopped TikTok Shop from processing payments.", {("Indonesia", "restricts", "TikTok Shop")}),
])
def test_rules_read_through_a_misparsed_or_two_word_trigger(nlp, text, expected):
    _assert_reads(nlp, text, expected)


def test_rules_stopping_an_act_is_no_restriction(nlp):
    # "stopped selling": the subject's own act stopped, nobody restricted
    found = _triples(_rules_doc(nlp, "Velora stopped selling chips to Huawei in May."))
    assert not {t for t in found if t[1] == "restricts"}, found




@pytest.mark.parametrize("text, expected", [
    # where the parse gives a trigger verb no arguments ("Air competes" read as a noun phrase), the
    # name before the verb and the name after its preposition
    ("Halcyon Air competes head-to-head with Ryanair on routes from Dublin.",
     {("Halcyon Air", "competesWith", "Ryanair")}),
    ("Norvik Steel ships coils to Ford.", {("Norvik Steel", "suppliesTo", "Ford Motor Company")}),
    # a firm sold in the passive is acquired by whom it is sold to
    ("In 1990 Norvik was sold to Veltro.", {("Veltro", "acquires", "Norvik")}),
])
def test_rules_read_around_a_trigger_the_parse_left_bare(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, absent", [
    # ... but not a passive's subject, an object pronoun, or a name a preposition governs
    ("In 1990 Norvik was sold to Veltro.", {("Norvik", "suppliesTo", "Veltro")}),
    ("The minister asked him to deliver a letter pleading for US help.", {("him", "suppliesTo", "US")}),
    ("Rivals of Acme compete with Beta Corp.", {("Acme", "competesWith", "Beta Corp")}),
])
def test_rules_the_words_around_a_bare_trigger_need_a_subject(nlp, text, absent):
    _assert_reads(nlp, text, set(), absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a publisher offers what it publishes
    ("Tarvo Games publishes the hit mobile title Skyforge Legends in 40 countries.",
     {("Tarvo Games", "offers", "Skyforge Legends")}, set()),
    # a nationality word the parser made the object of an event is no party to it (but still says
    # where the startup is)
    ("Marlow Foods has taken a minority stake in Danish startup Oatly Labs.",
     {("Oatly Labs", "basedIn", "Denmark")}, {("Marlow Foods", "investsIn", "Denmark")}),
])
def test_rules_publishers_and_nationality_objects(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a participle the parser made a copula's complement is a passive ("is majority-owned by")
    ("Vantage Towers, which is majority-owned by Vodafone, operates masts across Europe.",
     {("Vantage Towers", "subsidiaryOf", "Vodafone")}),
    # ... and one the parser hung on "turn" in "is in turn owned by", or made a clause of its own
    ("Quillbox is in turn owned by Veltro Holdings.", {("Quillbox", "subsidiaryOf", "Veltro")}),
    ("Tembo is owned by Quillbox, which is in turn controlled by Veltro.",
     {("Tembo", "subsidiaryOf", "Quillbox"), ("Quillbox", "subsidiaryOf", "Veltro")}),
    # participles joined under one noun both modify it ("headquartered in Dublin and owned by")
    ("Corvane Pictures is a film sales company headquartered in Dublin and owned by Halden Media.",
     {("Corvane Pictures", "subsidiaryOf", "Halden Media"), ("Corvane Pictures", "basedIn", "Dublin")}),
    # the preposition of the last of a list of objects ("exports of gallium and germanium to")
    ("The Chinese government restricts exports of gallium and germanium to the United States.",
     {("China", "restricts", "United States")}),
    # a country's bureau or watchdog acts for the country, as its ministry does
    ("Canada's competition bureau has sued Rogers Communications over misleading ads.",
     {("Canada", "sues", "Rogers Communications")}),
])
def test_rules_read_owners_lists_and_state_bodies(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    # who signs a deal, or wins a contract, "to supply" is the supplier
    ("Orsted has signed a deal to supply power to Microsoft.", {("Orsted", "suppliesTo", "Microsoft")}, set()),
    ("Veltro has a plan to buy Lumio.", set(), {("Lumio", "acquires", "Veltro")}),
    # supplies to a firm's plants or data centres reach the firm
    ("Lumio supplies batteries to Veltro's plant in Brno.", {("Lumio", "suppliesTo", "Veltro")}, set()),
    ("Orsted will supply power to Microsoft's data centres in Ireland.", {("Orsted", "suppliesTo", "Microsoft")},
     set()),
    # who assembles goods for a firm supplies it
    ("Taiwan's Foxconn assembles iPhones for Apple in Zhengzhou.", {("Foxconn", "suppliesTo", "Apple")}, set()),
    # (buying a firm's plant is buying no firm)
    ("Veltro bought Lumio's plant in Brno.", set(), {("Veltro", "acquires", "Lumio")}),
])
def test_rules_read_supplies_agreed_or_sent_to_sites(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_read_a_takeover_a_regulator_blocked(nlp):
    # what a takeover is "of" is a firm, whatever the NER took the name for; a takeover blocked or
    # abandoned did not happen, one that boosted sales did; and a regulator does not restrict its own
    # country
    doc = _rules_doc(nlp, "Germany's Bundeskartellamt blocked Veltro's takeover of Lumio.")
    assert _classes(doc).get("Lumio") == "Company", _classes(doc)
    recs = _modalities(doc)
    assert recs.get(("Veltro", "acquires", "Lumio")) == "negated", recs
    assert ("Bundeskartellamt", "restricts", "Germany") not in recs, recs
    recs = {(r["s_name"], r["predicate"], r["o_name"]): r["modality"]
            for r in _rules_doc(nlp, "Veltro's takeover of Lumio boosted sales.")._.kg_relation_data}
    assert recs.get(("Veltro", "acquires", "Lumio")) == "fact", recs


def test_rules_a_regulator_restricts_no_country_of_its_own_phrase(nlp):
    # the country named deep in the acting body's phrase is its own, not the other country in the sentence
    doc = _rules_doc(nlp, "Indonesian regulator OJK has limited how much Teras Finansial can lend.")
    assert ("OJK", "restricts", "Indonesia") not in _triples(doc), _triples(doc)
    # nor a country the document has it based in
    doc = _rules_doc(nlp, "The Garante, Italy's data protection authority, blocked the Lyra chatbot for Italian users.")
    assert ("Garante", "basedIn", "Italy") in _triples(doc) and ("Garante", "restricts", "Italy") not in _triples(doc)
    # ... while a country outside its phrase is still read
    doc = _rules_doc(nlp, "The Commerce Department restricted exports, a blow to Chinese buyers.")
    assert ("United States Department of Commerce", "restricts", "China") in _triples(doc), _triples(doc)


def test_rules_selling_a_stake_or_a_unit_is_no_supply(nlp):
    # what is sold is part of a firm (lexicon holding_nouns), named or not: no supply to the buyer
    found = _triples(_rules_doc(nlp, "Telecom Italia has sold a 20% stake in its tower unit to KKR for "
                                     "1.2 billion euros."))
    assert not {t for t in found if t[1] in {"suppliesTo", "offers"}}, found
    # ... nor with no buyer named: the unit is sold, not supplied
    found = _triples(_rules_doc(nlp, "Live Nation sold its Ticketmaster unit."))
    assert not {t for t in found if t[1] in {"suppliesTo", "offers"}}, found
    _assert_reads(nlp, "Halden Foods sells frozen pizza to Tesco.", {("Halden Foods", "suppliesTo", "Tesco")})


@pytest.mark.parametrize("text, expected, absent", [
    # the subject of "face" undergoes the event its object names, done by who "from" names
    ("Halvern Pharma faces a lawsuit from Orvane Bio over its cholesterol drug.",
     {("Orvane Bio", "sues", "Halvern Pharma")}, set()),
    ("Kelvor Telecom faces new restrictions from the United States.",
     {("United States", "restricts", "Kelvor Telecom")}, set()),
    # a role noun that is the subject of "remains" is held by the copula's attribute, as with "is"
    ("Veltro's biggest competitor in the smartphone market remains Quillo.",
     {("Quillo", "competesWith", "Veltro")}, set()),
    # a particle of a two-word trigger is no preposition with its own object: "took X to court over
    # its rules" takes nothing over (but "took over X" does)
    ("Brightfall Games took Quillo to court in 2020 over its app store rules.",
     {("Brightfall Games", "sues", "Quillo")}, {("Brightfall Games", "acquires", "Quillo")}),
    ("Veltro took over Quillo in 2021.", {("Veltro", "acquires", "Quillo")}, set()),
])
def test_rules_what_a_subject_faces_and_particles(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # the subjects of a verb done jointly are partners ...
    ("Norvik Telecom and Halvard Networks jointly hold patents on 5G standards.",
     {("Norvik Telecom", "partnersWith", "Halvard Networks")}, set()),
    ("Orvane and Halden Energy jointly developed the Tessera battery.",
     {("Halden Energy", "partnersWith", "Orvane"), ("Orvane", "develops", "Tessera")}, set()),
    # ... but not those of a passive, nor a share added up "together"
    ("Veltro and Quillo were jointly fined by the regulator.", set(), {("Veltro", "partnersWith", "Quillo"),
                                                                       ("Quillo", "partnersWith", "Veltro")}),
    ("Veltro and Quillo together control 60% of the market.", set(), {("Veltro", "partnersWith", "Quillo"),
                                                                      ("Quillo", "partnersWith", "Veltro")}),
])
def test_rules_who_acts_jointly_partners(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # "whose" stands for the noun its clause is about; what it owns comes before a name after it
    ("Tandaa, whose investors include Novastar Ventures and Equity Bank, raised $12 million.",
     {("Novastar Ventures", "investsIn", "Tandaa"), ("Equity Bank", "investsIn", "Tandaa")},
     {("Novastar Ventures", "subsidiaryOf", "Tandaa")}),
    ("Orvane, whose Tessera battery won an award, opened a plant.", {("Orvane", "develops", "Tessera")}, set()),
    # ... the last of names joined before it, where the parser hung the clause on the first
    ("The rules would restrict chatbot operators including Kelvor and Orlan, whose Trovo app has 20 million users.",
     {("Orlan", "develops", "Trovo")}, {("Kelvor", "develops", "Trovo")}),
    # a firm that runs or operates a named service offers it
    ("Local carrier Safaricom runs the M-Pesa mobile money service in Kenya.",
     {("Safaricom", "offers", "M-Pesa")}, set()),
])
def test_rules_whose_holders_and_services_run(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # who is ordered or told to block does it, whether the parser reads the infinitive as a complement
    # or as a clause of purpose; the names listed after "providers in <place>," are the providers,
    # wherever the parser hung the list, and operate there
    ("A Dutch judge has told internet providers in the Netherlands, including KPN and Ziggo, to block access "
     "to FilmVault, a pirate site, by Friday.",
     {("KPN", "restricts", "FilmVault"), ("Ziggo", "restricts", "FilmVault"), ("Ziggo", "operatesIn", "Netherlands")},
     set()),
    ("LYON, March 3 \u2013 A French court has ordered mobile operators in France, including Bouygues, Free and SFR, "
     "to block access to StreamPirate, an illegal service, within two days.",
     {("Bouygues", "restricts", "StreamPirate"), ("SFR", "restricts", "StreamPirate"),
      ("Free", "operatesIn", "France")}, set()),
    # places listed after a place are that place's
    ("Sales in Europe, including France and Italy, fell.", set(),
     {("France", "locatedIn", "Europe"), ("Italy", "operatesIn", "Europe")}),
])
def test_rules_read_who_is_ordered_to_restrict(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, name", [
    # what a stake or shares are in is a firm, whatever the NER took the lone name for; buying or
    # holding shares in it is investing (not acquiring it)
    ("Veltro bought shares in Lumio.", "Lumio"),
    ("Veltro acquired shares in Lumio last year.", "Lumio"),
])
def test_rules_buying_shares_in_a_firm_invests_in_it(nlp, text, name):
    from .reading import _assert_typed_and_reads

    _assert_typed_and_reads(nlp, text, name, "Company", ("Veltro", "investsIn", name))
    assert ("Veltro", "acquires", name) not in _triples(_rules_doc(nlp, text))


def test_entities_a_name_ends_on_a_capitalised_word_with_a_plus(nlp):
    """"Movistar Plus+": the NER stopped before the word with "+", which ends the name."""
    from .reading import _assert_typed_and_reads

    _assert_typed_and_reads(nlp, "Telefonica, whose Movistar Plus+ platform broadcasts most matches, pays LaLiga.",
                            "Movistar Plus+", "Product", ("Telefónica", "develops", "Movistar Plus+"))


@pytest.mark.parametrize("text, expected", [
    # who the object of "face" or "receive" is from acts on the subject, also where the parser hangs
    # "from" on the verb
    ("Quillo is facing a lawsuit from Brightfall Games over its app store fees.", ("Brightfall Games", "sues", "Quillo")),
    ("Veltro received an investment from Tarsan Capital.", ("Tarsan Capital", "investsIn", "Veltro")),
])
def test_rules_what_a_subject_receives_from_someone_they_do_to_it(nlp, text, expected):
    _assert_reads(nlp, text, {expected})


@pytest.mark.parametrize("text, expected", [
    # an event noun's preposition that the parser hung on the verb above, past a time phrase
    ("The purchase follows Brightmoor's investment last year in geothermal developer Cascadia Heat.",
     ("Brightmoor", "investsIn", "Cascadia Heat")),
])
def test_rules_an_event_nouns_preposition_past_a_time_phrase(nlp, text, expected):
    _assert_reads(nlp, text, {expected})


@pytest.mark.parametrize("text, expected, absent", [
    # after the object of suing or buying, an infinitive says what the subject wants (not what the object
    # does); after forcing or ordering, what the object is made to do
    ("The Federal Trade Commission sued Veltro to block its purchase of Lumio.",
     {("Federal Trade Commission", "sues", "Veltro")}, {("Veltro", "restricts", "Federal Trade Commission")}),
    ("A court ordered Vodafone to block GolStream.", {("Vodafone", "restricts", "GolStream")}, set()),
])
def test_rules_whose_act_an_infinitive_after_an_object_is(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a firm's description right before its name, the parser having hung the name on the verb
    ("Korvane already ships packs to Dutch bus builder Veldhuis Mobility.", {("Korvane", "suppliesTo", "Veldhuis Mobility")}),
    # a first name the parser made a modifier of the second ("Apple and Samsung Electronics")
    ("Hanwool, which supplies OLED panels to Apple and Samsung Electronics, had sued Choi in May.",
     {("Hanwool", "suppliesTo", "Apple"), ("Hanwool", "suppliesTo", "Samsung Electronics")}),
])
def test_rules_whom_goods_go_to_where_the_parse_slips(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    # "with" hung on the noun of another preposition still names the rival
    ("Ruibo said it would compete on price with Tata and Mahindra.",
     {("Ruibo", "competesWith", "Tata Group"), ("Ruibo", "competesWith", "Mahindra")}, set()),
    # a name the NER took for a people's, acting as the subject, is a firm
    ("Humboldt competes with Maersk and MSC on the trade.",
     {("Humboldt", "competesWith", "Maersk"), ("Humboldt", "competesWith", "MSC")}, set()),
    # a relative clause with a singular verb after a list is said of the last name only
    ("Vexa bought Lumo and Quillo, which is based in Oslo.", {("Quillo", "basedIn", "Oslo")},
     {("Lumo", "basedIn", "Oslo")}),
    ("Vexa bought Lumo and Quillo, which competes with Helix.", {("Quillo", "competesWith", "Helix")},
     {("Lumo", "competesWith", "Helix")}),
    # (and of every name with a plural one)
    ("Vexa bought Lumo and Quillo, which are based in Oslo.",
     {("Quillo", "basedIn", "Oslo"), ("Lumo", "basedIn", "Oslo")}, set()),
])
def test_rules_who_a_clause_is_about_where_the_parse_is_loose(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # built for a client, leased from a lessor: a supply
    ("Aldbury Aerostructures, which builds fuselage sections for Boeing, said it would hire 1,200 workers.",
     {("Aldbury Aerostructures", "suppliesTo", "Boeing")}, set()),
    ("Veltro leases four freighters from Shannon Air Leasing.", {("Shannon Air Leasing", "suppliesTo", "Veltro")},
     set()),
    # what is built is not whom it goes to, whatever the NER took it for
    ("Stripe will give Souqly access to Stripe Connect, a payments platform Stripe built for marketplaces.",
     set(), {("Stripe", "suppliesTo", "Stripe Connect")}),
])
def test_rules_what_is_built_for_a_client_or_leased(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a joint venture "of" two firms makes them partners, as "between" does
    ("The two compete with Virgin Media O2, a joint venture of Liberty Global and Telefonica.",
     {("Liberty Global", "partnersWith", "Telefónica")}),
    # ... also where the name the venture is apposed to is far from a verb's subject
    ("Skyway, a joint venture of Veltro and Lumio, flies to Oslo.", {("Veltro", "partnersWith", "Lumio")}),
    # a distribution or launch deal with a firm is a partnership (a supply deal is not)
    ("Suraksha One has signed a distribution deal with Dukaan Tech, the maker of the KiranaKart app.",
     {("Suraksha One", "partnersWith", "Dukaan Tech")}),
    ("Zhenbo Mobile struck exclusive launch deals with e-commerce platforms Kartwala and ShopSetu.",
     {("Zhenbo Mobile", "partnersWith", "Kartwala"), ("Zhenbo Mobile", "partnersWith", "ShopSetu")}),
])
def test_rules_partners_by_a_venture_or_a_deal(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    # licensing a design to a firm gives it access; what is licensed is no party
    ("Lumaris licenses its own Salt-1 cell design to Indian battery maker Urja Cellworks.",
     {("Lumaris", "providesAccessTo", "Urja Cellworks")}, set()),
    # a regulator licensing a firm to do something gives it leave: the firm does what it is licensed to do
    ("The Communications Authority of Kenya licensed Stellaris Link to sell its SkyMesh service in Kenya.",
     {("Stellaris Link", "offers", "SkyMesh")},
     {("Communications Authority of Kenya", "providesAccessTo", "Stellaris Link"),
      ("Communications Authority of Kenya", "offers", "SkyMesh")}),
    # a name the NER took for a place, said to be based somewhere, is a firm
    ("Nexari, based in Shenzhen, China, gives advertisers access to its data tools.",
     {("Nexari", "basedIn", "Shenzhen")}, set()),
])
def test_rules_licences_and_leave(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_a_places_product_is_not_one_it_develops(nlp):
    # a possessive of a country or place says where a product is from, not who develops it
    _assert_reads(nlp, "The bank connected its Bakong payment system to Thailand's PromptPay network.", set(),
                  {("Thailand", "develops", "PromptPay")})
    _assert_reads(nlp, "Apple's iPhone sold well.", {("Apple", "develops", "iPhone")})


@pytest.mark.parametrize("text, expected, absent", [
    # a share under half is an investment, over half control, whatever "own" says alone
    ("Acacia Telecom is 35% owned by the Qatar Investment Authority.",
     {("Qatar Investment Authority", "investsIn", "Acacia Telecom")},
     {("Acacia Telecom", "subsidiaryOf", "Qatar Investment Authority")}),
    ("Vardholm Naval, based in Bergen, is part-owned by Kongsberg Gruppen.",
     {("Kongsberg Gruppen", "investsIn", "Vardholm Naval")}, {("Vardholm Naval", "subsidiaryOf", "Kongsberg Gruppen")}),
    ("Skjold Capital, which owns 12% of Lunaris Games, said the offer was too low.",
     {("Skjold Capital", "investsIn", "Lunaris Games")}, set()),
    ("Vexa Holdings owns 60% of Lumo Systems.", {("Lumo Systems", "subsidiaryOf", "Vexa")},
     {("Vexa", "investsIn", "Lumo Systems")}),
    # a share taken (lexicon share_taking_verbs) is bought
    ("Sakata will take 19.9% of Australian lithium miner Kimberley Lithium.",
     {("Sakata", "investsIn", "Kimberley Lithium")}, set()),
    # ... the share the parser made the copula's attribute, and one held "in which"
    ("Lazurowy is 35 percent owned by Baltica Ventures, a Vilnius fund.",
     {("Baltica Ventures", "investsIn", "Lazurowy")}, {("Lazurowy", "subsidiaryOf", "Baltica Ventures")}),
    ("The venture, Norte Rail, in which Trenes Vega will hold 49 percent, will bid for the order.",
     {("Trenes Vega", "investsIn", "Norte Rail")}, set()),
    # money raised in a currency the NER took for a number, "from" investors listed on the sum, from a
    # firm's fund; never a subsidy or an advance
    ("Voltfix raised 8 million euros in March from Rabobank's innovation fund and Dutch investor "
     "Polderkracht Ventures.",
     {("Rabobank", "investsIn", "Voltfix"), ("Polderkracht Ventures", "investsIn", "Voltfix")}, set()),
    ("Lueur has raised 110 million euros from investors including Bpifrance and Eurazeo.",
     {("Bpifrance", "investsIn", "Lueur"), ("Eurazeo", "investsIn", "Lueur")}, set()),
    # ... a subsidy or an advance received is a payment from whom it comes, never an investment, and an
    # order received neither
    ("Hoshizora received a 10 billion yen subsidy from Japan's Ministry of Economy, Trade and Industry.",
     {("Ministry of Economy, Trade and Industry", "pays", "Hoshizora")},
     {("Ministry of Economy, Trade and Industry", "investsIn", "Hoshizora")}),
    ("Trenova Rail has already received a $110 million advance from Harbor Capital.",
     {("Harbor Capital", "pays", "Trenova Rail")}, {("Harbor Capital", "investsIn", "Trenova Rail")}),
    ("Trenova Rail received a $2 billion order from Harbor Rail.", set(),
     {("Harbor Rail", "investsIn", "Trenova Rail"), ("Harbor Rail", "pays", "Trenova Rail")}),
    # the sale of a stake hands it to the buyer, and is no supply
    ("Kranich completed the sale of its remaining 25% stake in lamp maker Brennwald Leuchten to private "
     "equity firm Tritonis Capital.", {("Tritonis Capital", "investsIn", "Brennwald Leuchten")},
     {("Kranich", "suppliesTo", "Tritonis Capital")}),
    # ... and so is a share bought or sold: below half an investment, above it the firm (not goods)
    ("Lufthansa bought 41% of Aerita last year.", {("Lufthansa", "investsIn", "Aerita")},
     {("Lufthansa", "acquires", "Aerita")}),
    ("Maple Crest bought 60% of Skarvo Fiber.", {("Maple Crest", "acquires", "Skarvo Fiber")}, set()),
    ("Skarvo agreed to sell 40% of Skarvo Fiber to Maple Crest.", {("Maple Crest", "investsIn", "Skarvo Fiber")},
     {("Skarvo", "suppliesTo", "Maple Crest")}),
    ("Veltro sold 40% of its output to Kestrel Foods.", {("Veltro", "suppliesTo", "Kestrel Foods")}, set()),
    # "in which X holds a stake": the noun the clause describes
    ("The Pico is assembled by Sarvana Auto, an Indian contract manufacturer in which Ruibo holds a 26% stake.",
     {("Ruibo", "investsIn", "Sarvana Auto")}, {("Ruibo", "investsIn", "India")}),
])
def test_rules_shares_of_a_firm(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a country's or a city's firm of a kind, the kind written before the name (kg:basedIn's role nouns)
    ("Korvane already ships packs to Dutch bus builder Veldhuis Mobility.", {("Veldhuis Mobility", "basedIn", "Netherlands")}),
    ("China's Qinglu Travel agrees to buy Thai hotel booking site Siamstay.", {("Siamstay", "basedIn", "Thailand")}),
    ("Jalanku is backed by Japanese trading house Miyabe Corp.", {("Miyabe", "basedIn", "Japan")}),
    # a city's name before the noun in front of the role noun
    ("The case began after Ostrel, a Lyon cloud provider, raised concerns.", {("Ostrel", "basedIn", "Lyon")}),
    ("Its courier is Rapido Kourier, a Lagos logistics company.", {("Rapido Kourier", "basedIn", "Lagos")}),
])
def test_rules_a_firm_of_a_kind_from_a_place(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    # ... read off the surface where the tagger took the role noun or a word before it for a verb
    ("Local rival Taalbeat, made by Bengaluru startup Rhythmic Labs, said downloads doubled.",
     {("Rhythmic Labs", "basedIn", "Bengaluru")}, set()),
    ("Nuvem Play, developed by Lisbon start-up Arcada Games, said speeds fell.",
     {("Arcada Games", "basedIn", "Lisbon")}, set()),
    ("Moroccan phosphate giant OCP teams up with Casamance Agro on blending plant",
     {("OCP", "basedIn", "Morocco")}, set()),
    # not a place that acts on the firm, nor one the firm is listed in
    ("Brazil bars exchange Cruzeiro Digital from selling tokens", set(), {("Cruzeiro Digital", "basedIn", "Brazil")}),
    ("Lumio is owned by Amsterdam-listed holding company Vantorr Holdings.", set(),
     {("Vantorr Holdings", "basedIn", "Amsterdam")}),
])
def test_rules_a_firm_of_a_kind_from_a_place_on_the_surface(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a trade written in capitals before the role noun ("AI startup", "AR start-up"), and a place's
    # "-based" before the description, read off the surface
    ("Lyon-based AI startup Kelvane Labs has signed a deal with Orlan Cloud.", {("Kelvane Labs", "basedIn", "Lyon")}),
    ("Tessor buys Madrid AR start-up Vimela for 40 million euros", {("Vimela", "basedIn", "Madrid")}),
])
def test_rules_a_firm_of_a_trade_in_capitals_from_a_place(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a wallet (e-wallet, digital wallet) is a firm's description, as an exchange or a lender is
    ("Danish wallet Pengeo said on Tuesday it would launch in Sweden.", {("Pengeo", "basedIn", "Denmark")}),
    ("Shares rose after Philippine e-wallet Kabayan Pay signed a partnership with Orlan Bank.",
     {("Kabayan Pay", "basedIn", "Philippines")}),
    ("Orlan Bank gives Peruvian digital wallet Yaku Pagos access to its network.", {("Yaku Pagos", "basedIn", "Peru")}),
])
def test_rules_a_wallet_from_a_place(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    # a unit's place between a possessive and the unit's noun, then the unit's name: the unit is based there
    ("Treasury said the firm's Hong Kong unit, Peltra Shipping Ltd, had chartered four tankers.",
     {("Peltra Shipping", "basedIn", "Hong Kong")}, set()),
    ("Its Lyon subsidiary, Orvane France, employs 120 people.", {("Orvane France", "basedIn", "Lyon")}, set()),
    # (not a partner's noun: a partner is no unit)
    ("Kelvor said its Dubai partner, Orlan Trading, had paid.", set(), {("Orlan Trading", "basedIn", "Dubai")}),
])
def test_rules_a_units_seat_before_its_name(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # goods used or bought "from" a firm: it supplies them (and what "from" names is a firm, whatever
    # place the NER took it for)
    ("Tessaro Play uses memory chips from Kioxia.", {("Kioxia", "suppliesTo", "Tessaro Play")}, set()),
    ("Marlo Telecom buys its boxes from Skyworth.", {("Skyworth", "suppliesTo", "Marlo Telecom")}, set()),
    # money is no goods
    ("Orbex said it used money from Harbor Capital to buy Lumo.", set(), {("Harbor Capital", "suppliesTo", "Orbex")}),
    # made "for" a client: goods in the plural, not bids or a case
    ("Halvard makes seats and galleys for airlines including Finnair and Icelandair.",
     {("Halvard", "suppliesTo", "Finnair"), ("Halvard", "suppliesTo", "Icelandair")}, set()),
    ("Vexa made a bid for Lumo in May.", set(), {("Vexa", "suppliesTo", "Lumo")}),
    # (goods that are a site's trigger noun are still goods: "chargers")
    ("Foxlink makes chargers for Apple.", {("Foxlink", "suppliesTo", "Apple")}, set()),
    ("Vexa made the case for a merger with Lumo.", set(), {("Vexa", "suppliesTo", "Lumo")}),
    ("Lumo made offers for Vexor and Orla.", set(), {("Lumo", "suppliesTo", "Vexor")}),
])
def test_rules_goods_bought_used_or_made_for_a_client(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a country's forces stand for the country, each one listed ...
    ("Kovrin sells patrol boats to the coast guards of Ghana and Togo.",
     {("Kovrin", "suppliesTo", "Ghana"), ("Kovrin", "suppliesTo", "Togo")}, set()),
    # ... but forces "in" a place are buyers there
    ("Kovrin sells its drones to armed forces in Estonia and Latvia.",
     {("Kovrin", "operatesIn", "Estonia")}, {("Kovrin", "suppliesTo", "Estonia")}),
])
def test_rules_a_countrys_forces_are_the_country(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # organisations that work together are partners ...
    ("Ferrox already works with Toshiba on recycled magnets.", {("Ferrox", "partnersWith", "Toshiba")}, set()),
    ("Rival grocers Aldana and Merkato, which also work with Glovo, cut prices.",
     {("Aldana", "partnersWith", "Glovo"), ("Merkato", "partnersWith", "Glovo")}, set()),
    # ... not a person with a firm, nor a firm with the regulator that ruled against it
    ("Anna Berg works with Toshiba on recycled magnets.", set(), {("Anna Berg", "partnersWith", "Toshiba")}),
    ("Ferrox said it would work with Brazil's National Data Protection Authority.", set(),
     {("Ferrox", "partnersWith", "National Data Protection Authority")}),
    # an adjective of nationality on the deal says where, and is no partner
    ("Thessaly AI and Dahna Digital form Saudi data-centre venture", {("Thessaly AI", "partnersWith", "Dahna Digital")},
     {("Thessaly AI", "partnersWith", "Saudi Arabia")}),
    ("Rimba Digital Bank links up with Kedai Kita on merchant loans.",
     {("Rimba Digital Bank", "partnersWith", "Kedai Kita")}, set()),
    # the members of a consortium, or of a venture formed or led by them
    ("Applicants include a consortium formed by Siam Orchid Holdings and Chao Phraya Digital.",
     {("Siam Orchid", "partnersWith", "Chao Phraya Digital")}, set()),
    ("A venture led by Siam Orchid Holdings and Chao Phraya Digital won the licence.",
     {("Chao Phraya Digital", "partnersWith", "Siam Orchid")}, set()),
    # a trigger the tokenizer splits at its hyphen ("tie" "-" "up") is still one
    ("Valdor Energy's tie-up with Toshiba was approved.", {("Valdor Energy", "partnersWith", "Toshiba")},
     set()),
])
def test_rules_firms_that_work_together_partner(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_a_role_noun_split_at_its_hyphen_is_still_one(nlp):
    # "start-up", which the tokenizer splits, is kg:basedIn's role noun "start-up" all the same
    _assert_reads(nlp, "BERLIN — Quellwerk, a Hamburg start-up that makes robot arms, has raised money.",
                  {("Quellwerk", "basedIn", "Hamburg")})


@pytest.mark.parametrize("text, expected, absent", [
    # "the company behind X": kg:develops's apposition preposition
    ("Quorra Inc, the company behind the photo app Snapjar, has bought Lumo.", {("Quorra", "develops", "Snapjar")},
     set()),
    # a description before a name is no job for a relation of things
    ("Grocery app Fennick launched a range of own-label staples.", set(), {("Fennick", "develops", "Grocery")}),
])
def test_rules_the_firm_behind_a_product_develops_it(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # "Rival X" with no one named beside it: the rival of the organisation the text is about, named most
    # often so far (not the subject of the sentence before, a firm the analysts work at)
    ("Vanta Air raised fares on Monday. Vanta Air said fuel costs rose. Analysts at Peel Hunt said the move "
     "was overdue. Rival Skyro kept its fares unchanged.", {("Skyro", "competesWith", "Vanta Air")}, set()),
    # ... and on a tie, the one named first, as a story names its subject first
    ("Tidegate bid for BCT. Rival Eurogate had also bid.", {("Eurogate", "competesWith", "Tidegate")},
     {("Eurogate", "competesWith", "BCT")}),
    # a peer role opening a sentence is no part of the names after it ("Rivals Velo and Zapp"), but a
    # firm word keeps a name whole ("Rival Games")
    ("Rivals Velo and Zapp, which both run in Lisbon, cut fees.",
     {("Velo", "operatesIn", "Lisbon"), ("Zapp", "operatesIn", "Lisbon")}, set()),
    ("Rival Games said it would sue Vexa.", {("Rival Games", "sues", "Vexa")}, set()),
    # ... and read as the plural noun it is where the tagger took it for a name or a verb ("Rivals/NNP")
    ("Orlan Poultry said exports were unaffected. Rivals Brava and Jundo could gain share.",
     {("Brava", "competesWith", "Orlan Poultry"), ("Jundo", "competesWith", "Orlan Poultry")},
     {("Brava", "competesWith", "Jundo")}),
    ("Orlan Poultry said exports were unaffected. Rivals Brava and Jundo, which also export chicken to China, could "
     "gain share.", {("Brava", "competesWith", "Orlan Poultry"), ("Jundo", "competesWith", "Orlan Poultry")}, set()),
    # a name and its short form count as one, and the rival a person's name to the NER is a firm
    ("Tidemark Group bid for the terminal. Tidemark said the offer was final. Analysts at Peel Hunt expect a "
     "deal. Rival Mkulima Link said it had no plans to bid.", {("Mkulima Link", "competesWith", "Tidemark")},
     {("Mkulima Link", "competesWith", "Peel Hunt")}),
    # the peer role before words that describe the name ("rival scooter firm", "Rival recycler"), or
    # before a plural with the names apposed ("Rival grocers X and Y"): rivals of the topic, not of each other
    ("Pellon sells scooters in Oslo. Pellon denies it is in talks to buy rival scooter firm Kerbo.",
     {("Kerbo", "competesWith", "Pellon")}, set()),
    # ... in a headline too, where the parser hangs the name on the singular noun before it
    ("Regulator blocks Telvo's takeover of rival broadcaster Canale Orvo\n\nROME — The regulator on Tuesday "
     "blocked the deal.", {("Canale Orvo", "competesWith", "Telvo")}, set()),
    ("FTC sues to block Clearpax's $8.2bn purchase of rival ad firm Quenvel Media\n\nWASHINGTON — The Federal "
     "Trade Commission sued on Monday to stop the deal.", {("Quenvel Media", "competesWith", "Clearpax")}, set()),
    ("Cyrex recycles batteries in Sweden. Cyrex said prices fell. Rival recycler Ambel Metals said it had no "
     "plans to cut prices.", {("Ambel Metals", "competesWith", "Cyrex")}, set()),
    ("Pembrook sells food online. Rival grocers Aldana and Merkato, which also work with Glovo, said the deal "
     "would not change their plans.", {("Aldana", "competesWith", "Pembrook"), ("Merkato", "competesWith", "Pembrook")},
     {("Aldana", "competesWith", "Merkato")}),
    # not a firm the rest of the rival's sentence names, whom the rival deals with there (but the one it
    # competes with there is the topic)
    ("Battery recycler Cyrex has signed a deal with carmaker Osterby Motors. Osterby will send old packs to "
     "Cyrex, Osterby said. Rival recycler Ambel Metals said it had no supply agreement with Osterby.",
     {("Ambel Metals", "competesWith", "Cyrex")}, {("Ambel Metals", "competesWith", "Osterby")}),
    # a customer that takes its business "to rival X" is no rival of X: X is the rival of the firm the text is
    # about, the one the customer leaves
    ("Orlan Market runs a car site in Halden. Dealer group Kesto Auto, which sells 12,000 used cars a year on the "
     "site, said it paid Orlan Market 90 million lira in commissions last year and was considering moving its "
     "listings to rival Brava.", {("Brava", "competesWith", "Orlan Market")}, {("Brava", "competesWith", "Kesto Auto")}),
    ("Orlan Care sells pharmacy benefits. Orlan Care lost a lawsuit. Large employers such as the retailer Kesto "
     "Stores, which buys pharmacy benefits from Orlan Care, had threatened to move their business to smaller "
     "rivals such as Brava Benefits.", {("Brava Benefits", "competesWith", "Orlan Care")},
     {("Brava Benefits", "competesWith", "Kesto Stores")}),
    ("Tarrow runs an online marketplace in Poland. The regulator fined Tarrow on Monday. Tarrow said it would "
     "appeal. Rival Kolvena, which competes with Tarrow in Slovakia, was not part of the case.",
     {("Kolvena", "competesWith", "Tarrow")}, set()),
    # a plural role the tagger took for a verb before names that are another verb's subject: the topic's
    # rivals, not each other's (but "and rivals Quillo" is a verb with its object)
    ("The regulator fined Yunda Mall. Its shares fell 4%, while rivals Kesto and Vamo rose.",
     {("Kesto", "competesWith", "Yunda Mall"), ("Vamo", "competesWith", "Yunda Mall")},
     {("Kesto", "competesWith", "Vamo"), ("Vamo", "competesWith", "Kesto")}),
    ("Kelvor makes phones and rivals Quillo in Europe.", {("Kelvor", "competesWith", "Quillo")}, set()),
    # the peer role on a noun apposed to the name ("X, a rival insurer,"): the topic's rival, or the one
    # the noun's own preposition names
    ("Mirela Insurance will pay $4 million to settle a suit over unpaid claims. Bexley Mutual, a rival "
     "insurer, said it had settled all claims in full.", {("Bexley Mutual", "competesWith", "Mirela Insurance")},
     set()),
    # ... but not the subject that backs the rival: its investor, and the rival is the topic's
    ("Aurvo Orbit will launch the service in Mumbai first. Bharvi Telecom, which backs rival satellite operator "
     "Onevo, said it welcomed competition.", {("Onevo", "competesWith", "Aurvo Orbit")},
     {("Onevo", "competesWith", "Bharvi Telecom")}),
    ("Kelvor Bank, a rival lender to Orlan Bank, said it would cut fees.",
     {("Kelvor Bank", "competesWith", "Orlan Bank")}, set()),
    # ... and the clause's subject only where the name is the verb's object, not in a preposition
    ("Hollweg sells insurance in Denmark. Hollweg agreed to buy Aarestrup, a rival insurer, for $2 billion.",
     {("Aarestrup", "competesWith", "Hollweg")}, set()),
    ("Serelia Bank said it would appeal. The Lisbon Savers Union urged the regulator to look next at Vintor "
     "Bank, a rival lender.", {("Vintor Bank", "competesWith", "Serelia Bank")},
     {("Vintor Bank", "competesWith", "Lisbon Savers Union")}),
])
def test_rules_a_rival_named_alone_is_the_topics(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # "Rival" capitalised to open a sentence, which the tagger takes for an adjective before the name: the
    # role all the same, whatever follows the name (a participle, an apposition, a verb)
    ("Kelvor Bank cut its fees on Monday. Kelvor said demand was strong. Rival Orvik, owned by Tamsa Group, "
     "still charges more.", {("Orvik", "competesWith", "Kelvor")}, {("Orvik", "competesWith", "Tamsa Group")}),
    ("Kelvor Bank cut its fees on Monday. Rival Orvik charges more.", {("Orvik", "competesWith", "Kelvor Bank")},
     set()),
    ("Kelvor Bank cut its fees on Monday. Kelvor said demand was strong. Rival Orvik Energy sold its own fields "
     "to local firms in 2021.", {("Orvik Energy", "competesWith", "Kelvor")}, set()),
])
def test_rules_a_sentence_opening_rival_adjective_is_the_role(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # "Rival" and a plural kind opening a sentence, the names listed right after it, which the parser made a
    # second subject of the verb beside the plural (which the tagger may take for a verb): the names are the
    # rivals of the firm the text is about
    ("Velmora cut its fees on Monday. Rival platforms Kestrel and Orvane said sales had risen.",
     {("Kestrel", "competesWith", "Velmora"), ("Orvane", "competesWith", "Velmora")}),
])
def test_rules_rival_plural_kind_beside_the_names_it_describes(nlp, text, expected):
    _assert_reads(nlp, text, expected, {("Kestrel", "competesWith", "Orvane"), ("Orvane", "competesWith", "Kestrel")})


@pytest.mark.parametrize("text, expected, absent", [
    # "one of the few rivals to X": the parser hangs "to" on "one"; whose rival the role is, all the same (not
    # the firm the text is about otherwise)
    ("Halden agreed to buy Kelvor. The regulator said Kelvor is one of the few rivals to market leaders Orvane "
     "and Tamsa Systems.", {("Kelvor", "competesWith", "Orvane"), ("Kelvor", "competesWith", "Tamsa Systems")},
     {("Kelvor", "competesWith", "Halden")}),
    ("Kelvor is one of the few rivals to Orvane.", {("Kelvor", "competesWith", "Orvane")}, set()),
])
def test_rules_one_of_the_rivals_to_a_firm(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, tags, heads, deps, ents, triple", [
    # the name right after "rival" and a singular noun, which the parser hung on the verb: the topic's rival
    ("Online marketplace Tarsk Market has stopped taking orders. The regulator had barred Tarsk from requiring "
     "sellers to charge more on rival site Trendova.",
     ["JJ", "NN", "NNP", "NNP", "VBZ", "VBN", "VBG", "NNS", ".", "DT", "NN", "VBD", "VBN", "NNP", "IN", "VBG", "NNS",
      "TO", "VB", "JJR", "IN", "JJ", "NN", "NNP", "."],
     [1, 3, 3, 5, 5, 5, 5, 6, 5, 10, 12, 12, 12, 12, 12, 14, 15, 18, 15, 18, 18, 22, 20, 18, 12],
     ["amod", "compound", "compound", "nsubj", "aux", "ROOT", "xcomp", "dobj", "punct", "det", "nsubj", "aux", "ROOT",
      "dobj", "prep", "pcomp", "dobj", "aux", "xcomp", "dobj", "prep", "amod", "pobj", "npadvmod", "punct"],
     ["O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O", "O", "O", "O", "O", "O", "B-ORG", "O", "O", "O", "O", "O", "O",
      "O", "O", "O", "B-ORG", "O"],
     ("Trendova", "competesWith", "Tarsk")),
])
def test_rules_a_rival_named_after_its_noun_the_parser_hung_elsewhere(nlp, text, tags, heads, deps, ents, triple):
    found = _parsed_triples(nlp, text, tags, heads, deps, ents)
    assert triple in found, found


@pytest.mark.parametrize("text, absent", [
    # the names a rival role gives, with no one else named as the other side, are rivals of someone the
    # text leaves unsaid, not of each other
    ("The outage lasted two days. Rivals Tamsa Exchange and Brisco Pay said their own apps were not affected.",
     {("Tamsa Exchange", "competesWith", "Brisco Pay"), ("Brisco Pay", "competesWith", "Tamsa Exchange")}),
    ("Rival lenders Tamsa Bank and Brisco Bank said they had not been contacted.",
     {("Tamsa Bank", "competesWith", "Brisco Bank"), ("Brisco Bank", "competesWith", "Tamsa Bank")}),
])
def test_rules_the_names_of_one_rival_role_are_not_each_others_rivals(nlp, text, absent):
    _assert_reads(nlp, text, set(), absent)


@pytest.mark.parametrize("text, expected, absent", [
    # "competes" is a verb wherever the tagger took it for a plural noun after a name it did not know
    ("Imari Pay is backed by TLcom Capital and competes with Flutterwave and Onafriq.",
     {("Imari Pay", "competesWith", "Flutterwave"), ("Imari Pay", "competesWith", "Onafriq")}, set()),
    ("VK Video competes with YouTube and with Rutube, which is owned by Gazprom-Media.",
     {("VK Video", "competesWith", "YouTube"), ("VK Video", "competesWith", "Rutube")}, set()),
    # ... and a sentence's root with an object or a particle that the tagger took for a plural noun (after a
    # headline, or in one)
    ("Halvik Lifting to buy Swedish forklift hire firm Berg Truckuthyrning\n\nBerg rents out about 800 "
     "forklifts in Sweden, Norway and Finland.",
     {("Berg", "operatesIn", "Sweden"), ("Berg", "operatesIn", "Norway"), ("Berg", "operatesIn", "Finland")}, set()),
    ("U.S. slaps duties on steel wire from Korea and Taiwan",
     {("United States", "restricts", "South Korea"), ("United States", "restricts", "Taiwan")}, set()),
    # ... and a relative clause's head, with the relative pronoun its subject and an object after it
    ("The tariff hurts Kessel Forge, which ships castings to tractor makers including Arvo Tractors.",
     {("Kessel Forge", "suppliesTo", "Arvo Tractors")}, set()),
    # a verb the parser joined to the object of the clause before shares that clause's subject
    ("Vamos has signed up 30,000 drivers and competes with Ridex and Kolo Rides in Bogota.",
     {("Vamos", "competesWith", "Ridex"), ("Vamos", "competesWith", "Kolo Rides")}, set()),
    # ... however long the list that object ends
    ("Nordvik sells its feed in Denmark, Sweden and the Baltic states and supplies farm cooperative Halmstad Agri.",
     {("Nordvik", "suppliesTo", "Halmstad Agri")}, set()),
    # a name the parser made a compound of the verb after it is its subject, whatever its tag
    ("Danone invests in Lisbon kombucha brand Fermento\n\nDanone has bought a stake in Fermento, a maker of "
     "kombucha.", {("Danone", "investsIn", "Fermento")}, {("Danone", "investsIn", "Lisbon")}),
    # a name the parser hung on the next one, "and" and a description between them, is its conjunct
    # (and the description is the second's alone)
    ("Saga Marine and Qatari shipper Al Dafna form joint venture for ammonia-fuelled tankers",
     {("Al Dafna", "partnersWith", "Saga Marine"), ("Al Dafna", "basedIn", "Qatar")},
     {("Saga Marine", "basedIn", "Qatar")}),
    ("Song Hong Motors has signed an alliance with LG Energy Solution and nickel miner Sulawesi Mineral.",
     {("Song Hong Motors", "partnersWith", "LG Energy Solution"),
      ("Song Hong Motors", "partnersWith", "Sulawesi Mineral")}, set()),
    # the subject a "whose" owns is the clause's subject, and the owner no object of its verb
    ("The app makers include Brightfeather, whose Pippit app competes with Glint.",
     {("Pippit", "competesWith", "Glint")}, {("Pippit", "competesWith", "Brightfeather")}),
    # read off the surface: of "Brazil's Embraer", the name owned
    ("Laurentide competes with Brazil's Embraer, whose E175 dominates regional fleets.",
     {("Laurentide", "competesWith", "Embraer")}, {("Laurentide", "competesWith", "Brazil")}),
])
def test_rules_clauses_the_small_parser_misreads(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # the goods named between "whose" and a verb of rivalry compete, whatever the parser made of the phrase
    # (a verb taken for the phrase's last noun, the kind taken for a verb)
    ("Halvard Games, whose own Tarnish store competes with both Pellar and Quint, sells its games there.",
     {("Tarnish", "competesWith", "Pellar"), ("Tarnish", "competesWith", "Quint")},
     {("Halvard Games", "competesWith", "Pellar")}),
    ("Shares of Kestrel Medical, whose VitaFlow pump competes directly with the Corvia, rose 4%.",
     {("VitaFlow", "competesWith", "Corvia")}, {("Kestrel Medical", "competesWith", "Corvia")}),
])
def test_rules_goods_named_after_whose_compete(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # "with" after a supply noun names the client (kg:nounObjectPreposition), not after the verb
    ("Brenvik Semiconductor has signed supply agreements with Tarvo Motors and Kestrel Auto.",
     {("Brenvik Semiconductor", "suppliesTo", "Tarvo Motors"), ("Brenvik Semiconductor", "suppliesTo", "Kestrel Auto")},
     set()),
    ("Vexa sells phones with Samsung chips.", set(), {("Vexa", "suppliesTo", "Samsung")}),
])
def test_rules_a_supply_deal_with_a_client(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # the ones given access, named before "access" in a phrase too long for the parser
    ("Norvane is giving the World Health Organization, Caritas and Oxfam free access to its satellite network for a "
     "year.", {("Norvane", "providesAccessTo", "World Health Organization"), ("Norvane", "providesAccessTo", "Oxfam")},
     set()),
    ("Kelmar gives big advertisers such as Ostara Foods access to its audience tools.",
     {("Kelmar", "providesAccessTo", "Ostara Foods")}, set()),
    # not a name's owner, nor what a clause after a comma gives
    ("Tarvo pays Lumo's local agent, Brisa Brokers, a 2% commission on each cargo.",
     {("Tarvo", "paysCommissionTo", "Brisa Brokers")}, {("Tarvo", "paysCommissionTo", "Lumo")}),
    ("The regulator gave Safaricom more time, denying Airtel access to its network.", set(),
     {("regulator", "providesAccessTo", "Bharti Airtel"), ("Kenya", "providesAccessTo", "Bharti Airtel")}),
])
def test_rules_access_given_to_names_listed_before_it(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # "fined X for doing": X did it, not the one who fined it
    ("The regulator Anacom fined Lusatel for throttling traffic from the gaming service Nuvem Play.",
     {("Lusatel", "restricts", "Nuvem Play")}, {("Anacom", "restricts", "Nuvem Play")}),
    ("Vexa thanked Lumo for supplying chips to Orla.", {("Lumo", "suppliesTo", "Orla")}, {("Vexa", "suppliesTo", "Orla")}),
])
def test_rules_who_is_blamed_or_thanked_for_doing_did_it(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a role with no one beside it, held by the subject of what an organisation says, is that one's
    ("Telvane said Finnish supplier Norkia would replace the gear in its core network.",
     {("Norkia", "suppliesTo", "Telvane")}, set()),
    # (not a regulator's: "the regulator said" reports, it has no rival)
    ("Smaller rival Ebube Finance has not yet received approval, the Central Bank of Nigeria said.", set(),
     {("Ebube Finance", "competesWith", "Central Bank of Nigeria")}),
])
def test_rules_a_role_held_in_what_a_firm_says_is_that_firms(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # the same preposition again after "as well as", hung on the first one or on the verb
    ("Brenvik supplies its resist to Tarvo and Kestrel Auto, as well as to Orsanne and Kelvra Systems.",
     {("Brenvik", "suppliesTo", "Orsanne"), ("Brenvik", "suppliesTo", "Kelvra Systems")}, set()),
    ("Veltro sells its drones to Orsanne, as well as to Quillmere and Tarvo.",
     {("Veltro", "suppliesTo", "Quillmere"), ("Veltro", "suppliesTo", "Tarvo")}, set()),
    # "with X and Y as its customers": who is "with" the verb holds the role
    ("Nexalis Packaging opened a plant in Kulim on Tuesday, with Tarvo and Orsanne as its first customers.",
     {("Nexalis Packaging", "suppliesTo", "Tarvo"), ("Nexalis Packaging", "suppliesTo", "Orsanne")}, set()),
    # "its suppliers, among them X and Y"
    ("Laurentide said its suppliers, among them Safran and Collins Aerospace, were not at fault.",
     {("Safran", "suppliesTo", "Laurentide"), ("Collins Aerospace", "suppliesTo", "Laurentide")}, set()),
])
def test_rules_customers_and_suppliers_listed_apart(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # packing goods for someone supplies them, the verb and plural goods only; and a restrictive clause
    # the parser hangs on a place in a description's phrase is the description's too
    ("Brookvale Foods is a supplier in Leeds that also packs own-brand goods for Asda.",
     {("Brookvale Foods", "suppliesTo", "Asda")}, set()),
    ("Strandvik, which sells Fjordcell packs to Polish bus maker Wielobus, denied the claims.",
     {("Strandvik", "suppliesTo", "Wielobus")}, {("Fjordcell", "suppliesTo", "Poland")}),
])
def test_rules_a_supplier_in_a_place_that_packs_goods(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # baking or sewing goods for someone supplies them (the verb with plural or bare mass goods only)
    ("Kelvor Foods, which bakes bread for Orvane Stores, is for sale.", {("Kelvor Foods", "suppliesTo", "Orvane Stores")},
     set()),
    ("Tamsa Apparel, based in Dhaka, sews shirts for Brindle Group.", {("Tamsa Apparel", "suppliesTo", "Brindle Group")},
     set()),
    ("Tamsa Apparel sewed a patch for the event and baked a cake for Brindle Group's anniversary.", set(),
     {("Tamsa Apparel", "suppliesTo", "Brindle Group")}),
])
def test_rules_baking_and_sewing_goods_for_a_firm_supplies_it(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_a_participle_tagged_a_noun_with_its_agent(nlp):
    # "an app run/NN by BVG": the tagger's noun heads a clause with an agent, a passive participle all the same
    _assert_reads(nlp, "Jelbi, an app run by BVG, grew fast.", {("BVG", "offers", "Jelbi")})


def test_rules_a_participle_joined_to_a_passive_verb_is_passive(nlp):
    # "which is based in Verona and backed by X": the second participle's patient is the first's
    _assert_reads(nlp, "Ferrocargo, which is based in Verona and backed by Swiss investor Alpenrail Capital, runs "
                       "140 trains a week.", {("Alpenrail Capital", "investsIn", "Ferrocargo")})


@pytest.mark.parametrize("text, expected, absent", [
    # a product code before its kind is a product ...
    ("Veltmeer, which makes the VX-880 immersion scanner, said the ministry had blocked deliveries.",
     {("Veltmeer", "develops", "VX-880")}, set()),
    ("Optiva's Ventra-4 sensor is fitted to driverless taxis.", {("Optiva", "develops", "Ventra-4")}, set()),
    # ... and the kind made stands for the product named before it
    ("Kelda Robotics, which makes the Sortline picking robot used in warehouses, has raised $90 million.",
     {("Kelda Robotics", "develops", "Sortline")}, set()),
    # (a kind written as an abbreviation too)
    ("Lanxo sells its Qiao hatchback and Qiao Max SUV in Germany.", {("Lanxo", "offers", "Qiao Max")}, set()),
    # ... and the kind a name is apposed to, owned by a firm, is that firm's product
    ("Daesan will supply memory for Arcturo Compute's next AI accelerator, the Tesseract-9.",
     {("Arcturo Compute", "develops", "Tesseract-9")}, {("Daesan", "develops", "Tesseract-9")}),
    # the firm a product was made "with" makes it too, and partners its maker
    ("Veltro built the Orion drone with Kestrel Aero.",
     {("Kestrel Aero", "develops", "Orion"), ("Veltro", "partnersWith", "Kestrel Aero")}, set()),
    ("Bakong, which the central bank developed with Japanese blockchain firm Soramitsu, is widely used.",
     {("Soramitsu", "develops", "Bakong")}, set()),
    ("Veltro built its plant with a loan from HSBC.", set(), {("Veltro", "partnersWith", "HSBC")}),
    # ... and only the partner in what that verb made, not in what an earlier verb of the text made
    ("Veltro built the Orion drone with Kestrel Aero. Lumo built its plant with Siemens.",
     {("Veltro", "partnersWith", "Kestrel Aero")}, {("Lumo", "partnersWith", "Siemens")}),
    # ... also a product code the tagger took for a number
    ("Kestova Aerial is the maker of the Tern-7 drone.", {("Kestova Aerial", "develops", "Tern-7")}, set()),
    # a name ends on no lower-case kind of product the NER ran into it
    ("The rules could also restrict the Orbe chatbot, made by Clairvaux, if it fails.",
     {("Clairvaux", "develops", "Orbe")}, set()),
])
def test_rules_a_product_named_before_its_kind(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # what one makes and then sells ("makes X and sells them") it offers
    ("Thermo, based in Halden, makes the Polarix line of heat pumps and sells them in 22 countries.",
     {("Thermo", "offers", "Polarix")}, set()),
    # (not a firm bought and sold on)
    ("Kelvor bought Orlan and sold it to Zelvar.", set(), {("Kelvor", "offers", "Orlan")}),
])
def test_rules_what_one_makes_and_sells_it_offers(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_entities_a_disease_in_capitals_is_no_product_code(nlp):
    classes = _classes(_rules_doc(nlp, "The COVID-19 vaccine was approved."))
    assert classes.get("COVID-19") != "Product", classes


@pytest.mark.parametrize("text, expected", [
    # more kinds of products: vehicles, ships, parts, farm inputs
    ("Koshin, which makes the Shiranami crossover at plants in Aichi, said sales rose.", {("Koshin", "develops", "Shiranami")}),
    ("IFFCO, which makes the Nano Urea Plus liquid fertiliser, stopped buying urea.",
     {("IFFCO", "develops", "Nano Urea Plus")}),
])
def test_rules_more_kinds_of_products(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # more units of an organisation: an imprint, a school; and a holding company is a parent
    ("Faber Books, an imprint of Harlow Media, published the novel.", {("Faber Books", "subsidiaryOf", "Harlow Media")}),
    ("The Marlow Business School is the management school of Harwick University.",
     {("Marlow Business School", "subsidiaryOf", "Harwick University")}),
    ("Tarvo Holdings, the holding company of Tarvo Airlines, reported a loss.",
     {("Tarvo Airlines", "subsidiaryOf", "Tarvo")}),
    # a command of an armed force is a unit of it
    ("Kelby Fleet Command, a command of the Orlan Navy, moved its staff to Halden.",
     {("Kelby Fleet Command", "subsidiaryOf", "Orlan Navy")}),
])
def test_rules_more_units_and_parents(nlp, text, expected):
    _assert_reads(nlp, text, expected)


def test_rules_a_bid_to_win_customers_from_a_firm_is_a_fact_of_rivalry(nlp):
    doc = _rules_doc(nlp, "Ride-hailing app Jalanku will cut its commission in a bid to win market share from Gojek.")
    found = {(r["s_name"], r["o_name"]): r["modality"] for r in doc._.kg_relation_data if r["predicate"] == "competesWith"}
    assert found.get(("Jalanku", "Gojek"), found.get(("Gojek", "Jalanku"))) == "fact", found


@pytest.mark.parametrize("text, expected, absent", [
    # "part of" an organisation, in apposition or said by a copula, is a unit of it
    ("Nile Crown, part of the family-owned Mansour Group, said the contracts had been renewed.",
     {("Nile Crown", "subsidiaryOf", "Mansour Group")}, set()),
    # a joint venture of two firms is a unit of each
    ("CherryExpress is run by Humboldt Reefer, a joint venture of Hapag-Lloyd and Chilean port group SAAM.",
     {("Humboldt Reefer", "subsidiaryOf", "Hapag-Lloyd"), ("Humboldt Reefer", "subsidiaryOf", "SAAM")}, set()),
    # not a place that is part of a country
    ("Gdansk is part of Poland.", set(), {("Gdansk", "subsidiaryOf", "Poland")}),
])
def test_rules_a_part_or_joint_venture_of_organisations(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_a_participle_the_tagger_took_for_a_noun_states_its_own_fact(nlp):
    # "blocked ... a streaming app/dobj run/NN by Kelvor": a participle with an agent describing a noun (which the
    # tagger took for a noun) states its own fact, not the negation of the verb the noun hangs on
    from spacy.tokens import Doc

    text = "Regulators blocked access to Tessa , a streaming app run by Kelvor , after the company refused ."
    words = text.split()
    heads = [1, 1, 1, 2, 3, 1, 8, 8, 1, 8, 9, 10, 8, 16, 15, 16, 1, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct", "det", "amod", "dobj", "acl", "agent", "pobj", "punct",
            "mark", "det", "nsubj", "advcl", "punct"]
    tags = ["NNS", "VBD", "NN", "IN", "NNP", ",", "DT", "NN", "NN", "NN", "IN", "NNP", ",", "IN", "DT", "NN", "VBD", "."]
    ents = ["O", "O", "O", "O", "B-PRODUCT", "O", "O", "O", "O", "O", "O", "B-ORG", "O", "O", "O", "O", "O", "O"]
    doc = Doc(nlp.vocab, words=words, tags=tags, heads=heads, deps=deps, ents=ents)
    for name in ("attribute_ruler", "lemmatizer", "kg_entities", "kg_coref", "kg_relations"):
        if name in nlp.pipe_names:
            doc = nlp.get_pipe(name)(doc)
    found = _modalities(doc)
    assert found.get(("Kelvor", "offers", "Tessa")) == "fact", found


def test_rules_no_longer_part_of_a_group_is_negated(nlp):
    doc = _rules_doc(nlp, "Cirrata, which runs 14 data centres, will no longer be part of Rennick once the deal closes.")
    found = _modalities(doc)
    assert found.get(("Cirrata", "subsidiaryOf", "Rennick")) == "negated", found


@pytest.mark.parametrize("text, expected, absent", [
    # backers named with no one they back back the organisation the sentence is about
    ("Kudara, a Ghanaian start-up, has raised $20 million in a round led by Savanna Fund, with existing "
     "backers Oakline and Tembo Capital also putting in money.",
     {("Oakline", "investsIn", "Kudara"), ("Tembo Capital", "investsIn", "Kudara")}, set()),
    # not a person, nor a government body, the sentence is about
    ("Chief executive Tom Berg said Kessel had no plans to sell, despite pressure from activist investor "
     "Ridgeway Capital.", set(), {("Ridgeway Capital", "investsIn", "Tom Berg")}),
    ("The Securities Commission said existing backers Oakline and Tembo Capital would keep their shares.",
     set(), {("Oakline", "investsIn", "Securities Commission")}),
])
def test_rules_backers_of_the_organisation_the_text_is_about(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a role the parser apposed to a word further back describes the name right before its comma ...
    ("Lueva said Brume 3B would be available on Hugging Face and through Scaleno, the cloud arm of Iliax.",
     {("Scaleno", "subsidiaryOf", "Iliax")}),
    # ... but one apposed to a list is the whole list's
    ("Booking.com and Expedia, Staylio's bigger rivals, were not named in the suit.",
     {("Booking.com", "competesWith", "Staylio"), ("Expedia", "competesWith", "Staylio")}),
    # "whose" on a role the parser made a modifier of the name after it
    ("Veltro Mining, whose Peruvian unit Andora Mining lost its licence last year, is suing the state.",
     {("Andora Mining", "subsidiaryOf", "Veltro Mining")}),
])
def test_rules_a_role_apposed_further_back(nlp, text, expected):
    _assert_reads(nlp, text, expected, set())


@pytest.mark.parametrize("text, expected, absent", [
    # "in which X is the largest shareholder": whose shareholder is the clause's noun
    ("Orbis India is a unit of Paris-listed Helion Group, in which Bharta Enterprises is the largest shareholder.",
     {("Bharta Enterprises", "investsIn", "Helion Group")}, {("Bharta Enterprises", "investsIn", "Orbis India")}),
    # "Name, whose ..." where the parser hung the clause on no name
    ("Shares in Huaxin, whose largest shareholder is Hillcrest Investment, jumped 18 percent in Hong Kong.",
     {("Hillcrest Investment", "investsIn", "Huaxin")}, set()),
    # "counts X as an investor" joined to a relative clause: the clause's noun counts it
    ("Kudora, which is 40% owned by Kgotla Telecom Holdings and counts the Nigeria Sovereign Investment Authority "
     "as a minority investor, plans to switch on 5G.",
     {("Nigeria Sovereign Investment Authority", "investsIn", "Kudora")}, set()),
    # "with X and Y also investing" after a round raised
    ("Hydrolon said it had raised $180 million in a round led by Breakwater Ventures, with Chevrex and Mitsuda "
     "Heavy Industries also investing.",
     {("Chevrex", "investsIn", "Hydrolon"), ("Mitsuda Heavy Industries", "investsIn", "Hydrolon")}, set()),
    # a person who owns most of a firm invests in it (a firm would own it)
    ("Anna Kowalski, the founder of Veltro Foods, holds 61% of Veltro Foods and has agreed to sell.",
     {("Anna Kowalski", "investsIn", "Veltro Foods")}, set()),
])
def test_rules_shareholders_said_in_clauses(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_a_kind_of_product_stands_for_the_name_after_it(nlp):
    # "the studio behind the mobile hit Frostbound": the parser hung the name on the studio's name
    _assert_reads(nlp, "Revonta Games, the Finnish studio behind the mobile hit Frostbound, has agreed to be "
                       "acquired by Xinghe Interactive.", {("Revonta Games", "develops", "Frostbound")}, set())


def test_rules_a_kind_resolved_to_the_name_before_it(nlp):
    # "the Oslo studio behind the Tessel chatbot": coreference took the kind for the name that modifies it;
    # the name as written is the object
    _assert_reads(nlp, "Kelvor, the Oslo studio behind the Tessel chatbot, has hired Mara Lindqvist.",
                  {("Kelvor", "develops", "Tessel")}, set())


def test_rules_a_description_the_parser_made_the_object_before_the_name(nlp):
    # "sues insurtech/dobj Ventisquero/dobj": the description right before the name stands for it
    _assert_reads(nlp, "Chilean insurer Seguros Aconcagua sues insurtech Ventisquero over poached agents",
                  {("Seguros Aconcagua", "sues", "Ventisquero")}, set())


@pytest.mark.parametrize("text, expected, absent", [
    # a known place is no firm's rival (coreference gave "it" the country the market is of)
    ("The purchase gives Terranova a foothold in Brazil's seed market, where it will compete with Bayer and Corteva.",
     set(), {("Brazil", "competesWith", "Bayer"), ("Brazil", "competesWith", "Corteva")}),
    # a lone name the NER took for a place may still be a firm's rival
    ("Geoje competes for LNG orders with Hanwha Ocean and China's Hudong-Zhonghua.",
     {("Geoje", "competesWith", "Hanwha Ocean")}, set()),
])
def test_rules_a_known_place_is_no_rival(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)



@pytest.mark.parametrize("text, expected", [
    # "ships/NNS carbonate/VBP to X": the tagger swapped noun and verb; the words around the trigger
    # still say who ships to whom, past a demonym and a description before the name
    ("Puna Lithium ships carbonate to Haneul Energy.", {("Puna Lithium", "suppliesTo", "Haneul Energy")}),
    ("Puna Lithium also ships carbonate to South Korean cell maker Haneul Energy.",
     {("Puna Lithium", "suppliesTo", "Haneul Energy")}),
])
def test_rules_a_trigger_the_tagger_took_for_a_noun(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # who sells under a brand, or owns it, offers what it names (the name before or after the noun)
    ("Ostara Foods, which owns the Varda and Kelso brands, competes with Unilever.",
     {("Ostara Foods", "offers", "Varda"), ("Ostara Foods", "offers", "Kelso")}),
    ("Nordlys sells mobile plans under the budget brand Flexi.", {("Nordlys", "offers", "Flexi")}),
    ("Marwick sells ferry crossings under the WaveRoute brand.", {("Marwick", "offers", "WaveRoute")}),
])
def test_rules_who_sells_under_or_owns_a_brand_offers_it(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a firm's possessive on the brand or the store a name is of: the firm offers what it names, and still
    # makes it
    ("Quorvane Foods, whose Tellmar brand is the region's largest, said sales rose.",
     {("Quorvane Foods", "offers", "Tellmar"), ("Quorvane Foods", "develops", "Tellmar")}),
    ("Brisby Retail also stocks goods under its own Pellow Fresh brand.",
     {("Brisby Retail", "offers", "Pellow Fresh")}),
    ("Mireth Games, whose Skarv store takes a 30% cut from most studios, said it would appeal.",
     {("Mireth Games", "offers", "Skarv")}),
    # (the possessive right before the name, where the parser took the verb after the kind for a noun)
    ("Tolvane Interactive, whose own Brisk store competes with both Pellar and Quint, sells its games through all "
     "three.", {("Tolvane Interactive", "offers", "Brisk")}),
])
def test_rules_a_firms_possessive_on_its_brand_or_store_offers_the_name(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # who makes what it sells under a brand or names develops what they name
    ("Calder Home Products also produces frozen meals under the Homestead Table and Quickplate brands.",
     {("Calder Home Products", "develops", "Homestead Table"), ("Calder Home Products", "develops", "Quickplate")}),
    ("Tessaro Motors is a Korean carmaker. It designs and builds compact cars under the Nova, Pico and Strada "
     "names.", {("Tessaro Motors", "develops", "Nova"), ("Tessaro Motors", "develops", "Pico"),
                ("Tessaro Motors", "develops", "Strada")}),
    # (the first name the parser made the object of "under", the noun joined to it)
    ("Halden Motors is a Swedish carmaker. It designs and builds family cars under the Vela Grand, Corsa and "
     "Marlin names.", {("Halden Motors", "develops", "Vela Grand"), ("Halden Motors", "develops", "Corsa"),
                       ("Halden Motors", "develops", "Marlin")}),
    # (a label is what firms are called too: the name one makes under is still the product's)
    ("Harlow Creameries also produces cheese under the Badger Valley label.",
     {("Harlow Creameries", "develops", "Badger Valley")}),
    # the owner of what a participle says is sold under a name offers it
    ("Orrin Optics is a Japanese maker of cameras. Its inspection scanners, sold under the ClearView name, are "
     "used by chipmakers.", {("Orrin Optics", "offers", "ClearView")}),
])
def test_rules_who_makes_under_a_brand_develops_it(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # the owner of the kinds of product, or the range, that "include" the names develops them (whatever the
    # NER took them for); the owner of brands that do offers them
    ("Velmar Robotics is a Swiss robot maker based in Basel. The company's range includes the VR-4 and VR-9 "
     "welding robots.", {("Velmar Robotics", "develops", "VR-4"), ("Velmar Robotics", "develops", "VR-9")}),
    ("Brenwick Foods is a Canadian food company. Its products include the Harvest Crunch granola bars.",
     {("Brenwick Foods", "develops", "Harvest Crunch")}),
    ("Tidewater Foods is an American food company. Its brands include Crunchlings, Sunmeadow Juice and Harbor "
     "Pop.", {("Tidewater Foods", "offers", "Crunchlings"), ("Tidewater Foods", "offers", "Sunmeadow Juice"),
              ("Tidewater Foods", "offers", "Harbor Pop")}),
])
def test_rules_what_an_owners_products_include_it_develops(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a firm develops the product it is known for (or known for making); the description the parser hung
    # on the verb still makes the name a product
    ("Harrowgate Studios, a Danish developer, is best known for creating Emberfall, a survival game released "
     "in 2015.", {("Harrowgate Studios", "develops", "Emberfall")}),
    ("Ondine Studios is a Spanish video game developer. It is known for the puzzle game Glass Harbor.",
     {("Ondine Studios", "develops", "Glass Harbor")}),
    ("Varrow Entertainment is a Finnish video game developer based in Espoo, best known for the puzzle game "
     "Stormwing.", {("Varrow Entertainment", "develops", "Stormwing")}),
])
def test_rules_a_firm_develops_what_it_is_known_for(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    # the firm a product is "from", in what the copula says it is, develops it; a place is where it comes from
    ("The Lyra 5 is a smartphone from the Chinese maker Zhenlu.", {("Zhenlu", "develops", "Lyra 5")}, set()),
    ("The Lyra 5 is a smartphone from China.", set(), {("China", "develops", "Lyra 5")}),
])
def test_rules_the_firm_a_product_is_from_develops_it(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_what_a_product_runs_it_does_not_offer(nlp):
    # a phone runs its operating system: software it executes, no service it offers
    doc = _rules_doc(nlp, "The Lyra 5 is a smartphone from the Chinese maker Zhenlu. It runs Zhenlu's own "
                          "operating system, LyraOS.")
    assert ("Lyra 5", "offers", "LyraOS") not in _triples(doc), _triples(doc)
    assert ("Zhenlu", "develops", "LyraOS") in _triples(doc), _triples(doc)


def test_rules_who_only_released_what_another_made_offers_it(nlp):
    # "released" says a product came out; where the text names its maker, who released it is its publisher
    doc = _rules_doc(nlp, "Mosswood Interactive released Lanternlight, a puzzle game for smartphones, in April. "
                          "The game was developed by Kettle Bay Studio, a small team in Dundee.")
    triples = _triples(doc)
    assert {("Mosswood Interactive", "offers", "Lanternlight"),
            ("Kettle Bay Studio", "develops", "Lanternlight")} <= triples, triples
    assert ("Mosswood Interactive", "develops", "Lanternlight") not in triples, triples


@pytest.mark.parametrize("text, expected, absent", [
    # the name one sells a thing under, or sells it as, is what one offers
    ("Marvada, which sells the copy under the name Clovira in India, said it would fight the case.",
     {("Marvada", "offers", "Clovira")}, set()),
    ("The service, which Puna Telecom sells as Pura Sky for $3 a month, went live in Chile.",
     {("Puna Telecom", "offers", "Pura Sky")}, set()),
    ("Kelvo sells the drink as Kelvo Zero in Spain.", {("Kelvo", "offers", "Kelvo Zero")}, set()),
    # (who only works under a name offers nothing by it)
    ("Dana Holt works under the name Calder at Kelvo.", set(), {("Dana Holt", "offers", "Calder")}),
])
def test_rules_the_name_one_sells_under_or_as_is_offered(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # what is available through or on a platform, the platform offers
    ("Quillo 3 is available through Amazon Web Services and on Google Cloud, and Brindle also sells it to banks.",
     {("Amazon Web Services", "offers", "Quillo 3"), ("Google Cloud", "offers", "Quillo 3")}, set()),
    # (where it is available is no one who offers it)
    ("The Quillo app remains available in France and Spain.", set(),
     {("France", "offers", "Quillo"), ("Spain", "offers", "Quillo")}),
])
def test_rules_what_is_available_through_a_platform_it_offers(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_sellers_before_their_shops_are_firms(nlp):
    # names listed before a plural kind share it as products ("the X and Y brands"), but not before shops
    classes = _classes(_rules_doc(nlp, "The cheese is sold in Lidl and Aldi stores."))
    assert classes.get("Lidl") == "Company" and classes.get("Aldi") == "Company", classes


@pytest.mark.parametrize("text, expected", [
    # a present-tense verb the parser joined to a passive's agent shares the passive's subject
    ("Kalinga Pay is owned by telecom operator Visayas Digital Telecom and competes with GCash and Maya.",
     {("Kalinga Pay", "competesWith", "GCash"): "fact", ("Kalinga Pay", "competesWith", "Maya"): "fact"}),
    # the verb after "able to", "ready to" is the copula's subject's (and what one is ready or eager
    # to do is not yet done)
    ("Orvane said the merged lender would be able to compete more directly with Maybank and CIMB.",
     {("Orvane", "competesWith", "Maybank"): "fact"}),
    ("Vexa is ready to sue Lumio.", {("Vexa", "sues", "Lumio"): "hypothetical"}),
    ("Tarvo is eager to partner with Helix.", {("Tarvo", "partnersWith", "Helix"): "hypothetical"}),
])
def test_rules_subjects_of_joined_passives_and_of_adjectives(nlp, text, expected):
    found = _modalities(_rules_doc(nlp, text))
    assert all(found.get(t) == m for t, m in expected.items()), found


@pytest.mark.parametrize("text, expected", [
    # a headline's "X to <verb>", where the parser makes the one-word name the root and the verb its
    # complement: the name is who does it
    ("Tovrik to sell trucks to Halmstad Freight", {("Tovrik", "suppliesTo", "Halmstad Freight")}),
    ("Doravo to acquire Quillon for $2 billion", {("Doravo", "acquires", "Quillon")}),
    ("Telvik to acquire Marrow for $2 billion", {("Telvik", "acquires", "Marrow")}),
    ("Sorvik to invest $40 million in Pellano", {("Sorvik", "investsIn", "Pellano")}),
])
def test_rules_a_headline_name_the_parser_made_the_root_does_its_to_verb(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, triple", [
    # ... and where it is to open or build something, that is a plan: not where it works yet
    ("Tovrik to open 30 stores in Chile", ("Tovrik", "operatesIn", "Chile")),
    ("Doravo to build a plant in Kenya", ("Doravo", "operatesIn", "Kenya")),
])
def test_rules_a_headline_name_the_parser_made_the_root_plans_its_to_verb(nlp, text, triple):
    assert _modalities(_rules_doc(nlp, text)).get(triple) == "hypothetical"


@pytest.mark.parametrize("text, expected", [
    # a reported "would" is a plan (not yet a fact) ...
    ("Alpenvale said it would open an office in Munich next year.",
     {("Alpenvale", "operatesIn", "Munich"): "hypothetical"}),
    ("Kestra Metals said it would sell the metal to battery makers in Europe.",
     {("Kestra Metals", "operatesIn", "Europe"): "hypothetical"}),
    ("Medra Health said it would sue Tarnow Logistics.", {("Medra Health", "sues", "Tarnow Logistics"): "hypothetical"}),
    # ... but a deal it announces is agreed, and going on with what one does goes on
    ("Vellum Agri said on Tuesday it would acquire Orlan Seeds for $640 million.",
     {("Vellum Agri", "acquires", "Orlan Seeds"): "fact"}),
    ("Kaze Telecom said it would invest $200 million in Orlan Orbit.", {("Kaze Telecom", "investsIn", "Orlan Orbit"): "fact"}),
    ("Orlan Motors said it would compete on price with Halden Auto.",
     {("Orlan Motors", "competesWith", "Halden Auto"): "fact"}),
])
def test_rules_a_reported_would_is_a_plan_unless_a_deal(nlp, text, expected):
    found = _modalities(_rules_doc(nlp, text))
    assert all(found.get(t) == m for t, m in expected.items()), found


@pytest.mark.parametrize("text, expected", [
    # goods a report says one would buy are a plan (buying a firm is an announced deal)
    ("Tessaro Oils said it would buy more palm oil from Malaysia and Thailand while the ban lasts.",
     {("Malaysia", "suppliesTo", "Tessaro Oils"): "hypothetical",
      ("Thailand", "suppliesTo", "Tessaro Oils"): "hypothetical"}),
    ("The Ministry of Health said it would buy replacement kits from Orlan Labs, a Chilean producer.",
     {("Orlan Labs", "suppliesTo", "Ministry of Health"): "hypothetical"}),
    ("Vellum Agri said on Tuesday it would buy Orlan Seeds from its founders.",
     {("Vellum Agri", "acquires", "Orlan Seeds"): "fact"}),
])
def test_rules_goods_a_report_says_one_would_buy_are_a_plan(nlp, text, expected):
    found = _modalities(_rules_doc(nlp, text))
    assert all(found.get(t) == m for t, m in expected.items()), found


@pytest.mark.parametrize("text, expected", [
    # what one only weighs, or would bring into being, is not there yet even as "its" ...
    ("Brisk Foods said it was considering its own lawsuit against Tarnow Logistics.",
     {("Brisk Foods", "sues", "Tarnow Logistics"): "hypothetical"}),
    # ... while a suit filed is
    ("Brisk Foods filed its lawsuit against Tarnow Logistics in May.", {("Brisk Foods", "sues", "Tarnow Logistics"): "fact"}),
])
def test_rules_an_own_action_only_weighed_is_hypothetical(nlp, text, expected):
    found = _modalities(_rules_doc(nlp, text))
    assert all(found.get(t) == m for t, m in expected.items()), found


@pytest.mark.parametrize("text, expected", [
    # what one hopes to do is not done (the lemmatizer reads "hopes" as a form of "hop")
    ("Kelvor Motors hopes to build a plant in Halden.", {("Kelvor Motors", "operatesIn", "Halden"): "hypothetical"}),
    ("Orlan Bank, a Pellham lender that hopes to build its own data centre in Halden, has also held talks with "
     "the fund.", {("Orlan Bank", "operatesIn", "Halden"): "hypothetical"}),
    ("Kelvor Motors chief executive Ana Ruiz said the company hoped to sell 5,000 cars in Halden next year.",
     {("Kelvor Motors", "operatesIn", "Halden"): "hypothetical"}),
])
def test_rules_what_one_hopes_to_do_is_hypothetical(nlp, text, expected):
    found = _modalities(_rules_doc(nlp, text))
    assert all(found.get(t) == m for t, m in expected.items()), found


@pytest.mark.parametrize("text, expected", [
    # a deal on a condition after it is not agreed, even one a report announces ...
    ("Kelvor Motors said it would offer car loans in Halden if its bid for a banking licence is approved.",
     {("Kelvor Motors", "operatesIn", "Halden"): "hypothetical"}),
    # ... nor what "would" starts
    ("Kelvor Motors would start selling its trucks in Halden if regulators approve the deal.",
     {("Kelvor Motors", "operatesIn", "Halden"): "hypothetical"}),
    # (an announced deal with no condition stays a fact, and going on with what one does goes on)
    ("Kelvor Motors said it would invest $50 million in Orlan Bank.",
     {("Kelvor Motors", "investsIn", "Orlan Bank"): "fact"}),
    ("Kelvor Motors would keep hiring engineers in Halden.", {("Kelvor Motors", "operatesIn", "Halden"): "fact"}),
])
def test_rules_a_condition_after_its_clause_makes_it_hypothetical(nlp, text, expected):
    found = _modalities(_rules_doc(nlp, text))
    assert all(found.get(t) == m for t, m in expected.items()), found


@pytest.mark.parametrize("text, expected", [
    # a post taken up once an event still to come has happened is not held yet ...
    ("Anna Kovacs, who founded Tallis Robotics, will join Brenmoor Capital as head of research once the "
     "deal closes.", {("Anna Kovacs", "worksFor", "Brenmoor Capital"): "hypothetical",
                      ("Anna Kovacs", "worksFor", "Tallis Robotics"): "fact"}),
    ("Anna Kovacs will join Brenmoor Capital as head of sales after the merger is completed.",
     {("Anna Kovacs", "worksFor", "Brenmoor Capital"): "hypothetical"}),
    ("Anna Kovacs, who founded Tallis Robotics in 2011 and will join Brenmoor Capital as head of research after "
     "the deal closes, lives in Oslo.", {("Anna Kovacs", "worksFor", "Brenmoor Capital"): "hypothetical"}),
    # ... nor a service offered pending a licence, or sold once it is cleared
    ("Its Pondra wallet will be available to shoppers in Norway from June, pending a licence from the regulator.",
     {("Pondra", "operatesIn", "Norway"): "hypothetical"}),
    ("Orlan Telecom has agreed to sell Starlane kits in its shops once the service is cleared.",
     {("Orlan Telecom", "offers", "Starlane"): "hypothetical"}),
    # (what an agreed deal makes of a firm is a fact, and so is a post taken up after an event that happened)
    ("Once the purchase closes, Tallis Robotics will become part of Brenmoor Capital.",
     {("Tallis Robotics", "subsidiaryOf", "Brenmoor Capital"): "fact"}),
    ("Anna Kovacs joined Brenmoor Capital as head of research after the deal closed.",
     {("Anna Kovacs", "worksFor", "Brenmoor Capital"): "fact"}),
])
def test_rules_a_future_on_an_event_still_to_come_is_hypothetical(nlp, text, expected):
    found = _modalities(_rules_doc(nlp, text))
    assert all(found.get(t) == m for t, m in expected.items()), found


@pytest.mark.parametrize("text, expected", [
    # what "would" spends on or turns to through a preposition is a plan, as what it takes directly is
    ("Velora Foods said it would spend 80 million euros on a factory in Tarvik, near Halden.",
     {("Velora Foods", "operatesIn", "Tarvik"): "hypothetical"}),
    ("Brisa Health said on Monday that it would focus on growing in Ontario.",
     {("Brisa Health", "operatesIn", "Ontario"): "hypothetical"}),
    # (an announced deal stays a fact)
    ("Velora Foods said it would invest in Orlan Bank.", {("Velora Foods", "investsIn", "Orlan Bank"): "fact"}),
])
def test_rules_what_would_takes_through_a_preposition_is_hypothetical(nlp, text, expected):
    found = _modalities(_rules_doc(nlp, text))
    assert all(found.get(t) == m for t, m in expected.items()), found


@pytest.mark.parametrize("text, expected", [
    # what talks are about is not done, wherever the parser hangs the topic
    ("Brenmoor Capital had held talks last year about investing in Tallis Robotics, two people said.",
     {("Brenmoor Capital", "investsIn", "Tallis Robotics"): "hypothetical"}),
    # an event named as a topic ("about a partnership") is not said to have taken place
    ("State-owned Orlan Bank said it had not been approached about a partnership with Kelvor Motors.",
     {("Orlan Bank", "partnersWith", "Kelvor Motors"): "hypothetical"}),
])
def test_rules_a_topic_of_talks_is_hypothetical(nlp, text, expected):
    found = _modalities(_rules_doc(nlp, text))
    assert all(found.get(t) == m for t, m in expected.items()), found


@pytest.mark.parametrize("text, expected", [
    # a dealing in the past with an end is over ...
    ("Tarsk Retail, a Marlow grocer, had bought most of its trucks from Kelvor Motors until last year.",
     {("Kelvor Motors", "suppliesTo", "Tarsk Retail"): "past"}),
    ("Orlan Bank supplied parts to Kelvor Motors until 2021.", {("Orlan Bank", "suppliesTo", "Kelvor Motors"): "past"}),
    # ... not one still going on
    ("Orlan Bank supplies parts to Kelvor Motors.", {("Orlan Bank", "suppliesTo", "Kelvor Motors"): "fact"}),
    ("Kelvor Motors had until now bought its parts from Orlan Bank.",
     {("Orlan Bank", "suppliesTo", "Kelvor Motors"): "fact"}),
])
def test_rules_a_dealing_until_a_time_is_over(nlp, text, expected):
    found = _modalities(_rules_doc(nlp, text))
    assert all(found.get(t) == m for t, m in expected.items()), found


def test_rules_joint_owners_are_partners(nlp):
    # the owners one trigger says own a firm jointly are partners; owners listed without it are not said to be
    found = _triples(_rules_doc(nlp, "Trevik will sell the metal to Voltara, a cell maker owned jointly by Stellantis, "
                                     "Orlen and TotalEnergies."))
    assert {("Stellantis", "partnersWith", "Orlen"), ("Orlen", "partnersWith", "TotalEnergies")} <= found, found
    found = _triples(_rules_doc(nlp, "Voltara is owned by Stellantis and Orlen."))
    assert ("Voltara", "subsidiaryOf", "Orlen") in found and ("Stellantis", "partnersWith", "Orlen") not in found, found


@pytest.mark.parametrize("text, expected", [
    # "to" and a description before the name, read by the parser as an infinitive and its object, or as
    # an infinitive's "to" with the name as its object
    ("Skyrelay also provides access to its network to cruise operator Carnival and to the Royal Navy.",
     {("Skyrelay", "providesAccessTo", "Carnival"), ("Skyrelay", "providesAccessTo", "Royal Navy")}),
    # ... and a second preposition the parser joined to the verb
    ("Skyrelay also provides access to its network to cruise operator Viking Ocean and to the Royal Navy.",
     {("Skyrelay", "providesAccessTo", "Viking Ocean"), ("Skyrelay", "providesAccessTo", "Royal Navy")}),
    ("Orlan sells buses to transit operator Metrobus.", {("Orlan", "suppliesTo", "Metrobus")}),
    # ... or a description noun the tagger took for the infinitive's verb ("to cloud/VB provider X")
    ("Tarvex supplies its Ember chips to cloud provider Norhall Compute.", {("Tarvex", "suppliesTo", "Norhall Compute")}),
    # ... before a kind of buyer and the names listed under it, the infinitive hung on the verb or on the goods
    ("Brisa Mobile sells its Talon chips to server builders such as Korrin and Lemba.",
     {("Brisa Mobile", "suppliesTo", "Korrin"), ("Brisa Mobile", "suppliesTo", "Lemba")}),
    ("Norbeck, a Dutch firm, supplies memory to server makers including Valtix Computing.",
     {("Norbeck", "suppliesTo", "Valtix Computing")}),
    # ... the infinitive hung on the second of two goods the parser made objects, its "to" tagged a preposition
    ("Halvik sold weather feeds to insurer Tamber Mutual and to Rosko Systems.",
     {("Halvik", "suppliesTo", "Tamber Mutual"), ("Halvik", "suppliesTo", "Rosko Systems")}),
])
def test_rules_to_a_description_before_a_name_the_parser_took_for_a_verb(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    # "Both" alone as a subject: the two organisations listed together just before
    ("The first firms connected are Dorvik Pay, a Kumasi-based lender, and Selo Credit, which offers payday loans. "
     "Both pay Tamsa Mobile a fee on each payment.",
     {("Dorvik Pay", "paysCommissionTo", "Tamsa Mobile"), ("Selo Credit", "paysCommissionTo", "Tamsa Mobile")}, set()),
    # not where products were named since ("both" may be them), nor two named apart or inside a clause
    ("Vantor Systems and Kallo Net will sell the Ardent router and the Bevel switch. "
     "Both will be available in India from next month.", set(),
     {("Vantor Systems", "operatesIn", "India"), ("Kallo Net", "operatesIn", "India")}),
    ("Kolby Foods lost a contract last year when regulators fined Dhanbari Tea. "
     "Both are among the biggest suppliers of leaf to Kestrel Foods.", set(),
     {("Dhanbari Tea", "suppliesTo", "Kestrel Foods")}),
    ("The deal ended because Kolby Foods wanted lower prices. Oriel Nord and its sister firm Dhanbari Tea operate "
     "separately, but both compete with Vellum Retail.", set(), {("Kolby Foods", "competesWith", "Vellum Retail")}),
    ("Regulators fined Kolby Foods and Dhanbari Tea in March, and Vellum Retail said it would stop stocking them. "
     "Both are among the biggest suppliers of leaf to Kestrel Foods.", set(),
     {("Vellum Retail", "suppliesTo", "Kestrel Foods")}),
    ("Himlo Tea, whose teas are sold by Durga Mart, said Dhanbari Tea had lied. "
     "Both are among the biggest suppliers of leaf to Kestrel Foods.", set(),
     {("Durga Mart", "suppliesTo", "Kestrel Foods"), ("Dhanbari Tea", "suppliesTo", "Kestrel Foods")}),
])
def test_rules_both_alone_stands_for_two_organisations_listed_together(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_a_trigger_the_parser_made_the_subject_of_a_noun_read_as_a_verb(nlp):
    # "competes for structures work/VBP with X": the parse makes "competes" the subject of "work"
    _assert_reads(nlp, "Tarnby competes for structures work with Velmont Aero.", {("Tarnby", "competesWith", "Velmont Aero")})


def test_rules_they_after_two_names_the_parser_did_not_join(nlp):
    # "X and rival carrier Y said they ...": the parser made X a modifier of Y; "they" is both
    _assert_reads(nlp, "State-run Kavtel and rival carrier Norvo said they had begun cutting off access to Chirpa "
                       "for their subscribers.", {("Kavtel", "restricts", "Chirpa"), ("Norvo", "restricts", "Chirpa")})


@pytest.mark.parametrize("text, triple, modality", [
    # what held "before" an act that ended it holds no longer
    ("Chattle had about 2 million users in Nepal before the ban.", ("Chattle", "operatesIn", "Nepal"), "negated"),
    # (not before any event: "before the pandemic" ends nothing)
    ("Velmar opened a plant in Ohio before the pandemic.", ("Velmar", "operatesIn", "Ohio"), "fact"),
])
def test_rules_what_held_before_a_ban_holds_no_longer(nlp, text, triple, modality):
    assert _modalities(_rules_doc(nlp, text)).get(triple) == modality, _modalities(_rules_doc(nlp, text))


@pytest.mark.parametrize("text, expected, absent", [
    # a rival with no owner named, in a clause whose subject is a government body: the rival of the firm the
    # text is about, not of the body
    ("The aviation regulator approved flights for Hovelo in February. The Civil Aviation Authority has not granted "
     "the same waiver to rival Skydrop, which operates in Florida.",
     {("Skydrop", "competesWith", "Hovelo")}, {("Skydrop", "competesWith", "Civil Aviation Authority")}),
])
def test_rules_a_rival_is_no_government_bodys(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a deal of a kind signed with an organisation makes partners; in a headline's parse too
    ("Velmar signed a battery deal with Orsa Motors on Monday.", {("Velmar", "partnersWith", "Orsa Motors")}, set()),
    ("Supermarket Tarrow & Lane signs grocery deal with Pickwell\n\nLONDON — Tarrow & Lane said on Monday it would "
     "sell groceries.", {("Tarrow & Lane", "partnersWith", "Pickwell")}, set()),
    # not a deal whose kind is another relation's word or money's, nor one a government body signs
    ("Velmar signed a supply deal with Orsa Motors on Monday.", {("Velmar", "suppliesTo", "Orsa Motors")},
     {("Velmar", "partnersWith", "Orsa Motors")}),
    ("Velmar signed a financing deal with Orsa Capital on Monday.", set(), {("Velmar", "partnersWith", "Orsa Capital")}),
    ("The Ministry of Energy signed a battery deal with Orsa Motors on Monday.", set(),
     {("Ministry of Energy", "partnersWith", "Orsa Motors")}),
])
def test_rules_a_deal_of_a_kind_makes_partners(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a name sold under a word for a part of an organisation, no owner written, is the seller's unit
    ("Harlow Petroleum to sell refining arm Harlow Raffinage to Vitra Energy",
     {("Harlow Raffinage", "subsidiaryOf", "Harlow Petroleum")}, set()),
    ("Dunmore Group agreed to sell braking division Dunmore Brakes to Brembo.",
     {("Dunmore Brakes", "subsidiaryOf", "Dunmore Group")}, set()),
    # not where another owner is written
    ("Velmar sold Orsa's chip unit Tarrow Semiconductor to Kessel Capital.",
     {("Tarrow Semiconductor", "subsidiaryOf", "Orsa")}, {("Tarrow Semiconductor", "subsidiaryOf", "Velmar")}),
])
def test_rules_a_unit_sold_was_the_sellers(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_which_after_a_name_the_parser_hung_on_the_noun_before(nlp):
    # "chief executive of Awara, which is controlled by X": the parser hung the clause on "executive"; "which"
    # is the organisation named before its comma (the parse as the small model gives it on some sentences)
    text = ("Exports rose, said Pia Lorentz, chief executive of Awara, which is controlled by conglomerate "
            "Grup Tenaga Raya.")
    found = _parsed_triples(
        nlp, text,
        ["NNS", "VBD", ",", "VBD", "NNP", "NNP", ",", "JJ", "NN", "IN", "NNP", ",", "WDT", "VBZ", "VBN", "IN", "NN",
         "NNP", "NNP", "NNP", "."],
        [1, 3, 3, 3, 5, 3, 5, 8, 5, 8, 9, 10, 14, 14, 8, 14, 19, 19, 19, 15, 3],
        ["nsubj", "ccomp", "punct", "ROOT", "compound", "nsubj", "punct", "amod", "appos", "prep", "pobj", "punct",
         "nsubjpass", "auxpass", "relcl", "agent", "compound", "compound", "compound", "pobj", "punct"],
        ["O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-ORG", "O", "O", "O", "O", "O", "O",
         "B-ORG", "I-ORG", "I-ORG", "O"])
    assert ("Awara", "subsidiaryOf", "Grup Tenaga Raya") in found, found


def test_rules_a_role_the_parser_took_for_the_subject_of_a_joined_copula(nlp):
    # "X, also known as Y, is the art school of Z": the parser joined the copula to "known" and took the
    # role for its subject (the parse as the small model gives it on some sentences); the subject of
    # "known" holds the role
    text = "Marlow Design College, also known as Marlow, is the art school of Varrow University."
    found = _parsed_triples(
        nlp, text,
        ["NNP", "NNP", "NNP", ",", "RB", "VBN", "IN", "NNP", ",", "VBZ", "DT", "NN", "NN", "IN", "NNP", "NNP", "."],
        [2, 2, 5, 2, 5, 5, 5, 6, 5, 5, 12, 12, 9, 12, 15, 13, 5],
        ["compound", "compound", "nsubjpass", "punct", "advmod", "ROOT", "prep", "pobj", "punct", "conj", "det",
         "compound", "nsubj", "prep", "compound", "pobj", "punct"],
        ["B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "B-ORG", "O", "O", "O", "O", "O", "O", "B-ORG", "I-ORG", "O"])
    assert ("Marlow Design College", "subsidiaryOf", "Varrow University") in found, found


def test_rules_investors_also_taking_part_in_a_round(nlp):
    # "..., with X also taking part": the subject of a clause of taking part after "with"
    _assert_reads(nlp, "Vardo raised $140 million last year in a round led by Harbor Ventures, with Nilgiri Growth "
                       "Partners also taking part.", {("Harbor Ventures", "investsIn", "Vardo"),
                                                      ("Nilgiri Growth Partners", "investsIn", "Vardo")})


def test_rules_a_description_before_a_list_is_not_the_seat_of_a_name_with_its_own(nlp):
    text = "The fund also holds stakes in Seattle developer Copperfield Games and Warsaw-based Zamora Studios."
    _assert_reads(nlp, text, {("Copperfield Games", "basedIn", "Seattle"), ("Zamora Studios", "basedIn", "Warsaw")},
                  {("Zamora Studios", "basedIn", "Seattle")})


@pytest.mark.parametrize("text, expected, absent", [
    # the topic a rival named alone belongs to is the name named most: names, not the pronouns and
    # descriptions the coreference gave one (here the supplier's "it", "its", "it")
    ("Torvik Lines orders ships from Korean yard Delmar Heavy\n\nOSLO — Torvik Lines has ordered 12 ships from "
     "Delmar Heavy Industries for about 2 billion dollars. Delmar said it would build them at its yard in "
     "Geoje, where it employs 9,000 people. Torvik operates 74 ships.\n\nThe order comes as rivals Corsan "
     "Line and Pembo Shipping hold off on new vessels.",
     {("Corsan Line", "competesWith", "Torvik")}, {("Corsan Line", "competesWith", "Delmar")}),
])
def test_rules_a_rivals_topic_is_counted_by_its_names(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # "X will pay Y, after outbidding Z, the league said": the phrase the parser hung on the reporting verb after
    # it belongs to the clause reported before it; the one who outbid is that clause's subject, not the speaker
    ("Kelvor Media will pay the Dorvan group of clubs about $300 million over four years for rights to their home "
     "games, after outbidding Brisa TV and Orlan Sports, the Dorvan League said on Monday.",
     {("Kelvor Media", "competesWith", "Brisa TV"), ("Kelvor Media", "competesWith", "Orlan Sports")},
     {("Dorvan League", "competesWith", "Brisa TV")}),
    ("Kelvor Media will pay the Tessa group of clubs $200 million over five years for television rights to their "
     "games, after outbidding Brisa TV, the Dorvan Football Federation said on Sunday.",
     {("Kelvor Media", "competesWith", "Brisa TV")}, {("Dorvan Football Federation", "competesWith", "Brisa TV")}),
])
def test_rules_a_phrase_hung_on_the_reporting_verb_is_the_reported_clauses(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)
