"""What the relation rules, coreference and modality read, on sentences written for the purpose
(never the corpus's): each case a reading that failed before its rule."""

from __future__ import annotations

import pytest

from kg.pipeline import load_pipeline

from .reading import _assert_reads, _entities_of, _rules_doc, _triples  # noqa: F401


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
    ("Stephanie Powell, of the World Bank, said the loan was approved.",
     {("Stephanie Powell", "worksFor", "World Bank")}),
    # an age between, and the place with the place it is in
    ("Marie Holloway, 50, of Bethany, Connecticut, was hurt in the crash.",
     {("Marie Holloway", "livesIn", "Bethany"), ("Marie Holloway", "livesIn", "Connecticut")}),
    ("Virginia Towle of Wallingford said the road was closed.", {("Virginia Towle", "livesIn", "Wallingford")}),
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
    ("Sales at Helix Motors in Leeds fell sharply last year.", set(), {("Helix Motors", "basedIn", "Leeds")}),
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
    # a chief executive or founder with no organisation named works for the one the text is about:
    # the subject of this sentence or the last (not the last organisation named)
    ("Tandaa, a Nairobi-based startup, has raised $38 million in a round led by Partech Africa, with "
     "participation from Ventures Platform.\nFounder and chief executive Wanjiru Kamau said the money would "
     "pay for expansion.", {("Wanjiru Kamau", "worksFor", "Tandaa")}, {("Wanjiru Kamau", "worksFor", "Ventures Platform")}),
    ("Marlow Foods will open 30 stores next year, chief executive Ana Silva said on Monday.",
     {("Ana Silva", "worksFor", "Marlow Foods")}, set()),
    # not an analyst (who works elsewhere), not "a former chief executive", not without an organisation
    ("Acme sued Beta Corp on Monday. Analyst Tom Reyes said the case was weak.", set(),
     {("Tom Reyes", "worksFor", "Acme")}),
    ("Vela Systems cut 200 jobs. A former chief executive, Jo Park, criticised the move.", set(),
     {("Jo Park", "worksFor", "Vela Systems")}),
])
def test_rules_read_a_chief_executive_of_the_company_the_text_is_about(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # who goods are bought, ordered or imported from supplies the buyer (kg:sourcePreposition)
    ("Marukaze will buy fresh produce from Queensland grower Harvest Coast Farms.",
     {("Harvest Coast Farms", "suppliesTo", "Marukaze")}, set()),
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
    # where a person was born or is from: the vocabulary's "national of", cue "from"
    ("In 1898, composer Dana Whitfield was born in Brooklyn.", {("Dana Whitfield", "livesIn", "Brooklyn")}, set()),
    ("Ruth Adebayo, born in Lagos in 1975, founded the firm.", {("Ruth Adebayo", "livesIn", "Lagos")}, set()),
    ("Everyone knows Dana Whitfield is from Bay City, Michigan.", {("Dana Whitfield", "livesIn", "Bay City")},
     set()),
    ("Omar Haddad, 52, hails from Amman.", {("Omar Haddad", "livesIn", "Amman")}, set()),
    # moving away from a place is not being from it; "is from" an organisation is no home
    ("Dana Whitfield, who lives in Leeds, moved from Glasgow last year.", {("Dana Whitfield", "livesIn", "Leeds")},
     {("Dana Whitfield", "livesIn", "Glasgow")}),
    ("Dana Whitfield is from Acme Corp, the company said.", set(), {("Dana Whitfield", "livesIn", "Acme")}),
])
def test_rules_read_where_a_person_is_born_or_from(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # any job in apposition, with "at", "with" or "for" before the organisation
    ("The results surprised Hana Petrova, an ecologist at Lindqvist University.",
     {("Hana Petrova", "worksFor", "Lindqvist University")}, set()),
    ('"It is a big risk," said David Osei, an ecologist and entomologist at Marlow University.',
     {("David Osei", "worksFor", "Marlow University")}, set()),
    # a customer is no employee; a partner at a law firm works there (and is no business partner)
    ("Lena Ford, a longtime customer at Pellan Bank, filed the complaint.", set(),
     {("Lena Ford", "worksFor", "Pellan Bank")}),
    ("Jon Bale, a partner at Kestrel Law, represents the company.",
     {("Jon Bale", "worksFor", "Kestrel Law")}, {("Jon Bale", "partnersWith", "Kestrel Law")}),
])
def test_rules_read_a_job_in_apposition(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # an organisation, any job, then the name: "KAL attorney George Tompkins"
    ("Veltro attorney Mara Quist said the case had no merit.", {("Mara Quist", "worksFor", "Veltro")}, set()),
    ("Apple plant manager Dana Holt said the line would reopen on Monday.",
     {("Dana Holt", "worksFor", "Apple")}, set()),
    # a shareholder is no employee
    ("Veltro shareholder Dana Holt complained about the delays.", {("Dana Holt", "investsIn", "Veltro")},
     {("Dana Holt", "worksFor", "Veltro")}),
])
def test_rules_read_a_job_between_an_organisation_and_a_name(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a company's plant, office or yard in a place
    ("Hollweg will close Aarestrup's plant in Bjerringbro.", {("Aarestrup", "operatesIn", "Bjerringbro")}, set()),
    ("Nvidia's office in Tel Aviv employs 3,000 people.", {("Nvidia", "operatesIn", "Tel Aviv")}, set()),
    # the subject of a verb that opens, builds or runs one ("the city of Malmo" is Malmo)
    ("Tesla opened a factory in Berlin in 2022.", {("Tesla", "operatesIn", "Berlin")}, set()),
    ("Orbis Networks opened an office in the city of Malmo.", {("Orbis Networks", "operatesIn", "Malmo")}, set()),
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


@pytest.mark.parametrize("text, expected", [
    ("Toyota said sales of the Toyota Camry rose in March.", {("Toyota", "develops", "Toyota Camry")}),
    ("Shipments of the Veltro Pad 3 slipped, Veltro said on Monday.", {("Veltro", "develops", "Veltro Pad 3")}),
])
def test_rules_read_the_maker_at_the_start_of_a_product_name(nlp, text, expected):
    _assert_reads(nlp, text, expected)


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
    # a name the text calls a city or a town is a place, in the place after "in"
    ("Uppsala is a city in Sweden.", {("Uppsala", "locatedIn", "Sweden")}, set()),
    ("Kiruna, a town in northern Sweden, hosts a large mine.", {("Kiruna", "locatedIn", "Sweden")}, set()),
    ("Lappeenranta is a city in the region of South Karelia.", {("Lappeenranta", "locatedIn", "South Karelia")},
     set()),
    # "the city of Leicester" names the city; it does not put the city's antecedent in it
    ("Harwick is a town in England. Many of its pupils come from the city of Leicester.",
     {("Harwick", "locatedIn", "England")}, {("Harwick", "locatedIn", "Leicester")}),
])
def test_rules_read_a_place_the_text_calls_a_city(nlp, text, expected, absent):
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
    modality = {(r["s_name"], r["predicate"], r["o_name"]): r["modality"] for r in doc._.kg_relation_data}
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
    ("It is set in Les Halles, the central market of Paris.", set(), {("Paris", "operatesIn", "Les Halles")}),
])
def test_rules_read_a_company_market_as_where_it_operates(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    ("\"Prices are high,\" said Gemma Arkwright, Veltro's finance director, who lives in Leeds.",
     {("Gemma Arkwright", "livesIn", "Leeds")}, set()),
    # a person based somewhere lives there; a company based somewhere is based there
    ("\"Prices are high,\" said Lena Kowalczyk, a Polish citizen based in Warsaw.",
     {("Lena Kowalczyk", "livesIn", "Warsaw"), ("Lena Kowalczyk", "livesIn", "Poland")}, set()),
    ("Veltro, a company based in Leeds, hired Ana Ruiz.", {("Veltro", "basedIn", "Leeds")},
     {("Veltro", "livesIn", "Leeds")}),
    # the townspeople news quotes: "a farmer in Fresno"
    ("\"Prices are high,\" said Rick Alvarez, a farmer in Fresno, California.",
     {("Rick Alvarez", "livesIn", "Fresno")}, set()),
    # a nationality said with the copula
    ("\"Drivers are free,\" said Amina Yusuf, the company's chief operating officer, who is Nigerian.",
     {("Amina Yusuf", "livesIn", "Nigeria")}, set()),
    ("Amina Yusuf is Nigerian.", {("Amina Yusuf", "livesIn", "Nigeria")}, set()),
    ("The Zeta phone is Nigerian.", set(), {("Zeta", "livesIn", "Nigeria")}),
])
def test_rules_read_where_people_live_as_news_says_it(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # who leads a group acts for it
    ("Three drivers led by Chinedu Okafor have sued Zuri Rides.", {("Chinedu Okafor", "sues", "Zuri Rides")}),
    ("A group of 1,200 retailers led by Hollis & Brook has sued Veltro.", {("Hollis & Brook", "sues", "Veltro")}),
    ("A consortium led by Harbor Ventures acquired Veltro.", {("Harbor Ventures", "acquires", "Veltro")}),
])
def test_rules_read_the_leader_of_a_group_as_its_voice(nlp, text, expected):
    _assert_reads(nlp, text, expected)


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
])
def test_rules_read_whose_rivals_the_text_names(nlp, text, expected, absent):
    found = _triples(_rules_doc(nlp, text))
    symmetric = found | {(o, p, s) for s, p, o in found if p == "competesWith"}
    assert expected <= symmetric and not absent & symmetric, found


