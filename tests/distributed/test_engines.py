"""distributed/: both engines write the same records; reruns resume; failures are rejects."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dotterel.distributed.local import run_local
from dotterel.distributed.output import PartitionWriter, done_article_ids, read_table
from dotterel.distributed.worker import BatchCoder, PipelineOptions
from dotterel.model import Article
from dotterel.rows import TABLES

TEXTS = [
    "Ruritania accused Syldavia of arming rebels in the northern province on Monday.",
    "Officials from Borduria met diplomats from Ruritania in the capital, a spokesman said.",
    "The defence ministry denied sending troops across the border last week.",
    "Protesters gathered outside the embassy to demand the release of journalists.",
    "Syldavia offered humanitarian aid to refugees who fled the fighting.",
]


def _articles() -> list[Article]:
    return [Article(text=t, outlet="Example Times", origin=f"t{i}") for i, t in enumerate(TEXTS)]


def _batches(articles: list[Article], size: int = 2) -> list[list[Article]]:
    return [articles[i : i + size] for i in range(0, len(articles), size)]


def _sorted(table: pa.Table) -> list[dict]:
    return sorted(table.to_pylist(), key=lambda r: str(r.get("id")))


def _contents(out: Path) -> dict[str, list[dict]]:
    return {t: _sorted(read_table(str(out), t)) for t in TABLES}


@pytest.fixture(scope="module")
def local_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local")
    run_local(_batches(_articles()), str(out), PipelineOptions(), workers=1)
    return out


def test_local_engine_writes_every_table(local_out: Path) -> None:
    assert done_article_ids(str(local_out)) == {a.id for a in _articles()}
    contents = _contents(local_out)
    assert len(contents["articles"]) == len(TEXTS)
    assert len(contents["sentences"]) >= len(TEXTS)


@pytest.mark.slow
def test_two_local_workers_give_identical_records(local_out: Path, tmp_path: Path) -> None:
    run_local(_batches(_articles(), 1), str(tmp_path), PipelineOptions(), workers=2)
    assert _contents(tmp_path) == _contents(local_out)


@pytest.mark.slow
def test_ray_engine_gives_identical_records(local_out: Path, tmp_path: Path) -> None:
    pytest.importorskip("ray")
    from dotterel.distributed.ray_engine import run_ray

    run_ray(_batches(_articles()), str(tmp_path), PipelineOptions(), workers=2, batch_size=2)
    assert _contents(tmp_path) == _contents(local_out)


def test_orphan_partitions_of_a_killed_batch_are_removed(tmp_path: Path) -> None:
    writer = PartitionWriter(str(tmp_path))
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "part-deadbeef.parquet").write_bytes(b"half-written")
    (tmp_path / "events" / ".tmp-x.parquet").write_bytes(b"")
    assert writer.clean_orphans() == 2
    assert list((tmp_path / "events").iterdir()) == []


class _Boom:
    def __call__(self, doc: Doc) -> Doc:
        if "EXPLODE" in doc.text:
            raise RuntimeError("synthetic failure")
        return doc


@Language.factory("test_boom")
def _make_boom(nlp: Language, name: str) -> _Boom:
    return _Boom()


def test_a_failing_document_becomes_a_reject_and_the_batch_goes_on() -> None:
    coder = BatchCoder(PipelineOptions())
    nlp = Language()
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_boom")
    coder._nlp = nlp
    good = Article(text="A quiet day in the capital.", origin="good")
    bad = Article(text="This one will EXPLODE.", origin="bad")
    coded, rejects = coder.code([good, bad])
    assert [c.article.origin for c in coded] == ["good"]
    assert [(r.origin, r.kind) for r in rejects] == [("bad", "error")]
    assert "synthetic failure" in rejects[0].reason
