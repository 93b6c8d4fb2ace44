"""Many generated events for the web UI's tests: a store of thousands of events built
from hand-written sentence templates with :func:`export_samples.build` (no pipeline).

``many_articles(n_articles, per_article)`` returns coded articles whose events vary in
actors, PLOVER type and quad class, status, date (2012-2024, with two stray early
dates), place and background flag; the same arguments always give the same records.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from dotterel.model import CodedArticle
from export_samples import build

#: (source, its words, type, cameo, quad class, trigger, target, its words, place)
TEMPLATES: tuple[tuple[str, str, str, str, int, str, str, str, str], ...] = (
    ("IRN", "Iran", "AID", "070", 2, "shipped rifles", "TAL", "Taliban", "Farah"),
    ("RUS", "Russian", "CONSULT", "040", 1, "met envoys of", "TAL", "Taliban", "Moscow"),
    ("PAK", "Pakistan", "CONSULT", "043", 1, "hosted leaders of", "TAL", "Taliban", "Herat"),
    ("TAL", "Taliban", "ASSAULT", "190", 4, "attacked", "AFGMIL", "Afghan commanders", "Farah"),
    ("AFGGOV", "provincial officials", "ACCUSE", "112", 3, "accused", "IRN", "Iran", "Herat"),
    (
        "IRNGOV",
        "foreign ministry",
        "REJECT",
        "120",
        3,
        "rejected",
        "AFGGOV",
        "officials",
        "Afghanistan",
    ),
    ("RUS", "Russian", "SUPPORT", "051", 1, "praised", "PAK", "Pakistan", "Moscow"),
    ("AFGMIL", "Afghan commanders", "COERCE", "173", 4, "arrested", "TAL", "Taliban", "Herat"),
)
STATUSES = ("asserted", "asserted", "reported", "reported", "hedged", "denied")
OUTLETS = ("Coastline Herald", "Valley Courier", "Mountain Post", "Plains Tribune")
START = date(2012, 1, 1)
DAYS = (date(2024, 12, 31) - START).days


def many_articles(n_articles: int, per_article: int = 10, seed: int = 7) -> list[CodedArticle]:
    """``n_articles`` coded articles of ``per_article`` events each (see the module)."""
    rng = random.Random(seed)
    out = []
    for k in range(n_articles):
        picks = [rng.randrange(len(TEMPLATES)) for _ in range(per_article)]
        sentences = []
        specs = []
        pub = START + timedelta(days=rng.randrange(DAYS))
        for i, t in enumerate(picks):
            src, src_text, type_, cameo, _, trigger, tgt, tgt_text, place = TEMPLATES[t]
            # each sentence names its event with a numbered trigger, so spans are unique
            words = f"{trigger} #{i}"
            sentences.append(f"{src_text} {words} {tgt_text} in {place}.")
            day = pub - timedelta(days=rng.randrange(40))
            if k == 0 and i == 0:
                day = date(1990, 5, 1)  # a stray early date: the timeline must show it
            specs.append(
                {
                    "src": src,
                    "src_text": src_text,
                    "tgt": tgt,
                    "tgt_text": tgt_text,
                    "type": type_,
                    "cameo": cameo,
                    "trigger": words,
                    "place": place,
                    "date": day.isoformat(),
                    "status": STATUSES[rng.randrange(len(STATUSES))],
                    "chain": [(src_text, src)] if rng.random() < 0.5 else [],
                }
            )
        text = f"Report {k}. " + " ".join(sentences)
        coded = build(text, OUTLETS[k % len(OUTLETS)], pub, specs, url=f"https://news.example/{k}")
        coded.article.title = f"Report {k} from {coded.article.outlet}"
        for event, t in zip(coded.events, picks, strict=True):
            event.quad_class = TEMPLATES[t][4]
            event.background = rng.random() < 0.05
        out.append(coded)
    return out


__all__ = ["TEMPLATES", "many_articles"]