@pytest.mark.parametrize("text, expected, absent", [
    # an organisation based in "City, Region" is based in both, as "an Austin, Texas-based firm" is
    ("Veltro is headquartered in Austin, Texas.", {("Veltro", "basedIn", "Austin"), ("Veltro", "basedIn", "Texas")},
     set()),
    # where a person lives is the place alone, as news annotates it
    ("Ana Ruiz lives in Leeds, England.", {("Ana Ruiz", "livesIn", "Leeds")}, {("Ana Ruiz", "livesIn", "England")}),
])
def test_rules_read_the_region_an_organisations_seat_is_written_with(nlp, text, expected, absent):
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
    # owning or buying a stake is investing
    ("Harbor Capital owns a 40% stake in Veltro.", {("Harbor Capital", "investsIn", "Veltro")}, set()),
    ("Harbor Capital bought a 40% stake in Veltro.", {("Harbor Capital", "investsIn", "Veltro")}, set()),
    # every name of the list a plural role noun's verb takes
    ("Quillo's backers include Harbor Capital and Veltro.",
     {("Harbor Capital", "investsIn", "Quillo"), ("Veltro", "investsIn", "Quillo")}, set()),
    # the parser hangs "with" on "head-to-head"
    ("Veltro competes head-to-head with Quillo in the market for sensors.",
     {("Veltro", "competesWith", "Quillo")}, set()),
    # "its Zephyr app" is Zephyr, not a product named after its owner
    ("Veltro launched its Zephyr app in Brazil.", {("Veltro", "offers", "Zephyr")}, {("Veltro", "offers", "Veltro app")}),
])
def test_rules_read_stakes_lists_and_named_apps(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, modality", [
    # who is kept "from" doing something is its agent, and does not do it
    ("Regulators in Canada barred Veltro from offering its Zephyr service.", ("Veltro", "offers", "Zephyr"),
     "negated"),
    ("Veltro refrained from selling Zephyr in Japan.", ("Veltro", "offers", "Zephyr"), "negated"),
    ("Veltro profited from selling Zephyr in Japan.", ("Veltro", "offers", "Zephyr"), "fact"),
])
def test_rules_read_who_is_kept_from_doing_it(nlp, text, expected, modality):
    doc = _rules_doc(nlp, text)
    found = {(r["s_name"], r["predicate"], r["o_name"]): r["modality"] for r in doc._.kg_relation_data}
    assert found.get(expected) == modality, found
    assert ("Canada", "offers", "Zephyr") not in found


