#!/usr/bin/env python3
"""Draw accuracy against speed from bench/compare.sh results, as an SVG (stdlib only).

    python3 bench/chart.py RUN_DIR [RUN_DIR ...] -o docs/speed-accuracy.svg

Each tool is one point: x = its median pages/s over every round of the runs given (scrapinghub,
one thread, in-process — the same numbers report.py tabulates), on a log scale because the tools
span two orders of magnitude; y = its scrapinghub F1 from the last run. The caption names the
runs' date, commit and load, so the picture carries its own provenance. Nothing is typed in by
hand: rerun compare.sh, then this script, and commit the SVG with the BENCHMARKS.md update.
"""
import argparse
import math
import os
import statistics
import sys
from html import escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import report  # noqa: E402  (same folder: the run-directory readers)

WIDTH, HEIGHT = 720, 430
LEFT, RIGHT, TOP, BOTTOM = 70, 30, 50, 80


def points(runs):
    """[(label, pages/s, F1)] for every tool with both a speed and an accuracy."""
    per_tool = {}
    for run in runs:
        for tool, lst in report.rounds_of(run).items():
            per_tool.setdefault(tool, []).extend(t for _, t in lst)
    out = []
    for tool, lst in per_tool.items():
        accuracy = report.acc(runs[-1], "scrapinghub", tool)
        if accuracy is None:
            continue
        secs = statistics.median(t["seconds"] for t in lst)
        out.append((report.label(tool, lst[0]), lst[0]["pages"] / secs, accuracy[0]))
    return sorted(out, key=lambda p: p[1])


def svg(pts, caption):
    speeds = [p[1] for p in pts]
    f1s = [p[2] for p in pts]
    x_lo = 10 ** math.floor(math.log10(min(speeds)))
    x_hi = 10 ** math.ceil(math.log10(max(speeds)))
    # F1 axis: whole hundredths around the data, so small gaps stay visible.
    y_lo = math.floor(min(f1s) * 100 - 1) / 100
    y_hi = min(1.0, math.ceil(max(f1s) * 100 + 1) / 100)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(v):
        return LEFT + plot_w * (math.log10(v) - math.log10(x_lo)) / (math.log10(x_hi) - math.log10(x_lo))

    def y(v):
        return TOP + plot_h * (1 - (v - y_lo) / (y_hi - y_lo))

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="12">',
        '<rect width="100%" height="100%" fill="white"/>',
        f'<text x="{WIDTH / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">'
        "Accuracy against speed (up and to the right is better)</text>",
    ]
    # Grid and ticks: decades and their 2× and 5× steps on x, hundredths (or fifties) on y.
    decade = x_lo
    while decade <= x_hi:
        for step in (1, 2, 5):
            v = decade * step
            if v > x_hi:
                break
            weight = "#bbb" if step == 1 else "#e5e5e5"
            out.append(f'<line x1="{x(v):.1f}" y1="{TOP}" x2="{x(v):.1f}" y2="{TOP + plot_h}" stroke="{weight}"/>')
            out.append(f'<text x="{x(v):.1f}" y="{TOP + plot_h + 16}" text-anchor="middle">{v:g}</text>')
        decade *= 10
    steps = round((y_hi - y_lo) * 100)
    every = 1 if steps <= 12 else 5
    for i in range(0, steps + 1, every):
        v = y_lo + i / 100
        out.append(f'<line x1="{LEFT}" y1="{y(v):.1f}" x2="{LEFT + plot_w}" y2="{y(v):.1f}" stroke="#e5e5e5"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v:.2f}</text>')
    out.append(f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#555"/>')
    out.append(f'<text x="{LEFT + plot_w / 2}" y="{TOP + plot_h + 36}" text-anchor="middle">'
               "pages per second, one thread (log scale)</text>")
    out.append(f'<text transform="translate(18 {TOP + plot_h / 2}) rotate(-90)" text-anchor="middle">'
               "F1 (scrapinghub)</text>")
    # Labels: the tool's name and numbers beside its point; labels that would overlap another
    # (tools with close F1 and speed) are moved down a line at a time until they are clear.
    placed = []
    for name, speed, f1 in sorted(pts, key=lambda p: -p[2]):
        ours = name == "pagepith"
        cx, cy = x(speed), y(f1)
        text = f"{name.split(' (')[0]}: {speed:.0f} pages/s, F1 {f1:.3f}"
        width = 6.6 * len(text)
        right = cx <= LEFT + plot_w * 0.6
        x0 = cx + 10 if right else cx - 10 - width
        ty = cy - 8
        while any(abs(ty - py) < 14 and x0 < px + pw and px < x0 + width for px, py, pw in placed):
            ty += 14
        placed.append((x0, ty, width))
        colour = "#c0392b" if ours else "#2c3e50"
        bold = ' font-weight="bold"' if ours else ""
        out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{7 if ours else 5}" fill="{colour}"/>')
        out.append(f'<text x="{x0:.1f}" y="{ty:.1f}" fill="{colour}"{bold}>{escape(text)}</text>')
    for i, line in enumerate(caption):
        out.append(f'<text x="{LEFT}" y="{HEIGHT - 26 + 14 * i}" fill="#555" font-size="11">{escape(line)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("runs", nargs="+", help="compare.sh result folders")
    ap.add_argument("-o", "--output", required=True, help="SVG file to write")
    args = ap.parse_args()
    runs = [r.rstrip("/") for r in args.runs]
    pts = points(runs)
    if len(pts) < 2:
        sys.exit("chart.py: fewer than two tools with both speed and accuracy in these runs")
    metas = [report.load(os.path.join(r, "meta.json")) for r in runs if os.path.exists(os.path.join(r, "meta.json"))]
    when = ", ".join(f"{m['date_utc'][:16]} UTC commit {m['commit']} load {m['loadavg_start'][0]}" for m in metas)
    caption = [
        "scrapinghub (181 pages), extraction loops timed in-process, median of rounds;"
        " trafilatura without comments",
        f"made by bench/chart.py from bench/compare.sh: {when}",
    ]
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(svg(pts, caption))
    print(f"chart.py: {len(pts)} tools -> {args.output}")


if __name__ == "__main__":
    main()
