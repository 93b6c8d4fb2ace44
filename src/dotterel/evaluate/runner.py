"""Run one evaluation task: read the gold file, code its articles, score, package.

This is the only module of :mod:`dotterel.evaluate` that loads spaCy. It keeps going
when one record fails to code (the record is scored as an empty prediction and listed
under ``errors``) and when a dictionary loader is not available yet (the run goes on
without it and says so), because a harness that stops on the first problem gives no
numbers at all.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dotterel.errors import DictionaryError, DotterelError
from dotterel.evaluate import attribution, events, geo, petrarch, plover, seed, time_expressions
from dotterel.evaluate.base import Scores, Task
from dotterel.evaluate.parts import PARTS, select
from dotterel.model import Article, CodedArticle

LOGGER = logging.getLogger(__name__)

#: Every task ``dotterel evaluate`` knows, by name.
TASKS: dict[str, Task] = {
    t.name: t
    for t in (
        plover.TASK,
        petrarch.TASK,
        attribution.TASK,
        geo.TASK,
        time_expressions.TASK,
        events.TASK,
        seed.TASK,
    )
}
#: Articles handed to the pipeline at once; a failure re-codes only this many one by one.
CHUNK = 16
#: How many failed records to describe in the JSON.
MAX_ERRORS_SHOWN = 20
#: ``Scores.detail`` keys that quote gold or article text: a blind run leaves them out,
#: so that its output can be read without seeing the blind records.
EXAMPLE_KEYS = frozenset({"errors", "far_off", "false_negatives", "false_positives"})


class PipelineUnavailableError(DotterelError):
    """The pipeline itself could not be built (not a dictionary problem): nothing to score."""


@dataclass(slots=True)
class Dictionaries:
    """The TABARI/PETRARCH dictionaries asked for, and what became of them."""

    actors: list[Path] = field(default_factory=list)
    agents: list[Path] = field(default_factory=list)
    verbs: list[Path] = field(default_factory=list)
    #: ``"actors"``/``"verbs"`` -> ``"loaded"`` or the reason it was not.
    status: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "actors": [str(p) for p in self.actors],
            "agents": [str(p) for p in self.agents],
            "verbs": [str(p) for p in self.verbs],
            "status": dict(self.status),
        }


@dataclass(slots=True)
class Evaluation:
    """Everything one run produced; :meth:`to_json` is the ``--json`` file."""

    task: str
    gold: Path
    n: int
    scores: Scores
    errors: list[dict[str, str]] = field(default_factory=list)
    n_errors: int = 0
    warnings: list[str] = field(default_factory=list)
    dictionaries: Dictionaries = field(default_factory=Dictionaries)
    seconds: float = 0.0
    headline: tuple[str, ...] = ()
    #: ``tune``, ``blind`` or ``all`` (see :mod:`.parts`).
    part: str = "all"

    def to_json(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "part": self.part,
            "n": self.n,
            "metrics": self.scores.metrics,
            "gold": str(self.gold),
            "errors": self.n_errors,
            "error_examples": self.errors,
            "warnings": self.warnings,
            "dictionaries": self.dictionaries.as_dict(),
            "seconds": round(self.seconds, 2),
            "groups": {k: v.as_dict() for k, v in self.scores.groups.items()},
            "tables": {
                title: {k: v.as_dict() for k, v in rows.items()}
                for title, rows in self.scores.tables.items()
            },
            "support": self.scores.support,
            "detail": self.scores.detail,
        }


def load_pipeline(dicts: Dictionaries, *, knowledge: bool = True) -> Any:
    """``build_pipeline`` with the dictionaries that can be loaded, noting those that cannot.

    A loader that is not written yet raises ``NotImplementedError``; a file it cannot
    parse raises ``DictionaryError``. Either way we retry without that kind, so the run
    still produces (lower, clearly labelled) numbers. ``knowledge=False`` leaves the
    shipped knowledge base out (the PETRARCH suite: its test actors are fictional).
    """
    from dotterel.pipeline import build_pipeline

    kinds: dict[str, dict[str, list[Path]]] = {}
    if dicts.actors or dicts.agents:
        kinds["actors"] = {"actors": dicts.actors, "agents": dicts.agents}
    if dicts.verbs:
        kinds["verbs"] = {"verbs": dicts.verbs}

    def attempt(names: Sequence[str]) -> Any:
        kwargs: dict[str, list[Path]] = {}
        for name in names:
            kwargs.update(kinds[name])
        config = {} if knowledge else {"dotterel_actors": {"knowledge": "none"}}
        return build_pipeline(**kwargs, config=config)  # type: ignore[arg-type]

    # Try everything, then each kind alone, then nothing.
    plans: list[list[str]] = [list(kinds)]
    if len(kinds) > 1:
        plans += [[k] for k in kinds]
    if kinds:
        plans.append([])
    failures: dict[str, str] = {}
    together = "not loaded"
    for plan in plans:
        if any(k in failures for k in plan):
            continue
        try:
            nlp = attempt(plan)
        except (NotImplementedError, DictionaryError) as exc:
            reason = f"{type(exc).__name__}: {exc}"
            if len(plan) == 1:
                failures[plan[0]] = reason
            elif not plan:
                raise
            else:
                together = reason
                LOGGER.info("dictionaries %s failed together (%s); trying each", plan, reason)
            continue
        for k in kinds:
            dicts.status[k] = "loaded" if k in plan else failures.get(k, together)
        return nlp
    raise RuntimeError("unreachable: the plain pipeline always loads or raises")


def code_all(
    nlp: Any,
    articles: Sequence[Article],
    *,
    ids: Sequence[str],
    on_advance: Callable[[int], None] | None = None,
    code_batch: Callable[[Any, Sequence[Article]], Iterable[CodedArticle]] | None = None,
    code_one: Callable[[Any, Article], CodedArticle] | None = None,
) -> tuple[list[CodedArticle], list[dict[str, str]], int]:
    """Code every article; a record whose coding raises becomes an empty prediction.

    Returns the coded articles (aligned with ``articles``), descriptions of the first
    failures, and the number of failures. ``code_batch``/``code_one`` default to
    :func:`dotterel.pipeline.code_many` and :func:`dotterel.pipeline.code`.
    """
    if code_batch is None or code_one is None:
        from dotterel.pipeline import code, code_many

        code_batch = code_batch or code_many
        code_one = code_one or code

    coded: list[CodedArticle] = []
    errors: list[dict[str, str]] = []
    n_errors = 0
    for lo in range(0, len(articles), CHUNK):
        chunk = articles[lo : lo + CHUNK]
        try:
            done = list(code_batch(nlp, chunk))
        except Exception:  # one bad record must not stop the run: redo one by one
            LOGGER.debug("a batch failed; coding its records one by one", exc_info=True)
            done = []
            for i, article in enumerate(chunk):
                try:
                    done.append(code_one(nlp, article))
                except Exception as exc:  # counted as an error, scored as empty
                    n_errors += 1
                    LOGGER.debug("coding %s failed", ids[lo + i], exc_info=True)
                    if len(errors) < MAX_ERRORS_SHOWN:
                        errors.append(
                            {
                                "id": ids[lo + i],
                                "origin": article.origin or "",
                                "error": f"{type(exc).__name__}: {exc}",
                            }
                        )
                    done.append(CodedArticle(article=article))
        if len(done) != len(chunk):  # a coder that drops records would misalign scoring
            raise RuntimeError(f"coded {len(done)} of {len(chunk)} articles in a batch")
        coded.extend(done)
        if on_advance:
            on_advance(len(chunk))
    return coded, errors, n_errors


def run(
    task_name: str,
    gold_path: Path,
    *,
    limit: int | None = None,
    part: str = "all",
    actors: Iterable[Path] = (),
    agents: Iterable[Path] = (),
    verbs: Iterable[Path] = (),
    nlp: Any = None,
    on_start: Callable[[int], None] | None = None,
    on_advance: Callable[[int], None] | None = None,
) -> Evaluation:
    """Evaluate the pipeline on one gold file.

    Args:
        task_name: one of :data:`TASKS`.
        gold_path: a file in the task's format (``eval/README.md``).
        limit: score only the first ``limit`` records (of the part).
        part: ``tune``, ``blind`` or ``all`` records (:mod:`.parts`); a blind run keeps
            no examples (:data:`EXAMPLE_KEYS`) in its detail.
        actors, agents, verbs: TABARI/PETRARCH dictionaries for ``build_pipeline``.
        nlp: an already built pipeline (then the dictionaries are not loaded).
        on_start: called with the number of records before coding starts.
        on_advance: called with the number of records just coded.
    """
    if task_name not in TASKS:
        raise ValueError(f"unknown task {task_name!r}; choose one of {', '.join(TASKS)}")
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; choose one of {', '.join(PARTS)}")
    task = TASKS[task_name]
    gold = list(task.load(gold_path))
    warnings: list[str] = []
    if task_name == "seed" and part != "all":
        warnings.append("seed gold is one article: --part is ignored, all records scored")
        part = "all"
    gold = select(gold, part)
    if limit is not None:
        gold = gold[: max(0, limit)]
    dicts = Dictionaries(list(actors), list(agents), list(verbs))
    if task_name == "petrarch" and not (dicts.actors or dicts.agents) and nlp is None:
        warnings.append(
            "petrarch gold uses the actors of its own dictionaries: pass --actors/--agents "
            "(e.g. dictionaries/PETR.Validate.actors.txt and PETR.Validate.agents.txt)"
        )
    started = time.perf_counter()
    if nlp is None:
        try:
            nlp = load_pipeline(dicts, knowledge=task_name != "petrarch")
        except Exception as exc:  # shown as one line by the CLI, with the cause chained
            raise PipelineUnavailableError(
                f"cannot build the pipeline: {type(exc).__name__}: {exc}"
            ) from exc
        for kind, status in dicts.status.items():
            if status != "loaded":
                warnings.append(f"{kind} dictionaries not loaded, scoring without them: {status}")
    if on_start:
        on_start(len(gold))
    coded, errors, n_errors = code_all(
        nlp, [g.article for g in gold], ids=[g.id for g in gold], on_advance=on_advance
    )
    scores = task.score(gold, coded)
    if part == "blind":
        scores.detail = {k: v for k, v in scores.detail.items() if k not in EXAMPLE_KEYS}
    if n_errors:
        warnings.append(f"{n_errors} record(s) raised while coding; scored as empty predictions")
    return Evaluation(
        task=task_name,
        gold=gold_path,
        n=len(gold),
        scores=scores,
        errors=errors,
        n_errors=n_errors,
        warnings=warnings,
        dictionaries=dicts,
        seconds=time.perf_counter() - started,
        headline=task.headline,
        part=part,
    )


__all__ = [
    "EXAMPLE_KEYS",
    "TASKS",
    "Dictionaries",
    "Evaluation",
    "PipelineUnavailableError",
    "code_all",
    "load_pipeline",
    "run",
]
