#!/usr/bin/env python3
"""Sustained mixed load on a running Findings KB (driven by bench/soak; python3 stdlib only).

Sends requests at a steady rate (a schedule of intended start times, so a slow answer does not slow the load
down: latency is measured from the intended start, which counts queueing too), 95 % reads spread over the API
and 5 % curator writes and ingests. Reports per minute: requests, actual rate, errors, p50/p95/p99/max latency;
and the heap after a full GC (jcmd GC.run, then GC.heap_info) after the warm-up and at the end.
Exits 1 when any request failed or the heap after GC grew by more than --max-heap-growth percent.
"""
import argparse
import json
import os
import queue
import random
import re
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kbclient  # noqa: E402
from kbclient import Client, q  # noqa: E402

HOST = "127.0.0.1"


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100.0 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def heap_after_gc(jcmd, pid):
    """Heap in use (KiB) right after a full GC, from jcmd GC.heap_info."""
    subprocess.run([jcmd, str(pid), "GC.run"], check=True, capture_output=True, timeout=120)
    out = subprocess.run([jcmd, str(pid), "GC.heap_info"], check=True, capture_output=True, text=True,
                         timeout=60).stdout
    m = re.search(r"heap\s+total\s+(\d+)K,\s+used\s+(\d+)K", out)
    if not m:
        raise RuntimeError("unexpected GC.heap_info output:\n" + out)
    return int(m.group(2)), out


