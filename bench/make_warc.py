#!/usr/bin/env python3
"""Build a Common Crawl-like WARC from evaluation pages, at benchmark time.

    python3 bench/make_warc.py --out /work/scratch/crawl.warc.gz \\
        ../shared/eval/scrapinghub ../shared/eval/wcxb-dev [--target-mb 1024]

Each page becomes, as in a Common Crawl WARC, a `request`, a `response` (HTTP
headers + the page bytes) and a `metadata` record, each in its own gzip member,
after one `warcinfo` record. The HTTP Content-Type carries no charset (pages
declare their own, or are sniffed), the target URI is the page's URL from
ground-truth.json. With --target-mb the compressed records are written again
and again until the file reaches that size, to measure memory and speed on an
archive of Common Crawl's size (compressing once keeps this to seconds; the
copies repeat record ids, which no reader here cares about).

Written with the standard library only (gzip, uuid) so that the benchmark does
not depend on the WARC readers it compares. The output goes outside the
repository: the pages are never committed.
"""
import argparse
import gzip
import json
import os
import uuid
from datetime import datetime, timezone


def record(warc_type, uri, block, content_type, extra=()):
    date = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    head = [
        "WARC/1.0",
        f"WARC-Type: {warc_type}",
        f"WARC-Date: {date}",
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>",
    ]
    if uri:
        head.append(f"WARC-Target-URI: {uri}")
    head += list(extra)
    head += [f"Content-Type: {content_type}", f"Content-Length: {len(block)}"]
    raw = ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"
    # One member per record, compression level 6 (zlib's default; CC's writer uses it too).
    return gzip.compress(raw, compresslevel=6, mtime=0)


def pages(datasets):
    for ds in datasets:
        truth = json.load(open(os.path.join(ds, "ground-truth.json")))
        html_dir = os.path.join(ds, "html")
        for name in sorted(os.listdir(html_dir)):
            pid = name.split(".")[0]
            with gzip.open(os.path.join(html_dir, name), "rb") as f:
                body = f.read()
            url = truth.get(pid, {}).get("url") or f"https://pages.example/{pid}"
            yield url, body


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--target-mb", type=float, default=0)
    ap.add_argument("datasets", nargs="+")
    a = ap.parse_args()
    members = []
    for url, body in pages(a.datasets):
        req = b"GET / HTTP/1.1\r\nHost: example\r\nUser-Agent: bench\r\n\r\n"
        http = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                f"Content-Length: {len(body)}\r\n\r\n").encode() + body
        members.append(
            record("request", url, req, "application/http; msgtype=request")
            + record("response", url, http, "application/http; msgtype=response")
            + record("metadata", url, b"fetchTimeMs: 100\r\n", "application/warc-fields"))
    n_pages = 0
    with open(a.out, "wb") as out:
        out.write(record("warcinfo", None, b"software: pagepith bench/make_warc.py\r\n",
                         "application/warc-fields"))
        while True:
            for m in members:
                out.write(m)
                n_pages += 1
            if out.tell() >= a.target_mb * 1e6:
                break
        size = out.tell()
    print(json.dumps({"out": a.out, "pages": n_pages, "records": 1 + 3 * n_pages,
                      "bytes": size}))


if __name__ == "__main__":
    main()
