"""The rules on people: where they live (livesIn) and whom they work for (worksFor)."""

from __future__ import annotations

import pytest

from .reading import _assert_reads, _modalities, _rules_doc, _triples  # noqa: F401


@pytest.mark.parametrize("text, expected, absent", [
    # a governor or a mayor of a place lives there, like its senator
    ("Kansas's governor, Tom Ewart, signed the bill.", {("Tom Ewart", "livesIn", "Kansas")}, set()),
    ("The mayor of Leeds, Ann Cole, opened the bridge.", {("Ann Cole", "livesIn", "Leeds")}, set()),
    # the place an owner's hometown or home is, and an owner's native place
    ("Hal Ostrom returned to his hometown of Bend, Oregon.", {("Hal Ostrom", "livesIn", "Bend")}, set()),
    ("Lena Ortiz flew back to her home in Tucson.", {("Lena Ortiz", "livesIn", "Tucson")}, set()),
    # (and one's home state or home town, as the two words write it)
    ("Teo Marsh campaigned in Halden, the home state of his wife, Mara Quill.", {("Mara Quill", "livesIn", "Halden")},
     set()),
    ("Halden is the home town of actor Teo Marsh.", {("Teo Marsh", "livesIn", "Halden")}, set()),
    ("Senator Ruth Alder spoke about her native Vermont on Tuesday.",
     {("Ruth Alder", "livesIn", "Vermont")}, set()),
    # a phrase "a <place> native" apposed to a name, before it or after it, whatever else it says of the person
    ("The prize went to actress Mara Quill, a Leeds native and mother of twins herself.",
     {("Mara Quill", "livesIn", "Leeds")}, set()),
    ("The names will be chosen by another Halden native and mother of two, actress Mara Quill, officials said.",
     {("Mara Quill", "livesIn", "Halden")}, set()),
    # "who" after a job's firm is the person the job is apposed to, where the parser hung it on the firm
    ("Teo Marsh, a delivery rider for Kelvor who lives in Leeds, said the waiver would help.",
     {("Teo Marsh", "livesIn", "Leeds"), ("Teo Marsh", "worksFor", "Kelvor")}, set()),
    ("\"It works,\" said Mara Quill, a former official at Orlan Bank who now lives in Leeds and advises banks.",
     {("Mara Quill", "livesIn", "Leeds")}, set()),
    # the name before an owner's home is where the owner lives, whatever the NER took it for (and
    # where the parser hung the owner on the name: "her Leeds home")
    ("Tom Garrow said burglars broke into his Fairview home last week.", {("Tom Garrow", "livesIn", "Fairview")},
     set()),
    ("Anna Varga said police had searched her Leeds home.", {("Anna Varga", "livesIn", "Leeds")}, set()),
    # one's birthplace is where one is from, as "born in" it says
    ("A grant for singer Dana Crill's Halden birthplace was cut.", {("Dana Crill", "livesIn", "Halden")}, set()),
    ("Halden, the birthplace of singer Dana Crill, held a parade.", {("Dana Crill", "livesIn", "Halden")}, set()),
    # a second clause whose subject the parser joined to the first clause's place has its own subject
    ("Teo Marsh lives in Halden and Dana Crill lives in Ostby.", {("Dana Crill", "livesIn", "Ostby")},
     {("Teo Marsh", "livesIn", "Ostby")}),
    ("Writer Teo Marsh lives in Halden and actor Dana Crill, who was born in Velmar, lives in Ostby.",
     {("Teo Marsh", "livesIn", "Halden"), ("Dana Crill", "livesIn", "Ostby")}, {("Teo Marsh", "livesIn", "Ostby")}),
    # (and where the first clause's object is a firm, and the parser hung the second verb on the first
    # as an adverbial clause)
    ("Teo Marsh works for Orlan Bank and Dana Crill works for Kelvor Motors.",
     {("Teo Marsh", "worksFor", "Orlan Bank"), ("Dana Crill", "worksFor", "Kelvor Motors")},
     {("Teo Marsh", "worksFor", "Kelvor Motors")}),
    # ... but a firm's home market is no place it lives in, and a home with no owner nobody's
    ("Velora grew fastest in its home market of Brazil.", set(), {("Velora", "livesIn", "Brazil")}),
])
def test_rules_where_a_person_lives(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a reporter covers a beat, or reports, for a news organisation
    ("Ida Wren has covered energy for Reuters since 2001.", {("Ida Wren", "worksFor", "Reuters")}, set()),
    ("Tim Hale reported for Bloomberg from Lagos.", {("Tim Hale", "worksFor", "Bloomberg")}, set()),
    # ... but what is written for an organisation is no job there
    ("Ana Ruiz wrote a letter for Amnesty International.", set(),
     {("Ana Ruiz", "worksFor", "Amnesty International")}),
])
def test_rules_whom_a_reporter_works_for(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a chief executive or founder with no organisation named works for the one the text is about:
    # the subject of this sentence or the last (not the last organisation named)
    ("Tandaa, a Nairobi-based startup, has raised $38 million in a round led by Partech Africa, with "
     "participation from Ventures Platform.\nFounder and chief executive Wanjiru Kamau said the money would "
     "pay for expansion.", {("Wanjiru Kamau", "worksFor", "Tandaa")}, {("Wanjiru Kamau", "worksFor", "Ventures Platform")}),
    ("Marlow Foods will open 30 stores next year, chief executive Ana Silva said on Monday.",
     {("Ana Silva", "worksFor", "Marlow Foods")}, set()),
    # any chief officer
    ("Veltro raised $40 million. \"We will hire,\" said chief product officer Lena Kowalczyk.",
     {("Lena Kowalczyk", "worksFor", "Veltro")}, set()),
    # not an analyst (who works elsewhere), not "a former chief executive", not without an organisation
    ("Acme sued Beta Corp on Monday. Analyst Tom Reyes said the case was weak.", set(),
     {("Tom Reyes", "worksFor", "Acme")}),
    ("Vela Systems cut 200 jobs. A former chief executive, Jo Park, criticised the move.", set(),
     {("Jo Park", "worksFor", "Vela Systems")}),
])
def test_rules_read_a_chief_executive_of_the_company_the_text_is_about(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # the sentence before's subject pays or gives the firm the text is about: a customer or partner named in
    # passing, whose chief the role's is not
    ("Brindle Games makes shooters for phones. Orvane gave Brindle Games free access to its engine in 2023. "
     "\"We would not exist without that,\" chief executive Tomasz Lira said.",
     {("Tomasz Lira", "worksFor", "Brindle Games")}, {("Tomasz Lira", "worksFor", "Orvane")}),
    ("Veltrix sells lidar sensors. Fleet operator Daneo Logistics, which runs 4,000 vans, pays Veltrix a 10% fee, "
     "according to a filing. \"We cannot win on price alone,\" chief executive Rosa Imbert told reporters.",
     {("Rosa Imbert", "worksFor", "Veltrix")}, {("Rosa Imbert", "worksFor", "Daneo Logistics")}),
    # (nor is "the company" of what the role's holder says, where the coreference took it for that subject)
    ("Quillo lends to farmers by phone and pays Kestrel Bank a fee on every loan. Kestrel Bank also gives Quillo "
     "access to credit records. Co-founder Amina Waweru said the company would open offices in Kampala.",
     {("Amina Waweru", "worksFor", "Quillo")}, {("Amina Waweru", "worksFor", "Kestrel Bank")}),
    # (but a spokesperson speaks for the firm that said something; and a firm the text is about that is
    # named as no object of a verb is no firm the subject deals with)
    ("Veltrix sells lidar sensors to Veltrix dealers. Daneo said it would not buy from Veltrix. \"We are ahead,\" "
     "spokeswoman Ines Toller said.", {("Ines Toller", "worksFor", "Daneo")}, {("Ines Toller", "worksFor", "Veltrix")}),
])
def test_rules_a_chief_is_not_of_the_customer_the_sentence_before_names(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a subject no one names, of a firm named before it ("X's customers", "X's largest shareholder"): a
    # back-referring job after it is that firm's, not the firm of the sentence before
    ("Kestrel Bank cut its rates on Monday. Orvane Energy's customers include Brindle Foods and Tamsa Capital, "
     "chief executive Nora Lind said.", {("Nora Lind", "worksFor", "Orvane Energy")},
     {("Nora Lind", "worksFor", "Kestrel Bank")}),
    ("Kestrel Bank cut its rates on Monday. Orvane Energy's largest shareholder, Tamsa Capital, owns 19% of the "
     "company, and chief executive Nora Lind declined to comment.", {("Nora Lind", "worksFor", "Orvane Energy")},
     {("Nora Lind", "worksFor", "Kestrel Bank")}),
])
def test_rules_a_back_referring_job_after_a_firms_possessed_subject(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # where a person was born or is from: the vocabulary's "national of", cue "from"
    ("In 1911, sculptor Dana Whitfield was born in Brooklyn.", {("Dana Whitfield", "livesIn", "Brooklyn")}, set()),
    ("Ruth Adebayo, born in Lagos in 1975, founded the firm.", {("Ruth Adebayo", "livesIn", "Lagos")}, set()),
    # (a participle clause before a passive main clause is said of its subject: "Born in X, Y was elected")
    ("Born in Halden in 1901, Mara Quill was elected mayor of Orlan.", {("Mara Quill", "livesIn", "Halden")}, set()),
    ("Everyone knows Dana Whitfield is from Traverse City, Michigan.", {("Dana Whitfield", "livesIn", "Traverse City")},
     set()),
    ("Omar Haddad, 52, hails from Amman.", {("Omar Haddad", "livesIn", "Amman")}, set()),
    # moving away from a place is not being from it; "is from" an organisation is no home
    ("Dana Whitfield, who lives in Leeds, moved from Glasgow last year.", {("Dana Whitfield", "livesIn", "Leeds")},
     {("Dana Whitfield", "livesIn", "Glasgow")}),
    ("Dana Whitfield is from Acme Corp, the company said.", set(), {("Dana Whitfield", "livesIn", "Acme")}),
])
def test_rules_read_where_a_person_is_born_or_from(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, home, office, modality", [
    # an office with an ordinal, of one whose birth the sentence tells, is a past one: home is the birthplace
    ("In 1850, the ninth president of Norland, Mara Quill, was born in Halden.", "Halden", "Norland", "past"),
    ("In 1850, the 30th Norland president, Mara Quill, was born in Halden.", "Halden", "Norland", "past"),
    ("On this date in 1801, Mara Quill, 16th governor of Ostria, was born in Pellham.", "Pellham", "Ostria", "past"),
    # (the NER may take "the 13th" for a date; a title may be written capitalised)
    ("In 1800, the 13th President of Norland, Mara Quill, was born in Halden.", "Halden", "Norland", "past"),
    ("Mara Quill, the 31st president of Norland, was born in Halden in 1874.", "Halden", "Norland", "past"),
    # (an office with no ordinal is held now)
    ("Mara Quill, the president of Norland, was born in Halden.", "Halden", "Norland", "fact"),
])
def test_rules_an_ordinal_office_of_one_born_is_past(nlp, text, home, office, modality):
    rows = _modalities(_rules_doc(nlp, text))
    assert rows.get(("Mara Quill", "livesIn", home)) == "fact", rows
    assert rows.get(("Mara Quill", "livesIn", office)) == modality, rows


