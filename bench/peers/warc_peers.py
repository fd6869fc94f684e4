#!/usr/bin/env python3
"""A peer extractor over a WARC, end to end, as a corpus builder would run it.

    python bench/peers/warc_peers.py --peer trafilatura --warc crawl.warc.gz --out out.jsonl
    python bench/peers/warc_peers.py --peer resiliparse --warc crawl.warc.gz --out out.jsonl

trafilatura + warcio: warcio's ArchiveIterator (gzip members, HTTP headers parsed),
  trafilatura.extract(raw bytes, url, include_comments=False), as bench/compare.sh runs it.
resiliparse + fastwarc: fastwarc's ArchiveIterator over response records with HTTP parsing,
  resiliparse's detect_encoding(from_html_meta=True) + HTMLTree + extract_plain_text(
  main_content=True), as bench/compare.sh runs it.

Both keep 2xx responses whose Content-Type is text/html or application/xhtml+xml (or absent),
like pagepith, and write one JSON line per page (url, text). One process, one thread: the
Python peers use more cores by running more processes (and as much more memory).
Prints a JSON summary (pages, seconds, pages_per_sec) on stdout.
"""
import argparse
import json
import sys
import time


def is_html(ct):
    if not ct:
        return True
    media = ct.split(";")[0].strip().lower()
    return media in ("text/html", "application/xhtml+xml")


def run_trafilatura(path, out):
    import trafilatura
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    with open(path, "rb") as f:
        for rec in ArchiveIterator(f):
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            status = rec.http_headers.get_statuscode()
            if not status or not status.startswith("2"):
                continue
            if not is_html(rec.http_headers.get_header("Content-Type")):
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI")
            raw = rec.content_stream().read()
            text = trafilatura.extract(raw, url=url, include_comments=False) or ""
            out.write(json.dumps({"url": url, "text": text}) + "\n")
            n += 1
    return n


def run_resiliparse(path, out):
    from fastwarc.warc import ArchiveIterator, WarcRecordType
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import detect_encoding
    from resiliparse.parse.html import HTMLTree

    n = 0
    with open(path, "rb") as f:
        for rec in ArchiveIterator(f, record_types=WarcRecordType.response, parse_http=True):
            if not (200 <= (rec.http_headers.status_code or 0) < 300):
                continue
            if not is_html(rec.http_content_type):
                continue
            url = rec.headers.get("WARC-Target-URI")
            raw = rec.reader.read()
            tree = HTMLTree.parse_from_bytes(raw, detect_encoding(raw, from_html_meta=True))
            text = extract_plain_text(tree, main_content=True) or ""
            out.write(json.dumps({"url": url, "text": text}) + "\n")
            n += 1
    return n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--peer", choices=["trafilatura", "resiliparse"], required=True)
    ap.add_argument("--warc", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    run = {"trafilatura": run_trafilatura, "resiliparse": run_resiliparse}[a.peer]
    t0 = time.perf_counter()
    with open(a.out, "w") as out:
        n = run(a.warc, out)
    secs = time.perf_counter() - t0
    json.dump({"peer": a.peer, "pages": n, "seconds": round(secs, 3),
               "pages_per_sec": round(n / secs, 1)}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
