"""``dotterel code``: code articles and print what was found (tables or JSON).

Also owns the human-readable rendering of a :class:`~dotterel.model.CodedArticle`,
which ``dotterel show`` reuses for stored articles.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from dotterel.cli import console, options
from dotterel.cli.app import app

if TYPE_CHECKING:
    from dotterel.model import Actor, CodedArticle, Place, SourceLink

LOGGER = logging.getLogger(__name__)

#: Long spans (attribution contents, sentences) are cut to this many characters.
MAX_CELL = 90


@app.command("code")
def code_command(
    paths: options.PathsArg,
    output: Annotated[
        options.OutputFormat,
        typer.Option("--format", "-f", help="table (readable), json (an array) or jsonl."),
    ] = options.OutputFormat.table,
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
    """Code articles and print actors, events, sources, places and dates.

    Nothing is stored (see [bold]dotterel ingest[/]).

    Inputs that cannot be coded are reported one line each on stderr; the others go on.
    Exit code 0 when at least one article was coded, 3 when every input was rejected
    (or none was found), 2 for a usage error, 1 for any other error.

    Example: [bold]dotterel code examples/arauca_report.txt --outlet 'Example Times'[/]

    Example: [bold]dotterel code story.txt --date 2017-08-07 --format jsonl[/]

    Example: [bold]cat story.html | dotterel code - --format json[/]
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
    from dotterel.ingest import read_inputs
    from dotterel.model import Article, Reject

    nlp = None
    printer = _Printer(output)
    rejected = 0

    def articles() -> Iterator[Article]:
        nonlocal rejected
        for item in read_inputs(
            paths,
            outlet=read_opts.outlet,
            date=read_opts.pub_date,
            url=read_opts.url,
            max_bytes=read_opts.max_bytes,
            allow_any_language=read_opts.allow_any_language,
            follow_symlinks=read_opts.follow_symlinks,
        ):
            if isinstance(item, Reject):
                rejected += 1
                console.stderr.print(console.reject_line(item))
            else:
                yield item

    # The pipeline loads only once a first article has passed the input checks.
    pending = articles()
    first = next(pending, None)
    if first is not None:
        nlp = options.load_pipeline(actors=actors, agents=agents, verbs=verbs)
        from itertools import chain

        from dotterel.ingest.batch import code_safely

        for result in code_safely(nlp, chain([first], pending)):
            if isinstance(result, Reject):
                rejected += 1
                console.stderr.print(console.reject_line(result))
            else:
                printer.add(result)
    printer.close()
    console.summary(printer.count, rejected, "coded")


class _Printer:
    """Writes coded articles to stdout in the chosen format, as they come."""

    def __init__(self, output: options.OutputFormat) -> None:
        self.output = output
        self.count = 0

    def add(self, coded: CodedArticle) -> None:
        if self.output is options.OutputFormat.table:
            if self.count:
                console.stdout.print()
            console.stdout.print(render_coded(coded))
        elif self.output is options.OutputFormat.jsonl:
            sys.stdout.write(json.dumps(coded.to_dict(), ensure_ascii=False) + "\n")
        else:
            body = json.dumps(coded.to_dict(), ensure_ascii=False, indent=2)
            sys.stdout.write(("[\n" if not self.count else ",\n") + _indent(body))
        sys.stdout.flush()
        self.count += 1

    def close(self) -> None:
        if self.output is options.OutputFormat.json:
            sys.stdout.write("\n]\n" if self.count else "[]\n")


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.split("\n"))


# -- rendering --------------------------------------------------------------------------


def render_coded(coded: CodedArticle) -> RenderableType:
    """A readable view of one coded article: header, then one table per record kind."""
    parts: list[RenderableType] = [_header(coded)]
    actors = {a.id: a for a in coded.actors}
    places = {p.id: p for p in coded.places}
    if coded.actors:
        parts.append(_actors_table(coded))
    if coded.events:
        parts.append(_events_table(coded, actors, places))
    if coded.attributions:
        parts.append(_attributions_table(coded))
    if coded.places:
        parts.append(_places_table(coded))
    if coded.times:
        parts.append(_times_table(coded))
    return Group(*parts)