@pytest.mark.parametrize("text, home", [
    # an entry headed by a person's name, then a colon and "Born" with no subject: the headed person's birth
    ("Mara Quill (ninth President): Born Feb. 22, 1732, in Pellham County.", "Pellham County"),
    ("Mara Quill (18th President): Born April 27, 1822, in a small home in Halden, Ostria, near the river.",
     "Halden"),
])
def test_rules_a_born_entry_is_the_headed_persons_birth(nlp, text, home):
    _assert_reads(nlp, text, {("Mara Quill", "livesIn", home)})


@pytest.mark.parametrize("text, expected", [
    # the name one was born under is the same person's, born where the sentence says, wherever the
    # parser hangs the place (on "born" or on the name) and whatever the NER took the name for
    ("Kira Vance was born Kira Lomax in Orsk, Halden, in 1950.",
     {("Kira Vance", "livesIn", "Orsk"), ("Kira Lomax", "livesIn", "Orsk")}),
    ("In 1936, the singer Jon Brill was born Jonas Brillman in Orsk.",
     {("Jon Brill", "livesIn", "Orsk"), ("Jonas Brillman", "livesIn", "Orsk")}),
    ("The actress Mara Quill was born Mara Quillsby in Pellham, Halden.",
     {("Mara Quill", "livesIn", "Pellham"), ("Mara Quillsby", "livesIn", "Pellham")}),
    ("Mara Quill, born Mara Quillsby in Pellham, moved to Orsk in 1970.",
     {("Mara Quill", "livesIn", "Pellham"), ("Mara Quillsby", "livesIn", "Pellham")}),
])
def test_rules_a_birth_name_is_born_where_the_person_is(nlp, text, expected):
    _assert_reads(nlp, text, expected, set())


@pytest.mark.parametrize("text, expected, absent", [
    # any job in apposition, with "at", "with" or "for" before the organisation
    ("The results surprised Hana Petrova, an ecologist at Lindqvist University.",
     {("Hana Petrova", "worksFor", "Lindqvist University")}, set()),
    ('"It is a big risk," said David Osei, a chemist and toxicologist at Marlow University.',
     {("David Osei", "worksFor", "Marlow University")}, set()),
    # a customer is no employee; a partner at a law firm works there (and is no business partner)
    ("Lena Ford, a longtime customer at Pellan Bank, filed the complaint.", set(),
     {("Lena Ford", "worksFor", "Pellan Bank")}),
    ("Jon Bale, a partner at Kestrel Law, represents the company.",
     {("Jon Bale", "worksFor", "Kestrel Law")}, {("Jon Bale", "partnersWith", "Kestrel Law")}),
    # the place of work deeper in the job's phrase, or hung on the name after it (not a place the
    # noun's "in" phrase names: "the killer of a banker in a robbery at Y")
    ("Ana Ruiz, head of sales for Europe at Orvane, said prices would rise.",
     {("Ana Ruiz", "worksFor", "Orvane")}, set()),
    ("The deal cuts its reliance on imports, said Tran Minh Khoa, vice-president for procurement at Song Hong "
     "Motors.", {("Tran Minh Khoa", "worksFor", "Song Hong Motors")}, set()),
    ("Tom Hale, the convicted killer of a banker in a robbery at Fenwick Bank, was freed.", set(),
     {("Tom Hale", "worksFor", "Fenwick Bank")}),
    # a title between "whose" and a name is held at what the clause is about
    ("Zephyr is developed by Lumos Interactive, whose chief executive Farid Hassan said the company had never "
     "shared data.", {("Farid Hassan", "worksFor", "Lumos Interactive")}, set()),
    # a job "in" a place is where one lives (a place's, not a firm's: no one works for Halden)
    ("Rina Pelt, a famous singer in Halden, said the show was over.", {("Rina Pelt", "livesIn", "Halden")},
     {("Rina Pelt", "worksFor", "Halden")}),
])
def test_rules_read_a_job_in_apposition(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a governor of a bank works for it; a governor of a state lives there
    ("Bank of Ruritania governor Mara Quist said rates would stay high.",
     {("Mara Quist", "worksFor", "Bank of Ruritania")}, set()),
    ("Mara Quist, governor of the Bank of Ruritania, said rates would stay high.",
     {("Mara Quist", "worksFor", "Bank of Ruritania")}, set()),
    ("Dana Holt, the governor of Ohio, signed the bill.", {("Dana Holt", "livesIn", "Ohio")},
     {("Dana Holt", "worksFor", "Ohio")}),
])
def test_rules_a_governor_works_for_a_bank_and_lives_in_a_state(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, name, org", [
    ("Ana Ruiz, a former engineer at Halvern Systems, now runs Quillo.", "Ana Ruiz", "Halvern Systems"),
    # a retired one is past too ("a retired Halvern engineer")
    ("Ana Ruiz, a retired Halvern Systems engineer, now runs Quillo.", "Ana Ruiz", "Halvern Systems"),
    # (and "former" before a firm's name of two words and the title: "Former Vantage Air chief executive X")
    ("Former Vantage Air chief executive Samir Haddad has joined the board of Cedar Logistics.", "Samir Haddad",
     "Vantage Air"),
])
def test_rules_a_former_job_in_apposition_is_past(nlp, text, name, org):
    rows = _modalities(_rules_doc(nlp, text))
    assert rows.get((name, "worksFor", org)) == "past", rows


@pytest.mark.parametrize("text, expected", [
    # the job after "now" or "currently" in a former one's apposition is today's; the former one stays past
    ('"Such reviews take months," said Nadia Ferrow, a former SEC lawyer now at law firm Brackley & Stone.',
     {("Nadia Ferrow", "worksFor", "Brackley & Stone"): "fact",
      ("Nadia Ferrow", "worksFor", "Securities and Exchange Commission"): "past"}),
    ("Nadia Ferrow, a former FDA official currently at consultancy Kelmar Partners, said the rule was clear.",
     {("Nadia Ferrow", "worksFor", "Kelmar Partners"): "fact"}),
])
def test_rules_a_job_now_held_after_a_former_one_is_current(nlp, text, expected):
    rows = _modalities(_rules_doc(nlp, text))
    assert {k: rows.get(k) for k in expected} == expected, rows


@pytest.mark.parametrize("text, expected, modality", [
    # a post held for a closed span, left, or "used to" held is past
    ("Ingrid Solberg served as chief financial officer of Nordkyst Shipping from 2011 to 2019.",
     ("Ingrid Solberg", "worksFor", "Nordkyst Shipping"), "past"),
    ("Samuel Adeyemi was chairman of Lagos Cement from 1979 until 2004.",
     ("Samuel Adeyemi", "worksFor", "Lagos Cement"), "past"),
    ("Dana Whitfield stepped down as chief executive of Copperline Media on Thursday.",
     ("Dana Whitfield", "worksFor", "Copperline Media"), "past"),
    ("Greta Lindqvist has resigned as chief technology officer of Nordwind Energy.",
     ("Greta Lindqvist", "worksFor", "Nordwind Energy"), "past"),
    ("Selin Aksoy used to work for Turkish Airlines.", ("Selin Aksoy", "worksFor", "Turkish Airlines"), "past"),
    ("Brindle Games said its founder, Peter Oakes, left in 2020.", ("Peter Oakes", "worksFor", "Brindle Games"),
     "past"),
    ("Copperline chief executive Dana Whitfield retired on Friday.", ("Dana Whitfield", "worksFor", "Copperline"),
     "past"),
    # (one still holds a post one will leave, is leaving, or has held since a date; and one whose holder left
    # another employer)
    ("Brisa's founder, Julien Marchal, left Tessel's Oslo laboratory in 2020.",
     ("Julien Marchal", "worksFor", "Brisa"), "fact"),
    ("Dana Whitfield will step down as chief executive of Copperline Media next year.",
     ("Dana Whitfield", "worksFor", "Copperline Media"), "fact"),
    ("Dana Whitfield is stepping down as chief executive of Copperline Media.",
     ("Dana Whitfield", "worksFor", "Copperline Media"), "fact"),
    ("Ingrid Solberg has served as chairman of Nordkyst Shipping since 2011.",
     ("Ingrid Solberg", "worksFor", "Nordkyst Shipping"), "fact"),
])
def test_rules_a_post_held_for_a_span_or_left_is_past(nlp, text, expected, modality):
    rows = _modalities(_rules_doc(nlp, text))
    assert rows.get(expected) == modality, rows


@pytest.mark.parametrize("text, expected, modality", [
    # the organisation whose board, team or staff one serves or sits on is one the person works for
    ("Earlier, Tom Vail served on the core management team of Kelvor Associates, the largest hedge fund.",
     ("Tom Vail", "worksFor", "Kelvor Associates"), "past"),
    ("Tom Vail sits on Orlan Bank's board.", ("Tom Vail", "worksFor", "Orlan Bank"), "fact"),
    ("The firm held talks with Vexa, says Orlan partner Ada Ruiz, who sits on Kelvor's board.",
     ("Ada Ruiz", "worksFor", "Kelvor"), "fact"),
    # (not a panel of customers)
    ("Halden Mutual designed the plan with Zodwa Dube, a local organiser who sits on its customer panel.",
     ("Zodwa Dube", "worksFor", "Halden Mutual"), None),
    ("Ada Rees has served on the board of Kelvor Associates since 2001.",
     ("Ada Rees", "worksFor", "Kelvor Associates"), "fact"),
])
def test_rules_the_organisation_whose_board_one_serves_on(nlp, text, expected, modality):
    rows = _modalities(_rules_doc(nlp, text))
    assert rows.get(expected) == modality, rows


