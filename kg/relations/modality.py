"""Modality and qualifiers of a relation, read off the clause around an anchor token.

Shared by the rules and the trained model, so that "did not invest", "may ban"
and "from January" mean the same to both.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..ontology import Ontology, RelationInfo

__all__ = ["Modality"]


#: Subjects that say nobody does it.
_NO_ONE = frozenset({"neither", "none", "nobody", "nothing"})


class Modality:
    """Reads whether a relation is stated as a fact, negated, hypothetical or past, and its qualifiers."""

    def __init__(self, onto: Ontology) -> None:
        lex = onto.lexicon
        self.hedges = set(lex["relations"]["hedges"]) - {"would"}
        self.negations = set(lex["relations"]["negations"])
        self.reporting = set(lex["relations"]["reporting"])
        self.ended_states = set(lex["relations"].get("ended_states", ()))
        #: states whose simple past with "until" or "for" a span is over: the ended states and the posts held
        self.bounded_states = self.ended_states | set(lex["relations"].get("bounded_states", ()))
        self.keep_from = set(lex["relations"]["keep_from"])
        self.seeking_verbs = set(lex["relations"].get("seeking_verbs", ()))
        self.ending_acts = frozenset(lex["relations"].get("ending_acts", ()))

    def _presupposed(self, noun: Token) -> str:
        """The modality of an event noun its clause presupposes ("Veltro's 2022 purchase of Lumio"): a
        fact whatever the clause says, except what a verb of stopping takes as its object ("the
        regulator blocked Veltro's takeover of Lumio": it did not happen)."""
        stop = noun.head
        if noun.dep_ == "dobj" and stop.lemma_.lower() in self.negations \
                and not (stop.dep_ in {"xcomp", "advcl"} and stop.head.lemma_.lower() in self.seeking_verbs
                         and any(c.dep_ == "aux" and c.lower_ == "to" for c in stop.children)):
            # (a stop only sued or moved for leaves the deal as agreed: "sued to block Veltro's takeover of Lumio")
            return "negated"
        if any(c.dep_ == "amod" and (c.lemma_.lower() in self.hedges or c.lower_ in self.hedges) for c in noun.children):
            return "hypothetical"  # "Veltro's planned purchase of Lumio", "its proposed takeover"
        return "fact"

    @staticmethod
    def _once_was(noun: Token) -> bool:
        """A role noun in apposition said to be over: "X, formerly a unit of Y," and "X, previously a
        subsidiary of Y," (the adverb on the noun, or on the name between it and the noun)."""
        if noun.dep_ != "appos":  # (or before the clause: "Once a unit of Y, X now ...")
            return noun.left_edge.i == noun.sent.start and any(
                c.dep_ == "advmod" and c.lower_ in {"formerly", "previously", "once"} for c in noun.children)
        return any(c.dep_ == "advmod" and c.lower_ in {"formerly", "previously", "once"}
                   and (c.head.i == noun.i or c.head.i < c.i < noun.i) for c in [*noun.children, *noun.head.children])

    def _modality(self, tok: Token) -> str:
        if any(c.lower_ in {"previously", "formerly", "once"} and c.dep_ == "advmod" for c in tok.children):
            return "past"  # "who previously worked at Google"
        if tok.tag_ == "VBD" and tok.lemma_.lower() in self.ended_states:
            return "past"  # "who worked at X before joining Y", "he lived in Yuma"
        if tok.tag_ == "VBD" and tok.lemma_.lower() in self.bounded_states and any(
                c.dep_ == "prep" and (c.lower_ in {"until", "till"} or (
                    c.lower_ == "for" and any(g.ent_type_ == "DATE" for g in c.children if g.dep_ == "pobj")))
                for c in tok.children):
            return "past"  # "who until last month ran treasury at X", "who ran logistics at X for five years"
        if _ended(tok) and (tok.lemma_.lower() in self.bounded_states or tok.lemma_ == "be"):
            return "past"  # "X was owned by Y until 2019", "X belonged to Y until it was sold"
        if tok.dep_ in {"attr", "acomp"} and tok.head.lemma_ == "be" and _ended(tok.head):
            return "past"  # "X was a unit of Y until 2017": the copula's end is its predicate's
        # "pays Apple no commission", "has no stake in"
        if any(c.dep_ in {"dobj", "attr"} and any(d.dep_ == "det" and d.lower_ in {"no", "zero"} for d in c.children)
               for c in tok.children) or any(d.dep_ == "det" and d.lower_ == "no" for d in tok.children):
            return "negated"
        # "neither of which sells phones in Japan", "none of them operates there" (which the parser
        # may hang on the names as a conjunct: "Veltro and Orlan, neither of which operates in Japan")
        if any(c.dep_ in {"nsubj", "nsubjpass"} and (c.lower_ in _NO_ONE or any(
                g.dep_ == "conj" and g.lower_ in _NO_ONE for g in c.subtree)) for c in tok.children):
            return "negated"
        node = tok
        reported = False
        chain = [tok]
        for _ in range(6):
            if node.head.i == node.i:
                break
            if node.dep_ in {"ccomp", "acl", "relcl", "advcl", "ROOT"} and node.head.lemma_.lower() in self.reporting:
                reported = True
            if node.dep_ in {"relcl", "appos", "parataxis"}:
                break  # a relative clause or apposition states its own fact
            if node is tok and tok.dep_ in {"amod", "acl"} and tok.tag_ == "VBN" and not any(
                    c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark"} for c in tok.children):
                # and so does a participle describing a noun ("barred him from working for Wuhan-based X";
                # not a clause of its own: "denied a report that it had paid X")
                break
            node = node.head
            chain.append(node)
            if node.pos_ == "VERB" and node.dep_ in {"ROOT"}:
                break
        for n, node in enumerate(chain):
            for c in node.children:
                if c.dep_ == "neg" or (c.lower_ in {"never", "no"} and c.dep_ in {"neg", "advmod", "det"}) or (
                        c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)):
                    # ("no longer competes with")
                    if n == 0 or chain[n - 1].dep_ in {"xcomp", "dobj", "attr", "acomp"}:
                        return "negated"  # "is not available in": the copula carries the negation
                if c.dep_ in {"aux", "auxpass"} and c.lemma_.lower() in self.hedges:
                    if n == 0 or chain[n - 1].dep_ in {"xcomp", "dobj", "attr", "acomp", "conj"}:
                        return "hypothetical"
                if c.dep_ == "aux" and c.lower_ in {"would", "'d"} and not reported and (
                        n == 0 or n == 1 and _purpose(chain[0])):
                    return "hypothetical"  # (and its purpose: "would use Piatza to enter Romania")
                if c.dep_ == "mark" and c.lower_ in {"if", "whether", "unless"} and n <= 1:
                    return "hypothetical"
                # the main clause of a condition: "If the deal collapses, X would have to pay Y a fee"
                if c.dep_ == "advcl" and c.i < node.i and n <= 1 and any(
                        m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children):
                    return "hypothetical"
                if c.dep_ == "prep" and c.lower_ == "before" and n == 0 and any(
                        g.dep_ == "pobj" and g.lemma_.lower() in self.ending_acts for g in c.children):
                    return "negated"  # "had 2 million users in Nepal before the ban": no longer
            # "barred Veltro from offering X", "Veltro refrained from selling X"
            if n > 1 and chain[n - 1].dep_ == "prep" and chain[n - 1].lower_ == "from" \
                    and chain[n - 2].dep_ == "pcomp" and node.lemma_.lower() in self.keep_from:
                return "negated"
            # (not a noun a past participle describes: "a data plan sold by X" is no plan to sell)
            if n > 0 and chain[n - 1].dep_ in {"xcomp", "dobj", "acl"} \
                    and not (chain[n - 1].dep_ == "acl" and chain[n - 1].tag_ == "VBN"):
                lemma = node.lemma_.lower()
                if lemma in self.hedges or node.lower_ in self.hedges:  # "in talks to buy X": "talks", not "talk"
                    return "hypothetical"
                # "ruled out entering New Zealand": a phrasal verb with its particle
                phrasal = " ".join([lemma] + [c.lower_ for c in node.children if c.dep_ == "prt"])
                if lemma in self.negations or phrasal in self.negations:
                    return "negated"
            if n > 0 and chain[n - 1].dep_ == "ccomp" and node.lemma_.lower() in self.negations:
                return "negated"  # "denied that it had agreed to buy X"
        return "fact"

    def _qualifiers(self, tok: Token, sent_ents: list[Span], rel: RelationInfo, role_text: str,
                    about: str) -> list[tuple[str, str]]:
        quals: list[tuple[str, str]] = []
        clause = tok
        while clause.head.i != clause.i and clause.pos_ not in {"VERB", "AUX"}:
            clause = clause.head
        scope = set(t.i for t in clause.subtree) | set(t.i for t in tok.subtree)
        for ent in sent_ents:
            if ent.start not in scope:
                continue
            if ent.label_ == "DATE":
                prev = ent.doc[ent.start - 1] if ent.start > 0 else None
                key = "startDate" if prev is not None and prev.lower_ in {
                    "starting", "from", "since", "effective", "beginning"} else "date"
                if not any(k == key for k, _ in quals):
                    quals.append((key, ent.text.strip()))
            elif ent.label_ == "MONEY" and not any(k == "amount" for k, _ in quals):
                quals.append(("amount", ent.text.strip()))
        if role_text and rel.qualifier_role == "role":
            quals.append(("role", role_text))
        if about and rel.qualifier_role == "about":
            quals.append(("about", about))
        return sorted(quals)


def _ended(verb: Token) -> bool:
    """``verb`` is a simple past (active, or passive with "was"), or the past copula, with an end: "until"
    a time or "until" a clause ("was owned by Y until 2019", "was a unit of Y until it was sold")."""
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children))
    return past and any((c.dep_ == "prep" and c.lower_ in {"until", "till"}) or (
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"until", "till"} for m in c.children))
        for c in verb.children)


def _purpose(clause: Token) -> bool:
    """Whether ``clause`` is an infinitive of purpose after its verb's object ("use Piatza to enter
    Romania"), not one the verb takes as its own ("keep hiring", "continue to sell")."""
    return clause.dep_ in {"advcl", "xcomp"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) \
        and any(c.dep_ == "dobj" and c.i < clause.i for c in clause.head.children)
