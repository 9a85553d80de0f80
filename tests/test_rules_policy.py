"""What the rules read of governments and regulators acting on firms: orders, curbs, duties and licences
(sentences written for the purpose, never the corpus's; each case a reading that failed before its rule)."""

from __future__ import annotations

import pytest

from .reading import _assert_reads, _modalities, _rules_doc


@pytest.mark.parametrize("text, expected, absent", [
    # the one who orders a firm to stop, suspend or shut something down restricts it ...
    ("Vietnam told Temu to suspend operations until it registers with the trade ministry.",
     {("Vietnam", "restricts", "Temu")}, set()),
    ("Brazil's telecom regulator ordered Orrin to shut down its messaging service.",
     {("Brazil", "restricts", "Orrin")}, set()),
    ("Quillo was ordered by the Federal Trade Commission to divest its stake in Lumio.",
     {("Federal Trade Commission", "restricts", "Quillo")}, set()),
    # ... or to cap, cut or limit something
    ("Kenya's transport authority has ordered Ridex and Kolo Rides to cap the commission they take from drivers.",
     {("Kenya", "restricts", "Ridex"), ("Kenya", "restricts", "Kolo Rides")}, set()),
    # refusing to license a firm, cutting its slots or its allocation restricts it (whose slots they are,
    # not the airport they are at)
    ("South Africa's communications regulator Icasa has refused to license StarLane, the satellite internet "
     "service.", {("Icasa", "restricts", "StarLane")}, set()),
    ("Indonesia's Ministry of Transportation has cut the allocation of Ladang Air by four flights a week.",
     {("Ministry of Transportation", "restricts", "Ladang Air")}, set()),
    ("Turkey trims Volga Air's Istanbul slots over chronic delays.", {("Turkey", "restricts", "Volga Air")},
     {("Turkey", "restricts", "Istanbul")}),
    # ... and the maker of goods a firm is made to remove (not the goods' own name)
    ("The regulator Ofcom ordered Telia to phase out equipment made by Zhenlong.",
     {("Ofcom", "restricts", "Telia"), ("Ofcom", "restricts", "Zhenlong")}, set()),
    ("Norway will require Telenor and Ice to remove Zhenlong components from their core networks.",
     {("Norway", "restricts", "Zhenlong")}, set()),
    # ... not the one who only asks, nor one who orders a firm to start something
    ("Vietnam urged Temu to suspend operations.", set(), {("Vietnam", "restricts", "Temu")}),
    ("Vietnam told Temu to open an office in Hanoi.", set(), {("Vietnam", "restricts", "Temu")}),
    # what bare plurals are made to do ("ordered internet providers to block") is the orderer's doing
    ("India's IT ministry ordered internet providers to block access to Quillo, a Chinese video app.",
     {("India", "restricts", "Quillo")}, set()),
    # ... also where the verb of ordering is the second of its subject's ("has fined banks, and told")
    ("The Halden Authority has fined local banks, and told internet providers to block access to Vexo and Quorra.",
     {("Halden Authority", "restricts", "Vexo"), ("Halden Authority", "restricts", "Quorra")}, set()),
])
def test_rules_who_orders_a_firm_to_stop_restricts_it(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a named product the ones ordered are made to remove: whoever orders it restricts the product
    ("The Marvian Media Authority ordered app stores to remove Lumio, a chat app run by Kestrel Labs.",
     ("Marvian Media Authority", "restricts", "Lumio")),
    ("Peru's trade ministry has ordered Kestrel and Orvane to remove the shopping app Lumio from their stores.",
     ("Peru", "restricts", "Lumio")),
])
def test_rules_who_orders_a_named_product_removed_restricts_it(nlp, text, expected):
    _assert_reads(nlp, text, {expected})


@pytest.mark.parametrize("text, expected, absent", [
    # putting a firm on a list of restriction restricts it, on a list of what is prohibited bans it
    ("Japan added Kovrin Avionics and Salt Ridge Labs to its export blacklist.",
     {("Japan", "restricts", "Kovrin Avionics"), ("Japan", "restricts", "Salt Ridge Labs")}, set()),
    ("The Bureau of Trade Security placed Kovrin Avionics on the Entity List in May.",
     {("Bureau of Trade Security", "restricts", "Kovrin Avionics")}, set()),
    ("Kovrin Avionics was added to the sanctions list by the Office of Trade Controls.",
     {("Office of Trade Controls", "restricts", "Kovrin Avionics")}, set()),
    ("Chile put Kovrin Avionics on its prohibited-supplier list.", {("Chile", "bans", "Kovrin Avionics")}, set()),
    # (not a list of anything else)
    ("Velk Systems added Kovrin Avionics to its list of approved suppliers.", set(),
     {("Velk Systems", "restricts", "Kovrin Avionics")}),
])
def test_rules_who_puts_a_firm_on_a_list_of_restriction_restricts_it(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # "its" is the acting country again, not a second country beside the one the goods are from
    ("Peru on Monday extended its ban on Chilean apples until the end of 2028.", ("Peru", "bans", "Chile")),
    ("Mexico widened its surtax on Brazilian-made tractors to trailers.", ("Mexico", "restricts", "Brazil")),
])
def test_rules_a_country_restricting_with_its_own_measure_restricts_the_other_country(nlp, text, expected):
    _assert_reads(nlp, text, {expected})