@pytest.mark.parametrize("text, expected, modality", [
    # the organisation one leaves is where one worked: past once left, a fact while only to be left
    ("Anders Lie retired from Halvard Resources in March after 14 years at the helm.",
     ("Anders Lie", "worksFor", "Halvard Resources"), "past"),
    ("Owen Barker, who left Tolvar Bank in January, is now chief executive of Pennock.",
     ("Owen Barker", "worksFor", "Tolvar Bank"), "past"),
    ("Ravi Menon will leave Korsa Lines in September to join a rival.", ("Ravi Menon", "worksFor", "Korsa Lines"),
     "fact"),
    ("Ingrid Solberg is leaving Nordkyst Shipping after eight years.",
     ("Ingrid Solberg", "worksFor", "Nordkyst Shipping"), "fact"),
    ("Peter Oakes started the studio in 1994 after leaving Acorn Interactive.",
     ("Peter Oakes", "worksFor", "Acorn Interactive"), "past"),
    # (a place one leaves is no employer)
    ("Dana Whitfield left London in 2010.", ("Dana Whitfield", "worksFor", "London"), None),
    # (nor the firm the text is about, for "the company" one left after another firm's post)
    ("Halvard Resources named Ingrid Solberg as its chief executive on Monday. Solberg served as chief financial "
     "officer of Nordkyst Shipping from 2011 to 2019. She left the company in 2019 to start a consultancy.",
     ("Solberg", "worksFor", "Halvard Resources"), None),
])
def test_rules_the_organisation_one_leaves_one_worked_for(nlp, text, expected, modality):
    rows = _modalities(_rules_doc(nlp, text))
    assert rows.get(expected) == modality, rows


@pytest.mark.parametrize("text, expected, modality", [
    # where a person moves is where they live; past where they moved as a child or live elsewhere now
    ("Rahul Menon grew up in Kochi and moved to London in 2005.", ("Rahul Menon", "livesIn", "London"), "fact"),
    ("Lena Hoffmann, who moved to Lisbon in 2021, now sells ceramics online.",
     ("Lena Hoffmann", "livesIn", "Lisbon"), "fact"),
    ("Lena Hoffmann moved to Lisbon as a child and now lives in Porto.", ("Lena Hoffmann", "livesIn", "Lisbon"),
     "past"),
    ("Kwame Boateng will move to Dublin next year.", ("Kwame Boateng", "livesIn", "Dublin"), "hypothetical"),
    # (not a firm's move, nor what one moves)
    ("Kestrel Bank moved its headquarters to Dublin in 2019.", ("Kestrel Bank", "livesIn", "Dublin"), None),
])
def test_rules_where_one_moves_one_lives(nlp, text, expected, modality):
    rows = _modalities(_rules_doc(nlp, text))
    assert rows.get(expected) == modality, rows


@pytest.mark.parametrize("text, expected, modality", [
    # where one grew up is a past home where the sentence says where one lives now
    ("Okafor, who grew up in Kano and now lives in Leeds, joined the bank in 2019.", ("Okafor", "livesIn", "Kano"),
     "past"),
    ("Mei Chen, who grew up in Taipei and now lives in Seattle, founded the firm.", ("Mei Chen", "livesIn", "Taipei"),
     "past"),
    ("Okafor, who grew up in Kano and now lives in Leeds, joined the bank in 2019.", ("Okafor", "livesIn", "Leeds"),
     "fact"),
    # (not where one still lives, nor a birthplace, which CoNLL04 keeps beside the present home)
    ("Rutendo Dube, who was born in Bulawayo and now lives in Harare, runs the charity.",
     ("Rutendo Dube", "livesIn", "Bulawayo"), "fact"),
    ("Tendai Moyo grew up in Harare and still lives there.", ("Tendai Moyo", "livesIn", "Harare"), "fact"),
])
def test_rules_an_early_home_before_the_present_one_is_past(nlp, text, expected, modality):
    rows = _modalities(_rules_doc(nlp, text))
    assert rows.get(expected) == modality, rows


@pytest.mark.parametrize("text, expected, absent", [
    # a demonym apposed to a person as a noun ("a Romanian") is their nation, and "who" after it the person
    ("Ana Petrescu, a Romanian who lives in Vienna, will chair the fund.",
     {("Ana Petrescu", "livesIn", "Romania"), ("Ana Petrescu", "livesIn", "Vienna")}, set()),
    ("The bank hired Ana Petrescu, a Romanian who lives in Vienna.",
     {("Ana Petrescu", "livesIn", "Romania"), ("Ana Petrescu", "livesIn", "Vienna")}, set()),
])
def test_rules_a_demonym_apposed_as_a_noun(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # an organisation, any job, then the name: "Veltro attorney Mara Quist"
    ("Veltro attorney Mara Quist said the case had no merit.", {("Mara Quist", "worksFor", "Veltro")}, set()),
    ("Apple plant manager Dana Holt said the line would reopen on Monday.",
     {("Dana Holt", "worksFor", "Apple")}, set()),
    # a shareholder is no employee
    ("Veltro shareholder Dana Holt complained about the delays.", {("Dana Holt", "investsIn", "Veltro")},
     {("Dana Holt", "worksFor", "Veltro")}),
    # the same before a job noun in apposition: a place says where the person lives
    ("Ana Ruiz, a Madrid lawyer, filed the appeal.", {("Ana Ruiz", "livesIn", "Madrid")}, set()),
    ("Li Wei, a Google software engineer, wrote the post.", {("Li Wei", "worksFor", "Google")}, set()),
    ("Ana Ruiz, an Acme customer, complained about the delays.", set(), {("Ana Ruiz", "worksFor", "Acme")}),
    # a nation's adjective before what only people are called, or before the noun the name is apposed to
    ("The band includes Norwegian singer Rolf Haugen.", {("Rolf Haugen", "livesIn", "Norway")}, set()),
    ("The daughter of Norwegian politician Rolf Haugen, she studied law.", {("Rolf Haugen", "livesIn", "Norway")},
     set()),
    ("Across the Fjord is a novel by the Norwegian writer Rolf Haugen.", {("Rolf Haugen", "livesIn", "Norway")},
     set()),
    ("The firm was founded by Rwandan engineer Aline Kato and Kenyan banker Peter Oti.",
     {("Aline Kato", "livesIn", "Rwanda"), ("Peter Oti", "livesIn", "Kenya")}, set()),
    # a plural job goes with each name listed after it
    ("He was a pupil of the Norwegian painters Rolf Haugen, Ola Berg, and Kari Lund.",
     {("Rolf Haugen", "livesIn", "Norway"), ("Ola Berg", "livesIn", "Norway"), ("Kari Lund", "livesIn", "Norway")},
     set()),
])
def test_rules_read_a_job_after_an_organisation_or_a_place(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # an organisation's person, named right after the possessive, works there (and is no product)
    ("Microsoft's Satya Nadella spoke first at the conference.", {("Satya Nadella", "worksFor", "Microsoft")},
     {("Microsoft", "develops", "Satya Nadella")}),
    ("Veltro's Ana Ruiz said the plant would reopen in May.", {("Ana Ruiz", "worksFor", "Veltro")},
     {("Veltro", "develops", "Ana Ruiz")}),
    # a noun between says what else they are
    ("Dana Holt, Veltro's oldest friend, complained about the delays.", set(),
     {("Dana Holt", "worksFor", "Veltro")}),
    ("Veltro's fans Dana Holt and Tom Berg complained about the delays.", set(),
     {("Dana Holt", "worksFor", "Veltro")}),
    # a place's person lives there
    ("Halden's Rita Moss won the race by a minute.", {("Rita Moss", "livesIn", "Halden")}, set()),
    # (not a place's part the NER took for a person)
    ("Tom Ruiz, who rents a flat in Halden's Dong Da district, said so.", set(),
     {("Dong Da", "livesIn", "Halden")}),
])
def test_rules_read_an_organisations_person(nlp, text, expected, absent):
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


@pytest.mark.parametrize("text, expected, modality", [
    # one of a nation's people, said with the copula or in apposition
    ("Ana Ruiz is a German ski jumper.", ("Ana Ruiz", "livesIn", "Germany"), "fact"),
    ("Ana Ruiz, a Norwegian engineer, joined Veltro in 2019.", ("Ana Ruiz", "livesIn", "Norway"), "fact"),
    # (whatever the person's own clause says: a past job leaves the nation as it is)
    ("Kwame Boateng, a Ghanaian accountant, worked for Harmattan Re for 12 years.",
     ("Kwame Boateng", "livesIn", "Ghana"), "fact"),
    ("Lena Varga, a Hungarian chemist, previously ran the laboratory at Olmet Pharma.",
     ("Lena Varga", "livesIn", "Hungary"), "fact"),
    # a role said with the copula is what the copula's clause says of it
    ("Ana Ruiz is not a German citizen.", ("Ana Ruiz", "livesIn", "Germany"), "negated"),
    ("Ana Ruiz may become Veltro's chief executive.", ("Ana Ruiz", "worksFor", "Veltro"), "hypothetical"),
    ("Quillo is not a partner of Veltro.", ("Quillo", "partnersWith", "Veltro"), "negated"),
])
def test_rules_read_nationality_and_copula_roles(nlp, text, expected, modality):
    doc = _rules_doc(nlp, text)
    found = _modalities(doc)
    assert found.get(expected) == modality, found


def test_rules_a_company_of_a_nation_is_no_national(nlp):
    found = _triples(_rules_doc(nlp, "Veltro is a German company."))
    assert ("Veltro", "basedIn", "Germany") in found and ("Veltro", "livesIn", "Germany") not in found


