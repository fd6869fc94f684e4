#!/usr/bin/env python3
"""Summarise bench/compare.sh results as Markdown tables (stdlib only).

    python3 bench/report.py RUN_DIR [RUN_DIR ...]

One RUN_DIR: that run's table. Several: the medians over all of them (run compare.sh at least
twice on this shared machine and quote the aggregate).

Speed: each tool's per-round time is already the median of REPEAT passes; the table gives the
median over all rounds (of all runs given). The pagepith/peer ratio is the median of the PAIRED
per-round ratios (pagepith and the peer timed in the same round, seconds apart), which cancels
most of the machine-load drift between rounds; the min–max of those ratios is shown too.
Accuracy: F1 / P / R / accuracy from `pagepith eval` (pagepith) and score.py (peers), from the
last run given (outputs are deterministic; the spread across runs is checked and flagged).
"""
import glob
import json
import os
import statistics
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def rounds_of(run):
    """{tool: [times dict per round]} for scrapinghub speed in one run dir."""
    out = {}
    for rd in sorted(glob.glob(os.path.join(run, "speed", "scrapinghub", "round*"))):
        for f in sorted(glob.glob(os.path.join(rd, "*.json"))):
            if f.endswith(".preds.json"):
                continue
            t = load(f)
            tool = t.get("tool") or t.get("peer")
            out.setdefault(tool, []).append((rd, t))
    return out


def label(tool, t):
    if tool == "pagepith":
        return "pagepith"
    s = t.get("settings", "defaults")
    v = t.get("version", "")
    return f"{tool} {v}" + ("" if s == "defaults" else f" ({s})")


def acc(run, ds, tool):
    for name in (f"{tool}.eval.json", f"{tool}.score.json"):
        p = os.path.join(run, "accuracy", ds, name)
        if os.path.exists(p):
            d = load(p)
            d = d.get("overall", d)
            return d["f1"], d["precision"], d["recall"], d["accuracy"]
    return None


def fmt_acc(a):
    return "–" if a is None else f"{a[0]:.3f} ({a[1]:.3f}/{a[2]:.3f}) {a[3]:.3f}"


def main():
    runs = [r.rstrip("/") for r in sys.argv[1:]]
    if not runs:
        sys.exit(__doc__)
    per_tool = {}      # tool -> list of round dicts
    paired = {}        # peer -> list of pagepith/peer ratios (same round)
    for run in runs:
        rt = rounds_of(run)
        pp = {rd: t for rd, t in rt.get("pagepith", [])}
        for tool, lst in rt.items():
            per_tool.setdefault(tool, []).extend(t for _, t in lst)
            if tool == "pagepith":
                continue
            for rd, t in lst:
                if rd in pp:
                    paired.setdefault(tool, []).append(t["seconds"] / pp[rd]["seconds"])
    metas = [load(os.path.join(r, "meta.json")) for r in runs if os.path.exists(os.path.join(r, "meta.json"))]

    print(f"## Speed — scrapinghub, one thread, in-process, {len(runs)} run(s)")
    if metas:
        print()
        for m in metas:
            print(f"- {m['date_utc']} commit {m['commit']} (+{m['dirty_files']} locally edited files), "
                  f"{m['cpus']} CPUs {m.get('cpu', '')}, load at start {' '.join(m['loadavg_start'])}, "
                  f"{m['rounds']} rounds × median of {m['repeat']} passes, sources {m.get('src_hash', '?')}")
    print()
    print("| tool | pages/s | MB/s | pagepith ÷ tool (paired median, min–max) | rounds (pages/s) |")
    print("|---|---|---|---|---|")
    order = ["pagepith"] + sorted(t for t in per_tool if t != "pagepith")
    for tool in order:
        lst = per_tool.get(tool)
        if not lst:
            continue
        secs = statistics.median(t["seconds"] for t in lst)
        pages, nbytes = lst[0]["pages"], lst[0]["bytes"]
        rs = paired.get(tool)
        ratio = "1" if tool == "pagepith" else (
            f"**{statistics.median(rs):.2f}×** ({min(rs):.2f}–{max(rs):.2f})" if rs else "–")
        rounds = ", ".join(f"{t['pages_per_sec']:.0f}" for t in lst)
        print(f"| {label(tool, lst[0])} | {pages / secs:.1f} | {nbytes / 1e6 / secs:.2f} | {ratio} | {rounds} |")

    last = runs[-1]
    print()
    print("## Accuracy — F1 (P/R) accuracy, from the last run")
    print()
    print("| tool | scrapinghub | wcxb-dev |")
    print("|---|---|---|")
    for tool in order:
        a1, a2 = acc(last, "scrapinghub", tool), acc(last, "wcxb-dev", tool)
        print(f"| {tool} | {fmt_acc(a1)} | {fmt_acc(a2)} |")
    # pagepith's two scorers must agree; flag any drift between runs.
    for ds in ("scrapinghub", "wcxb-dev"):
        ev, sc = acc(last, ds, "pagepith"), None
        p = os.path.join(last, "accuracy", ds, "pagepith.score.json")
        if os.path.exists(p):
            sc = load(p)["overall"]["f1"]
        if ev and sc is not None:
            note = "agree" if abs(ev[0] - sc) < 5e-4 else "DISAGREE"
            print(f"\npagepith {ds}: `pagepith eval` F1 {ev[0]:.4f}, score.py F1 {sc:.4f} ({note})")
    f1s = {}
    for run in runs:
        for tool in order:
            a = acc(run, "scrapinghub", tool)
            if a:
                f1s.setdefault(tool, set()).add(round(a[0], 4))
    moved = {t: sorted(v) for t, v in f1s.items() if len(v) > 1}
    if moved:
        print(f"\nNote: scrapinghub F1 differs between the runs given (code changed in between?): {moved}")
    wc = os.path.join(last, "speed", "wcxb-dev")
    if os.path.isdir(wc):
        print("\n## Speed — wcxb-dev (one pass, one thread)\n")
        print("| tool | pages/s | MB/s |")
        print("|---|---|---|")
        for f in sorted(glob.glob(os.path.join(wc, "*.json"))):
            if f.endswith(".preds.json"):
                continue
            t = load(f)
            print(f"| {label(t.get('tool') or t.get('peer'), t)} | {t['pages_per_sec']:.1f} | {t['mb_per_sec']:.2f} |")


if __name__ == "__main__":
    main()
