"""Coreference for the cases news uses all the time: the ``kg_coref`` component.

"the firm", "the software giant", "the chipmaker", "the former"/"the latter",
"it"/"its" -> the right earlier entity, chosen by class (from the lexicon's
descriptor nouns), recency and salience, and never the subject of the same
clause for a description ("Spotify pays a commission to the iPhone maker").
Rules on top of the dependency parse; no model download.

Each resolved mention becomes an entity mention with ``via="coref"`` in
``doc._.kg_entity_data``; ``doc._.coref_links`` lists (mention, antecedent)
token ranges. Possessed generic products ("Stripe's API", "its API") become
products named after their owner ("Stripe API").
"""

from __future__ import annotations

import bisect
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup, Token

from .errors import ComponentError
from .entities import SPAN_KEY, guarded, register_extensions
from .ontology import load_ontology
from .syntax import OBJECT_CONTROL, clause_head, controlled_objects, possessive, subjects_above

__all__ = ["KGCoref", "make_coref_component"]

_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_PLURAL_PRONOUNS = {"they", "them", "their", "theirs"}


def _register() -> None:
    """Register ``doc._.coref_links`` once (idempotent).

    The links are stored as plain dicts in ``doc._.coref_link_data`` (so they
    survive ``Doc.to_bytes`` and ``DocBin``); ``doc._.coref_links`` rebuilds
    them as ``(mention, antecedent)`` pairs of Spans.
    """
    register_extensions()
    if not Doc.has_extension("coref_link_data"):
        Doc.set_extension("coref_link_data", default=None)
    if not Doc.has_extension("coref_links"):
        def get_links(doc: Doc) -> list[tuple[Span, Span]]:
            return [(doc[link["start"]:link["end"]], doc[link["antecedent_start"]:link["antecedent_end"]])
                    for link in doc._.coref_link_data or ()]

        def set_links(doc: Doc, links: list[dict[str, int]]) -> None:
            doc._.coref_link_data = [dict(link) for link in links]

        Doc.set_extension("coref_links", getter=get_links, setter=set_links)


def _predicate_of_copula(tok: Token) -> bool:
    """``tok`` sits in the predicate noun of "be" ("China was its biggest market")."""
    node = tok
    while node.head.i != node.i and node.pos_ not in {"VERB", "AUX"}:
        if node.dep_ == "attr" and node.head.lemma_ == "be":
            return True
        node = node.head
    return False


