"""Load check of the REST API: concurrent clients against a loopback `realpolitik serve`.

    python benchmarks/load_api.py                      # 50 clients, 30 s, synthetic store
    python benchmarks/load_api.py --db events.duckdb --clients 20 --duration 10

Starts the server in a subprocess on 127.0.0.1 (a free port, read-only), runs
the clients (httpx, asyncio) over a mix of GET endpoints for the given time,
then prints requests/s, latency percentiles and errors (non-2xx or failed
requests), overall and per endpoint. Never talks to anything but loopback.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import httpx

HOST = "127.0.0.1"
ACTORS = ("IRN", "RUS", "SYR", "USA", "ISR", "SAU", "TUR", "LBNREB", "IGOWSTNAT")
MONTHS = [f"{year}-{month:02d}" for year in (2019, 2020) for month in range(1, 13)]


def request_mix(rng: random.Random) -> list[tuple[str, str]]:
    """(name, path) pairs with varied parameters, so answers are not all served from cache."""
    a, b = rng.sample(ACTORS, 2)
    first, last = sorted(rng.sample(MONTHS, 2))
    doc = f"sample-{rng.randrange(200):04d}"
    return [
        ("events", f"/events?limit=50&offset={50 * rng.randrange(10)}"),
        ("events:filtered", f"/events?actor={a}&quad_class={rng.randint(1, 4)}&limit=50"),
        ("events:text", f"/events?text={rng.choice(['sanctions', 'aid', 'strikes', 'met'])}"),
        ("actors", f"/actors?q={a[:2].lower()}"),
        ("document", f"/documents/{doc}"),
        ("relation", f"/relations/{a}/{b}?freq={rng.choice(['month', 'quarter'])}"),
        ("network", f"/network?date_from={first}-01&date_to={last}-28"),
        ("shifts", f"/shifts?a={a}&b={b}&freq=quarter&min_events=1"),
        ("info", "/info"),
    ]


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    samples: list[str] = field(default_factory=list)

    def record(self, name: str, seconds: float, problem: str | None) -> None:
        self.latencies[name].append(seconds)
        if problem:
            self.errors[name] += 1
            if len(self.samples) < 5:
                self.samples.append(f"{name}: {problem}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def start_server(db: str, port: int) -> subprocess.Popen[bytes]:
    """`realpolitik serve --read-only` on loopback, as a child process."""
    command = [
        sys.executable,
        "-c",
        "from realpolitik.cli import main; main()",
        "serve",
        "--db",
        db,
        "--host",
        HOST,
        "--port",
        str(port),
        "--read-only",
    ]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_ready(base: str, server: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"server exited: {server.stderr.read().decode()[-500:]}")
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit("server did not become ready")


async def client(http: httpx.AsyncClient, seed: int, stop: float, tally: Tally) -> None:
    """One client: random requests from the mix, one at a time, until `stop`."""
    rng = random.Random(seed)
    while time.monotonic() < stop:
        name, path = rng.choice(request_mix(rng))
        started = time.perf_counter()
        problem = None
        try:
            response = await http.get(path)
            if response.status_code >= 300:
                problem = f"HTTP {response.status_code} {response.text[:120]}"
        except httpx.HTTPError as exc:
            problem = f"{type(exc).__name__}: {exc}"
        tally.record(name, time.perf_counter() - started, problem)


async def run_load(base: str, clients: int, duration: float) -> tuple[Tally, float]:
    tally = Tally()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:
        started = time.monotonic()
        stop = started + duration
        await asyncio.gather(*(client(http, seed, stop, tally) for seed in range(clients)))
        elapsed = time.monotonic() - started
    return tally, elapsed


def percentile(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def summary(tally: Tally, elapsed: float, clients: int) -> dict:
    every = [v for values in tally.latencies.values() for v in values]
    per = {
        name: {
            "requests": len(values),
            "errors": tally.errors.get(name, 0),
            "p50_ms": round(1000 * percentile(values, 50), 1),
            "p99_ms": round(1000 * percentile(values, 99), 1),
        }
        for name, values in sorted(tally.latencies.items())
    }
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(every),
        "requests_per_s": round(len(every) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(1000 * percentile(every, 50), 1),
        "p99_ms": round(1000 * percentile(every, 99), 1),
        "errors": sum(tally.errors.values()),
        "error_samples": tally.samples,
        "endpoints": per,
    }


def print_summary(result: dict) -> None:
    print(
        f"{result['clients']} clients, {result['seconds']} s: {result['requests']} requests, "
        f"{result['requests_per_s']} req/s, p50 {result['p50_ms']} ms, "
        f"p99 {result['p99_ms']} ms, errors {result['errors']}"
    )
    for name, row in result["endpoints"].items():
        print(
            f"  {name:16} {row['requests']:7d} req  p50 {row['p50_ms']:8.1f} ms  "
            f"p99 {row['p99_ms']:8.1f} ms  errors {row['errors']}"
        )
    for sample in result["error_samples"]:
        print(f"  error: {sample}")


def sample_db(folder: str, documents: int) -> str:
    from realpolitik.web.sample import build_sample_store

    path = str(Path(folder) / "load.duckdb")
    build_sample_store(path, count=documents)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="store to serve (default: a synthetic sample store)")
    parser.add_argument("--documents", type=int, default=240, help="sample store size")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of load")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or sample_db(folder, args.documents)
        port = free_port()
        base = f"http://{HOST}:{port}"
        server = start_server(db, port)
        try:
            wait_ready(base, server)
            tally, elapsed = asyncio.run(run_load(base, args.clients, args.duration))
        finally:
            server.terminate()
            server.wait(timeout=30)
    result = summary(tally, elapsed, args.clients)
    result["server_cpus"] = os.cpu_count()
    print_summary(result)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
