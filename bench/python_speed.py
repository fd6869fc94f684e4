#!/usr/bin/env python3
"""Pages per second from Python: pagepith against trafilatura and resiliparse, in one process.

    python bench/python_speed.py ../shared/eval/scrapinghub [more sets] [--repeat 5]

Needs pagepith (pip install ./crates/pagepith-py), trafilatura and resiliparse in the same
Python (bench/peers/requirements.txt). What is timed, as bench/peers/run_peers.py times it:

  * every page is gunzipped into memory as bytes before the clock; each extractor gets the
    bytes and the page's URL, and does its own charset detection inside the timed loop;
  * each extractor's default body extraction: pagepith.extract(raw, url, output="text"),
    trafilatura.extract(raw, url=url), resiliparse's detect_encoding + HTMLTree +
    extract_plain_text(main_content=True);
  * one thread; rounds are interleaved (each round runs every extractor over all pages) so a
    change in the machine's load falls on all of them alike; the median round is reported,
    with the ratios of the medians.

"pagepith, N threads" also runs pagepith from a thread pool: extraction releases the GIL, so
threads scale with cores where the pure-Python peers cannot.
"""
import argparse
import gzip
import json
import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone


def load(datasets):
    pages = []
    for ds in datasets:
        truth = json.load(open(os.path.join(ds, "ground-truth.json")))
        html = os.path.join(ds, "html")
        for name in sorted(os.listdir(html)):
            pid = name.split(".")[0]
            with gzip.open(os.path.join(html, name), "rb") as f:
                pages.append((truth.get(pid, {}).get("url"), f.read()))
    return pages


def extractors(threads):
    import pagepith
    import trafilatura
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import detect_encoding
    from resiliparse.parse.html import HTMLTree

    def resiliparse(url, raw):
        tree = HTMLTree.parse_from_bytes(raw, detect_encoding(raw, from_html_meta=True))
        return extract_plain_text(tree, main_content=True)

    pool = ThreadPoolExecutor(threads)

    def pagepith_threads(pages):
        return list(pool.map(lambda p: pagepith.extract(p[1], p[0], output="text"), pages))

    one = {
        "pagepith": lambda url, raw: pagepith.extract(raw, url, output="text"),
        "trafilatura": lambda url, raw: trafilatura.extract(raw, url=url),
        "resiliparse": resiliparse,
    }
    runs = {name: (lambda pages, f=f: [f(u, r) for u, r in pages]) for name, f in one.items()}
    if threads > 1:
        runs[f"pagepith, {threads} threads"] = pagepith_threads
    versions = {"pagepith": pagepith.__version__, "trafilatura": trafilatura.__version__}
    return runs, versions


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("datasets", nargs="+")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args()
    pages = load(a.datasets)
    runs, versions = extractors(a.threads)
    secs = {name: [] for name in runs}
    for _ in range(a.repeat):
        for name, run in runs.items():
            t0 = time.perf_counter()
            run(pages)
            secs[name].append(time.perf_counter() - t0)
    rate = {name: len(pages) / statistics.median(s) for name, s in secs.items()}
    report = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "python": sys.version.split()[0],
        "versions": versions,
        "pages": len(pages),
        "repeat": a.repeat,
        "load_avg_1min": os.getloadavg()[0],
        "pages_per_sec_median": {k: round(v, 1) for k, v in rate.items()},
        # Ratio of the median rates, and the per-round ratios (the same round's passes run
        # seconds apart, so they share the machine's load).
        "pagepith_over": {k: round(rate["pagepith"] / rate[k], 2)
                          for k in ("trafilatura", "resiliparse")},
        "pagepith_over_per_round": {
            k: sorted(round(t / p, 2) for p, t in zip(secs["pagepith"], secs[k]))
            for k in ("trafilatura", "resiliparse")
        },
        "seconds": {k: [round(x, 3) for x in v] for k, v in secs.items()},
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
