"""What the entity stage reads: mention spans, classes, datelines and headlines, on sentences written
for the purpose (never the corpus's)."""

from __future__ import annotations

import pytest

from .reading import (  # noqa: F401
    _assert_class, _assert_reads, _assert_typed_and_reads, _classes, _entities_forcing, _entities_of,
    _parsed_entities_of, _parsed_triples, _rules_doc,
    _triples,
)


# -- entity spans: NER boundary errors ----------------------------------------------------------------

def test_entities_drop_a_leading_preposition_before_a_known_name(nlp):
    # "Unlike Orrin Chat, ..., Orrin Chat is free": the NER ran the preposition into the name
    words = ["Unlike", "Orrin", "Chat", ",", "which", "Vela", "sells", ",", "Orrin", "Chat", "is", "free", "."]
    tags = ["IN", "NNP", "NNP", ",", "WDT", "NNP", "VBZ", ",", "NNP", "NNP", "VBZ", "JJ", "."]
    ents = ["B-PRODUCT", "I-PRODUCT", "I-PRODUCT", "O", "O", "B-ORG", "O", "O", "B-PRODUCT", "I-PRODUCT",
            "O", "O", "O"]
    spans = [text for text, _cls in _entities_of(nlp, words, tags, ents)]
    assert "Unlike Orrin Chat" not in spans and spans.count("Orrin Chat") == 2


@pytest.mark.parametrize("words, names", [
    # one body's name with "and" inside stays whole ...
    (["The", "Ministry", "of", "Industry", "and", "Trade", "fined", "Velo", "."], ["Ministry of Industry and Trade"]),
    (["The", "Energy", "and", "Mineral", "Resources", "Ministry", "fined", "Velo", "."],
     ["Energy and Mineral Resources Ministry"]),
    # ... two bodies, or two firms, are two names
    (["The", "Ministry", "of", "Finance", "and", "Ministry", "of", "Trade", "fined", "Velo", "."],
     ["Ministry of Finance", "Ministry of Trade"]),
    (["Otsuka", "and", "Vertex", "Pharmaceuticals", "fined", "Velo", "."], ["Otsuka", "Vertex Pharmaceuticals"]),
])
def test_entities_split_a_coordinated_name_unless_it_is_one_bodys(nlp, words, names):
    from spacy.tokens import Doc

    n = words.index("fined")
    tags = ["DT" if w == "The" else "CC" if w == "and" else "IN" if w == "of" else "NNP" for w in words[:n]] \
        + ["VBD", "NNP", "."]
    first = 1 if words[0] == "The" else 0
    ents = ["O"] * first + ["B-ORG"] + ["I-ORG"] * (n - first - 1) + ["O", "B-ORG", "O"]
    doc = Doc(nlp.vocab, words=words, tags=tags, ents=ents, sent_starts=[True] + [False] * (len(words) - 1))
    doc = nlp.get_pipe("kg_entities")(doc)
    spans = [doc[it["start"]:it["end"]].text for it in doc._.kg_entity_data if it["via"] != "coref"]
    assert spans[:-1] == names, spans


def test_entities_keep_a_leading_preposition_of_an_unknown_name(nlp):
    # "Under Kestrel Apparel" is a name of its own when nothing else names "Kestrel Apparel"
    words = ["Under", "Kestrel", "Apparel", "opened", "a", "store", "."]
    tags = ["IN", "NNP", "NNP", "VBD", "DT", "NN", "."]
    ents = ["B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O"]
    assert [text for text, _cls in _entities_of(nlp, words, tags, ents)] == ["Under Kestrel Apparel"]


def test_entities_drop_a_sentence_initial_description_before_a_known_name(nlp):
    # "Chipmaker Carbidex said ... Carbidex supplies Nvidia.": the NER ran the description into the name
    words = ["Chipmaker", "Carbidex", "said", "so", ".", "Carbidex", "supplies", "Nvidia", "."]
    tags = ["NNP", "NNP", "VBD", "RB", ".", "NNP", "VBZ", "NNP", "."]
    ents = ["B-ORG", "I-ORG", "O", "O", "O", "B-ORG", "O", "B-ORG", "O"]
    doc_sents = [True, False, False, False, False, True, False, False, False]
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=words, tags=tags, ents=ents, sent_starts=doc_sents)
    doc = nlp.get_pipe("kg_entities")(doc)
    spans = [doc[it["start"]:it["end"]].text for it in doc._.kg_entity_data if it["via"] != "coref"]
    assert "Chipmaker Carbidex" not in spans and spans.count("Carbidex") == 2, spans


@pytest.mark.parametrize("text, name", [
    # nouns for kinds of business (lexicon [coref] Company) open sentences before names too
    ("Broadcaster Selvaro sues streaming app Kivo over piracy\n\nSelvaro said the app streamed its matches.",
     "Selvaro"),
    ("Installer Sunfield, which buys panels from Jinko Solar, said costs would rise. Sunfield has 900,000 "
     "customers.", "Sunfield"),
])
def test_entities_drop_a_sentence_initial_kind_of_business(nlp, text, name):
    doc = _rules_doc(nlp, text)
    spans = [doc[it["start"]:it["end"]].text for it in doc._.kg_entity_data if it["via"] != "coref"]
    assert spans.count(name) == 2, spans


@pytest.mark.parametrize("text, name, cls", [
    # a business's trade in "-er" or "-or" opening a sentence before a name nothing else names
    ("Insurer Halvrek Marine, which covered two of the ships, said it had cancelled the policies.",
     "Halvrek Marine", "Company"),
    ("Distributor Orvenka Trading said sales rose by a fifth.", "Orvenka Trading", "Company"),
    # a description only people bear, before a person's name
    ("Winemaker Tessa Brandvlei, whose family has owned the farm since 1901, said the deal would help.",
     "Tessa Brandvlei", "Person"),
])
def test_entities_drop_a_sentence_initial_trade_before_an_unknown_name(nlp, text, name, cls):
    doc = _rules_doc(nlp, text)
    found = {doc[it["start"]:it["end"]].text: it["cls"] for it in doc._.kg_entity_data if it["via"] != "coref"}
    assert found.get(name) == cls and not any(n.endswith(" " + name) for n in found), found


def test_entities_keep_a_trade_word_the_text_writes_inside_the_name(nlp):
    # "Miller Dravik" written whole mid-sentence too: the first word is the name's
    doc = _rules_doc(nlp, "Miller Dravik said profits rose. Shares of Miller Dravik fell 3%.")
    spans = [doc[it["start"]:it["end"]].text for it in doc._.kg_entity_data if it["via"] != "coref"]
    assert spans.count("Miller Dravik") == 2, spans


def test_entities_a_name_listed_with_named_places(nlp):
    # a name the NER left out of a list whose other names are places is one ("in Lima, Varquena and Cusco")
    text = "Its shops are in Lima , Varquena and Cusco ."
    tags = ["PRP$", "NNS", "VBP", "IN", "NNP", ",", "NNP", "CC", "NNP", "."]
    heads = [1, 2, 2, 2, 3, 4, 4, 6, 6, 2]
    deps = ["poss", "nsubj", "ROOT", "prep", "pobj", "punct", "conj", "cc", "conj", "punct"]
    ents = ["O", "O", "O", "O", "B-GPE", "O", "O", "O", "B-GPE", "O"]
    assert ("Varquena", "Place") in _parsed_entities_of(nlp, text, tags, heads, deps, ents)
    # (not a date after a place: "ZURICH, Oct 6")
    text = "Its shops are in Lima , Oct 6 and Cusco ."
    tags = ["PRP$", "NNS", "VBP", "IN", "NNP", ",", "NNP", "CD", "CC", "NNP", "."]
    heads = [1, 2, 2, 2, 3, 4, 4, 6, 6, 6, 2]
    deps = ["poss", "nsubj", "ROOT", "prep", "pobj", "punct", "conj", "nummod", "cc", "conj", "punct"]
    ents = ["O", "O", "O", "O", "B-GPE", "O", "O", "O", "O", "B-GPE", "O"]
    assert not any(name.startswith("Oct") for name, _ in _parsed_entities_of(nlp, text, tags, heads, deps, ents))


@pytest.mark.parametrize("text, name", [
    # a person's given name joined by a hyphen to its lower-case rest
    ("Its founder, Yoon Min-seok, said the firm would hire.", "Yoon Min-seok"),
    ("Bae Hae-won, a driver who lives in Busan, said she used the app daily.", "Bae Hae-won"),
])
def test_entities_a_persons_name_with_a_hyphen_inside_stays_whole(nlp, text, name):
    doc = _rules_doc(nlp, text)
    found = {doc[it["start"]:it["end"]].text: it["cls"] for it in doc._.kg_entity_data if it["via"] != "coref"}
    assert found.get(name) == "Person", found


def test_entities_drop_a_sentence_initial_peer_role_before_a_longer_name(nlp):
    # "Rival Hollister Motors said": a peer role before a name of two words or more, known or not
    doc = _rules_doc(nlp, "Rival Hollister Motors said its cars were not affected.")
    spans = {doc[it["start"]:it["end"]].text for it in doc._.kg_entity_data if it["via"] != "coref"}
    assert "Hollister Motors" in spans and "Rival Hollister Motors" not in spans, spans


@pytest.mark.parametrize("text, name", [
    # "Rival Games": a one-word rest unknown elsewhere keeps the first word
    ("Rival Games said it would hire.", "Rival Games"),
    # nothing else names "Rail": the first word is the name's
    ("Network Rail said the line would reopen.", "Network Rail"),
    # not at the start of a sentence
    ("Analysts said Rival Games and Rival would merge.", "Rival Games"),
])
def test_entities_keep_a_first_word_of_an_unknown_name(nlp, text, name):
    doc = _rules_doc(nlp, text)
    assert name in {doc[it["start"]:it["end"]].text for it in doc._.kg_entity_data}


@pytest.mark.parametrize("word, tag, kept", [
    ("Edge", "NN", False),
    # (the common noun tagged as a proper one)
    ("Edge", "NNP", True),
    # a word English has no noun for, which the tagger took for one: "Kestrel's Trevolt", "Kestrel's M-150"
    ("Trevolt", "NN", True),
    ("M-150", "NN", True),
])
def test_entities_a_lone_common_noun_is_no_product(nlp, word, tag, kept):
    # a heading "Kestrel's Edge:": the NER took the common noun for a product
    words = ["Kestrel", "'s", word, ":", "chips", "sell", "."]
    tags = ["NNP", "POS", tag, ":", "NNS", "VBP", "."]
    ents = ["B-ORG", "O", "B-PRODUCT", "O", "O", "O", "O"]
    found = _entities_of(nlp, words, tags, ents)
    assert (word, "Product") in found if kept else all(text != word for text, _cls in found)


@pytest.mark.parametrize("verb, lemma, cls", [
    ("said", "say", "Person"),          # a lone surname says things: still a person
    ("joined", "join", "Person"),        # and joins, leads, works for things
    ("employs", "employ", "Company"),    # a lone name that employs people is a business
])
def test_entities_a_lone_person_name_is_a_company_only_by_what_businesses_do(nlp, verb, lemma, cls):
    from spacy.tokens import Doc

    words = ["Okafor", verb, "Lumo", "."]
    doc = Doc(nlp.vocab, words=words, tags=["NNP", "VBD", "NNP", "."], lemmas=["Okafor", lemma, "Lumo", "."],
              heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "dobj", "punct"],
              ents=["B-PERSON", "O", "B-ORG", "O"])
    doc = nlp.get_pipe("kg_entities")(doc)
    found = {doc[it["start"]:it["end"]].text: it["cls"] for it in doc._.kg_entity_data}
    assert found["Okafor"] == cls, found


@pytest.mark.parametrize("verb, lemma, cls", [("bought", "buy", "Company"), ("is", "be", "Place")])
def test_entities_a_lone_place_name_is_a_company_only_when_it_acts_like_one(nlp, verb, lemma, cls):
    # "Velmora bought Lumo" makes the NER's place a company; a copula says nothing of who acts
    # (livesIn's "be from" must not make every "X is ..." a business verb)
    from spacy.tokens import Doc

    words = ["Velmora", verb, "Lumo", "."]
    doc = Doc(nlp.vocab, words=words, tags=["NNP", "VBD" if verb != "is" else "VBZ", "NNP", "."],
              pos=["PROPN", "VERB" if verb != "is" else "AUX", "PROPN", "PUNCT"],
              lemmas=["Velmora", lemma, "Lumo", "."], heads=[1, 1, 1, 1],
              deps=["nsubj", "ROOT", "dobj" if verb != "is" else "attr", "punct"],
              ents=["B-GPE", "O", "B-ORG", "O"])
    doc = nlp.get_pipe("kg_entities")(doc)
    found = {doc[it["start"]:it["end"]].text: it["cls"] for it in doc._.kg_entity_data}
    assert found["Velmora"] == cls, found


@pytest.mark.parametrize("text, name, absent", [
    # "of" and the proper nouns after a word such names end on are the rest of the name
    ("The Central Bank of Ireland fined the lender.", "Central Bank of Ireland", "Ireland"),
    # where the gazetteer knows a shorter name ("Supreme Court"), the longer one wins, unlinked
    ("The ruling by the Supreme Court of Norway surprised lawyers.", "Supreme Court of Norway",
     "Supreme Court of the United States"),
])
def test_entities_keep_of_and_a_place_in_an_institution_name(nlp, text, name, absent):
    names = {it["name"] for it in _rules_doc(nlp, text)._.kg_entity_data}
    assert name in names and absent not in names, names


@pytest.mark.parametrize("text", [
    "She served as Lieutenant Governor of Oregon until 2011.",
    "He was appointed Prime Minister of Portugal in 1992.",
])
def test_entities_a_title_is_no_organisation(nlp, text):
    items = _rules_doc(nlp, text)._.kg_entity_data
    assert all(it["cls"] == "Place" or it["cls"] == "Country" for it in items), items
    assert not any(r["predicate"] == "basedIn" for r in _rules_doc(nlp, text)._.kg_relation_data)


@pytest.mark.parametrize("text, expected", [
    # short sentences of mostly names end in a period: not Title Case headlines, whose NER is not trusted
    ("Harlow Media acquired Veltro Radio in 2009.", {("Harlow Media", "acquires", "Veltro Radio")}),
    ("Veltro Radio is owned by Harlow Media.", {("Veltro Radio", "subsidiaryOf", "Harlow Media")}),
    # ... also where the full stop is an abbreviation's
    ("Harlow Media plans to sell the Veltro Star-News in Tampa, Fla., and the Star-Courier in Muncie, Ind.",
     {("Muncie", "locatedIn", "Indiana")}),
    # ... nor is an item of a list, ending in ";"
    ("Halden Mining Research Center, Joliet, Ill.;", {("Joliet", "locatedIn", "Illinois")}),
])
def test_short_sentences_of_names_are_no_headlines(nlp, text, expected):
    _assert_reads(nlp, text, expected)


def test_entities_a_source_lines_language_is_no_place(nlp):
    # the stamp's language after the outlet names no place, whatever the NER took it for
    text = "QX1402093595 Murmansk Radio Kelvor Network in Serbo-Croatian 0930 GMT 14 Feb 95"
    start = text.index("Serbo-Croatian")
    doc = _entities_forcing(nlp, text, lambda doc: [(doc.char_span(start, start + 14).start,
                                                     doc.char_span(start, start + 14).end, "GPE")])
    spans = [doc[it["start"]:it["end"]].text for it in doc._.kg_entity_data]
    assert "Serbo-Croatian" not in spans and "Radio Kelvor Network" in spans, spans


def test_a_name_in_capitals_on_a_title_case_line_stays(nlp):
    # a credit line run on after a headline: the publication in capitals owes nothing to the Title Case
    text = "Shandong Growers Plan New Mills OW0305091194 Beijing XINHUA in English 0915 GMT 3 May 94"
    _assert_reads(nlp, text, {("Xinhua News Agency", "basedIn", "Beijing")})


@pytest.mark.parametrize("text, expected, absent", [
    # a known place run into a name in capitals (a credit line's city and publication) is two names
    ("The report was carried by Hanoi VNA on Monday.", {("VNA", "basedIn", "Hanoi")}, set()),
    ("Rice Growers Plan New Mills OW0305 Hanoi VNA in English 0915 GMT 3 May 94", {("VNA", "basedIn", "Hanoi")},
     set()),
    # ... not a common acronym after it
    ("Aubrac Intelligence, the Lyon AI startup, said it raised money.", set(), {("AI", "basedIn", "Lyon")}),
])
def test_a_place_run_into_a_name_in_capitals(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a name defined by an organisation's acronym is an organisation's, whatever the NER took it for
    ("Ann Gill, a former CEO of Norsk Lerbanen (NLB), said the line was slow.",
     {("Ann Gill", "worksFor", "Norsk Lerbanen")}),
])
def test_a_name_defined_by_an_organisations_acronym(nlp, text, expected):
    _assert_reads(nlp, text, expected)


def test_a_title_case_line_is_still_a_headline(nlp):
    from kg.entities.headlines import TitleCaseLines

    doc = nlp.make_doc("Harlow Media Acquires Veltro Radio\nHarlow Media acquired Veltro Radio in 2009.")
    lines = TitleCaseLines(doc)
    assert lines(doc[0:2]) and not lines(doc[6:8])


@pytest.mark.parametrize("text, name", [
    ("The court ordered broadband providers, including Zento and Fibrix, to block the site.", "Fibrix"),
    ("The court ordered broadband providers, including Zento and Fibrix, to block the site.", "Zento"),
    ("Vexa expanded into Brazil after acquiring Lumo.", "Lumo"),
    # what a merger is of (both conjuncts), whatever the NER took a lone name for
    ("The merger of Veltro and Lumio was approved by regulators in March.", "Lumio"),
    ("Kessler Retail said it had paid the fees since 2020.", "Kessler Retail"),
])
def test_entities_names_the_sentence_shows_to_be_companies(nlp, text, name):
    doc = _rules_doc(nlp, text)
    found = {doc[it["start"]:it["end"]].text: it["cls"] for it in doc._.kg_entity_data}
    assert found.get(name) == "Company", found


@pytest.mark.parametrize("label", ["ORG", "PERSON"])
def test_entities_a_name_ending_in_a_place_word_is_a_place(nlp, label):
    # whatever the NER called it, "Ochoco National Forest" is a place (and "Forest Labs" is not:
    # the place word must end the name)
    words = ["Hikers", "reached", "Ochoco", "National", "Forest", "near", "the", "offices", "of", "Forest", "Labs", "."]
    tags = ["NNS", "VBD", "NNP", "NNP", "NNP", "IN", "DT", "NNS", "IN", "NNP", "NNP", "."]
    ents = ["O", "O", f"B-{label}", f"I-{label}", f"I-{label}", "O", "O", "O", "O", "B-ORG", "I-ORG", "O"]
    found = dict(_entities_of(nlp, words, tags, ents))
    assert found["Ochoco National Forest"] == "Place" and found["Forest Labs"] == "Company", found


@pytest.mark.parametrize("label", ["ORG", "PERSON"])
@pytest.mark.parametrize("head", ["Glacier", "Viaduct", "Stadium", "Creek"])
def test_entities_a_name_ending_in_a_landform_or_a_work_one_visits_is_a_place(nlp, label, head):
    words = ["Hikers", "reached", "Tasker", head, "near", "the", "offices", "of", "Orlan", "Bank", "."]
    tags = ["NNS", "VBD", "NNP", "NNP", "IN", "DT", "NNS", "IN", "NNP", "NNP", "."]
    ents = ["O", "O", f"B-{label}", f"I-{label}", "O", "O", "O", "O", "B-ORG", "I-ORG", "O"]
    found = dict(_entities_of(nlp, words, tags, ents))
    assert found["Tasker " + head] == "Place" and found["Orlan Bank"] == "Company", found


def test_entities_a_name_ends_on_no_word_that_joins(nlp):
    # the NER stopped "the Northern Province of" before the country's name: the name is the province's
    doc = _rules_doc(nlp, "Orvik runs a mine in the Northern Province of Zambia.")
    assert "Northern Province" in {it["name"] for it in doc._.kg_entity_data}, doc._.kg_entity_data
    assert ("Northern Province", "locatedIn", "Zambia") in _triples(doc), _triples(doc)


def test_entities_a_dateline_city_is_dropped_unless_named_with_its_region(nlp):
    """"HELSINKI –" says where a story was filed: no entity. "AUSTIN, Texas –" also says where the
    city is: it stays, in the region."""
    alone = _rules_doc(nlp, "HELSINKI \u2013 Nokia said on Monday it would cut 500 jobs.")
    paired = _rules_doc(nlp, "AUSTIN, Texas \u2013 Dell said on Monday it would cut 500 jobs.")
    assert "Helsinki" not in {it["name"] for it in alone._.kg_entity_data}
    assert {"Austin", "Texas"} <= {it["name"] for it in paired._.kg_entity_data}
    found = _triples(paired)
    assert ("Austin", "locatedIn", "Texas") in found, found


def test_entities_a_dateline_city_with_its_region_is_a_place_whatever_the_ner_said(nlp):
    # the NER reads "KULIM" and "RALEIGH" in capitals as organisations; with a region and a dash
    # after them at a line's start they are cities, and so is the name written again
    doc = _rules_doc(nlp, "KULIM, Malaysia \u2014 Nexalis Packaging, a unit of Hock Lee, opened a plant.")
    assert ("Kulim", "locatedIn", "Malaysia") in _triples(doc), _triples(doc)
    doc = _rules_doc(nlp, "RALEIGH, North Carolina \u2014 Tillage Bio, a Raleigh-based startup, said on Monday "
                          "it had signed a deal.")
    assert _classes(doc).get("Raleigh") == "Place", _classes(doc)
    assert ("Tillage Bio", "basedIn", "Raleigh") in _triples(doc)


@pytest.mark.parametrize("text, city, region", [
    # a wire dateline ends on the agency in brackets, or is a line of its own
    ("DUNMORE FALLS, Maine (AP) _ A man found a rare coin in his garden.", "Dunmore Falls", "Maine"),
    ("PINE HARBOR, Oregon\nA man found a rare coin in his garden.", "Pine Harbor", "Oregon"),
])
def test_entities_a_wire_dateline_city_with_its_region_is_a_place(nlp, text, city, region):
    found = _triples(_rules_doc(nlp, text))
    assert (city, "locatedIn", region) in found, found


@pytest.mark.parametrize("model", [False, True])
def test_a_kept_dateline_city_is_in_no_other_relation(nlp, model):
    """The parse may run the dateline into the sentence ("AUSTIN ... has raised"): the city still
    takes part only in its locatedIn, by the rules or the model."""
    text = ("AUSTIN, Texas - Vantor Grid, a startup that builds batteries, has raised $210 million in a "
            "round led by Khosla Ventures, the company said on Tuesday.")
    found = _triples(_rules_doc(nlp, text, model=model))
    assert ("Austin", "locatedIn", "Texas") in found, found
    assert not {r for r in found if "Austin" in (r[0], r[2]) and r[1] != "locatedIn"}, found


@pytest.mark.parametrize("model", [False, True])
def test_the_region_of_a_kept_dateline_city_is_in_no_other_relation(nlp, model):
    # the parse runs "Taiwan" into the sentence as the subject of "sued"; it only says where Hsinchu is
    text = ("HSINCHU, Taiwan, Aug 6 \u2013 Jadeite Semiconductor has sued a former senior process engineer, "
            "Lin Chia-hao, and ChangXin Memory Technologies, the Hefei-based chipmaker he joined in March.")
    found = _triples(_rules_doc(nlp, text, model=model))
    assert ("Hsinchu", "locatedIn", "Taiwan") in found, found
    assert not {r for r in found if "Taiwan" in (r[0], r[2]) and r[1] != "locatedIn"}, found


def test_entities_both_cities_of_a_slashed_dateline_are_dropped(nlp):
    doc = _rules_doc(nlp, "BEIJING/WINNIPEG, March 20 \u2013 China's customs agency said on Thursday it "
                          "had banned imports.")
    names = {it["name"].lower() for it in doc._.kg_entity_data}
    assert "winnipeg" not in names and "beijing" not in names, names


@pytest.mark.parametrize("text, expected", [
    # a country in capitals opens a headline; the hyphen inside a word after it ends no dateline
    ("U.S. sanctions Oslo-based shipper Tarvik Marine", ("United States", "restricts", "Tarvik Marine")),
    ("U.K. bans cut-price vapes from Lumex Trading", ("United Kingdom", "bans", "Lumex Trading")),
])
def test_entities_a_hyphen_inside_a_word_ends_no_dateline(nlp, text, expected):
    _assert_reads(nlp, text, {expected})


def test_entities_a_funding_round_is_no_entity(nlp):
    doc = _rules_doc(nlp, "Tandaa raised $38 million in a Series B round led by Partech Africa.")
    assert "Series B" not in {it["name"] for it in doc._.kg_entity_data}