def test_coref_its_in_what_one_is_ordered_to_do_is_the_one_ordered(nlp):
    doc = _rules_doc(nlp, "Brazil's telecom regulator ordered Orrin to shut down its messaging service.")
    its = [it["name"] for it in doc._.kg_entity_data if it["via"] == "coref" and doc[it["start"]].lower_ == "its"]
    assert its == ["Orrin"], doc._.kg_entity_data


@pytest.mark.parametrize("text, expected, absent", [
    # what a restriction reaches: the firm named before the goods, where the goods go, whose licence
    ("The Netherlands widened curbs on ASML chip tool sales to China on Friday.",
     {("Netherlands", "restricts", "ASML"), ("Netherlands", "restricts", "China")}, set()),
    ("Guinea suspended the licence of bauxite miner Sino-Boke Alumina on Monday.",
     {("Guinea", "restricts", "Sino-Boke Alumina")}, set()),
    # the sale "of" goods named: the goods' names
    ("Australia's Therapeutic Goods Administration has banned the sale of Vapora and CloudMax disposable vapes.",
     {("Therapeutic Goods Administration", "bans", "Vapora"), ("Therapeutic Goods Administration", "bans", "CloudMax")},
     set()),
    ("Germany's Federal Motor Transport Authority has banned sales of the Arc 7 electric sedan.",
     {("Federal Motor Transport Authority", "bans", "Arc 7")}, set()),
    # licences refused: to whom, or for whose goods (the parser may hang "for" on the verb)
    ("The Dutch government refused Veltmeer licences for China shipments.", {("Netherlands", "restricts", "Veltmeer")},
     set()),
    ("The Netherlands has refused export licences for three of Veltmeer Lithography's scanners.",
     {("Netherlands", "restricts", "Veltmeer Lithography")}, set()),
    ("Russia's communications watchdog Roskomnadzor has slowed access to the messaging app Whisp.",
     {("Roskomnadzor", "restricts", "Whisp")}, set()),
    # import duties on goods from a country restrict the country; goods shipped from it are not
    # supplied by the one who taxes them
    ("Brazil raised import duties last year on electric cars shipped from China.",
     {("Brazil", "restricts", "China")}, {("Brazil", "suppliesTo", "China")}),
    # tariffs charged or levied on imports: where they come from
    ("The EU began charging tariffs on fertiliser imports from Russia.", {("European Union", "restricts", "Russia")},
     set()),
    ("Canada will levy duties on steel imports from China.", {("Canada", "restricts", "China")}, set()),
    # trade halted or suspended: the country it came from or went to
    ("India suspended rice imports from Vietnam and Thailand.",
     {("India", "restricts", "Vietnam"), ("India", "restricts", "Thailand")}, set()),
    ("China halted gallium exports to the United States.", {("China", "restricts", "United States")}, set()),
    ("Veltro stopped shipments from its plant in Mexico.", set(), {("Veltro", "restricts", "Mexico")}),
    # a fleet limited, assets frozen: whose they are
    ("Transport for London limits Rydo's fleet to 1,500 scooters.", {("Transport for London", "restricts", "Rydo")},
     set()),
    ("The Foreign Office froze the assets of Volkhov Metals Trading on Monday.",
     {("Foreign, Commonwealth and Development Office", "restricts", "Volkhov Metals Trading")}, set()),
    # a decision to act is its maker's act, not that of whoever rules on the decision
    ("The General Court annulled the European Union's decision to freeze the assets of Tessaro Trading.",
     {("European Union", "restricts", "Tessaro Trading")}, {("General Court", "restricts", "Tessaro Trading")}),
    # licences or concessions cancelled or revoked, whoever holds them (not a country that describes who backs
    # the holder)
    ("Ghana's Minerals Commission has cancelled four gold permits held by Asante Ridge.",
     {("Minerals Commission", "restricts", "Asante Ridge")}, set()),
    ("Peru cancels copper permits of smelter backed by Korean fund", set(), {("Peru", "restricts", "South Korea")}),
    # the service a ban names, not who runs it
    ("The Media Authority banned five dating apps, including the Lumo chat service run by Tarsel Pte.",
     {("Media Authority", "bans", "Lumo")}, {("Media Authority", "bans", "Tarsel Pte")}),
    # the goods whose import, release or use is banned (not the country their maker is from)
    ("Kenya has banned the import and use of Fumora, a soil fumigant produced by the Dutch firm Veldhaven.",
     {("Kenya", "bans", "Fumora")}, {("Kenya", "bans", "Netherlands")}),
    ("Kenya has banned the import of Fumora.", {("Kenya", "bans", "Fumora")}, set()),
    # downloads of an app banned: the app
    ("The Halden Privacy Board on Monday banned new downloads of Zelto, a chatbot developed by Orlan Labs.",
     {("Halden Privacy Board", "bans", "Zelto")}, {("Halden Privacy Board", "bans", "Orlan Labs")}),
    # the firm or product named in front of the goods banned
    ("Chile banned Kelvor Motors chips from critical networks.", {("Chile", "bans", "Kelvor Motors")}, set()),
    ("Nepal banned the Korvo messaging app on Friday.", {("Nepal", "bans", "Korvo")}, set()),
    # sales "by" a firm, the parser's "by" hung on the active verb
    ("The Cocoa Board has restricted sales by Lagune Foods.", {("Cocoa Board", "restricts", "Lagune Foods")}, set()),
    # whom one is kept from buying from, or whose goods, is banned too
    ("The Federal Procurement Office has banned schools from buying laptops made by Korvan Aero and Skylift.",
     {("Federal Procurement Office", "bans", "Korvan Aero"), ("Federal Procurement Office", "bans", "Skylift")}, set()),
    ("The Cyber Council has banned mobile operators from buying core network gear from Korvan Telecom.",
     {("Cyber Council", "bans", "Korvan Telecom")}, set()),
    # the passive's "by" the parser hung on what one is kept from
    ("Tamarind Air was barred from flying to Lagos by the regulator Ncaa for three months.",
     {("Ncaa", "restricts", "Tamarind Air")}, set()),
    # where goods described by a participle go, which the parser hangs in the participle's phrase
    ("Taiwan's Ministry of Economic Affairs banned exports of motors and cameras used in drones to Russia and Iran.",
     {("Ministry of Economic Affairs", "bans", "Russia"), ("Ministry of Economic Affairs", "bans", "Iran")}, set()),
    ("Japan restricted sales of chips made in Osaka to Russia and Iran.",
     {("Japan", "restricts", "Russia"), ("Japan", "restricts", "Iran")}, set()),
])
def test_rules_what_a_restriction_reaches(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a noun for an act appended to the clause that tells it: the clause's subject does what the noun's
    # clause says (and, after a verb of saying, the one who says it too)
    ("Norland will cap timber exports at two million tonnes, the Forestry Ministry said on Friday, a quota that "
     "restricts traders such as Brakke Holz and Tallin Export.",
     {("Norland", "restricts", "Brakke Holz"), ("Forestry Ministry", "restricts", "Tallin Export")}, set()),
    ("Ofcom has suspended new licences for 60 days, a move that restricts operators such as Wexcom and Lyra "
     "Mobile.", {("Ofcom", "restricts", "Wexcom"), ("Ofcom", "restricts", "Lyra Mobile")}, set()),
])
def test_rules_an_act_appended_to_a_clause_is_its_subjects(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # who may do only so much is restricted: a clause on the limited thing, or of "how much"
    ("Ofcom has capped the number of new loans that digital lender Tanua Credit can issue each month.",
     {("Ofcom", "restricts", "Tanua Credit")}, set()),
    ("Indonesian regulator Otoritas Jasa Keuangan has limited how much Teras Finansial can lend to first-time users.",
     {("Otoritas Jasa Keuangan", "restricts", "Teras Finansial")}, set()),
    # a market capitalisation restricts no one
    ("Nvidia's market cap passed that of Apple.", set(), {("Nvidia", "restricts", "Apple")}),
])
def test_rules_who_may_do_only_so_much_is_restricted(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # the firms a restriction hits, whoever imposes it restricts
    ("Norway has capped night flights at Tromso to 12 a week, hitting carriers Polar Freight and Nordvik Cargo.",
     {("Norway", "restricts", "Polar Freight"), ("Norway", "restricts", "Nordvik Cargo")}, set()),
    ("Vietnam has suspended rice imports for 60 days, a move that hits exporters such as Kasem Rice and Lanna Foods.",
     {("Vietnam", "restricts", "Kasem Rice"), ("Vietnam", "restricts", "Lanna Foods")}, set()),
    # not what a firm's own cut hits
    ("Veltro cut prices last month, hitting rivals Orlan Systems and Tarvo Labs.", set(),
     {("Veltro", "restricts", "Orlan Systems")}),
    # ... also as the next sentence's subject, a noun for the act or the restriction ("The move hits X")
    ("Canada extended its surtax on electric vehicles to hybrids. The move hits Kelvor Auto, a Halden carmaker.",
     {("Canada", "restricts", "Kelvor Auto")}, set()),
    ("The Canal Authority will limit daily transits to 28 ships. The curbs will hit lines such as Orlan Lines and "
     "Tessin Cargo.", {("Canal Authority", "restricts", "Orlan Lines"), ("Canal Authority", "restricts", "Tessin Cargo")},
     set()),
    # (not what hits a firm that is no such act, nor a firm's own cut)
    ("Norway limited salmon exports in May. The storm hit Kelvor Fisk hard.", set(), {("Norway", "restricts", "Kelvor Fisk")}),
    ("Veltro cut prices last month. The move hit Orlan Systems.", set(), {("Veltro", "restricts", "Orlan Systems")}),
])
def test_rules_whom_a_restriction_hits(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # whom a restriction, summed up as a move or a rule, is aimed at: firms, or an app
    ("Norway's Trade Ministry on Monday barred online marketplaces from selling their own brands, a rule aimed "
     "squarely at Kestrel Market and Orvane Retail.",
     {("Trade Ministry", "restricts", "Kestrel Market"), ("Trade Ministry", "restricts", "Orvane Retail")}, set()),
    ("Peru on Tuesday banned video platforms from taking payments for goods, a move aimed at Lumio, the shopping app "
     "run by Tarsk Media.", {("Peru", "restricts", "Lumio")}, set()),
    # (not what a firm's own product is aimed at)
    ("Kestrel launched a cheaper phone, a device aimed at Orvane's customers.", set(),
     {("Kestrel", "restricts", "Orvane")}),
])
def test_rules_whom_a_restriction_is_aimed_at(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, absent", [
    # a body governs or regulates where it acts: no kg:operatesIn (its seat is read as before)
    ("The Norwegian Directorate of Fisheries opened new quotas in Nordland.",
     ("Norwegian Directorate of Fisheries", "operatesIn", "Nordland")),
    # a place offers nothing
    ("The Arusha-based bank, which has 86 branches in Tanzania and Zanzibar, said the project would let it launch "
     "a mobile app, Kili Mobile, by mid-2026.", ("Tanzania", "offers", "Kili Mobile")),
])
def test_rules_a_government_body_operates_nowhere_and_a_place_offers_nothing(nlp, text, absent):
    _assert_reads(nlp, text, set(), {absent})



