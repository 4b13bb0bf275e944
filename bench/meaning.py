#!/usr/bin/env python3
"""Latency of search by meaning on a running instance: hybrid searches and related findings, one at a time.

    python3 bench/meaning.py --port 18080 [--requests 200] [--seed 7]

Start the instance first with the read cache off (--spring.cache.type=none), else repeated requests measure the
cache. Each hybrid query is six words drawn from a random finding's statement, shuffled, so that most match no
finding by every word (the path where the nearest in meaning join the hits); each related request is for a random
finding. Prints p50 and p95 in milliseconds, and the size of the knowledge base.
"""
import argparse
import random
import time

from kbclient import Client, q


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def timed(client, path):
    start = time.perf_counter()
    status, _, _ = client.request("GET", path)
    elapsed = (time.perf_counter() - start) * 1000
    if status != 200:
        raise RuntimeError(f"GET {path} answered {status}")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=18080)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    client = Client(args.host, args.port)

    total = client.get_json("/api/findings?size=1")["page"]["totalElements"]
    pages = max(1, min(100, total // 100))
    findings = []
    for page in rng.sample(range(pages), min(pages, 10)):
        findings += client.get_json(f"/api/findings?size=100&page={page}")["content"]

    modes = {}
    hybrid = []
    for _ in range(args.requests):
        words = [w for w in rng.choice(findings)["statement"].split() if w.isalpha()]
        chosen = rng.sample(words, min(6, len(words)))
        path = "/api/search?facets=false&size=20&q=" + q(" ".join(chosen))
        start = time.perf_counter()
        answer = client.get_json(path)
        hybrid.append((time.perf_counter() - start) * 1000)
        modes[answer.get("mode")] = modes.get(answer.get("mode"), 0) + 1
    related = [timed(client, f"/api/findings/{rng.choice(findings)['id']}/related?size=10")
               for _ in range(args.requests)]

    print(f"meaning: {total} findings, {args.requests} requests each, one at a time")
    print(f"meaning: hybrid search p50 {percentile(hybrid, 0.5):.1f} ms p95 {percentile(hybrid, 0.95):.1f} ms"
          f" (modes that ran: {modes})")
    print(f"meaning: related p50 {percentile(related, 0.5):.1f} ms p95 {percentile(related, 0.95):.1f} ms")
    client.close()


if __name__ == "__main__":
    main()
