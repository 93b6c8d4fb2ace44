"""Long documents: dotterel against bare spaCy on synthetic news texts of 100 KB to 1 MB.

Each text strings together paragraphs written for this benchmark (quotes over one and
two paragraphs, nested attributions, denials, attacks, talks, aid, places and dates),
filled in with a fixed seed so that every run codes the same texts. Each measurement
runs in a fresh subprocess so that its peak RSS is its own; dotterel and bare spaCy
(the same pipeline without dotterel's components) run on the same text in the same
run, one after the other. Bare spaCy is measured twice: on the whole text in one pass
(``spacy``), and on the same paragraph-aligned chunks dotterel codes (``spacy-chunks``),
which is the baseline dotterel's own cost is measured against.

usage: python bench/long_documents.py [--sizes 100,400,1000] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

PARAGRAPHS: tuple[str, ...] = (
    "{state} troops shelled positions held by {group} near {place} on {day}, killing at "
    "least {n} fighters, the defence ministry in {capital} said in a statement.",
    "“We will not negotiate while our villages are under fire,” a spokesman for {group} "
    "told reporters in {place}. “The government must withdraw its forces first.”",
    "Officials in {capital} denied that civilians had been hurt in the strikes. “These "
    "reports are false,” the interior minister said on {day}, adding that an inquiry "
    "would be opened if evidence emerged.",
    "The foreign ministers of {state} and {state2} met in {capital2} on {day} to discuss "
    "the border crisis, according to a statement from the {state2} government.",
    "“This is the worst fighting the region has seen in {n} years. Thousands of families "
    "have fled towards {place}, and the roads are blocked.",
    "“We have asked the United Nations to send observers,” said {person}, a local "
    "official, who spoke on condition that his village not be named.",
    "Aid agencies said they had delivered food and medicine to {n} families in camps "
    "outside {place}, but warned that supplies would run out by the end of the month.",
    "{person}, the {state} president, reportedly ordered the army to halt its advance "
    "after talks with envoys from {state2}, two diplomats familiar with the matter said.",
    "{group} accused {state} of violating the ceasefire agreed in {capital2} last "
    "{month}. The army rejected the accusation and said it had only returned fire.",
    "Police arrested {n} protesters in {capital} on {day} after demonstrators marched "
    "on parliament demanding an end to the war, local media reported.",
    "The European Union pledged {n} million euros in humanitarian aid to {state}, a "
    "spokeswoman for the commission said in Brussels, calling on all sides to protect "
    "civilians.",
    "According to residents, gunmen from {group} seized a police station in {place} "
    "overnight and took several officers hostage. Their fate was unknown on {day}.",
)

FILL: dict[str, tuple[str, ...]] = {
    "state": ("Marvenia", "Ostrava", "Kessaland", "Dorvia", "Pellinor"),
    "state2": ("Talmora", "Velsk", "Arunia", "Brennland"),
    "capital": ("Kessal", "Ostrograd", "Marvel City", "Dorvik"),
    "capital2": ("Talmor", "Velskburg", "Arun", "Brenn"),
    "group": ("the Northern Front", "the Red Hills militia", "the Liberation Army"),
    "place": ("Farrow", "Lindmoor", "Castel Rock", "the Arno valley", "Hessby"),
    "person": ("Ana Moreau", "Viktor Halden", "Samir Oduya", "Lena Petrak"),
    "day": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
    "month": ("March", "April", "June", "September"),
}


MODES = ("spacy", "spacy-chunks", "dotterel")


def news_text(size: int, seed: int = 7) -> str:
    """A synthetic news text of about ``size`` characters, paragraphs separated by
    blank lines (the same text for the same size and seed)."""
    rng = random.Random(seed)
    paragraphs: list[str] = ["Fighting spreads along the northern border"]
    length = len(paragraphs[0])
    while length < size:
        values = {key: rng.choice(options) for key, options in FILL.items()}
        values["n"] = str(rng.randint(2, 60))
        paragraph = rng.choice(PARAGRAPHS).format(**values)
        paragraph = paragraph[0].upper() + paragraph[1:]
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:size].rsplit("\n\n", 1)[0] + "\n"


def probe(mode: str, size: int) -> dict[str, Any]:
    """Code one text of ``size`` characters in this process; the figures as a dict."""
    import resource

    from dotterel.chunking import paragraph_chunks
    from dotterel.model import Article
    from dotterel.pipeline import COMPONENTS, build_pipeline, code

    text = news_text(size)
    nlp = build_pipeline(exclude=COMPONENTS if mode.startswith("spacy") else ())
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    article = Article(text=text, outlet="Bench Times")
    cpu_start = time.process_time()
    start = time.perf_counter()
    if mode == "spacy":
        doc = nlp(text)
        found = {"tokens": len(doc), "entities": len(doc.ents)}
    elif mode == "spacy-chunks":
        chunks = (text[s:e] for s, e in paragraph_chunks(text))
        docs = list(nlp.pipe(chunks, batch_size=1))
        found = {"tokens": sum(map(len, docs)), "entities": sum(len(d.ents) for d in docs)}
    else:
        coded = code(nlp, article)
        found = {
            "events": len(coded.events),
            "attributions": len(coded.attributions),
            "actors": len(coded.actors),
        }
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start  # what a loaded machine does not inflate
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "mode": mode,
        "chars": len(text),
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "peak_rss_mb": peak_mb,
        **found,
    }


_FIGURES = ("mode", "chars", "seconds", "cpu_seconds", "peak_rss_mb")


def measure(mode: str, size: int) -> dict[str, Any]:
    """:func:`probe` in a fresh Python process (its own peak RSS, a cold pipeline)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--probe", mode, str(size)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,400,1000", help="sizes in KB, comma-separated")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--modes", default=",".join(MODES), help=f"comma-separated, of {', '.join(MODES)}"
    )
    parser.add_argument("--probe", nargs=2, metavar=("MODE", "CHARS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.probe:
        mode, size = args.probe
        sys.stdout.write(json.dumps(probe(mode, int(size))) + "\n")
        return 0
    rows = []
    print(f"{'chars':>9} {'mode':>12} {'wall s':>7} {'CPU s':>7} {'peak MB':>8}  found", flush=True)
    for kb in (int(s) for s in args.sizes.split(",")):
        for mode in args.modes.split(","):
            row = measure(mode, kb * 1000)
            rows.append(row)
            found = {k: v for k, v in row.items() if k not in _FIGURES}
            print(
                f"{row['chars']:>9,} {mode:>12} {row['seconds']:>7.1f} {row['cpu_seconds']:>7.1f} "
                f"{row['peak_rss_mb']:>8.0f}  {found}",
                flush=True,
            )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
