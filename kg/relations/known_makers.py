"""Products whose maker the gazetteer knows: "Kelvor moved its iPhone users to a web checkout", "subscriptions
sold inside its iPhone app". A firm's possessive on a noun a known product's name modifies says the noun is the
firm's (its app for the phone), not that the firm makes the product: a kg:develops record to a product whose
gazetteer ``developer`` is another organisation, read from no verb or role noun of making (its trigger is the
possessive, the name or a word of the phrase), is dropped (on the records read). "Lumo builds apps for
Apple's iPhone" or "Foxlink makes the iPhone" are read as before.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from .records import trigger_token

__all__ = ["known_makers_kept"]


def _same(a: str, b: str) -> bool:
    """Whether two names of organisations name one ("Orlan" and "Orlan Corporation")."""
    a, b = a.lower(), b.lower()
    return a in b or b in a


def _tables(rules: Any, rel: Any) -> tuple[dict[str, str], dict[str, tuple[str, ...]], frozenset[str]]:
    """Made once for ``rules``: each gazetteer product's maker by the product's names and aliases, each other
    entry's names and aliases by each of them (each maker by its names and aliases: "Alphabet" is "Google" only
    where the gazetteer says so), and the words of making (kg:develops's one-word triggers and role nouns)."""
    made = rules.__dict__.get("_known_makers")
    if made is None:
        gazetteer = rules.onto.gazetteer
        makers = {n: e.developer for e in gazetteer if e.developer and e.cls == "Product" for n in (e.name, *e.aliases)}
        names = {n: (e.name, *e.aliases) for e in gazetteer if e.cls != "Product" for n in (e.name, *e.aliases)}
        making = rules._one_word_triggers("develops") | {w for t in rel.role_triggers for w in t}
        made = rules.__dict__["_known_makers"] = (makers, names, making)
    return made


def known_makers_kept(rules: Any, doc: Doc, found: dict[tuple, dict[str, Any]]) -> None:
    """Drop from ``found`` (records keyed as the rules key them) the kg:develops records that give a product
    the gazetteer knows the maker of to another organisation by no word of making (module doc)."""
    rel = rules.onto.relations.get("develops")
    keys = [k for k, r in found.items() if r["predicate"] == "develops"]
    if rel is None or not keys:
        return
    makers, names, making = _tables(rules, rel)
    for key in keys:
        r = found[key]
        maker = makers.get(r["o_name"])
        if not maker or any(_same(n, r["s_name"]) for n in (maker, *names.get(maker, ()))):
            continue
        trig = trigger_token(doc, r)
        if trig is not None and trig.lemma_.lower() in making:
            continue
        del found[key]
