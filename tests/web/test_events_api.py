"""GET /events, /actors, /documents/{id}, /info and the UI shell."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_events_page_has_contract_fields_and_highlights(client: TestClient) -> None:
    response = client.get("/events", params={"limit": 5})
    assert response.status_code == 200
    page = response.json()
    assert page["limit"] == 5 and page["offset"] == 0
    assert page["total"] > 5 and len(page["events"]) == 5
    event = page["events"][0]
    for field in ("event_id", "sentence", "actor", "recipient", "trigger", "status", "quad_class"):
        assert field in event
    kinds = {span["kind"] for span in event["highlights"]}
    assert kinds == {"actor", "recipient", "trigger"}
    for span in event["highlights"]:
        text = event["sentence"][span["start"] : span["end"]]
        assert text == event[span["kind"]]["text"]


def test_events_filters_narrow_the_result(client: TestClient) -> None:
    total = client.get("/events").json()["total"]
    conflict = client.get("/events", params={"quad_class": 4, "limit": 1000}).json()
    assert 0 < conflict["total"] < total
    assert all(e["quad_class"] == 4 for e in conflict["events"])
    dyad = client.get("/events", params={"actor": "IRN", "recipient": "RUS", "limit": 1000}).json()
    assert dyad["total"] > 0
    assert all(e["actor"]["country"] == "IRN" for e in dyad["events"])
    assert all(e["recipient"]["country"] == "RUS" for e in dyad["events"])
    typed = client.get("/events", params={"event_type": "ASSAULT", "status": "asserted"}).json()
    assert all(e["event_type"] == "ASSAULT" and e["status"] == "asserted" for e in typed["events"])


def test_events_text_date_and_paging(client: TestClient) -> None:
    found = client.get("/events", params={"text": "sanctions", "limit": 1000}).json()
    assert found["total"] > 0
    assert all("sanctions" in e["sentence"].lower() for e in found["events"])
    window = {"date_from": "2019-03-01", "date_to": "2019-03-31", "limit": 1000}
    march = client.get("/events", params=window).json()
    assert march["total"] > 0
    assert all("2019-03-01" <= e["date"]["start"] <= "2019-03-31" for e in march["events"])
    first = client.get("/events", params={"limit": 3, "offset": 0}).json()["events"]
    second = client.get("/events", params={"limit": 3, "offset": 3}).json()["events"]
    assert {e["event_id"] for e in first}.isdisjoint(e["event_id"] for e in second)


def test_events_reject_bad_parameters(client: TestClient) -> None:
    for params in (
        {"quad_class": 7},
        {"limit": 0},
        {"limit": 100000},
        {"offset": -1},
        {"date_from": "yesterday"},
        {"event_type": "HUG"},
        {"status": "rumoured"},
        {"actor": "Iran'; DROP TABLE events; --"},
        {"text": "a\x00b"},
    ):
        response = client.get("/events", params=params)
        assert response.status_code == 422, params
        assert response.json()["detail"]


def test_actors_search(client: TestClient) -> None:
    actors = client.get("/actors", params={"q": "iran"}).json()
    assert actors and actors[0]["code"] == "IRNGOV"
    assert actors[0]["events"] > 0
    assert client.get("/actors", params={"limit": 0}).status_code == 422


def test_document_with_spans_and_404(client: TestClient) -> None:
    event = client.get("/events", params={"limit": 1}).json()["events"][0]
    document = client.get(f"/documents/{event['doc_id']}").json()
    post = document["posts"][0]
    assert event["sentence"] in post["text"]
    for span in post["spans"]:
        assert 0 <= span["start"] < span["end"] <= len(post["text"])
    missing = client.get("/documents/no-such-document")
    assert missing.status_code == 404
    assert "no-such-document" in missing.json()["detail"]


def test_info_reports_read_only_and_counts(client: TestClient) -> None:
    info = client.get("/info").json()
    assert info["read_only"] is True
    assert info["stats"]["documents"] == 60


def test_ui_shell_is_served_offline_with_csp(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert "http://" not in page.text and "https://" not in page.text
    assert client.get("/static/vendor/cytoscape/cytoscape.min.js").status_code == 200
    assert client.get("/static/vendor/cytoscape/LICENSE").status_code == 200
    assert client.get("/openapi.json").json()["paths"]["/events"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()
    assert '"validatorUrl": null' in docs.text
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
