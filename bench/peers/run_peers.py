#!/usr/bin/env python3
"""Run one open-source peer extractor over an evaluation set and time it.

Set up the peers once (see README.md beside this file), then, e.g.:

    /work/scratch/peers-venv/bin/python bench/peers/run_peers.py \\
        --dataset ../shared/eval/scrapinghub --peer trafilatura \\
        --out /work/scratch/peers-out/scrapinghub/trafilatura.json \\
        --times /work/scratch/peers-out/scrapinghub/trafilatura.times.json --repeat 3

Peers: trafilatura | resiliparse | readability | rs_trafilatura | dom_smoothie
(dom_smoothie has no Python package on PyPI: it is measured by the Rust
driver in dom_smoothie/ beside this file, which writes the same two files.)

Variants (defaults are the peers' own defaults; these are for comparison):
  --no-comments  trafilatura only: include_comments=False. trafilatura's default
                 keeps comment sections, which the ground truths exclude; the
                 published trafilatura numbers were made this way.
  --pre-decode   decode every page to str BEFORE the clock (resiliparse's
                 detect_encoding(from_html_meta=True) + bytes_to_str) and hand
                 the peers str, so the time is parse + extract only.
                 readability-lxml falls back to pure-Python chardet over the
                 whole page when there is no <meta charset>, which can dominate
                 its time with bytes input.
  --no-metadata  skip the untimed metadata pass (trafilatura, readability). Only
                 the body is written; use it where the ground truth has no
                 title/author/date (scrapinghub) to halve the wall time. The
                 timed loop is the same with or without it.

What is timed, and why:
  * All pages are gunzipped into memory as raw bytes BEFORE the clock starts,
    so file I/O and interpreter start-up are excluded; pagepith is timed the
    same way (parse + extract only).
  * Every peer is handed the raw bytes, because each of them accepts bytes and
    does its own charset detection; that detection is part of the work a
    caller would pay for, so it is inside the timed loop for every peer.
  * One thread, time.perf_counter around the whole loop; with --repeat N the
    loop runs N times and the median is reported (the machine is shared and
    noisy). Predictions come from the first run.
  * Metadata that costs an extra pass (trafilatura's title/author/date via
    bare_extraction(with_metadata=True)) is collected in a second, UNTIMED pass,
    so the timed pass is the peer's default body extraction only.

Output (--out) is in ground-truth form:
    {id: {"articleBody": text, "title": ..., "author": ..., "date": ...}}
with metadata keys only where the peer provides them. A page whose extraction
raises gets an empty articleBody; such pages are counted ("errors") in the
times file and printed to stderr.

Times (--times): {peer, version, dataset, pages, seconds, pages_per_sec,
bytes, mb_per_sec, repeat, runs, errors, metadata}; bytes are the
uncompressed HTML bytes, MB = 10**6 bytes.
"""
import argparse
import gzip
import json
import os
import statistics
import sys
import time
from importlib import metadata as importlib_metadata


