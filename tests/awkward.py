"""Graphs and documents full of awkward names, for the export and validation tests.

``awkward_graph()`` builds a :class:`KnowledgeGraph` from hand-made mentions
(no spaCy model): names with quotes, angle brackets, backslashes, slashes,
emoji, CJK, Cyrillic, control characters and blanks. ``AWKWARD_DOCS`` are
files whose names and texts are awkward, for a real build.
"""

from __future__ import annotations

from kg.model import KnowledgeGraph
from kg.types import DocResult, DocumentRecord, EntityMention, RelationMention

NAMES = [
    ("Company", 'Acme "Quoted" Corp'),
    ("Company", "Back\\Slash <Holdings>"),
    ("Company", "Rocket🚀Labs"),
    ("Company", "東京エレクトロン"),
    ("Company", "Сбербанк"),
    ("Company", "Foo/Bar Systems"),
    ("Person", "Jean-Luc O'Brien"),
    ("Country", "Côte d'Ivoire"),
    ("Product", "Widget\x0c 2000\x00"),
    ("Product", "   "),
    ("Company", "100% & <Co> {x}|^`"),
    ("Place", "São Paulo"),
]


def awkward_graph() -> KnowledgeGraph:
    ents = [EntityMention(key=f"{cls.lower()}/{name.lower()}", name=name, cls=cls, text=name, start=0,
                          end=len(name)) for cls, name in NAMES]
    k = [e.key for e in ents]
    rels = [
        RelationMention(k[0], "acquires", k[1], 0.8, 'Acme "Quoted" Corp acquired Back\\Slash <Holdings>.\x0b',
                        0, 40, qualifiers=(("amount", "$2 <billion>"), ("date", "March 3, 2024"))),
        RelationMention(k[2], "partnersWith", k[3], 0.7, "Rocket🚀Labs partners with 東京エレクトロン.", 41, 80),
        RelationMention(k[4], "investsIn", k[5], 0.75, "Сбербанк invests in Foo/Bar Systems.", 81, 120),
        RelationMention(k[2], "competesWith", k[3], 0.6, "Rocket🚀Labs competes with 東京エレクトロン.", 121, 160),
        RelationMention(k[6], "worksFor", k[0], 0.9, "Jean-Luc O'Brien, CEO of Acme.", 161, 190,
                        qualifiers=(("role", "CEO"),)),
        RelationMention(k[0], "develops", k[8], 0.6, "Acme may develop Widget 2000.", 191, 220,
                        modality="hypothetical"),
        RelationMention(k[10], "operatesIn", k[7], 1.0, "100% & <Co> operates in Côte d'Ivoire.", 221, 260),
        RelationMention(k[5], "basedIn", k[11], 0.75, "Foo/Bar Systems is based in São Paulo.", 261, 300),
        RelationMention(k[0], "basedIn", k[11], 0.75, 'Acme "Quoted" Corp is based in São Paulo.', 301, 340),
    ]
    docs = [
        DocResult(DocumentRecord("awk_doc-1", 'dir/a "quoted" <file>.txt', "", "0" * 64, 'Title <"x"> \\ 😀',
                                 "2024-03-03"), tuple(ents), tuple(rels[:4])),
        DocResult(DocumentRecord("awk.doc_2", "日本 ニュース.txt", "", "1" * 64, "", ""), tuple(ents), tuple(rels[4:])),
    ]
    return KnowledgeGraph.from_results(docs)


#: File name -> text for a real build. Every sentence here is one the default
#: pipeline parses in well under a second.
AWKWARD_DOCS = {
    'a "quoted" <file>.txt': (
        "Published March 3, 2024.\n\n"
        "O'Brien & Sons Inc. said on Monday that it partners with AT&T on 5G networks. "
        "Jean-Luc Picard works for Starfleet Dynamics. Starfleet Dynamics is based in São Paulo.\n"
    ),
    "日本 ニュース.txt": (
        "Published 2024-05-10.\n\n"
        "Rocket🚀Labs Ltd partners with 東京エレクトロン. "
        "東京エレクトロン supplies chips to Samsung Electronics. "
        "Foo/Bar Systems competes with Baz\\Qux Inc in Germany.\n"
    ),
    "back\\slash and spaces.md": (
        "# Title with \"quotes\" & <angle> brackets\n\n"
        "Released 12 June 2023. Microsoft develops Windows 11. "
        "Acme <Widgets> Corp is based in São Paulo.\n"
    ),
}