@pytest.mark.parametrize("text, expected, absent", [
    # jobs of the press and of councils, with an owner, "of" or "for"
    ("Ana Ruiz is the AP's regional reporter.", {("Ana Ruiz", "worksFor", "Associated Press")}, set()),
    ("Harwick Gazette columnist Ana Ruiz wrote it.", {("Ana Ruiz", "worksFor", "Harwick Gazette")}, set()),
    # (a member of a council, band or party is not its employee)
    ("Ana Ruiz, a member of the Harwick City Council, raised money.", set(),
     {("Ana Ruiz", "worksFor", "Harwick City Council")}),
    # a staff member is an employee (unlike a member of a council)
    ("Teo Marsh, a staff member at Kelvor Motors, said the plan would work.",
     {("Teo Marsh", "worksFor", "Kelvor Motors")}, set()),
    ("Kelvor Motors staff member Teo Marsh said the plan would work.", {("Teo Marsh", "worksFor", "Kelvor Motors")},
     set()),
    # named to a post, in the passive
    ("Ana Ruiz has been named publisher of the Harwick Gazette.", {("Ana Ruiz", "worksFor", "Harwick Gazette")},
     set()),
    # a person "at" an organisation (not at a place)
    ("Ana Ruiz at the Institute of Botany found that the orchids need shade.",
     {("Ana Ruiz", "worksFor", "Institute of Botany")}, set()),
    ("Ana Ruiz at Leeds said so.", set(), {("Ana Ruiz", "worksFor", "Leeds")}),
    # the keepers and teachers of museums and colleges
    ("The moth was named after Tom Berg, who had been a curator at the Harwick Museum of Natural History.",
     {("Tom Berg", "worksFor", "Harwick Museum of Natural History")}, set()),
])
def test_rules_read_more_jobs(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # who leads or runs a part of an organisation named as its owner works for it
    ("Mohamed Bachiri, who runs Renault's operations in the kingdom, said so.",
     {("Mohamed Bachiri", "worksFor", "Renault")}, set()),
    ("Ana Ruiz heads Veltro's European unit.", {("Ana Ruiz", "worksFor", "Veltro")}, set()),
    # (the owner named in front of the part, with no "'s"; not a place in front)
    ("Major Teo Marsh, head of the Orlan Bank security unit, reported the theft.",
     {("Teo Marsh", "worksFor", "Orlan Bank")}, set()),
    ("Teo Marsh, a manager at the Kelvor Motors design team in Halden, said so.",
     {("Teo Marsh", "worksFor", "Kelvor Motors")}, set()),
    ("Teo Marsh, a critic of the Orlan Bank lending unit, said so.", set(), {("Teo Marsh", "worksFor", "Orlan Bank")}),
    # not a past post, a board joined, nor an owner the coreference gives ("its")
    ("The suit names Thibault Garnier, who ran Veltro's Middle East desk.", set(),
     {("Thibault Garnier", "worksFor", "Veltro")}),
    ("Omar Abdelaziz, a partner at Wadi Capital, will join Veltro's board.", set(),
     {("Omar Abdelaziz", "worksFor", "Veltro")}),
])
def test_rules_who_leads_a_part_of_an_organisation_works_for_it(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a second name with a job title of its own, joined by "and", holds its job at the same organisation
    ("Ortega claimed that Velcor chairperson Ana Ruiz and chief executive Tom Berg requested it.",
     {("Ana Ruiz", "worksFor", "Velcor"), ("Tom Berg", "worksFor", "Velcor")}, set()),
    # ... but not one with an organisation of its own, nor one with no title: a person's job in the
    # singular goes with the one name after it
    ("Veltro chairman Ana Ruiz and Lumio founder Tom Berg met.", {("Tom Berg", "worksFor", "Lumio")},
     {("Tom Berg", "worksFor", "Veltro")}),
    ("Veltro chairman Ana Ruiz and Tom Berg met.", {("Ana Ruiz", "worksFor", "Veltro")},
     {("Tom Berg", "worksFor", "Veltro")}),
    # (jobs in the plural go with every name listed)
    ("Veltro executives Ana Ruiz and Tom Berg met.", {("Ana Ruiz", "worksFor", "Veltro"),
                                                     ("Tom Berg", "worksFor", "Veltro")}, set()),
])
def test_rules_read_two_titled_names(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a role noun listed after another has its holder, also where the parser hangs it on the first one's object
    ("Ana Ruiz, a spokeswoman for the union and president of the Velo Foundation, said it was wrong.",
     {("Ana Ruiz", "worksFor", "Velo Foundation")}),
    # (or hangs the last one's "of" on the first one's object)
    ("Tom Berg, a critic of the merger and director of the Halvard Institute, spoke on Monday.",
     {("Tom Berg", "worksFor", "Halvard Institute")}),
    # judges, inspectors and officers by rank work for their court, agency or force
    ("Metro Court Judge Tom Berg refused the request.", {("Tom Berg", "worksFor", "Metro Court")}),
    ("Velo Bank Inspector Tom Berg said the numbers were wrong.", {("Tom Berg", "worksFor", "Velo Bank")}),
    # an abbreviated title is read as the title it stands for (lexicon title_abbreviations)
    ("Kansas Gov. Tom Ewart signed the bill.", {("Tom Ewart", "livesIn", "Kansas")}),
    ("Oregon Sen. Ana Ruiz met the delegation.", {("Ana Ruiz", "livesIn", "Oregon")}),
    ("Coast Guard Lt. Tom Berg said the search would go on.", {("Tom Berg", "worksFor", "Coast Guard")}),
    # (its period, one token with it, ends no sentence; and the NER's name stops before it)
    ("A brush fire burned 200 acres, said county Fire Department Capt. Tom Berg.",
     {("Tom Berg", "worksFor", "Fire Department")}),
    ("Halden Police Capt. Tom Berg said the road was closed.", {("Tom Berg", "worksFor", "Halden Police")}),
])
def test_rules_read_jobs_by_rank(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # "his Leeds home": the owner of a home lives in the place that names it
    ("Tom Berg was arrested in a raid on his Leeds home.", {("Tom Berg", "livesIn", "Leeds")}),
    ("Ana Ruiz drives 40 miles from her Fairhaven home.", {("Ana Ruiz", "livesIn", "Fairhaven")}),
])
def test_rules_read_a_named_home(nlp, text, expected):
    _assert_reads(nlp, text, expected)


def test_rules_a_person_partner_of_a_firm_works_there(nlp):
    # a person holding a symmetric relation's role ("as a partner") in a firm has a job there, no partnership
    _assert_reads(nlp, "Marc Dubois joined Lakeview Capital as a partner in February.",
                  {("Marc Dubois", "worksFor", "Lakeview Capital")},
                  {("Lakeview Capital", "partnersWith", "Marc Dubois"), ("Marc Dubois", "partnersWith", "Lakeview Capital")})
    _assert_reads(nlp, "Lakeview Capital, a partner of Orvane, declined to comment.",
                  {("Lakeview Capital", "partnersWith", "Orvane")})


@pytest.mark.parametrize("text, expected, absent", [
    # a title the tagger took for adjectives or a verb is still a title
    ('Zephrane makes chips. "We are not trying to stop buying from Nvidia tomorrow," chief executive Olivia '
     'Hart said.', {("Olivia Hart", "worksFor", "Zephrane")}, set()),
    ("Skarvik finance chief Ingrid Solberg said the proceeds would fund upgrades.",
     {("Ingrid Solberg", "worksFor", "Skarvik")}, set()),
    # a title after a name is that name's, not the one the text was about before
    ("Tencent and NetEase compete for Western titles. Givre chief executive Julien Tremblay said the studio "
     "would keep selling its games in Japan.", {("Julien Tremblay", "worksFor", "Givre")},
     {("Julien Tremblay", "worksFor", "Tencent")}),
])
def test_rules_titles_the_tagger_misread(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # "of" a description of an organisation, and where it is, then its name
    ("Analyst Rhoda Mutua of Nairobi brokerage Tamu Securities said the licence could cut prices.",
     {("Rhoda Mutua", "worksFor", "Tamu Securities")}, {("Rhoda Mutua", "livesIn", "Nairobi")}),
    ('"Prices will rise," said Marta Quiroz of consultancy Radar Andino.',
     {("Marta Quiroz", "worksFor", "Radar Andino")}, set()),
    # (a place alone after "of" is still where one lives)
    ("Ana Ruiz of Leeds said she would vote.", {("Ana Ruiz", "livesIn", "Leeds")}, set()),
    # "of" a place's or an organisation's organisation: the one the possessive names
    ("Anatomist Lena Berg of Halden's Kelvor School of Medicine also disputed the finding.",
     {("Lena Berg", "worksFor", "Kelvor School of Medicine"), ("Lena Berg", "livesIn", "Halden")}, set()),
    ("James Blight and David Welch of Orlan University's Kelvor School of Government say war was near.",
     {("David Welch", "worksFor", "Kelvor School of Government")}, {("David Welch", "worksFor", "Orlan University")}),
])
def test_rules_a_person_of_a_described_organisation(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a title with no organisation: the one the holder reports on, where the text names it more often
    ("Chief executive Sophie Marchal said Sarcelle would launch four more satellites next year.",
     {("Sophie Marchal", "worksFor", "Sarcelle")}, set()),
    # ... or a description of it, the firm the sentence before says nothing of as a subject
    ("Orlan Motors cut its outlook. Its operating margin fell to 4.1% from 6.3%. Chief executive Teo Marsh said "
     "the company would not cut prices further.", {("Teo Marsh", "worksFor", "Orlan Motors")}, set()),
    # (not a firm named less often than the one the text is about)
    ("Vexa cut prices on Monday. Chief executive Ana Ruiz said the group Lumo would follow.",
     {("Ana Ruiz", "worksFor", "Vexa")}, {("Ana Ruiz", "worksFor", "Lumo")}),
    # (nor a body the sentence before is about, which holds no firm's job)
    ("The Halden Water Authority has sued Orlan Mining over a spill. The Halden Water Authority wants Orlan "
     "Mining to pay 5 million euros.\n\nChief executive Ana Ribe said Orlan would appeal.",
     {("Ana Ribe", "worksFor", "Orlan")}, set()),
    # a firm's president, in lower case (a head of state's title is capitalised), and a government's job for
    # the body the sentence is about (never a firm's)
    ("Bramhall Bikes expects to double its dealer network in Canada next year, president Joanne Okoye told "
     "investors on a call.", {("Joanne Okoye", "worksFor", "Bramhall Bikes")}, set()),
    ("Bramhall Bikes will open a factory in Nairobi next year, President Amani Otieno said.",
     set(), {("Amani Otieno", "worksFor", "Bramhall Bikes")}),
    ("Peru's Ministry of Energy plans to auction three offshore blocks in May, vice minister Lucia Paredes "
     "said in Lima.", {("Lucia Paredes", "worksFor", "Ministry of Energy")}, set()),
    ("Tarvo Freight will cut 300 jobs in Lagos, labour minister Ada Obi said.",
     set(), {("Ada Obi", "worksFor", "Tarvo Freight")}),
    # (not a job with an organisation of its own after it, found or not)
    ("Hollin Foods will stop selling bread in Leeds, said Ravi Shah, vice-president of logistics at the Corvel "
     "group.", set(), {("Ravi Shah", "worksFor", "Hollin Foods")}),
])
def test_rules_a_title_alone_is_of_the_firm_its_holder_reports_on(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # where one works at a firm: the seat of a firm the gazetteer does not know ...
    ('"This is a thaw," said Wu Lei, an economist at Jinqiao Securities in Shanghai.',
     {("Jinqiao Securities", "basedIn", "Shanghai")}, set()),
    # ... a place a known one operates in
    ("Kenji Ogura, an analyst at Morgan Stanley in Hong Kong, said prices would rise.",
     {("Morgan Stanley", "operatesIn", "Hong Kong")}, {("Morgan Stanley", "basedIn", "Hong Kong")}),
])
def test_rules_the_place_of_an_employer(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # whom an organisation hires, appoints or recruits works for it (and not a firm it hires)
    ("Vexa has hired Siobhan Keane, a former official at Ofcom.", {("Siobhan Keane", "worksFor", "Vexa")}, set()),
    ("Zephrane, the British AI lab behind the Rookery chatbot, has hired Ravi Menon, who led the team that "
     "designed Google's TPU processors, as its chief hardware officer.", {("Ravi Menon", "worksFor", "Zephrane")},
     set()),
    ("Vexa hired law firm Clifford Chance to defend it.", set(), {("Clifford Chance", "worksFor", "Vexa")}),
])
def test_rules_whom_an_organisation_hires_works_for_it(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # who names one to a post, no owner said, employs the one named (the parser hung the name on the role)
    ("Orvane Battery has named Mira Kessler chief executive, replacing Tom Berg.",
     {("Mira Kessler", "worksFor", "Orvane Battery")}),
    # a copula joined to a relative clause shares its subject
    ("Petra Lind succeeds Owen Barlow, who left Halden Bank in January and is now chief executive of Tarvo Pay.",
     {("Owen Barlow", "worksFor", "Tarvo Pay")}),
    # an age makes a person of a name, whatever the noun apposed to it
    ('"We need more buses," said Amina Rahman, a 26-year-old machine operator at Kestrel Textiles.',
     {("Amina Rahman", "worksFor", "Kestrel Textiles")}),
])
def test_rules_posts_named_joined_and_aged(nlp, text, expected):
    _assert_reads(nlp, text, expected, set())