def _header(coded: CodedArticle) -> RenderableType:
    art = coded.article
    title = art.title or (art.origin or "article")
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    for label, value in (
        ("id", art.id),
        ("outlet", art.outlet),
        ("date", art.pub_date.isoformat() if art.pub_date else None),
        ("url", art.url),
        ("origin", art.origin),
        ("language", art.language),
    ):
        if value:
            grid.add_row(label, Text(str(value)))
    counts = ", ".join(
        f"{len(getattr(coded, name))} {name}"
        for name in ("sentences", "mentions", "actors", "events", "attributions", "places", "times")
    )
    grid.add_row("found", counts)
    return Group(Rule(Text(title, style="bold"), align="left"), grid)


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", expand=False)
    for name in columns:
        table.add_column(name, overflow="fold")
    return table


def _actors_table(coded: CodedArticle) -> Table:
    table = _table("Actors", "actor", "code", "kind", "country", "roles", "mentions")
    for actor in coded.actors:
        table.add_row(
            escape(actor.name),
            escape(actor.code or "-"),
            escape(actor.kind or ""),
            escape(actor.country or ""),
            escape(", ".join(actor.roles)),
            str(len(actor.mention_ids)),
        )
    return table


def _events_table(coded: CodedArticle, actors: dict[str, Actor], places: dict[str, Place]) -> Table:
    table = _table("Events", "source", "event", "target", "status", "according to", "date", "place")
    for ev in coded.events:
        kind = ev.event_type + (f" / {ev.cameo}" if ev.cameo else "")
        if ev.negated:
            kind = f"not {kind}"
        status = ev.status + (f" ({ev.status_cue})" if ev.status_cue else "")
        place = places.get(ev.place_id or "")
        table.add_row(
            escape(_party(ev.source_code, ev.source_text, actors.get(ev.source_actor_id or ""))),
            Text(f"{kind}\n", style="bold").append(f"“{_cut(ev.trigger.text, 40)}”", style="dim"),
            escape(_party(ev.target_code, ev.target_text, actors.get(ev.target_actor_id or ""))),
            escape(status),
            escape(format_chain(ev.chain)),
            escape(ev.date or ""),
            escape((place.name or place.text) if place else ""),
        )
    return table


def _attributions_table(coded: CodedArticle) -> Table:
    table = _table("Attributions", "source", "cue", "content", "kind", "chain")
    for att in coded.attributions:
        source = att.source.text if att.source else "-"
        if att.source_code:
            source += f" [{att.source_code}]"
        if att.anonymous:
            source += " (anonymous)"
        table.add_row(
            escape(source),
            escape(att.cue.text),
            escape(_cut(att.content.text)),
            escape(att.kind),
            escape(format_chain(att.chain)),
        )
    return table


def _places_table(coded: CodedArticle) -> Table:
    table = _table("Places", "text", "resolved to", "level", "country", "lat, lon")
    for place in coded.places:
        coords = (
            f"{place.lat:.3f}, {place.lon:.3f}"
            if place.lat is not None and place.lon is not None
            else ""
        )
        table.add_row(
            escape(place.text),
            escape(place.name or "-"),
            escape(place.level),
            escape(place.country_code or ""),
            coords,
        )
    return table


def _times_table(coded: CodedArticle) -> Table:
    table = _table("Dates", "text", "value", "relation")
    for time in coded.times:
        table.add_row(escape(time.text), escape(time.value), escape(time.relation))
    return table


def format_chain(chain: list[SourceLink]) -> str:
    """A source chain as the reader would say it: ``outlet <- NYT <- officials``."""
    names = []
    for link in chain:
        name = link.name + (" (anonymous)" if link.anonymous and "anonym" not in link.name else "")
        names.append(name)
    return " <- ".join(names)


def _party(code: str | None, text: str | None, actor: Actor | None) -> str:
    name = text or (actor.name if actor else None)
    if code and name:
        return f"{name} [{code}]"
    return code or name or "-"


def _cut(text: str, limit: int = MAX_CELL) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def print_coded(coded: CodedArticle, out: Console | None = None) -> None:
    """Print one coded article as tables (used by ``dotterel show``)."""
    (out or console.stdout).print(render_coded(coded))


__all__ = ["code_command", "format_chain", "print_coded", "render_coded"]
