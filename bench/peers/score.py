#!/usr/bin/env python3
"""Cross-check scorer for article-body extraction (stdlib only).

Implements the metric of the evaluation README (../shared/eval/README.md) exactly,
so that peer extractors' predictions can be scored the same way as pagepith's
(the project's authoritative scorer is `pagepith eval --predictions FILE`; this
one exists only to cross-check it and to score the Python peers).

Usage:
    python score.py --dataset /work/shared/eval/wcxb-dev --predictions preds.json [--json out.json]

`preds.json` is `{id: {"articleBody": text, ...}}`, optionally wrapped as
`{"version": ..., "output": {...}}` (the form of some published peer files).
Prints F1 / P / R / accuracy overall and, when the ground truth has
`page_type`, per page type; also exact-match rates for title / author / date
when the ground truth has them (trimmed, white space collapsed; dates compared
by calendar day).

Metric (per README):
  tokens  = re.findall(r'\\w+', text)  (Unicode, no lower-casing)
  shingles= 4-token tuples as a multiset; < 4 tokens -> one shingle of all tokens
  per page tp/fp/fn from multiset overlap, normalised by their sum
  page P = 1 if fp=fn=0; 0 if tp=fp=0; else tp/(tp+fp)   (R likewise with fn)
  dataset P = mean page P over pages with tp+fp>0; R = mean over tp+fn>0
  F1 = 2PR/(P+R) of the means; accuracy = share of pages with equal token lists
  A page missing from the predictions counts as an empty prediction.
"""
import argparse
import datetime
import json
import re
import sys
from collections import Counter

WORD = re.compile(r"\w+")


def tokens(text):
    return WORD.findall(text or "")


def shingles(toks):
    # Short texts still get one shingle so a 2-word ground truth is scorable.
    if not toks:
        return Counter()
    if len(toks) < 4:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i:i + 4]) for i in range(len(toks) - 3))


def page_counts(true_text, pred_text):
    """Return (tp, fp, fn, exact) for one page, tp/fp/fn normalised by their sum."""
    tt, pt = tokens(true_text), tokens(pred_text)
    st, sp = shingles(tt), shingles(pt)
    tp = fp = fn = 0
    for k in st.keys() | sp.keys():
        a, b = st.get(k, 0), sp.get(k, 0)
        tp += min(a, b)
        fp += max(0, b - a)
        fn += max(0, a - b)
    s = tp + fp + fn
    if s > 0:  # long pages weigh no more than short ones
        tp, fp, fn = tp / s, fp / s, fn / s
    return tp, fp, fn, tt == pt


def page_pr(tp, fp, fn):
    if fp == 0 and fn == 0:
        p = r = 1.0
    else:
        p = 0.0 if (tp == 0 and fp == 0) else tp / (tp + fp)
        r = 0.0 if (tp == 0 and fn == 0) else tp / (tp + fn)
    return p, r


def aggregate(rows):
    """rows: list of (tp, fp, fn, exact). Returns dict of F1/P/R/accuracy/n."""
    ps, rs, acc = [], [], 0
    for tp, fp, fn, exact in rows:
        p, r = page_pr(tp, fp, fn)
        # An empty prediction has tp=fp=0: absent from precision, 0 in recall.
        if tp + fp > 0:
            ps.append(p)
        if tp + fn > 0:
            rs.append(r)
        acc += bool(exact)
    P = sum(ps) / len(ps) if ps else 0.0
    R = sum(rs) / len(rs) if rs else 0.0
    F1 = 2 * P * R / (P + R) if P + R > 0 else 0.0
    return {"f1": F1, "precision": P, "recall": R,
            "accuracy": acc / len(rows) if rows else 0.0, "pages": len(rows)}


def norm_ws(s):
    return " ".join(str(s).split()) if s is not None else ""


def as_day(s):
    s = norm_ws(s)
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if m:
        try:
            return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None


def load_predictions(path):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    # Some published peer files are wrapped as {"version": ..., "output": {...}}.
    if isinstance(d, dict) and "output" in d and isinstance(d["output"], dict):
        d = d["output"]
    return d


def pred_text(v):
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    return v.get("articleBody") or ""


def score(truth, preds):
    rows, by_type = [], {}
    meta = {"title": [0, 0], "author": [0, 0], "date": [0, 0]}  # [matched, pages with truth]
    for pid, gt in truth.items():
        pv = preds.get(pid)
        row = page_counts(gt.get("articleBody", ""), pred_text(pv))
        rows.append(row)
        by_type.setdefault(gt.get("page_type"), []).append(row)
        pv = pv if isinstance(pv, dict) else {}
        for field, gkey in (("title", "title"), ("author", "author"), ("date", "publish_date")):
            g = gt.get(gkey)
            if not norm_ws(g):
                continue
            meta[field][1] += 1
            p = pv.get(field)
            if field == "date":
                ok = as_day(g) is not None and as_day(g) == as_day(p)
            else:
                ok = norm_ws(g) == norm_ws(p)
            meta[field][0] += ok
    out = {"overall": aggregate(rows)}
    if not (len(by_type) == 1 and None in by_type):
        out["by_page_type"] = {t: aggregate(r) for t, r in
                               sorted(by_type.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))}
    out["metadata"] = {k: {"match": m / n if n else None, "pages": n}
                       for k, (m, n) in meta.items() if n}
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dataset", required=True, help="folder with ground-truth.json")
    ap.add_argument("--predictions", required=True)
    ap.add_argument("--json", help="also write the scores here as JSON")
    a = ap.parse_args()
    with open(f"{a.dataset}/ground-truth.json", encoding="utf-8") as f:
        truth = json.load(f)
    res = score(truth, load_predictions(a.predictions))
    fmt = "{:<16} {:>5} {:>6} {:>6} {:>6} {:>6}"
    print(fmt.format("", "pages", "F1", "P", "R", "acc"))
    lines = [("overall", res["overall"])] + list(res.get("by_page_type", {}).items())
    for name, m in lines:
        print(fmt.format(str(name), m["pages"], *("%.3f" % m[k] for k in
                                                   ("f1", "precision", "recall", "accuracy"))))
    for k, m in res["metadata"].items():
        print(f"{k}: exact match {m['match']:.3f} over {m['pages']} pages with ground truth")
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(res, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