@pytest.mark.parametrize("text, expected", [
    # a person "from" a place in apposition is from there, whatever the job
    ("Ana Ruiz, a lawyer from Seville, joined Veltro in 2019.", {("Ana Ruiz", "livesIn", "Seville")}),
    ("Ana Ruiz grew up in Porto.", {("Ana Ruiz", "livesIn", "Porto")}),
    # a seat said with the copula; a role said with "named X its ..."
    ("Veltro's headquarters are in Austin.", {("Veltro", "basedIn", "Austin")}),
    ("Quillo named Ana Ruiz its new chief executive.", {("Ana Ruiz", "worksFor", "Quillo")}),
])
def test_rules_read_origins_seats_and_appointments(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, owner, expected", [
    ("Quillo said Veltro is its biggest customer.", "Quillo", ("Quillo", "suppliesTo", "Veltro")),
    ("Quillo said Veltro was its largest shareholder.", "Quillo", ("Veltro", "investsIn", "Quillo")),
    ("Veltro said China was its biggest market.", "Veltro", ("Veltro", "operatesIn", "China")),
])
def test_coref_its_in_a_copula_predicate_is_not_the_copula_subject(nlp, text, owner, expected):
    doc = _rules_doc(nlp, text)
    its = [it["name"] for it in doc._.kg_entity_data if it["via"] == "coref" and doc[it["start"]].lower_ == "its"]
    assert its == [owner], doc._.kg_entity_data
    assert expected in _triples(doc)