def test_entities_a_name_with_a_firm_word_before_a_product_word_is_no_product(nlp):
    # "Ventures Platform": "Platform" ends product names ("Prisma Cloud"), "Ventures" makes a firm's
    doc = _rules_doc(nlp, "Tandaa raised $38 million from Partech Africa and Lagos-based Ventures Platform.")
    assert _classes(doc).get("Ventures Platform") == "Company", _classes(doc)
    assert _classes(_rules_doc(nlp, "Palo Alto Networks launched Prisma Cloud.")).get("Prisma Cloud") == "Product"


@pytest.mark.parametrize("text, name", [
    # "Services" ends product names too ("cloud services"), but a name ending in it is a firm's
    ("Rovuma Drilling, a subsidiary of Houston-based Gulfstar Energy Services, denies responsibility.",
     "Gulfstar Energy Services"),
    # what is licensed is often a product; a firm's name says otherwise
    ("The regulator licensed Stratolink Networks to sell satellite broadband nationwide.", "Stratolink Networks"),
    # "Rivian's R2" is a product; "Glencore's Kamoto Copper Company" is a firm
    ("Glencore's Kamoto Copper Company sells its cobalt through Nyota Trading.", "Kamoto Copper Company"),
])
def test_entities_a_name_ending_in_a_firm_word_stays_a_firm_in_a_products_context(nlp, text, name):
    assert _classes(_rules_doc(nlp, text)).get(name) == "Company"


@pytest.mark.parametrize("text, firm, fact", [
    ("Kestrel Cloud, the Dublin-based infrastructure provider, agreed to buy Fjordmark.", "Kestrel Cloud",
     ("Kestrel Cloud", "acquires", "Fjordmark")),
    ("Ingrid Falk, founder of Stockholm-based provider Nordwind Cloud, spoke.", "Nordwind Cloud",
     ("Nordwind Cloud", "basedIn", "Stockholm")),
])
def test_entities_a_name_ending_in_a_product_word_that_the_text_calls_a_firm_is_one(nlp, text, firm, fact):
    # "Prisma Cloud" is a product by its last word alone; what the sentence calls a provider is a firm
    doc = _rules_doc(nlp, text)
    assert _classes(doc).get(firm) == "Company", _classes(doc)
    assert fact in _triples(doc)


@pytest.mark.parametrize("text, owner, site", [
    ("Chevron will expand its Pasadena refinery.", "Chevron", "Pasadena"),
    ("Andes Copper and Kestrel Mining said output at their Quebrada Honda mine fell.", "Kestrel Mining",
     "Quebrada Honda"),
])
def test_entities_an_owners_site_named_by_its_place_is_no_product(nlp, text, owner, site):
    # "its Kiro robots" is the owner's product; "its Pasadena refinery" is a site, named by its place
    doc = _rules_doc(nlp, text)
    assert _classes(doc).get(site) != "Product", _classes(doc)
    assert (owner, "develops", site) not in _triples(doc)


def test_entities_a_name_after_its_before_a_thing_is_the_owners_product(nlp):
    assert _classes(_rules_doc(nlp, "Acme said its Kiro robots sold well.")).get("Kiro") == "Product"


@pytest.mark.parametrize("text, owner, site", [
    ("Renault will double output at its Tangier plant.", "Renault", "Tangier"),
    ("Codelco has agreed to trial two trucks at its Radomiro Tomic copper mine.", "Codelco", "Radomiro Tomic"),
    ("The plant sells power to Codelco, whose Chuquicamata copper mine lies a few kilometres north.", "Codelco",
     "Chuquicamata"),
])
def test_entities_the_name_of_a_firms_site_is_a_place(nlp, text, owner, site):
    # with the owner said, the name before the site's noun is where the site is (not "the Toyota
    # plant"'s owner, nor "her Etsy shop": a person's shop on a firm's marketplace)
    doc = _rules_doc(nlp, text)
    assert _classes(doc).get(site) == "Place", _classes(doc)
    assert (owner, "operatesIn", site) in _triples(doc)


@pytest.mark.parametrize("text, name", [
    ("Workers at the Halvern Motors plant voted to strike.", "Halvern Motors"),  # no owner said: the owner
    ("Etsy raised its fees. Marisol Trevino said she would keep her Etsy shop.", "Etsy"),  # a person's site
])
def test_entities_a_firm_before_a_site_without_a_firms_owner_stays_a_firm(nlp, text, name):
    doc = _rules_doc(nlp, text)
    assert _classes(doc).get(name) == "Company", _classes(doc)


@pytest.mark.parametrize("text, name", [
    ("It shipped 300,000 tonnes this year to Chinese brewers Tsingtao Brewery and Yanjing Brewery.", "Yanjing Brewery"),
    ("The chips are packaged by Malaysian partner Penang Microtech.", "Penang Microtech"),
    ("Kieler Werft will build the frigates.", "Kieler Werft"),
])
def test_entities_a_name_the_ner_took_for_a_person_ending_in_a_firms_word_is_a_firm(nlp, text, name):
    # (lexicon company_heads: "Brewery", "Supply", "Trading", "Bulk", ...)
    assert _classes(_rules_doc(nlp, text)).get(name) == "Company"


@pytest.mark.parametrize("text, owner, product", [
    ("Keshet, whose KeyGate software guards log-ins at Lufthansa, was valued at $600 million.", "Keshet", "KeyGate"),
    ("Orzel competes with WB Electronics, whose Warmate munitions are in service with the army.", "WB Electronics",
     "Warmate"),
])
def test_entities_a_name_after_whose_before_a_kind_of_product_is_a_product(nlp, text, owner, product):
    # (not a unit of the owner: "X, whose Y" reads a subsidiary where Y is a firm)
    doc = _rules_doc(nlp, text)
    assert _classes(doc).get(product) == "Product", _classes(doc)
    assert (product, "subsidiaryOf", owner) not in _triples(doc)


def test_entities_a_short_form_of_a_firms_name_is_the_firm_whatever_the_ner_said(nlp):
    # "Sunny Acres" after "Sunny Acres Snacks": the NER took the two words for a person's name
    doc = _rules_doc(nlp, "Emirati hotel group Al Waha Hospitality has sued its franchisee. The dispute comes as "
                          "Al Waha expands in North Africa.")
    assert _classes(doc).get("Al Waha") == "Company", _classes(doc)
    assert ("Al Waha", "operatesIn", "North Africa") in _triples(doc)


@pytest.mark.parametrize("text, name", [
    # lexicon product_nouns "messenger" and product_verbs "assemble" (the NER took both for places)
    ("India banned the Zephyr messenger and the short-video service Kwikreel on Friday.", "Zephyr"),
    ("The plant assembles the Dacia Sandero and the Renault Express van.", "Dacia Sandero"),
    # what a firm delays, postpones or recalls
    ("Borowik Games delays Iron Marsh to spring. Iron Marsh will cost 30 euros.", "Iron Marsh"),
    # a lender's named loan (the NER took it for an organisation)
    ("The company is also adding Nahra Credit, a working-capital loan, which it offers with Orlan Bank.",
     "Nahra Credit"),
    # a kind after "is a" whose article the parser hung on a hyphenated modifier
    ("The Orlan Arcturus is a mid-size sedan that was built by Halvorsen Motors until 1994.", "Orlan Arcturus"),
])
def test_entities_kinds_and_verbs_of_products_make_a_name_one(nlp, text, name):
    assert _classes(_rules_doc(nlp, text)).get(name) == "Product"


def test_entities_a_who_clause_of_the_noun_before_a_place_leaves_the_place_alone(nlp):
    # "who" right after the object of "from" belongs to the noun before it (the parser hung it on the city)
    doc = _rules_doc(nlp, "Usman Tariq, a shopkeeper from Lahore who sells phones in the city's Hafeez Centre, "
                          "said sales rose.")
    assert _classes(doc).get("Lahore") == "Place", _classes(doc)
    assert ("Usman Tariq", "livesIn", "Lahore") in _triples(doc)
    assert _classes(_rules_doc(nlp, "We spoke to Harlow, who now lives in Tucson.")).get("Harlow") == "Person"


def test_entities_a_name_a_which_clause_describes_is_no_person(nlp):
    # the NER took "Diageo" for a person; ", which bottles it" says it is a thing or an organisation
    doc = _rules_doc(nlp, "Casa Altamira sells most of its bulk tequila to Diageo, which bottles it under a "
                          "supermarket brand. Diageo paid the distiller about $64 million last year. Diageo "
                          "said it was reviewing the audit.")
    assert _classes(doc).get("Diageo") == "Company", _classes(doc)


def test_entities_a_name_apposed_to_commissions_it_charges_is_no_government_body(nlp):
    # "commission" names a body; "the commissions DoorDash charges" are fees
    doc = _rules_doc(nlp, "The council would cap the commissions DoorDash, Uber Eats and Grubhub charge "
                          "restaurants. DoorDash, based in San Francisco, said caps had raised fees.")
    assert _classes(doc).get("DoorDash") == "Company", _classes(doc)


def test_entities_a_name_ending_in_a_firm_word_is_no_product(nlp):
    # the NER called it a product; "Fund" (like "Inc", "Bank", "Capital") ends a firm's name
    words = ["Okra", "Strategic", "Fund", "backed", "the", "startup", "."]
    tags = ["NNP", "NNP", "NNP", "VBD", "DT", "NN", "."]
    ents = ["B-PRODUCT", "I-PRODUCT", "I-PRODUCT", "O", "O", "O", "O"]
    assert dict(_entities_of(nlp, words, tags, ents))["Okra Strategic Fund"] == "Company"


@pytest.mark.parametrize("text, product, maker", [
    # a name right after a kind of product is the product, though "maker of" relates it to a firm
    ("Fjellvik Games, the maker of the mobile puzzle game Tidewater, sued Apple.", "Tidewater", "Fjellvik Games"),
    # before a kind of product an organisation owns ("platform" alone also names companies)
    ("The deal gives the ministry access to Veltro's government-certified Bastion platform.", "Bastion", "Veltro"),
    ("Ridgeback, whose Bison pickup goes on sale next year, competes with Rivian.", "Bison", "Ridgeback"),
])
def test_entities_a_name_given_to_a_kind_of_product_is_a_product(nlp, text, product, maker):
    _assert_typed_and_reads(nlp, text, product, "Product", (maker, "develops", product))


@pytest.mark.parametrize("text, name, cls", [
    # what an organisation runs or sells, passive with the organisation as the agent, is a product
    ("Sellers also list on Yahoo Shopping, which is run by LY Corp.", "Yahoo Shopping", "Product"),
    ("Ruibo priced its Pico below the Nexon EV sold by Tata Motors.", "Nexon EV", "Product"),
    # what a person runs is no product
    ("Kestrel Labs, run by Ana Ruiz, raised money.", "Kestrel Labs", "Company"),
    # ... or in a relative clause with no pronoun, where the runner is no product
    ("Orlan Digital said it would keep serving clients through Tamsa, the app it runs, which the ban spares.",
     "Tamsa", "Product"),
    ("Kelvor competes with Velta Pay, a service Orlan Digital runs for small shops.", "Orlan Digital", "Company"),
])
def test_entities_what_an_organisation_runs_or_sells_is_a_product(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


def test_entities_what_an_organisation_runs_stays_a_product_where_other_mentions_say_nothing(nlp):
    # one mention says who runs the app; the others (access to it, its feature, curbing it) say
    # nothing either way, and do not outvote it
    text = ("Peru's transport ministry on Tuesday banned Tumbo, a ride-hailing app run by Oslo-based Kvist AS, "
            "citing safety complaints. "
            "Carriers said they had cut off access to Tumbo. Officials also criticised Tumbo's messaging "
            "feature. Chile could curb Tumbo next.")
    _assert_typed_and_reads(nlp, text, "Tumbo", "Product", ("Kvist AS", "offers", "Tumbo"))


@pytest.mark.parametrize("text, name, cls", [
    # an apposition to a kind of product says what the name is; "said" and "has users" say nothing
    # either way, and do not outvote it
    ("A court banned Quello, a messaging app with 18 million users, after its developer, Kelvor Labs, ignored "
     "requests. Quello said it would comply. Quello has 4 million users in Chile.", "Quello", "Product"),
    ("Halden Telecom built ZelvoPay, a payments app, in 2021. ZelvoPay said it had 3 million users. "
     "ZelvoPay grew quickly.", "ZelvoPay", "Product"),
    # ... but what only firms do says as definitely that the name is the business
    ("Regulators fined Tolvik, a payments app, in May. Tolvik said it would appeal. Tolvik hired 40 engineers "
     "last year.", "Tolvik", "Company"),
    # ... and so does an apposition saying where it is based
    ("Rivals include Sarvo, a dating app based in Halden. Sarvo said it had paid Orlan 15% of its revenue. "
     "Sarvo has 2 million users.", "Sarvo", "Company"),
    ("The case was brought by start-ups including Sarvo, a dating app based in Halden, and Tiblo, a meal "
     "service from Orvik. Sarvo said it had paid Orlan 15 million shillings. Sarvo has 2 million users.",
     "Sarvo", "Company"),
])
def test_entities_one_apposition_to_a_kind_of_product_wins_the_vote(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


def test_entities_a_possessive_name_before_its_kind_of_product_wins_the_vote(nlp):
    # "its Quillet writing assistant" says what the name is, as "Quillet, a writing assistant" does; training,
    # hosting or naming it say nothing either way, and do not outvote it
    text = ("Authors sue Lodestar over books used to train Quillet\n\n"
            "A group of authors sued Lodestar on Monday, saying the software company copied 40,000 books to train "
            "its Quillet writing assistant.\n\n"
            "The suit also names Brannock Cloud, which hosts Quillet. Lodestar said Quillet was trained on licensed "
            "texts.")
    _assert_typed_and_reads(nlp, text, "Quillet", "Product", ("Brannock Cloud", "offers", "Quillet"))


def test_entities_a_possessive_name_before_its_kind_of_product_leaves_a_mention_speaking_as_the_firm(nlp):
    # ... but where another mention speaks as the firm does, the text names both: the firm stays one
    text = ("Publishers sued Vantera Labs on Monday, saying it copied their articles to train its Kestra chatbot. "
            "Kestra said it had licensed the articles from two agencies.")
    _assert_class(nlp, text, "Kestra", "Company")


def test_entities_an_owners_in_house_name_before_its_kind_is_a_product(nlp):
    # "in-house" and "own-brand" end in nouns firms are called ("a software house", "a fashion brand"), but
    # written as one modifier they say whose the thing is, not what kind of firm the name is
    _assert_class(nlp, "Under the deal Orlan gets access to 20,000 of Vestrel's in-house Tamsin training chips.",
                  "Tamsin", "Product")
    _assert_typed_and_reads(nlp, "Halvik sells its in-house Moro skincare line in 40 countries.", "Moro", "Product",
                            ("Halvik", "offers", "Moro"))


def test_entities_a_platform_a_firm_launched_is_its_product(nlp):
    # "platform" is what firms are called too; one a firm launched, in a clause with its subject and no
    # pronoun, is the firm's offering
    _assert_typed_and_reads(nlp, "Kelvane Nusantara opened a data centre in Lima on Monday. Customers reach its "
                            "models through Orvix Studio, a platform it launched in March.", "Orvix Studio", "Product",
                            ("Kelvane Nusantara", "offers", "Orvix Studio"))


def test_entities_a_description_the_parser_took_for_a_second_object_is_the_names(nlp):
    # the parser took the description for the verb's second object, and hung the comma after it on it
    # (the parse as the small model gives it on some such sentences)
    text = "Officials cut access to Tarnly , a video app owned by Morvik , after talks failed ."
    tags = ["NNS", "VBD", "NN", "IN", "NNP", ",", "DT", "NN", "NN", "VBN", "IN", "NNP", ",", "IN", "NNS", "VBD", "."]
    heads = [1, 1, 1, 2, 3, 1, 8, 8, 1, 8, 9, 10, 8, 15, 15, 1, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct", "det", "compound", "dobj", "acl", "agent", "pobj",
            "punct", "mark", "nsubj", "advcl", "punct"]
    ents = ["O", "O", "O", "O", "B-ORG", "O", "O", "O", "O", "O", "O", "B-ORG", "O", "O", "O", "O", "O"]
    found = _parsed_entities_of(nlp, text, tags, heads, deps, ents)
    assert ("Tarnly", "Product") in found, found


@pytest.mark.parametrize("text, name, cls", [
    # a name the NER took for a place, then "of" and a country, is a firm with its home ...
    ("Brightwing ordered 40 jets from Aerovia Azul and 40 from Nordfly of Sweden.", "Nordfly", "Company"),
    ("Steel for the towers comes from Huta Wisla and from Nordplat of Sweden.", "Nordplat", "Company"),
    # ... not a place's name with "the" or a place word
    ("The plant is in the Eastern Province of Saudi Arabia.", "Eastern Province", "Place"),
])
def test_entities_a_name_of_a_country_is_a_firm(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, name, cls", [
    # a name right after a country's possessive is a firm with its home, whatever its last word ...
    ("Velmar Bank holds minority stakes in Chile's Pendra and Peru's Orvana Cloud.", "Orvana Cloud", "Company"),
    ("Deliveries to Chile's Pendra Foundry and Peru's Orvana Chips resume in June.", "Orvana Chips", "Company"),
    # ... not one before a kind of product, a state-run system
    ("Tourists can now pay through Thailand's Vessa network.", "Vessa", "Product"),
])
def test_entities_a_name_after_a_countrys_possessive_is_a_firm(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, name, cls", [
    # "Health" ends firms' names, whatever job is written before it
    ("Regulators sued the insurer and benefit manager Quellan Health over drug prices.", "Quellan Health", "Company"),
])
def test_entities_health_ends_firms_names(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, name, cls", [
    # a name the NER took for a person's, right after a country's possessive, is a firm with its home ...
    ("Analysts expect Brazil's Carvalho Lima to bid for the port, the paper said.", "Carvalho Lima", "Company"),
    ("Poland's Marek Zielinski Budownictwo won the tender.", "Marek Zielinski Budownictwo", "Company"),
    # ... not one the text writes by its surname alone, or calls a person by a job
    ("France's Amélie Durand met investors on Monday. Durand said the plant would open in May.",
     "Amélie Durand", "Person"),
    ("Spain's Lucía Ortega, the economy minister, visited the plant.", "Lucía Ortega", "Person"),
    # ... nor a contest's entrant with a work of their own
    ("The duet sang third, after Spain's Lucía Ortega with \"Mar de fondo\".", "Lucía Ortega", "Person"),
])
def test_entities_a_countrys_person_like_name_is_a_firm_unless_a_person(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, name, cls", [
    # an apposition to what only organisations are called makes a name the NER took for a product's a firm ...
    ("Vilmora, an Estonian rival of Kestwick, won the contract in May.", "Vilmora", "Company"),
    ("Regulators fined Travelo, the main rival of Brisko, in March.", "Travelo", "Company"),
    # ... not one to a kind of product too
    ("Users left Tessly, a rival app, after the outage.", "Tessly", "Product"),
])
def test_entities_a_product_label_apposed_to_a_firm_noun_is_a_firm(nlp, text, name, cls):
    # (the name forced to a product, as the NER takes some short names)
    doc = _entities_forcing(nlp, text, lambda doc: [(t.i, t.i + 1, "PRODUCT") for t in doc if t.text == name])
    classes = {doc[it["start"]:it["end"]].text: it["cls"] for it in doc._.kg_entity_data}
    assert classes.get(name) == cls, classes


@pytest.mark.parametrize("text, name, cls", [
    # what a firm buys or takes over, with no article or owner before it, is a firm, whatever else the
    # text calls it ...
    ("Harrow Foods bought Pellum in 2021 and kept its brand. Pellum, a meal-kit app, has 300,000 customers. "
     "Pellum is a delivery service.", "Pellum", "Company"),
    ("Kestwick Media closed its takeover of Sondri, a music streaming service, on Friday. Sondri is a service "
     "with 4 million users.", "Sondri", "Company"),
    ("Music service Sondri bought by Kestwick Media", "Sondri", "Company"),
    # ... not what customers buy, nor a product with an article or an owner before it
    ("Customers can buy Tessivo, a budget phone, at 300 stores. Tessivo is a phone.", "Tessivo", "Product"),
    ("The navy is buying its Kestrel drones from Orlan. The army will buy the Tessera from Kelvor.", "Tessera",
     "Product"),
])
def test_entities_what_a_firm_buys_outright_is_a_firm(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, expected", [
    # what a firm takes over or snaps up (a verb of buying with its particle) is a firm, after a kind of
    # business that is also a kind of product ("processor", "network") ...
    ("Last year Harlow Foods took over Polish dairy processor Vendrik.",
     {("Harlow Foods", "acquires", "Vendrik"), ("Vendrik", "basedIn", "Poland")}),
    ("In 2022 Harlow Foods snapped up Swedish podcast network Lydo.",
     {("Harlow Foods", "acquires", "Lydo"), ("Lydo", "basedIn", "Sweden")}),
    # ... and what "it" does, a pronoun no person is named by
    ("Harlow Foods has grown fast: in 2021 it took over Polish dairy processor Vendrik.",
     {("Vendrik", "basedIn", "Poland")}),
])
def test_entities_what_a_firm_takes_over_or_snaps_up_is_a_firm(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    # a name the NER took for an organisation's, apposed to a role organisations hold too ("the owner of"),
    # stays an organisation ...
    ("Sewing lines at Brevik Mills have been busy since Ostrava Retailing, the owner of Zento, moved a large "
     "order to the factory.", {("Zento", "subsidiaryOf", "Ostrava Retailing")},
     {("Ostrava Retailing", "worksFor", "Zento")}),
    # ... a person's name stays a person's
    ("Dana Holt, the owner of Zento, said sales rose.", {("Dana Holt", "worksFor", "Zento")}, set()),
])
def test_entities_an_organisation_apposed_to_a_role_firms_hold_too_stays_one(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, name, cls", [
    # where a person the text describes is from is a place ...
    ("Omar Reyes, a 40-year-old taxi driver from Brenmoor, said the fares had doubled.", "Brenmoor", "Place"),
    ("Ames Ortiz, a 52-year-old bus driver from Kellmoor, said the route had closed.", "Kellmoor", "Place"),
    ("Rosa Benn, a 38-year-old cleaner from Dunmarsh, said her rent had doubled.", "Dunmarsh", "Place"),
    # ... not whom an offer or a loan is from
    ("The deal drew a rival offer from Kelvor and a new loan from Orlan Bank.", "Kelvor", "Company"),
])
def test_entities_where_a_person_described_is_from_is_a_place(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, name, cls", [
    # what is available somewhere or to someone is a product ...
    ("Lumetra remains available in Chile and Peru, the regulator said.", "Lumetra", "Product"),
    ("After the ruling, Brisko is still available to riders in Lisbon.", "Brisko", "Product"),
    # ... not one that is (not) available for comment
    ("Lumetra was not available for comment on Friday.", "Lumetra", "Company"),
])
def test_entities_what_is_available_somewhere_is_a_product(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, name, classes", [
    # a name written once as an owned or definite product before its kind is the product in every mention
    ("Italy's regulator restricted Norvane's Velta chatbot on Monday. Velta remains available in Spain, "
     "the company said. Velta had 3 million users in Italy.", "Velta", ["Product", "Product", "Product"]),
    ("Kestrel Mobility will sell its Brisko scooter in Poland. Brisko has 40,000 riders in Warsaw.",
     "Brisko", ["Product", "Product"]),
    # ... not a mention that does what firms do: the firm and its product can share the name
    ("Sorell said it would train its Parlo chatbot on news. Parlo said it had licensed the articles.", "Parlo",
     ["Product", "Company"]),
])
def test_entities_a_name_once_written_before_its_kind_of_product_is_the_product_throughout(nlp, text, name, classes):
    doc = _rules_doc(nlp, text)
    assert [it["cls"] for it in doc._.kg_entity_data if it["via"] == "" and it["name"] == name] == classes


