"""``dotterel ingest``: code articles and store them in DuckDB, resumably.

Articles already in the store are skipped *before* the NLP runs (their id is a hash
of the text), so running the same command again after a crash or a ``kill -9`` only
codes what is missing. Each article is written in its own transaction. A skipped text
seen with another outlet, URL or date still adds its sighting (``sightings`` table).
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from dotterel.cli import console, options
from dotterel.cli.app import app

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.language import Language

    from dotterel.ingest import ReadOptions
    from dotterel.ingest.files import Source
    from dotterel.model import Article, Reject, Sighting
    from dotterel.store import Store

LOGGER = logging.getLogger(__name__)

#: Articles coded per spaCy batch before they are written.
BATCH_SIZE = 4


@app.command("ingest")
def ingest_command(
    paths: options.PathsArg,
    db: options.DbOpt = Path("dotterel.duckdb"),
    outlet: options.OutletOpt = None,
    pub_date: options.DateOpt = None,
    url: options.UrlOpt = None,
    actors: options.ActorsOpt = None,
    agents: options.AgentsOpt = None,
    verbs: options.VerbsOpt = None,
    any_language: options.AnyLanguageOpt = False,
    follow_symlinks: options.FollowSymlinksOpt = False,
    max_mb: options.MaxMbOpt = 10.0,
    verbose: options.VerboseOpt = False,
) -> None:
    """Code articles and store them (with everything found in them) in a DuckDB file.

    Articles already stored are skipped before coding: run the same command again to
    resume.

    Rejected inputs are recorded in the [bold]rejects[/] table and printed one line each.

    Exit code 0 when the batch ran and stored or found stored at least one article (even
    with rejects); 3 when every input was rejected (or none was found); 2 for a usage
    error; 1 for any other error (e.g. the store is in use).

    Example: [bold]dotterel ingest articles/ --db news.duckdb --outlet 'Example Times'[/]
    """
    console.setup_logging(verbose)
    options.check_paths(paths)
    read_opts = options.read_options(
        outlet=outlet,
        pub_date=pub_date,
        url=url,
        max_mb=max_mb,
        any_language=any_language,
        follow_symlinks=follow_symlinks,
    )
    from dotterel.errors import StoreError
    from dotterel.ingest import expand_paths
    from dotterel.store import Store

    sources = list(expand_paths(paths, follow_symlinks=read_opts.follow_symlinks))
    try:
        with Store(db) as store:
            run = _IngestRun(
                store,
                verbose,
                lambda: options.load_pipeline(actors=actors, agents=agents, verbs=verbs),
            )
            run.run(sources, read_opts)
    except StoreError as exc:
        console.fail(str(exc))
    console.stdout.print(run.summary(db), soft_wrap=True, highlight=False)
    if not run.stored and not run.already:
        console.summary(0, sum(run.rejected.values()), "stored", counted=True)


@dataclass
class _IngestRun:
    """One ``dotterel ingest`` batch: reading, skipping, coding, writing, counting."""

    store: Store
    verbose: bool
    #: Builds the pipeline; called only once an article actually needs coding, so a
    #: rerun over an already stored batch never loads spaCy's model.
    pipeline_loader: Callable[[], Language]
    stored: int = 0
    already: int = 0
    #: Sightings added for texts that were already stored.
    new_sightings: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    _nlp: Language | None = None
    _pending: list[Article] = field(default_factory=list)
    _pending_ids: set[str] = field(default_factory=set)
    #: Further sightings of queued texts, written with the article when it is coded.
    _pending_sightings: dict[str, list[Sighting]] = field(default_factory=dict)
    _progress: Progress | None = None

    def run(self, sources: list[Source], read_opts: ReadOptions) -> None:
        from dotterel.ingest import read_source
        from dotterel.model import Reject

        progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]ingest[/]"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files"),
            TextColumn("{task.fields[counts]}"),
            TimeElapsedColumn(),
            console=console.stderr,
            disable=not console.stderr.is_terminal,  # logs and pipes get the summary only
        )
        self._progress = progress
        with progress:
            task = progress.add_task("ingest", total=len(sources), counts=self._counts())
            for source in sources:
                for item in read_source(source, read_opts):
                    if isinstance(item, Reject):
                        self._reject(item)
                    else:
                        self._queue(item)
                    progress.update(task, counts=self._counts())
                progress.advance(task)
            self._flush()
            progress.update(task, counts=self._counts())

    def _queue(self, article: Article) -> None:
        from dotterel.model import Sighting

        if article.id in self._pending_ids:
            self.already += 1
            self._pending_sightings.setdefault(article.id, []).append(Sighting.of(article))
            return
        if self.store.has(article.id):
            self.already += 1
            self.new_sightings += self.store.add_sightings([Sighting.of(article)])
            return
        self._pending.append(article)
        self._pending_ids.add(article.id)
        if len(self._pending) >= BATCH_SIZE:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        from dotterel.errors import StoreError
        from dotterel.ingest.batch import code_safely
        from dotterel.model import Reject
        from dotterel.store.claims import contest_linker

        if self._nlp is None:
            self._nlp = self.pipeline_loader()
        batch, self._pending, self._pending_ids = self._pending, [], set()
        extra, self._pending_sightings = self._pending_sightings, {}
        for result in code_safely(self._nlp, batch, batch_size=BATCH_SIZE):
            if isinstance(result, Reject):
                self._reject(result)
                continue
            art = result.article
            result.sightings = [*result.all_sightings(), *extra.get(art.id, [])]
            try:
                written = self.store.write(result, before_commit=contest_linker(result))
            except StoreError as exc:
                self._reject(Reject(art.origin or art.id, str(exc), "error"))
                continue
            if written:
                self.stored += 1
                if self.verbose:
                    self._print(f"stored {art.id} {escape(art.origin or '')}")
            else:
                self.already += 1

    def _reject(self, reject: Reject) -> None:
        self.rejected[reject.kind] += 1
        self.store.write_reject(reject)
        self._print(console.reject_line(reject))

    def _print(self, line: str) -> None:
        out = self._progress.console if self._progress else console.stderr
        out.print(line, soft_wrap=True)

    def _counts(self) -> str:
        return (
            f"{self.stored} stored, {self.already} already stored, "
            f"{sum(self.rejected.values())} rejected"
        )

    def summary(self, db: Path) -> str:
        total = sum(self.rejected.values())
        kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(self.rejected.items()))
        line = f"{self.stored} stored, {self.already} already stored, {total} rejected"
        if kinds:
            line += f" ({kinds})"
        if self.new_sightings:
            line += f"; {self.new_sightings} new sighting(s) of stored articles"
        return f"{line} -> {db}"


__all__ = ["ingest_command"]
