"""Compile the shipped knowledge base from its public sources (run at build time, not at run time).

Sources (MIT, from PETRARCH2 / Phoenix; the PLOVER table CC BY-SA 4.0), read with the
project's own TABARI/PETRARCH readers so that the compiled data means exactly what the
``--actors/--agents/--verbs`` options would make of the same files:

* ``dictionaries/Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``,
  ``Phoenix.MilNonState.actors.txt``: actors -> ``actors.json.gz`` (``actors``);
* ``dictionaries/Phoenix.agents.txt``: agents -> ``actors.json.gz`` (``agents``);
* ``dictionaries/CAMEO.2.0.txt``: verb patterns -> ``verbs.json.gz`` (``verbs``);
* ``ontology/CAMEO2PLOVER-2021.txt``: CAMEO -> PLOVER -> ``verbs.json.gz`` (``plover``).

It also writes ``PROVENANCE.md`` (each input's sha256, licence, what it yielded and what
could not be parsed) and copies the licences. Output is deterministic: the same inputs
give the same bytes, so a rebuild that changes nothing shows no diff.

    python -m dotterel.knowledge.build --source ../shared/eval
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import re
import shutil
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dotterel.dictionaries import (
    ActorEntry,
    AgentEntry,
    DictionarySummary,
    load_verb_dictionaries,
    read_actor_dictionary,
    read_agent_dictionary,
)
from dotterel.knowledge.codec import (
    FORMAT,
    dump_gzip_json,
    encode_actors,
    encode_agents,
    encode_verbs,
)
from dotterel.knowledge.filters import filter_actors

LOGGER = logging.getLogger(__name__)

#: Where the compiled files go by default: the package's data folder.
DATA_DIR = Path(__file__).resolve().parent / "data"

ACTOR_FILES = (
    "dictionaries/Phoenix.Countries.actors.txt",
    "dictionaries/Phoenix.International.actors.txt",
    "dictionaries/Phoenix.MilNonState.actors.txt",
)
AGENT_FILES = ("dictionaries/Phoenix.agents.txt",)
VERB_FILES = ("dictionaries/CAMEO.2.0.txt",)
PLOVER_FILE = "ontology/CAMEO2PLOVER-2021.txt"
#: (licence file in the source tree, name it is shipped under)
LICENCES = (("dictionaries/LICENSE", "LICENSE-PETRARCH-dictionaries.txt"),)
PLOVER_LICENCE_NAME = "LICENSE-PLOVER-mapping.txt"
PLOVER_LICENCE_TEXT = """\
CAMEO2PLOVER-2021.txt: CAMEO to PLOVER conversion table, PLOVER manual Draft 0.8
(17 September 2021), edited by Philip Schrodt, Open Event Data Alliance.
Licence: Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)
https://creativecommons.org/licenses/by-sa/4.0/
The compiled mapping in verbs.json.gz ("plover") is a derived work of that table and is
distributed under the same licence, with this attribution.
"""

_PLOVER_LINE = re.compile(r"^(\d{2,4})\s*:\s*(.*)$")


@dataclass(slots=True)
class PloverRow:
    """One CAMEO code's PLOVER type, mode and contexts."""

    code: str
    event_type: str
    mode: str
    contexts: list[str]
    line: int


