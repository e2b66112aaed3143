"""Benchmark the REST API over HTTP against floors measured in the same run.

One command: `python bench/run.py` (or `make bench`). It generates a governance repo (10,000
inputs, 300 proposals, about 2,000 ballots; and one of 100,000 inputs), starts a real Jupyter server
on it, and times each request as a client sees it, next to a floor:

- `json.dumps` of the same records (the least a server that answers JSON must do);
- a bare `git add` + `git commit` of one file in a copy of the repo (the least a write costs).

It prints the table with each ratio and its target, and writes bench/results/latest.json with a
summary of the machine. Targets live here, never in unit tests; `--strict` exits 1 on a miss.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.generate import generate  # noqa: E402
from jupyter_gov_ext.tests import live  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"


def timed(fn, runs: int = 5) -> tuple[float, object]:
    """The best of `runs` wall times (seconds) and the last result."""
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def fetch(server: live.Live, path: str, headers: dict | None = None, method="GET", body=None):
    """One request as a browser makes it (gzip accepted); returns (status, bytes on the wire)."""
    req = urllib.request.Request(
        server.base + path,
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={
            "Authorization": f"token {live.TOKEN}",
            "Accept-Encoding": "gzip",
            "Content-Type": "application/json",
            **(headers or {}),
        },
    )
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:  # noqa: S310 (localhost)
            return resp.status, resp.read(), resp.headers
    except urllib.error.HTTPError as err:
        return err.code, err.read(), err.headers


def server_time(server: live.Live, path: str, headers: dict) -> float:
    """The least time the server says (Server-Timing) it spent on the request, in seconds."""
    times = []
    for _ in range(5):
        _, _, answer = fetch(server, path, headers)
        times.append(float(answer["Server-Timing"].split("dur=")[1]) / 1000)
    return min(times)


def bare_commit(repo: Path, tmp: Path) -> float:
    copy = tmp / f"commit-floor-{repo.name}"
    shutil.copytree(repo, copy)
    n = [0]

    def one() -> None:
        n[0] += 1
        path = copy / "inputs" / "2026" / f"floor-{n[0]}.md"
        path.write_text(f"---\nid: floor-{n[0]}\n---\n")
        subprocess.run(["git", "-C", str(copy), "add", "--", str(path)], check=True)
        subprocess.run(["git", "-C", str(copy), "commit", "-q", "-m", "floor"], check=True)

    return timed(one)[0]


def an_input(n: int) -> dict:
    return {
        "title": f"Bench input {n}",
        "url": f"https://example.org/bench/{n}",
        "topics": ["community"],
        "own_content": True,
    }


def measure(tmp: Path, inputs: int, proposals: int, ballots: int, runs: int) -> dict:
    repo = generate(tmp / f"gov-{inputs}", inputs, proposals, ballots)
    server = live.start(repo, tmp, "m0")
    out: dict = {}
    try:
        # cold: the first request of a new server (it builds or loads the index)
        out["cold_inputs"], (_, body, _) = timed(lambda: fetch(server, "inputs"), 1)
        out["warm_inputs"], (_, body, headers) = timed(lambda: fetch(server, "inputs"), runs)
        records = json.loads(_gunzip(body, headers))["inputs"]
        out["inputs_floor"] = timed(lambda: json.dumps(records), runs)[0]
        out["inputs_bytes"] = len(body)
        fetch(server, "proposals")
        out["warm_proposals"], (_, pbody, pheaders) = timed(
            lambda: fetch(server, "proposals"), runs
        )
        proposals_json = json.loads(_gunzip(pbody, pheaders))["proposals"]
        out["proposals_floor"] = timed(lambda: json.dumps(proposals_json), runs)[0]
        # a page of results, as the server spent on it (the client's own costs are the same)
        out["page_inputs"] = min(server_time(server, "inputs?limit=50", {}) for _ in range(4))
        # an unchanged refresh: 304, its size and the server's own time
        etag = headers["ETag"]
        status, small, _ = fetch(server, "inputs", {"If-None-Match": etag})
        out["refresh_304_status"], out["refresh_304_bytes"] = status, len(small)
        out["refresh_304"] = timed(lambda: fetch(server, "inputs", {"If-None-Match": etag}), runs)[
            0
        ]
        out["refresh_304_server"] = server_time(server, "inputs", {"If-None-Match": etag})
        # writes
        n = iter(range(10**6))
        out["post_input"] = timed(
            lambda: fetch(server, "inputs", method="POST", body=an_input(next(n))), runs
        )[0]
        pid = proposals_json[0]["id"]
        values = iter(["yes", "no"] * runs)
        out["put_ballot"] = timed(
            lambda: fetch(server, f"proposals/{pid}/ballot", method="PUT",
                          body={"value": next(values)}),
            runs,
        )[0]  # fmt: skip
        out["commit_floor"] = bare_commit(repo, tmp)
        # incremental refresh after one new input: only what is newer
        since = records[0]["submitted"]
        fetch(server, "inputs", method="POST", body=an_input(10**6))
        out["incremental"], (_, inc, iheaders) = timed(
            lambda: fetch(server, f"inputs?since={since}"), 1
        )
        out["incremental_count"] = len(json.loads(_gunzip(inc, iheaders))["inputs"])
        # the growth figures, computed again after each new input (nothing cached can answer)
        figure_times = []
        for _ in range(runs):
            fetch(server, "inputs", method="POST", body=an_input(next(n)))
            figure_times.append(timed(lambda: fetch(server, "figures"), 1)[0])
        out["figures"] = min(figure_times)
    finally:
        server.stop()
    # cold again, as a user meets it every day: a restarted server on a repo a server has read
    # (it loads the index kept in .git/ and parses only what changed)
    server = live.start(repo, tmp, "m1")
    try:
        out["cold_restart"], _ = timed(lambda: fetch(server, "inputs"), 1)
    finally:
        server.stop()
    return out


def _gunzip(body: bytes, headers: dict) -> bytes:
    import gzip

    return gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args()
    started = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        small = measure(Path(tmp), args.inputs, 300, 7, args.runs)
        large = measure(Path(tmp), args.large, 300, 7, 3) if args.large else {}
    rows = [
        ("warm GET inputs (all)", small["warm_inputs"], small["inputs_floor"], 1.5),
        ("cold GET inputs (restarted)", small["cold_restart"], small["inputs_floor"], 3.0),
        ("warm GET proposals", small["warm_proposals"], small["proposals_floor"], 1.5),
        ("POST inputs", small["post_input"], small["commit_floor"], 1.3),
        ("PUT ballot", small["put_ballot"], small["commit_floor"], 1.3),
        # computed from every input and vote: against serialising the inputs once
        ("GET figures (after a write)", small["figures"], small["inputs_floor"], 3.0),
    ]
    print(f"{args.inputs} inputs, 300 proposals; best of {args.runs}; ratios to floors of this run")
    print(f"{'figure':32s} {'time':>10s} {'floor':>10s} {'ratio':>7s} {'target':>7s}")
    misses = []
    for name, t, floor, target in rows:
        ratio = t / floor
        flag = "" if ratio <= target else "  MISS"
        misses += [name] if flag else []
        print(
            f"{name:32s} {t * 1e3:8.1f}ms {floor * 1e3:8.1f}ms {ratio:6.2f}x {target:6.1f}x{flag}"
        )
    print(
        f"{'cold GET inputs (first start)':32s} {small['cold_inputs'] * 1e3:8.1f}ms "
        f"{small['inputs_floor'] * 1e3:8.1f}ms {small['cold_inputs'] / small['inputs_floor']:6.2f}x"
        "  (never read before: nothing kept to load)"
    )
    ok304 = small["refresh_304_server"] < 0.005 and small["refresh_304_bytes"] < 1024
    print(
        f"{'unchanged refresh (304)':32s} {small['refresh_304'] * 1e3:8.1f}ms  server "
        f"{small['refresh_304_server'] * 1e3:.2f}ms, {small['refresh_304_bytes']} bytes "
        f"(target < 5 ms, < 1 KB){'' if ok304 else '  MISS'}"
    )
    misses += [] if ok304 else ["304 refresh"]
    print(
        f"{'incremental refresh (since)':32s} {small['incremental'] * 1e3:8.1f}ms  "
        f"{small['incremental_count']} new input(s)"
    )
    if large:
        growth = large["page_inputs"] / small["page_inputs"]
        flag = "" if growth <= 1.2 else "  MISS"
        misses += [] if not flag else ["growth"]
        print(
            f"{'a page of 50 at ' + str(args.large):32s} {large['page_inputs'] * 1e3:8.1f}ms vs "
            f"{small['page_inputs'] * 1e3:.1f}ms at {args.inputs}: {growth:.2f}x (target 1.2x)"
            f"{flag}"
        )
        print(
            f"{'cold GET inputs at ' + str(args.large):32s} {large['cold_inputs'] * 1e3:8.1f}ms, "
            f"warm {large['warm_inputs'] * 1e3:.1f}ms"
        )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "machine": {
                    "python": platform.python_version(),
                    "system": platform.platform(),
                    "cpus": os.cpu_count(),
                    "git": subprocess.run(
                        ["git", "--version"], capture_output=True, text=True
                    ).stdout.strip(),
                },
                "seconds": round(time.time() - started, 1),
                "small": small,
                "large": large,
                "misses": misses,
            },
            indent=2,
            default=str,
        )
        + "\n"
    )
    print(
        f"wrote {RESULTS.relative_to(Path.cwd()) if RESULTS.is_relative_to(Path.cwd()) else RESULTS}"
    )
    return 1 if args.strict and misses else 0


if __name__ == "__main__":
    sys.exit(main())
