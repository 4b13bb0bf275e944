#!/usr/bin/env python3
"""Request lists and the report of bench/compare.

  compare.py prepare APP_URL WORK IDS_FILE TERMS_FILE
      writes WORK/{app,peer}-{finding,page}.paths and WORK/app-search.paths: 10,000 requests each, drawn at random
      (finding ids from IDS_FILE, page numbers over every page that page numbers reach, two terms per query)
  compare.py report WORK SCALE DB DURATION CONNECTIONS HEAP WRITE_PERCENT [STARTUP...]
      prints the table: each scenario with the application's figures, the peer's and their ratio
"""
import json
import os
import random
import re
import statistics
import sys
import urllib.parse
import urllib.request

REQUESTS = 10_000
PAGE_SIZE = 20
MAX_OFFSET_HITS = 10_000  # page numbers reach this far in the application (cursors go further)


def write_lines(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def prepare(app, work, ids_file, terms_file):
    rng = random.Random(15)
    with open(ids_file, encoding="utf-8") as f:
        ids = [line.strip() for line in f if line.strip().isdigit()]
    if not ids:
        sys.exit("compare: no finding ids to read")
    picked = [rng.choice(ids) for _ in range(REQUESTS)]
    write_lines(os.path.join(work, "app-finding.paths"), [f"/api/findings/{i}" for i in picked])
    write_lines(os.path.join(work, "peer-finding.paths"), [f"/findings/{i}" for i in picked])

    with urllib.request.urlopen(f"{app}/api/findings?size={PAGE_SIZE}", timeout=120) as resp:
        total_pages = json.load(resp)["page"]["totalPages"]
    pages = [rng.randrange(min(total_pages, MAX_OFFSET_HITS // PAGE_SIZE)) for _ in range(REQUESTS)]
    write_lines(os.path.join(work, "app-page.paths"), [f"/api/findings?size={PAGE_SIZE}&page={p}" for p in pages])
    write_lines(os.path.join(work, "peer-page.paths"), [f"/findings?size={PAGE_SIZE}&page={p}" for p in pages])

    with open(terms_file, encoding="utf-8") as f:
        terms = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    queries = [" ".join(rng.sample(terms, 2)) for _ in range(REQUESTS)]
    write_lines(os.path.join(work, "app-search.paths"),
                ["/api/search?q=" + urllib.parse.quote(q) for q in queries])
    print(f"compare: {len(ids)} finding ids, {total_pages} pages, {len(terms)} terms; {REQUESTS} requests each")


def result(work, name):
    path = os.path.join(work, name + ".txt")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        m = re.search(r"^BENCH_RESULT (\{.*\})$", f.read(), re.M)
    if not m:
        return None
    r = json.loads(m.group(1))
    seconds = r["durationUs"] / 1e6
    bad = sum(n for s, n in r["statuses"].items() if int(s) >= 400)
    e = r["errors"]
    return {"rps": r["requests"] / seconds, "p50": r["latencyUs"]["percentiles"]["50"] / 1000,
            "p95": r["latencyUs"]["percentiles"]["95"] / 1000,
            "errors": bad + e["connect"] + e["read"] + e["write"] + e["timeout"], "requests": r["requests"]}


def cell(r):
    if r is None:
        return "-", "-", "-"
    errors = f" ({r['errors']} errors)" if r["errors"] else ""
    return f"{r['rps']:.0f}{errors}", f"{r['p50']:.1f}", f"{r['p95']:.1f}"


def report(work, scale, db, duration, connections, heap, write_percent, startups):
    print(f"bench/compare: scale {scale}, {db}, {duration} per scenario, {connections} connections, -Xmx{heap}, "
          f"random keys (10,000 requests drawn per scenario)")
    print()
    print("| scenario | app req/s | app p50 ms | app p95 ms | peer req/s | peer p50 ms | peer p95 ms | app / peer |")
    print("|---|---|---|---|---|---|---|---|")
    rows = [("finding by random id, cache off", "finding"), ("page of 20 at random depth, cache off", "page"),
            ("search, two random terms, cache off", "search"),
            (f"{100 - int(write_percent)}% reads / {write_percent}% writes, cache on", "mix")]
    for label, key in rows:
        a, p = result(work, "app-" + key), result(work, "peer-" + key)
        ratio = f"{a['rps'] / p['rps']:.2f}x" if a and p and p["rps"] else "-"
        print("| " + " | ".join([label, *cell(a), *cell(p), ratio]) + " |")
    if startups:
        print()
        print("| start-up to healthy (s) | runs | median |")
        print("|---|---|---|")
        by_kind = {}
        for line in startups:
            kind, variant, seconds = line.split()
            by_kind.setdefault(f"{kind} {variant}", []).append(float(seconds))
        for kind, runs in by_kind.items():
            print(f"| {kind} | {', '.join(f'{s:.1f}' for s in runs)} | {statistics.median(runs):.1f} |")
        for variant in ("plain", "cds"):
            app, peer = by_kind.get(f"app {variant}"), by_kind.get(f"peer {variant}")
            if app and peer:
                print(f"| app / peer, {variant} | | {statistics.median(app) / statistics.median(peer):.2f}x |")


def main():
    if len(sys.argv) >= 6 and sys.argv[1] == "prepare":
        prepare(*sys.argv[2:6])
    elif len(sys.argv) >= 9 and sys.argv[1] == "report":
        report(*sys.argv[2:9], sys.argv[9:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
