"""A `realpolitik code --db` run killed mid-way resumes with no document lost or stored twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from realpolitik.store import EventStore
from tests.scale.fakes import sample_text

REPO = Path(__file__).resolve().parents[2]
COUNT = 60


def corpus(folder: Path) -> int:
    """COUNT text documents; returns how many events the fake coder finds in them."""
    folder.mkdir()
    for number in range(COUNT):
        (folder / f"doc{number:03d}.txt").write_text(sample_text(number), encoding="utf-8")
    return sum(sample_text(number).count("strike") for number in range(COUNT))


def start(args: list[str], delay: float) -> subprocess.Popen:
    # Small store batches, so a run killed early has stored some (and buffered some).
    env = {**os.environ, "REALPOLITIK_FAKE_DELAY": str(delay), "REALPOLITIK_STORE_BATCH": "4"}
    command = [sys.executable, "-m", "tests.scale.fake_cli", "code", *args]
    return subprocess.Popen(
        command, cwd=REPO, env=env, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def wait_for_lines(path: Path, lines: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and len(path.read_text(encoding="utf-8").splitlines()) >= lines:
            return
        if process.poll() is not None:
            pytest.fail(f"run ended early: {process.communicate()[1]}")
        time.sleep(0.05)
    pytest.fail("the run did not store any document in time")


def store_counts(db: Path) -> tuple[int, int, int, int]:
    """(documents, distinct content hashes, events, distinct event ids)."""
    with EventStore.open(db, read_only=True) as store:
        documents, hashes = store.conn.execute(
            "SELECT count(*), count(DISTINCT content_hash) FROM documents"
        ).fetchone()
        events, ids = store.conn.execute(
            "SELECT count(*), count(DISTINCT event_id) FROM events"
        ).fetchone()
    return documents, hashes, events, ids


@pytest.mark.parametrize(
    ("sig", "workers"),
    [
        (signal.SIGINT, 1),
        (signal.SIGKILL, 1),
        pytest.param(signal.SIGINT, 2, marks=pytest.mark.slow),
        pytest.param(signal.SIGKILL, 2, marks=pytest.mark.slow),
    ],
)
def test_killed_run_resumes_without_loss_or_double_coding(
    tmp_path: Path, sig: signal.Signals, workers: int
) -> None:
    expected_events = corpus(tmp_path / "docs")
    db = tmp_path / "events.duckdb"
    out = tmp_path / "first.jsonl"
    args = [str(tmp_path / "docs"), "--db", str(db), "--workers", str(workers), "-q"]
    first = start([*args, "-o", str(out)], delay=0.15)
    wait_for_lines(out, 4, first)
    os.killpg(first.pid, sig)
    _, stderr = first.communicate(timeout=60)
    assert first.returncode == (130 if sig == signal.SIGINT else -signal.SIGKILL), stderr
    if sig == signal.SIGINT:
        assert "re-run the same command to resume" in stderr
    partial, hashes, events, ids = store_counts(db)
    assert 0 < partial < COUNT
    assert partial == hashes and events == ids

    second = start([*args, "-o", str(tmp_path / "second.jsonl")], delay=0.0)
    _, stderr = second.communicate(timeout=120)
    assert second.returncode == 0, stderr
    assert store_counts(db) == (COUNT, COUNT, expected_events, expected_events)

    third = start([str(tmp_path / "docs"), "--db", str(db)], delay=0.0)
    _, stderr = third.communicate(timeout=120)
    assert third.returncode == 0, stderr
    assert "0 documents coded" in stderr and f"{COUNT} already coded" in stderr
    assert store_counts(db) == (COUNT, COUNT, expected_events, expected_events)