def test_rules_what_a_country_tells_its_own_firms_to_halt_it_restricts(nlp):
    # "told its fertiliser makers to halt shipments to X": what its own firms are made to do is its doing
    _assert_reads(nlp, "China has told its fertiliser makers to halt urea shipments to India and Australia.",
                  {("China", "restricts", "India"), ("China", "restricts", "Australia")})


@pytest.mark.parametrize("text, expected", [
    # a surtax on a country's goods restricts the country
    ("Canada imposed a surtax on Chinese-made electric vehicles.", ("Canada", "restricts", "China")),
    # duties on goods "from" a country or firm restrict it, also past the duties' rate
    ("The Norwegian Customs Agency on Monday imposed provisional anti-dumping duties of up to 25% on steel pipes "
     "from Vietnam and Malaysia.", ("Norwegian Customs Agency", "restricts", "Malaysia")),
    # a firm ordered to sell what it holds is restricted by who orders it
    ("The Committee on Foreign Investment has ordered Lantau Harbour Capital to sell its 24% stake in Saguaro "
     "Avionics.", ("Committee on Foreign Investment", "restricts", "Lantau Harbour Capital")),
])
def test_rules_a_surtax_and_a_forced_sale(nlp, text, expected):
    _assert_reads(nlp, text, {expected})


