#!/usr/bin/env python3
"""Prints the benchmark table and writes the same figures as JSON.

Reads from WORK_DIR what bench/run left there: plan.tsv and data.json (from prepare.py), wrk/<key>.txt
(each wrk run's output, ending with the BENCH_RESULT line of scenario.lua), heap-info.txt (jcmd
GC.heap_info after a full GC), vm-flags.txt (jcmd VM.flags) and jvm-version.txt (java -version).
"""
import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys


def parse_args():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--work", required=True, help="the run's working directory")
    p.add_argument("--results", required=True, help="JSON file to write")
    p.add_argument("--repo", required=True, help="the project's git directory")
    p.add_argument("--scale", type=int, required=True)
    p.add_argument("--heap", required=True)
    p.add_argument("--duration", required=True)
    p.add_argument("--warmup", required=True)
    p.add_argument("--connections", type=int, required=True)
    p.add_argument("--threads", type=int, required=True)
    p.add_argument("--startup-seconds", type=float, required=True)
    p.add_argument("--restart-seconds", type=float)
    p.add_argument("--rss-startup-kb", type=int)
    p.add_argument("--rss-end-kb", type=int)
    p.add_argument("--started-at", required=True, help="ISO-8601 time the run began")
    p.add_argument("--app-arg", action="append", default=[], help="an extra argument the app ran with")
    return p.parse_args()


def read(path, default=""):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return default


def run(cmd, cwd=None):
    try:
        return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def machine():
    cpuinfo = read("/proc/cpuinfo")
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    mem = re.search(r"^MemTotal:\s*(\d+) kB", read("/proc/meminfo"), re.M)
    osname = re.search(r'^PRETTY_NAME="?([^"\n]*)"?', read("/etc/os-release"), re.M)
    return {
        "cpus": os.cpu_count(),
        "cpuModel": model.group(1).strip() if model else None,
        "memoryMb": int(mem.group(1)) // 1024 if mem else None,
        "os": osname.group(1) if osname else platform.system(),
        "kernel": platform.release(),
        "wrk": (run(["wrk", "--version"]).splitlines() or [""])[0].split(" Copyright")[0] or None,
    }


def git(repo):
    commit = run(["git", "rev-parse", "HEAD"], repo) or None
    dirty = bool(run(["git", "status", "--porcelain", "--untracked-files=no"], repo))
    return {"commit": commit, "dirty": dirty}


def heap_used_mb(text):
    """Used heap from `jcmd GC.heap_info`, whichever collector printed it."""
    # G1, Serial and Parallel: one or more "<space> total NK, used MK" lines that sum to the heap.
    used = [int(m) for m in re.findall(r"total \d+K, used (\d+)K", text)]
    if used:
        return round(sum(used) / 1024, 1)
    m = re.search(r"ZHeap\s+used (\d+)M", text)  # ZGC
    if m:
        return float(m.group(1))
    m = re.search(r"(\d+)K max, (\d+)K soft max, (\d+)K committed\s*\n\s*(\d+)K used", text)  # Shenandoah
    return round(int(m.group(4)) / 1024, 1) if m else None


def scenario(work, key, mode, source, name, request, note, args):
    row = {"key": key, "name": name, "request": request, "note": note or None}
    if mode == "skip":
        row["skipped"] = True
        return row
    single = key.endswith("-1")
    row.update(skipped=False, threads=1 if single else args.threads,
               connections=1 if single else args.connections, duration=args.duration)
    text = read(os.path.join(work, "wrk", key + ".txt"))
    m = re.search(r"^BENCH_RESULT (\{.*\})$", text, re.M)
    if not m:
        sys.exit(f"report: no result line in {work}/wrk/{key}.txt")
    r = json.loads(m.group(1))
    errors = r["errors"]
    seconds = r["durationUs"] / 1e6
    pct = r["latencyUs"]["percentiles"]
    ms = lambda us: round(us / 1000, 2)
    row.update(
        requests=r["requests"],
        seconds=round(seconds, 2),
        requestsPerSecond=round(r["requests"] / seconds, 1) if seconds else None,
        latencyMs={"p50": ms(pct["50"]), "p75": ms(pct["75"]), "p90": ms(pct["90"]), "p95": ms(pct["95"]),
                   "p99": ms(pct["99"]), "p99.9": ms(pct["99.9"]), "min": ms(r["latencyUs"]["min"]),
                   "mean": ms(r["latencyUs"]["mean"]), "max": ms(r["latencyUs"]["max"]),
                   "stdev": ms(r["latencyUs"]["stdev"])},
        errors=dict(errors, total=sum(errors.values())),
        statuses=r["statuses"],
        bytesPerSecond=round(r["bytes"] / seconds) if seconds else None,
    )
    return row