@pytest.mark.parametrize("text, name, cls", [
    # a name before a plural kind of product is who makes or sells them
    ("The airline buys older Tarvik engines, its chief executive said.", "Tarvik", "Company"),
    ("Halvorsen Dairy will supply cheese to Brisko stores in Norway under a new deal.", "Brisko", "Company"),
    # not with a count, or before the product's models
    ("Regulators ordered Kessel Motors to recall 12,000 Orvano vehicles.", "Orvano", "Product"),
    ("Veltro will sell Quill models to banks through its cloud.", "Quill", "Product"),
])
def test_entities_a_name_before_a_plural_kind_of_product_is_its_maker(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, name, cls", [
    # a name the NER alone typed otherwise, listed among firms, is one
    ("Kelda supplies Sortline robots to Wayfair, Chewy and Grevholt Logistics.", "Chewy", "Company"),
    # not a person's full name, nor a list that is mostly something else
    ("Tesla, SpaceX and Elon Musk were sued by investors.", "Elon Musk", "Person"),
    ("Halvern sells its drones in Germany, France and Ruritania.", "Ruritania", "Place"),
    # rivals or partners named beside one firm ("competes with", "partners with") are firms
    ("Groszek competes with Lidl and Kaufland.", "Kaufland", "Company"),
    ("The Lagos startup competes with Jumia and Konga.", "Konga", "Company"),
    # but a rival product stays one
    ("Pellan competes with Rivian and Ford's F-150 Lightning.", "F-150 Lightning", "Product"),
])
def test_entities_a_name_listed_among_firms(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, name, cls", [
    # a list after a plural kind of firm ("shipping lines including", "customers include") is of firms,
    # though only one other name in it is one
    ("Tessaro leases containers to shipping lines including Harbor Crest Lines and Corvina Ocean.",
     "Corvina Ocean", "Company"),
    ("Brenvik, a Danish haulier whose customers include Holt Retail and Marsden Bookstore, opened a depot.",
     "Marsden Bookstore", "Company"),
    ("Its clients include Arvo Bank and Mount Kessel.", "Mount Kessel", "Company"),
    # not a list of another kind
    ("Tessaro opened depots in cities such as Lyon and Dorvik, beside Harbor Crest Lines.", "Lyon", "Place"),
])
def test_entities_a_list_after_a_plural_kind_of_firm_is_of_firms(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, name, cls", [
    # what the copula says a name is ("a subsidiary", "a startup") makes it an organisation
    ("Pikku will become a wholly owned subsidiary of Redfern and keep its staff in Finland.", "Pikku", "Company"),
    # not a kind of product that also names firms ("brand")
    ("Kestra is a brand of pet food made by Vellum Foods.", "Kestra", "Product"),
    # a description the parser hung on the verb as its modifier is still the name's
    ("Veltro competes with Oracle and Zubarah Cloud, a Doha startup backed by Mubadala.", "Zubarah Cloud", "Company"),
    # a product only by its name's last word that does what only organisations do is one
    ("Nimbrel Cloud has agreed to invest $2 billion in Kerrowan AI. Nimbrel Cloud said the deal would close in May.",
     "Nimbrel Cloud", "Company"),
    # (buying a firm or suing is one of those)
    ("Varnel Cloud acquired Brinda last year.", "Varnel Cloud", "Company"),
    ("Kelvor is not being sued by Varnel Cloud, which renewed its deal in June.", "Varnel Cloud", "Company"),
    # what is based somewhere is an organisation, whatever its name's last word
    ("Apple will give Epic Games and Tokyo-based Kumo Apps access.", "Kumo Apps", "Company"),
    # an app that does what only organisations do, with no one else named as running it, is the business
    ("Bogota ride-hailing app Vamos raises $55 million to take on Uber", "Vamos", "Company"),
    ("Chirrup, a video app run by Lumora, said it would appeal.", "Chirrup", "Product"),
    # ... and a platform or network that another built, or runs, said in a relative clause
    ("Orlan Care handles claims through Trovo Claim, a platform it built in 2022.", "Trovo Claim", "Product"),
    ("Riders book through Halvo, a platform that Kelvor Mobility runs.", "Halvo", "Product"),
    ("Merchants pay through Brisa Pay, a platform built by Varna Soft.", "Brisa Pay", "Product"),
    # ... or that a subject runs or operates, apposed to the name
    ("Orlan Bank operates Velnet, an ATM network with 900 machines.", "Velnet", "Product"),
    ("Kelvor Mobility runs Halvo, a ride-hailing platform, in four cities.", "Halvo", "Product"),
    ("Orlan Bank bought Velnet, a payments network.", "Velnet", "Company"),
    # ... or whose name is on the kind a subject runs (not a courier firm's name)
    ("Tindel also runs the Pexa courier network.", "Pexa", "Product"),
    ("Tindel runs the Tindel Pay wallet and the Pexa courier network.", "Pexa", "Product"),
    ("Tindel bought the Pexa courier unit.", "Pexa", "Company"),
    # names listed under a plural noun of places are places
    ("Vivo has extended its 5G service to 200 more cities, including Manaus and Belem, the company said.",
     "Manaus", "Place"),
])
def test_entities_what_the_text_calls_a_name(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, name, cls", [
    # a name the NER took for a place, before a job only an organisation gives, is an organisation
    ("Hunter Valley managing director Tom Berg said the company had no choice.", "Hunter Valley", "Company"),
    # not before a job a place gives
    ("The delegation met Bergen official Tom Berg on Monday.", "Bergen", "Place"),
])
def test_entities_a_place_before_an_organisations_job(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, name, cls", [
    # beside one place after "in", half the list will do
    ("Halvern makes the parts at its plants in Leeds and Hull.", "Hull", "Place"),
    # not what one invests in
    ("Veltro invested in Lagos and Kivo last year.", "Kivo", "Company"),
])
def test_entities_a_name_listed_beside_a_place(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


def test_entities_a_full_name_the_parser_joined_to_a_place_stays_a_person(nlp):
    # "a judge in Leeds and Ana Ruiz agreed", parsed with the person joined to the place
    from spacy.tokens import Doc

    words = ["A", "judge", "sat", "in", "Leeds", "and", "Ana", "Ruiz", "agreed", "."]
    heads = [1, 2, 2, 2, 3, 4, 7, 4, 2, 2]
    deps = ["det", "nsubj", "ROOT", "prep", "pobj", "cc", "compound", "conj", "conj", "punct"]
    tags = ["DT", "NN", "VBD", "IN", "NNP", "CC", "NNP", "NNP", "VBD", "."]
    ents = ["O", "O", "O", "O", "B-GPE", "O", "B-PERSON", "I-PERSON", "O", "O"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, ents=ents)
    doc = nlp.get_pipe("kg_entities")(doc)
    assert {it["name"]: it["cls"] for it in doc._.kg_entity_data}["Ana Ruiz"] == "Person"


@pytest.mark.parametrize("text, name, cls", [
    # where a flight or a train goes, beside a place, is a place (the NER typed these ORG)
    ("Skyvard flies to Tallinn and Kuressaare.", "Kuressaare", "Place"),
    ("Ostmark Rail holds the franchise for routes from Leipzig to Dresden and Chemnitz.", "Chemnitz", "Place"),
    # not the firms a supplier ships to
    ("Skyvard ships its parts to Lufthansa and Ryanair.", "Ryanair", "Company"),
])
def test_entities_the_end_of_a_route_is_a_place(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, name, cls", [
    # what an organisation named as the doer develops or builds is a product, whatever the NER took it for
    ("Vellum, developed by Latvian company Ostrava Soft, had about 2 million users in Chile.", "Vellum", "Product"),
    ("Trailpad is developed by Oslo-based Fjordlight Studios.", "Trailpad", "Product"),
    # not a firm built "into" something
    ("Vexa, built by Harbor Capital into a regional lender, grew.", "Vexa", "Company"),
    # a game, a series, an account or a policy apposed to a name is a product
    ("China's regulator prohibited the release of Ironfall, the studio's tactical shooter, in the country.",
     "Ironfall", "Product"),
    ("Sizwe Life customers can sign up for Sizwe Ukhozi, a policy costing 49 rand a month.", "Sizwe Ukhozi",
     "Product"),
    ("Oriki Media, the studio behind the hit series Market Women, has launched a streaming service.",
     "Market Women", "Product"),
    # ("a ... plant plan to": a plan is a product only where it is no verb)
    ("Inspectors at the Dayton, Ohio, General Dynamics plant plan to strip the turbine down.",
     "General Dynamics", "Company"),
])
def test_entities_what_a_firm_is_said_to_make_is_a_product(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, name, cls", [
    # a name before a description of the name after it is no product ("where the brand is from") ...
    ("Among the sellers named was Ningbo kitchenware brand Jinlan Home.", "Ningbo", "Place"),
    # ... while a name before a kind of product alone is one
    ("The R21 malaria vaccine was approved.", "R21", "Product"),
])
def test_entities_a_name_before_a_described_name(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


def test_entities_a_venture_named_in_apposition_is_a_company(nlp):
    # "venture" describes a firm (lexicon [coref] Company), whatever the NER took the name for
    _assert_class(nlp, "The venture, Archipel Feeder, started weekly services on Monday.", "Archipel Feeder", "Company")


@pytest.mark.parametrize("text, name, employee", [
    # an organisation's name that starts with a nationality keeps its whole span, "for", "of the" and
    # "'s" included; the nationality is no entity of its own
    ("Ana Ruiz, a researcher at the German Institute for Economic Research, said so.",
     "German Institute for Economic Research", "Ana Ruiz"),
    ("Lena Ford, a fellow at the American Center for the Study of Democracy, said so.",
     "American Center for the Study of Democracy", "Lena Ford"),
    ("Milan Novak, secretary of the Moravian People's Party, welcomed the move.", "Moravian People's Party",
     "Milan Novak"),
])
def test_entities_an_organisation_named_after_a_nationality_is_whole(nlp, text, name, employee):
    _assert_typed_and_reads(nlp, text, name, {"Organization", "Company"}, (employee, "worksFor", name))


@pytest.mark.parametrize("text, person, employer", [
    # the subject of "is" with a job only people hold is a person, whatever the NER said; whose chief
    # officer they are is an organisation
    ("Okafor is the chief financial officer of Lumio.", "Okafor", "Lumio"),
    ("Okoro, the youngest delegate, is Latin America correspondent for The Harwick Ledger.", "Okoro",
     "Harwick Ledger"),
    # traders, brokers and bankers work for the firm named before their job
    ("The charges were brought against Colin Marsh, also a former Veltro trader.", "Colin Marsh", "Veltro"),
    ("Sam Ortiz, a Goldman Sachs banker, left the firm.", "Sam Ortiz", "Goldman Sachs"),
])
def test_entities_the_subject_of_a_persons_job_is_a_person(nlp, text, person, employer):
    _assert_typed_and_reads(nlp, text, person, "Person", (person, "worksFor", employer))


@pytest.mark.parametrize("text, name, cls", [
    # what a firm is said to be is no person's job ("the leader in"), and an empire has founders too
    ("Lumio is the market leader in AI chips.", "Lumio", "Company"),
    ("Kazan is the home town of the founder of the Avar Empire, Boris Talin.", "Avar Empire", "Place"),
    # "candidate" describes a product only after a product noun; alone it is a person's
    ("Ruben Vela, presidential candidate of the Green Renewal Party, spoke on Monday.", "Ruben Vela", "Person"),
    ("The company tested Zorvax, its lead drug candidate, on 300 patients.", "Zorvax", "Product"),
])
def test_entities_a_job_a_firm_or_a_state_has_changes_no_class(nlp, text, name, cls):
    assert _classes(_rules_doc(nlp, text)).get(name) == cls


@pytest.mark.parametrize("text, place, state", [
    # a US state's abbreviation after a place and a comma is the state, by its gazetteer name, whether
    # the NER found it ("Fla.") or not ("Vt" and "." as two tokens)
    ("Gusts were reported near Brattleboro, Vt., on Monday.", "Brattleboro", "Vermont"),
    ("Harlow, who now lives in Tucson, Ariz., filed the petition.", "Tucson", "Arizona"),
])
def test_entities_a_state_abbreviation_after_a_place_is_the_state(nlp, text, place, state):
    _assert_typed_and_reads(nlp, text, state, "Place", (place, "locatedIn", state))


def test_entities_a_state_abbreviation_alone_is_no_state(nlp):
    # (elsewhere "Miss." is a title and "Ind." may be "independent")
    names = {it["name"] for it in _rules_doc(nlp, "Miss. Ruiz, an Ind. candidate, won in Tampa.")._.kg_entity_data}
    assert not names & {"Mississippi", "Indiana"}, names


@pytest.mark.parametrize("text, product, maker", [
    # a name the NER missed, or took for a firm, that "is a <kind of product> developed by" someone
    ("Quasar is an arcade shooter developed by Velmont.", "Quasar", "Velmont"),
    ("Tetris is a puzzle video game created by Alexey Pajitnov.", "Tetris", "Alexey Pajitnov"),
    # the participle tagged as a past tense, the maker the agent of the participle joined to it
    ("Skyfall Rangers is a 2009 racing video game developed and published by Tessel Games.", "Skyfall Rangers",
     "Tessel Games"),
    # the kind of product's own kind ("a brand of soap made by")
    ("Hillcrest is a brand of dish soap made by Quorra Brands and sold in Canada.", "Hillcrest", "Quorra Brands"),
    # ... or its brand name's
    ("Sunmeadow is a brand name of fabric softener produced by Calder & Fenn and sold in Canada.", "Sunmeadow",
     "Calder & Fenn"),
    # a group of products of one kind ("a family of missiles", "a line of phones")
    ("Tarnis is a family of guided missiles developed by Helvar Defence.", "Tarnis", "Helvar Defence"),
    ("The Norvik Pulse is a line of budget smartphones produced by Norvik Electronics.", "Norvik Pulse",
     "Norvik Electronics"),
    # a kind of product written in capitals
    ("The Halden Crest is a compact SUV manufactured by Halden Motors.", "Halden Crest", "Halden Motors"),
    # a title whose last word the tagger took for a participle, not a proper noun
    ("Cobalt Moon Rising is a 2011 strategy video game developed by Velt Games.", "Cobalt Moon Rising",
     "Velt Games"),
    # ... or made the subject a clause of its own
    ("Scarlet Storm Rising is a 2012 strategy video game developed by Corrow Studios.", "Scarlet Storm Rising",
     "Corrow Studios"),
    # a title opening with a preposition, which the parser made the copula's (the copula has no subject)
    ("Beyond Dark Waters is a 2004 video game developed by Orlan Games for the Velo console.",
     "Beyond Dark Waters", "Orlan Games"),
    ("Beyond Dark Waters is an action game developed and published by Orlan Games.", "Beyond Dark Waters",
     "Orlan Games"),
    # a title with a subtitle after a colon (a firm's name inside it is the title's)
    ("Star Quest II: Rise of Orlan is an action role-playing game developed by Velora Software.",
     "Star Quest II: Rise of Orlan", "Velora Software"),
    ("Tarn Rally: The Lost Crown is a 1998 racing game developed by Kelvor Studios.",
     "Tarn Rally: The Lost Crown", "Kelvor Studios"),
])
def test_entities_a_name_defined_as_a_product_someone_made_is_one(nlp, text, product, maker):
    _assert_typed_and_reads(nlp, text, product, "Product", (maker, "develops", product))


@pytest.mark.parametrize("text, product, triple", [
    # a kind no firm or person is called alone makes a product of the subject, whatever the NER took it for
    # (a person's name here), and "It" in the next sentence is the product, not the console
    ("Moira Quint is a turn-based strategy game for the Nintendo Switch. It was published by Fernhollow "
     "Interactive.", "Moira Quint", ("Fernhollow Interactive", "offers", "Moira Quint")),
    ("Tobias Wren is a fantasy role-playing game for the Xbox One. It was developed by Corrow Studios.",
     "Tobias Wren", ("Corrow Studios", "develops", "Tobias Wren")),
])
def test_entities_a_name_defined_as_a_kind_of_product_is_one(nlp, text, product, triple):
    _assert_typed_and_reads(nlp, text, product, "Product", triple)


@pytest.mark.parametrize("text, product, triple", [
    # a name before a line or family of a kind of product names it, whatever place the NER took it for
    ("Nimbus OS powers the Nova line of smartphones made by Tessaro Electronics.", "Nova",
     ("Tessaro Electronics", "develops", "Nova")),
])
def test_entities_a_name_before_a_line_of_products_is_one(nlp, text, product, triple):
    _assert_typed_and_reads(nlp, text, product, "Product", triple)


def test_entities_a_kind_firms_or_people_are_called_too_defines_no_product(nlp):
    # ("a model", "a ride-hailing app": lexicon shared_kinds)
    classes = _classes(_rules_doc(nlp, "Mara Lindqvist is a model. She was hired by Tallow Games."))
    assert classes.get("Mara Lindqvist") == "Person", classes


def test_entities_a_short_name_that_is_a_word_before_a_code_is_no_makers(nlp):
    # the gazetteer's "Cadence" (Cadence Design Systems) is an English word: before a model's code, where the
    # text never writes it alone, it is part of the product's name, not its maker
    doc = _rules_doc(nlp, "Orrin Audio unveiled the Cadence X2, a pair of wireless headphones, on Tuesday.")
    assert ("Orrin Audio", "develops", "Cadence X2") in _triples(doc), _triples(doc)
    assert not any(s == "Cadence Design Systems" for s, _, _ in _triples(doc)), _triples(doc)


def test_entities_a_name_apposed_to_an_email_client_is_software_not_a_client(nlp):
    # "client" alone names a customer ("its client, X" supplies X); "its email client" is a product
    doc = _rules_doc(nlp, "Quillo now distributes Pellucid alongside its email client, Quillo Mail.")
    assert _classes(doc).get("Quillo Mail") == "Product", _classes(doc)
    assert ("Quillo", "suppliesTo", "Quillo Mail") not in _triples(doc), _triples(doc)


def test_entities_a_name_apposed_to_a_data_plan_is_a_product_not_a_plan(nlp):
    # "plan" alone is what one means to do ("a plan to buy X"); "a data plan" is a product one sells
    doc = _rules_doc(nlp, "The tablet comes with Orbi Talk, a prepaid data plan sold by Velka Mobile.")
    assert _classes(doc).get("Orbi Talk") == "Product", _classes(doc)
    assert ("Velka Mobile", "offers", "Orbi Talk") in _triples(doc), _triples(doc)


def test_entities_a_group_of_other_things_makes_no_product(nlp):
    # only a group of a kind of product makes one ("a line of credit" is none)
    classes = _classes(_rules_doc(nlp, "Tallis is a family of hotels built by Corvane Estates."))
    assert classes.get("Tallis") not in {None, "Product"}, classes


def test_entities_a_name_defined_as_a_kind_of_firm_is_no_product(nlp):
    classes = _classes(_rules_doc(nlp, "Lumio is a startup founded by Ana Ruiz."))
    assert classes.get("Lumio") == "Company", classes


def test_entities_a_place_before_a_kind_of_firm_and_its_name_stays_a_place(nlp):
    # "Queensland grower Harvest Coast Farms": the place describes the named firm (but "its Ticketmaster
    # unit" names one)
    doc = _rules_doc(nlp, "The company will buy fresh produce from Queensland grower Harvest Coast Farms.")
    assert _classes(doc).get("Queensland") == "Place", _classes(doc)
    assert ("Harvest Coast Farms", "basedIn", "Queensland") in _triples(doc)
    assert _classes(_rules_doc(nlp, "Live Nation sold its Ticketmaster unit.")).get("Ticketmaster") == "Company"


@pytest.mark.parametrize("text, firm, place", [
    ("Sizwe Life, a Durban insurer, has started selling funeral cover.", "Sizwe Life", "Durban"),
    ("Regulators cleared Brolly Money, a Leeds fintech, to take deposits.", "Brolly Money", "Leeds"),
    ("The club signed a sponsorship with Antwerp port group Havenlink.", "Havenlink", "Antwerp"),
    ("Indonesia barred Sumatra Agri Lestari from exporting after finding that the Medan company shipped "
     "90,000 tonnes.", "Sumatra Agri Lestari", "Medan"),
    # (before a noun that is a kind of product too: "processor")
    ("COCOBOD capped the volume it allocates to Ashanti Grinders, a Kumasi processor, at 30,000 tonnes.",
     "Ashanti Grinders", "Kumasi"),
])
def test_entities_a_place_describing_a_firm_stays_a_place(nlp, text, firm, place):
    # a name the NER reads as a place, before a noun that describes the firm ("a Durban insurer"), says
    # where it is; before a noun that names one ("the Traton group") it is the firm
    doc = _rules_doc(nlp, text)
    assert _classes(doc).get(place) == "Place", _classes(doc)
    assert (firm, "basedIn", place) in _triples(doc)


def test_entities_a_name_before_a_noun_that_names_a_firm_is_the_firm(nlp):
    classes = _classes(_rules_doc(nlp, "Scania belongs to the Traton group."))
    assert classes.get("Traton") == "Company", classes


def test_entities_a_place_before_a_common_noun_is_no_name_of_the_two(nlp):
    # (the joining words are inside a name only: "the Abu Dhabi AI company" is the place)
    classes = _classes(_rules_doc(nlp, "The Abu Dhabi AI company raised money."))
    assert classes == {"Abu Dhabi": "Place"}, classes


@pytest.mark.parametrize("text, product, maker, relation", [
    # what a maker, developer or publisher is of is its product, whatever the NER took the name for
    ("Arden Labs, the developer of Quillmate, raised money.", "Quillmate", "Arden Labs", "develops"),
    ("Korvia Games, the maker of Starfall Legends, said sales rose.", "Starfall Legends", "Korvia Games",
     "develops"),
    ("Brightwater, the largest distributor of Solvane in Europe, cut prices.", "Solvane", "Brightwater", "offers"),
    # a name before a kind of channel is one
    ("Sterling Media runs the Ember movie channel.", "Ember", "Sterling Media", "offers"),
])
def test_entities_what_a_maker_is_of_is_a_product(nlp, text, product, maker, relation):
    _assert_typed_and_reads(nlp, text, product, "Product", (maker, relation, product))


@pytest.mark.parametrize("text, person, paper", [
    # a publisher who is a person works for the paper: it stays an organisation, and the person a person
    ("Harlow-Reed said it has named Dana Holt publisher of the Harwick Evening News.", "Dana Holt",
     "Harwick Evening News"),
    ("Dana Holt, publisher of the Sentinel, said it.", "Dana Holt", "Sentinel"),
])
def test_entities_a_publisher_who_is_a_person_publishes_no_product(nlp, text, person, paper):
    doc = _rules_doc(nlp, text)
    classes = _classes(doc)
    assert classes.get(person) == "Person" and classes.get(paper) in {"Company", "Organization"}, classes
    assert (person, "worksFor", paper) in _triples(doc)


@pytest.mark.parametrize("label", ["ORG", "PERSON"])
@pytest.mark.parametrize("text", [
    # the second apposition describes the object of the job's "of", which the parser hangs on the name too
    "Orlan Vesk, the head of the Harbour Safety Office, the agency in charge of the docks, said the work would go on.",
    "Orlan Vesk, chief of the Halden Port Authority, the state agency that runs the docks, said the work would go on.",
])
def test_entities_a_description_of_the_object_of_a_persons_job_is_not_the_persons(nlp, text, label):
    doc = _entities_forcing(nlp, text, lambda doc: [(0, 2, label)])
    classes = _classes(doc)
    assert classes.get("Orlan Vesk") == "Person", classes


@pytest.mark.parametrize("text, name", [
    # "who" stands for people; so does a name apposed to a person's job
    ("Gemma Arkwright, who lives in Leeds, joined Veltro.", "Gemma Arkwright"),
    ("\"Prices are high,\" said Gemma Arkwright, Veltro's finance director.", "Gemma Arkwright"),
])
def test_entities_a_name_the_sentence_shows_to_be_a_person(nlp, text, name):
    doc = _rules_doc(nlp, text)
    assert _classes(doc).get(name) == "Person", doc._.kg_entity_data


def test_entities_a_shop_is_no_product(nlp):
    doc = _rules_doc(nlp, "Marukaze Holdings will open its first Australian store in Parramatta.")
    assert not [it for it in doc._.kg_entity_data if it["cls"] == "Product"], doc._.kg_entity_data


@pytest.mark.parametrize("text, name", [
    ("Chile's Superintendencia del Medio Ambiente fined Minera Azul.", "Superintendencia del Medio Ambiente"),
    ("The Secretaria Distrital de Movilidad ordered Rueda to stop.", "Secretaria Distrital de Movilidad"),
])
def test_entities_a_body_named_in_another_language_is_a_government_body(nlp, text, name):
    # lexicon government_heads: "Ministerio", "Superintendencia", "Bundesamt", ...
    assert _classes(_rules_doc(nlp, text)).get(name) == "GovernmentBody"


def test_entities_a_name_apposed_to_a_government_body_is_one(nlp):
    doc = _rules_doc(nlp, "Lithuania's parliament, the Seimas, passed a law barring Huawei from accessing the grid.")
    classes = _classes(doc)
    assert classes.get("Seimas") == "GovernmentBody", classes
    assert ("Seimas", "restricts", "Huawei") in _triples(doc)


@pytest.mark.parametrize("text, cls", [
    ("Aerovela has filed a lawsuit against Flyzo, an online travel agency based in Barcelona.", "Company"),
    ("Flyzo, the environment agency, fined Aerovela.", "GovernmentBody"),
])
def test_entities_a_name_apposed_to_a_business_agency_is_no_government_body(nlp, text, cls):
    # "agency" alone names a government body; "travel agency" (lexicon business_bodies) a business
    assert _classes(_rules_doc(nlp, text)).get("Flyzo") == cls


@pytest.mark.parametrize("text, name, cls", [
    # a title only a body bears, right before the name (the parser may make both subjects)
    ("Russia's communications watchdog Roskomnadzor has slowed access to the app Whisp.", "Roskomnadzor",
     "GovernmentBody"),
    ("The suspension, set by regulator Arecom, also applies to Kobalt Mining.", "Arecom", "GovernmentBody"),
    # not a title businesses bear too
    ("The deal was first reported by news agency Kyodo on Monday.", "Kyodo", "Company"),
    # a central bank, wherever the phrase stands in its name (not a firm named after a region)
    ("The Central Bank of Nigeria has granted a banking licence to Kanmi Pay.", "Central Bank of Nigeria",
     "GovernmentBody"),
    ("The Reserve Bank of Malawi fined Tiwale Bank.", "Reserve Bank of Malawi", "GovernmentBody"),
    # a state's armed or police force (but a retailer named like one is in the gazetteer)
    ("The Philippine Navy bought two frigates from Hanwha.", "Philippine Navy", "GovernmentBody"),
    ("The Nepal Police said it had blocked the app.", "Nepal Police", "GovernmentBody"),
    ("Gap said sales at Old Navy rose 3% in the quarter.", "Old Navy", "Company"),
])
def test_entities_a_government_body_by_its_title_or_name(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, name, cls", [
    ("Harwick is a university founded by Veltro.", "Harwick", "Company"),
    ("Harwick is a town built by Veltro.", "Harwick", "Place"),
    ("Retailers such as Kmart and Tesco sell phones.", "Kmart", "Company"),
])
def test_entities_made_or_listed_organisations_and_places_stay_so(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, names", [
    # names listed under a plural kind of product are products, where the parser hung the list on an
    # earlier conjunct of the kind ("rockets as well as ... missiles such as")
    ("Brannock builds towed howitzers as well as radar and sonar guided missiles such as Ostra and KRV.",
     ["Ostra", "KRV"]),
    ("Halvorsen sells buses as well as electric delivery vans, such as Pardo and Vexa.", ["Pardo", "Vexa"]),
])
def test_entities_names_listed_under_a_kind_of_product_the_parser_hung_elsewhere(nlp, text, names):
    # (the names forced to organisations, as the NER takes such short names)
    doc = _entities_forcing(nlp, text, lambda doc: [(t.i, t.i + 1, "ORG") for t in doc if t.text in names])
    classes = {doc[it["start"]:it["end"]].text: it["cls"] for it in doc._.kg_entity_data}
    assert all(classes.get(n) == "Product" for n in names), classes