@pytest.mark.parametrize("text, expected, absent", [
    # access revoked, suspended or cut: its holder is restricted, also after a part of it ("most of")
    ("Parallax AI has revoked Draftwise's access to its language models.", {("Parallax AI", "restricts", "Draftwise")}, set()),
    ("Orrin suspended Velo's access to its payment network.", {("Orrin", "restricts", "Velo")}, set()),
    ("Parallax AI has revoked most of Draftwise's access to its language models.",
     {("Parallax AI", "restricts", "Draftwise")}, set()),
    # (a firm that sells most of its fleet supplies no one by it)
    ("Shortly after Kallisto Lines sold most of its older fleet, Orrin bought three tankers.", set(),
     {("Kallisto Lines", "suppliesTo", "Orrin")}),
])
def test_rules_access_revoked_restricts_its_holder(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # rights, a licence, a permit, a concession or a block granted, awarded or issued give access
    ("Xiyue BioPharma has granted Brightwater Pharma exclusive rights to develop and sell its antibody JH-417.",
     {("Xiyue BioPharma", "providesAccessTo", "Brightwater Pharma")}, set()),
    ("Guyana's Ministry of Mines has awarded a deepwater exploration block to Calypso Energy.",
     {("Ministry of Mines", "providesAccessTo", "Calypso Energy")}, set()),
    ("Ofcom granted Orrin a licence.", {("Ofcom", "providesAccessTo", "Orrin")}, set()),
    # (a contract awarded is no access)
    ("Ofcom awarded a contract to Orrin.", set(), {("Ofcom", "providesAccessTo", "Orrin")}),
])
def test_rules_rights_or_a_licence_granted_give_access(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a firm that gains access to another's network, goods or catalogue is given it by that owner
    ("Pellow Freight has secured access to Tarnby Post's locker network in Denmark.",
     {("Tarnby Post", "providesAccessTo", "Pellow Freight")}, set()),
    ("Quenby Audio will gain access to the catalogue of Marrow Records.",
     {("Marrow Records", "providesAccessTo", "Quenby Audio")}, set()),
    ("Pellow Freight wins access to spare parts from Tarnby Motors", {("Tarnby Motors", "providesAccessTo",
                                                                          "Pellow Freight")}, set()),
    # (not the goods' own name beside their owner's, nor people who gain access to papers)
    ("Quenby Audio gets access to Marrow Records' Velvet Vault archive.", set(),
     {("Velvet Vault", "providesAccessTo", "Quenby Audio")}),
    ("The reporters Ana Ruiz and Lena Voss gained access to Tarnby Motors documents.", set(),
     {("Tarnby Motors", "providesAccessTo", "Ana Ruiz")}),
])
def test_rules_who_gains_access_to_a_firms_goods_is_given_it(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a capital written for its government, as the subject of what a state does, is the state
    ("Washington last year barred Tsingshan from supplying materials to carmakers.",
     {("United States", "restricts", "Tsingshan")}, set()),
    ("Beijing has invested $2 billion in Kestrel Mining.", {("China", "investsIn", "Kestrel Mining")}, set()),
    # ... not a capital where something happens
    ("Veltrix sued Orbit in Washington.", {("Veltrix", "sues", "Orbit")}, {("United States", "sues", "Orbit")}),
])
def test_rules_a_capital_that_acts_is_its_state(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # an order to take apart what one sells restricts one (lexicon stop_verbs)
    ("The European Commission forced Kelvor Cloud to unbundle its office software.",
     ("European Commission", "restricts", "Kelvor Cloud")),
    ("The Competition Authority ordered Orlan Telecom to separate its network business.",
     ("Competition Authority", "restricts", "Orlan Telecom")),
])
def test_rules_an_order_to_unbundle_restricts(nlp, text, expected):
    _assert_reads(nlp, text, {expected})


