#!/usr/bin/env python3
"""Crash-safety harness of the Findings KB (driven by bench/crash; python3 stdlib only).

Starts the app on a file database, writes under load from several threads (ingests and curator edits with
If-Match), kills the JVM with SIGKILL at a random moment, restarts it and checks that:
  - every write acknowledged with a 2xx is present and intact (lost must be 0);
  - the database and the search index reopen (the app answers UP again);
  - nothing half-written is visible: every source has its study, every study has its findings, the findings the
    index lists for a study are as many as the database counts, every evidence span quotes its source exactly;
  - the search index agrees with the database: every stored study is found by the unique word of its title,
    every committed curator statement is found by its unique word, and no study is indexed that is not stored.
Prints one line per cycle and a summary; exits 1 on any loss, half-written state, index disagreement or start
failure.
"""
import argparse
import json
import os
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
ALL_REVIEW = "UNREVIEWED,ACCEPTED,REJECTED,RETRACTED"
TITLE_TOKEN = re.compile(r"^Study (kb[a-z]+) ")
EDIT_TOKEN = re.compile(r"^Curated (ed[a-z]+) ")


def log(msg):
    print(msg, flush=True)


class App(kbclient.ChildProcess):
    """The app as a child process: started, killed with SIGKILL, restarted on the same data directory."""

    def __init__(self, args, work):
        self.args, self.work = args, work
        self.proc = None
        self.log_path = os.path.join(work, "app.log")

    def command(self):
        a = self.args
        cmd = [a.java, f"-Xmx{a.heap}", "-XX:TieredStopAtLevel=1", "-jar", a.jar,
               f"--kb.data-dir={os.path.join(self.work, 'data')}", f"--server.port={a.port}",
               f"--kb.api-keys=ADMIN:{a.key}", "--kb.rate-limit.writes-per-key=1000000",
               "--kb.rate-limit.writes-per-address=1000000"]
        return cmd + list(a.app_arg or [])

    def start(self, timeout):
        with open(self.log_path, "ab") as out:
            out.write(f"\n===== start at {time.strftime('%H:%M:%S')} =====\n".encode())
            out.flush()
            t0 = time.monotonic()
            self.proc = subprocess.Popen(self.command(), stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        ok = kbclient.wait_healthy(HOST, self.args.port, timeout, alive=lambda: self.proc.poll() is None)
        return ok, time.monotonic() - t0

    def tail(self, n=60):
        try:
            with open(self.log_path, "rb") as f:
                return b"".join(f.readlines()[-n:]).decode("utf-8", "replace")
        except OSError:
            return ""

    def log_size(self):
        try:
            return os.path.getsize(self.log_path)
        except OSError:
            return 0

    def log_since(self, offset):
        with open(self.log_path, "rb") as f:
            f.seek(offset)
            return f.read().decode("utf-8", "replace")


class Journal:
    """What the server acknowledged: the ingests and, per finding, the highest acknowledged edit."""

    def __init__(self):
        self.lock = threading.Lock()
        self.ingests = {}          # source id -> record
        self.edits = {}            # finding id -> (version, statement, reviewStatus, cycle)
        self.pool = []             # finding ids that curators edit
        self.counter = 0
        self.acked_ingests = 0
        self.acked_edits = 0

    def next_number(self):
        with self.lock:
            self.counter += 1
            return self.counter

    def add_ingest(self, record):
        with self.lock:
            self.ingests[record["sourceId"]] = record
            self.acked_ingests += 1
            self.pool.extend(record["findingIds"][:2])

    def add_edit(self, finding_id, version, statement, review, cycle):
        with self.lock:
            self.acked_edits += 1
            previous = self.edits.get(finding_id)
            if previous is None or version > previous[0]:
                self.edits[finding_id] = (version, statement, review, cycle)

    def pick(self, rng):
        with self.lock:
            recent = self.pool[-40:]
            return rng.choice(recent) if recent else None


class Writer(threading.Thread):
    """Writes until told to stop or until the server goes away; records every 2xx it receives."""

    def __init__(self, index, args, journal, cycle, stop):
        super().__init__(daemon=True)
        self.rng = random.Random(args.seed * 1_000_003 + cycle * 101 + index)
        self.args, self.journal, self.cycle, self.stop = args, journal, cycle, stop
        self.client = Client(HOST, args.port, key=args.key, timeout=30)
        self.stats = dict(ingests=0, edits=0, retries412=0, in_flight=0, unexpected=[])

    def run(self):
        try:
            while not self.stop.is_set():
                if self.rng.random() < self.args.ingest_share:
                    self.ingest()
                else:
                    self.edit()
        except (OSError, Exception) as e:  # the server was killed under us: the write in flight is unknown
            if not isinstance(e, (OSError,)) and "RemoteDisconnected" not in type(e).__name__ \
                    and "IncompleteRead" not in type(e).__name__ and "BadStatusLine" not in type(e).__name__:
                self.stats["unexpected"].append(f"{type(e).__name__}: {e}")
            self.stats["in_flight"] += 1
        finally:
            self.client.close()

    def ingest(self):
        tok = kbclient.token("kb", self.journal.next_number())
        text = kbclient.article(self.rng, tok)
        status, _, data = self.client.request("POST", "/api/sources", body={"text": text})
        if status == 201:
            body = json.loads(data)
            findings = body["findings"]
            self.journal.add_ingest(dict(
                sourceId=body["source"]["id"], sha256=body["source"]["sha256"], studyId=body["studyId"],
                findingCount=len(findings), token=tok, cycle=self.cycle,
                findingIds=[f["id"] for f in findings],
                evidence=[(f["id"], e["start"], e["end"], e["exact"]) for f in findings for e in f["evidence"]]))
            self.stats["ingests"] += 1
        else:
            self.stats["unexpected"].append(f"POST /api/sources -> {status} {data[:200]!r}")

    def edit(self):
        fid = self.journal.pick(self.rng)
        if fid is None:
            return self.ingest()
        for _ in range(8):
            status, headers, data = self.client.request("GET", f"/api/findings/{fid}")
            if status != 200:
                self.stats["unexpected"].append(f"GET /api/findings/{fid} -> {status}")
                return
            current = json.loads(data)
            etag = headers.get("etag")
            kind = self.rng.random()
            tok = kbclient.token("ed", self.journal.next_number())
            statement = f"Curated {tok} " + current["evidence"][0]["exact"][:300]
            if kind < 0.4:
                status, _, data = self.client.request(
                    "PATCH", f"/api/findings/{fid}", body=json.dumps({"statement": statement}),
                    headers={"If-Match": etag, "Content-Type": "application/merge-patch+json"})
            elif kind < 0.7:
                body = dict(studyId=current["studyId"], statement=statement, kind=current["kind"],
                            timescale=current["timescale"], certainty=current["certainty"],
                            confidence=current["confidence"],
                            evidence=[dict(sourceId=e["sourceId"], start=e["start"], end=e["end"], exact=e["exact"])
                                      for e in current["evidence"]],
                            conceptIds=[c["id"] for c in current["concepts"]], mechanismIds=current["mechanismIds"])
                status, _, data = self.client.request("PUT", f"/api/findings/{fid}", body=body,
                                                      headers={"If-Match": etag})
            else:
                status, _, data = self.client.request(
                    "POST", f"/api/findings/{fid}/review", body={"status": "ACCEPTED", "note": f"checked {tok}"},
                    headers={"If-Match": etag})
            if status == 200:
                body = json.loads(data)
                self.journal.add_edit(fid, body["version"], body["statement"], body["reviewStatus"], self.cycle)
                self.stats["edits"] += 1
                return
            if status == 412:
                self.stats["retries412"] += 1
                continue
            self.stats["unexpected"].append(f"edit of finding {fid} -> {status} {data[:200]!r}")
            return


class Verifier:
    """Checks the restarted app against the journal. Deep checks cover what was not checked before."""

    def __init__(self, args, journal):
        self.args, self.journal = args, journal
        self.deep_checked_studies = set()
        self.checked_edits = {}
        self.totals = dict(verified_ingests=0, verified_edits=0, lost=0, half_written=0, index=0)

    def run(self, full=False):
        c = Client(HOST, self.args.port, timeout=60)
        problems = dict(lost=[], half=[], index=[])
        try:
            self._check(c, problems, full)
        finally:
            c.close()
        return problems

    def _check(self, c, problems, full):
        j = self.journal
        with j.lock:
            ingests = dict(j.ingests)
            edits = dict(j.edits)
        # The database's view: every source with its studies.
        sources = {s["id"]: s for s in c.pages("/api/sources?sort=id,asc")}
        db_studies = {}
        for s in sources.values():
            if not s["studyIds"]:
                problems["half"].append(f"source {s['id']} has no study")
            for sid in s["studyIds"]:
                db_studies[sid] = s["id"]
        # The index's view of the studies.
        indexed = {st["id"]: st for st in c.pages("/api/studies?sort=id,asc")}
        for sid in db_studies:
            if sid not in indexed:
                problems["index"].append(f"study {sid} is stored but not listed by /api/studies (not indexed)")
        for sid in indexed:
            if sid not in db_studies:
                problems["index"].append(f"study {sid} is listed by /api/studies but has no stored source")
        # Acknowledged ingests: the source with the same hash, the study with as many findings.
        for src_id, rec in ingests.items():
            s = sources.get(src_id)
            if s is None:
                problems["lost"].append(f"acknowledged source {src_id} ({rec['token']}) is missing")
                continue
            if s["sha256"] != rec["sha256"]:
                problems["lost"].append(f"source {src_id} sha256 {s['sha256']} != acknowledged {rec['sha256']}")
            if rec["studyId"] not in s["studyIds"]:
                problems["lost"].append(f"source {src_id} lost its study {rec['studyId']}")
        # Deep checks: every study not checked before (and all of them on the last pass).
        for sid, src_id in sorted(db_studies.items()):
            if not full and sid in self.deep_checked_studies:
                continue
            self._deep_study(c, sid, src_id, ingests.get(src_id), problems)
            self.deep_checked_studies.add(sid)
        self.totals["verified_ingests"] = sum(1 for r in ingests.values() if r["studyId"] in self.deep_checked_studies)
        # Acknowledged edits: at least that version; the same statement when it is that version.
        for fid, (version, statement, review, cycle) in edits.items():
            if not full and self.checked_edits.get(fid) == version:
                continue
            status, _, data = c.request("GET", f"/api/findings/{fid}")
            if status != 200:
                problems["lost"].append(f"finding {fid} with acknowledged version {version} answers {status}")
                continue
            f = json.loads(data)
            if f["version"] < version:
                problems["lost"].append(f"finding {fid} is at version {f['version']}, {version} was acknowledged")
            elif f["version"] == version and f["statement"] != statement:
                problems["lost"].append(f"finding {fid} v{version}: statement differs from the acknowledged one")
            elif f["version"] == version and f["reviewStatus"] != review:
                problems["lost"].append(f"finding {fid} v{version}: review {f['reviewStatus']} != {review}")
            self._edit_searchable(c, f, problems)
            self.checked_edits[fid] = version
        self.totals["verified_edits"] = len(self.checked_edits)

    def _deep_study(self, c, sid, src_id, rec, problems):
        status, _, data = c.request("GET", f"/api/studies/{sid}")
        if status != 200:
            problems["half"].append(f"study {sid} of source {src_id} answers {status}")
            return
        study = json.loads(data)
        if study["findingCount"] == 0:
            problems["half"].append(f"study {sid} has no findings")
        if rec is not None and study["findingCount"] != rec["findingCount"]:
            problems["lost"].append(f"study {sid}: {study['findingCount']} findings, {rec['findingCount']} acknowledged")
        listed = list(c.pages(f"/api/studies/{sid}/findings?reviewStatus={ALL_REVIEW}"))
        visible = [f for f in listed if f["reviewStatus"] in ("UNREVIEWED", "ACCEPTED")]
        if len(visible) != study["findingCount"]:
            problems["half"].append(f"study {sid}: findingCount {study['findingCount']} but {len(visible)} listed")
        source = c.get_json(f"/api/sources/{src_id}")
        text = source["text"]
        if kbclient.sha256(text) != source["sha256"]:
            problems["half"].append(f"source {src_id}: the stored text does not hash to its sha256")
        for f in listed:
            for e in f["evidence"]:
                if text[e["start"]:e["end"]] != e["exact"]:
                    problems["half"].append(f"finding {f['id']}: evidence [{e['start']},{e['end']}) does not quote "
                                            f"source {src_id}")
        if rec is not None:
            ids = {f["id"] for f in listed}
            for fid, start, end, exact in rec["evidence"]:
                if fid not in ids:
                    problems["lost"].append(f"acknowledged finding {fid} of study {sid} is not listed")
                elif text[start:end] != exact:
                    problems["lost"].append(f"acknowledged evidence of finding {fid} no longer quotes the source")
        m = TITLE_TOKEN.match(study["title"])
        if m:
            hits = c.get_json(f"/api/search?q={m.group(1)}&type=study")["content"]
            if not any(h["type"] == "study" and h["id"] == sid for h in hits):
                problems["index"].append(f"study {sid} is not found by searching its word {m.group(1)}")

    def _edit_searchable(self, c, f, problems):
        m = EDIT_TOKEN.match(f["statement"])
        if not m or f["reviewStatus"] not in ("UNREVIEWED", "ACCEPTED"):
            return
        hits = c.get_json(f"/api/findings?q={m.group(1)}")["content"]
        if not any(h["id"] == f["id"] for h in hits):
            problems["index"].append(f"finding {f['id']} v{f['version']} is not found by its statement's word "
                                     f"{m.group(1)} (the index holds an older version)")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cycles", type=int, default=50)
    p.add_argument("--port", type=int, default=18090)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--jar", required=True)
    p.add_argument("--work", required=True, help="scratch directory: data/ and app.log")
    p.add_argument("--java", default="java")
    p.add_argument("--heap", default="512m")
    p.add_argument("--key", default="crash-harness-admin-key-01")
    p.add_argument("--writers", type=int, default=4)
    p.add_argument("--ingest-share", type=float, default=0.4)
    p.add_argument("--kill-min", type=float, default=0.5)
    p.add_argument("--kill-max", type=float, default=4.0)
    p.add_argument("--startup-timeout", type=float, default=300)
    p.add_argument("--label", default="")
    p.add_argument("--json", help="write the summary here as JSON")
    p.add_argument("--app-arg", action="append", help="extra argument for the app (repeatable)")
    args = p.parse_args()

    rng = random.Random(args.seed)
    journal = Journal()
    verifier = Verifier(args, journal)
    app = App(args, args.work)
    log(f"crash: {args.label} seed {args.seed}, {args.cycles} cycles, {args.writers} writers, "
        f"SIGKILL {args.kill_min}-{args.kill_max} s into each cycle; app log {app.log_path}")
    log("crash: app arguments: " + " ".join(a for a in app.command()[1:] if not a.startswith("--kb.api-keys")))
    ok, took = app.start(args.startup_timeout)
    if not ok:
        log(app.tail())
        sys.exit("crash: the app did not start")
    log(f"crash: first start (with seeding) took {took:.1f} s")
    c = Client(HOST, args.port)
    seed_findings = [f["id"] for f in c.pages(f"/api/findings?reviewStatus={ALL_REVIEW}&sort=id,asc")]
    c.close()
    journal.pool.extend(seed_findings[:20])

    summary = dict(label=args.label, seed=args.seed, cycles=0, acked_ingests=0, acked_edits=0, in_flight_at_kill=0,
                   retries412=0, lost=0, half_written=0, index_disagreements=0, start_failures=0,
                   unexpected_statuses=0, restart_seconds=[], reindex_at_start=0)
    failed = False
    seen = dict(lost=set(), half=set(), index=set())
    started = time.monotonic()
    for cycle in range(1, args.cycles + 1):
        stop = threading.Event()
        writers = [Writer(i, args, journal, cycle, stop) for i in range(args.writers)]
        before = (journal.acked_ingests, journal.acked_edits)
        for w in writers:
            w.start()
        kill_at = rng.uniform(args.kill_min, args.kill_max)
        time.sleep(kill_at)
        app.kill9()
        stop.set()
        for w in writers:
            w.join(60)
        ingests = journal.acked_ingests - before[0]
        edits = journal.acked_edits - before[1]
        in_flight = sum(w.stats["in_flight"] for w in writers)
        retries = sum(w.stats["retries412"] for w in writers)
        unexpected = [u for w in writers for u in w.stats["unexpected"]]
        offset = app.log_size()
        ok, took = app.start(args.startup_timeout)
        summary["cycles"] = cycle
        summary["in_flight_at_kill"] += in_flight
        summary["retries412"] += retries
        summary["unexpected_statuses"] += len(unexpected)
        if not ok:
            summary["start_failures"] += 1
            log(f"cycle {cycle}: the app did not come back up after SIGKILL; last log lines:\n{app.tail()}")
            failed = True
            break
        summary["restart_seconds"].append(round(took, 1))
        reindexed = len(re.findall(r"Search index of \w+ is behind the database", app.log_since(offset)))
        summary["reindex_at_start"] += reindexed
        final = cycle == args.cycles
        problems = verifier.run(full=final)
        # A defect stays visible until something repairs it: each one is counted once, when first seen.
        for kind in ("lost", "half", "index"):
            problems[kind] = [line for line in problems[kind] if line not in seen[kind]]
            seen[kind].update(problems[kind])
        n_lost, n_half, n_index = len(problems["lost"]), len(problems["half"]), len(problems["index"])
        summary["lost"] += n_lost
        summary["half_written"] += n_half
        summary["index_disagreements"] += n_index
        log(f"cycle {cycle:3d}/{args.cycles}: killed at {kill_at:.2f} s; acked {ingests} ingests, {edits} edits "
            f"({in_flight} in flight at the kill, {retries} retries after 412); restart {took:.1f} s"
            f"{f', re-indexed {reindexed} types' if reindexed else ''}; "
            f"new: lost {n_lost}, half-written {n_half}, index {n_index}{' (full check)' if final else ''}")
        for kind in ("lost", "half", "index"):
            for line in problems[kind][:10]:
                log(f"    {kind}: {line}")
            if len(problems[kind]) > 10:
                log(f"    {kind}: ... {len(problems[kind]) - 10} more")
        for u in unexpected[:5]:
            log(f"    unexpected: {u}")
        if n_lost or n_half or n_index:
            failed = True
    app.stop()
    summary["acked_ingests"] = journal.acked_ingests
    summary["acked_edits"] = journal.acked_edits
    summary["verified_ingests"] = verifier.totals["verified_ingests"]
    summary["verified_edited_findings"] = verifier.totals["verified_edits"]
    summary["elapsed_seconds"] = round(time.monotonic() - started)
    rs = summary["restart_seconds"] or [0]
    summary["restart_median_seconds"] = sorted(rs)[len(rs) // 2]
    log("")
    log(f"crash summary ({args.label}): {summary['cycles']} cycles in {summary['elapsed_seconds']} s; "
        f"writes acknowledged: {journal.acked_ingests} ingests + {journal.acked_edits} edits "
        f"({summary['verified_edited_findings']} findings' last acknowledged edit verified); "
        f"verified ingests {summary['verified_ingests']}/{journal.acked_ingests}; "
        f"lost {summary['lost']}; half-written {summary['half_written']}; index disagreements "
        f"{summary['index_disagreements']}; start failures {summary['start_failures']}; "
        f"unknown outcome (in flight at the kill) {summary['in_flight_at_kill']}; unexpected statuses "
        f"{summary['unexpected_statuses']}; median restart {summary['restart_median_seconds']} s")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(summary, f, indent=2)
    sys.exit(1 if failed or summary["unexpected_statuses"] else 0)


if __name__ == "__main__":
    main()
