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
    assert bad_range.status_code == 400


def test_network_has_signed_edges_and_the_two_planted_blocs(client: TestClient) -> None:
    network = client.get("/network").json()
    ids = {node["id"] for node in network["nodes"]}
    assert {"IRN", "RUS", "USA", "ISR", "LBNREB", "IGOWSTNAT"} <= ids
    bloc = {node["id"]: node["bloc"] for node in network["nodes"]}
    assert bloc["IRN"] == bloc["RUS"] == bloc["SYR"] == bloc["LBNREB"]
    assert bloc["USA"] == bloc["ISR"] == bloc["SAU"] != bloc["IRN"]
    signs = {(e["source"], e["target"]): e["cooperation"] - e["conflict"] for e in network["edges"]}
    assert signs.get(("IRN", "RUS"), signs.get(("RUS", "IRN"))) > 0
    assert signs.get(("ISR", "LBNREB"), signs.get(("LBNREB", "ISR"))) < 0


def test_network_time_window_and_min_events(client: TestClient) -> None:
    whole = client.get("/network").json()
    early = client.get("/network", params={"date_from": "2019-01-01", "date_to": "2019-02-28"})
    assert early.status_code == 200
    assert sum(e["events"] for e in early.json()["edges"]) < sum(
        e["events"] for e in whole["edges"]
    )
    floor = max(e["events"] for e in whole["edges"]) // 2
    busy = client.get("/network", params={"min_events": floor}).json()
    assert 0 < len(busy["edges"]) < len(whole["edges"])
    assert all(e["events"] >= floor for e in busy["edges"])
    assert client.get("/network", params={"min_events": 0}).status_code == 422


def test_shifts_find_turkeys_change_of_sides(client: TestClient) -> None:
    response = client.get(
        "/shifts", params={"a": "TUR", "b": "USA", "freq": "quarter", "min_events": 1}
    )
    assert response.status_code == 200, response.text
    shifts = response.json()
    assert shifts, "the sample's Turkey swaps blocs in 2020-01"
    turn = shifts[0]
    assert turn["period"].startswith("2020-01") and turn["delta"] < 0
    assert turn["evidence"] and all(e["highlights"] for e in turn["evidence"])
    everything = client.get("/shifts", params={"freq": "quarter"}).json()
    assert {frozenset((s["a"], s["b"])) for s in everything} >= {frozenset(("TUR", "USA"))}


def test_history_switch_is_accepted(client: TestClient) -> None:
    plain = client.get("/network").json()
    with_history = client.get("/network", params={"history": True})
    assert with_history.status_code == 200
    assert len(with_history.json()["edges"]) >= len(plain["edges"])
    series = client.get("/relations/IRN/RUS", params={"history": True})
    assert series.status_code == 200
    assert client.get("/network", params={"history": "perhaps"}).status_code == 422
