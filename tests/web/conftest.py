"""Fixtures: a small synthetic coded database and test clients over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from realpolitik.web import create_app
from realpolitik.web.sample import build_sample_store
from tests.web.fakes import FakeCoder

SAMPLE_DOCUMENTS = 60


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store of synthetic coded documents, built once per session (read it, don't write it)."""
    path = tmp_path_factory.mktemp("web") / "sample.duckdb"
    build_sample_store(str(path), count=SAMPLE_DOCUMENTS)
    return str(path)


@pytest.fixture(scope="session")
def client(sample_db: str) -> Iterator[TestClient]:
    """A read-only app over the sample store."""
    with TestClient(create_app(sample_db, read_only=True)) as test_client:
        yield test_client


@pytest.fixture()
def fake_coder() -> FakeCoder:
    return FakeCoder()


@pytest.fixture()
def writable_client(tmp_path: Path, fake_coder: FakeCoder) -> Iterator[TestClient]:
    """A writable app over a fresh small store, coding with the fake coder."""
    path = tmp_path / "write.duckdb"
    build_sample_store(str(path), count=5)
    app = create_app(str(path), coder_factory=lambda: fake_coder, max_upload_bytes=10_000)
    with TestClient(app) as test_client:
        yield test_client