def read_cameo_to_plover(path: Path) -> tuple[list[PloverRow], DictionarySummary]:
    """Parse ``CODE: TYPE, mode, context[; context] # name`` lines (the PLOVER manual's table).

    A code listed twice keeps its first row (the table lists ``08`` as CONCEDE and as
    RETREAT: the first is the root's main reading); the others count as problems.
    """
    summary = DictionarySummary(path=str(path), kind="cameo2plover")
    rows: list[PloverRow] = []
    seen: set[str] = set()
    text = path.read_text(encoding="utf-8")
    for no, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line or set(line) <= {"~"}:
            continue
        m = _PLOVER_LINE.match(line)
        if m is None:
            summary.problem(no, raw, "not CODE: TYPE, mode, context")
            continue
        code, rest = m.group(1), m.group(2)
        parts = [p.strip() for p in rest.split(",")]
        event_type, mode, context = [*parts, "", "", ""][:3]
        if not event_type.isupper():
            summary.problem(no, raw, "no PLOVER type")
            continue
        if code in seen:
            summary.problem(no, raw, "code listed again (first row kept)")
            continue
        seen.add(code)
        contexts = [c.strip() for c in context.split(";") if c.strip()]
        rows.append(PloverRow(code, event_type, mode, contexts, no))
        summary.entries += 1
    return rows, summary


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def phrase_keys(actors: list[ActorEntry], agents: list[AgentEntry]) -> tuple[str, dict[str, Any]]:
    """The token keys the actor lexicon would compute for every phrase, where they differ
    from ``phrase.split()``, and which tokenizer made them.

    Keying a phrase at start-up runs the tokenizer on any phrase with punctuation
    ("al-qaeda", "u.s."): about 2 000 such phrases make a second of start-up, so the
    build does it once. The keys hold only for the tokenizer named (the pipeline's base
    model); a loader with another tokenizer must key at run time.
    """
    import spacy

    from dotterel.dictionaries import ActorLexicon
    from dotterel.pipeline import BASE_MODEL

    nlp = spacy.load(BASE_MODEL)
    lexicon = ActorLexicon(nlp.tokenizer)
    phrases = {p for e in actors for p in e.phrases} | {f for a in agents for f in a.forms}
    keys: dict[str, Any] = {}
    for phrase in sorted(phrases):
        key = lexicon.key(phrase)
        if key != tuple(phrase.split()):
            keys[phrase] = list(key)
    return f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}", keys


@dataclass(slots=True)
class Built:
    """What one build wrote, for the report and the provenance file."""

    inputs: list[tuple[str, str, DictionarySummary]]
    outputs: dict[str, bytes]
    #: phrases each build filter dropped (:mod:`.filters`)
    dropped: Counter[str] = field(default_factory=Counter)


def compile_knowledge(source: Path) -> Built:
    """Read every source under ``source`` (the folder holding ``dictionaries/`` and
    ``ontology/``) and return the compiled files' bytes; nothing is written."""
    inputs: list[tuple[str, str, DictionarySummary]] = []
    actors: list[ActorEntry] = []
    for rel in ACTOR_FILES:
        entries, summary = read_actor_dictionary(source / rel)
        actors.extend(entries)
        inputs.append((rel, sha256_of(source / rel), summary))
    actors, dropped = filter_actors(actors)
    agents: list[AgentEntry] = []
    for rel in AGENT_FILES:
        found, summary = read_agent_dictionary(source / rel)
        agents.extend(found)
        inputs.append((rel, sha256_of(source / rel), summary))
    verb_paths = [source / rel for rel in VERB_FILES]
    verbs = load_verb_dictionaries(verb_paths)
    blocks = {id(f.block): f.block for f in verbs.forms.values()}
    for rel in VERB_FILES:
        summary = DictionarySummary(
            path=str(source / rel),
            kind="verb forms",
            entries=len(verbs),
            phrases=sum(len(b.patterns) for b in blocks.values()),
            note="phrases = patterns",
        )
        inputs.append((rel, sha256_of(source / rel), summary))
    plover, summary = read_cameo_to_plover(source / PLOVER_FILE)
    inputs.append((PLOVER_FILE, sha256_of(source / PLOVER_FILE), summary))

    actor_sources = sorted({e.source for e in actors} | {a.source for a in agents})
    tokenizer, keys = phrase_keys(actors, agents)
    actors_doc = {
        "format": FORMAT,
        "tokenizer": tokenizer,
        "keys": keys,
        "sources": actor_sources,
        "actors": encode_actors(actors, actor_sources),
        "agents": encode_agents(agents, actor_sources),
    }
    verbs_doc = {
        "format": FORMAT,
        "sources": [Path(rel).name for rel in VERB_FILES],
        "verbs": encode_verbs(verbs),
        "plover": {r.code: [r.event_type, r.mode, r.contexts] for r in plover},
    }
    return Built(
        inputs=inputs,
        outputs={
            "actors.json.gz": dump_gzip_json(actors_doc),
            "verbs.json.gz": dump_gzip_json(verbs_doc),
        },
        dropped=dropped,
    )


