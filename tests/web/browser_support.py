"""Shared pieces of the browser tests: the Chromium to drive and a real click on a graph edge."""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

EDGE_POINT = """() => {
    // A point on an edge, as far from every node as possible (so the click lands on an edge).
    const cy = document.getElementById('graph').cy;
    let best = null;
    for (const edge of cy.edges()) {
        const [s, t] = [edge.source().renderedPosition(), edge.target().renderedPosition()];
        for (const f of [0.35, 0.45, 0.5, 0.55, 0.65]) {
            const p = {x: s.x + (t.x - s.x) * f, y: s.y + (t.y - s.y) * f};
            const clear = Math.min(...cy.nodes().map((n) => {
                const q = n.renderedPosition();
                return Math.hypot(q.x - p.x, q.y - p.y) - n.renderedWidth() / 2;
            }));
            if (!best || clear > best.clear) best = {x: p.x, y: p.y, clear};
        }
    }
    return best;
}"""


def click_an_edge(page: object) -> dict:
    """Click the graph canvas on an edge, like a user would; return the edge it selected."""
    point = page.evaluate(EDGE_POINT)
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_function("document.getElementById('graph').cy.edges(':selected').length === 1")
    return page.evaluate(
        "(() => { const e = document.getElementById('graph').cy.edges(':selected')[0];"
        " return {source: e.data('source'), target: e.data('target')}; })()"
    )