@pytest.mark.parametrize("text, expected, modality", [
    # where a person spent years is where they worked: past, unless they still do ("has spent")
    ("Pereira, 51, previously spent 15 years at Santander.", ("Pereira", "worksFor", "Santander"), "past"),
    ("After spending eight years at Goldman Sachs, Marta Pereira joined Orlan.",
     ("Marta Pereira", "worksFor", "Goldman Sachs"), "past"),
    ("Marta Pereira has spent 20 years with Orlan Bank.", ("Marta Pereira", "worksFor", "Orlan Bank"), "fact"),
])
def test_rules_where_one_spent_years_one_worked(nlp, text, expected, modality):
    assert _modalities(_rules_doc(nlp, text)).get(expected) == modality


@pytest.mark.parametrize("text, expected, modality", [
    # a post held for a span one spent, or after which one moved on, is past (unless one "has spent" it)
    ("Diego Ferreira joined Pagaro after six years as chief financial officer of Lumen Telecom.",
     ("Diego Ferreira", "worksFor", "Lumen Telecom"), "past"),
    ("Diego Ferreira, who spent six years as finance director of Lumen Telecom, joined Pagaro.",
     ("Diego Ferreira", "worksFor", "Lumen Telecom"), "past"),
    ("Diego Ferreira has spent six years as finance director of Lumen Telecom.",
     ("Diego Ferreira", "worksFor", "Lumen Telecom"), "fact"),
    # (a span as what no job is: no employer, nor a purchase)
    ("After a decade as a buyer for Halcott Stores, Nadia Karimi founded Safran Rugs.",
     ("Nadia Karimi", "acquires", "Halcott Stores"), None),
])
def test_rules_a_post_held_for_a_span_as_it(nlp, text, expected, modality):
    assert _modalities(_rules_doc(nlp, text)).get(expected) == modality


@pytest.mark.parametrize("text, expected, absent", [
    # a person who runs a site works there; the site's place is no market of theirs
    ("Omid Karimi runs the company's warehouse in Bremen.", set(), {("Omid Karimi", "operatesIn", "Bremen")}),
    ("Halcott runs a warehouse in Bremen.", {("Halcott", "operatesIn", "Bremen")}, set()),
])
def test_rules_who_runs_a_site_does_not_operate_there(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, modality", [
    # whom one joins or is hired "from" is where one worked before; the new employer is current
    ("Peter Oakes joined Orlan Bank from Santander in 2018.", ("Peter Oakes", "worksFor", "Santander"), "past"),
    ("Peter Oakes joined Orlan Bank from Santander in 2018.", ("Peter Oakes", "worksFor", "Orlan Bank"), "fact"),
    ("Its chief executive, Lise Marstrand, joined from the freight carrier Baltica Cargo in 2019.",
     ("Lise Marstrand", "worksFor", "Baltica Cargo"), "past"),
    ("Orlan Bank poached Peter Oakes from Santander.", ("Peter Oakes", "worksFor", "Santander"), "past"),
    ("Peter Oakes moved to Orlan Bank from Santander in 2018.", ("Peter Oakes", "worksFor", "Santander"), "past"),
    # (and "its" in what one now leads is not the one left: no present job there)
    ("Marta Lis, who joined Lazurowy from Quillo in 2022, now leads its international expansion.",
     ("Marta Lis", "worksFor", "Quillo"), "past"),
    # (a place one moves from is no employer; nor is where money comes from one's)
    ("Peter Oakes moved from London to Orlan Bank.", ("Peter Oakes", "worksFor", "London"), None),
    ("The money came from Sequoia Capital, said Peter Oakes.", ("Peter Oakes", "worksFor", "Sequoia Capital"), None),
])
def test_rules_whom_one_joins_from_one_worked_for(nlp, text, expected, modality):
    assert _modalities(_rules_doc(nlp, text)).get(expected) == modality


@pytest.mark.parametrize("text, expected", [
    # "employs 2,400 people and its chief executive is X": the copula the parser left with no subject
    ("Halvorsen Marine builds ferries. The company employs about 2,400 people and its chief executive is "
     "Ingrid Solberg.", ("Ingrid Solberg", "worksFor", "Halvorsen Marine")),
    # a participle clause before the main one says what the main subject underwent: its founder
    ("Founded in 1948 by Knut Halvorsen, Halvorsen Marine designs offshore supply vessels.",
     ("Knut Halvorsen", "worksFor", "Halvorsen Marine")),
])
def test_rules_roles_the_parser_left_without_a_subject(nlp, text, expected):
    _assert_reads(nlp, text, {expected}, set())


def test_rules_a_post_one_leaves_to_take_is_held(nlp):
    # the subject of a controlled copula holds the role it names ("is leaving to become chairman of X")
    _assert_reads(nlp, "Joana Costa is leaving to become chairman of the insurer Fidelis.",
                  {("Joana Costa", "worksFor", "Fidelis")}, set())


@pytest.mark.parametrize("text, expected, absent", [
    # a deal one leads or oversees names no employer
    ("Orlan Bank said profit rose. Costa had led Orlan since 2015 and oversaw its purchase of Banco Atlantico.",
     {("Costa", "worksFor", "Orlan")}, {("Costa", "worksFor", "Banco Atlantico")}),
])
def test_rules_a_deal_one_oversees_is_no_employer(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, successor, predecessor, employer", [
    # whom one replaces or succeeds worked where the successor now works
    ("Harrow Bank said on Monday it had appointed Anika Sharma as its chief financial officer, replacing Tom "
     "Elling, who is retiring.", "Anika Sharma", "Tom Elling", "Harrow Bank"),
    ("Hiroshi Endo will become president of Kasumi Trading in April, succeeding Masato Ishikawa.", "Hiroshi Endo",
     "Masato Ishikawa", "Kasumi Trading"),
])
def test_rules_whom_one_replaces_worked_there(nlp, text, successor, predecessor, employer):
    modalities = _modalities(_rules_doc(nlp, text))
    assert modalities.get((successor, "worksFor", employer)) == "fact", modalities
    assert modalities.get((predecessor, "worksFor", employer)) == "past", modalities


@pytest.mark.parametrize("text, expected", [
    # a person the parser apposed to the organisation a role is "of" holds the role
    ("The head of Orlan Bank, Ana Ruiz, resigned on Friday.", {("Ana Ruiz", "worksFor", "Orlan Bank")}),
    ("It must be said that the chairman of the Coastal Workers Front, Omar Haddad, was arrested.",
     {("Omar Haddad", "worksFor", "Coastal Workers Front")}),
])
def test_rules_a_person_apposed_to_the_organisation_of_a_role_holds_it(nlp, text, expected):
    _assert_reads(nlp, text, expected, set())


@pytest.mark.parametrize("text, expected", [
    # a job "of" or "at" a part of an organisation is held in its owner
    ("Ana Ruiz, head of Veltro's European unit, said prices would rise.", {("Ana Ruiz", "worksFor", "Veltro")}),
    ("Rosa Delgado, an economist at Orlan Bank's research division, said prices would rise.",
     {("Rosa Delgado", "worksFor", "Orlan Bank")}),
    # ... or "with" one, and a part the job noun's phrase names ("a soil chemist")
    ("\"The soil is drying,\" says Ada Holm, a soil chemist with the Harwick Institute's research service.",
     {("Ada Holm", "worksFor", "Harwick Institute")}),
    ("Ada Holm, a soil chemist at Veltro's research unit, disagreed.", {("Ada Holm", "worksFor", "Veltro")}),
])
def test_rules_a_job_in_a_part_of_an_organisation(nlp, text, expected):
    _assert_reads(nlp, text, expected, set())