@pytest.mark.parametrize("text, expected, absent", [
    # whose shipments, imports or exports a restriction reaches: the one it restricts
    ("Canada imposed curbs on exports by Halvern Mining.", {("Canada", "restricts", "Halvern Mining")}, set()),
    ("The Federal Trade Commission restricted shipments by Tellan.",
     {("Federal Trade Commission", "restricts", "Tellan")}, set()),
    ("Peru's trade ministry restricted imports from Calder Farms.", {("Peru", "restricts", "Calder Farms")}, set()),
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
])
def test_rules_read_plants_places_and_commissions(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, modality", [
    # one of a nation's people, said with the copula or in apposition
    ("Ana Ruiz is a German skeleton racer.", ("Ana Ruiz", "livesIn", "Germany"), "fact"),
    ("Ana Ruiz, a Norwegian engineer, joined Veltro in 2019.", ("Ana Ruiz", "livesIn", "Norway"), "fact"),
    # a role said with the copula is what the copula's clause says of it
    ("Ana Ruiz is not a German citizen.", ("Ana Ruiz", "livesIn", "Germany"), "negated"),
    ("Ana Ruiz may become Veltro's chief executive.", ("Ana Ruiz", "worksFor", "Veltro"), "hypothetical"),
    ("Quillo is not a partner of Veltro.", ("Quillo", "partnersWith", "Veltro"), "negated"),
])
def test_rules_read_nationality_and_copula_roles(nlp, text, expected, modality):
    doc = _rules_doc(nlp, text)
    found = {(r["s_name"], r["predicate"], r["o_name"]): r["modality"] for r in doc._.kg_relation_data}
    assert found.get(expected) == modality, found


def test_rules_a_company_of_a_nation_is_no_national(nlp):
    found = _triples(_rules_doc(nlp, "Veltro is a German company."))
    assert ("Veltro", "basedIn", "Germany") in found and ("Veltro", "livesIn", "Germany") not in found