def test_entities_a_service_with_a_name_is_a_government_body(nlp):
    """"Service" ends product names ("Prisma Cloud") and agencies' names; a capitalised "X Service" is the agency."""
    doc = _rules_doc(nlp, "The trail stays closed until Friday, said Forest Service spokeswoman Ana Ruiz.")
    assert {(e["name"], e["cls"]) for e in doc._.kg_entity_data} >= {("Forest Service", "GovernmentBody")}
    assert ("Ana Ruiz", "worksFor", "Forest Service") in _triples(doc)


@pytest.mark.parametrize("words, tags, ents", [
    # "Founder and chief executive Amina Otieno said": a business title the NER tagged as an organisation
    (["Founder", "and", "chief", "executive", "Amina", "Otieno", "said", "."],
     ["NNP", "CC", "JJ", "NN", "NNP", "NNP", "VBD", "."], ["B-ORG", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]),
    (["Its", "Managing", "Director", ",", "Amina", "Otieno", ",", "left", "."],
     ["PRP$", "NNP", "NNP", ",", "NNP", "NNP", ",", "VBD", "."],
     ["O", "B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]),
])
def test_entities_a_business_title_is_no_organisation(nlp, words, tags, ents):
    assert _entities_of(nlp, words, tags, ents) == [("Amina Otieno", "Person")]


@pytest.mark.parametrize("text, first, expected", [
    # a wire dateline is a sentence of its own: the parser otherwise takes the city for the lead's subject
    ("Startup raises money\n\nNAIROBI, May 14 – Zuri Pay, a Nairobi-based startup that lets shops accept card "
     "payments, has raised $38 million from Lumen Capital. Founder and chief executive Amina Otieno said the "
     "money would pay for hiring.", "Zuri Pay", {("Lumen Capital", "investsIn", "Zuri Pay"),
                                                  ("Amina Otieno", "worksFor", "Zuri Pay")}),
    ("SAO PAULO/LISBON, Aug 13 (Reuters) - Velora said on Monday it would buy Kestrel.", "Velora",
     {("Velora", "acquires", "Kestrel")}),
    ("AUSTIN, Texas – Velora said it would buy Kestrel.", "Velora", {("Velora", "acquires", "Kestrel")}),
])
def test_pipeline_a_dateline_is_a_sentence_of_its_own(nlp, text, first, expected):
    doc = nlp(text)
    assert any(s.text.startswith(first) for s in doc.sents), [s.text for s in doc.sents]
    assert expected <= {(r.subject_name, r.predicate, r.object_name) for r in doc._.relations}


@pytest.mark.parametrize("text", [
    "IBM and Intel - two rivals - agreed to share patents.",   # a lower-case word: no dateline
    "NASA said on Monday - after a delay - that it would launch.",
])
def test_pipeline_a_capitalised_opening_is_no_dateline(nlp, text):
    assert len(list(nlp(text).sents)) == 1


@pytest.mark.parametrize("text, first, expected", [
    # a city alone in capitals before a dash is a dateline too: the parser otherwise takes it for the subject
    ("Robot maker raises money\n\nLISBON \u2014 Marvela Robotics, a Lisbon startup that builds warehouse arms, "
     "has raised $40 million from Brightwell Capital.", "Marvela Robotics",
     {("Brightwell Capital", "investsIn", "Marvela Robotics")}),
    ("OSLO \u2013 Tindra Labs sued Kovren Systems on Monday.", "Tindra Labs", {("Tindra Labs", "sues", "Kovren Systems")}),
    ("CHICAGO _ Corvan Freight said sales rose, chief executive Dana Whitlow said.", "Corvan Freight",
     {("Dana Whitlow", "worksFor", "Corvan Freight")}),
    # a city written with a hyphen in capitals
    ("WILKES-BARRE, Pa. (AP) _ Dana Whitlow, who runs Corvan Freight, said sales rose.", "Dana Whitlow",
     {("Dana Whitlow", "worksFor", "Corvan Freight")}),
])
def test_pipeline_a_one_word_dateline_is_a_sentence_of_its_own(nlp, text, first, expected):
    doc = nlp(text)
    assert any(s.text.startswith(first) for s in doc.sents), [s.text for s in doc.sents]
    assert expected <= {(r.subject_name, r.predicate, r.object_name) for r in doc._.relations}


@pytest.mark.parametrize("text", [
    "NASA \u2014 the agency said on Monday \u2014 will launch the probe.",   # a word in lower case after the dash
    "ORVEX - Labs is a radio station in Halden.",   # a spaced hyphen: one name in tokenised text
    "NASA \u2014",
])
def test_pipeline_an_acronym_before_a_dash_is_no_dateline(nlp, text):
    assert len(list(nlp(text).sents)) == 1, [s.text for s in nlp(text).sents]


def test_entities_a_name_the_copula_calls_what_only_people_are_is_a_person(nlp):
    # "Miller is a Wilmington native": a native, a resident or a candidate is a person, whatever the NER took
    # the lone name for
    _assert_typed_and_reads(nlp, "Bower is a Dayton native who later moved to Ohio.", "Bower", "Person",
                            ("Bower", "livesIn", "Dayton"))


def test_entities_a_lone_surname_apposed_to_a_person_is_a_person(nlp):
    # "Garnier, a French national who lives in Dubai": the surname of a person the text names in full,
    # apposed to a noun "who" follows, is that person, whatever the NER took the lone name for
    from spacy.tokens import Span

    text = ("The bank said Thibault Garnier had taken client files. Garnier, a French national who lives in "
            "Dubai, joined Rocher in February.")
    spacy_pipes = [p for p in nlp.pipe_names if not p.startswith("kg_")]
    with nlp.select_pipes(enable=spacy_pipes):
        doc = nlp(text)
    words = [t.text for t in doc]
    at = {w: i for i, w in reversed(list(enumerate(words)))}
    doc.ents = [Span(doc, at["Thibault"], at["Thibault"] + 2, "PERSON"),
                Span(doc, words.index("Garnier", at["Thibault"] + 2), words.index("Garnier", at["Thibault"] + 2) + 1,
                     "ORG"),
                Span(doc, at["Dubai"], at["Dubai"] + 1, "GPE"), Span(doc, at["Rocher"], at["Rocher"] + 1, "ORG")]
    doc = nlp.get_pipe("kg_entities")(doc)
    classes = {(doc[it["start"]:it["end"]].text, it["cls"]) for it in doc._.kg_entity_data if it["via"] != "coref"}
    assert ("Garnier", "Person") in classes and ("Rocher", "Company") in classes, classes


def test_entities_whose_chief_executive_is_an_organisation(nlp):
    # "Lumio's chief executive": a job only organisations give makes its owner one, whatever the NER
    # took the lone name for; not the surname of a person the text names in full
    from spacy.tokens import Span

    spacy_pipes = [p for p in nlp.pipe_names if not p.startswith("kg_")]
    cases = [("Ana Ruiz, Lumio's chief executive, said so.", [(0, 2, "PERSON"), (3, 4, "PERSON")]),
             ("Halden's founder, Mia Stone, said so.", [(0, 1, "GPE"), (4, 6, "PERSON")]),
             ("Tom Berg met reporters. Berg's chairman was absent.", [(0, 2, "PERSON"), (5, 6, "PERSON")])]
    classes = {}
    for text, ents in cases:
        with nlp.select_pipes(enable=spacy_pipes):
            doc = nlp(text)
        doc.ents = [Span(doc, a, b, label) for a, b, label in ents]
        doc = nlp.get_pipe("kg_entities")(doc)
        classes.update({doc[it["start"]:it["end"]].text: it["cls"] for it in doc._.kg_entity_data})
    assert (classes["Lumio"], classes["Halden"], classes["Berg"]) == ("Company", "Company", "Person"), classes


def test_entities_a_lone_name_before_who_is_a_person(nlp):
    # "Harlow, who now lives in Tucson": "who" stands for a person even after a lone name the NER took
    # for an organisation; a lone name apposed to a job noun alone stays what it was
    from spacy.tokens import Span

    spacy_pipes = [p for p in nlp.pipe_names if not p.startswith("kg_")]
    classes = {}
    for text in ("Harlow, who now lives in Tucson, sold the farm.", "Harlow, a supplier of parts, sold the farm."):
        with nlp.select_pipes(enable=spacy_pipes):
            doc = nlp(text)
        doc.ents = [Span(doc, 0, 1, "ORG")]
        doc = nlp.get_pipe("kg_entities")(doc)
        classes[text.split(",")[1]] = {it["name"]: it["cls"] for it in doc._.kg_entity_data}["Harlow"]
    assert classes == {" who now lives in Tucson": "Person", " a supplier of parts": "Company"}, classes


@pytest.mark.parametrize("text, cls", [
    # a lone name the NER took for an organisation is a person when apposed to a job only people
    # hold or to a noun "who" follows, given an age, said to live somewhere, or "of" an organisation
    # between commas (wire copy's way of naming someone's employer)
    ("Keller, a lawyer for the family, said the case was closed.", "Person"),
    ("Keller, the president of Elmtree College, said fees would rise.", "Person"),
    ("Keller, a retired court reporter, sold the farm.", "Person"),
    ("Keller, 45, sold the farm.", "Person"),
    ("Keller lives in Leeds with his wife.", "Person"),
    ("Keller, a clerk who kept the ledgers for the mill, moved to Ohio.", "Person"),
    ("Keller, of Halvern Group, said the plan would fail.", "Person"),
    # any name whose kin the text names, or who was born somewhere
    ("Keller's wife, Marta, runs a bakery in Leeds.", "Person"),
    ("The farm passed to his son, Keller, in 1990.", "Person"),
    ("The farm passed to Keller, his son, in 1990.", "Person"),
    ("Keller was born in Leeds in 1950.", "Person"),
    # whom one kills or seizes, or whom someone kills ...
    ("He was convicted of the torture and murder of Keller.", "Person"),
    ("Keller was kidnapped in Lagos in May.", "Person"),
    ("Keller's kidnapping shocked the town.", "Person"),
    ("He shot Keller outside the bank.", "Person"),
    # ... not what a price war or a firm kills
    ("The price war killed Keller, and rivals gained.", "Company"),
    ("Lumo Group killed Keller in 2023 to focus on cloud gaming.", "Company"),
    # not a job firms are called too, nor another's job the parser hangs on the name, nor a number
    # that is no age, nor a firm "of" a place (its seat)
    ("Keller, the adviser on the deal, declined to comment.", "Company"),
    ("Keller, the manager of the Atlas Growth Fund, said returns would improve.", "Company"),
    ("Keller, whose chief executive, Ana Ruiz, resigned, said sales fell.", "Company"),
    ("Keller, a maker of 45 kinds of valves, sold the plant.", "Company"),
    ("Keller, of Denver, said sales rose.", "Company"),
    ("Keller's parent, Lumo Group, reported a loss.", "Company"),
    ("Keller and its sister company Brennit make cables.", "Company"),
])
def test_entities_a_lone_name_a_person_is_said_to_be_is_a_person(nlp, text, cls):
    # ("Keller" forced to an organisation, the other names as the NER found them, "Ana Ruiz" a person)
    doc = _entities_forcing(nlp, text, lambda doc: [
        (t.i, t.i + 1, "ORG") for t in doc if t.text == "Keller"][:1] + [
        (t.i, t.i + 2, "PERSON") for t in doc if t.text == "Ana"])
    assert {it["name"]: it["cls"] for it in doc._.kg_entity_data}["Keller"] == cls, doc._.kg_entity_data


@pytest.mark.parametrize("text, title, person, country", [
    # a capitalised job title right before a person's name is the person's title, not an organisation
    # based in the country before it
    ("Japan's Trade Minister Kenji Sato said talks would resume.", "Trade Minister", "Kenji Sato", "Japan"),
    ("U.S. District Judge Mara Quist on Friday approved the sale.", "District Judge", "Mara Quist", "United States"),
    ("British Foreign Secretary Dana Holt met her Irish counterpart.", "Foreign Secretary", "Dana Holt",
     "United Kingdom"),
])
def test_entities_a_capitalised_title_before_a_name_is_no_organisation(nlp, text, title, person, country):
    doc = _rules_doc(nlp, text)
    classes = _classes(doc)
    assert title not in classes and classes.get(person) == "Person", classes
    assert (title, "basedIn", country) not in _triples(doc), _triples(doc)


@pytest.mark.parametrize("text, expected", [
    # a job title the NER ran into the organisation's name before a person's name is not part of it
    ("The roads stayed open, said Nevada Highway Patrol Officer Dana Whitlock.",
     {("Dana Whitlock", "worksFor", "Nevada Highway Patrol")}),
    ("Lakeview Harbor Authority Commissioner Ruth Bell opposed the plan.",
     {("Ruth Bell", "worksFor", "Lakeview Harbor Authority")}),
])
def test_entities_a_title_before_a_person_leaves_the_organisations_name(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a product code the NER missed (or took for a date) is a product where the text says what kind
    ("The drug, called VX-210, is an oral pill that Orvane developed at its lab in Basel.",
     {("Orvane", "develops", "VX-210")}),
    ("VX-210 is a pill that Orvane developed in Basel.", {("Orvane", "develops", "VX-210")}),
])
def test_entities_a_product_code_the_text_calls_a_product(nlp, text, expected):
    _assert_reads(nlp, text, expected)


def test_entities_a_code_with_no_kind_of_product_is_no_entity(nlp):
    doc = nlp("Orvane said revenue rose 12% in Q3-2024.")
    assert [it["name"] for it in doc._.kg_entity_data] == ["Orvane"]


def _entities_with_ner(nlp, text, ents):
    """``text`` parsed, its NER entities set to ``ents`` ((name, label), each at its first place),
    then through kg_entities: each named entity's text and class."""
    spacy_pipes = [p for p in nlp.pipe_names if not p.startswith("kg_")]
    with nlp.select_pipes(enable=spacy_pipes):
        doc = nlp(text)
    spans = []
    for name, label in ents:
        start = text.index(name)
        spans.append(doc.char_span(start, start + len(name), label=label))
    doc.ents = spans
    doc = nlp.get_pipe("kg_entities")(doc)
    return {doc[it["start"]:it["end"]].text: it["cls"] for it in doc._.kg_entity_data if it["via"] != "coref"}


@pytest.mark.parametrize("text, ents, name", [
    # a name right after a job title or a description of a person is a person's ...
    ("Economist Rhea Lund of Carrow University said prices would fall.",
     [("Rhea Lund", "ORG"), ("Carrow University", "ORG")], "Rhea Lund"),
    ("The roads reopened, said Coast Guard Lt. Sam Otto on Monday.",
     [("Coast Guard", "ORG"), ("Sam Otto", "ORG")], "Sam Otto"),
    ("The Labor Party candidate Cecilia Marte won 12 percent of the vote.",
     [("Labor Party", "ORG"), ("Cecilia Marte", "ORG")], "Cecilia Marte"),
    # ... and so is a name apposed to one
    ("Dorian Pike, a native of Duluth, joined the board in March.",
     [("Dorian Pike", "ORG"), ("Duluth", "GPE")], "Dorian Pike"),
])
def test_entities_a_name_after_a_persons_title_is_a_person(nlp, text, ents, name):
    classes = _entities_with_ner(nlp, text, ents)
    assert classes[name] == "Person", classes


@pytest.mark.parametrize("text, ents, name, cls", [
    # a party's candidate is a person, and the party no product
    ("The Labor Party candidate Cecilia Marte won 12 percent of the vote.",
     [("Labor Party", "ORG"), ("Cecilia Marte", "ORG")], "Labor Party", "Organization"),
    # ... but a vaccine candidate is a product
    ("Its vaccine candidate Zeltra Max entered trials in May.", [("Zeltra Max", "ORG")], "Zeltra Max", "Product"),
    # "gen" without its period is no title ("5th gen Arc Z"), nor a capitalised title mid-sentence
    ("Kestrel announced new 5th gen Arc Z series chips.", [("Kestrel", "ORG"), ("Arc Z", "PRODUCT")], "Arc Z",
     "Product"),
])
def test_entities_a_title_word_that_is_no_persons_title(nlp, text, ents, name, cls):
    classes = _entities_with_ner(nlp, text, ents)
    assert classes[name] == cls, classes


@pytest.mark.parametrize("text, name, place", [
    # a description after a name and a comma that the parser hung on a word further back ("firm" on
    # "round", on "invested") still describes the name: a firm, and where it is based
    ("Tarsan Bank led a $40 million round in Quillbox, the Nairobi-based payments firm.", "Quillbox", "Nairobi"),
    ("Tarsan Bank invested in Quillbox, the Nairobi-based payments firm.", "Quillbox", "Nairobi"),
])
def test_entities_a_description_the_parser_hung_further_back_is_the_names(nlp, text, name, place):
    _assert_typed_and_reads(nlp, text, name, "Company", (name, "basedIn", place))


def test_syntax_a_well_attached_apposition_is_not_moved(nlp):
    from kg.syntax import apposed_to_previous

    doc = nlp("Quillbox, the Nairobi-based payments firm, raised $40 million.")
    firm = next(t for t in doc if t.lower_ == "firm")
    assert firm.dep_ == "appos" and firm.head.text == "Quillbox"
    assert apposed_to_previous(firm) is None


@pytest.mark.parametrize("text, name, cls, triple", [
    # who is hired as what only people are is a person (not a firm hired as an adviser)
    ("Brightline, the Miami-based rail operator, has hired Maria Lopez as its new chief financial officer.",
     "Maria Lopez", "Person", ("Maria Lopez", "worksFor", "Brightline")),
    # what is owned by someone named is an organisation, whatever place the NER took it for
    ("Halden, which is owned by Swedish investment firm Norrsken Capital, makes robotic lawnmowers.",
     "Halden", "Company", ("Halden", "subsidiaryOf", "Norrsken Capital")),
    ("The regulator granted Jazz and Zong access to spectrum. Zong, owned by China Mobile, will pay in five "
     "instalments.", "Zong", "Company", ("Zong", "subsidiaryOf", "China Mobile")),
])
def test_entities_what_a_verb_does_to_a_name_types_it(nlp, text, name, cls, triple):
    _assert_typed_and_reads(nlp, text, name, cls, triple)


def test_entities_a_firm_hired_as_an_adviser_stays_a_firm(nlp):
    found = _classes(_rules_doc(nlp, "Veltro hired Lazard Partners as its adviser on the deal."))
    assert found.get("Lazard Partners") == "Company", found


@pytest.mark.parametrize("text, owner, peer, owner_cls", [
    # the owner of an organisation's rival or partner is one of a kind with it
    ("Lumio's rival Quillo launched a cheaper model last week.", "Lumio", "Quillo", "Company"),
    # (not where the peer may be a person the NER took for a firm)
    ("Ana's rival Maria Lopez won the race.", "Ana", "Maria Lopez", "Person"),
])
def test_entities_the_owner_of_a_firms_rival_is_a_firm(nlp, text, owner, peer, owner_cls):
    doc = _rules_doc(nlp, text)
    assert _classes(doc).get(owner) == owner_cls, _classes(doc)
    if owner_cls == "Company":
        assert {(owner, "competesWith", peer), (peer, "competesWith", owner)} & _triples(doc), _triples(doc)


@pytest.mark.parametrize("text, name, absent", [
    # "and" followed only by words of firms' names joins one name; before a name of its own it lists two
    ("Kaimen Machinery and Engineering Corporation makes pumps at its plant in Tainan, Taiwan.",
     "Kaimen Machinery and Engineering", "Engineering"),  # (the name without its legal form)
    ("Otsuka and Vertex Pharmaceuticals agreed to develop the drug.", "Vertex Pharmaceuticals",
     "Otsuka and Vertex Pharmaceuticals"),
])
def test_entities_and_before_only_firm_words_joins_one_name(nlp, text, name, absent):
    found = _classes(_rules_doc(nlp, text))
    assert found.get(name) == "Company" and absent not in found, found


@pytest.mark.parametrize("text, lead", [
    # after a title line, the lead sentence that repeats the name stays whole (the parser had cut it
    # after its first word, and the name lost its first name)
    ("Harlan Pryce\n\nHarlan Quentin Pryce (March 3, 1921 - May 9, 1990) was a lawyer who worked for Veltro "
     "Corporation in Calgary.", "Harlan Quentin Pryce"),
    ("Norvell Electric\n\nNorvell Electric Company is a firm based in Tromso, Norway, which makes cables.",
     "Norvell Electric Company"),
])
def test_pipeline_no_sentence_starts_right_after_a_word(nlp, text, lead):
    doc = nlp(text)
    sents = [s.text for s in doc.sents]
    assert any(s.startswith(lead) for s in sents), sents
    assert all(not (t.is_sent_start and doc[t.i - 1].is_alpha and "\n" not in doc[t.i - 1].whitespace_)
               for t in doc[1:]), sents


@pytest.mark.parametrize("text, employer", [
    # where one holds a job only people hold is an organisation, whatever the NER took the name for
    ("Kate Morrow, a transport analyst at Peel Hunt, said the bid could come later.", "Peel Hunt"),
    ("\"Both sides wanted certainty,\" said Owen Pritchard, a patent lawyer at Fieldfisher.", "Fieldfisher"),
])
def test_entities_where_one_holds_a_job_is_an_organisation(nlp, text, employer):
    doc = _rules_doc(nlp, text)
    classes = {it["name"]: it["cls"] for it in doc._.kg_entity_data}
    assert classes.get(employer) == "Company", classes
    assert any(p == "worksFor" and o == employer for _, p, o in _triples(doc))


@pytest.mark.parametrize("text, name, cls", [
    # an owner's kind of product, then the name: the owner's named product
    ("Velmora makes chatbots. Rival Velmora, whose chatbot Parley is offered in Italy, said it had not been "
     "contacted.", "Parley", "Product"),
    # a peer role opening the sentence is no part of a name the NER missed
    ("Rival Velmora, whose chatbot Parley is offered in Italy, said Velmora had not been contacted.", "Velmora",
     "Company"),
])
def test_entities_an_owners_named_product(nlp, text, name, cls):
    classes = _classes(_rules_doc(nlp, text))
    assert classes.get(name) == cls, classes
    assert not any(n.startswith("Rival ") for n in classes), classes


@pytest.mark.parametrize("text, expected, absent", [
    # a maker the gazetteer knows, then a model's code, is the maker and its model
    ("The planes, mostly Airbus A321 and Boeing 737 jets, had been leased to Russian carriers.",
     {("Airbus", "develops", "A321")}, set()),
    # not a number after a maker that names no kind of product
    ("Google 936 said nothing.", set(), {("Google", "develops", "936")}),
])
def test_entities_a_makers_model_code(nlp, text, expected, absent):
    found = _triples(_rules_doc(nlp, text))
    assert expected <= found and not absent & found, found


def test_entities_a_lone_name_after_a_firms_legal_form_and_of_is_its_place(nlp):
    # "Dunmore Bros Co. of Dixon" (the NER made Dixon a firm); "of" runs on in "Bank of America" instead
    doc = _rules_doc(nlp, "The crane was rented from Dunmore Bros Co. of Dixon.")
    assert _classes(doc).get("Dixon") == "Place", _classes(doc)
    assert ("Dunmore Bros", "basedIn", "Dixon") in _triples(doc), _triples(doc)



@pytest.mark.parametrize("text, name, triple", [
    # a job written before a name with a word of firms' names in it does not make it a person's
    ("The tankers were chartered from Greek owner Pelion Bulk.", "Pelion Bulk", None),
    ("Geneva-based commodities trader Morrow Agri has agreed to buy Kano Mills.", "Morrow Agri",
     ("Morrow Agri", "basedIn", "Geneva")),
    # a commission, counted, is no body apposed to the name before it
    ("Morvane pays its local agent, Kesh Brokerage, a 2% commission on each sale.", "Kesh Brokerage",
     ("Morvane", "paysCommissionTo", "Kesh Brokerage")),
])
def test_entities_a_firms_name_after_a_persons_job(nlp, text, name, triple):
    if triple is None:
        _assert_class(nlp, text, name, "Company")
    else:
        _assert_typed_and_reads(nlp, text, name, "Company", triple)


@pytest.mark.parametrize("text, name, cls", [
    # a name before a firm's trade that names another right after it is where that firm is
    ("Kurnool software house Kavach Grid supplies the payments bank with its core banking platform.",
     "Kurnool", "Place"),
    # not a capitalised word the text also writes in lower case, opening the sentence
    ("Remittance firm Quetzo Envios signs up Pollo Rico as partner. It is a remittance company.",
     "Remittance", "Company"),
])
def test_entities_a_name_before_a_firms_trade_is_its_seat(nlp, text, name, cls):
    doc = _rules_doc(nlp, text)
    classes = _classes(doc)
    assert classes.get(name, "Company") == cls, classes
    if cls == "Place":
        assert ("Kavach Grid", "basedIn", name) in _triples(doc), _triples(doc)
    else:
        assert not any(o == name for _, _, o in _triples(doc)), _triples(doc)


@pytest.mark.parametrize("text, name, cls", [
    # a firm's name the text writes alone, then a word of products' names: the firm's product
    ("Tarvix offers a free current account, Tarvix Basic, and a paid tier, Tarvix Plus, which includes travel "
     "insurance.", "Tarvix Plus", "Product"),
    # not the full name of a firm the text shortens
    ("Kessling Propulsion makes jet engines in Bristol. Kessling, which supplies Airbus, said it would hire 200 "
     "people.", "Kessling Propulsion", "Company"),
])
def test_entities_a_firms_name_and_a_product_word(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


def test_entities_an_app_based_somewhere_is_the_business(nlp):
    # "a Cape Town-based streaming app": what is based somewhere is the firm, not a product of one
    _assert_typed_and_reads(nlp, "Sendaro filed a lawsuit against Kivra, a Cape Town-based streaming app, accusing "
                                 "it of piracy.", "Kivra", "Company", ("Kivra", "basedIn", "Cape Town"))



def test_entities_an_app_that_pays_is_the_business(nlp):
    # a named app that pays is the firm that runs it, whatever its apposition calls it
    _assert_typed_and_reads(nlp, "Pathwise, a Nairobi language-learning app, paid Google 15% of its in-app revenue "
                                 "in 2024.", "Pathwise", "Company", ("Pathwise", "paysCommissionTo", "Google"))


@pytest.mark.parametrize("text, name", [
    # a lower-case particle between a name's capitalised words is the name's (not a verb, nor a place's end)
    ("Banco do Brasil said it would lend more to soybean farmers.", "Banco do Brasil"),
    ("Farmers borrow from Banco do Nordeste and Caixa Geral de Depósitos.", "Banco do Nordeste"),
    # ... and one name the NER split at its particle
    ("Both Trenitalo and Mercaviva are owned by Ferrovie dello Stato, the state railway group.",
     "Ferrovie dello Stato"),
])
def test_entities_a_names_particle(nlp, text, name):
    classes = _classes(_rules_doc(nlp, text))
    assert name in classes, classes


@pytest.mark.parametrize("text, name", [
    # one body's name with "and" inside, which the NER split or the splitter cut
    ("Lesotho's Ministry of Education and Training will pay Kopano Learning 20 million maloti.",
     "Ministry of Education and Training"),
    ("Zambia's Information and Communications Technology Authority has licensed Stratolink Networks.",
     "Information and Communications Technology Authority"),
    ("Piatza's backers include the Baltic Bank for Reconstruction and Development.",
     "Baltic Bank for Reconstruction and Development"),
    ("The Coastal and Port Authority of Valdora has banned Oceanis Bunkering from selling fuel.",
     "Coastal and Port Authority of Valdora"),
    # a superintendence is a body too
    ("Peru's Superintendence of Industry and Commerce on Tuesday fined Rappi.", "Superintendence of Industry and Commerce"),
])
def test_entities_one_bodys_name_with_and(nlp, text, name):
    classes = _classes(_rules_doc(nlp, text))
    assert name in classes, classes


@pytest.mark.parametrize("words, names", [
    # "and" inside what a body's "for" names, common nouns after it: one name
    (["The", "Valdoran", "Institute", "for", "Water", "and", "Soil", "Quality", "fined", "Velo", "."],
     ["Valdoran Institute for Water and Soil Quality"]),
    # a body's head word before the place it is of
    (["The", "Mining", "Licensing", "and", "Survey", "Authority", "of", "Valdora", "fined", "Velo", "."],
     ["Mining Licensing and Survey Authority of Valdora"]),
    # ... but a second name after "and" is its own
    (["The", "Valdoran", "Institute", "for", "Water", "and", "Orvenko", "Kelsing", "fined", "Velo", "."],
     ["Valdoran Institute for Water", "Orvenko Kelsing"]),
])
def test_entities_and_inside_a_bodys_remit_or_before_its_head(nlp, words, names):
    n = words.index("fined")
    tags = ["DT" if w == "The" else "CC" if w == "and" else "IN" if w in {"of", "for"} else "NNP"
            for w in words[:n]] + ["VBD", "NNP", "."]
    ents = ["O", "B-ORG"] + ["I-ORG"] * (n - 2) + ["O", "B-ORG", "O"]
    assert [name for name, _ in _entities_of(nlp, words, tags, ents)][:-1] == names


def test_entities_a_known_name_before_and_is_its_own(nlp):
    # "Apple and Google Agency": two names, whatever the words after "and" end on
    assert "Apple" in _classes(_rules_doc(nlp, "Shares of Apple and Google Agency rose."))


@pytest.mark.parametrize("text, name", [
    # an amount the NER ran into a name is no part of it
    # (the small NER runs the amount into this name, not into most)
    ("The regulator fined Hangzhou-based e-commerce platform Yunhe Mall 1.2 billion yuan on Friday.", "Yunhe Mall"),
    # not a number of the name's own
    ("SoftBank's Vision Fund 2 led the round.", "Vision Fund 2"),
    # a kind of product in capitals the NER ran into a model's name
    ("The startup builds its V7 SUV at a plant in Jaworzno.", "V7"),
])
def test_entities_words_run_into_a_name(nlp, text, name):
    classes = _classes(_rules_doc(nlp, text))
    assert name in classes, classes


def test_entities_a_name_before_the_kind_a_maker_is_of(nlp):
    # "the developer of the Volara electric air taxi": the name before the kind is the product
    _assert_typed_and_reads(nlp, "Aeroliftra, the Munich-based developer of the Volaro electric air taxi, has agreed "
                                 "to supply 40 aircraft to Sadeem Air Mobility.", "Volaro", "Product",
                            ("Aeroliftra", "develops", "Volaro"))



def test_entities_names_joined_to_the_plural_they_spell_out(nlp):
    # "Two Turkish lenders, X and Y, have ...": the parser made the names conjuncts of "lenders"
    doc = _rules_doc(nlp, "ISTANBUL — Two Turkish lenders, Boğaz Katılım Bankası and Ege Ticaret Bankası, have "
                          "stopped accepting transfers from Gazprombank.")
    classes = _classes(doc)
    assert classes.get("Boğaz Katılım Bankası") == classes.get("Ege Ticaret Bankası") == "Company", classes


def test_entities_names_apposed_to_the_plural_they_spell_out(nlp):
    # "Two Danish carriers, X and Y, said": the first name apposed to the plural, the second joined to it,
    # are both of the plural's kind (and both of the demonym's country), whatever the NER took them for
    doc = _rules_doc(nlp, "Two Danish carriers, Fjordlink Varberg and Tove Marsk Hansen, said they would cut prices.")
    classes = _classes(doc)
    assert classes.get("Fjordlink Varberg") == classes.get("Tove Marsk Hansen") == "Company", classes
    assert ("Tove Marsk Hansen", "basedIn", "Denmark") in _triples(doc)


def test_entities_a_kind_of_product_the_tagger_took_for_an_adjective(nlp):
    # "Malaysian super-app/JJ Kintara": the name the kind is written before is no place, whatever the NER said
    _assert_typed_and_reads(nlp, "Malaysian super-app Kintara expands to Vietnam and the Philippines", "Kintara",
                            "Product", ("Kintara", "operatesIn", "Vietnam"))


def test_entities_a_marketplace_named_by_its_kind_is_the_business(nlp):
    # "online marketplace MegaMart Global": the business (the annotated news has nearly all such so)
    _assert_typed_and_reads(nlp, "Ferralto has sued online marketplace MegaMart Global in a Milan court.",
                            "MegaMart Global", "Company", ("Ferralto", "sues", "MegaMart Global"))


@pytest.mark.parametrize("text", [
    # a kind of product that with the word before it is a trade ("payment processor"; "processor" alone is
    # a chip) names a business, before the name or apposed to it
    "Halvern Shop pays a 5% fee to local payment processor Paynara on each order.",
    "Halvern Shop pays Paynara, a payments processor, a 5% fee on each order.",
])
def test_entities_a_trade_named_by_a_kind_of_product_is_a_business(nlp, text):
    _assert_typed_and_reads(nlp, text, "Paynara", "Company", ("Halvern Shop", "paysCommissionTo", "Paynara"))


@pytest.mark.parametrize("text, name, cls", [
    # the short form of a firm's full name, which the NER took for a place, is the firm
    # (the small NER takes this one for a place, not most)
    ("Parcellis Cargo, a unit of Hollandia Post, said on Monday it would expand. Parcellis operates a hub in "
     "Leipzig.", "Parcellis", "Company"),
    # not where a mention of it says where something is
    ("Kumanto Bank said on Monday it would open 12 branches in Kumanto.", "Kumanto", "Place"),
])
def test_entities_the_short_form_of_a_firms_name(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


def test_entities_an_office_opening_an_unlabelled_run_is_the_persons(nlp):
    # names the NER left unlabelled (the parse as the small model gives it on such sentences)
    tags = ["PRP", "VBD", "NNP", "NNP", "NNP", "RB", "."]
    heads, deps = [1, 1, 4, 4, 1, 1, 1], ["nsubj", "ROOT", "compound", "compound", "dobj", "advmod", "punct"]
    found = _parsed_entities_of(nlp, "They met Mayor Pavel Brezik twice .", tags, heads, deps, ["O"] * 7)
    assert found == [("Pavel Brezik", "Person")], found
    # ... but not a firm's name opening with a title
    found = _parsed_entities_of(nlp, "They met King Digital Entertainment twice .", tags, heads, deps, ["O"] * 7)
    assert not any(cls == "Person" for _, cls in found), found


@pytest.mark.parametrize("text, expected, absent", [
    # a name the NER ran into a mayor's title is a place's
    ("The plan was drawn up under Leeds Mayor Walter Brandt in the late 1990s.",
     {("Walter Brandt", "livesIn", "Leeds")}, set()),
])
def test_entities_a_mayors_place(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_entities_a_firm_called_the_market_leader_stays_a_firm(nlp):
    # a job firms are said to hold too, with a noun before it, makes no person of the name it is apposed to
    _assert_class(nlp, "Volta competes with MTN Ghana, the market leader, and with AT Ghana.", "MTN Ghana", "Company")
    _assert_class(nlp, "The report was written by Sara Lindqvist, the team leader, in May.", "Sara Lindqvist", "Person")


@pytest.mark.parametrize("text, name, classes, triple", [
    # a name the NER took for a product, right after a firm's description, is the firm
    ("Marketra denied that it restricts sellers such as Ohio toymaker Tumblewick from pricing freely on "
     "other sites.",
     "Tumblewick", "Company", ("Tumblewick", "basedIn", "Ohio")),
    # a service "based" somewhere is the business, where "-based" modifies a word before the noun
    ("Tarana, the Dubai-based music streaming service, paid Layali Records $48 million last year.",
     "Tarana", "Company", ("Tarana", "basedIn", "Dubai")),
])
def test_entities_a_firms_description_and_a_seat_make_a_firm(nlp, text, name, classes, triple):
    _assert_typed_and_reads(nlp, text, name, classes, triple)


@pytest.mark.parametrize("text, tags, heads, deps, ents, name", [
    # a name after a lawmaker's description, apposed to a job only people hold, or named to one, is a
    # person's, whatever the NER took it for (the parses and the NER's ORG as the small models give them)
    ("Dutch lawmaker Joost Akkerman spoke .", ["JJ", "NN", "NNP", "NNP", "VBD", "."], [1, 3, 3, 4, 4, 4],
     ["amod", "compound", "compound", "nsubj", "ROOT", "punct"], ["B-NORP", "O", "B-ORG", "I-ORG", "O", "O"],
     "Joost Akkerman"),
    ("Its chief executive , Sipho Dlamini , said so .", ["PRP$", "JJ", "NN", ",", "NNP", "NNP", ",", "VBD", "RB", "."],
     [2, 2, 7, 2, 5, 2, 2, 7, 7, 7],
     ["poss", "amod", "nsubj", "punct", "compound", "appos", "punct", "ROOT", "advmod", "punct"],
     ["O", "O", "O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O"], "Sipho Dlamini"),
    ("Acme has named Ingrid Solheim chief executive .", ["NNP", "VBZ", "VBN", "NNP", "NNP", "JJ", "NN", "."],
     [2, 2, 2, 4, 2, 6, 2, 2], ["nsubj", "aux", "ROOT", "compound", "dobj", "amod", "oprd", "punct"],
     ["B-ORG", "O", "O", "B-ORG", "I-ORG", "O", "O", "O"], "Ingrid Solheim"),
])
def test_entities_people_by_their_jobs(nlp, text, tags, heads, deps, ents, name):
    found = dict(_parsed_entities_of(nlp, text, tags, heads, deps, ents))
    assert found.get(name) == "Person", found


def test_entities_a_place_label_on_a_firms_name(nlp):
    # a name the NER took for a place or a facility that ends in a firm's head word (after a hyphen too) is
    # the firm; not a shipyard the NER took for a facility
    _assert_typed_and_reads(nlp, "The ban will not apply to palm oil from Golden Agri-Resources, which supplies "
                                 "Nestlé and Unilever.", "Golden Agri-Resources", "Company",
                            ("Golden Agri-Resources", "suppliesTo", "Nestlé"))
    _assert_class(nlp, "Workers went on strike at the Severn Shipyard in Gdynia on Monday.", "Severn Shipyard", "Place")


def test_entities_what_an_organisation_runs_is_a_product_in_every_mention(nlp):
    # "the company that runs X": X is a product wherever the text names it, however many of its mentions
    # say nothing of it
    text = ("Movilo bundles Flickra into its plans. Under the deal, Movilo pays Brannagh Media, the "
            "Dublin-based company that runs Flickra, a monthly fee. Flickra is also available in Italy. "
            "Flickra competes with Netflix.")
    doc = _rules_doc(nlp, text)
    assert {it["cls"] for it in doc._.kg_entity_data if it["name"] == "Flickra" and it["via"] == ""} == {"Product"}
    assert ("Brannagh Media", "offers", "Flickra") in _triples(doc), _triples(doc)


def test_entities_a_name_a_copula_defines_as_a_product_is_one_in_every_mention(nlp):
    # "X is an arcade game developed and published by Y": a definition outweighs the NER's other labels
    # (a page's title line, a later mention taken for a firm), and the maker is the agent of either
    # joined participle
    text = ("Meltdown (video game)\n\nMeltdown is an arcade game developed and published by Corvane, Inc., "
            "released on May 13, 1979. It was designed by Alma Reyes and Tom Baxter, inspired by the 1975 "
            "Corvane arcade game Quill. Meltdown was the basis for Super Meltdown, which Corvane released a "
            "year later.")
    doc = _rules_doc(nlp, text)
    assert {it["cls"] for it in doc._.kg_entity_data if it["name"] == "Meltdown" and it["via"] == ""} == {"Product"}
    assert ("Corvane", "develops", "Meltdown") in _triples(doc), _triples(doc)


@pytest.mark.parametrize("text, name", [
    # a name written with a description only organisations that are no business bear is an Organization
    ("Consumer group Fairtrack, which first flagged the pricing, said the scheme misled shoppers.", "Fairtrack"),
    ("Open Rights Watch, a campaign group, said Harrowgate Stores should face the same scrutiny.", "Open Rights Watch"),
    ("\"The rules could raise costs,\" said Dewi Sartika, an economist at the think tank Lembaga Kaji.",
     "Lembaga Kaji"),
    # ... and one ending in a league's or a club's word
    ("Premier Padel League blocks Betzona shirt deal", "Premier Padel League"),
])
def test_entities_organisations_that_are_no_business(nlp, text, name):
    _assert_class(nlp, text, name, "Organization")


def test_entities_a_business_group_stays_a_firm(nlp):
    _assert_class(nlp, "Tesco, the grocery group, said sales rose.", "Tesco", "Company")


@pytest.mark.parametrize("text, name, cls", [
    # an agency of a kind no business is, or a state's kind of bank, written before a name or apposed to it
    ("Lima's transport agency Movilima fined ride-hailing app Rutaya 4.2 million soles.", "Movilima", "GovernmentBody"),
    ("Chile's development bank Corfin has given Atacama Etanol access to a credit line.", "Corfin", "GovernmentBody"),
    ("Invexa, the French state investment bank, also took part.", "Invexa", "GovernmentBody"),
    # ... not a news agency, nor an investment bank (names the gazetteer does not know, so that only the
    # reading decides)
    ("The photos came from news agency Baltpress.", "Baltpress", "Company"),
    ("He joined investment bank Korvald.", "Korvald", "Company"),
])
def test_entities_agencies_and_banks_of_states(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, name, cls", [
    # a name right before the kind of product it names is the product, whatever label the NER gave it
    ("Tarvo sells its Lumo hatchback and Lumo Max SUV in Germany.", "Lumo Max", "Product"),
    # not before a noun that also names a firm ("a Kumasi processor") or its shops
    ("Regulators capped the beans allocated to Obeng Grinders, a Kumasi processor that turns beans into butter.",
     "Kumasi", "Place"),
])
def test_entities_a_name_before_a_kind_of_product_is_the_product(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


def test_entities_the_gazetteer_knows_the_large_carriers(nlp):
    # logistics firms the small NER takes for places (organizations.tsv, "Logistics, shipping and airlines")
    _assert_class(nlp, "Parcellis competes with DHL, which runs its main hub in Leipzig, and FedEx.", "FedEx", "Company")


@pytest.mark.parametrize("text, name", [
    # a name apposed to a kind of product is a product (more kinds of product in the lexicon)
    ("Mindao, based in Shenzhen, sells a comparable machine, the MD-Vista, for about 40% less.", "MD-Vista"),
    ("Dermavo competes with Eczelia, a cream sold by the French company Laboratoires Vellmont.", "Eczelia"),
])
def test_entities_a_name_apposed_to_a_kind_of_product_is_a_product(nlp, text, name):
    _assert_class(nlp, text, name, "Product")


def test_entities_a_plural_noun_opening_a_sentence_is_no_name(nlp):
    # the NER took "Subscribers" for an organisation; the tagger's plural common noun says otherwise
    classes = _classes(_rules_doc(nlp, "Subscribers will also get Sinema Kutusu, the film service of Anadolu Media."))
    assert "Subscribers" not in classes, classes
    # (a firm's name that looks like a plural stays: not a noun of people or bodies in general)
    classes = _classes(_rules_doc(nlp, "Smartwings, Moldau's main rival at the airport, said it was not looking."))
    assert classes.get("Smartwings") == "Company", classes


def test_entities_the_owner_of_a_job_only_an_organisation_gives_is_one(nlp):
    """"Lovebird Lane's chief executive": a name the NER took for a person or a place, with a possessive
    job title only an organisation gives, is an organisation (not a place the gazetteer knows)."""
    doc = nlp('"We will appeal," said Marieke Dijkstra, Lovebird Lane\'s chief executive.')
    classes = {it["name"]: it["cls"] for it in doc._.kg_entity_data}
    assert classes.get("Lovebird Lane") == "Company", classes
    assert ("Marieke Dijkstra", "worksFor", "Lovebird Lane") in {
        (r["s_name"], r["predicate"], r["o_name"]) for r in doc._.kg_relation_data}


def test_entities_a_country_manager_is_an_organisations(nlp):
    # "Mawimbi's country manager": the word "country" in the title does not make the owner a place
    doc = _rules_doc(nlp, "Peter Mwakyusa, Mawimbi's country manager, said the curbs would hurt Selcom.")
    assert _classes(doc).get("Mawimbi") == "Company", _classes(doc)
    assert ("Peter Mwakyusa", "worksFor", "Mawimbi") in _triples(doc)


def test_entities_a_product_by_the_ner_after_a_noun_only_firms_are_called_is_a_firm(nlp):
    # "controlled by Copenhagen investment firm Axcel": the NER's product right after "firm" is a firm
    doc = _rules_doc(nlp, "Nordlys, which is controlled by Copenhagen investment firm Axcel, sells mobile plans.")
    assert _classes(doc).get("Axcel") == "Company", _classes(doc)
    assert ("Nordlys", "subsidiaryOf", "Axcel") in _triples(doc)


def test_entities_a_legal_form_and_its_full_stop_end_a_name(nlp):
    # "Sea Ltd. GoTo shares rose": where the NER ran a name on past a legal form and its full stop (a
    # sentence the parser did not end), the name ends at the legal form
    text = "Shoppa is a unit of Singapore's Kestrel Ltd. Veltro shares rose 8% in Jakarta."
    doc = _entities_forcing(nlp, text, lambda doc: [(t.i, t.i + 3, "ORG") for t in doc if t.text == "Kestrel"])
    spans = {doc[it["start"]:it["end"]].text for it in doc._.kg_entity_data}
    assert "Kestrel Ltd." in spans and "Veltro" in spans and "Kestrel Ltd. Veltro" not in spans, spans


@pytest.mark.parametrize("text, name, cls", [
    # the surname of a person the text names in full is the person, whatever the NER took it for ...
    ("Harrow Bank said it had appointed Anika Sharma as its chief financial officer. Sharma previously "
     "worked at Goldman Sachs.", "Sharma", "Person"),
    # ... unless a firm's name the text writes has it
    ("Brauer Media Group has sued Parlo AI. Brauer chief executive Dorothea Brauer said the group would go on.",
     "Brauer", "Company"),
])
def test_entities_the_surname_of_a_person_named_in_full(nlp, text, name, cls):
    # (the lone name forced to an organisation, the full names as the NER found them)
    doc = _entities_forcing(nlp, text, lambda doc: [
        (t.i, t.i + 1, "ORG") for t in doc if t.text == name and doc[t.i - 1].text not in {"Anika", "Dorothea"}
        and doc[t.i + 1].text != "Media"])
    assert {doc[it["start"]:it["end"]].text: it["cls"] for it in doc._.kg_entity_data}[name] == cls, \
        doc._.kg_entity_data


@pytest.mark.parametrize("text, law, body", [
    # a law's name is no organisation, whether the NER labelled it or not ...
    ("The order, issued under Section 69A of the Information Technology Act, tells Google to remove the apps.",
     "Information Technology Act", None),
    ("The European Commission fined Apple under the Digital Markets Act.", "Digital Markets Act", None),
    # ... nor is an agreement's, an event's or a monument's (not even where the NER left it unlabelled)
    ("The Kessel-Varna Free Trade Agreement is a trade agreement between Chile and Peru.",
     "Kessel-Varna Free Trade Agreement", None),
    ("The Tarsen Friendship Monument in Lima is a large concrete monument.", "Tarsen Friendship Monument", None),
    ("She competed at the 1998 Orlen Cup in Warsaw.", "Orlen Cup", None),
    # ... but a body named for what it regulates is one
    ("Egypt's Supreme Council for Media Regulation blocked Naghma.", None, "Supreme Council for Media Regulation"),
])
def test_entities_a_laws_name_is_no_entity(nlp, text, law, body):
    spans = set(_entities_of_text(nlp, text))
    if law:
        assert law not in spans, spans
    if body:
        assert body in spans, spans


@pytest.mark.parametrize("text, event, absent", [
    # a trade show's or a fair's name is no firm, place or product, whatever the NER took it for (nor
    # the seat of one: the city written in it)
    ("The Brindle B7 was unveiled at the 2018 Beijing Auto Show.", "Auto Show", ("Auto Show", "basedIn", "Beijing")),
    ("Kallisto Mobile launched the phone at the Seoul Mobile Expo.", "Seoul Mobile Expo",
     ("Kallisto Mobile", "operatesIn", "Seoul Mobile Expo")),
    ("Halvorsen Motors unveiled the Torvane at the Geneva Motor Show in March.", "Motor Show", None),
])
def test_entities_an_events_name_is_no_entity(nlp, text, event, absent):
    doc = _rules_doc(nlp, text)
    spans = {doc[it["start"]:it["end"]].text for it in doc._.kg_entity_data if it["via"] != "coref"}
    assert event not in spans and not any(s.endswith(event) for s in spans), spans
    if absent:
        assert absent not in _triples(doc), _triples(doc)


def _entities_of_text(nlp, text):
    doc = _rules_doc(nlp, text)
    return [doc[it["start"]:it["end"]].text for it in doc._.kg_entity_data if it["via"] != "coref"]


@pytest.mark.parametrize("text, cls", [
    # a name the NER took for a place, right after "former" and before what it describes, is whom
    # they worked for ...
    ("Nordcell was founded by former Kelvo engineers Elsa Lindqvist and Johan Berg.", "Company"),
    # ... not a place the gazetteer knows ("a former Denver mayor")
])
def test_entities_a_former_employer_written_before_the_job(nlp, text, cls):
    doc = _entities_forcing(nlp, text, lambda doc: [(t.i, t.i + 1, "GPE") for t in doc if t.text == "Kelvo"])
    assert {it["name"]: it["cls"] for it in doc._.kg_entity_data}["Kelvo"] == cls, doc._.kg_entity_data


def test_entities_a_former_mayor_of_a_known_place_keeps_it_a_place(nlp):
    doc = _rules_doc(nlp, "Ana Ruiz, a former Denver mayor, joined Orlan.")
    assert _classes(doc).get("Denver") == "Place", _classes(doc)



def test_entities_the_short_form_of_a_firm_the_tagger_took_for_a_common_noun(nlp):
    # "In 2015 Askel was acquired": the small tagger takes "Askel" for a common noun (NN); it is the short
    # form of "Askel Software", the firm bought
    text = ("Lumetra OS is a mobile operating system developed by Askel Software, a Finnish company based in "
            "Tampere. It was first released in 2012. In 2015 Askel was acquired by the American chipmaker "
            "Corrigan Semiconductor.")
    doc = _rules_doc(nlp, text)
    assert next(t for t in doc if t.text == "Askel" and t.i > 15).tag_ == "NN"  # (the case this is about)
    assert ("Corrigan Semiconductor", "acquires", "Askel Software") in _triples(doc), _triples(doc)


def test_entities_the_short_form_of_a_firm_the_ner_took_for_an_adjective_place(nlp):
    # "Meridian runs 14 hospitals" after "Meridian Health": the tagger took "Meridian" for an adjective
    # and the NER for a place; it is the firm's short form, not a word to drop
    doc = _rules_doc(nlp, "The FTC sued Meridian Health, accusing it of raising prices. Meridian runs 14 hospitals "
                          "in Tennessee.")
    assert ("Meridian", "operatesIn", "Tennessee") in _triples(doc), _triples(doc)
    # (not an adjective before a noun: "European rivals" after "the European Commission")
    doc = _rules_doc(nlp, "The European Commission fined Temu. Zalando and Allegro, European rivals of Temu, "
                          "welcomed the fine.")
    assert not any(it["name"] == "European" and it["cls"] == "Company" for it in doc._.kg_entity_data)


@pytest.mark.parametrize("text, person", [
    ("The European Commission fined Cartavo on Monday. Cartavo said it would appeal. Commission spokeswoman "
     "Lea Zorn said networks cannot pick winners.", "Lea Zorn"),
    ('The Orlan Trade Ministry opened a review of the tariff. "Any cap would apply to all," said Tomas Bianco, a '
     "spokesman for the Ministry.", "Tomas Bianco"),
])
def test_entities_a_bodys_head_word_alone_is_its_short_form(nlp, text, person):
    # "the Commission" after "the European Commission": the head word of the one government body named
    # before, written alone, is a mention of that body, where the relations of it are read
    doc = _rules_doc(nlp, text)
    rec = next((r for r in doc._.kg_relation_data if r["predicate"] == "worksFor" and r["s_name"] == person), None)
    assert rec is not None, _triples(doc)
    assert doc[rec["o_start"]:rec["o_end"]].text in {"Commission", "Ministry"}, doc[rec["o_start"]:rec["o_end"]].text


def test_entities_a_name_in_full_whose_surname_alone_is_a_person(nlp):
    # a name in full the NER took for an organisation, whose last word the text shows alone to be a person
    text = ("Greta Lindqvist quit Nordwind Energy last week. Lindqvist, a Swedish engineer who lives in Gothenburg, "
            "will join Fjellcell as chief executive.")
    doc = _entities_forcing(nlp, text, lambda doc: [(0, 2, "ORG")])
    classes = {doc[it["start"]:it["end"]].text: it["cls"] for it in doc._.kg_entity_data}
    assert classes["Greta Lindqvist"] == "Person" and classes["Lindqvist"] == "Person", classes


@pytest.mark.parametrize("text, name", [
    # the name a job only people hold "is" is a person, whatever the NER took it for
    ("Radio Pellworth broadcasts pop music. Its managing director is Clare Holt.", "Clare Holt"),
    ("Mirelle Cosmetics is a French beauty brand. The brand's chief executive is Sophie Marchand.",
     "Sophie Marchand"),
])
def test_entities_the_name_a_persons_job_is_is_a_person(nlp, text, name):
    first = name.split()[0]
    doc = _entities_forcing(nlp, text, lambda doc: [(t.i, t.i + 2, "ORG") for t in doc if t.text == first])
    assert {it["name"]: it["cls"] for it in doc._.kg_entity_data}[name] == "Person", doc._.kg_entity_data


@pytest.mark.parametrize("text, name", [
    # a name ending in a word of firms' names is a firm, whatever the NER took it for
    ("The company's parent, Tayside Drinks, is owned by Harlan Brands.", "Tayside Drinks"),
    ("Aurel Pharma has three subsidiaries, among them Aurel Biologics.", "Aurel Biologics"),
    ("Its units include Orsolo Immobiliare, a property firm.", "Orsolo Immobiliare"),
    ("Harrow Group is the parent of Harrow Bank and the asset manager Harrow Invest.", "Harrow Invest"),
])
def test_entities_a_name_ending_in_a_firms_word_is_a_firm(nlp, text, name):
    first = name.split()[0]
    doc = _entities_forcing(nlp, text, lambda doc: [(t.i, t.i + 2, "PERSON") for t in doc if t.text == first][-1:])
    assert {it["name"]: it["cls"] for it in doc._.kg_entity_data}[name] == "Company", doc._.kg_entity_data


@pytest.mark.parametrize("text, expected, absent", [
    # a name after "of" on a person given an age is the person's home town, whatever the NER took it for
    ("Police in Tulsa, Okla., arrested Dwayne Pruitt, 34, of Broken Arrow on Friday.",
     {("Dwayne Pruitt", "livesIn", "Broken Arrow")}, {("Dwayne Pruitt", "worksFor", "Broken Arrow")}),
    # (not a name with a firm's word)
    ("Ana Ruiz, 41, of Harlow Industries said sales rose.", {("Ana Ruiz", "worksFor", "Harlow Industries")}, set()),
])
def test_entities_the_home_town_of_a_person_given_an_age(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, name", [
    # an office's title opening a sentence, run by the NER into an organisation's name with the
    # person's, is the person's title
    ("Spokeswoman Ines Varga said the route was closed.", "Ines Varga"),
    ("Chairman Oskar Lindahl declined to comment.", "Oskar Lindahl"),
])
def test_entities_a_title_run_into_an_organisation_is_a_persons(nlp, text, name):
    doc = _entities_forcing(nlp, text, lambda doc: [(0, 3, "ORG")])
    assert {it["name"]: it["cls"] for it in doc._.kg_entity_data}.get(name) == "Person", doc._.kg_entity_data


def test_entities_a_title_cut_from_a_persons_name_is_no_firm(nlp):
    # "Petty Officer" left before the name the NER ran it into is a title, not an organisation
    doc = _rules_doc(nlp, "A spokesman for the Coast Guard, Petty Officer Dana Reyes, said six people were rescued.")
    names = {it["name"]: it["cls"] for it in doc._.kg_entity_data}
    assert "Petty Officer" not in names and names.get("Dana Reyes") == "Person", names


def test_entities_a_site_named_by_its_place_and_state_is_no_product(nlp):
    # "its Pasadena, Texas, plant" names the site by its place and state, as "its Pasadena plant" does
    doc = _rules_doc(nlp, "The regulator fined Orvane Chemical over fumes at its Lufkin, Texas, plant.")
    names = {it["name"]: it["cls"] for it in doc._.kg_entity_data}
    assert names.get("Lufkin") == "Place", names


def _forced_an_organisation(nlp, text, name):
    """``text`` read with the first run of ``name``'s words forced to the NER label ORG: what the sentence
    makes of a name the NER took for an organisation."""
    def forced(doc):
        words = name.split()
        k = next(i for i in range(len(doc)) if [t.text for t in doc[i:i + len(words)]] == words)
        return [(k, k + len(words), "ORG")]
    return _entities_forcing(nlp, text, forced)


@pytest.mark.parametrize("text, name", [
    # a name a works or a shop is "in" (or near) is where it is, whatever the NER took it for
    ("Velmo will supply cells to Tarvo's factory in Hai Phong.", "Hai Phong"),
    ("Daewon Motor, which opened a plant in Nuevo Leon in 2024, hopes to expand.", "Nuevo Leon"),
    ("Qafila, a trucking firm, has opened a warehouse near Sudair.", "Sudair"),
])
def test_entities_a_name_a_works_is_in_is_a_place(nlp, text, name):
    doc = _forced_an_organisation(nlp, text, name)
    assert {it["name"]: it["cls"] for it in doc._.kg_entity_data}.get(name) == "Place", doc._.kg_entity_data


@pytest.mark.parametrize("text, name", [
    # where a firm is said to be based, or where a firm the text describes is from, is a place, whatever
    # the NER took the name for
    ("Nordvik Steel, based in Hadleigh, makes pipes for oil wells.", "Hadleigh"),
    ("Kelvor Motors agreed to buy Ascenda, a family company from Telmar, for 90 million euros.", "Telmar"),
])
def test_entities_where_a_firm_is_based_or_from_is_a_place(nlp, text, name):
    doc = _forced_an_organisation(nlp, text, name)
    assert {it["name"]: it["cls"] for it in doc._.kg_entity_data}.get(name) == "Place", doc._.kg_entity_data


@pytest.mark.parametrize("text, name, cls", [
    # a name between "a" or "the" and a firm's or a person's kind is where the firm or the person is from,
    # whatever the NER took it for
    ("The shelf space went to Verdant Pantry, a Tarvik company whose burgers sell well.", "Tarvik", "Place"),
    ("The ministry has barred the Tarvik company from showing advertisements.", "Tarvik", "Place"),
    ("Kelvor chief executive Mara Olsen, a Tarvik native, said the deal would help.", "Tarvik", "Place"),
    # ... not where a mention of the name acts as a firm does (one of its companies)
    ("Orlan bought Brask, a Kelvor company, last year. Kelvor bought Tamsin in 2020.", "Kelvor", "Company"),
])
def test_entities_a_name_before_a_firms_kind_is_its_home(nlp, text, name, cls):
    def forced(doc):
        return [(k, k + 1, "ORG") for k in range(len(doc)) if doc[k].text == name]
    doc = _entities_forcing(nlp, text, forced)
    assert {it["name"]: it["cls"] for it in doc._.kg_entity_data}.get(name) == cls, doc._.kg_entity_data


@pytest.mark.parametrize("text, name, cls", [
    # a name where a place stands, then a state the gazetteer knows, is a town of it
    ("Nordvik expects to employ 2,000 people at the site in Mesa Verde, Kentucky.", "Mesa Verde", "Place"),
    # ... not a firm named before what the country's is
    ("Orlan Bank invested in Kelvor, Germany's largest maker of trams.", "Kelvor", "Company"),
])
def test_entities_a_name_before_its_state_is_a_place(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


def test_entities_an_app_run_by_a_firm_the_tagger_missed_is_a_product(nlp):
    # "run" tagged as a noun before its agent is a participle all the same
    _assert_class(nlp, "Regulators in Halden blocked Tressa, a live-streaming app run by Estonia-based Morvik, on "
                       "Saturday. Tressa had ignored 14 orders. Users in Brask said Tressa stopped loading.",
                  "Tressa", "Product")


@pytest.mark.parametrize("text, name, cls", [
    # words of firms' names: a name ending in one is a firm's, whatever the NER took it for
    ("The tankers had been bought by Sarab from the Greek owner Thalassa Navigation in 2022.",
     "Thalassa Navigation", "Company"),
    ("Ferrol Grain, based in Valdoro, said its members had bought seed.", "Ferrol Grain", "Company"),
    # a firm's trade written after where it is: "cable specialist"
    ("Norway's Halvard Vind agrees to buy Kirkbrae cable specialist Tidewater.", "Kirkbrae", "Place"),
])
def test_entities_more_words_of_firms_and_trades(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, name", [
    # a state's army, a division of a field, centres for one: government bodies
    ("Saguaro supplies controllers to Kingbird Aerosystems and to the Halden Army.", "Halden Army"),
    ("The Tarrin Division of Consumer Protection filed a lawsuit on Monday against Snapwell Labs.",
     "Tarrin Division of Consumer Protection"),
])
def test_entities_armies_and_divisions_of_a_state_are_bodies(nlp, text, name):
    _assert_class(nlp, text, name, "GovernmentBody")


@pytest.mark.parametrize("text, name", [
    # a name before the site of a resource its owner has is where the site is
    ("Velmar Mining said ore from its Koori Hill deposit would be processed at Whyton.", "Koori Hill"),
    ("Petrovane said a batch of pipes delivered to its Tarvo Norte offshore field had failed pressure tests.",
     "Tarvo Norte"),
    ("Kelvor Mining halted bauxite exports from its Tarvo concessions after the audit.", "Tarvo"),
])
def test_entities_a_name_before_a_resource_site_is_a_place(nlp, text, name):
    _assert_class(nlp, text, name, "Place")


@pytest.mark.parametrize("text, name", [
    # a line an owner has, or one that is sold or made, is the product's
    ("Obrana, an Eindhoven-based toolmaker, sells the Solari line to chip factories in Taiwan and Japan.", "Solari"),
    ("Korvane's drones compete with Velo's Agrix line, which dominates the Brazilian market.", "Agrix"),
])
def test_entities_an_owned_or_sold_line_is_a_product(nlp, text, name):
    _assert_class(nlp, text, name, "Product")


@pytest.mark.parametrize("text, name", [
    # a name opening with a word firms' names open with, or ending in a firm's word, is a firm's
    ("Gruppo Varenna, the owner of the Orsetti fashion house, has agreed to buy Calzados Berrocal.", "Gruppo Varenna"),
    ("Mar Azul Hoteles said on Wednesday that it would sell rooms through Tripfare.", "Mar Azul Hoteles"),
])
def test_entities_words_firms_names_open_or_end_with(nlp, text, name):
    _assert_class(nlp, text, name, "Company")


@pytest.mark.parametrize("text, name", [
    # what a stake or a takeover is of or in, or what a job only an organisation gives is of, is an
    # organisation, whatever person the NER took the name in full for
    ("Terranova picked up a 30% stake in Kenyan fertiliser blender Mavuno Inputs last year.", "Mavuno Inputs"),
    ("The regulator sued to block Clearpath Media's takeover of Quennel Ads, arguing it would push up prices.",
     "Quennel Ads"),
    ("Haruto Ishida, president of Tomikaze Kisen, said the alliance would not involve sharing terminals.",
     "Tomikaze Kisen"),
])
def test_entities_what_a_stake_takeover_or_firms_job_is_of_is_an_organisation(nlp, text, name):
    _assert_class(nlp, text, name, "Company")


@pytest.mark.parametrize("text, name", [
    # a name a firm makes or runs, read off the surface where the parser lost the agent
    ("Rival Falavo, developed by Recife startup Ilhota Apps, said new sign-ups jumped sixfold.", "Falavo"),
    ("It competes with Jelvo, a similar app run by Berlin's public transport operator Tramvia.", "Jelvo"),
])
def test_entities_a_name_a_firm_makes_or_runs_read_off_the_surface(nlp, text, name):
    _assert_class(nlp, text, name, "Product")


@pytest.mark.parametrize("text, name", [
    # a name right before a lower-case noun of a place, or ending in "Airport", is a place, whatever
    # organisation the NER took it for
    ("Loma Verde pumps 38,000 barrels of oil a day from wells in Redmarsh province.", "Redmarsh"),
    ("Serra Lita operates two mines in the Jequi Valley of Mesa Verde state.", "Mesa Verde"),
    ("Anatolian Wings flies from Redmarsh Airport in Istanbul to 96 destinations.", "Redmarsh Airport"),
])
def test_entities_a_name_before_a_place_noun_or_ending_in_airport_is_a_place(nlp, text, name):
    doc = _forced_an_organisation(nlp, text, name)
    assert {it["name"]: it["cls"] for it in doc._.kg_entity_data}.get(name) == "Place", doc._.kg_entity_data


@pytest.mark.parametrize("text, name", [
    # a state's department named by its field before the country, and a state's bank for exporters
    ("Health Norway has barred drug wholesalers from exporting medicines in bulk.", "Health Norway"),
    ("Gawler Metals has secured a loan from the Export-Import Bank of Keldria to build a plant.",
     "Export-Import Bank of Keldria"),
])
def test_entities_departments_named_by_their_field_and_export_banks_are_bodies(nlp, text, name):
    _assert_class(nlp, text, name, "GovernmentBody")


@pytest.mark.parametrize("text, name, cls", [
    # a supercomputer is a kind of product; a place after "in" is not what a clause the parser hung on it
    # says is run by someone
    ("Pellamy trained the model on Lumo, the Finnish supercomputer in Kajaani, which is run by Eurocompute.",
     "Lumo", "Product"),
    ("Pellamy trained the model on Lumo, the Finnish supercomputer in Kajaani, which is run by Eurocompute.",
     "Kajaani", "Place"),
])
def test_entities_a_supercomputer_and_the_place_it_is_in(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, name, cls", [
    # a kind of product that is also a job: the job where it is "at" or "to" someone, or after a
    # word of a job's field; a product otherwise
    ("Dana Whitcombe, an assistant at Orlan Bank, said the branch would close.", "Dana Whitcombe", "Person"),
    ("\"We were surprised,\" said Tom Baxter, a research assistant at Kelvor University.", "Tom Baxter", "Person"),
    ("Kelvor launched Kiri, its AI assistant, in Spain on Monday.", "Kiri", "Product"),
])
def test_entities_an_assistant_at_a_firm_is_a_person(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, first, last, name", [
    # tokenised text spaces the hyphen of a name: the words before it are the name's ...
    ("Kelvor - Orlan Software is a company based in Brisk.", 0, 4, "Kelvor - Orlan Software"),
    ("Tarn - Men Quest II is an action game made by Kelvor Software.", 0, 5, "Tarn - Men Quest II"),
    ("Marta Velde served on the management team of Kelvor - Dane Motors.", 8, 12, "Kelvor - Dane Motors"),
    # ... a dateline's are not: a city in capitals, or in its region, before the dash
    ("KYOTO - Tanabe Robotics said on Monday it would cut jobs.", 0, 4, "Tanabe Robotics"),
    ("AUSTIN, Texas - Hovera Drop said on Monday it would cut jobs.", 2, 6, "Hovera Drop"),
])
def test_entities_a_spaced_hyphen_joins_a_name_unless_it_ends_a_dateline(nlp, text, first, last, name):
    doc = _entities_forcing(nlp, text, lambda d: [(first, last, "ORG")])
    names = [doc[it["start"]:it["end"]].text for it in doc._.kg_entity_data]
    assert name in names, names


def test_entities_a_name_with_a_spaced_hyphen_takes_part_whole(nlp):
    _assert_reads(nlp, "Tarn - Men Quest II is an action game developed by Kelvor Software.",
                  {("Kelvor Software", "develops", "Tarn - Men Quest II")})


@pytest.mark.parametrize("text, name, cls", [
    # who is born somewhere, dies, grows up or marries is a person, whatever description comes before
    # the name ...
    ("American automaker Dana Crill was born in Halden.", "Dana Crill", "Person"),
    ("Veteran banker Teo Marsh died in Halden on Monday.", "Teo Marsh", "Person"),
    ("The museum honours Dana Crill, a director who grew up in Halden.", "Dana Crill", "Person"),
    # ... or whose birthplace the text names
    ("A grant for Teo Marsh's Ohio birthplace was cut.", "Teo Marsh", "Person"),
    # ... not a firm's story told with the same verbs
    ("Halden Motors was founded in Kelvor.", "Halden Motors", "Company"),
    ("Kelvor Motors was born out of a merger in 1990.", "Kelvor Motors", "Company"),
    ("Orlan Bank married design with engineering in its new branches.", "Orlan Bank", "Company"),
])
def test_entities_who_is_born_dies_or_grows_up_is_a_person(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, cls", [
    # a bracket after a name that opens with "born" (or has it after a semicolon) gives a person's birth,
    # whatever organisation the NER took the name for
    ("Tavi Orunga (born 3 May 1961) moved to Halden in 1990.", "Person"),
    ("Tavi Orunga (née Vesk; born 12 June 1970) won the Halden prize.", "Person"),
    # ... not a firm's founding
    ("Tavi Orunga (founded 1920) moved to Halden in 1990.", "Company"),
])
def test_entities_a_name_born_in_brackets_is_a_person(nlp, text, cls):
    doc = _entities_forcing(nlp, text, lambda doc: [(0, 2, "ORG")])
    assert _classes(doc).get("Tavi Orunga") == cls, _classes(doc)