@pytest.mark.parametrize("text, expected", [
    # a job "of" a field "at" a firm is the firm's, wherever the parser hangs the "at": on the field
    ("Mara Quill is head of sales at Orlan Labs.", {("Mara Quill", "worksFor", "Orlan Labs")}),
    # ... or on the copula
    ("Mara Quill, who lives in Halden, became head of AI at Orlan Labs.",
     {("Mara Quill", "worksFor", "Orlan Labs")}),
])
def test_rules_a_job_of_a_field_at_a_firm(nlp, text, expected):
    _assert_reads(nlp, text, expected, set())



@pytest.mark.parametrize("text, expected, absent", [
    # any kind of person a country owns lives there ("Peru's chief trade negotiator, X")
    ("Peru's chief trade negotiator, Luis Ortega, said talks would resume in March.",
     {("Luis Ortega", "livesIn", "Peru")}, set()),
    ("The court heard Maria Santos, one of Angola's best-known lawyers.", {("Maria Santos", "livesIn", "Angola")},
     set()),
    # ... but the place after the firm one works at is the firm's
    ('"Demand is weak," said Liu Fang, an economist at Hengda Securities in Shenzhen.',
     {("Liu Fang", "worksFor", "Hengda Securities")}, {("Liu Fang", "livesIn", "Shenzhen")}),
])
def test_rules_people_a_country_owns(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_a_job_listed_after_another_takes_the_of_the_parser_hung_on_the_first(nlp):
    # "a baker and president of X": the parser hangs "of X" on the first noun of the list
    _assert_reads(nlp, "Martin Keel, a baker and president of Civic Tacoma, said the group backs the plan.",
                  {("Martin Keel", "worksFor", "Civic Tacoma")})


def test_rules_people_at_their_workplaces_listed_as_subjects(nlp):
    # "X at A and Y at B found": the parser joins Y to A; each works where the text puts them
    _assert_reads(nlp, "Ana Ruiz at the Leeds Institute and Tom Berg at the Oslo Institute found the flaw.",
                  {("Ana Ruiz", "worksFor", "Leeds Institute"), ("Tom Berg", "worksFor", "Oslo Institute")})


def test_rules_a_back_referring_role_names_the_mention_its_holder_reports_on(nlp):
    # "Chief executive X said Y ...": where Y is the firm the sentence before was about (there as "It"),
    # the statement's object is the mention of Y in the role's own sentence, as span-level gold has it
    doc = _rules_doc(nlp, "Halmon Battery makes cells.\n\nIt sells to Hyundai. Chief executive Pia Lorentz said "
                          "Halmon was also in talks to supply Mercedes-Benz.")
    rec = next(r for r in doc._.kg_relation_data if r["predicate"] == "worksFor" and r["s_name"] == "Pia Lorentz")
    assert doc[rec["o_start"]:rec["o_end"]].text == "Halmon", doc[rec["o_start"]:rec["o_end"]].text


@pytest.mark.parametrize("text, mention, after", [
    # a back-referring role is said of the organisation's mention nearest it in its own sentence (its short
    # form too), not of the sentence before's subject or a description resolved to it
    ("Orvella Hotels, a chain of 40 hotels, stopped selling rooms on Tripnest.\n\nThe group will keep working "
     "with Roomly, which gives Orvella access to its members, chief executive Ines Marlow said.", "Orvella", "Roomly"),
    ("Kestova, based in Oslo, competes with Agoda.\n\nHotels such as the Grand Fjord pay Kestova fees of 12%, said "
     "co-founder Pim Sarawan, who will stay on.", "Kestova", "Hotels"),
])
def test_rules_a_back_referring_role_names_the_nearest_mention_in_its_sentence(nlp, text, mention, after):
    doc = _rules_doc(nlp, text)
    rec = next(r for r in doc._.kg_relation_data if r["predicate"] == "worksFor" and r["o_name"].startswith(mention))
    span = doc[rec["o_start"]:rec["o_end"]]
    assert span.text == mention and span.start_char > text.index(after), (span.text, span.start_char)


@pytest.mark.parametrize("text, expected, modality", [
    # the simple past of a lasting state says it is over; the present perfect keeps it
    ("Tom Berg lived in Yuma for a decade.", ("Tom Berg", "livesIn", "Yuma"), "past"),
    ("Tom Berg has lived in Yuma since 2015.", ("Tom Berg", "livesIn", "Yuma"), "fact"),
    ("Ana Ruiz worked at Veltro Foods for a decade.", ("Ana Ruiz", "worksFor", "Veltro Foods"), "past"),
    ("Ana Ruiz has worked at Veltro Foods since 2019.", ("Ana Ruiz", "worksFor", "Veltro Foods"), "fact"),
    # (a past act that starts a lasting state is a fact)
    ("Ana Ruiz joined Veltro Foods in 2019.", ("Ana Ruiz", "worksFor", "Veltro Foods"), "fact"),
])
def test_rules_an_ended_state_is_past(nlp, text, expected, modality):
    found = _modalities(_rules_doc(nlp, text))
    assert found.get(expected) == modality, found


def test_rules_a_premier_lives_in_the_place_before_the_title(nlp):
    # "Ontario Premier X", as "Pennsylvania Governor X": premier and chancellor join the offices of livesIn
    _assert_reads(nlp, "Ontario Premier Dana Whitlock has drawn strong criticism.",
                  {("Dana Whitlock", "livesIn", "Ontario")})


@pytest.mark.parametrize("text, expected, absent", [
    # a former state that history and older news still name is a country of the gazetteer, its
    # demonym before a head of state's title too ("Soviet President X", as "Guatemalan President X")
    ("The pledges made by Soviet President Ilya Varenko were ignored.",
     {("Ilya Varenko", "livesIn", "Soviet Union")}, set()),
    ("Kestrova was a closed city of the Soviet Union.", {("Kestrova", "locatedIn", "Soviet Union")}, set()),
    ("East German leader Ilya Varenko met the envoys.", {("Ilya Varenko", "livesIn", "East Germany")}, set()),
    # ... but not the demonym of a body's name ("the Supreme Soviet", a legislature)
    ("Kestrova Supreme Soviet Chairman Ilya Varenko met the envoys.", set(),
     {("Ilya Varenko", "worksFor", "Kestrova Supreme")}),
])
def test_rules_a_former_state_is_a_country_of_its_people(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # the firm of a person's job, where the NER took an unknown name for a place
    ('"We will appeal," said Mio Tanabe, head of policy at Kelloway.', {("Mio Tanabe", "worksFor", "Kelloway")}),
    # a commercial director is a firm's
    ('"Demand is strong," said Aigerim Bekova, Tulpar\'s commercial director.',
     {("Aigerim Bekova", "worksFor", "Tulpar")}),
])
def test_rules_the_firm_of_a_job_the_ner_took_for_a_place(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # whose unit a person heads is whom the person works for
    ('The Justice Department sued. "The deal is illegal," said Laura Kent, who heads the department\'s antitrust '
     'division.', {("Laura Kent", "worksFor", "United States Department of Justice")}),
    # a director general works where the title says
    ('"Exports will fall," said Rahmat Hidayat, a director general at the Trade Ministry.',
     {("Rahmat Hidayat", "worksFor", "Trade Ministry")}),
])
def test_rules_a_unit_one_heads_and_more_jobs(nlp, text, expected):
    _assert_reads(nlp, text, expected)


def test_rules_a_firms_unit_bought_is_no_purchase_of_the_firm(nlp):
    # (control: only a person's work reaches through a unit to its owner)
    _assert_reads(nlp, "Acme bought Orla's Brazilian unit.", set(), {("Acme", "acquires", "Orla")})


def test_rules_a_firms_partner_is_no_job(nlp):
    # the last word of a worksFor job ("managing partner", tried and dropped) makes the name after it a
    # person; "partner" alone is a firm's partner
    _assert_reads(nlp, "Selvane keeps the rights in Korea, where it runs a late-stage trial with its partner Hanmi Bio.",
                  {("Hanmi Bio", "partnersWith", "Selvane")})


@pytest.mark.parametrize("text, expected", [
    # a description opening the sentence, then the person's name after its comma
    ("A Kestrel Bank economist, Ana Ruiz said rates would fall.", {("Ana Ruiz", "worksFor", "Kestrel Bank")}),
    ("A lawyer for Orvane, Tom Bell said the case was weak.", {("Tom Bell", "worksFor", "Orvane")}),
])
def test_rules_a_description_opening_the_sentence_names_the_person_after_it(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a firm's chief, the firm named as what the chief says, where the tagger took the name for an adverb
    ("Chief executive Valentina Ospina said Dinely had already stopped offering its grocery service in Peru.",
     ("Valentina Ospina", "worksFor", "Dinely")),
    # a firm's chief, in a sentence that opens at the firm
    ("At Threadmill, she will report to founder and chief executive Yaw Darkwa.",
     ("Yaw Darkwa", "worksFor", "Threadmill")),
])
def test_rules_a_hyphened_role_a_name_tagged_as_an_adverb_and_a_sentence_opening_at_a_firm(nlp, text, expected):
    _assert_reads(nlp, text, {expected})


def test_rules_a_firms_possessive_on_a_hyphened_role(nlp):
    """"Tembea's co-founder": the parser hangs the possessive on "co", before the hyphen; read as the
    role's owner, not guessed from the sentence before (a weak reading, under the output threshold)."""
    doc = _rules_doc(nlp, 'Tembea raised money. "We are growing fast," said Achieng Owuor, Tembea\'s co-founder.')
    conf = {(r["s_name"], r["predicate"], r["o_name"]): r["confidence"] for r in doc._.kg_relation_data}
    assert conf.get(("Achieng Owuor", "worksFor", "Tembea"), 0) >= 0.7, conf


def test_rules_a_job_at_a_firm_named_before_a_role_of_two_words(nlp):
    """"a defence analyst at Istanbul's EDAM think tank": the name right before a two-word role noun
    (read off the surface: the parser hangs it anywhere) is where the job is."""
    _assert_reads(nlp, '"It is a risk," said Mehmet Arslan, a defence analyst at Istanbul\'s EDAM think tank.',
                  {("Mehmet Arslan", "worksFor", "EDAM")})


