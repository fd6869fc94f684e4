#!/usr/bin/env python3
"""List pagepith's metadata misses on an evaluation set, with where each wrong value came from.

Runs `pagepith extract --provenance` on every page (with the page's URL from the ground
truth), compares title, authors and date with the gold using the same rules as
`pagepith eval` (title: equal after collapsing white space; authors: the same set of
lower-cased words, "and" ignored; date: the same calendar day), and prints each miss as

    <id> <field> gold=<gold> ours=<ours> source=<where ours came from> kind=<kind>

followed by a count of misses per field, kind and source. Kinds are coarse on purpose: they
say what a fix would have to change, not why the gold is what it is.

    python3 bench/metadata_misses.py ../shared/eval/wcxb-dev \\
        --pagepith target/release/pagepith [--field date] [--jobs 2]
"""
import argparse
import collections
import concurrent.futures
import json
import os
import re
import subprocess
import sys


def words(value):
    if isinstance(value, list):
        value = " ".join(value)
    return {w.lower() for w in re.split(r"[\W_]+", value or "") if w and w.lower() != "and"}


def collapse(s):
    return " ".join((s or "").split())


def day(s):
    m = re.match(r"\s*(\d{4})(?:[-/.](\d{1,2}))?(?:[-/.](\d{1,2}))?", s or "")
    return tuple(int(x) for x in m.groups() if x) if m else None


def title_kind(gold, ours):
    if not ours:
        return "none"
    straight = ours.translate(str.maketrans("‘’“”", "''\"\""))
    if straight == gold:
        return "typographic-quotes"
    if ours.lower() == gold.lower():
        return "letter-case"
    if ours.startswith(gold):
        return "ours-has-extra-suffix"
    if gold.startswith(ours):
        return "ours-cut-short"
    if gold in ours:
        return "gold-inside-ours"
    return "different-text"


def author_kind(gold, ours):
    if not ours:
        return "none"
    g, o = words(gold), words(ours)
    if g < o:
        return "extra-names-or-roles"
    if o < g:
        return "missing-names-or-roles"
    return "different-person"


def date_kind(gold, ours, modified):
    if not ours:
        return "none"
    g, o = day(gold), day(ours)
    if modified and day(modified)[: len(g)] == g:
        return "gold-is-our-modified-date"
    if g and o and g[:2] == o[:2] and len(g) == 3 and len(o) == 3 and abs(g[2] - o[2]) == 1:
        return "one-day-off(time-zone)"
    return "other-date"


def run_one(pagepith, dataset, pid, url):
    cmd = [pagepith, "extract", "--format", "jsonl", "--provenance"]
    if url:
        cmd += ["--url", url]
    cmd.append(os.path.join(dataset, "html", pid + ".html.gz"))
    out = subprocess.run(cmd, capture_output=True, text=True, check=False).stdout
    return json.loads(out) if out.strip() else {}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dataset")
    ap.add_argument("--pagepith", default="target/release/pagepith")
    ap.add_argument("--field", choices=["title", "author", "date"])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()

    with open(os.path.join(args.dataset, "ground-truth.json"), encoding="utf-8") as f:
        gold = json.load(f)
    ids = sorted(gold)
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        results = list(
            ex.map(lambda p: run_one(args.pagepith, args.dataset, p, gold[p].get("url")), ids)
        )

    counts = collections.Counter()
    totals = collections.Counter()
    for pid, ours in zip(ids, results):
        g = gold[pid]
        checks = []
        if g.get("title"):
            gt, ot = collapse(g["title"]), collapse(ours.get("title"))
            checks.append(("title", gt, ot, ours.get("title_source"), gt == ot,
                           lambda: title_kind(gt, ot)))
        if g.get("author"):
            ga = g["author"]
            ga = ", ".join(ga) if isinstance(ga, list) else ga
            oa = ours.get("authors") or []
            checks.append(("author", ga, "; ".join(oa), ours.get("authors_source"),
                           bool(words(ga)) and words(ga) == words(oa),
                           lambda: author_kind(ga, oa)))
        if g.get("publish_date"):
            gd, od = g["publish_date"], ours.get("date")
            gday, oday = day(gd), day(od)
            ok = bool(gday and oday) and oday[: len(gday)] == gday and len(oday) >= len(gday)
            checks.append(("date", gd, od, ours.get("date_source"), ok,
                           lambda: date_kind(gd, od, ours.get("date_modified"))))
        for field, gv, ov, source, ok, kind in checks:
            totals[field] += 1
            if ok or (args.field and field != args.field):
                continue
            k = kind()
            counts[(field, k, source or "-")] += 1
            print(f"{pid} {field} gold={gv!r} ours={ov!r} source={source} kind={k}")

    print("\nmisses by field, kind and source:", file=sys.stderr)
    for (field, kind, source), n in sorted(counts.items(), key=lambda x: (x[0][0], -x[1])):
        print(f"  {field:<6} {kind:<28} {source:<32} {n:>4}", file=sys.stderr)
    for field, n in totals.items():
        missed = sum(v for (f, _, _), v in counts.items() if f == field)
        if not args.field or field == args.field:
            print(f"  {field}: {n - missed}/{n} right", file=sys.stderr)


if __name__ == "__main__":
    main()