@pytest.mark.parametrize("text, expected", [
    # the one given access, set off with a description whose verb modifies a noun ("Oslo-based", "including")
    ("Orlan has given Kvessa, an Oslo-based wallet, access to the payment chip in its phones.",
     {("Orlan", "providesAccessTo", "Kvessa")}),
    ("Halden's Transport Office has given Kelvor Drive, a Singapore-based driving company, access to its roads.",
     {("Transport Office", "providesAccessTo", "Kelvor Drive")}),
    ("Tessin Mall gave sellers in Asia, including Brask Home Goods, access to the names of buyers.",
     {("Tessin Mall", "providesAccessTo", "Brask Home Goods")}),
])
def test_rules_access_given_to_one_set_off_with_a_description(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # the one given access, a description of a firm named before it, which the parser took for a word of
    # "access" ("the retailer access")
    ("Tarvo Grain exports rice. Tarvo Grain ships rice to importer Selvan Trading, which gives the Vietnamese "
     "company access to its warehouses.", {("Selvan Trading", "providesAccessTo", "Tarvo Grain")}),
    ("Halvo Farmers is a maize cooperative. Nafel Bank has given the cooperative access to a working-capital loan.",
     {("Nafel Bank", "providesAccessTo", "Halvo Farmers")}),
])
def test_rules_access_given_to_a_description_taken_for_a_word_of_access(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    # a headline's "<demonym> regulator curbs X": the verb the parse took for a noun, and the names after it
    ("Danish regulator curbs Velora Pay after outage", {("Denmark", "restricts", "Velora Pay")}, set()),
    ("Norwegian privacy watchdog bans Kelvor Mobile and Orlan Social", {("Norway", "bans", "Kelvor Mobile"),
                                                                        ("Norway", "bans", "Orlan Social")}, set()),
    # not a body's saying or fining
    ("Danish regulator says Velora Pay must pay", set(), {("Denmark", "restricts", "Velora Pay")}),
])
def test_rules_a_headlines_body_restricts_the_names_after_its_verb(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a named body or country before the verb of a headline, and a description ending in a kind of firm
    # before the name: the parse made the verb a noun, or the name an apposition of the verb
    ("Peru sanctions Lima shipper Andes Maritime over fuel sales", {("Peru", "restricts", "Andes Maritime")}, set()),
    ("FCA curbs Leeds lender Quorvey over affordability checks",
     {("Financial Conduct Authority", "restricts", "Quorvey")}, set()),
    # a name right after the verb, whose service is curbed
    ("Kenya curbs Tamu Mobile's roaming service", {("Kenya", "restricts", "Tamu Mobile")}, set()),
    # (not a name that modifies the description of another)
    ("Chile throttles Vesk rival Orrin Chat", {("Chile", "restricts", "Orrin Chat")}, {("Chile", "restricts", "Vesk")}),
])
def test_rules_a_named_bodys_headline_verb_restricts_the_name_described_after_it(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a suit brought to stop a deal is against whose deal it is (the buyer)
    ("The Competition Bureau sued on Monday to block Orlan Media's purchase of Vesk Ads.",
     {("Competition Bureau", "sues", "Orlan Media")}, set()),
    ("The Justice Department filed a lawsuit to stop Tarro Payments' takeover of Quell.",
     {("United States Department of Justice", "sues", "Tarro Payments")}, set()),
    # (not an action taken, which is no suit)
    ("The Justice Department took action to block Tarro Payments' purchase of Quell.", set(),
     {("United States Department of Justice", "sues", "Tarro Payments")}),
])
def test_rules_a_suit_to_stop_a_deal_is_against_the_buyer(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, triple", [
    # a stop only sued or moved for restricts no one yet (and leaves the deal as agreed)
    ("The Federal Trade Commission sued on Tuesday to block Clearpath Media's $8.2 billion takeover of Quennel Ads.",
     ("Federal Trade Commission", "restricts", "Clearpath Media")),
    ("The Federal Trade Commission sued to block Kelvor Media's purchase of Orlan Ads.",
     ("Federal Trade Commission", "restricts", "Kelvor Media")),
    ("Norway moved to bar Kelvor Mobile from selling phones.", ("Norway", "restricts", "Kelvor Mobile")),
])
def test_rules_a_stop_only_sought_is_no_restriction(nlp, text, triple):
    assert _modalities(_rules_doc(nlp, text)).get(triple, "hypothetical") != "fact"