@pytest.mark.parametrize("text, expected, absent", [
    # an analyst who covers a field "for" or "at" a firm works for it (where the parser hangs the
    # preposition on the field)
    ('"Prices will rise," said Hiro Sato, who covers chips for Mizuho.', {("Hiro Sato", "worksFor", "Mizuho")}, set()),
    ('"It is early," said Vikram Deshpande, who covers Indian fintech at brokerage Kotak Equities.',
     {("Vikram Deshpande", "worksFor", "Kotak Equities")}, set()),
    # (what an insurance covers at a site is no job)
    ("Ana Ruiz said the policy covers damage at Orrin.", set(), {("Ana Ruiz", "worksFor", "Orrin")}),
])
def test_rules_an_analyst_covers_a_field_for_a_firm(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # whose kin a name is said to be is a person; one teaches where one works
    ("Agnes Farrow, the daughter of a Kansas farmer, grew up in Wichita and now teaches at Columbia University.",
     {("Agnes Farrow", "worksFor", "Columbia University"), ("Agnes Farrow", "livesIn", "Wichita")}, set()),
    # (not a place the parser apposed the kin noun to)
    ("Lucia Berg was born in Jamestown, N.Y., the daughter of an electrician.",
     {("Lucia Berg", "livesIn", "Jamestown, N.Y.")}, set()),
])
def test_rules_whose_kin_a_name_is_and_where_one_teaches(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, modality", [
    # a job in apposition that "previously" or "formerly" says is over is past
    ("Ostara Foods has hired Maria Keller, previously head of marketing at Brellow Brands, as its new marketing "
     "chief.", "past"),
    ("Ostara Foods has hired Maria Keller, formerly a marketing director at Brellow Brands.", "past"),
    ("Maria Keller, a marketing director at Brellow Brands, spoke on Monday.", "fact"),
])
def test_rules_a_job_in_apposition_said_to_be_over(nlp, text, modality):
    assert _modalities(_rules_doc(nlp, text)).get(("Maria Keller", "worksFor", "Brellow Brands")) == modality


@pytest.mark.parametrize("text, expected, absent", [
    # an envoy's "to" names the organisation it is sent to, not the employer ...
    ("Luc Verlaine, Belgium's permanent representative to the World Trade Organization, objected.",
     set(), {("Luc Verlaine", "worksFor", "World Trade Organization")}),
    # ... but an adviser "to" a firm works for it
    ("Tomas Rehn, an adviser to Kestrel Mining, said quotas would follow.",
     {("Tomas Rehn", "worksFor", "Kestrel Mining")}, set()),
])
def test_rules_an_envoy_is_sent_to_the_host(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a country's representative, consul or high commissioner is its national, like its ambassador
    ("Luc Verlaine, Belgium's permanent representative to the World Trade Organization, objected.",
     {("Luc Verlaine", "livesIn", "Belgium")}),
    ("The new high commissioner of Kenya, Amina Wekesa, presented her credentials.",
     {("Amina Wekesa", "livesIn", "Kenya")}),
])
def test_rules_a_countrys_representative_is_its_national(nlp, text, expected):
    _assert_reads(nlp, text, expected, set())


@pytest.mark.parametrize("text, expected", [
    # a secretary-general, hyphened or not, works for the organisation named before the title
    ("NATO Secretary-General Ilse Marken said the alliance would respond.", {("Ilse Marken", "worksFor", "NATO")}),
    ("Arab League Secretary General Karim Haddad met the envoys.", {("Karim Haddad", "worksFor", "Arab League")}),
])
def test_rules_a_secretary_general_works_for_the_organisation(nlp, text, expected):
    _assert_reads(nlp, text, expected, set())


@pytest.mark.parametrize("text, expected, absent", [
    # a demonym before a job and the name is the holder's nationality ...
    ("Portuguese police spokesman Rui Matos said two men were held.", {("Rui Matos", "livesIn", "Portugal")}, set()),
    ("The clinic was set up by Nigerian engineer Bola Adeyemi.", {("Bola Adeyemi", "livesIn", "Nigeria")}, set()),
    # (and an adjective of the body the job is in: "foreign ministry", "military")
    ("Polish foreign ministry spokesman Jan Wrona denied the report.", {("Jan Wrona", "livesIn", "Poland")}, set()),
    # ... but a kind of firm before a name is no job ("Austrian publisher Verlag Holm" may be a firm)
    ("Kelvo signed a deal with Austrian publisher Tobias Holm.", set(), {("Tobias Holm", "livesIn", "Austria")}),
])
def test_rules_a_demonym_before_a_job_is_the_holders_nation(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # an attorney, judge or prosecutor of a country or county is one of its people, as a lawyer is
    ("U.S. Attorney Delia Marsh said the inquiry would continue.", {("Delia Marsh", "livesIn", "United States")}),
    ("Polk County Judge Warren Tibbs set a hearing for May.", {("Warren Tibbs", "livesIn", "Polk County")}),
])
def test_rules_a_places_attorney_or_judge_lives_there(nlp, text, expected):
    _assert_reads(nlp, text, expected, set())


@pytest.mark.parametrize("text, expected", [
    # an agency's administrator works for it
    ("The Federal Transit Administration said its administrator, Lydia Crane, would visit Ohio.",
     {("Lydia Crane", "worksFor", "Federal Transit Administration")}),
    ("NASA Administrator Tom Keller unveiled the budget.", {("Tom Keller", "worksFor", "NASA")}),
])
def test_rules_an_administrator_works_for_the_agency(nlp, text, expected):
    _assert_reads(nlp, text, expected, set())


@pytest.mark.parametrize("text, expected", [
    # a person the parser apposed to the organisation after "for" holds the role, as after "of"
    ("A spokesman for the Marion County Sheriff's Office, Dale Whitford, declined to comment.",
     {("Dale Whitford", "worksFor", "Marion County Sheriff's Office")}),
])
def test_rules_a_name_apposed_to_the_organisation_after_for(nlp, text, expected):
    _assert_reads(nlp, text, expected, set())


@pytest.mark.parametrize("text, expected", [
    # "X of the ADJ Y company": the organisation after adjectives that describe it
    ("Spokesman Ivo Brandt of the smaller Kolbe Freight company said the route was closed.",
     {("Ivo Brandt", "worksFor", "Kolbe Freight")}),
])
def test_rules_a_person_of_an_organisation_after_adjectives(nlp, text, expected):
    _assert_reads(nlp, text, expected, set())


@pytest.mark.parametrize("text, expected", [
    # the head of a part of an organisation named after the part's "of" works for the organisation
    ("Rosa Lindqvist, head of the Nordic unit of Parvel Bank, said lending slowed.",
     {("Rosa Lindqvist", "worksFor", "Parvel Bank")}),
    ("Carl Odum, president of the local chapter of the Audubon Society, said the count went well.",
     {("Carl Odum", "worksFor", "Audubon Society")}),
])
def test_rules_the_head_of_a_part_named_after_of(nlp, text, expected):
    _assert_reads(nlp, text, expected, set())


@pytest.mark.parametrize("text, expected, absent", [
    # a capitalised portfolio names the minister's own ministry, not the body the text spoke of before ...
    ("A strong earthquake hit the south, the disaster agency Kestrava said. Health Minister Ilker Aydin said "
     "80 people were hurt.", set(), {("Ilker Aydin", "worksFor", "Kestrava")}),
    # ... but a deputy minister with no portfolio written is the body's
    ("The Transport Ministry will waive the fees, deputy minister Pablo Rojas said.",
     {("Pablo Rojas", "worksFor", "Transport Ministry")}, set()),
])
def test_rules_a_ministers_portfolio_names_the_ministry(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # an academic chair's name, with its field after "of", is no organisation: the holder works at the
    # university named after "at"
    ("Horst Kelling was born in Halden. Kelling is the Marlow Professor of Commercial Law at the University of "
     "Halden.", {("Kelling", "worksFor", "University of Halden")}, {("Kelling", "worksFor", "Commercial Law")}),
    ("Ada Brenn grew up in Halden. Brenn is the Orlan Professor of Economics at Kelvor University.",
     {("Brenn", "worksFor", "Kelvor University")}, set()),
    ("Ada Brenn grew up in Halden. Brenn is a Professor of Modern History at the University of Halden.",
     {("Brenn", "worksFor", "University of Halden")}, set()),
    # ... but a title before a person's name stays the person's
    ("Ada Brenn grew up in Halden. Professor Brenn joined Kelvor University in 2001.",
     {("Brenn", "worksFor", "Kelvor University")}, set()),
])
def test_rules_the_holder_of_a_named_chair_works_at_the_university(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # the field written bare after an office's title and "of" or "for" is no organisation
    ("Edvin Tarrant served as Minister for Consumer Protection from 2011 to 2016.", set(),
     {("Edvin Tarrant", "worksFor", "Consumer Protection")}),
    ("Edvin Tarrant was appointed Secretary of State in 2011.", set(), {("Edvin Tarrant", "worksFor", "State")}),
])
def test_rules_the_field_of_an_office_is_no_employer(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a party's candidate stands for the party named after "of" or before (unlike a mere member of it)
    ("Mara Velt, presidential candidate of the Orlan Movement, spoke on Monday.",
     {("Mara Velt", "worksFor", "Orlan Movement")}, set()),
    ("Brisk Party candidate Mara Velt increased her lead in the poll.", {("Mara Velt", "worksFor", "Brisk Party")},
     set()),
    # an undersecretary at a department is one of its officials
    ("The Halden Commerce Department tightened the rules. \"We are closing gaps,\" said Dana Whit, an "
     "undersecretary at the department.", {("Dana Whit", "worksFor", "Halden Commerce Department")}, set()),
])
def test_rules_candidates_and_undersecretaries(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # the credits of a film or a documentary are no employment, whatever the NER took its title for
    ("Harbor Lights is a 1987 Canadian drama film directed by Tomas Vidrick.", set(),
     {("Tomas Vidrick", "worksFor", "Harbor Lights")}),
    ("A documentary of the tour, called Silver Coast Railway, directed by Elsa Marrin, premiered in Toronto.",
     set(), {("Elsa Marrin", "worksFor", "Silver Coast Railway")}),
    # ... and so is the film one directs, as an active verb's object
    ("Tomas Vidrick wrote and directed his first feature film, The Salt Orchard, in 2008.", set(),
     {("Tomas Vidrick", "worksFor", "Salt Orchard")}),
    # (a laboratory directed by someone is where they work)
    ("Tomas Vidrick left the Halvorsen Institute, a laboratory directed by Elsa Marrin.",
     {("Elsa Marrin", "worksFor", "Halvorsen Institute")}, set()),
])
def test_rules_read_no_employer_in_a_works_credits(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a job in a part of an organisation ("in the chemistry lab", "in the Faculty of Law") is at the
    # organisation named after the part's "at" or "of"
    ("Mirela Dost, a researcher in the chemistry lab at Varnholt University, said the test failed.",
     {("Mirela Dost", "worksFor", "Varnholt University")}),
    ("Mirela Dost is a professor in the Faculty of Law at the University of Tessel.",
     {("Mirela Dost", "worksFor", "University of Tessel")}),
    ("Mirela Dost is an engineer in the battery unit of Quorvane Motors.",
     {("Mirela Dost", "worksFor", "Quorvane Motors")}),
])
def test_rules_read_the_organisation_whose_part_one_works_in(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a two-word back-referring job ("finance director", "managing director") names the firm the text is about,
    # after a quote as after a statement
    ('Kelvor Foods said it had paid the fine. "We made a mistake," finance director Ana Ruiz said.',
     {("Ana Ruiz", "worksFor", "Kelvor Foods")}),
    ("Tarvo Mining said output rose. Managing director Tom Berg said the mine would expand.",
     {("Tom Berg", "worksFor", "Tarvo Mining")}),
])
def test_rules_a_two_word_job_refers_back_to_the_firm(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a byline is no headline: its names are read as the NER found them, and the role between them
    ("(By Kelvor News correspondent Boris Tamm)", {("Boris Tamm", "worksFor", "Kelvor News")}),
    ("By Orlan Wire reporter Ana Ruiz", {("Ana Ruiz", "worksFor", "Orlan Wire")}),
])
def test_rules_a_byline_names_the_writer_and_the_outlet(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a government job with its portfolio before it is held at the body the text names with that portfolio
    ("Halden's Ministry of Mines and Energy ordered Kelvor Copper to shut a dam. Mines minister Tomas Berg told "
     "parliament that the government would act.", {("Tomas Berg", "worksFor", "Ministry of Mines and Energy")}),
    ("Norland's Ministry of National Defence signed the deal. \"Speed mattered,\" deputy defence minister Ana Ruiz "
     "told reporters.", {("Ana Ruiz", "worksFor", "Ministry of National Defence")}),
    ("Veloria's Department of National Defense has bought helicopters. Defence Secretary Rui Costa said they would "
     "patrol the coast.", {("Rui Costa", "worksFor", "Department of National Defense")}),
    # ... the body whose name says least besides the portfolio
    ("OTTAWA — Health Canada has barred exports of medicines after the Florida Agency for Health Care "
     "Administration began imports. \"Supply is short,\" said Health Minister Mara Quill.",
     {("Mara Quill", "worksFor", "Health Canada")}),
])
def test_rules_a_minister_of_a_portfolio_works_for_its_ministry(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a back-referring job written with the words before its trigger ("finance director", of "director")
    ('Sumatro Agri said it had paid a fine to the Ministry of Trade. "We made an administrative mistake," '
     'finance director Rizal Hasib said.', ("Rizal Hasib", "worksFor", "Sumatro Agri")),
    # a spokesperson speaks for the firm or the body the sentence before is about
    ('Safaricon said it had no plans to partner with Stellar Link. "We compete with them on price," '
     'spokeswoman Amina Wawer said.', ("Amina Wawer", "worksFor", "Safaricon")),
    ('The Ministry of Foreign Affairs said it opposed the sanctions. "These measures have no basis," '
     'spokeswoman Lin Qiao said.', ("Lin Qiao", "worksFor", "Ministry of Foreign Affairs")),
])
def test_rules_a_back_referring_job_of_two_words_or_a_spokespersons(nlp, text, expected):
    _assert_reads(nlp, text, {expected})


