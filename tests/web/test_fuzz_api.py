"""Fuzz every operation of the API's own OpenAPI spec with schemathesis.

A real uvicorn server on loopback over a copy of the sample store, coding with
the fake coder, so POST /documents is fuzzed too (bodies, media types, query).
Checks: no 5xx ever; responses match their documented schema, status codes and
content types; requests that break the schema are rejected.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from realpolitik.web import create_app
from tests.web.fakes import FakeCoder
from tests.web.live import serving

schemathesis = pytest.importorskip("schemathesis")
hypothesis = pytest.importorskip("hypothesis")

EXAMPLES_PER_OPERATION = 60
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.negative_data_rejection,
]


@pytest.fixture(scope="module")
def live_url(sample_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb"
    shutil.copy(sample_db, path)
    app = create_app(str(path), coder_factory=FakeCoder, max_upload_bytes=64_000)
    with serving(app) as url:
        yield url


def fuzz_operation(operation: object, base_url: str, failures: list[str]) -> None:
    """Run generated cases against one operation; record any 5xx."""

    @hypothesis.settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    @hypothesis.given(case=operation.as_strategy())
    def check(case: object) -> None:
        try:
            case.call_and_validate(base_url=base_url, checks=CHECKS, timeout=30)
        except (AssertionError, BaseExceptionGroup) as failure:  # one failure, or a group
            failures.append(f"{case.method} {case.formatted_path}: {str(failure)[:600]}")

    check()


def test_no_server_errors_on_generated_requests(live_url: str) -> None:
    schema = schemathesis.openapi.from_url(f"{live_url}/openapi.json")
    failures: list[str] = []
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        fuzz_operation(operation, live_url, failures)
        operations += 1
    assert operations >= 8
    assert failures == [], "\n".join(failures[:20])
