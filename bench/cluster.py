#!/usr/bin/env python3
"""Two-instance harness of the Findings KB (driven by bench/cluster; python3 stdlib only).

Starts two instances of the jar built with -Pelasticsearch on one PostgreSQL database and one OpenSearch node,
then:
  - write and read: writes (new studies, and edits of a study's population with If-Match) go to either instance
    in turn; right after each acknowledged write the other instance reads it by id. A read that does not show
    the write is a stale read. Each new study's unique title word is then searched on the other instance until it
    is found: the time that takes is the search lag;
  - cursor: the first page of a search is fetched from one instance and its cursor from the other; the pages must
    continue each other without repeating a hit;
  - SIGKILL: writers send new studies to both instances while the first is killed with SIGKILL; every study either
    instance acknowledged must then be readable and, once the outbox caught up, searchable on the survivor.
Prints one line per phase and, last, `cluster: stale reads N, lost writes N, cursor ok|broken, search lag p95 X ms`;
exits 1 on any stale read, lost write or broken cursor.
"""
import argparse
import json
import os
import random
import string
import subprocess
import sys
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kbclient  # noqa: E402
from kbclient import Client, q  # noqa: E402

HOST = "127.0.0.1"
KEY = "cluster-bench-admin-key-0001"
SEARCHABLE_WITHIN = 120.0


def log(msg):
    print(msg, flush=True)


def word(rng):
    return "cl" + "".join(rng.choice(string.ascii_lowercase) for _ in range(10))


class Instance(kbclient.ChildProcess):
    def __init__(self, args, name, port):
        self.args, self.name, self.port = args, name, port
        self.proc = None
        self.log_path = os.path.join(args.work, f"{name}.log")

    def start(self):
        a = self.args
        env = dict(os.environ, SPRING_PROFILES_ACTIVE="postgres,elasticsearch", KB_DB_URL=a.db_url,
                   KB_DB_USER=a.db_user, KB_SEARCH_HOSTS=a.search, KB_SEARCH_VERSION="opensearch:2.19")
        cmd = [a.java, f"-Xmx{a.heap}", "-jar", a.jar, f"--server.port={self.port}",
               f"--kb.data-dir={os.path.join(a.work, self.name)}", f"--kb.api-keys=ADMIN:{KEY}",
               "--kb.rate-limit.writes-per-key=1000000", "--kb.rate-limit.writes-per-address=1000000",
               "--kb.search.index-prefix=cluster-"]
        with open(self.log_path, "ab") as out:
            self.proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        if not kbclient.wait_healthy(HOST, self.port, self.args.startup_timeout, alive=lambda: self.proc.poll() is None):
            raise SystemExit(f"cluster: {self.name} did not become healthy; see {self.log_path}")

    def client(self):
        return Client(HOST, self.port, KEY)


def create_study(client, title):
    status, _, data = client.request("POST", "/api/studies", {"title": title, "population": "adults"})
    return json.loads(data)["id"] if status == 201 else None


def searchable_after(client, token, study_id, started):
    """Seconds from `started` until a search for `token` on `client` finds the study, or None."""
    while time.monotonic() - started < SEARCHABLE_WITHIN:
        hits = client.get_json(f"/api/search?type=study&q={q(token)}")["content"]
        if any(hit["id"] == study_id for hit in hits):
            return time.monotonic() - started
        time.sleep(0.02)
    return None


def search_node_up(address, deadline_seconds):
    start = time.monotonic()
    while time.monotonic() - start < deadline_seconds:
        try:
            with urllib.request.urlopen(f"http://{address}/_cluster/health?wait_for_status=yellow&timeout=5s",
                                        timeout=10) as reply:
                if reply.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else float("nan")


def write_and_read(instances, writes, rng):
    """Alternates writers; returns stale reads and search lags (s)."""
    stale, lags, lost = 0, [], 0
    clients = [i.client() for i in instances]
    for n in range(writes):
        writer, reader = clients[n % 2], clients[(n + 1) % 2]
        if n % 4 == 3:
            # An edit: the other instance must show the new population at once.
            study_id = rng.choice(list(created))
            status, headers, _ = writer.request("GET", f"/api/studies/{study_id}")
            population = f"adults {word(rng)}"
            status, _, _ = writer.request("PATCH", f"/api/studies/{study_id}", {"population": population},
                                          {"If-Match": headers.get("etag", "")})
            if status != 200:
                continue
            if reader.get_json(f"/api/studies/{study_id}").get("population") != population:
                stale += 1
            continue
        token = word(rng)
        started = time.monotonic()
        study_id = create_study(writer, f"Study of {token} in adults")
        if study_id is None:
            continue
        created[study_id] = token
        status, _, data = reader.request("GET", f"/api/studies/{study_id}")
        if status != 200 or token not in json.loads(data)["title"]:
            stale += 1
        lag = searchable_after(reader, token, study_id, started)
        if lag is None:
            lost += 1
        else:
            lags.append(lag)
    return stale, lost, lags


