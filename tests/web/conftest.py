"""Fixtures: a small synthetic coded database and test clients over it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from realpolitik.web import create_app
from realpolitik.web.sample import build_sample_store
from tests.web.browser_support import CHROMIUM, LAUNCH_ARGS
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


# --------------------------------------------------------------------------- browser tests


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Headless Debian Chromium through Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = os.environ.get("REALPOLITIK_SCREENSHOTS")
    folder = Path(target) if target else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture()
def page(browser: object, base_url: str) -> Iterator[object]:
    """A page that records script errors and any request leaving the test server."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.errors = []
    page.foreign = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    page.on(
        "request",
        lambda request: (
            None if request.url.startswith(base_url) else page.foreign.append(request.url)
        ),
    )
    yield page
    assert page.errors == []
    assert page.foreign == []
    context.close()
