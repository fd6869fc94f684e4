#!/usr/bin/env python3
"""Turn a tool's JSON Lines output over the dev WARC into predictions per dataset.

    python3 bench/warc_score.py OUTPUT.jsonl OUT_PREFIX EVAL_DIR scrapinghub wcxb-dev

bench/make_warc.py writes the pages of each dataset in sorted file order, one response per
page, and every tool writes one line per response in archive order, so line k is page k.
Writes OUT_PREFIX.<dataset>.pred.json in ground-truth form ({id: {"articleBody": text}}), for
`pagepith eval --predictions`.
"""
import json
import os
import sys


def main():
    output, prefix, eval_dir, *datasets = sys.argv[1:]
    ids = [(ds, name.split(".")[0])
           for ds in datasets
           for name in sorted(os.listdir(os.path.join(eval_dir, ds, "html")))]
    lines = [json.loads(l) for l in open(output)]
    if len(lines) != len(ids):
        sys.exit(f"warc_score.py: {output} has {len(lines)} pages, expected {len(ids)}")
    preds = {ds: {} for ds in datasets}
    for (ds, pid), v in zip(ids, lines):
        preds[ds][pid] = {"articleBody": v.get("text") or ""}
    for ds, p in preds.items():
        with open(f"{prefix}.{ds}.pred.json", "w") as f:
            json.dump(p, f)


if __name__ == "__main__":
    main()