def provenance(built: Built) -> str:
    """The ``PROVENANCE.md`` text: inputs, licences, counts, the command."""
    lines = [
        "# Provenance of the compiled knowledge base",
        "",
        "Generated by `python -m dotterel.knowledge.build --source ../shared/eval` (do not",
        "edit by hand; rebuild). The compiled files hold what the project's TABARI/PETRARCH",
        f"readers (`dotterel.dictionaries`) read from these inputs, in format version {FORMAT}.",
        "",
        "| input | sha256 | licence | yielded | unparsed lines |",
        "|---|---|---|---|---|",
    ]
    for rel, digest, summary in built.inputs:
        licence = (
            "CC BY-SA 4.0 (`LICENSE-PLOVER-mapping.txt`)"
            if rel == PLOVER_FILE
            else "MIT (`LICENSE-PETRARCH-dictionaries.txt`)"
        )
        yielded = f"{summary.entries} {summary.kind} entries"
        if summary.phrases:
            what = "patterns" if summary.note == "phrases = patterns" else "phrases"
            yielded += f", {summary.phrases} {what}"
        lines.append(f"| `{rel}` | `{digest}` | {licence} | {yielded} | {summary.problems} |")
    lines += [
        "",
        "Origins: the Phoenix actor and agent dictionaries and `CAMEO.2.0.txt` are the",
        "dictionaries distributed with PETRARCH2 (github.com/openeventdata/petrarch2,",
        "Copyright Open Event Data Alliance, MIT); `CAMEO2PLOVER-2021.txt` is the",
        "CAMEO-to-PLOVER table of the PLOVER manual Draft 0.8 (2021, CC BY-SA 4.0).",
        "",
        "| output | sha256 |",
        "|---|---|",
    ]
    for name, data in sorted(built.outputs.items()):
        lines.append(f"| `{name}` | `{hashlib.sha256(data).hexdigest()}` |")
    if built.dropped:
        lines += [
            "",
            "## Actor phrases left out by the build filters (`dotterel.knowledge.filters`)",
            "",
            "| rule | phrases |",
            "|---|---|",
        ]
        lines += [f"| {rule} | {n} |" for rule, n in sorted(built.dropped.items())]
    examples = [(rel, s) for rel, _, s in built.inputs if s.examples]
    if examples:
        lines += ["", "## Lines the readers could not use (first examples)", ""]
        for rel, s in examples:
            lines.append(f"- `{rel}`:")
            lines += [f"  - {ex.replace('|', '/')}" for ex in s.examples]
    return "\n".join(lines) + "\n"


def write(built: Built, source: Path, out: Path) -> list[Path]:
    """Write the compiled files, the licences and ``PROVENANCE.md`` into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, data in sorted(built.outputs.items()):
        (out / name).write_bytes(data)
        written.append(out / name)
    for rel, name in LICENCES:
        shutil.copyfile(source / rel, out / name)
        written.append(out / name)
    (out / PLOVER_LICENCE_NAME).write_text(PLOVER_LICENCE_TEXT, encoding="utf-8")
    (out / "PROVENANCE.md").write_text(provenance(built), encoding="utf-8")
    written += [out / PLOVER_LICENCE_NAME, out / "PROVENANCE.md"]
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dotterel.knowledge.build", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--source",
        type=Path,
        required=True,
        help="folder with dictionaries/ and ontology/ (e.g. ../shared/eval)",
    )
    parser.add_argument("--out", type=Path, default=DATA_DIR, help=f"default: {DATA_DIR}")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    missing = [
        rel
        for rel in (*ACTOR_FILES, *AGENT_FILES, *VERB_FILES, PLOVER_FILE, *(r for r, _ in LICENCES))
        if not (args.source / rel).is_file()
    ]
    if missing:
        print(f"missing under {args.source}: {', '.join(missing)}", file=sys.stderr)
        return 2
    built = compile_knowledge(args.source)
    for path in write(built, args.source, args.out):
        print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