class Mix:
    """Picks the next request; reads are spread over the API, writes are edits, reviews and new articles."""

    def __init__(self, args, c):
        self.args = args
        self.lock = threading.Lock()
        self.findings = [f["id"] for f in c.pages("/api/findings?sort=id,asc")][:2000]
        self.studies = [s["id"] for s in c.pages("/api/studies?sort=id,asc")][:2000]
        body = c.get_json("/api/findings?size=1")
        self.finding_pages = max(1, min(50, body["page"]["totalPages"] // 1))
        words = set()
        for concept in c.pages("/api/concepts?sort=id,asc"):
            for w in re.split(r"[\s\-/()]+", concept["name"]):
                if len(w) >= 3:
                    words.add(w)
        self.words = sorted(words) or ["ketamine", "hippocampus", "neurons"]
        self.counter = 0

    def pick(self, rng):
        r = rng.random() * 100
        if r < 95:
            r = rng.random() * 100
            if r < 30:
                return "read: finding", ("GET", f"/api/findings/{rng.choice(self.findings)}", None, {})
            if r < 50:
                page = rng.randrange(max(1, min(self.finding_pages, 50)))
                return "read: page", ("GET", f"/api/findings?size=20&page={page}", None, {})
            if r < 60:
                return "read: filtered page", ("GET", "/api/findings?kind=mechanism&size=20", None, {})
            if r < 80:
                words = " ".join(rng.sample(self.words, min(2, len(self.words))))
                return "read: search", ("GET", f"/api/search?q={q(words)}", None, {})
            if r < 95:
                return "read: summary", ("GET", f"/api/studies/{rng.choice(self.studies)}/summary", None, {})
            return "read: study", ("GET", f"/api/studies/{rng.choice(self.studies)}", None, {})
        r = rng.random() * 100
        if r < 40:
            return "write: patch", "patch"
        if r < 70:
            return "write: review", "review"
        return "write: ingest", "ingest"

    def next_token(self, prefix):
        with self.lock:
            self.counter += 1
            return kbclient.token(prefix, self.counter)


def run_write(kind, client, mix, rng):
    """A curator write with If-Match (re-read and retried on 412) or an ingest; returns the final status."""
    if kind == "ingest":
        text = kbclient.article(rng, mix.next_token("soak"))
        status, _, data = client.request("POST", "/api/sources", body={"text": text})
        if status == 201:
            body = json.loads(data)
            with mix.lock:
                mix.studies.append(body["studyId"])
                mix.findings.extend(f["id"] for f in body["findings"][:3])
        return status, 0
    fid = rng.choice(mix.findings)
    retries = 0
    for _ in range(6):
        status, headers, data = client.request("GET", f"/api/findings/{fid}")
        if status != 200:
            return status, retries
        current = json.loads(data)
        if kind == "patch":
            statement = f"Soak edit {mix.next_token('se')} " + current["evidence"][0]["exact"][:200]
            status, _, _ = client.request("PATCH", f"/api/findings/{fid}", body=json.dumps({"statement": statement}),
                                          headers={"If-Match": headers.get("etag"),
                                                   "Content-Type": "application/merge-patch+json"})
        else:
            status, _, _ = client.request("POST", f"/api/findings/{fid}/review",
                                          body={"status": "ACCEPTED", "note": "soak"},
                                          headers={"If-Match": headers.get("etag")})
        if status != 412:
            return status, retries
        retries += 1
    return status, retries


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--pid", type=int, required=True, help="the app's process id, for jcmd")
    p.add_argument("--jcmd", default="jcmd")
    p.add_argument("--key", required=True)
    p.add_argument("--duration", type=float, default=600, help="measured seconds")
    p.add_argument("--warmup", type=float, default=60, help="seconds of the same load before measuring")
    p.add_argument("--rate", type=float, default=50, help="requests per second")
    p.add_argument("--workers", type=int, default=16)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--max-heap-growth", type=float, default=10.0)
    p.add_argument("--json", help="write the results here")
    args = p.parse_args()

    c = Client(HOST, args.port, key=args.key)
    mix = Mix(args, c)
    c.close()
    print(f"soak: {len(mix.findings)} findings, {len(mix.studies)} studies, {len(mix.words)} search words; "
          f"{args.rate:g} requests/s for {args.warmup:g} s of warm-up and {args.duration:g} s measured, "
          f"{args.workers} workers", flush=True)

    tasks = queue.Queue(maxsize=10_000)
    results = []                     # (intended offset s, kind, latency ms, ok, status)
    results_lock = threading.Lock()
    errors = []
    stop = threading.Event()
    phase = {"measuring_from": None}

    def worker(i):
        rng = random.Random(args.seed * 7919 + i)
        client = Client(HOST, args.port, key=args.key, timeout=30)
        while True:
            item = tasks.get()
            if item is None:
                break
            intended, kind, what = item
            delay = intended - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            status, retries = -1, 0
            try:
                if isinstance(what, tuple):
                    method, path, body, headers = what
                    status, _, _ = client.request(method, path, body=body, headers=headers)
                else:
                    status, retries = run_write(what, client, mix, rng)
            except Exception as e:  # a connection error is an error like a 5xx
                status = f"{type(e).__name__}"
                client.close()
            done = time.monotonic()
            ok = isinstance(status, int) and status < 400
            with results_lock:
                results.append((intended, kind, (done - intended) * 1000.0, ok, status, retries))
                if not ok and phase["measuring_from"] is not None and intended >= phase["measuring_from"]:
                    errors.append(f"{kind} -> {status}")

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(args.workers)]
    for t in threads:
        t.start()

    rng = random.Random(args.seed)
    interval = 1.0 / args.rate
    minute_rows = []

    def schedule(seconds, measuring):
        start = time.monotonic()
        if measuring:
            phase["measuring_from"] = start
        next_report = start + 62
        n = 0
        while True:
            intended = start + n * interval
            if intended >= start + seconds:
                return start
            kind, what = mix.pick(rng)
            tasks.put((intended, kind, what))
            n += 1
            if measuring and time.monotonic() >= next_report:
                minute_rows.append(report_minute(results, results_lock, start, len(minute_rows)))
                next_report += 60
            sleep = intended + interval - time.monotonic()
            if sleep > 0:
                time.sleep(sleep)

    if args.warmup > 0:
        schedule(args.warmup, False)
        while not tasks.empty():
            time.sleep(0.05)
        time.sleep(2)
    heap_start, _ = heap_after_gc(args.jcmd, args.pid)
    print(f"soak: warm-up done; heap after full GC {heap_start / 1024:.1f} MiB", flush=True)
    measure_start = schedule(args.duration, True)
    for _ in threads:
        tasks.put(None)
    for t in threads:
        t.join(120)
    while len(minute_rows) < int(args.duration // 60):
        minute_rows.append(report_minute(results, results_lock, measure_start, len(minute_rows)))
    heap_end, heap_text = heap_after_gc(args.jcmd, args.pid)

    measured = [r for r in results if r[0] >= measure_start]
    lat = sorted(r[2] for r in measured)
    by_kind = {}
    for r in measured:
        by_kind.setdefault(r[1], []).append(r[2])
    growth = (heap_end - heap_start) * 100.0 / heap_start
    conflicts = sum(r[5] for r in measured)
    actual_rate = len(measured) / args.duration
    print("", flush=True)
    print(f"soak: {len(measured)} requests in {args.duration:g} s = {actual_rate:.1f}/s (target {args.rate:g}/s); "
          f"errors {len(errors)}; 412 conflicts retried {conflicts}")
    print(f"soak: latency overall p50 {percentile(lat, 50):.1f} ms, p95 {percentile(lat, 95):.1f} ms, "
          f"p99 {percentile(lat, 99):.1f} ms, max {lat[-1] if lat else 0:.1f} ms")
    print("soak: by kind:  " + "; ".join(
        f"{k} n={len(v)} p99={percentile(sorted(v), 99):.1f} ms" for k, v in sorted(by_kind.items())))
    print(f"soak: heap after full GC: start {heap_start / 1024:.1f} MiB, end {heap_end / 1024:.1f} MiB, "
          f"growth {growth:+.1f} % (limit {args.max_heap_growth:g} %)")
    for e in errors[:20]:
        print(f"    error: {e}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(dict(requests=len(measured), seconds=args.duration, rate=actual_rate, target_rate=args.rate,
                           errors=len(errors), conflicts_retried=conflicts, minutes=minute_rows,
                           p50=percentile(lat, 50), p95=percentile(lat, 95), p99=percentile(lat, 99),
                           heap_start_kib=heap_start, heap_end_kib=heap_end, heap_growth_percent=growth,
                           heap_info_end=heap_text), f, indent=2)
    failed = bool(errors) or growth > args.max_heap_growth
    sys.exit(1 if failed else 0)


def report_minute(results, lock, measure_start, index):
    lo, hi = measure_start + 60 * index, measure_start + 60 * (index + 1)
    with lock:
        rows = [r for r in results if lo <= r[0] < hi]
    lat = sorted(r[2] for r in rows)
    errs = sum(1 for r in rows if not r[3])
    writes = sum(1 for r in rows if r[1].startswith("write"))
    row = dict(minute=index + 1, requests=len(rows), rate=len(rows) / 60.0, writes=writes, errors=errs,
               p50=percentile(lat, 50), p95=percentile(lat, 95), p99=percentile(lat, 99), max=lat[-1] if lat else 0)
    if index == 0:
        print(f"{'minute':>6} {'requests':>8} {'req/s':>6} {'writes':>6} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} "
              f"{'p99 ms':>8} {'max ms':>8}", flush=True)
    print(f"{row['minute']:>6} {row['requests']:>8} {row['rate']:>6.1f} {row['writes']:>6} {row['errors']:>6} "
          f"{row['p50']:>8.1f} {row['p95']:>8.1f} {row['p99']:>8.1f} {row['max']:>8.1f}", flush=True)
    return row


if __name__ == "__main__":
    main()
