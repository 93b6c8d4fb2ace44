"""Coding corpora in parallel: a local process pool or a Ray cluster, same records.

Both engines hand batches of :class:`~dotterel.model.Article` to workers that each load
the spaCy pipeline once (:mod:`dotterel.distributed.worker`) and write their results as
Parquet partitions straight to the output (:mod:`dotterel.distributed.output`), so the
driver never holds a corpus in memory and a killed run resumes where it stopped.
"""

from dotterel.distributed.output import PartitionWriter, done_article_ids
from dotterel.distributed.worker import BatchCoder, PipelineOptions

__all__ = ["BatchCoder", "PartitionWriter", "PipelineOptions", "done_article_ids"]
