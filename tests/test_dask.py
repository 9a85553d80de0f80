"""Extraction on a Dask cluster (kg build --executor dask) gives the files of a local build."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg.build import build
from kg.errors import KGError

distributed = pytest.importorskip("distributed", reason="pip install 'kg-builder[dask]'")

OUTPUT_FILES = ("graph.ttl", "graph.nt", "graph.jsonld", "graph.gexf", "graph.graphml", "report.json")

DOCS = {
    "a.txt": "In July 2024, Amazon invested $4 billion in Anthropic, the startup said.\n",
    "b.txt": "Microsoft partners with OpenAI. The software giant also competes with Google.\n",
    "c.txt": "Nordvik Corp acquired Widgetco Inc in 2023. It is based in Oslo.\n",
    "d.txt": "The United States restricts exports of Nvidia chips to China, officials said.\n",
}


@pytest.fixture(scope="module")
def corpus_and_local(tmp_path_factory):
    root = tmp_path_factory.mktemp("dask")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in DOCS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    local = root / "local"
    build([corpus], out=local, cache=False)
    return corpus, local


def _same_files(a, b) -> None:
    for name in OUTPUT_FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), f"{name} differs from the local build"


def test_dask_local_cluster_gives_byte_identical_files(corpus_and_local, tmp_path):
    corpus, local = corpus_and_local
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        out = tmp_path / "dask"
        result = build([corpus], out=out, executor="dask", scheduler=cluster.scheduler_address, cache=False)
        assert result.graph.summary()["documents"] == 4 and result.graph.relations

        def pipeline_loads():
            import kg.pipeline

            cached = getattr(kg.pipeline.load_pipeline, "cache_info", None)
            info = (cached or kg.pipeline._load_pipeline.cache_info)()  # the lru_cache behind it
            return info.misses, info.hits

        loads = client.run(pipeline_loads)
    _same_files(local, out)
    assert len(loads) == 2
    # every worker that took work loaded the pipeline once, and all four one-document batches ran
    assert all(misses <= 1 for misses, _ in loads.values())
    assert sum(misses + hits for misses, hits in loads.values()) == 4


def test_dask_cli_without_scheduler_starts_a_local_cluster(corpus_and_local, tmp_path):
    corpus, local = corpus_and_local
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(out),
                           "--executor", "dask", "--jobs", "2", "-q"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    _same_files(local, out)
    assert (out / ".kgcache").is_dir()  # results computed on workers are cached centrally


def test_dask_unreachable_scheduler_is_a_clear_error(tmp_path, corpus_and_local):
    import dask

    corpus, _ = corpus_and_local
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        with pytest.raises(KGError, match=r"Cannot connect to the Dask scheduler at 'tcp://127\.0\.0\.1:9'"):
            build([corpus], out=tmp_path / "o", executor="dask", scheduler="tcp://127.0.0.1:9", cache=False)
    assert not (tmp_path / "o" / "graph.ttl").exists()
