"""Every view and click path on any store: the sample, or ``$REALPOLITIK_WEB_DB`` (copied).

    REALPOLITIK_WEB_DB=news.duckdb pytest -m browser tests/web/test_browser_smoke.py

Only generic assertions (something is drawn, clicks lead where they should,
no script errors, no request leaves the server), so it runs on a store coded
from any corpus.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from realpolitik.web import create_app
from tests.web.browser_support import CHROMIUM, click_an_edge
from tests.web.fakes import FakeCoder
from tests.web.live import serving

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed"),
]
pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def base_url(sample_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    source = os.environ.get("REALPOLITIK_WEB_DB") or sample_db
    path = tmp_path_factory.mktemp("smoke") / "smoke.duckdb"
    shutil.copy(source, path)
    with serving(create_app(str(path), coder_factory=FakeCoder)) as url:
        yield url


def test_every_view_and_click_path(page: object, base_url: str, shots: Path) -> None:
    page.goto(f"{base_url}/#/network")
    page.wait_for_selector("#graph[data-ready=true]")
    assert page.evaluate("document.getElementById('graph').cy.edges().length") > 0
    edge = click_an_edge(page)
    page.locator("#edge-panel .event-card").first.wait_for()
    page.screenshot(path=str(shots / "smoke-network.png"))
    page.locator("#edge-panel a", has_text="Relationship timeline").click()
    page.wait_for_selector("svg.timeline .period .bar")
    page.locator("svg.timeline .period .bar").last.click()
    page.locator("#evidence .event-card").first.wait_for()
    page.screenshot(path=str(shots / "smoke-relation.png"), full_page=True)
    page.goto(f"{base_url}/#/events?actor={edge['source']}")
    page.wait_for_selector("table.events tbody tr")
    assert page.locator("table.events mark.hl-trigger").count() > 0
    page.locator("table.events a.doc-link").first.click()
    page.wait_for_selector(".post-text")
    assert page.locator(".post-text mark").count() > 0
    page.screenshot(path=str(shots / "smoke-document.png"))
    page.goto(f"{base_url}/#/code")
    page.fill("#code-form textarea", "Russia praised Syria in Damascus.")
    page.click("#code-form button[type=submit]")
    page.wait_for_selector("#coded-count")
    assert page.locator("#coded-count").inner_text() == "1 events"