@pytest.mark.parametrize("text, expected", [
    # the chief officers of a firm's other fields refer back to the firm the text is about, as its chief
    # operating officer does
    ('Rheintal Bio plans a new trial. "We will start a late-stage study this year," said chief medical officer '
     "Fabienne Moll.", ("Fabienne Moll", "worksFor", "Rheintal Bio")),
    ("Lueur Labs on Wednesday released Brume, a small language model. The model was trained on French and Wolof "
     "text, chief scientist Awa Ndour said.", ("Awa Ndour", "worksFor", "Lueur Labs")),
    ('Tavona Bank cut its mortgage rates. "Defaults remain low," chief risk officer Petra Ilves said.',
     ("Petra Ilves", "worksFor", "Tavona Bank")),
])
def test_rules_a_firms_chief_officer_of_a_field_refers_back_to_it(nlp, text, expected):
    _assert_reads(nlp, text, {expected})


@pytest.mark.parametrize("text, expected", [
    # a small firm's owner, brewmaster or winemaker, with no firm named beside the job, refers back to the
    # firm the text is about, as its chief executive does
    ('Kelvor Foods said it paid Uber a 30% cut of every order. "Six dollars went to the app," said owner '
     "Dana Reyes.", ("Dana Reyes", "worksFor", "Kelvor Foods")),
    ('Talvo Brewery has started brewing an alcohol-free lager. "Young people drink less," said brewmaster '
     "Jiri Novak.", ("Jiri Novak", "worksFor", "Talvo Brewery")),
    ("Kestrel Ridge Wines said a grocer now sells its Chenin Blanc. Winemaker Dana Louw said the contract would "
     "take a third of the vintage.", ("Dana Louw", "worksFor", "Kestrel Ridge Wines")),
])
def test_rules_a_small_firms_owner_or_craftsman_refers_back_to_it(nlp, text, expected):
    _assert_reads(nlp, text, {expected})


@pytest.mark.parametrize("text, expected", [
    # a demonym before a word only people are called (not a job of any firm) is the person's nation
    ("Chilean streamer Lupe Arrau said she would move her show.", {("Lupe Arrau", "livesIn", "Chile")}),
    ("The brand signed Norwegian footballer Eirik Vangen for its campaign.", {("Eirik Vangen", "livesIn", "Norway")}),
    ("Irish journalist Ciara Dunleavy broke the story.", {("Ciara Dunleavy", "livesIn", "Ireland")}),
])
def test_rules_a_demonym_before_a_persons_noun_is_their_nation(nlp, text, expected):
    _assert_reads(nlp, text, expected, set())


@pytest.mark.parametrize("text, expected", [
    # one lives "on" an island (or a coast), as "in" a town
    ("Tarin Vosk, who owns a shop in Harwick but lives on Kelvor Island, was fined.", {("Tarin Vosk", "livesIn", "Kelvor Island")}),
    ("Ana Pell, a teacher who lives on Ostra, an island in the Velm archipelago, said the link helps.",
     {("Ana Pell", "livesIn", "Ostra")}),
])
def test_rules_one_lives_on_an_island(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    # where a person grows or farms is where they live, not where they operate (lexicon home_farming_verbs)
    ("Tomas Rehak, who grows hops in Zatec, said prices had doubled.",
     {("Tomas Rehak", "livesIn", "Zatec")}, {("Tomas Rehak", "operatesIn", "Zatec")}),
    ("Joao Pires, a farmer who grows coffee in Minas Gerais, sold his crop to Nestle.",
     {("Joao Pires", "livesIn", "Minas Gerais")}, {("Joao Pires", "operatesIn", "Minas Gerais")}),
])
def test_rules_a_grower_lives_where_they_grow(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_rules_a_firm_that_grows_somewhere_operates_there(nlp):
    _assert_reads(nlp, "Kelvor Foods grows cocoa in Ghana.", {("Kelvor Foods", "operatesIn", "Ghana")},
                  {("Kelvor Foods", "livesIn", "Ghana")})


@pytest.mark.parametrize("text, expected", [
    ("Ruth Wanjiru, Kenya's water commissioner, said the dam would be finished next year.",
     {("Ruth Wanjiru", "livesIn", "Kenya")}),
    ("Denver's schools superintendent, Ann Cole, closed the schools for two days.", {("Ann Cole", "livesIn", "Denver")}),
    ("Potter Marlowe, Ohio's attorney general, said the plan was bold.", {("Potter Marlowe", "livesIn", "Ohio")}),
])
def test_rules_read_a_places_commissioner_or_superintendent_as_living_there(nlp, text, expected):
    """"Kenya's water commissioner", "Denver's schools superintendent", "Ohio's attorney general": a place's
    civic office, like its governor or its minister, is held by one who lives there (kg:livesIn role
    triggers)."""
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    # the owner's name in front of the part, which the parser took for an adjective of it
    ("Ana Pirel, head of the Kelvor cloud unit, said the plan would work.",
     {("Ana Pirel", "worksFor", "Kelvor")}, set()),
])
def test_rules_head_of_a_part_named_by_a_name_taken_for_an_adjective(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a name after a participle the tagger took for a name (or for a compound verb) is that participle's
    # object, not the organisation the role is of
    ("Tom Lerner, chairman of the committee grilling Halvers, said the plan would work.", set(),
     {("Tom Lerner", "worksFor", "Halvers")}),
    ("Rep. Tom Lerner, chairman of the House oversight subcommittee grilling Halvers and other officials, shot back.",
     set(), {("Tom Lerner", "worksFor", "Halvers")}),
    ("Tom Lerner, chairman of the Kelvor Building Society, said so.",
     {("Tom Lerner", "worksFor", "Kelvor Building Society")}, set()),
    # (a noun after the participle, not a name: the name apposed to it is the maker's)
    ("Tessa signed a deal with Dukaan Labs, the maker of the Kirova ordering app used by grocers.",
     {("Dukaan Labs", "develops", "Kirova")}, set()),
])
def test_rules_no_role_of_a_name_after_a_participle_taken_for_a_name(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a firm's chief of a field ("finance chief", "operations chief") refers back to the firm the text is
    # about, as its finance director does; at a sentence's start too, where only the field is capitalised
    ("Kelvo makes vans in Lyon. Finance chief Anna Berg said Kelvo had no plans to buy a plant.",
     ("Anna Berg", "worksFor", "Kelvo")),
    ('Tarvo Mining said output rose. "Prices held up," operations chief Tom Berg said.',
     ("Tom Berg", "worksFor", "Tarvo Mining")),
    ("Halvik Foods cut its prices. Sales chief Dana Roos said demand was strong.",
     ("Dana Roos", "worksFor", "Halvik Foods")),
])
def test_rules_a_firms_chief_of_a_field_refers_back_to_it(nlp, text, expected):
    _assert_reads(nlp, text, {expected})
