"""End-to-end: every view in headless Debian Chromium (Playwright), click paths, screenshots.

Part of the default test run (``pytest -m browser tests/web`` runs them alone);
skipped when /usr/bin/chromium or Playwright is missing. Screenshots go to a temp folder, or to
``$REALPOLITIK_SCREENSHOTS`` when set (how docs/img is refreshed).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
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
    """A writable server over a copy of the sample store, coding with the fake coder."""
    path = tmp_path_factory.mktemp("live") / "live.duckdb"
    shutil.copy(sample_db, path)
    app = create_app(str(path), coder_factory=FakeCoder)
    with serving(app) as url:
        yield url


def test_network_edge_to_evidence_to_timeline(page: object, base_url: str, shots: Path) -> None:
    page.goto(f"{base_url}/#/network")
    page.wait_for_selector("#graph[data-ready=true]")
    assert page.evaluate("document.getElementById('graph').cy.nodes().length") >= 5
    assert "blocs" in page.locator("#network-summary").inner_text()
    page.screenshot(path=str(shots / "network.png"))
    edge = click_an_edge(page)
    title = page.locator("#edge-panel h3")
    title.wait_for()
    assert title.get_attribute("data-dyad") == f"{edge['source']}|{edge['target']}"
    assert " ↔ " in title.inner_text()
    cards = page.locator("#edge-panel .event-card")
    cards.first.wait_for()
    assert cards.count() > 0
    assert page.locator("#edge-panel .event-card mark.hl-trigger").count() > 0
    page.screenshot(path=str(shots / "network-edge.png"))
    page.locator("#edge-panel a", has_text="Relationship timeline").click()
    page.wait_for_selector("svg.timeline .period")
    assert f"{edge['source']} ↔ {edge['target']}" in page.locator(".view-relation").inner_text()
    page.locator("svg.timeline .period .bar").first.click()
    page.wait_for_selector("#evidence h3")
    assert "Evidence" in page.locator("#evidence h3").inner_text()
    page.screenshot(path=str(shots / "relation.png"), full_page=True)


def test_time_window_slider_redraws_network(page: object, base_url: str) -> None:
    page.goto(f"{base_url}/#/network")
    page.wait_for_selector("#graph[data-ready=true]")
    before = page.locator("#window-label").inner_text()
    page.locator("#window-to").fill("3")
    page.wait_for_function(
        "(before) => document.getElementById('window-label').textContent !== before", arg=before
    )
    page.wait_for_selector("#graph[data-ready=true]")
    assert page.locator("#window-label").inner_text().endswith("2019-04")


def test_event_explorer_filters_and_highlights(page: object, base_url: str, shots: Path) -> None:
    page.goto(f"{base_url}/#/events")
    page.wait_for_selector("table.events tbody tr")
    page.fill("#event-filters input[name=actor]", "IRN")
    page.select_option("#event-filters select[name=quad_class]", "4")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url("**#/events?actor=IRN&quad_class=4")
    page.wait_for_selector("table.events tbody tr")
    rows = page.locator("table.events tbody tr")
    for index in range(rows.count()):
        row = rows.nth(index)
        assert row.locator("td.dyad").inner_text().startswith("Iran")
        assert row.locator("mark.hl-actor").count() == 1
        assert row.locator("mark.hl-trigger").count() == 1
    assert "of" in page.locator("#event-count").inner_text()
    page.screenshot(path=str(shots / "events.png"))


def test_document_view_shows_script_as_text(page: object, base_url: str, shots: Path) -> None:
    text = (
        "Iran praised Russia in Moscow. <script>window.pwned = 1</script>"
        '<img src=x onerror="window.pwned=2"> Syria praised Iran.'
    )
    coded = httpx.post(f"{base_url}/documents", json={"text": text, "format": "text"}).json()
    page.goto(f"{base_url}/#/document/{coded['doc_id']}")
    page.wait_for_selector(".post-text mark.hl-trigger")
    shown = page.locator(".post-text").first.inner_text()
    assert "<script>window.pwned = 1</script>" in shown
    assert page.locator(".post-text script, .post-text img").count() == 0
    assert page.evaluate("window.pwned === undefined")
    page.locator(".post-text mark.hl-trigger").first.click()
    page.wait_for_selector("#span-panel .event-card")
    assert "praised" in page.locator("#span-panel .event-card").first.inner_text()
    page.screenshot(path=str(shots / "document.png"))


def test_code_a_text_shows_events_and_spans(page: object, base_url: str, shots: Path) -> None:
    page.goto(f"{base_url}/#/code")
    page.fill(
        "#code-form textarea",
        "Turkey signed an agreement with Russia in Ankara. Israel accused Iran of lying.",
    )
    page.fill("#code-form input[name=title]", "Pasted")
    page.click("#code-form button[type=submit]")
    page.wait_for_selector("#coded-count")
    assert page.locator("#coded-count").inner_text() == "2 events"
    assert page.locator("#code-result table.events tbody tr").count() == 2
    assert page.locator("#code-result .post-text mark.hl-trigger").count() == 2
    page.screenshot(path=str(shots / "code.png"), full_page=True)


def test_relation_view_shift_markers_and_directions(page: object, base_url: str) -> None:
    page.goto(f"{base_url}/#/relation/TUR/USA?freq=quarter")
    page.wait_for_selector("svg.timeline .period")
    assert page.locator("svg.timeline .shift-marker").count() >= 1
    assert page.locator("svg.timeline .balance circle").count() >= 4
    page.locator(".shifts button").first.click()
    assert page.locator("#evidence h3").inner_text().startswith("Shift in 2020-01")
    assert page.locator("#evidence .event-card").count() > 0
    page.locator(".directions button", has_text="TUR → USA").click()
    assert "active" in page.locator(".directions button", has_text="TUR → USA").get_attribute(
        "class"
    )
    page.wait_for_selector("svg.timeline .period")


def test_openapi_docs_render_offline(page: object, base_url: str) -> None:
    page.goto(f"{base_url}/docs")
    page.wait_for_selector(".opblock-summary-path")
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/events" in path for path in paths)
    assert any("/documents" in path for path in paths)