def table(rows):
    head = ["scenario", "conns", "req/s", "p50 ms", "p90 ms", "p95 ms", "p99 ms", "errors"]
    lines = []
    for r in rows:
        if r["skipped"]:
            lines.append([r["name"], "-", "-", "-", "-", "-", "-", "skipped"])
            continue
        lat = r["latencyMs"]
        lines.append([r["name"], str(r["connections"]), f"{r['requestsPerSecond']:.1f}",
                      f"{lat['p50']:.2f}", f"{lat['p90']:.2f}", f"{lat['p95']:.2f}", f"{lat['p99']:.2f}",
                      str(r["errors"]["total"])])
    widths = [max(len(x[i]) for x in [head] + lines) for i in range(len(head))]
    fmt = lambda cells: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    out = [fmt(head), "  ".join("-" * w for w in widths)] + [fmt(x) for x in lines]
    return "\n".join(out)


def main():
    args = parse_args()
    plan = [line.rstrip("\n").split("\t") for line in read(os.path.join(args.work, "plan.tsv")).splitlines() if line]
    rows = [scenario(args.work, *cells, args) for cells in plan]
    jvm = read(os.path.join(args.work, "jvm-version.txt")).strip().splitlines()
    # The last line of `java -version` names the VM and its build, e.g. "OpenJDK 64-Bit Server VM (build 17.0.15+6, ...)".
    vm = re.match(r"(.*?) \(build ([^,)]+)", jvm[-1]) if jvm else None
    version = f"{vm.group(2)} ({vm.group(1)})" if vm else (jvm[-1] if jvm else None)
    gc = re.search(r"-XX:\+Use(\w+)GC\b", read(os.path.join(args.work, "vm-flags.txt")))
    mb = lambda kb: round(kb / 1024, 1) if kb else None
    result = {
        "startedAt": args.started_at,
        "finishedAt": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "scale": args.scale,
        "heap": args.heap,
        "appArgs": args.app_arg,
        "duration": args.duration,
        "warmup": args.warmup,
        "connections": args.connections,
        "threads": args.threads,
        "startupSeconds": args.startup_seconds,
        "restartSeconds": args.restart_seconds,
        "git": git(args.repo),
        "jvm": {"version": version, "details": jvm, "gc": gc.group(1) if gc else None},
        "machine": machine(),
        "data": json.loads(read(os.path.join(args.work, "data.json"), "{}")),
        "memory": {"rssAfterStartupMb": mb(args.rss_startup_kb), "rssAtEndMb": mb(args.rss_end_kb),
                   "heapUsedAfterFullGcMb": heap_used_mb(read(os.path.join(args.work, "heap-info.txt")))},
        "scenarios": rows,
    }

    m, g, mem = result["machine"], result["git"], result["memory"]
    print()
    print(table(rows))
    print()
    for r in rows:
        detail = r["note"] or ""
        if not r["skipped"] and r["errors"]["total"]:
            bad = {k: v for k, v in r["errors"].items() if v and k not in ("total", "status")}
            codes = {s: n for s, n in r["statuses"].items() if not 200 <= int(s) < 400}
            detail += f"; errors: {json.dumps(dict(bad, **codes))}"
        print(f"  {r['name']}: {r['request']}" + (f"  [{detail}]" if detail else ""))
    print()
    data = ", ".join(f"{k} {v}" for k, v in result["data"].items())
    print(f"scale {args.scale} ({data}); start-up {args.startup_seconds:.1f} s, restart {args.restart_seconds or 0:.1f} s; heap -Xmx{args.heap}; "
          f"{args.duration} per run after {args.warmup} warm-up" + (f"; app arguments {' '.join(args.app_arg)}" if args.app_arg else ""))
    print(f"memory: RSS {mem['rssAfterStartupMb']} MB after start-up, {mem['rssAtEndMb']} MB at the end; "
          f"heap used after full GC {mem['heapUsedAfterFullGcMb']} MB")
    print(f"JVM {version}, {result['jvm']['gc']} GC; {m['cpus']} CPUs ({m['cpuModel']}), {m['memoryMb']} MB RAM; "
          f"{m['os']}; {m['wrk']}")
    print(f"git {g['commit']}" + (" (with uncommitted changes)" if g["dirty"] else ""))

    os.makedirs(os.path.dirname(os.path.abspath(args.results)), exist_ok=True)
    tmp = args.results + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    os.replace(tmp, args.results)
    print(f"results: {args.results}")


if __name__ == "__main__":
    main()