@pytest.mark.parametrize("text, expected, absent", [
    # taking a firm to a named court sues it, as taking it to court does ...
    ("The Marrow Farmers Union has taken Dalby & Finch to the High Court in Perth.",
     {("Marrow Farmers Union", "sues", "Dalby & Finch")}, set()),
    ("Kelvor Paints has taken its former partner, Fenwick Coatings, to the Supreme Court.",
     {("Kelvor Paints", "sues", "Fenwick Coatings")}, set()),
    # ... and so does "to court" the parser reads as a verb after a name of several words
    ("Veltro took Lumio Systems to court over the patents.", {("Veltro", "sues", "Lumio Systems")}, set()),
    # (a name given to a court is no suit)
    ("Veltro took Lumio Systems to Berlin for the launch.", set(), {("Veltro", "sues", "Lumio Systems")}),
])
def test_rules_taking_a_firm_to_a_named_court_sues_it(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a state that hands, grants or awards a firm spectrum, airwaves, acreage or slots gives it access
    ("Norway hands Brenvik Oil and Kelda Energy new exploration acreage",
     {("Norway", "providesAccessTo", "Brenvik Oil"), ("Norway", "providesAccessTo", "Kelda Energy")}, set()),
    ("Kenya's communications authority has handed 5G airwaves to Fenna Mobile.",
     {("Kenya", "providesAccessTo", "Fenna Mobile")}, set()),
    ("India gives satellite spectrum to Orbix India and Tarvel",
     {("India", "providesAccessTo", "Orbix India"), ("India", "providesAccessTo", "Tarvel")}, set()),
    ("Indonesia grants Orla Airways extra Bali slots", {("Indonesia", "providesAccessTo", "Orla Airways")}, set()),
    # (not spectrum one sells)
    ("Kelda Mobile sold its 3.5 GHz spectrum to Tarvel last year.", set(), {("Kelda Mobile", "providesAccessTo", "Tarvel")}),
])
def test_rules_spectrum_or_acreage_handed_to_a_firm_gives_it_access(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a suit filed or brought by one against another: the participle's "against" ...
    ("The change follows a ruling in the lawsuit filed by Quillby Media against Tarvel Labs.",
     {("Quillby Media", "sues", "Tarvel Labs")}, set()),
    # ... and a suit against one that the passive says was brought by another
    ("The lawsuit against Tarvel Labs was brought by Quillby Media.", {("Quillby Media", "sues", "Tarvel Labs")}, set()),
    ("A complaint against Orrin Software was filed by Kelvor Games last year.",
     {("Kelvor Games", "sues", "Orrin Software")}, set()),
    # (not one that only dismisses it)
    ("The lawsuit against Tarvel Labs was dismissed by Judge Mara Quint.", set(),
     {("Mara Quint", "sues", "Tarvel Labs")}),
])
def test_rules_a_suit_brought_by_one_against_another(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, triple", [
    # what a firm is ordered, required or told to give is not given yet ...
    ("Norway's energy regulator has ordered pipeline operator Nordlinie to give gas traders Kelvor and Orrin "
     "access to its line.", ("Nordlinie", "providesAccessTo", "Kelvor")),
    ("Kelvor Bank was ordered to give Quillby Pay access to its card data.", ("Kelvor Bank", "providesAccessTo", "Quillby Pay")),
    ("The regulator told Kelvor Telecom to open its network to Orrin Mobile.",
     ("Kelvor Telecom", "providesAccessTo", "Orrin Mobile")),
])
def test_rules_what_a_firm_is_ordered_to_give_is_not_yet_given(nlp, text, triple):
    assert _modalities(_rules_doc(nlp, text)).get(triple) == "hypothetical"