class KGCoref:
    """The ``kg_coref`` component. Needs a dependency parse and ``kg_entities`` before it."""

    def __init__(self, nlp: Language, name: str = "kg_coref", max_sentences: int = 5,
                 ontology_dir: str | None = None) -> None:
        _register()
        self.name = name
        self.max_sentences = max_sentences
        onto = load_ontology(ontology_dir)
        self.onto = onto
        lex = onto.lexicon["coref"]
        self.pronouns: dict[str, set[str]] = {
            p: set(classes) for p, classes in lex["pronouns"].items() if p not in _PLURAL_PRONOUNS
        }
        self.descriptors: dict[str, set[str]] = {}
        #: nouns of deals that only firms make ("its takeover of"): their possessor is a company
        self.firm_deals = set(lex["firm_deals"]["nouns"])
        for cls, nouns in lex.items():
            if cls in {"pronouns", "firm_deals"}:
                continue
            for noun in nouns:
                self.descriptors.setdefault(noun.lower(), set()).add(cls)
        #: last words of the descriptions of two words ("bank" of "central bank")
        self._second_words = {k.split()[-1] for k in self.descriptors if " " in k}
        rel = onto.lexicon["relations"]
        self.former = set(rel["former"])
        self.latter = set(rel["latter"])
        self.generic_products = set(onto.lexicon["entities"]["generic_products"])
        #: role nouns of any relation ("rival", "unit", "customer", "chief executive")
        self.role_nouns = {
            words[-1] for rel in onto.relations.values()
            for words in rel.role_triggers + rel.inverse_role_triggers
        } - {"company", "firm", "group", "startup", "giant", "maker", "platform", "brand"}
        #: every role noun, whose name in front is another's ("the iPhone maker", "the Apple supplier");
        #: not those of relations to a place (kg:basedIn's "marketplace": a place in front says where,
        #: and a place is never the name a description stands for)
        self.relational_nouns = {words[-1] for rel in onto.relations.values()
                                 if rel.name not in onto.to_places
                                 for words in rel.role_triggers + rel.inverse_role_triggers}
        #: job titles (role nouns of relations from a person), for "ministry spokesman X"
        self.person_titles = {
            words[-1] for rel in onto.relations.values() if rel.domain == frozenset({"Person"})
            for words in rel.role_triggers
        }
        #: words that end names of firms of any kind ("Company", "Group", "Bank", "Holdings")
        self._firm_words = {w.lower() for key in ("company_heads", "firm_heads")
                            for w in onto.lexicon["entities"][key]} | {"company", "firm"}
        #: verbs of saying: "X said it ..." makes X the subject of what is said
        self._reporting = set(onto.lexicon["relations"]["reporting"])
        self._accusing = set(onto.lexicon["relations"].get("accusing", ()))
        #: where the gazetteer says an organisation is from
        self._home = {e.name: e.country for e in onto.gazetteer if e.country and e.cls != "Place"}
        #: who makes a product, for descriptions such as "the iPhone maker"
        self._developer = {e.name: e.developer for e in onto.gazetteer if e.developer}

    # -- helpers -----------------------------------------------------------------

    def _compatible(self, cls: str, wanted: set[str]) -> bool:
        # a generic organisation may be the company a description speaks of ("the manufacturer")
        return any(self.onto.is_a(cls, w) for w in wanted) or (cls == "Organization" and "Company" in wanted)

    def _candidates(self, doc: Doc, items: list[dict[str, Any]], tok: Token) -> list[dict[str, Any]]:
        """Named mentions before ``tok`` within the last few sentences, most recent first."""
        here = self._sent_index.get(tok.i, 0)
        lo = bisect.bisect_left(self._starts, self._sent_first_token.get(here - self.max_sentences, 0))
        hi = bisect.bisect_left(self._starts, tok.i)
        out = [it for it in self._named[lo:hi] if it["end"] <= tok.i]
        return out[::-1]

    def _same_clause_subject(self, doc: Doc, items: list[dict[str, Any]], tok: Token) -> set[str]:
        """Names of entities that are the subject of the clause ``tok`` is in; and of who accuses it
        ("sued Y, accusing the carmaker of", "alleging that the Swiss trader had": lexicon ``accusing``)."""
        verb = clause_head(tok)
        subjects = [c for c in verb.children if c.dep_ in _SUBJ]
        if tok.dep_ == "dobj" and verb.lemma_.lower() in self._accusing:
            subjects += subjects_above(verb)
        elif tok.dep_ in _SUBJ and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in self._accusing:
            subjects += subjects_above(verb.head)
        return {it["name"] for child in subjects for it in items if it["start"] <= child.i < it["end"]}

    def _salience(self, doc: Doc, it: dict[str, Any], tok: Token) -> float:
        root = doc[it["end"] - 1] if it["end"] - it["start"] == 1 else doc[it["start"]:it["end"]].root
        back = self._sent_index[tok.i] - self._sent_index[it["start"]]
        score = -0.6 * back - (tok.i - it["start"]) / 200.0
        sent = root.sent
        first_named = self._first_named.get(self._sent_index[it["start"]])
        if root.dep_ in _SUBJ or (root.dep_ == "conj" and root.head.dep_ in _SUBJ) or (
            # the parser sometimes misses the subject; the sentence's first name before its verb is one
            first_named is not None and first_named["start"] == it["start"]
            and (it["end"] <= sent.root.i or root.i == sent.root.i)
            and root.dep_ in {"compound", "ROOT", "nmod", "npadvmod"}
        ):
            score += 1.0
        if root.dep_ == "poss" and root.head.dep_ in _SUBJ:
            score += 0.5
        if tok.sent.start <= it["start"]:
            score += 0.5
        if it["via"] == "demonym":
            score -= 3.0
        # The story's protagonist: named often so far, or in the first sentence (the headline).
        starts = self._name_starts.get(it["name"], [])
        prior = bisect.bisect_left(starts, tok.i)
        score += 0.25 * min(prior, 6)
        if prior and starts[0] < self._first_sentence_end:
            score += 0.5
        return score

    def _subject_item(self, verb: Token, pool: list[dict[str, Any]], wanted: set[str], *, before: int | None = None,
                      head_only: bool = False, demonyms: bool = False) -> dict[str, Any] | None:
        """The item that is a subject of ``verb`` (before token ``before``, if given) and of a wanted
        class: a demonym only if ``demonyms``; the subject word the name's head if ``head_only``
        ("China's customs agency": the agency, not China)."""
        for c in verb.children:
            if c.dep_ not in _SUBJ or (before is not None and c.i >= before):
                continue
            for it in pool:
                if it["start"] <= c.i < it["end"] and self._compatible(it["cls"], wanted) \
                        and (demonyms or it["via"] != "demonym") \
                        and (not head_only or c.i == c.doc[it["start"]:it["end"]].root.i):
                    return it
        return None

    def _resolve(self, doc: Doc, items: list[dict[str, Any]], tok: Token, wanted: set[str],
                 description: bool, resolved: list[dict[str, Any]]) -> dict[str, Any] | None:
        if not description:
            ahead = self._cataphor(doc, items, tok, wanted)
            if ahead is not None:
                return ahead
            # "the latter can pay back its investor": a possessive in a clause refers to the
            # clause's subject when that is a thing of the right kind
            pool = items + resolved
            if tok.dep_ == "poss" and tok.head.dep_ == "conj" and doc[tok.i + 1:tok.i + 2].text.lower() != "own":
                # "Tanegawa's Torrey hybrid and its first pickup": the owner of the noun it is joined to
                # (not "its own", which stands for the subject)
                first = tok.head.head
                owner = next((it for c in first.subtree if c.i < first.i and possessive(c) for it in pool
                              if it["start"] <= c.i < it["end"] and self._compatible(it["cls"], wanted)), None)
                if owner is not None:
                    return owner
            if tok.dep_ == "poss" and not _predicate_of_copula(tok):
                clause = clause_head(tok)
                found = self._subject_item(clause, pool, wanted, before=tok.i)
                if found is None and clause.head.lemma_.lower() in OBJECT_CONTROL \
                        and not any(c.dep_ in _SUBJ for c in clause.children):
                    # "ordered Orrin to shut down its service": the one ordered is the clause's subject
                    found = next((it for c in controlled_objects(clause) for it in pool
                                  if it["start"] <= c.i < it["end"] and self._compatible(it["cls"], wanted)), None)
                if found is not None:
                    return found
            # "China's customs agency said it had banned ...": the subject of what a name reports is
            # that name (the one who says, not a name inside it)
            verb = tok.head
            if tok.dep_ in _SUBJ and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in self._reporting:
                found = self._subject_item(verb.head, pool, wanted, before=tok.i, head_only=True)
                if found is not None:
                    return found
            # "X supplies ..., and it has been expanding": the subject of a coordinated
            # clause continues the subject of the first one.
            if tok.dep_ in _SUBJ and verb.dep_ == "conj":
                found = self._subject_item(verb.head, pool, wanted, demonyms=True)
                if found is not None:
                    return found
        cands = [c for c in self._candidates(doc, items, tok) if self._compatible(c["cls"], wanted)]
        if description:
            banned = self._same_clause_subject(doc, items + resolved, tok)
            cands = [c for c in cands if c["name"] not in banned and c["via"] != "demonym"]
        else:
            # A pronoun does not take an antecedent that is an argument of its own verb, nor
            # the subject of the copula it is the predicate of ("China was its biggest market").
            verb = clause_head(tok)
            own = {
                it["name"] for it in cands
                if tok.sent.start <= it["start"] and clause_head(doc[it["start"]]).i == verb.i
                and (tok.dep_ in _SUBJ | {"dobj"} and doc[it["start"]].dep_ in _SUBJ | {"dobj"}
                     or tok.dep_ == "poss" and _predicate_of_copula(tok) and doc[it["start"]].dep_ in _SUBJ)
            }
            if tok.dep_ == "dobj" and verb.dep_ == "conj" and not any(c.dep_ in _SUBJ for c in verb.children):
                # "The Commission fined Trovik and barred it from bidding": the verb's subject is the
                # one of the verb it is joined to
                own |= {it["name"] for it in cands if tok.sent.start <= it["start"]
                        and doc[it["start"]:it["end"]].root.dep_ in _SUBJ
                        and doc[it["start"]:it["end"]].root.head.i == verb.head.i}
            cands = [c for c in cands if c["name"] not in own]
        if description and wanted == {"Product"}:
            # "the vaccine" names a product only if the text called it a vaccine before
            # ("the R21 vaccine", "R21, a malaria vaccine"); otherwise it is any vaccine.
            def called(c: dict[str, Any]) -> bool:
                root = doc[c["start"]:c["end"]].root
                near = [root.head] + [x for x in root.children if x.dep_ == "appos"]
                if c["end"] < len(doc):
                    near.append(doc[c["end"]])
                return any(t.lemma_.lower() == tok.lemma_.lower() for t in near)
            cands = [c for c in cands if called(c)]
        if not cands:
            return None
        # "the iPhone maker": the gazetteer knows who makes the product named in the description
        if description:
            makers = {self._developer.get(it["name"]) for it in self._all_items
                      if it["cls"] == "Product" and any(it["start"] <= c.i < it["end"] for c in tok.children
                                                        if c.dep_ in {"compound", "nmod", "amod"})}
            makers.discard(None)
            if makers:
                named = [c for c in cands if c["name"] in makers]
                if named:
                    return named[0]
        # "the carrier" after "budget carrier Wrenair" or "Wrenair, a budget carrier": a candidate the
        # text called by the description's noun is the one meant, before any other of its kind
        # (not a word for firms of any kind: "the group" is any group; and a name the nearest mention
        # shortens stays that mention: "studio Copperleaf Games" ... "Copperleaf" ... "the studio")
        if description and tok.lower_ not in self._firm_words:
            called_so = {c["name"] for c in self._all_items if c["end"] <= tok.i and c["via"] == ""
                         and self._called_by(doc, c, tok.lemma_.lower())}
            named = [c for c in cands if c["name"].split()[0] in {n.split()[0] for n in called_so}]
            if named:
                cands = named
        # "the league" after "the B.League", "the agency" after "the Space Agency": a candidate whose
        # name ends in the description's noun is the one meant (not a word that ends the names of
        # firms of any kind: "the company" is not "Mubadala Investment Company" more than another)
        if description and tok.lower_ not in self._firm_words:
            noun = tok.lower_
            named = [c for c in cands if c["name"].lower().endswith(noun) and len(c["name"]) > len(noun)
                     and not c["name"][-len(noun) - 1].isalpha()]
            if named:
                cands = named
        # "the Swiss drugmaker", "the U.S. company": a demonym or a country on the description rules
        # out companies the gazetteer places in another country.
        if description:
            countries = {it["name"] for it in self._all_items if (it["via"] == "demonym" or it["cls"] == "Country")
                         and any(it["start"] <= c.i < it["end"] for c in tok.children
                                 if c.dep_ in {"amod", "compound", "nmod"})}
            if countries:
                fitting = [c for c in cands if self._home.get(c["name"], "") in countries | {""}]
                known = [c for c in fitting if self._home.get(c["name"])]
                cands = known or fitting or cands
        return max(cands, key=lambda c: self._salience(doc, c, tok))

    # -- main ------------------------------------------------------------------------

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            raise ComponentError(
                "kg_coref needs a dependency parse: add it after a 'parser' component "
                "(pipeline has no parse on this Doc). Available pipes must include 'parser'."
            )
        items: list[dict[str, Any]] = list(doc._.kg_entity_data or [])
        self._all_items = items
        self._sent_index = {}
        self._sent_first_token = {}
        for n, sent in enumerate(doc.sents):
            self._sent_first_token[n] = sent.start
            for i in range(sent.start, sent.end):
                self._sent_index[i] = n
        self._first_sentence_end = self._sent_first_token.get(1, len(doc))
        # indexes so that each resolution is logarithmic, not a scan of the document
        self._named = sorted((it for it in items if it["via"] != "coref" and not it.get("dateline")),
                             key=lambda it: it["start"])
        self._starts = [it["start"] for it in self._named]
        self._name_starts: dict[str, list[int]] = {}
        self._first_named: dict[int, dict[str, Any]] = {}
        for it in sorted(items, key=lambda it: it["start"]):
            self._name_starts.setdefault(it["name"], []).append(it["start"])
            if it["via"] in {"", "gazetteer"}:
                self._first_named.setdefault(self._sent_index.get(it["start"], -1), it)
        taken = [False] * len(doc)
        for it in items:
            for i in range(it["start"], it["end"]):
                taken[i] = True
        links: list[dict[str, int]] = []
        resolved: list[dict[str, Any]] = []
        described: dict[str, dict[str, Any]] = {}

        named_at: dict[str, list[dict[str, Any]]] = {}
        for it in self._named:
            named_at.setdefault(it["name"], []).append(it)
        named_starts = {name: [it["start"] for it in its] for name, its in named_at.items()}

        def add(span: Span, ante: dict[str, Any]) -> None:
            if any(taken[span.start:span.end]):
                return
            for i in range(span.start, span.end):
                taken[i] = True
            # the entity is chosen; the mention that stands for it is its nearest name before the span
            # ("Nuvea chief executive X said. The company competes ...": that "Nuvea", not the subject
            # two sentences up that made it the likeliest referent)
            same = named_at.get(ante["name"], [])
            k = bisect.bisect_left(named_starts.get(ante["name"], []), span.start)
            if k and same[k - 1]["cls"] == ante["cls"]:
                ante = same[k - 1]
            resolved.append({"start": span.start, "end": span.end, "name": ante["name"], "cls": ante["cls"],
                        "wikidata": ante.get("wikidata", ""), "via": "coref"})
            links.append({"start": span.start, "end": span.end,
                          "antecedent_start": ante["start"], "antecedent_end": ante["end"]})

        for tok in doc:
            if taken[tok.i]:
                continue
            low = tok.lower_
            if low in self._second_words and tok.i and doc[tok.i - 1].dep_ == "amod" \
                    and doc[tok.i - 1].head.i == tok.i and f"{doc[tok.i - 1].lower_} {low}" in self.descriptors:
                low = f"{doc[tok.i - 1].lower_} {low}"  # "the central bank": a description of two words
            if low in self.pronouns and tok.pos_ == "PRON":
                if low == "it" and self._pleonastic(tok):
                    continue
                if low in {"it", "them"} and self._object_of_verb_before(tok, taken):
                    continue
                wanted = self.pronouns[low]
                nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else tok
                if tok.dep_ == "poss" and (tok.head.lemma_.lower() in self.role_nouns
                                           or nxt.lemma_.lower() in self.role_nouns):
                    # "its rival", "its chief executive", "its customers": an organisation's
                    wanted = wanted & {"Company", "Organization", "GovernmentBody"} or wanted
                ante = None
                if tok.dep_ == "poss" and tok.head.lemma_.lower() in self.firm_deals and "Company" in wanted:
                    # "the Commission fined Quillo after its takeover of X": a firm's deal, not the regulator's
                    ante = self._resolve(doc, items, tok, {"Company"}, description=False, resolved=resolved)
                if ante is None and tok.dep_ == "poss":
                    # "giving the carmaker access to its Mistral Large model": the firm its product is named after
                    ante = self._named_owner(doc, tok, wanted)
                if ante is None and tok.dep_ == "poss" and "Company" in wanted and self._owns_named_product(tok):
                    # "granted Halcyra a licence to export its Cirrus X9 accelerators": a named product's
                    # owner is a firm, not the body or country the sentence is about
                    ante = self._resolve(doc, items, tok, {"Company"}, description=False, resolved=resolved)
                if ante is None:
                    ante = self._resolve(doc, items, tok, wanted, description=False, resolved=resolved)
                if ante is not None:
                    add(doc[tok.i:tok.i + 1], ante)
                continue
            if tok.pos_ in {"NOUN", "ADJ"} and not tok.tag_.endswith("S"):
                det = [c for c in tok.children if c.dep_ == "det" and c.lower_ == "the"]
                if not det and low in self.descriptors and tok.dep_ == "compound" \
                        and tok.head.lemma_.lower() in self.person_titles:
                    # "ministry spokesman Lukas Brandt", "company spokeswoman X": the one named before
                    ante = self._resolve(doc, items, tok, self.descriptors[low], description=True,
                                         resolved=resolved)
                    if ante is not None:
                        add(doc[tok.i:tok.i + 1], ante)
                    continue
                if not det:
                    continue
                start = min(det[0].i, *(c.i for c in tok.children if c.i < tok.i and c.dep_ in {"amod", "compound", "det", "npadvmod", "punct"}))
                named = [it for c in tok.children if c.dep_ == "compound" and c.i < tok.i and taken[c.i]
                         for it in [self._named_at(c.i)] if it is not None]
                if named and low in self.descriptors and low not in self.relational_nouns:
                    # "the United Auto Workers union": the name in front says which one, when it is of the
                    # kind the noun names ("the Sotavento.mx marketplace", a product's, names no firm)
                    if self._compatible(named[0]["cls"], self.descriptors[low]):
                        add(doc[tok.i:tok.i + 1], named[0])
                    continue
                if any(taken[start:tok.i]):
                    start = tok.i  # "the German carmaker": "German" stays its own (country) mention
                span = doc[start:tok.i + 1]
                if low in self.former or low in self.latter:
                    ante = self._former_latter(doc, items, tok, latter=low in self.latter)
                    if ante is not None:
                        add(span, ante)
                    continue
                if low in self.descriptors:
                    # "Datadog, the New York monitoring company": an appositive names its head
                    if tok.dep_ == "appos" or any(c.dep_ == "appos" for c in tok.children):
                        other = [tok.head] if tok.dep_ == "appos" else [c for c in tok.children if c.dep_ == "appos"]
                        ante = next((it for it in items for o in other
                                     if it["start"] <= o.i < it["end"] and it["via"] != "coref"
                                     and self._compatible(it["cls"], self.descriptors[low])), None)
                        if ante is not None:
                            add(span, ante)
                        continue
                    # "the South Korean battery maker ... The battery maker": the same
                    # description names the same thing again
                    key = " ".join(c.lemma_.lower() for c in tok.children
                                   if c.dep_ == "compound" and c.i < tok.i) + " " + low
                    ante = described.get(key) if key.strip() != low else None
                    if ante is None:
                        ante = self._resolve(doc, items, tok, self.descriptors[low], description=True,
                                             resolved=resolved)
                    if ante is not None and key.strip() != low:
                        described.setdefault(key, ante)
                    if ante is not None:
                        add(span, ante)

        items.extend(resolved)
        items.sort(key=lambda it: it["start"])
        self._generic_products(doc, items, taken)
        items.sort(key=lambda it: it["start"])
        doc._.kg_entity_data = items
        doc._.coref_links = links
        doc.spans[SPAN_KEY] = SpanGroup(
            doc, name=SPAN_KEY, spans=[Span(doc, it["start"], it["end"], label=it["cls"]) for it in items]
        )
        return doc

    @staticmethod
    def _called_by(doc: Doc, it: dict[str, Any], noun: str) -> bool:
        """The text calls the named mention ``it`` by ``noun``: right before its name ("budget carrier
        Wrenair"), or in apposition either way ("Wrenair, a budget carrier")."""
        root = doc[it["start"]:it["end"]].root
        near = [x for x in root.children if x.dep_ == "appos"]
        if root.dep_ == "appos":
            near.append(root.head)
        if it["start"] > 0:
            near.append(doc[it["start"] - 1])
        return any(t.lemma_.lower() == noun and t.pos_ == "NOUN" for t in near)

    def _named_owner(self, doc: Doc, tok: Token, wanted: set[str]) -> dict[str, Any] | None:
        """The organisation named shortly before a possessive pronoun whose name starts the name of the
        product right after the pronoun: "its Mistral Large model" is Mistral AI's ("Mistral"), not the
        carmaker's named since; ``None`` where no such name is there."""
        product = self._next_named(tok.i + 1)
        if product is None or product["start"] != tok.i + 1 or product["cls"] != "Product":
            return None
        first = doc[product["start"]].text
        for it in self._candidates(doc, self._all_items, tok):
            if it["via"] in {"", "gazetteer"} and self.onto.is_a(it["cls"], "Organization") \
                    and self._compatible(it["cls"], wanted) and it["name"] != product["name"] \
                    and (it["name"].split()[0] == first or doc[it["start"]].text == first):
                return it
        return None

    def _cataphor(self, doc: Doc, items: list[dict[str, Any]], tok: Token,
                  wanted: set[str]) -> dict[str, Any] | None:
        """"By leveraging its cloud, Oracle ...": a pronoun in a fronted phrase
        refers forward to the subject of the main clause."""
        root = tok.sent.root
        subjects = [c for c in root.children if c.dep_ in _SUBJ and c.i > tok.i]
        if not subjects:
            return None
        fronted = [c for c in root.children if c.dep_ in {"advcl", "prep", "npadvmod"} and c.i < subjects[0].i]
        if not any(tok.i in {t.i for t in f.subtree} for f in fronted):
            return None
        for it in items:
            if it["start"] <= subjects[0].i < it["end"] and it["via"] in {"", "gazetteer"} \
                    and self._compatible(it["cls"], wanted):
                return it
        return None

    def _owns_named_product(self, tok: Token) -> bool:
        """Whether the possessive ``tok`` owns a product the text names ("its Skarb counter-drone
        radars": a named product between it and the noun it hangs on)."""
        end = tok.head.i if tok.head.i > tok.i else tok.i + 1
        product = self._next_named(tok.i + 1)
        return product is not None and product["start"] <= end and product["cls"] == "Product"

    def _next_named(self, i: int) -> dict[str, Any] | None:
        """The first name of the document (not a resolved mention) that starts at token ``i`` or after."""
        k = bisect.bisect_left(self._starts, i)
        return self._named[k] if k < len(self._named) else None

    def _named_at(self, i: int) -> dict[str, Any] | None:
        """The name of the document (not a resolved mention), other than a place's, that covers token
        ``i`` (a place before a description says where it is from: "the U.S. company"), or None."""
        k = bisect.bisect_right(self._starts, i) - 1
        if k >= 0 and self._named[k]["start"] <= i < self._named[k]["end"] \
                and not self.onto.is_a(self._named[k]["cls"], "Location"):
            return self._named[k]
        return None

    def _object_of_verb_before(self, tok: Token, taken: list[bool]) -> bool:
        """"makes the TR-500 resist and sells it": the object of a verb that repeats the object of the verb
        it is coordinated with, a thing no name stands for (not "bought the company and sold it")."""
        verb = tok.head
        if tok.dep_ != "dobj" or verb.dep_ != "conj" or verb.head.pos_ != "VERB":
            return False
        objects = [c for c in verb.head.children if c.dep_ == "dobj"] or [
            # ("makes the TR-500 resist used in ...": the parser took the object for the subject of a clause)
            g for c in verb.head.children if c.dep_ == "ccomp" and c.tag_ == "VBN" for g in c.children
            if g.dep_ == "nsubj" and g.i < c.i]
        return bool(objects) and all(o.pos_ == "NOUN" and not taken[o.i] and o.lower_ not in self.descriptors
                                     for o in objects)

    def _pleonastic(self, tok: Token) -> bool:
        """"it is difficult to ...", "it seems that ..." are not references."""
        head = tok.head
        if tok.dep_ not in {"nsubj", "expl"}:
            return False
        if tok.dep_ == "expl":
            return True
        deps = {c.dep_ for c in head.children}
        return head.lemma_ in {"be", "seem", "appear", "remain", "become"} and bool(
            deps & {"acomp", "attr"}) and bool(deps & {"xcomp", "ccomp"})

    def _former_latter(self, doc: Doc, items: list[dict[str, Any]], tok: Token,
                       latter: bool) -> dict[str, Any] | None:
        seen: list[dict[str, Any]] = []
        names: set[str] = set()
        for it in self._candidates(doc, items, tok):
            if it["via"] == "demonym" or it["name"] in names:
                continue
            names.add(it["name"])
            seen.append(it)
            if len(seen) == 2:
                break
        if len(seen) < 2:
            return None
        return seen[0] if latter else seen[1]

    def _generic_products(self, doc: Doc, items: list[dict[str, Any]], taken: list[bool]) -> None:
        """"Stripe's API", "its API", "the firm's API" -> a product named "Stripe API"."""
        by_token = {}
        for it in items:
            for i in range(it["start"], it["end"]):
                by_token[i] = it
        for tok in doc:
            if taken[tok.i] or tok.text not in self.generic_products:
                continue
            if any(c.dep_ in {"compound", "nmod"} and c.i < tok.i and c.pos_ == "PROPN" and c.i in by_token
                   and not self.onto.is_a(by_token[c.i]["cls"], "Organization") for c in tok.children):
                continue  # "its Zephyr app": the app has a name of its own
            if any(c.dep_ in {"amod", "compound", "nmod"} and c.i < tok.i and c.is_lower for c in tok.children):
                continue  # "its smartphone app", "the bank's own app": a description, not a thing's name
            owner = None
            for child in tok.children:
                if child.dep_ in {"poss", "compound"} and child.i in by_token:
                    cand = by_token[child.i]
                    if self.onto.is_a(cand["cls"], "Organization"):
                        owner = cand
            if owner is None:
                continue
            taken[tok.i] = True
            items.append({"start": tok.i, "end": tok.i + 1, "name": f"{owner['name']} {tok.text}",
                          "cls": "Product", "wikidata": "", "via": "generic"})


@Language.factory(
    "kg_coref",
    default_config={"max_sentences": 5, "ontology_dir": None},
    assigns=["doc._.coref_links", "doc._.kg_entities"],
    requires=["token.dep", "doc._.kg_entities"],
)
def make_coref_component(nlp: Language, name: str, max_sentences: int, ontology_dir: str | None) -> KGCoref:
    """Factory of the ``kg_coref`` component."""
    if "kg_entities" not in nlp.pipe_names:
        raise ValueError(
            "kg_coref needs 'kg_entities' earlier in the pipeline: "
            f"nlp.add_pipe('kg_entities') first. Current pipes: {nlp.pipe_names}"
        )
    return KGCoref(nlp, name, max_sentences=max_sentences, ontology_dir=ontology_dir)
