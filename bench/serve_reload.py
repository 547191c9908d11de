#!/usr/bin/env python3
"""Edit-to-reload time of `pressroom serve` (a benchmark, not a test).

Usage: bench/serve_reload.py SOURCE_DIR [--jar target/pressroom.jar] [--rounds 10]

SOURCE_DIR holds content/ and templates/, e.g. an archive from ../shared/bench/gen_corpus.py with the
theme copied in. Starts serve on a free port, listens to its event stream like an open page does,
then edits files and measures the time from the write to the reload event, and to the edited page
fetched (what a reloading browser does). Restores every edited file at the end.
"""
import argparse, os, random, re, socket, statistics, subprocess, sys, threading, time, urllib.parse, urllib.request

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("source")
    ap.add_argument("--jar", default=os.path.join(os.path.dirname(__file__), "..", "target", "pressroom.jar"))
    ap.add_argument("--rounds", type=int, default=10)
    args = ap.parse_args()
    src = os.path.abspath(args.source)

    t = time.time()
    proc = subprocess.Popen(["java", "-jar", args.jar, "serve", "--source", src, "--port", "0",
                             "--now", "2026-11-28"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = None
    for line in proc.stdout:
        print("serve:", line.rstrip())
        m = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
        if m:
            url = m.group(1)
            break
    if url is None:
        sys.exit("serve did not start")
    print(f"first build and start: {time.time() - t:.1f} s")
    threading.Thread(target=lambda: [print("serve:", l.rstrip()) for l in proc.stdout], daemon=True).start()

    versions = {}
    cond = threading.Condition()
    releases = []
    for root, _, files in os.walk(os.path.join(src, "content", "releases")):
        releases += [os.path.join(root, f) for f in files if f.endswith(".en.md")]
    releases.sort()
    # the page "open in the browser", as the live-reload script reports it: the one the template
    # edits are checked on (serve makes open pages first when an edit makes many pages)
    open_page = "en/releases/" + os.path.basename(releases[0])[:-len(".en.md")] + "/"

    def listen():
        host, port = url[7:-1].split(":")
        s = socket.create_connection((host, int(port)))
        query = urllib.parse.quote("/" + open_page, safe="")
        s.sendall(f"GET /__pressroom/events?page={query} HTTP/1.1\r\nHost: x\r\n\r\n".encode("ascii"))
        buf = b""
        event = None
        while True:
            data = s.recv(65536)
            if not data:
                return
            buf += data
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                line = line.decode("utf-8", "replace").strip()
                if line.startswith("event: "):
                    event = line[7:]
                elif line.startswith("data: ") and event == "version":
                    with cond:
                        versions.setdefault(int(line[6:]), time.perf_counter())
                        cond.notify_all()

    threading.Thread(target=listen, daemon=True).start()
    time.sleep(1)
    with cond:
        current = max(versions) if versions else 1

    def wait_version(v, timeout=60):
        with cond:
            end = time.time() + timeout
            while v not in versions:
                if not cond.wait(max(0.01, end - time.time())) and time.time() > end:
                    raise SystemExit(f"no reload event for version {v}")
            return versions[v]

    rng = random.Random(7)
    originals = {}

    def edit(path, change):
        if path not in originals:
            with open(path, encoding="utf-8") as f:
                originals[path] = f.read()
        with open(path, encoding="utf-8") as f:
            text = f.read()
        t0 = time.perf_counter()
        with open(path, "w", encoding="utf-8") as f:
            f.write(change(text))
        return t0

    results = {}

    def measure(kind, path, change, page, expect):
        nonlocal current
        t0 = edit(path, change)
        current += 1
        t1 = wait_version(current)
        body = urllib.request.urlopen(url + page).read().decode("utf-8")
        t2 = time.perf_counter()
        if expect not in body:
            raise SystemExit(f"{kind}: the edit is not in {page}")
        results.setdefault(kind, []).append(((t1 - t0) * 1000, (t2 - t0) * 1000))

    for i in range(args.rounds):
        p = rng.choice(releases)
        rid = os.path.basename(p)[:-len(".en.md")]
        marker = f"bench-body-{i}-{rng.randrange(10**9)}"
        measure("release body", p, lambda s, m=marker: s.rstrip("\n") + f"\n\nAdded {m}.\n",
                f"en/releases/{rid}/", marker)
        marker = f"Bench title {i} {rng.randrange(10**9)}"
        measure("release title (lists too)", p,
                lambda s, m=marker: re.sub(r"^title: .*$", f"title: \"{m}\"", s, count=1, flags=re.M),
                f"en/releases/{rid}/", marker)
    tpl = os.path.join(src, "templates", "release.ftlh")
    for i in range(max(2, args.rounds // 3)):
        # serve reloads the open page first and makes the other 10,000 pages after; wait for that
        # before the next save, as an editor's next save of a template comes seconds later
        time.sleep(4)
        marker = f"bench-template-{i}"
        measure("template release.ftlh (all release pages)", tpl,
                lambda s, m=marker: re.sub(r'<article class="release[^"]*">', f'<article class="release {m}">', s),
                open_page, marker)
    originals.setdefault(tpl, originals.get(tpl))

    for path, text in originals.items():
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    current += 1
    wait_version(current, 600)
    proc.terminate()
    proc.wait()

    print()
    print("| edit | n | to reload event, median (min–max) | to edited page fetched, median |")
    print("|---|---|---|---|")
    for kind, rs in results.items():
        ev = [r[0] for r in rs]
        pg = [r[1] for r in rs]
        print(f"| {kind} | {len(rs)} | {statistics.median(ev):.0f} ms ({min(ev):.0f}–{max(ev):.0f}) | "
              f"{statistics.median(pg):.0f} ms |")

if __name__ == "__main__":
    main()