def load_pages(dataset):
    """Return (truth, [(id, url, raw_bytes)]) with every page already in memory."""
    with open(os.path.join(dataset, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    pages = []
    for pid in sorted(truth):
        with gzip.open(os.path.join(dataset, "html", pid + ".html.gz"), "rb") as f:
            pages.append((pid, truth[pid].get("url") or None, f.read()))
    return truth, pages


def _s(v):
    """Metadata to a plain string (or None), for JSON output."""
    if v is None:
        return None
    if isinstance(v, (list, tuple)):
        v = "; ".join(str(x) for x in v if x)
    v = str(v).strip()
    return v or None


# ---------------------------------------------------------------- peers
# Each peer is (dist_name, make) where make() imports the peer and returns
# (extract_fn, meta_fn_or_None). extract_fn(url, raw) -> dict with at least
# "articleBody"; it is what the clock measures. meta_fn(url, raw) -> dict of
# extra metadata, run untimed afterwards (only for peers where metadata needs
# a separate call).

def make_trafilatura(no_comments=False):
    import trafilatura

    # Default settings (plain-text output, comments included, tables included,
    # fallbacks on) unless --no-comments; url= lets trafilatura use URL hints.
    kw = {"include_comments": False} if no_comments else {}

    def extract(url, raw):
        return {"articleBody": trafilatura.extract(raw, url=url, **kw) or ""}

    def meta(url, raw):
        # Second, untimed pass: same settings plus with_metadata=True.
        d = trafilatura.bare_extraction(raw, url=url, with_metadata=True, **kw)
        if d is None:
            return {}
        get = (lambda k: d.get(k)) if isinstance(d, dict) else (lambda k: getattr(d, k, None))
        return {"title": _s(get("title")), "author": _s(get("author")), "date": _s(get("date"))}

    return extract, meta


def make_resiliparse():
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import detect_encoding
    from resiliparse.parse.html import HTMLTree

    def extract(url, raw):
        # Resiliparse leaves charset detection to the caller: uchardet plus the
        # <meta charset> (from_html_meta=True, as its docs advise for HTML),
        # then parse the bytes with that encoding. html2text with
        # main_content=True, every other option at its default.
        if isinstance(raw, str):  # --pre-decode
            tree = HTMLTree.parse(raw)
        else:
            enc = detect_encoding(raw, from_html_meta=True)
            tree = HTMLTree.parse_from_bytes(raw, enc)
        text = extract_plain_text(tree, main_content=True)
        # The <title> element is the only metadata resiliparse exposes.
        return {"articleBody": text or "", "title": _s(tree.title)}

    return extract, None


def make_readability():
    import lxml.html
    from readability import Document

    # readability-lxml returns cleaned HTML, not text. Flatten it to text with
    # a line break around block elements; a plain text_content() would glue
    # the last word of one paragraph to the first of the next and corrupt the
    # \w+ tokens the metric counts.
    blocks = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
              "blockquote", "pre", "table", "tr", "td", "th", "section", "article",
              "header", "footer", "figure", "figcaption", "dd", "dt", "dl", "hr", "main",
              "aside", "nav", "form", "address", "caption", "tbody", "thead"}

    def html_to_text(html):
        root = lxml.html.fromstring(html)
        out = []

        def walk(el):
            tag = el.tag if isinstance(el.tag, str) else ""
            if tag in blocks:
                out.append("\n")
            if el.text and tag not in ("script", "style"):
                out.append(el.text)
            for ch in el:
                walk(ch)
            if tag in blocks:
                out.append("\n")
            if el.tail:
                out.append(el.tail)

        walk(root)
        lines = (" ".join(l.split()) for l in "".join(out).split("\n"))
        return "\n".join(l for l in lines if l)

    def extract(url, raw):
        # Bytes in: readability-lxml detects the charset itself (meta, then chardet).
        body = html_to_text(Document(raw, url=url).summary(html_partial=True))
        return {"articleBody": body}

    def meta(url, raw):
        # Untimed: title() and author() each re-parse the whole page (and
        # summary() mutates the tree), so calling them in the timed pass would
        # roughly triple the measured cost of a body extraction.
        doc = Document(raw, url=url)
        return {"title": _s(doc.title()), "author": _s(doc.author())}

    return extract, meta


def make_rs_trafilatura():
    import rs_trafilatura

    def extract(url, raw):
        # extract_bytes does its own charset detection; defaults otherwise.
        # Title/author/date come out of the same call, so they cost nothing extra.
        if isinstance(raw, str):  # --pre-decode
            r = rs_trafilatura.extract(raw, url=url)
        else:
            r = rs_trafilatura.extract_bytes(raw, url=url)
        return {"articleBody": r.main_content or "", "title": _s(r.title),
                "author": _s(r.author), "date": _s(r.date)}

    return extract, None


def make_dom_smoothie():
    # No PyPI package: the Rust driver in bench/peers/dom_smoothie/ writes the same
    # predictions and times files (see README.md beside this file).
    raise SystemExit("dom_smoothie: use the Rust driver in bench/peers/dom_smoothie/ (README.md)")


PEERS = {
    "trafilatura": ("trafilatura", make_trafilatura),
    "resiliparse": ("resiliparse", make_resiliparse),
    "readability": ("readability-lxml", make_readability),
    "rs_trafilatura": ("rs-trafilatura", make_rs_trafilatura),
    "dom_smoothie": ("dom-smoothie", make_dom_smoothie),
}


def run_once(extract, pages):
    """One timed pass over all pages; returns (seconds, results, errors)."""
    results, errors = {}, []
    t0 = time.perf_counter()
    for pid, url, raw in pages:
        try:
            results[pid] = extract(url, raw)
        except Exception as e:  # noqa: BLE001 - one bad page must not stop the run
            results[pid] = {"articleBody": ""}
            errors.append((pid, f"{type(e).__name__}: {e}"))
    return time.perf_counter() - t0, results, errors


def main():
    ap = argparse.ArgumentParser(description="Run a peer extractor over an eval set.")
    ap.add_argument("--dataset", required=True, help="folder with ground-truth.json and html/")
    ap.add_argument("--peer", required=True, choices=sorted(PEERS))
    ap.add_argument("--out", required=True, help="predictions JSON (ground-truth form)")
    ap.add_argument("--times", help="timing JSON")
    ap.add_argument("--repeat", type=int, default=None,
                    help="timed runs, median reported (default 3 up to 500 pages, else 1)")
    ap.add_argument("--no-comments", action="store_true",
                    help="trafilatura: include_comments=False (default keeps comments)")
    ap.add_argument("--pre-decode", action="store_true",
                    help="decode pages to str before timing; time parse + extract only")
    ap.add_argument("--no-metadata", action="store_true",
                    help="skip the untimed metadata pass (the timed loop is unchanged)")
    a = ap.parse_args()

    dist, make = PEERS[a.peer]
    if a.no_comments and a.peer != "trafilatura":
        ap.error("--no-comments applies to trafilatura only")
    extract, meta = make(no_comments=True) if a.no_comments else make()
    try:
        version = importlib_metadata.version(dist)
    except importlib_metadata.PackageNotFoundError:
        version = "unknown"

    truth, pages = load_pages(a.dataset)
    nbytes = sum(len(raw) for _, _, raw in pages)
    if a.pre_decode:
        # Untimed charset detection + decoding, the same for every peer.
        from resiliparse.parse.encoding import bytes_to_str, detect_encoding
        pages = [(pid, url, bytes_to_str(raw, detect_encoding(raw, from_html_meta=True)))
                 for pid, url, raw in pages]
    repeat = a.repeat or (3 if len(pages) <= 500 else 1)

    runs, results, errors = [], None, None
    for i in range(repeat):
        secs, res, errs = run_once(extract, pages)
        runs.append(secs)
        if results is None:
            results, errors = res, errs
        print(f"{a.peer} run {i + 1}/{repeat}: {secs:.2f} s, {len(errs)} errors", file=sys.stderr)
    for pid, msg in errors:
        print(f"  error on {pid}: {msg[:200]}", file=sys.stderr)

    if meta is not None and not a.no_metadata:  # untimed metadata pass
        for pid, url, raw in pages:
            try:
                md = meta(url, raw)
            except Exception as e:  # noqa: BLE001
                print(f"  metadata error on {pid}: {type(e).__name__}: {e}", file=sys.stderr)
                md = {}
            results[pid].update(md)

    # Drop None metadata so absent fields stay absent.
    preds = {pid: {k: v for k, v in d.items() if v is not None or k == "articleBody"}
             for pid, d in results.items()}
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(preds, f, ensure_ascii=False, indent=0)

    secs = statistics.median(runs)
    times = {
        "peer": a.peer, "version": version,
        "dataset": os.path.basename(os.path.normpath(a.dataset)),
        "pages": len(pages), "seconds": round(secs, 4),
        "pages_per_sec": round(len(pages) / secs, 2),
        "bytes": nbytes, "mb_per_sec": round(nbytes / 1e6 / secs, 3),
        "repeat": repeat, "runs": [round(s, 4) for s in runs],
        "errors": len(errors),
        "input": "str, decoded before timing" if a.pre_decode else "bytes",
        "settings": "include_comments=False" if a.no_comments else "defaults",
        "metadata": "skipped (--no-metadata)" if a.no_metadata and meta is not None else {
            "trafilatura": "title/author/date from bare_extraction(with_metadata=True), untimed 2nd pass",
            "readability": "title/author from Document.title()/author(), untimed 2nd pass",
            "resiliparse": "title = <title> element, from the timed call",
        }.get(a.peer, "title/author/date from the timed call"),
    }
    if a.times:
        with open(a.times, "w", encoding="utf-8") as f:
            json.dump(times, f, indent=1)
    print(json.dumps(times), file=sys.stderr)


if __name__ == "__main__":
    main()