created = {}


def cursor_across(instances):
    one, two = instances[0].client(), instances[1].client()
    path = "/api/search?q=adults&size=5"
    first = one.get_json(path)
    if not first.get("cursor"):
        return False
    second = two.get_json(f"{path}&cursor={q(first['cursor'])}")
    seen = {(h["type"], h["id"]) for h in first["content"]}
    following = [(h["type"], h["id"]) for h in second["content"]]
    return len(following) > 0 and not seen.intersection(following)


def kill_during_writes(instances, rng, seconds=8.0):
    """Writers on both instances; the first instance is SIGKILLed midway. Returns acknowledged (id, token)."""
    acknowledged, lock, stop = [], threading.Lock(), threading.Event()

    def writer(instance, seed):
        r = random.Random(seed)
        client = instance.client()
        while not stop.is_set():
            token = word(r)
            try:
                study_id = create_study(client, f"Study of {token} under load")
            except Exception:  # the killed instance refuses or drops connections
                time.sleep(0.05)
                client = instance.client()
                continue
            if study_id is not None:
                with lock:
                    acknowledged.append((study_id, token))

    threads = [threading.Thread(target=writer, args=(inst, rng.random())) for inst in instances for _ in range(2)]
    for t in threads:
        t.start()
    time.sleep(seconds / 2)
    instances[0].kill9()
    log(f"cluster: killed {instances[0].name} with SIGKILL after {len(acknowledged)} acknowledged writes")
    time.sleep(seconds / 2)
    stop.set()
    for t in threads:
        t.join(60)
    return acknowledged


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--jar", required=True)
    p.add_argument("--java", default="java")
    p.add_argument("--heap", default="768m")
    p.add_argument("--work", required=True)
    p.add_argument("--ports", required=True)
    p.add_argument("--search", required=True)
    p.add_argument("--db-url", required=True)
    p.add_argument("--db-user", default="postgres")
    p.add_argument("--writes", type=int, default=200)
    p.add_argument("--startup-timeout", type=float, default=900)
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--json")
    args = p.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    log(f"cluster: seed {seed}")

    if not search_node_up(args.search, 180):
        raise SystemExit("cluster: OpenSearch did not come up")
    ports = [int(x) for x in args.ports.split(",")]
    instances = [Instance(args, "a", ports[0]), Instance(args, "b", ports[1])]
    try:
        t0 = time.monotonic()
        instances[0].start()  # migrates the schema, creates the indexes and seeds
        instances[1].start()
        log(f"cluster: two instances up in {time.monotonic() - t0:.1f} s")

        stale, unsearchable, lags = write_and_read(instances, args.writes, rng)
        log(f"cluster: write and read: {len(created)} studies created, {stale} stale reads, {unsearchable} never "
            f"searchable, search lag p50 {percentile(lags, 50) * 1000:.0f} ms p95 {percentile(lags, 95) * 1000:.0f} ms")

        cursor_ok = cursor_across(instances)
        log(f"cluster: cursor from a continued on b: {'ok' if cursor_ok else 'broken'}")

        acknowledged = kill_during_writes(instances, rng)
        survivor = instances[1].client()
        lost = unsearchable
        started = time.monotonic()
        for study_id, token in acknowledged:
            status, _, data = survivor.request("GET", f"/api/studies/{study_id}")
            if status != 200 or token not in json.loads(data)["title"]:
                lost += 1
            elif searchable_after(survivor, token, study_id, started) is None:
                lost += 1
        log(f"cluster: after SIGKILL: {len(acknowledged)} acknowledged writes checked on b in "
            f"{time.monotonic() - started:.1f} s")

        summary = {"seed": seed, "stale_reads": stale, "lost_writes": lost, "cursor": "ok" if cursor_ok else "broken",
                   "search_lag_ms": {"p50": percentile(lags, 50) * 1000, "p95": percentile(lags, 95) * 1000},
                   "writes": len(created), "acknowledged_under_kill": len(acknowledged)}
        if args.json:
            with open(args.json, "w") as f:
                json.dump(summary, f, indent=2)
        log(f"cluster: stale reads {stale}, lost writes {lost}, cursor {summary['cursor']}, "
            f"search lag p95 {summary['search_lag_ms']['p95']:.0f} ms")
        sys.exit(0 if stale == 0 and lost == 0 and cursor_ok else 1)
    finally:
        for instance in instances:
            instance.stop()


if __name__ == "__main__":
    main()
