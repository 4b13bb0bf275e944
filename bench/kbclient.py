"""A small HTTP client for the Findings KB API and a generator of unique test articles (python3 stdlib only).

Shared by bench/crash.py and bench/soak.py. Each thread should use a Client of its own: http.client
connections are not thread-safe.
"""
import hashlib
import http.client
import json
import random
import socket
import subprocess
import urllib.parse

DRUGS = ["ketamine", "psilocybin", "lithium", "fluoxetine", "esketamine", "semaglutide", "metformin", "caffeine"]
REGIONS = ["hippocampus", "prefrontal cortex", "amygdala", "striatum", "cerebellum", "hypothalamus"]
CELLS = ["young neurons", "microglia", "astrocytes", "dopamine neurons", "newborn neurons"]
PATHWAYS = ["BMP signaling", "mTOR signaling", "BDNF signaling", "Wnt signaling"]
CONDITIONS = ["depression", "anxiety", "Alzheimer's disease", "Parkinson's disease", "obesity"]
TIMES = ["within hours", "within a day", "over several weeks", "after a few days", "within 24 hours"]
ORGS = ["Northwestern Medicine", "Harbourview Institute of Psychiatry", "Eastgate University"]

FINDING_TEMPLATES = [
    "The researchers found that {drug} increases the activity of {cell} in the {region} {time}.",
    "The team discovered that {drug} lowers {pathway} in the {region}, which helps more {cell} survive.",
    "The study showed that {cell} in the {region} fire faster after a single dose of {drug}.",
    "Scientists found that blocking {pathway} in mice reversed the effect of {drug} {time}.",
    "The scientists reported that {drug} raised the number of {cell} in the {region} {time}.",
]
HEDGED_TEMPLATES = [
    "This could lead to new treatments for {condition} that act {time}.",
    "The results suggest that {drug} might help people with {condition}.",
    "The finding may open the door to safer drugs for {condition}.",
]
FILLER_TEMPLATES = [
    "The work was carried out at {org} over three years.",
    "Many people with {condition} do not respond to current medicines.",
    "{drug_cap} is already used in hospitals for other purposes.",
]

ALPHABET = "bcdfghjklmnpqrstvwxz"


def token(prefix, number):
    """A word made of letters only, unique per (prefix, number): one token for any analyzer."""
    digits = []
    n = number
    while True:
        digits.append(ALPHABET[n % len(ALPHABET)])
        n //= len(ALPHABET)
        if n == 0:
            break
    return prefix + "".join(reversed(digits))


def article(rng, tok):
    """A short science-news article whose title carries the unique word `tok`; it always yields findings."""
    words = dict(drug=rng.choice(DRUGS), region=rng.choice(REGIONS), cell=rng.choice(CELLS),
                 pathway=rng.choice(PATHWAYS), condition=rng.choice(CONDITIONS), time=rng.choice(TIMES),
                 org=rng.choice(ORGS))
    words["drug_cap"] = words["drug"][0].upper() + words["drug"][1:]
    lines = [f"Study {tok} shows how {words['drug']} changes the {words['region']}", ""]
    sentences = [t.format(**words) for t in rng.sample(FINDING_TEMPLATES, rng.randint(2, 4))]
    sentences += [t.format(**words) for t in rng.sample(HEDGED_TEMPLATES, rng.randint(1, 2))]
    sentences += [t.format(**words) for t in rng.sample(FILLER_TEMPLATES, rng.randint(0, 2))]
    rng.shuffle(sentences)
    for s in sentences:
        lines += [s, ""]
    lines.append(f"Reference {tok} was assigned to this report by the newsroom.")
    return "\n".join(lines) + "\n"


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Client:
    """Keep-alive HTTP/1.1 client; reconnects after a dropped connection. Answers are (status, headers, body)."""

    def __init__(self, host, port, key=None, timeout=30):
        self.host, self.port, self.key, self.timeout = host, port, key, timeout
        self.conn = None

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except OSError:
                pass
            self.conn = None

    def request(self, method, path, body=None, headers=None, auth=True):
        h = dict(headers or {})
        if auth and self.key and method not in ("GET", "HEAD"):
            h["Authorization"] = "Bearer " + self.key
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode("utf-8")
            h.setdefault("Content-Type", "application/json")
        elif isinstance(body, str):
            body = body.encode("utf-8")
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self.conn.request(method, path, body=body, headers=h)
                resp = self.conn.getresponse()
                data = resp.read()
                if resp.getheader("Connection", "").lower() == "close":
                    self.close()
                return resp.status, {k.lower(): v for k, v in resp.getheaders()}, data
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as e:
                self.close()
                # A kept-alive connection the server closed meanwhile: retry once, for reads only.
                if attempt == 2 or method not in ("GET", "HEAD"):
                    raise
            except (OSError, http.client.HTTPException):
                self.close()
                raise

    def get_json(self, path):
        status, _, data = self.request("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}: {data[:300]!r}")
        return json.loads(data)

    def pages(self, path, size=100):
        """Every item of a paged list, following page numbers."""
        sep = "&" if "?" in path else "?"
        page = 0
        while True:
            body = self.get_json(f"{path}{sep}size={size}&page={page}")
            yield from body["content"]
            if page + 1 >= body["page"]["totalPages"]:
                return
            page += 1


def q(value):
    return urllib.parse.quote(value, safe="")


def wait_healthy(host, port, deadline_seconds, alive=lambda: True):
    import time
    start = time.monotonic()
    while time.monotonic() - start < deadline_seconds:
        if not alive():
            return False
        try:
            c = http.client.HTTPConnection(host, port, timeout=3)
            c.request("GET", "/actuator/health")
            r = c.getresponse()
            body = r.read()
            c.close()
            if r.status == 200 and b'"UP"' in body:
                return True
        except (OSError, http.client.HTTPException, socket.timeout):
            pass
        time.sleep(0.1)
    return False


class ChildProcess:
    """An app started as a child process (in `proc`): killed with SIGKILL, or stopped in order."""

    proc = None

    def kill9(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.kill9()