@pytest.mark.parametrize("text, name, cls", [
    # a bracket after a name that holds the years of a life (a year, a dash, the end year) gives a person,
    # whatever trade is written after it ("an antique dealer" is said of firms too)
    ("Heinrich Velsberger (27 December 1841 - 29 May 1918) was a German antique dealer.", "Heinrich Velsberger",
     "Person"),
    ("Marta Ilvesson (March 4, 1851 – June 2, 1920) was a Swedish art dealer.", "Marta Ilvesson", "Person"),
    ("Heinrich Velsberger (1841 – 1918) was a German antique dealer.", "Heinrich Velsberger", "Person"),
    # ... not a firm's years, nor an alliance's
    ("Kelvor Motors (1902 – 1967) was a German carmaker.", "Kelvor Motors", "Company"),
    ("The War of the Quadruple Alliance (1717 – 1720) was a result of ambitions.", "Quadruple Alliance",
     "Organization"),
])
def test_entities_a_name_with_the_years_of_a_life_in_brackets_is_a_person(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, name, cls", [
    # a description after a job's object is the object's, where the parser hangs it on the person too
    ("The crew stayed behind, said Teo Marsh, editor of the Halden Times, a daily newspaper in Kelvor.",
     "Teo Marsh", "Person"),
    # ... not a firm's own description
    ("Orlan Media, a publisher in Kelvor, bought the Halden Times.", "Orlan Media", "Company"),
])
def test_entities_a_description_after_a_jobs_object_is_the_objects(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, name, cls, absent", [
    # a firm's named thing listed with other firms is one of them, the owner's unit, not its product
    ("The two companies compete with Halden Group's Nettel and with Vario Mobile.", "Nettel", "Company",
     ("Halden Group", "develops", "Nettel")),
    ("Reflexa's early backers, Lisbon fund Alfama Ventures and Kelvor's KV, will be paid in cash.", "KV", "Company",
     ("Kelvor", "develops", "KV")),
])
def test_entities_a_possessive_name_listed_with_firms_is_a_firm(nlp, text, name, cls, absent):
    doc = _rules_doc(nlp, text)
    assert _classes(doc).get(name) == cls, _classes(doc)
    assert absent not in _triples(doc), _triples(doc)


