#!/usr/bin/env python3
"""Builds the benchmark plan from what the running app actually serves.

Ids, page counts and search words are read from the API, so every request is valid at any scale.
Writes into OUT_DIR one paths file per GET scenario (one request path a line), the body prefix of the
ingest scenario, data.json (the knowledge base's counts) and plan.tsv for bench/run and bench/report.py:
one scenario a line, key, mode (get, post or skip), input file, name, request, note. No field is empty
("-" stands for none) because bash's `read` merges empty tab-separated fields.

Usage: prepare.py BASE_URL OUT_DIR SEED_ARTICLE
Environment: BENCH_API_KEY (optional) is sent as a bearer token with the ingest probe.
"""
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

MAX_IDS = 1000       # ids to rotate over: enough that the one-resource reads are not trivially cached
MAX_PAGES = 50       # pages to rotate over in the page scenarios
PAGE_SIZE = 20
MAX_QUERIES = 50
# Used when the knowledge base holds too few concepts to build queries from.
FALLBACK_WORDS = ["ketamine", "depression", "neurons", "hippocampus", "BMP", "signalling", "mice", "brain"]
STOP_WORDS = {"and", "the", "of", "for", "with", "in", "on", "to", "a", "an"}


def request(base, path, method="GET", body=None, headers=None):
    """Returns (status, parsed JSON or None). HTTP errors are answers, not exceptions."""
    req = urllib.request.Request(base + path, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            status, raw = resp.status, resp.read()
    except urllib.error.HTTPError as e:
        status, raw = e.code, e.read()
    try:
        return status, json.loads(raw) if raw else None
    except ValueError:
        return status, None


def get_json(base, path):
    status, body = request(base, path)
    if status != 200 or body is None:
        sys.exit(f"prepare: GET {path} answered HTTP {status}, expected 200 with JSON")
    return body


def collect_ids(base, collection, limit):
    ids, page = [], 0
    while len(ids) < limit:
        body = get_json(base, f"/api/{collection}?size=100&page={page}&sort=id,asc")
        ids += [item["id"] for item in body["content"]]
        if page + 1 >= body["page"]["totalPages"]:
            break
        page += 1
    return ids[:limit]


def page_paths(base, query):
    """Paths for pages 0..min(MAX_PAGES, totalPages)-1; at least page 0 even when nothing matches."""
    prefix = f"/api/findings?{query}&" if query else "/api/findings?"
    body = get_json(base, f"{prefix}size={PAGE_SIZE}")
    pages = max(1, min(MAX_PAGES, body["page"]["totalPages"]))
    return [f"{prefix}size={PAGE_SIZE}&page={p}" for p in range(pages)]


def query_words(base):
    """Distinct words of concept names, the most mentioned concepts first (queries that match)."""
    body = get_json(base, "/api/concepts?size=100")
    concepts = sorted(body["content"], key=lambda c: -(c.get("findingCount") or 0))
    words, seen = [], set()
    for concept in concepts:
        for word in concept["name"].replace("-", " ").replace("/", " ").split():
            word = word.strip("()[],.;:'\"")
            if len(word) >= 3 and word.lower() not in STOP_WORDS and word.lower() not in seen:
                seen.add(word.lower())
                words.append(word)
    return words if len(words) >= 2 else FALLBACK_WORDS


def plural(n, word, words=None):
    return f"{n} {word}" if n == 1 else f"{n} {words or word + 's'}"


def write_lines(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    base, out, seed = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
    plan = []

    def add(key, mode, source, name, req, note=""):
        plan.append((key, mode, source, name, req, note))

    counts = get_json(base, "/api").get("counts", {})
    with open(os.path.join(out, "data.json"), "w") as f:
        json.dump(counts, f)

    finding_ids = collect_ids(base, "findings", MAX_IDS)
    if not finding_ids:
        sys.exit("prepare: the knowledge base holds no finding to read")
    path = os.path.join(out, "finding.paths")
    write_lines(path, [f"/api/findings/{i}" for i in finding_ids])
    add("finding", "get", path, "finding by id", "GET /api/findings/{id}", plural(len(finding_ids), "id"))

    pages = page_paths(base, "")
    path = os.path.join(out, "page.paths")
    write_lines(path, pages)
    add("page", "get", path, "page of 20 findings", f"GET /api/findings?size={PAGE_SIZE}&page={{p}}",
        plural(len(pages), "page"))

    filtered = page_paths(base, "kind=mechanism&timescale=sustained")
    path = os.path.join(out, "filtered.paths")
    write_lines(path, filtered)
    add("filtered", "get", path, "filtered page",
        f"GET /api/findings?kind=mechanism&timescale=sustained&size={PAGE_SIZE}&page={{p}}",
        plural(len(filtered), "page"))

    words = query_words(base)
    pairs = [f"{words[i]} {words[(i + 1) % len(words)]}" for i in range(min(MAX_QUERIES, len(words)))]
    status, _ = request(base, "/api/search?q=" + urllib.parse.quote(pairs[0]))
    path = os.path.join(out, "search.paths")
    if status == 404:
        write_lines(path, ["/api/findings?q=" + urllib.parse.quote(w) for w in words[:MAX_QUERIES]])
        name, req = "search (fallback)", "GET /api/findings?q={word}"
        note = "/api/search answered 404; " + plural(min(MAX_QUERIES, len(words)), "one-word query", "one-word queries")
    elif status == 200:
        write_lines(path, ["/api/search?q=" + urllib.parse.quote(q) for q in pairs])
        name, req = "search, two words", "GET /api/search?q={word1 word2}"
        note = plural(len(pairs), "query", "queries") + f", e.g. '{pairs[0]}'"
    else:
        sys.exit(f"prepare: GET /api/search answered HTTP {status}")
    add("search", "get", path, name, req, note)

    study_ids = collect_ids(base, "studies", MAX_IDS)
    if not study_ids:
        sys.exit("prepare: the knowledge base holds no study")
    path = os.path.join(out, "summary.paths")
    write_lines(path, [f"/api/studies/{i}/summary" for i in study_ids])
    add("summary", "get", path, "study summary", "GET /api/studies/{id}/summary", plural(len(study_ids), "study", "studies"))

    add("search-1", "get", os.path.join(out, "search.paths"), name + ", 1 client", req,
        "one connection: the latency one user sees")

    # Ingest last: it grows the knowledge base the reads above were measured on.
    with open(seed, encoding="utf-8") as f:
        text = f.read().rstrip("\n")
    # The JSON body up to the unique tail the wrk script appends (e.g. 'run-1-17."}').
    prefix = '{"text":' + json.dumps(text + "\n\nSubmission ")[:-1]
    path = os.path.join(out, "ingest.body")
    with open(path, "w", encoding="utf-8") as f:
        f.write(prefix)
    headers = {"Content-Type": "application/json"}
    key = os.environ.get("BENCH_API_KEY")
    if key:
        headers["Authorization"] = "Bearer " + key
    probe = (prefix + 'probe-' + str(os.getpid()) + '."}').encode("utf-8")
    status, _ = request(base, "/api/sources", "POST", probe, headers)
    req = f"POST /api/sources ({len(text)}-char article)"
    if status in (200, 201):
        add("ingest", "post", path, "ingest an article", req, "a unique text each request")
        add("ingest-1", "post", path, "ingest an article, 1 client", req,
            "one connection: the time one curator waits, without queueing behind others")
    elif status in (404, 405):
        add("ingest", "skip", "-", "ingest an article", req, f"skipped: POST /api/sources answered {status}")
    elif status in (401, 403):
        why = "the API key was refused" if key else "it needs credentials (pass --api-key)"
        add("ingest", "skip", "-", "ingest an article", req, f"skipped: {why}, HTTP {status}")
    else:
        add("ingest", "skip", "-", "ingest an article", req, f"skipped: the probe answered HTTP {status}")

    with open(os.path.join(out, "plan.tsv"), "w", encoding="utf-8") as f:
        for row in plan:
            f.write("\t".join(str(c).replace("\t", " ") for c in row) + "\n")


if __name__ == "__main__":
    main()
