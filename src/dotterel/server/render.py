"""Server-side drawing of the article view: the text with every record highlighted.

The network, map and timeline are drawn in the browser from ``/api/*`` JSON by
vendored libraries (see :mod:`dotterel.server.views` and ``static/``).
"""

from __future__ import annotations

import itertools
from html import escape
from urllib.parse import urlsplit

from dotterel.model import CodedArticle

#: The only URL schemes rendered as links; anything else (``javascript:``, ``data:``,
#: ``vbscript:``, a relative path) is shown as plain text.
LINK_SCHEMES = frozenset({"http", "https"})

#: Span kinds highlighted in the article view, in painting order (later wins on colour).
HIGHLIGHT_KINDS = ("content", "source", "cue", "place", "time", "actor", "trigger")


def http_url(url: str | None) -> str | None:
    """``url`` if it is safe to put in an ``href`` (an absolute http/https URL), else None.

    Browsers drop tabs and newlines inside a URL and spaces or control characters
    around it (``"java\tscript:"`` runs as ``javascript:``), so a URL holding any of
    them is refused rather than cleaned.
    """
    if not url or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced "[" in the host
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return None
    return url


def highlighted_text(coded: CodedArticle) -> str:
    """The article text as HTML, every actor, trigger, quote, cue, place and date wrapped.

    Spans overlap (a quote holds actors and triggers), so the text is cut at every span
    boundary and each piece gets the classes of all spans that cover it.
    """
    text = coded.article.text
    spans: list[tuple[int, int, str, dict[str, str]]] = []
    actors = {a.id: a for a in coded.actors}
    for m in coded.mentions:
        if m.actor_id and m.actor_id in actors:
            a = actors[m.actor_id]
            spans.append((m.start, m.end, "actor", {"title": f"{a.code or '?'} — {a.name}"}))
    for e in coded.events:
        label = f"{e.event_type} {e.cameo or ''}".strip()
        spans.append((e.trigger.start, e.trigger.end, "trigger", {"event": e.id, "title": label}))
    for q in coded.attributions:
        spans.append((q.content.start, q.content.end, "content", {"quote": q.id}))
        spans.append((q.cue.start, q.cue.end, "cue", {"quote": q.id, "title": "cue"}))
        if q.source:
            title = "anonymous source" if q.anonymous else "source"
            spans.append((q.source.start, q.source.end, "source", {"quote": q.id, "title": title}))
    for p in coded.places:
        where = f"{p.name or p.text} ({p.level})"
        if p.lat is not None and p.lon is not None:
            where += f" {p.lat:.2f}, {p.lon:.2f}"
        spans.append((p.start, p.end, "place", {"title": where}))
    for t in coded.times:
        spans.append((t.start, t.end, "time", {"title": f"{t.relation} {t.value}"}))
    spans = [s for s in spans if 0 <= s[0] < s[1] <= len(text)]
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    out: list[str] = []
    for start, end in itertools.pairwise(cuts):
        covering = [s for s in spans if s[0] <= start and end <= s[1]]
        piece = escape(text[start:end]).replace("\n", "<br>")
        if not covering:
            out.append(piece)
            continue
        kinds = sorted({s[2] for s in covering}, key=HIGHLIGHT_KINDS.index)
        attrs: dict[str, str] = {}
        for s in sorted(covering, key=lambda s: HIGHLIGHT_KINDS.index(s[2])):
            attrs.update(s[3])
        data = "".join(
            f' data-{k}="{escape(v)}"' for k, v in attrs.items() if k in ("event", "quote")
        )
        title = f' title="{escape(attrs["title"])}"' if "title" in attrs else ""
        cls = " ".join(f"hl-{k}" for k in kinds)
        out.append(f'<span class="{cls}"{data}{title}>{piece}</span>')
    return "".join(out)