@pytest.mark.parametrize("text, triple", [
    # ... while the orderer's own restriction, and what one gives of its own accord, stay facts
    ("India's IT ministry ordered internet providers to block access to Quillo, a Chinese video app.",
     ("India", "restricts", "Quillo")),
    ("Kelvor Bank gave Quillby Pay access to its card data.", ("Kelvor Bank", "providesAccessTo", "Quillby Pay")),
    # (and the block a firm is ordered to impose is its restriction)
    ("A Lyon court has ordered internet providers in France, including Orrin Telecom and Vessa Mobile, to block "
     "access to Pirata, an illegal streaming service.", ("Orrin Telecom", "restricts", "Pirata")),
])
def test_rules_an_orders_own_restriction_stays_a_fact(nlp, text, triple):
    assert _modalities(_rules_doc(nlp, text)).get(triple) == "fact"


@pytest.mark.parametrize("text, expected, absent", [
    # what a sanction is over is its cause: a country named there is not restricted ...
    ("U.S. sanctions Dubai shipper Kelvor Maritime over Iranian oil",
     {("United States", "restricts", "Kelvor Maritime")}, {("United States", "restricts", "Iran")}),
    ("U.S. sanctions Dubai trader over drone engines sent to Russia", set(), {("United States", "restricts", "Russia")}),
    # (while the one other country a state's restrictions are said to reach still is)
    ("US chip restrictions challenge Chinese AI", {("United States", "restricts", "China")}, set()),
])
def test_rules_a_country_in_what_a_sanction_is_over_is_not_restricted(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a percentage of each sale handed over is a cut, wherever the parser hangs it after the payee
    ("Kelvor Games hands Orrin Media 10% of each subscription bought through its store.",
     {("Kelvor Games", "paysCommissionTo", "Orrin Media")}, set()),
    ("Tarvel Pay also hands Orrin Pawn, the pawnshop chain, 1.5% of every cash-in made at its branches.",
     {("Tarvel Pay", "paysCommissionTo", "Orrin Pawn")}, set()),
    ("Tarvel Pay has routed its transfers through Quillby Bank, handing the lender 0.4% of the value of each payment.",
     {("Tarvel Pay", "paysCommissionTo", "Quillby Bank")}, set()),
    # (not a part of one price)
    ("Pacific Lines will pay Orlan Yards 20% of the price upfront.", set(),
     {("Pacific Lines", "paysCommissionTo", "Orlan Yards")}),
])
def test_rules_a_percentage_of_each_sale_written_after_the_payee_is_a_cut(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # slowing a service, or the traffic to it, restricts it
    ("Russia slows Kelvor Video again as rival gains viewers", {("Russia", "restricts", "Kelvor Video")}, set()),
    ("Russia's regulator has slowed Kelvor Video for the third time this year.",
     {("Russia", "restricts", "Kelvor Video")}, set()),
    ("Nepal's ministry has ordered internet providers to slow traffic to Quaxo, the short-video app.",
     {("Nepal", "restricts", "Quaxo")}, set()),
    # (not sales that slow somewhere)
    ("Sales at Kelvor Motors slowed in China last year.", set(), {("Kelvor Motors", "restricts", "China")}),
])
def test_rules_slowing_a_service_or_its_traffic_restricts_it(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a headline's name right before "sues" or "countersues" sues the name after it (past a description)
    ("Payments startup Kelvor Pay sues Orrin Bank over frozen merchant funds",
     {("Kelvor Pay", "sues", "Orrin Bank")}, set()),
    ("Pixelmoor countersues Arden Labs as codec dispute escalates", {("Pixelmoor", "sues", "Arden Labs")}, set()),
    ("Tea brand fight: Assam Valley Estates sues Darjeeling rival Himal Brew over 'Golden Tip' name",
     {("Assam Valley Estates", "sues", "Himal Brew")}, set()),
    # (not the place in the description)
    ("Marrow Tea sues Darjeeling rival Himal Leaf over its name", set(), {("Marrow Tea", "sues", "Darjeeling")}),
    # (nor a firm that describes the one sued)
    ("The SEC sues former Kelvor chief Mara Quint over inflated assets", set(),
     {("Securities and Exchange Commission", "sues", "Kelvor")}),
])
def test_rules_a_headlines_name_before_sues_sues_the_name_after_it(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # "COUNTRY watchdog orders/VBZ/compound NAME to stop ...": the tagger read the verb, but the parser hung it as a
    # modifier of the name after it; made the clause's verb again, the body before it orders the name
    ("Korea watchdog orders Tessmart Korea to stop tracking rivals' prices",
     {("South Korea", "restricts", "Tessmart Korea")}, set()),
    ("Mexico watchdog orders Orvida to stop policing sellers' prices", {("Mexico", "restricts", "Orvida")}, set()),
])
def test_rules_a_headline_verb_the_parser_hung_on_the_noun_after_it(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a state's curb with no object of its own does not fall on the country of a demonym on one firm's singular
    # noun: that says where the firm is
    ("Norway widens chip-tool curbs, cutting off Chinese foundry Haolin", {("Norway", "restricts", "Haolin")},
     {("Norway", "restricts", "China")}),
    ("Norway blocks Chinese shipping group's stake in Bergen terminal", set(), {("Norway", "restricts", "China")}),
    ("Indonesia grants Qatar Airways extra Bali slots, curbs Malaysian budget carrier", set(),
     {("Indonesia", "restricts", "Malaysia")}),
    # ... but a plural of them is the country's firms
    ("Norway curbs Chinese chipmakers.", {("Norway", "restricts", "China")}, set()),
])
def test_rules_a_demonym_on_one_firm_is_not_the_restricted_country(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # ordered to remove another's named product, the one ordered is the hand the order works through: the
    # product is restricted, not it
    ("Indonesia's communications ministry has ordered Orvane Labs and Telvix Group to remove the Chinese discount "
     "shopping app Bazora from their stores in the country.", {("Indonesia", "restricts", "Bazora")},
     {("Indonesia", "restricts", "Orvane Labs"), ("Indonesia", "restricts", "Telvix Group")}),
    # ... but made to stop its own product or business, it is restricted
    ("Brazil's central bank ordered Kelmo Pay to suspend its Kelmo Wallet service.",
     {("Brazil", "restricts", "Kelmo Pay"), ("Brazil", "restricts", "Kelmo Wallet")}, set()),
    ("Brazil's central bank ordered Kelmo Pay to suspend new sign-ups.", {("Brazil", "restricts", "Kelmo Pay")}, set()),
])
def test_rules_the_hand_an_order_to_remove_a_product_works_through(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)
