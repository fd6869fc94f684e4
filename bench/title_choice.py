#!/usr/bin/env python3
"""How the gold titles of an evaluation set choose between the page's `<h1>` and its `<title>`.

A title rule can only pick among what the page shows. Where the first `<h1>` and every part of
`<title>` (split at " | ", " - ", " – ", " — ", " · ", " » ", " : ") differ, and the gold title
is one of them, this script counts which one the gold took, split by the gold's page type and by
how alike the two texts are (letters equal but case, one inside the other, or the share of
words in common). For each split it also prints the best a rule could do that picks one side
for the whole split: if both sides are large in every split, no rule on these features can
follow the gold further than that sum.

    python3 bench/title_choice.py ../shared/eval/wcxb-dev [--predictions PRED.json]

With `--predictions` (ground-truth format, e.g. from `pagepith eval --save-predictions`) the
table also counts how many of each side the predictions got right. Only the standard library.
"""
import argparse
import collections
import gzip
import html.parser
import json
import os
import re

SEPARATORS = re.compile(r"\s+[|\-–—·»:]\s+|\s*\|\s*")


def collapse(s):
    return " ".join((s or "").split())


class Heads(html.parser.HTMLParser):
    """Collects `<title>` and the text of every `<h1>` (nested tags flattened)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title, self.h1s = None, []
        self._in_title, self._h1_depth, self._buf = False, 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "title" and self.title is None:
            self._in_title, self._buf = True, []
        elif tag == "h1":
            if self._h1_depth == 0:
                self._buf = []
            self._h1_depth += 1

    def handle_endtag(self, tag):
        if tag == "title" and self._in_title:
            self._in_title, self.title = False, collapse("".join(self._buf))
        elif tag == "h1" and self._h1_depth:
            self._h1_depth -= 1
            if self._h1_depth == 0:
                text = collapse(" ".join(self._buf))
                if text:
                    self.h1s.append(text)

    def handle_data(self, data):
        if self._in_title or self._h1_depth:
            self._buf.append(data)


def likeness(a, b):
    a_low, b_low = a.lower(), b.lower()
    if a_low == b_low:
        return "same letters, other case"
    if a_low in b_low:
        return "h1 inside the part"
    if b_low in a_low:
        return "part inside the h1"
    wa, wb = set(re.findall(r"\w+", a_low)), set(re.findall(r"\w+", b_low))
    share = len(wa & wb) / max(1, len(wa | wb))
    if share == 1:
        return "same words, other marks"
    low = int(share * 5) / 5
    return "words in common %.1f-%.1f" % (low, low + 0.2)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset")
    ap.add_argument("--predictions")
    args = ap.parse_args()
    gold = json.load(open(os.path.join(args.dataset, "ground-truth.json")))
    pred = json.load(open(args.predictions)) if args.predictions else {}
    by_type, by_likeness = collections.Counter(), collections.Counter()
    for page_id, entry in sorted(gold.items()):
        want = collapse(entry.get("title"))
        if not want:
            continue
        path = os.path.join(args.dataset, "html", page_id + ".html.gz")
        heads = Heads()
        heads.feed(gzip.open(path).read().decode("utf-8", "replace"))
        if not heads.h1s or not heads.title:
            continue
        h1 = heads.h1s[0]
        parts = [collapse(p) for p in SEPARATORS.split(heads.title) if collapse(p)] + [heads.title]
        if h1 in parts:
            continue
        if want == h1:
            side = "h1"
        elif want in parts:
            side = "title part"
        else:
            continue
        got = collapse((pred.get(page_id) or {}).get("title")) == want
        part = max(parts, key=lambda p: len(set(p.lower().split()) & set(h1.lower().split())))
        for table, key in ((by_type, entry.get("page_type")), (by_likeness, likeness(h1, part))):
            table[(key, side)] += 1
            table[(key, side, "right")] += got
    for name, table in (("page type", by_type), ("h1 against the likest part", by_likeness)):
        keys = sorted({k[0] for k in table})
        print("| %s | gold = h1 | gold = title part | one side for all |%s" %
              (name, " predictions right |" if pred else ""))
        print("|---|---|---|---|%s" % ("---|" if pred else ""))
        total = collections.Counter()
        for key in keys:
            h1, part = table[(key, "h1")], table[(key, "title part")]
            right = table[(key, "h1", "right")] + table[(key, "title part", "right")]
            total.update({"h1": h1, "part": part, "best": max(h1, part), "right": right})
            print("| %s | %d | %d | %d |%s" % (key, h1, part, max(h1, part),
                                               " %d |" % right if pred else ""))
        print("| all | %d | %d | %d |%s\n" % (total["h1"], total["part"], total["best"],
                                             " %d |" % total["right"] if pred else ""))


if __name__ == "__main__":
    main()