@pytest.mark.parametrize("text, expected", [
    # what a named maker developed is a product, whatever kind of thing it is
    ("The Vexa Q is a discontinued digital media player developed by Veltro.", {("Veltro", "develops", "Vexa Q")}),
    # names listed under an owner's kind of product are the owner's products
    ("Veltro is best known for its range of guided missiles such as Cirit and Tamsa.",
     {("Veltro", "develops", "Cirit"), ("Veltro", "develops", "Tamsa")}),
    ("Veltro's apps, including Zephyr and Tidewater, are popular.",
     {("Veltro", "develops", "Zephyr"), ("Veltro", "develops", "Tidewater")}),
])
def test_rules_read_products_by_their_kind(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    # an address chain in one sentence: the place is in every place after it (owl:TransitiveProperty)
    ("Bohumin is a town in Karvina District, Moravian-Silesian Region, Czech Republic.",
     {("Bohumin", "locatedIn", "Czech Republic"), ("Karvina District", "locatedIn", "Czech Republic")}, set()),
    # a region "of" a country
    ("Goght is a village in the Kotayk Province of Armenia.",
     {("Kotayk Province", "locatedIn", "Armenia"), ("Goght", "locatedIn", "Armenia")}, set()),
    # a list of places is no chain
    ("Veltro has offices in Paris, Berlin and Rome.", set(), {("Paris", "locatedIn", "Rome")}),
])
def test_rules_read_address_chains(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a firm or a stake sold to a buyer (kg:saleTrigger) is the buyer's, and no supply
    ("Veltro agreed to sell its Quillo unit to Harbor Capital.", {("Harbor Capital", "acquires", "Quillo")},
     {("Veltro", "suppliesTo", "Harbor Capital"), ("Veltro", "suppliesTo", "Quillo")}),
    ("Veltro sold its stake in Quillo to Harbor Capital.", {("Harbor Capital", "investsIn", "Quillo")},
     {("Veltro", "suppliesTo", "Harbor Capital")}),
    # goods sold to a buyer stay a supply
    ("Veltro sells routers to Harbor Capital.", {("Veltro", "suppliesTo", "Harbor Capital")},
     {("Harbor Capital", "acquires", "Veltro")}),
])
def test_rules_read_a_sale_of_a_firm_as_its_acquisition(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # jobs of the press and of councils, with an owner, "of" or "for"
    ("Ana Ruiz is the AP's regional reporter.", {("Ana Ruiz", "worksFor", "Associated Press")}, set()),
    ("Harwick Gazette columnist Ana Ruiz wrote it.", {("Ana Ruiz", "worksFor", "Harwick Gazette")}, set()),
    # (a member of a council, band or party is not its employee)
    ("Ana Ruiz, a member of the Harwick City Council, raised money.", set(),
     {("Ana Ruiz", "worksFor", "Harwick City Council")}),
    # named to a post, in the passive
    ("Ana Ruiz has been named publisher of the Harwick Gazette.", {("Ana Ruiz", "worksFor", "Harwick Gazette")},
     set()),
    # a person "at" an organisation (not at a place)
    ("Ana Ruiz at the Institute of Zoology found that pandas lack variety.",
     {("Ana Ruiz", "worksFor", "Institute of Zoology")}, set()),
    ("Ana Ruiz at Leeds said so.", set(), {("Ana Ruiz", "worksFor", "Leeds")}),
])
def test_rules_read_more_jobs(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a plural role noun whose holders are a list gives the role to every name of the list
    ("Velo counts Arden Capital and Mirth Partners among its shareholders.",
     {("Arden Capital", "investsIn", "Velo"), ("Mirth Partners", "investsIn", "Velo")}),
    ("Arden Capital and Mirth Partners are suppliers to Velo.",
     {("Arden Capital", "suppliesTo", "Velo"), ("Mirth Partners", "suppliesTo", "Velo")}),
    ("Ana Ruiz and Tom Berg are directors at Velo.",
     {("Ana Ruiz", "worksFor", "Velo"), ("Tom Berg", "worksFor", "Velo")}),
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


@pytest.mark.parametrize("text, expected", [
    # a role noun listed after another has its holder, also where the parser hangs it on the first one's object
    ("Ana Ruiz, a spokeswoman for the union and president of the Velo Foundation, said it was wrong.",
     {("Ana Ruiz", "worksFor", "Velo Foundation")}),
    # judges, inspectors and officers by rank work for their court, agency or force
    ("Metro Court Judge Tom Berg refused the request.", {("Tom Berg", "worksFor", "Metro Court")}),
    ("Velo Bank Inspector Tom Berg said the numbers were wrong.", {("Tom Berg", "worksFor", "Velo Bank")}),
])
def test_rules_read_jobs_by_rank(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # "his Leeds home": the owner of a home lives in the place that names it
    ("Tom Berg was arrested in a raid on his Leeds home.", {("Tom Berg", "livesIn", "Leeds")}),
    ("Ana Ruiz commutes 60 miles from her Germantown home.", {("Ana Ruiz", "livesIn", "Germantown")}),
])
def test_rules_read_a_named_home(nlp, text, expected):
    _assert_reads(nlp, text, expected)