@pytest.mark.parametrize("text, owner, product", [
    # ... but listed with products, it stays the owner's product
    ("The NV-15 competes with Halden's HX 14 and Vario's V23.", "Halden", "HX 14"),
    ("Regulators cleared Orlan Bank and Kelvor Motors's Zefyr sedan.", "Kelvor Motors", "Zefyr"),
    # ... and so does a name with a model's number, listed with its rival firms
    ("Tarvo, whose Bison pickup goes on sale next year, competes with Orvana Motors and Kelvor's K-150 Lightning "
     "in the truck segment.", "Kelvor", "K-150 Lightning"),
])
def test_entities_a_possessive_name_listed_with_products_stays_a_product(nlp, text, owner, product):
    _assert_reads(nlp, text, {(owner, "develops", product)})


@pytest.mark.parametrize("text, expected, absent", [
    # a body's possessive on a body inside it, which the NER ran into one name, is two names
    ("The Orlan Treasury Department's Office of Asset Control fined Kelvor.",
     {("Office of Asset Control", "subsidiaryOf", "Orlan Treasury Department")}, set()),
    ("The Halden Ministry's Directorate of Fisheries fined Kelvor.",
     {("Directorate of Fisheries", "subsidiaryOf", "Halden Ministry")}, set()),
])
def test_entities_a_bodys_possessive_on_a_body_splits_the_name(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_entities_the_gazetteer_joins_no_city_to_its_region_written_out(nlp):
    # "based in San Jose, California" is two places, the city and the region it lies in (the settled
    # annotation): no gazetteer name or alias may join them into one, which would hide both; a state's
    # abbreviation ("New York, N.Y.") is still one name, as the wire writes it
    from kg.ontology import load_ontology

    joined = [form for e in load_ontology().gazetteer if e.cls == "Place" for form in (e.name, *e.aliases)
              if ", " in form and not form.endswith(".")]
    assert not joined, joined


@pytest.mark.parametrize("text, name, cls", [
    # a name after "at", "outside" or "in", then "in" a part of a country or its neighbour, is a place's,
    # whatever label the NER gave it
    ("Velcor assembles vans at Kerrow in southern Hungary.", "Kerrow", "Place"),
    ("Kelvra will build a plant outside Sandmoor in northern Morocco.", "Sandmoor", "Place"),
    ("Orlan said it would look instead at Tamsin in neighbouring Malaysia.", "Tamsin", "Place"),
    # (not a firm's name: "Kelvor Systems" ends in a firm's head word)
    ("Ana Ruiz works at Kelvor Systems in southern Spain.", "Kelvor Systems", "Company"),
])
def test_entities_a_name_in_a_part_of_a_country_is_a_place(nlp, text, name, cls):
    # (the names forced to organisations, as the NER takes some short place names)
    doc = _entities_forcing(nlp, text, lambda doc: [(t.i, t.i + 1 + (name.count(" ")), "ORG") for t in doc
                                                    if t.text == name.split()[0]])
    assert _classes(doc).get(name) == cls, _classes(doc)


@pytest.mark.parametrize("text, name, linked", [
    # a known place set in another region or country is another place of that name: no id of the known one
    ("Kelvor Foods is based in Paris, Texas.", "Paris", ""),
    ("Orlan Bank opened an office in Cambridge, Massachusetts, last year.", "Cambridge", ""),
    # ... in its own region or country, or alone, it keeps its id
    ("Kelvor Foods is based in Paris, France.", "Paris", "Q90"),
    ("Velda Labs has a site in Cambridge, England.", "Cambridge", "Q350"),
    ("Velda Labs has a site in Seattle, Washington.", "Seattle", "Q5083"),
])
def test_entities_a_known_place_set_elsewhere_keeps_no_wikidata_id(nlp, text, name, linked):
    doc = nlp(text)
    ids = {it["wikidata"] for it in doc._.kg_entity_data if it["name"] == name}
    assert ids == {linked}, doc._.kg_entity_data


@pytest.mark.parametrize("text, absent", [
    # a demonym after a world region's opener ("Latin American", "North African") names the region, no country
    ("Kelvor Foods ran the Latin American business of Orlan Foods.", "United States"),
    ("Kelvor Foods sells its vans in North African markets.", "South Africa"),
])
def test_entities_a_region_opener_before_a_demonym_makes_no_country(nlp, text, absent):
    doc = _rules_doc(nlp, text)
    assert absent not in {it["name"] for it in doc._.kg_entity_data}, doc._.kg_entity_data


@pytest.mark.parametrize("text, tags, heads, deps, ents, triple", [
    # the parser took the kind for a verb and hung "whose" on the name as a subject
    ("Shares of rival Tallis Medical, whose PulseDose pump competes directly with the Vitra, rose 6%.",
     ["NNS", "IN", "JJ", "NNP", "NNPS", ",", "WP$", "NNP", "VBP", "VBZ", "RB", "IN", "DT", "NNP", ",", "VBD", "CD",
      "NN", "."],
     [15, 0, 4, 4, 1, 4, 7, 8, 9, 4, 9, 9, 13, 11, 4, 15, 17, 15, 15],
     ["nsubj", "prep", "amod", "compound", "pobj", "punct", "poss", "nsubj", "compound", "appos", "advmod", "prep",
      "det", "pobj", "punct", "ROOT", "nummod", "npadvmod", "punct"],
     ["O", "O", "O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "O", "O", "O", "O", "O", "B-ORG", "O", "O", "B-PERCENT",
      "I-PERCENT", "O"],
     ("Tallis Medical", "develops", "PulseDose")),
    # a name the NER took for a people's, between "its" and the kind
    ("Kestova sold 300 of its Skylark reconnaissance drones to the navy.",
     ["NNP", "VBD", "CD", "IN", "PRP$", "NNP", "NN", "NNS", "IN", "DT", "NN", "."],
     [1, 1, 1, 2, 7, 7, 7, 3, 1, 10, 8, 1],
     ["nsubj", "ROOT", "dobj", "prep", "poss", "compound", "compound", "pobj", "dative", "det", "pobj", "punct"],
     ["B-ORG", "O", "B-CARDINAL", "O", "O", "B-NORP", "O", "O", "O", "O", "O", "O"],
     ("Kestova", "develops", "Skylark")),
    # ... or missed, after an owner's kind of product
    ("The regulator said Tovar Pharma's heart drug Renavix failed a trial in 2023.",
     ["DT", "NN", "VBD", "NNP", "NNP", "POS", "NN", "NN", "NNP", "VBD", "DT", "NN", "IN", "CD", "."],
     [1, 2, 2, 4, 7, 4, 7, 9, 7, 2, 11, 9, 9, 12, 2],
     ["det", "nsubj", "ROOT", "compound", "poss", "case", "compound", "nsubj", "appos", "ccomp", "det", "dobj",
      "prep", "pobj", "punct"],
     ["O", "O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O", "O", "O", "O", "O", "B-DATE", "O"],
     ("Tovar Pharma", "develops", "Renavix")),
])
def test_entities_an_owners_product_read_off_the_words(nlp, text, tags, heads, deps, ents, triple):
    # a possessive, the name and the kind of product it is (or the kind, then the name) is the owner's
    # product, however the small model parsed the phrase or labelled the name
    found = _parsed_triples(nlp, text, tags, heads, deps, ents)
    assert triple in found, found


@pytest.mark.parametrize("text, name", [
    ("Abu Dhabi's Kestrel AI signs cloud deal with Oracle", "Kestrel AI"),  # a verb, then a kind
    ("Turkey's Marmara Telekom bundles Netflix to stem losses", "Marmara Telekom"),  # a kind before its object
])
def test_entities_an_owners_firm_before_a_verb_stays_a_firm(nlp, text, name):
    _assert_class(nlp, text, name, "Company")


@pytest.mark.parametrize("text, triple", [
    # lexicon product_nouns: crops, foods and drinks sold under a name
    ("Farmers planted Velgra's Terra RR5 soybeans across the state.", ("Velgra", "develops", "Terra RR5")),
    ("Viva Foods sells its own Dorado Fizz drinks in every outlet.", ("Viva Foods", "offers", "Dorado Fizz")),
    ("The ban does not cover the company's Ruby Pearl basmati, which Kerala Mills sells in Oman.",
     ("Kerala Mills", "offers", "Ruby Pearl")),
    # lexicon product_phrases: plans one buys
    ("The retailer will offer Pagolo's Cuotas Max instalment plan in its stores.", ("Pagolo", "develops", "Cuotas Max")),
    ("Halden Life's Bao An health plan will be sold through the bank's app.", ("Halden Life", "develops", "Bao An")),
])
def test_entities_an_owners_crop_food_or_plan_is_a_product(nlp, text, triple):
    _assert_typed_and_reads(nlp, text, triple[2], "Product", triple)


@pytest.mark.parametrize("text, name, triple", [
    # an owner's kind of product apposed to the name, though "brand" names firms too
    ("Pohutu recalled the affected batches last week and said its other brand, Kiddlo, was safe.", "Kiddlo",
     ("Pohutu", "develops", "Kiddlo")),
    # what a named organisation runs or makes, though a rival and a service are said of firms too
    ("Etsy said its fees remain below those of rival Velmart Crafts, a service Velmart runs for artisans.",
     "Velmart Crafts", ("Velmart", "offers", "Velmart Crafts")),
    ("Local rival Beatwala, made by Pune startup Tabla Labs, said downloads doubled within hours.", "Beatwala",
     ("Tabla Labs", "develops", "Beatwala")),
])
def test_entities_an_owned_or_run_product_described_as_firms_are_is_a_product(nlp, text, name, triple):
    _assert_typed_and_reads(nlp, text, name, "Product", triple)


def test_entities_a_name_with_an_owners_kind_after_its_comma_the_parser_made_an_attribute(nlp):
    # "customers of X, its software for ...": the parser made the kind a second attribute of "become"; the
    # owner's kind after the comma says what X is, as "a" or "an" would
    text = ("Tamar Cyber said on Sunday that Harel Bank and Kesef Trust had become customers of Tamar Shield , its "
            "software for spotting forged invoices .")
    found = _parsed_entities_of(
        nlp, text,
        ["NNP", "NNP", "VBD", "IN", "NNP", "IN", "NNP", "NNP", "CC", "NNP", "NNP", "VBD", "VBN", "NNS", "IN", "NNP",
         "NNP", ",", "PRP$", "NN", "IN", "VBG", "VBN", "NNS", "."],
        [1, 2, 2, 2, 3, 12, 7, 12, 7, 10, 7, 12, 2, 12, 13, 16, 14, 16, 19, 12, 19, 20, 23, 21, 2],
        ["compound", "nsubj", "ROOT", "prep", "pobj", "mark", "compound", "nsubj", "cc", "compound", "conj", "aux",
         "ccomp", "attr", "prep", "compound", "pobj", "punct", "poss", "attr", "prep", "pcomp", "amod", "dobj",
         "punct"],
        ["B-ORG", "I-ORG", "O", "O", "B-DATE", "O", "B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "O", "O", "O", "O",
         "B-ORG", "I-ORG", "O", "O", "O", "O", "O", "O", "O", "O"])
    assert ("Tamar Shield", "Product") in found, found


@pytest.mark.parametrize("text, expected, absent", [
    # a model's code the NER left out of the name, or cut ("5" "T" written as one word)
    ("Delmont said the rules would affect its Luxor NXT:2200i scanner.", ("Delmont", "develops", "Luxor NXT:2200i"),
     ("Delmont", "develops", "Luxor")),
    ("That has shut Korvana's top-end Meridia 5T scanner out of many contracts.", ("Korvana", "develops", "Meridia 5T"),
     ("Korvana", "develops", "Meridia 5")),
])
def test_entities_a_products_name_ends_on_its_models_code(nlp, text, expected, absent):
    _assert_reads(nlp, text, {expected}, {absent})


def test_entities_an_amount_after_a_products_name_is_no_models_number(nlp):
    # ("fined ... Pronto 3.1 million pesos": an amount)
    assert "Pronto 3.1" not in _classes(_rules_doc(nlp, "The regulator fined ride-hailing app Pronto 3.1 million pesos "
                                                        "on Monday."))


@pytest.mark.parametrize("text, tags, heads, deps, ents, triple", [
    # a word of a product's name the NER left out ("Go", lexicon product_name_words)
    ("Vantis, whose Vantis Go app has 3 million users, held talks with Orbank.",
     ["NNP", ",", "WP$", "NNP", "NNP", "NN", "VBZ", "CD", "CD", "NNS", ",", "VBD", "NNS", "IN", "NNP", "."],
     [11, 0, 5, 5, 5, 6, 0, 8, 9, 6, 0, 11, 11, 12, 13, 11],
     ["nsubj", "punct", "poss", "compound", "compound", "nsubj", "relcl", "compound", "nummod", "dobj", "punct",
      "ROOT", "dobj", "prep", "pobj", "punct"],
     ["B-ORG", "O", "O", "B-PRODUCT", "O", "O", "O", "B-CARDINAL", "I-CARDINAL", "O", "O", "O", "O", "O", "B-ORG",
      "O"],
     ("Vantis", "develops", "Vantis Go")),
])
def test_entities_a_products_name_the_ner_cut_before_its_kind(nlp, text, tags, heads, deps, ents, triple):
    found = _parsed_triples(nlp, text, tags, heads, deps, ents)
    assert triple in found, found


def test_entities_a_products_name_the_ner_missed_between_the_and_its_kind(nlp):
    found = _parsed_entities_of(
        nlp, "Zephrane , the British lab behind the Rookery chatbot , has hired Ravi Menon .",
        ["NNP", ",", "DT", "JJ", "NN", "IN", "DT", "NNP", "NN", ",", "VBZ", "VBN", "NNP", "NNP", "."],
        [11, 0, 4, 4, 0, 4, 8, 8, 5, 0, 11, 11, 13, 11, 11],
        ["nsubj", "punct", "det", "amod", "appos", "prep", "det", "compound", "pobj", "punct", "aux", "ROOT",
         "compound", "dobj", "punct"],
        ["B-ORG", "O", "O", "B-NORP", "O", "O", "O", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"])
    assert ("Rookery", "Product") in found, found


def test_entities_a_product_code_the_ner_took_for_a_number(nlp):
    _assert_typed_and_reads(nlp, "Chipmaker Voltrix said it would supply its VX-4100 silicon-carbide power chips "
                                 "to Hyundai Mobis.", "VX-4100", "Product", ("Voltrix", "develops", "VX-4100"))


@pytest.mark.parametrize("text, name, cls", [
    # what one is an investor, backer or shareholder in or of, or invests money in, is an organisation,
    # whatever place the NER took the lone name for
    ("Tencent, an investor in Qinglu, gives it access to its users.", "Qinglu", "Company"),
    ("Halvern Capital invested $4 million in Zunari last year.", "Zunari", "Company"),
    ("Orsk Partners, a backer of Quenby, said the deal would close in May.", "Quenby", "Company"),
    # not a place the gazetteer knows
    ("Halvern Capital invested $4 million in Lagos last year.", "Lagos", "Place"),
])
def test_entities_what_is_invested_in_is_an_organisation(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, name, cls", [
    # what a venture or a consortium is "of" or "between" is an organisation, whatever place or person the
    # NER took the name for
    ("Trevo is a joint venture of Orsk and Kelvor Sarto.", "Kelvor Sarto", "Company"),
    ("Trevo Metals, a venture between Orsk and Dunmere Stainless, opened a smelter.", "Dunmere Stainless",
     "Company"),
])
def test_entities_a_ventures_members_are_organisations(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


def test_entities_a_town_after_of_ends_a_firms_name(nlp):
    # "Tarvane Acoustics of Pellmouth": a firm's name, "of" and one word the gazetteer does not know, which
    # the NER ran into one name, is the firm and the town it is in (not "the Bank of Korea")
    words = ["Cengal", "buys", "sonar", "systems", "from", "Tarvane", "Acoustics", "of", "Pellmouth", "."]
    tags = ["NNP", "VBZ", "NN", "NNS", "IN", "NNP", "NNP", "IN", "NNP", "."]
    ents = ["B-ORG", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]
    found = _entities_of(nlp, words, tags, ents)
    assert ("Tarvane Acoustics", "Company") in found and ("Pellmouth", "Place") in found, found


@pytest.mark.parametrize("words, ents, name", [
    # a place's name ends before the lower-case kind of place the NER ran into it ("in Tarvesh state")
    (["Kelvor", "opened", "a", "plant", "in", "Tarvesh", "state", "."], ["B-ORG", "O", "O", "O", "O", "B-GPE", "I-GPE", "O"],
     "Tarvesh"),
    (["Kelvor", "opened", "a", "plant", "in", "Ombara", "prefecture", "."],
     ["B-ORG", "O", "O", "O", "O", "B-GPE", "I-GPE", "O"], "Ombara"),
    # (and so does a gazetteer name written with one, "Washington state")
    (["Kelvor", "sells", "insurance", "in", "Washington", "state", "."], ["B-ORG", "O", "O", "O", "O", "O", "O"],
     "Washington"),
])
def test_entities_a_place_name_ends_before_its_kind_of_place(nlp, words, ents, name):
    tags = ["NNP", "VBD", "DT", "NN", "IN", "NNP", "NN", "."] if len(words) == 8 else ["NNP", "VBZ", "NN", "IN", "NNP", "NN", "."]
    assert (name, "Place") in _entities_of(nlp, words, tags, ents)


def test_entities_a_name_before_a_division_that_ends_the_phrase_is_a_place(nlp):
    # "the Halden Valley of Orvesa state.": the parser hangs "state" on "of" beside the name, which the NER
    # took for an organisation's; the kind of place after it still makes it a place
    words = ["Mines", "lie", "in", "the", "Halden", "Valley", "of", "Orvesa", "state", "."]
    tags = ["NNS", "VBP", "IN", "DT", "NNP", "NNP", "IN", "NNP", "NN", "."]
    heads = [1, 1, 1, 5, 5, 2, 5, 6, 6, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "compound", "pobj", "prep", "pobj", "pobj", "punct"]
    ents = ["O", "O", "O", "O", "B-GPE", "I-GPE", "O", "B-ORG", "O", "O"]
    assert ("Orvesa", "Place") in _parsed_entities_of(nlp, " ".join(words), tags, heads, deps, ents)


@pytest.mark.parametrize("text", [
    # a text that ends on a kind of product with no full stop after it (a headline, a title): the words
    # after a possible product name are read up to the last token, not past it
    "Veltria outlaws Kelvor gear in 5G core networks",
    "Orlan sells 40 units of its 5G core networks",
])
def test_entities_a_text_ending_on_a_kind_of_product_reads_without_error(nlp, text):
    from kg.entities import ERROR_KEY

    doc = nlp(text)
    assert ERROR_KEY not in doc.user_data, doc.user_data.get(ERROR_KEY)
    assert any(span.text == "Kelvor" or span.text == "Orlan" for span in doc.spans["kg_entities"])


@pytest.mark.parametrize("text, name, triple", [
    # a drug's lower-case nonproprietary name with an owner's possessive is a product (lexicon drug_name_stems)
    ("If approved, the pill would go up against Kelvor's zantoglipron and Marlin's Wegovy.", "zantoglipron",
     ("Kelvor", "develops", "zantoglipron")),
    ("The drug works on the same protein as Kelvor Therapeutics' oravecimab, which was developed by Tessa Bio.",
     "oravecimab", ("Tessa Bio", "develops", "oravecimab")),
])
def test_entities_a_drugs_lower_case_name_with_an_owner(nlp, text, name, triple):
    _assert_typed_and_reads(nlp, text, name, "Product", triple)


def test_entities_a_drugs_substance_alone_is_no_product(nlp):
    # (no owner: the substance a product is a version of)
    assert "dapagliflozin" not in _classes(_rules_doc(nlp, "Kelvor cleared Glimora XR, its version of dapagliflozin."))


@pytest.mark.parametrize("text, name, absent", [
    # a port is a place, whoever runs it (lexicon place_heads), not a product the operator offers
    ("Halden Port is run by Kelvor Terminals, which plans to deepen its channel.", "Halden Port",
     ("Kelvor Terminals", "offers", "Halden Port")),
    ("Kelvor Bulk, which runs the Tarvo Port grain terminal in Gdansk, gave traders access to its berths.",
     "Tarvo Port", ("Kelvor Bulk", "offers", "Tarvo Port")),
])
def test_entities_a_port_one_runs_is_a_place(nlp, text, name, absent):
    doc = _rules_doc(nlp, text)
    assert _classes(doc).get(name) == "Place", _classes(doc)
    assert absent not in _triples(doc), _triples(doc)


@pytest.mark.parametrize("text, name, absent", [
    # a bridge, a tower or a dam one builds is a place (lexicon run_site_heads), not a product one makes
    ("Kelvor Construction built the Selby Bridge in 1932.", "Selby Bridge",
     ("Kelvor Construction", "develops", "Selby Bridge")),
    ("Marwick Holdings built the Torvane Tower, a 40-storey office block in Leeds.", "Torvane Tower",
     ("Marwick Holdings", "develops", "Torvane Tower")),
    ("The Kelvor Company expanded its trade on the frontier, building Fort Halden on the river.", "Fort Halden",
     ("Kelvor Company", "develops", "Fort Halden")),
])
def test_entities_a_structure_one_builds_is_a_place(nlp, text, name, absent):
    doc = _rules_doc(nlp, text)
    assert _classes(doc).get(name) == "Place", _classes(doc)
    assert absent not in _triples(doc), _triples(doc)


def test_entities_a_port_head_alone_opens_one_name(nlp):
    # (a place head alone, "Port" in "Port of Spain", is no region "of" a place)
    doc = _rules_doc(nlp, "Kelvor, a Port of Spain-based producer, won the block.")
    assert ("Port", "locatedIn", "Spain") not in _triples(doc), _triples(doc)


@pytest.mark.parametrize("text, name, triple", [
    # "the farming hit/VBD Hollow Acre": a kind of product the tagger took for a verb, after "the" and a
    # lower-case word, names a product, which the maker it is "of" develops
    ("Tallis Games, the developer of the farming hit Quiet Meadow, sued Orvane Interactive on Friday.",
     "Quiet Meadow", ("Tallis Games", "develops", "Quiet Meadow")),
    ("Kessel Studios, the developer of the survival hit Frost Hollow, has delayed its next title.",
     "Frost Hollow", ("Kessel Studios", "develops", "Frost Hollow")),
    # a puzzler is a kind of game
    ("Vantor Media agreed to buy Pell Games, the Oslo studio behind the mobile puzzler Brightfall.",
     "Brightfall", ("Pell Games", "develops", "Brightfall")),
])
def test_entities_a_kind_of_product_the_tagger_took_for_a_verb(nlp, text, name, triple):
    _assert_typed_and_reads(nlp, text, name, "Product", triple)


def test_entities_a_verb_after_its_subject_names_no_product(nlp):
    # (where the noun before it is its subject, "hit" is a verb: the name it hits is no product)
    doc = _rules_doc(nlp, "The farming regulator hit Vantor Games with a fine on Monday.")
    assert _classes(doc).get("Vantor Games") != "Product", _classes(doc)


@pytest.mark.parametrize("text, name, label, cls", [
    # a name after a preposition only places follow, whatever firm or product the NER took it for
    ("Brenvik Software sells its accounting tools to small firms across the Kestrels.", "Kestrels", "ORG", "Place"),
    ("Tamsin Bank lends to farmers through its 120 branches across the Orvalles.", "Orvalles", "PRODUCT", "Place"),
    ("Marlowe Energy is building a solar farm near Tarrowby, the company said.", "Tarrowby", "ORG", "Place"),
    # or after "in" on a word that says where
    ("Halvern Foods opened a cold-storage depot in Ostrevik last month.", "Ostrevik", "ORG", "Place"),
    ("\"The bus takes an hour,\" said Ana Ruiz, a baker who lives in Villamora.", "Villamora", "ORG", "Place"),
    # not what one holds a stake in, invests in or reads a story in, nor a name that acts as a firm
    ("Halvern bought a 20% stake in Ostrevik last year.", "Ostrevik", "ORG", "Company"),
    ("Veltro invested $40 million in Tarrowby last year.", "Tarrowby", "ORG", "Company"),
    ("Shares in Tarrowby fell 4% on Monday.", "Tarrowby", "ORG", "Company"),
    ("Veltro opened a depot in Ostrevik. Ostrevik acquired Halvern in May.", "Ostrevik", "ORG", "Company"),
])
def test_entities_a_name_where_only_a_place_stands_is_a_place(nlp, text, name, label, cls):
    doc = _entities_forcing(nlp, text, lambda doc: [(t.i, t.i + 1, label) for t in doc if t.text == name])
    classes = {doc[it["start"]:it["end"]].text: it["cls"] for it in doc._.kg_entity_data}
    assert classes.get(name) == cls, classes


@pytest.mark.parametrize("text, name, cls", [
    # a name the NER took for a place, right before the noun of a site, is where the site is
    ("The first ships will be built at the Tarvik shipyard near Perth.", "Tarvik", "Place"),
    ("Orlan Ports gave Kelvor Lines a berth at its new Kelbay terminal.", "Kelbay", "Place"),
    ("Casa Morada bottles its tequila at its Ostrevo distillery.", "Ostrevo", "Place"),
    ("Halvern Energy will build a plant in the Duvra special economic zone.", "Duvra", "Place"),
    # not a firm whose other mention is one's (the NER's organisation there)
    ("Jets are parked at Quorvel plant. Quorvel chief executive Ines Dahl said the jets would fly.", "Quorvel", "Company"),
])
def test_entities_a_place_name_before_a_site_is_the_sites_place(nlp, text, name, cls):
    doc = _entities_forcing(nlp, text, lambda doc: [
        (t.i, t.i + 1, "GPE" if t.i == min(u.i for u in doc if u.text == name) else "ORG") for t in doc if t.text == name])
    classes = {doc[it["start"]:it["end"]].text: it["cls"] for it in doc._.kg_entity_data}
    assert classes.get(name) == cls, classes


@pytest.mark.parametrize("text, name, cls", [
    # a name before the noun of a site that a subject runs or builds names the site by its place, whatever
    # firm the NER took it for
    ("Orlan Mining, which operates the Kelvor and Brisk copper mines, said output rose.", "Kelvor", "Place"),
    ("Tarvo Energia, which is building the Halden Ridge wind farm, ordered 40 towers.", "Halden Ridge", "Place"),
    ("Nordby Bulk runs the Ostrevik grain terminal in Gdansk.", "Ostrevik", "Place"),
    # not a name right before the noun, which may be the owner's
    ("Harlow Steel operates the Kelvor mill.", "Kelvor", "Company"),
])
def test_entities_a_name_of_a_site_someone_runs_is_its_place(nlp, text, name, cls):
    def forced(doc):
        words = name.split()
        return [(t.i, t.i + len(words), "ORG") for t in doc
                if [u.text for u in doc[t.i:t.i + len(words)]] == words]
    doc = _entities_forcing(nlp, text, forced)
    classes = {doc[it["start"]:it["end"]].text: it["cls"] for it in doc._.kg_entity_data}
    assert classes.get(name) == cls, classes


@pytest.mark.parametrize("text, name, cls", [
    # whom the text speaks of as "he" or "she" is a person, whatever job written with the name (one firms are
    # called by too) or organisation the NER took it for ...
    ("Tamsin Orrell, a grocer in Halden, said she had raised her prices.", "Tamsin Orrell", "Person"),
    ("Ondine Marsk, a coffee importer in Pellmouth, said she expected prices to rise.", "Ondine Marsk", "Person"),
    ("Corvin Abate, a timber trader in Halden, told reporters he had cut his orders.", "Corvin Abate", "Person"),
    # (or of a verb joined to the name's, with no subject of its own)
    ("Orvane had resigned on Monday and told staff she would stay on as an adviser.", "Orvane", "Person"),
    # ... not a firm the text names in full, which another says "he" of
    ("Kelvor Logistics lost the contract. Kelvor said he would stay on.", "Kelvor", "Company"),
])
def test_entities_whom_the_text_calls_he_or_she_is_a_person(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, name, cls", [
    # a name in full the NER took for a person's that opens with the first word of a firm the text names is
    # a firm of the same family ...
    ("Velmar Paints has sued its partner. Velmar Ostrava Polska makes car coatings for Skoda at plants in Brno.",
     "Velmar Ostrava Polska", "Company"),
    # ... not one the text calls a person
    ("Velmar Paints has sued its partner. Velmar Ostrava, who lives in Brno, founded it in 1990.", "Velmar Ostrava",
     "Person"),
])
def test_entities_a_name_opening_with_a_firms_first_word_is_of_its_family(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, name, label", [
    # a name in full whose last word a person named in full in the same sentence bears is a kin's, whatever
    # organisation or place the NER took it for
    ("Kelvor, founded and still run by sisters Marta Quenby and Ilse Quenby, sells its cheese in Spain.",
     "Marta Quenby", "ORG"),
    ("Tarvik's founders, brothers Aart van Hessel and Joost van Hessel, will keep a 15% stake.",
     "Joost van Hessel", "GPE"),
])
def test_entities_a_name_sharing_a_family_name_with_a_person_is_a_kins(nlp, text, name, label):
    def forced(doc):
        start = text.index(name)
        span = doc.char_span(start, start + len(name))
        return [(span.start, span.end, label)]
    assert _classes(_entities_forcing(nlp, text, forced)).get(name) == "Person"


@pytest.mark.parametrize("text, name", [
    # a sentence's full stop after a name's last capital that follows a lower-case letter or "&" is no part
    # of the name's span ...
    ("Orlan Foods sold its stake in Velto to Brisk SpA.", "Brisk SpA"),
    ("Kelvor signed a launch contract with NovaX.", "NovaX"),
])
def test_entities_a_sentences_period_after_a_names_last_capital_is_split_off(nlp, text, name):
    doc = _rules_doc(nlp, text)
    spans = [doc[it["start"]:it["end"]].text for it in doc._.kg_entity_data if it["via"] != "coref"]
    assert name in spans and name + "." not in spans, spans


def test_entities_abbreviations_keep_their_periods(nlp):
    # ... while abbreviations keep theirs
    words = [t.text for t in nlp.tokenizer("Orlan sold Vela Corp. to a U.S. fund and Brisk S.A. bought Tamsin Inc.")]
    assert {"Corp.", "U.S.", "S.A.", "Inc."} <= set(words), words


@pytest.mark.parametrize("text, triple", [
    # a word of a product's name the NER left out ("Go", "Now", lexicon product_name_words) after a firm's
    # name the text writes alone too, inside a noun phrase an article or a possessive opens
    ("The regulator fined Quillo on Friday. Quillo, a Leeds lender that offers the Quillo Now credit line, "
     "must stop.", ("Quillo", "offers", "Quillo Now")),
])
def test_entities_a_product_word_after_a_firms_name_before_a_kind(nlp, text, triple):
    _assert_reads(nlp, text, {triple})


@pytest.mark.parametrize("text, name, triple", [
    # a sentence opening in lower case with its subject opens with a name written so, found again elsewhere
    ("Borrani Farms supplies green beans to lumacaffè in Milan. lumacaffè said it had stopped buying from "
     "Borrani Farms.", "lumacaffè", ("Borrani Farms", "suppliesTo", "lumacaffè")),
])
def test_entities_a_lower_case_word_opening_a_sentence_as_its_subject_is_a_name(nlp, text, name, triple):
    doc = _rules_doc(nlp, text)
    assert _classes(doc).get(name) == "Company" and triple in _triples(doc), _triples(doc)


def test_entities_a_lower_case_english_word_opening_a_sentence_is_no_name(nlp):
    assert _classes(_rules_doc(nlp, "the company said it would appeal. shares of Vela fell.")).get("shares") is None


def test_entities_a_capital_letter_ending_a_paragraph_keeps_no_full_stop(nlp):
    # "... a unit of Peru's Kestrel A." at a paragraph's end: the full stop ends the sentence, not the name
    # (an initial ends no paragraph: "John F. Kennedy" stays as it is)
    doc = _rules_doc(nlp, "Vela Air competes with Orlan Air, a unit of Peru's Kestrel A.\n\nJohn F. Kennedy "
                          "flew with Vela Air.")
    spans = [doc[it["start"]:it["end"]].text for it in doc._.kg_entity_data if it["via"] != "coref"]
    assert "Kestrel A" in spans and "John F. Kennedy" in spans, spans


@pytest.mark.parametrize("text, name", [
    ("Judge Tessa Lund of the 9th U.S. Circuit Court of Appeals wrote the ruling on Friday.",
     "9th U.S. Circuit Court of Appeals"),
    ("The 4th Regional Court of Sao Paulo on Monday fined Vexo Labs.", "4th Regional Court of Sao Paulo"),
])
def test_entities_an_ordinal_in_figures_opens_a_bodys_name_around_a_known_place(nlp, text, name):
    # the ordinal is the court's name's first word, not a lower-case word around a country or a city the
    # gazetteer knows, which would leave the place alone ("U.S.") and lose the court
    def forced(doc):
        first = next(t.i for t in doc if t.text == name.split()[0])
        return [(first, first + len(nlp.make_doc(name)), "ORG")]

    doc = _entities_forcing(nlp, text, forced)
    assert name in {doc[it["start"]:it["end"]].text for it in doc._.kg_entity_data}, _classes(doc)


@pytest.mark.parametrize("text, field, kept", [
    # an office's field written before its title and a person's name is no organisation's name ...
    ("Fish and Wildlife Commissioner Tessa Lund said the permits were late.", "Fish and Wildlife", set()),
    ("Norwegian Energy Minister Tessa Lund spoke on Monday.", "Norwegian Energy", {"Norwegian"}),
    # ... a body's name before the title is (and so is a firm's that is no English words)
    ("Kelvor Authority Commissioner Tessa Lund spoke on Monday.", "Kelvor Authority", {"Kelvor Authority"}),
])
def test_entities_an_offices_field_before_its_title_and_a_name_is_no_organisation(nlp, text, field, kept):
    def forced(doc):
        n = len(nlp.make_doc(field))
        return [(0, n, "ORG"), (n + 1, n + 3, "PERSON")]

    doc = _entities_forcing(nlp, text, forced)
    names = {doc[it["start"]:it["end"]].text for it in doc._.kg_entity_data}
    assert names - {"Tessa Lund"} == kept, names


@pytest.mark.parametrize("text, field", [
    # a capitalised English noun opening a sentence before a lower-case title and a name is the person's
    # field or trade, not a firm's name, whatever the NER took it for ...
    ("Vessa makes kettles. Club president Tessa Lund said the stadium was full.", "Club"),
    ("Vessa makes kettles. Group finance director Tessa Lund said sales rose.", "Group"),
    ("Vessa makes kettles. Pottery maker Tessa Lund said she pays Vessa a fee.", "Pottery"),
    ("Vessa makes kettles. Harbours minister Tessa Lund said the port would reopen.", "Harbours"),
])
def test_entities_a_field_word_opening_a_sentence_before_a_title_is_no_firm(nlp, text, field):
    def forced(doc):
        first = next(t.i for t in doc if t.text == field)
        person = next(t.i for t in doc if t.text == "Tessa")
        return [(first, first + 1, "ORG"), (person, person + 2, "PERSON")]

    doc = _entities_forcing(nlp, text, forced)
    names = {doc[it["start"]:it["end"]].text for it in doc._.kg_entity_data}
    assert field not in names and "Tessa Lund" in names, names


@pytest.mark.parametrize("text, forced_spans", [
    # ... but a name the text writes away from a sentence's start too is the firm's ...
    ("Shares in Orchard rose. Orchard chief executive Tessa Lund said sales rose.", [(2, 3), (5, 6), (8, 10)]),
    # ... and so is the name before a spokesman's title, who speaks for an organisation
    ("Orchard spokeswoman Tessa Lund said the line was closed.", [(0, 1), (2, 4)]),
])
def test_entities_a_firm_written_again_or_before_a_spokesman_keeps_its_name(nlp, text, forced_spans):
    def forced(doc):
        return [(a, b, "PERSON" if doc[a].text == "Tessa" else "ORG") for a, b in forced_spans]

    doc = _entities_forcing(nlp, text, forced)
    a, b = forced_spans[-2]
    assert any(it["start"] == a and it["end"] == b for it in doc._.kg_entity_data), _classes(doc)


def test_entities_the_short_form_of_a_firm_the_ner_once_took_for_an_organisation(nlp):
    # the short form of a firm's full name, which the NER took for a place twice and for an organisation
    # once, is the firm, though one mention stands where a place can ("rent servers to Corvessa")
    text = ("Corvessa Labs has formed a venture with Brindle Capital. Corvessa will own half of the venture, and "
            "the venture will rent servers to Corvessa. \"We are staying here,\" Corvessa president Ana Ruiz said.")

    def forced(doc):
        spans = [t.i for t in doc if t.text == "Corvessa" and doc[t.i + 1].text != "Labs"]
        return [(i, i + 1, "ORG" if k == 0 else "GPE") for k, i in enumerate(spans)]

    doc = _entities_forcing(nlp, text, forced)
    classes = {(it["start"], it["cls"]) for it in doc._.kg_entity_data if doc[it["start"]].text == "Corvessa"
               and doc[it["start"] + 1].text != "Labs"}
    assert {cls for _, cls in classes} == {"Company"}, classes


@pytest.mark.parametrize("text, name, triple", [
    # a name apposed to a copy of a kind of product is the copy, a product (of its maker)
    ("India has capped the price of Corvalex, a copy of a breast cancer antibody made by Mysore-based Talwan "
     "Remedies.", "Corvalex", ("Talwan Remedies", "develops", "Corvalex")),
    ("Harnell Pharma will supply Britain with Ventrox, a cheaper copy of Lindor's Seretin asthma inhaler, under "
     "a contract.", "Ventrox", None),
])
def test_entities_a_name_apposed_to_a_copy_is_a_product(nlp, text, name, triple):
    doc = _rules_doc(nlp, text)
    assert _classes(doc).get(name) == "Product", doc._.kg_entity_data
    assert triple is None or triple in _triples(doc), _triples(doc)


@pytest.mark.parametrize("text, name", [
    # a name apposed to a storefront or a scheme is what a firm or a state runs for its customers, a product
    ("The studio sells its games through Gamevale, a storefront run by Polish publisher Kruk Media.", "Gamevale"),
    ("Arado rents the machines to growers through Arado Campo, a pay-per-hectare scheme that now covers 1.1 million "
     "hectares.", "Arado Campo"),
])
def test_entities_a_storefront_or_scheme_is_a_product(nlp, text, name):
    _assert_class(nlp, text, name, "Product")


@pytest.mark.parametrize("text, names", [
    # names listed with a product's under one kind of product are products, whatever the NER took them for
    ("Tesco sells Morvel and Quinta disposable vapes, which are made by Lintao Technology.",
     ("Morvel", "Quinta")),
    ("Barrow & Finch, which owns the titles Tidewrack and Urban Hearth, said Marrowby ignored its instructions.",
     ("Tidewrack", "Urban Hearth")),
])
def test_entities_names_listed_under_one_kind_of_product(nlp, text, names):
    classes = _classes(_rules_doc(nlp, text))
    assert all(classes.get(name) == "Product" for name in names), classes


@pytest.mark.parametrize("text, name", [
    # a name, then "in" and a place, listed right after a firm's name with "in" and a place, is a firm's too
    ("Velmora has similar partnerships with Kestrel Mobile in Brazil and Tarvo in Peru.", "Tarvo"),
    ("Halden Steel sells rebar to builders including Kestrel Bau in Germany and Vantor in Austria.", "Vantor"),
])
def test_entities_a_name_paired_with_a_firm_in_a_place(nlp, text, name):
    _assert_class(nlp, text, name, "Company")

@pytest.mark.parametrize("text, name, triple", [
    # a name one mention calls a product stays one where another mention is the subject of a verb products
    # do as often as firms (lexicon verbs_of_products_too): a game sells copies, a drug works
    ("Tavelle Studios, the Krakow developer of the hit strategy game Iron Meadow, has delayed its next title.\n\n"
     "Iron Meadow has sold 4 million copies since 2021.", "Iron Meadow", ("Tavelle Studios", "develops", "Iron Meadow")),
    ("Shares of Orvane Therapeutics fell 40% after its kidney drug ORV-212 failed in a late-stage trial.\n\n"
     "ORV-212 worked differently from older treatments, the company said.", "ORV-212",
     ("Orvane Therapeutics", "develops", "ORV-212")),
])
def test_entities_a_product_that_sells_or_works_stays_a_product(nlp, text, name, triple):
    _assert_typed_and_reads(nlp, text, name, "Product", triple)


@pytest.mark.parametrize("text, name, triple", [
    # a kind of product before a name that names firms too ("network", "wallet") is no firm's where another
    # mention says a named organisation runs or operates the thing: the mentions' vote reads a product
    ("Regulators in Chile slowed access to the social network Tillo for six hours on Sunday.\n\n"
     "Tillo, which is operated by Lisbon-based Marvela Labs, has about 3 million users in the country.",
     "Tillo", ("Marvela Labs", "offers", "Tillo")),
    ("The agency fined Brenvik Retail for refusing to let the mobile wallet Quara Pay work on its tills.\n\n"
     "Quara Pay is run by Orlendo Group, a group of regional banks.", "Quara Pay", ("Orlendo Group", "offers", "Quara Pay")),
])
def test_entities_a_kind_of_product_before_a_name_a_named_firm_runs(nlp, text, name, triple):
    _assert_typed_and_reads(nlp, text, name, "Product", triple)


@pytest.mark.parametrize("text, name, cls", [
    # a firm's name the text writes alone, then a word for what it offers, is the firm's product ...
    ("Shoppers paid with Kelvor Money, and Kelvor said the wallet had 2 million users.", "Kelvor Money", "Product"),
    # ... where the text writes the firm as the gazetteer does not name it ("GM" for General Motors)
    ("Torvane sells its software through GM Marketplace, and GM takes a 5% cut.", "GM Marketplace", "Product"),
    # ... and a store with one more word of the firm's before it
    ("Orlin sold its games through the Brisco Games Store, where it pays Brisco a 12% fee.",
     "Brisco Games Store", "Product"),
    # (not a firm's own name ending in another word: "Kessling Propulsion" after "Kessling")
    ("Kessling Propulsion tested an engine, and Kessling said it worked.", "Kessling Propulsion", "Company"),
])
def test_entities_a_firms_store_or_wallet_named_after_it(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)


@pytest.mark.parametrize("text, name, cls", [
    # "X, which <a named firm> sells": what the firm sells or makes, said actively in a relative clause on the
    # name, is a product, whatever its other mentions say nothing of
    ("Tarvolink kits sold out, Tarvolink said. Many farms already use Tarvolink, which Korvant Systems sells online.",
     "Tarvolink", "Product"),
    ("Brindle tins are everywhere, Brindle said. Many shops stock Brindle, which Halvern makes in Ohio.",
     "Brindle", "Product"),
    # (not a firm that a named firm bought: "which Halvern bought")
    ("Brindle hired 40 engineers, Brindle said. Many shops stock Brindle, which Halvern bought in 2019.",
     "Brindle", "Company"),
])
def test_entities_a_name_a_firm_sells_in_a_relative_clause(nlp, text, name, cls):
    _assert_class(nlp, text, name, cls)

@pytest.mark.parametrize("text, tags, heads, deps, ents, expected", [
    # a city the NER took for a people's name, before a kind of firm, is where the firm is (the parse and
    # the NORP label as the small model gives them on a city's name it does not know)
    ("Corvel Pay buys its fraud tools from Ardent Sift, a Velbrouk startup.",
     ["NNP", "NNP", "VBZ", "PRP$", "NN", "NNS", "IN", "NNP", "NNP", ",", "DT", "NNP", "NN", "."],
     [1, 2, 2, 5, 5, 2, 5, 8, 6, 8, 12, 12, 8, 2],
     ["compound", "nsubj", "ROOT", "poss", "compound", "dobj", "prep", "compound", "pobj", "punct", "det",
      "compound", "appos", "punct"],
     ["B-ORG", "I-ORG", "O", "O", "O", "O", "O", "B-ORG", "I-ORG", "O", "O", "B-NORP", "O", "O"],
     ("Ardent Sift", "basedIn", "Velbrouk")),
])
def test_entities_a_city_read_as_a_peoples_name_before_a_kind_of_firm(nlp, text, tags, heads, deps, ents, expected):
    found = _parsed_triples(nlp, text, tags, heads, deps, ents)
    assert expected in found, found


def test_entities_a_demonym_before_a_kind_of_firm_stays_no_place(nlp):
    # (a people's name the gazetteer knows before a kind of firm says the firm's country, names no city)
    found = {(e.name, e.cls) for e in _rules_doc(nlp, "Corvel Pay buys its fraud tools from Ardent Sift, a Tunisian startup.")._.kg_entities}
    assert not any(cls == "Place" for _, cls in found), found


@pytest.mark.parametrize("text, expected, absent", [
    # a capitalised common noun opening a sentence before a lower-case trade says what the trade deals in
    ("Port operator Halvern Terminals said volumes fell in March.", set(),
     {("Halvern Terminals", "basedIn", "Port")}),
    ("Mobile studio Pinecrest Games said it would appeal the ruling.", set(),
     {("Pinecrest Games", "basedIn", "Mobile")}),
    # (or for a firm: what the publishers or the makers publish or make)
    ("Magazine publishers sue AI start-up Quillex over scraped articles", set(),
     {("Magazine", "sues", "Quillex")}),
    # (or after a dateline)
    ("LISBON — Restaurant chains such as Brasa Lume will hand Comfi no more than 12% of each order.",
     {("Brasa Lume", "paysCommissionTo", "Comfi")}, {("Restaurant", "paysCommissionTo", "Comfi")}),
    # (a place the gazetteer knows stays the seat)
    ("London studio Wyrm Games said it would appeal the ruling.", {("Wyrm Games", "basedIn", "London")}, set()),
])
def test_entities_a_sentence_initial_common_noun_before_a_noun_is_no_name(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_entities_a_sentence_initial_plural_of_a_firms_noun_is_no_name(nlp):
    # (whatever the NER took the plural for: "Drugmakers including X" names no firm "Drugmakers")
    doc = _entities_forcing(nlp, "Drugmakers including Sorvald Pharma had warned the regulator.",
                            lambda d: [(0, 1, "ORG")])
    names = [it["name"] for it in doc._.kg_entity_data]
    assert "Drugmakers" not in names and "Sorvald Pharma" in names, names


@pytest.mark.parametrize("text, name", [
    # a publication's word inside a body's name keeps no "The" (the word ends a publication's name)
    ("The Consumer Information Protection Board fined Kelvor Labs on Monday.",
     "Consumer Information Protection Board"),
    ("The Halden Information Commissioner's Office fined Kelvor Labs on Monday.",
     "Halden Information Commissioner's Office"),
])
def test_entities_a_bodys_name_with_a_publications_word_keeps_no_article(nlp, text, name):
    doc = _rules_doc(nlp, text)
    spans = [doc[it["start"]:it["end"]].text for it in doc._.kg_entity_data if it["via"] != "coref"]
    assert name in spans and "The " + name not in spans, spans


@pytest.mark.parametrize("text, name, triple", [
    # a legal form written with its period ("Pvt.", "Pte.") is one word, as "Ltd." or "Corp." are: split
    # off, the period ended the sentence inside the name, and the name lost its legal form
    ("Assam tea grower Halvik Brew Pvt. Ltd. sells its Amber Leaf blend in Germany.", "Halvik Brew Pvt. Ltd.",
     ("Halvik Brew", "operatesIn", "Germany")),
    ("Singapore trader Torvane Commodities Pte. Ltd. sells rubber to Brimley Gloves.",
     "Torvane Commodities Pte. Ltd.", ("Torvane Commodities", "basedIn", "Singapore")),
])
def test_entities_a_legal_form_with_its_period_stays_in_the_name(nlp, text, name, triple):
    doc = _rules_doc(nlp, text)
    assert name in {e.text for e in doc.ents} and triple in _triples(doc), ([e.text for e in doc.ents], _triples(doc))


def test_entities_a_name_the_ner_split_before_its_last_word_a_bodys(nlp):
    # "Velmar Co-operative | Society": two spans the NER wrote side by side, the second only the word a
    # firm's or an organisation's name ends on, are one name
    _assert_reads(nlp, "Farmers sell grain through the Velmar Co-operative Society, based in Nashik.",
                  {("Velmar Co-operative Society", "basedIn", "Nashik")}, {("Society", "basedIn", "Nashik")})


@pytest.mark.parametrize("text, expected", [
    # "Congo" and "Congolese", which the gazetteer leaves out (two countries share them), are a Country:
    # the one whose capital or full name the document writes ...
    ("BRAZZAVILLE — Congo has banned timber exports to Chinese traders.",
     ("Republic of the Congo", "bans", "China")),
    ("Lomami Air, a Congolese airline, flies from Kinshasa to Lagos.",
     ("Lomami Air", "basedIn", "Democratic Republic of the Congo")),
    # ... and where it writes neither, the Country unlinked
    ("Lomami Air, a Congolese airline, flies to Lagos.", ("Lomami Air", "basedIn", "Congo")),
])
def test_entities_a_short_name_two_countries_share_is_a_country(nlp, text, expected):
    _assert_reads(nlp, text, {expected})
