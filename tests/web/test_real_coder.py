"""POST /documents with the real coder (spaCy model and data files) on the seed documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from realpolitik.web import create_app


@pytest.mark.slow
def test_seed_documents_code_through_the_api(seeds_dir: Path, tmp_path: Path) -> None:
    seeds = sorted(seeds_dir.glob("*.txt"))
    if not seeds:
        pytest.skip("no seed documents")
    app = create_app(str(tmp_path / "seeds.duckdb"), max_upload_bytes=5_000_000)
    with TestClient(app) as client:
        for seed in seeds:
            response = client.post(
                "/documents",
                content=seed.read_bytes(),
                headers={"Content-Type": "text/plain; charset=utf-8"},
            )
            assert response.status_code == 201, response.text
            coded = response.json()
            assert coded["events"], seed.name
            posts = coded["document"]["posts"]
            assert any(post["spans"] for post in posts)
            for event in coded["events"]:
                assert event["highlights"], event["sentence"]
        listed = client.get("/events", params={"limit": 1000}).json()
        assert listed["total"] >= len(seeds)
        network = client.get("/network").json()
        assert {"IRN", "RUS"} <= {node["id"] for node in network["nodes"]}