def test_rules_a_description_with_an_apposed_name_stands_for_the_name(nlp):
    """The relation's subject is the name the text gives, not the description it is apposed to."""
    text = "In 1800, the 13th president of the company, Tom Berg, was born in Leeds."
    doc = _rules_doc(nlp, text)
    rows = [r for r in doc._.kg_relation_data if r["predicate"] == "livesIn"]
    assert [doc[r["s_start"]:r["s_end"]].text for r in rows] == ["Tom Berg"], rows


@pytest.mark.parametrize("text, expected, absent", [
    # a place with "in" and a place lies in it, however the parser hangs the preposition
    ("Ana Ruiz is from Yatsushiro in Kumamoto Prefecture in southern Japan.",
     {("Yatsushiro", "locatedIn", "Kumamoto Prefecture"), ("Kumamoto Prefecture", "locatedIn", "Japan")}, set()),
    ("Officials in Perugia in Umbria province said five people were arrested.",
     {("Perugia", "locatedIn", "Umbria")}, set()),
    ("Rome is in Lazio province.", {("Rome", "locatedIn", "Lazio")}, set()),
    # "in London" says where they met, not where Leeds is
    ("He met the mayor of Leeds in London.", set(), {("Leeds", "locatedIn", "London")}),
])
def test_rules_read_a_place_in_a_place(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_a_place_in_a_place_takes_the_copulas_negation(nlp):
    rows = {(r["s_name"], r["o_name"]): r["modality"] for r in _rules_doc(nlp, "Rome is not in Lazio.")._.kg_relation_data
            if r["predicate"] == "locatedIn"}
    assert rows == {("Rome", "Lazio"): "negated"}


@pytest.mark.parametrize("text, expected, modality", [
    # competing in a place, as selling there, means operating there (the subject does)
    ("Velo competes with Arden in France.", ("Velo", "operatesIn", "France"), "fact"),
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


_LEASING = """
@prefix kg:   <https://w3id.org/kg-builder/ontology#> .
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
kg:leases a owl:ObjectProperty ; rdfs:subPropertyOf kg:relation ; rdfs:label "leases"@en ;
    rdfs:domain kg:Organization ; rdfs:range kg:Product ; kg:trigger "lease" ;{flag} kg:baseConfidence 0.7 .
"""


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
    rows = _triples(nlp("Hollo Mobility leases its Zippa scooters in Portugal."))
    assert (("Hollo Mobility", "operatesIn", "Portugal") in rows) is flag, rows


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
])
def test_rules_who_wins_a_contract_supplies_the_client(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_reselling_a_service_is_offering_it(nlp):
    _assert_reads(nlp, "Velo has signed an agreement to resell Amazon's Project Kuiper satellite internet service in Brazil.",
                  {("Velo", "offers", "Project Kuiper"), ("Velo", "operatesIn", "Brazil")})


@pytest.mark.parametrize("edit", [False, True])
def test_rules_the_lexicon_says_which_words_raise_and_lead_a_round(edit, tmp_path):
    # lexicon.toml's funding_verbs and round_verbs, not lists in the code, decide which verbs read
    # "raised $12 million from X" and "X led a round in Y" as X investsIn Y
    import shutil

    from kg.ontology import ontology_dir

    onto = tmp_path / "ontology"
    shutil.copytree(ontology_dir(), onto)
    if edit:
        lexicon = onto / "lexicon.toml"
        text = lexicon.read_text(encoding="utf-8")
        for key, word in (("funding_verbs", "pocket"), ("round_verbs", "spearhead")):
            assert f"{key} = [" in text
            text = text.replace(f"{key} = [", f'{key} = ["{word}", ', 1)
        lexicon.write_text(text, encoding="utf-8")
    nlp = load_pipeline(relation_model=False, overrides={"components.kg_relations.ontology_dir": str(onto)})
    for text in ("Orvane pocketed $12 million from Belmar Ventures.", "Belmar Ventures spearheaded a round in Orvane."):
        rows = _triples(nlp(text))
        assert (("Belmar Ventures", "investsIn", "Orvane") in rows) is edit, (text, rows)


@pytest.mark.parametrize("text, expected, absent", [
    # who serves customers in a place operates there (lexicon.toml customer_nouns)
    ("Grayling Bank manages money for clients in the Gulf and Latin America.",
     {("Grayling Bank", "operatesIn", "Gulf"), ("Grayling Bank", "operatesIn", "Latin America")}, set()),
    ("Velora, which has two million customers in Brazil, cut its prices.", {("Velora", "operatesIn", "Brazil")}, set()),
    ("Vantapay, the Dublin-based company that processes card payments for 90,000 merchants across Europe, "
     "named a new chair.", {("Vantapay", "operatesIn", "Europe"), ("Vantapay", "basedIn", "Dublin")}, set()),
    ("Velora has no customers in Japan.", set(), {("Velora", "operatesIn", "Japan")}),
    ("Shoppers in Leeds praised Velora.", set(), {("Velora", "operatesIn", "Leeds")}),
])
def test_rules_who_serves_customers_in_a_place_operates_there(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # "their" that coreference leaves unresolved (a plural owner) is the subject of "count ... among"
    ("Velora and Kestrel count Brazil among their largest markets.",
     {("Velora", "operatesIn", "Brazil"), ("Kestrel", "operatesIn", "Brazil")}),
    ("Both Velora and Kestrel count Lumen Capital among their shareholders.",
     {("Lumen Capital", "investsIn", "Velora"), ("Lumen Capital", "investsIn", "Kestrel")}),
])
def test_rules_a_plural_owner_of_count_among_is_the_subject(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, antecedent", [
    # a country on a description ("the U.S. company") rules out a company the gazetteer places elsewhere,
    # as a demonym ("the Japanese company") does
    ("Ridgeway Telecom, a Lisbon-based carrier, will resell Google's cloud service in Portugal, giving the "
     "U.S. company a foothold in Europe.", "Google"),
    ("Ridgeway Telecom, a Lisbon-based carrier, will resell Toyota's cars in Portugal, giving the Japanese "
     "company a foothold in Europe.", "Toyota"),
])
def test_coref_a_country_on_a_description_rules_out_companies_from_elsewhere(nlp, text, antecedent):
    links = [(m.text, a.text) for m, a in nlp(text)._.coref_links]
    assert links == [("company", antecedent)], links


def test_rules_a_person_partner_of_a_firm_works_there(nlp):
    # a person holding a symmetric relation's role ("as a partner") in a firm has a job there, no partnership
    _assert_reads(nlp, "Marc Dubois joined Lakeview Capital as a partner in February.",
                  {("Marc Dubois", "worksFor", "Lakeview Capital")},
                  {("Lakeview Capital", "partnersWith", "Marc Dubois"), ("Marc Dubois", "partnersWith", "Lakeview Capital")})
    _assert_reads(nlp, "Lakeview Capital, a partner of Orvane, declined to comment.",
                  {("Lakeview Capital", "partnersWith", "Orvane")})


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
