"""Evaluation harness: score dotterel against gold files (``../shared/eval`` formats).

One module per task (:mod:`.plover`, :mod:`.petrarch`, :mod:`.attribution`, :mod:`.geo`,
:mod:`.time_expressions`, :mod:`.events`, :mod:`.seed`), each with a gold reader and a *pure* scorer
``score(gold, coded) -> Scores``; shared arithmetic in :mod:`.metrics`; the pipeline
run in :mod:`.runner`; the tune/blind split in :mod:`.parts`; tables in :mod:`.report`.
Matching rules: ``docs/evaluation.md``.
"""

from __future__ import annotations

from dotterel.evaluate.base import Scores, Task
from dotterel.evaluate.metrics import PRF
from dotterel.evaluate.runner import TASKS, Evaluation, run

__all__ = ["PRF", "TASKS", "Evaluation", "Scores", "Task", "run"]
