"""Benchmarks: dotterel against bare spaCy on the same texts, in the same run."""

from dotterel.bench.corpus import synthetic_articles
from dotterel.bench.measure import BenchResult, run_bench

__all__ = ["BenchResult", "run_bench", "synthetic_articles"]
