"""GET /relations/{a}/{b}, /network and /shifts over the sample store."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_relation_series_has_periods_flows_and_evidence(client: TestClient) -> None:
    response = client.get("/relations/IRN/RUS", params={"freq": "quarter"})
    assert response.status_code == 200, response.text
    series = response.json()
    assert (series["a"], series["b"], series["freq"]) == ("IRN", "RUS", "quarter")
    assert len(series["periods"]) >= 4
    busy = [p for p in series["periods"] if p["undirected"]["events"]]
    assert busy
    for period in busy:
        flow = period["undirected"]
        assert flow["events"] == period["a_to_b"]["events"] + period["b_to_a"]["events"]
        assert sum(flow[f"q{q}"] for q in range(1, 5)) == flow["events"]
        for event in period["evidence"]:
            keys = {event["actor"]["country"], event["recipient"]["country"]}
            assert keys == {"IRN", "RUS"}
            assert event["highlights"]


def test_relation_accepts_names_and_rejects_unknown_actors(client: TestClient) -> None:
    by_name = client.get("/relations/IRNGOV/RUSGOV").json()
    assert (by_name["a"], by_name["b"]) == ("IRN", "RUS")
    unknown = client.get("/relations/IRN/ZZZZZ")
    assert unknown.status_code == 400
    assert "ZZZZZ" in unknown.json()["detail"]
    assert client.get("/relations/IRN/RUS", params={"freq": "fortnight"}).status_code == 422
    bad_range = client.get(
        "/relations/IRN/RUS", params={"date_from": "2020-01-01", "date_to": "2019-01-01"}
    )
    assert bad_range.status_code == 422
