#!/usr/bin/env bash
# bench/compare.sh — pagepith next to peer extractors, speed and accuracy, in ONE run.
#
# SET-UP (once): the Python peers (trafilatura, resiliparse, ...) live in a venv OUTSIDE the
# repository. Create it as bench/peers/README.md ("Set-up") says, e.g.
#     python3 -m venv /work/scratch/peers-venv
#     /work/scratch/peers-venv/bin/pip install -r bench/peers/requirements.txt
# and point PEERS_VENV at it if it lives elsewhere.
#
# USAGE:  nice bench/compare.sh            (~2–3 minutes; ~8 more with WCXB_PEERS=1)
#
# What it does, and why each step is done this way:
#   1. Builds pagepith in release (the CLI for `eval`, the `throughput` example for timing) so
#      the numbers are those of the code in the work tree, with the workspace release profile.
#   2. Speed, scrapinghub (181 pages), one thread, ROUNDS rounds of: pagepith, then each peer.
#      Every tool loads all pages into memory first and times only the extraction loop in-process
#      (pagepith: examples/throughput.rs; peers: bench/peers/run_peers.py), so interpreter and
#      process start-up and file I/O are excluded for all of them alike. Each tool reports the
#      median of REPEAT passes; rounds interleave the tools so that a burst of load from other
#      workers on this shared 2-core machine hits all of them, not one. Quote ratios, not
#      absolute speeds.
#   3. Accuracy: `pagepith eval` on scrapinghub and wcxb-dev (the project's scorer), and the peers'
#      F1 from bench/peers/score.py over the predictions written by THIS run's timed passes, so
#      speed and accuracy come from the same outputs. pagepith's saved predictions are also put
#      through score.py as a cross-check that both scorers agree.
#   4. Prints a table (pages/s, MB/s, pagepith/peer ratio, F1) and keeps every raw JSON under
#      OUT_ROOT/<UTC time>/ (outside the repository: results are not committed, and the eval
#      pages are never copied anywhere).
#
# ENVIRONMENT (all optional):
#   PEERS_VENV   venv holding the peers              (default /work/scratch/peers-venv)
#   EVAL_DIR     folder with scrapinghub/, wcxb-dev/  (default <repo>/../shared/eval)
#   OUT_ROOT     where result folders go              (default /work/scratch/bench-out)
#   PEERS        peers to time (run_peers.py names)   (default "trafilatura resiliparse";
#                                                      rs_trafilatura and readability also work)
#   ROUNDS       interleaved timing rounds            (default 2)
#   REPEAT       timed passes per tool and round      (default 3; the median is kept)
#   WCXB_PEERS=1 also run the peers over wcxb-dev (1,358 pages, 1 pass, untimed metadata pass
#                included so title/author/date are scored) and time pagepith there too
#   CARGO_TARGET_DIR is honoured (a separate one avoids waiting on other builds' lock).
#
# trafilatura is always run with --no-comments (include_comments=False): the ground truths exclude
# comments and the eval README's trafilatura figures were made that way (see bench/peers/README.md).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PEERS_VENV="${PEERS_VENV:-/work/scratch/peers-venv}"
EVAL_DIR="${EVAL_DIR:-$REPO/../shared/eval}"
OUT_ROOT="${OUT_ROOT:-/work/scratch/bench-out}"
PEERS="${PEERS:-trafilatura resiliparse}"
ROUNDS="${ROUNDS:-2}"
REPEAT="${REPEAT:-3}"
WCXB_PEERS="${WCXB_PEERS:-0}"
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO/target}"

PY="$PEERS_VENV/bin/python"
SH="$EVAL_DIR/scrapinghub"
WC="$EVAL_DIR/wcxb-dev"

# Fail early with a useful message rather than half-way through the run.
[[ -x "$PY" ]] || { echo "compare.sh: no peer venv at $PEERS_VENV (see bench/peers/README.md, or set PEERS_VENV)" >&2; exit 2; }
for d in "$SH" "$WC"; do
  [[ -f "$d/ground-truth.json" && -d "$d/html" ]] || { echo "compare.sh: no dataset at $d (set EVAL_DIR)" >&2; exit 2; }
done
case "$REPO" in "$OUT_ROOT"*) echo "compare.sh: OUT_ROOT must be outside the repository" >&2; exit 2;; esac

OUT="$OUT_ROOT/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT/speed" "$OUT/accuracy"
echo "compare.sh: results in $OUT" >&2

# ---- 1. build --------------------------------------------------------------------------------
# Two invocations: the example belongs to the library crate, the binary to the CLI crate.
(cd "$REPO" && cargo build --release --quiet -p pagepith-cli \
  && cargo build --release --quiet -p pagepith --example throughput)
PAGEPITH="$TARGET_DIR/release/pagepith"
THROUGHPUT="$TARGET_DIR/release/examples/throughput"

# Record what was measured: commit (and whether the tree had local edits), machine, load, versions.
# Load matters: the machine is shared, so a run taken at load 5 is not comparable in absolute terms.
"$PY" - "$OUT/meta.json" "$REPO" "$PEERS" "$ROUNDS" "$REPEAT" <<'EOF'
import json, os, platform, subprocess, sys, datetime
from importlib import metadata as md
out, repo, peers, rounds, repeat = sys.argv[1:]
def git(*a):
    try: return subprocess.run(["git", "-C", repo, *a], capture_output=True, text=True).stdout.strip()
    except OSError: return ""
vers = {}
for dist in ("trafilatura", "resiliparse", "readability-lxml", "rs-trafilatura", "lxml"):
    try: vers[dist] = md.version(dist)
    except md.PackageNotFoundError: pass
def src_hash(root):
    import hashlib
    h = hashlib.sha1()
    for d, dirs, files in sorted(os.walk(root)):
        dirs.sort()
        for f in sorted(files):
            if f.endswith((".rs", ".toml")):
                p = os.path.join(d, f)
                h.update(p[len(root):].encode()); h.update(open(p, "rb").read())
    return h.hexdigest()[:12]
cpu = ""
try:
    cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
except Exception: pass
json.dump({
    "date_utc": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    "commit": git("rev-parse", "--short", "HEAD"),
    "dirty_files": len([l for l in git("status", "--porcelain", "--", "crates").splitlines() if l]),
    # Others edit crates/ while benchmarks run: a hash of the sources tells which runs measured
    # the same code (runs with different hashes should not be pooled).
    "src_hash": src_hash(os.path.join(repo, "crates")),
    "cpus": os.cpu_count(), "cpu": cpu, "loadavg_start": open("/proc/loadavg").read().split()[:3],
    "python": platform.python_version(), "rustc": subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip(),
    "peer_versions": vers, "peers": peers.split(), "rounds": int(rounds), "repeat": int(repeat),
}, open(out, "w"), indent=1)
EOF

# ---- 2. speed on scrapinghub, one thread, interleaved rounds -----------------------------------
peer_args() {  # extra run_peers.py flags per peer
  case "$1" in
    trafilatura) echo "--no-comments" ;;
    *) echo "" ;;
  esac
}
for r in $(seq 1 "$ROUNDS"); do
  d="$OUT/speed/scrapinghub/round$r"; mkdir -p "$d"
  echo "== round $r/$ROUNDS: pagepith (load $(cut -d' ' -f1 /proc/loadavg))" >&2
  "$THROUGHPUT" --dataset "$SH" --repeat "$REPEAT" --warmup 1 > "$d/pagepith.json"
  for p in $PEERS; do
    echo "== round $r/$ROUNDS: $p (load $(cut -d' ' -f1 /proc/loadavg))" >&2
    # --no-metadata: scrapinghub's ground truth has no title/author/date; skipping the untimed
    # metadata pass only saves wall time, the timed loop is unchanged.
    # shellcheck disable=SC2046
    "$PY" "$REPO/bench/peers/run_peers.py" --dataset "$SH" --peer "$p" $(peer_args "$p") \
      --no-metadata --repeat "$REPEAT" --out "$d/$p.preds.json" --times "$d/$p.json" 2> "$d/$p.log"
  done
done

# ---- 3. accuracy ------------------------------------------------------------------------------
# pagepith: its own scorer, all cores (speed is not measured here), predictions kept for score.py.
for ds in scrapinghub wcxb-dev; do
  a="$OUT/accuracy/$ds"; mkdir -p "$a"
  "$PAGEPITH" eval "$EVAL_DIR/$ds" --json --save-predictions "$a/pagepith.preds.json" > "$a/pagepith.eval.json"
  python3 "$REPO/bench/peers/score.py" --dataset "$EVAL_DIR/$ds" \
    --predictions "$a/pagepith.preds.json" --json "$a/pagepith.score.json" > /dev/null
done
# Peers on scrapinghub: score the predictions of round 1's timed passes.
for p in $PEERS; do
  python3 "$REPO/bench/peers/score.py" --dataset "$SH" \
    --predictions "$OUT/speed/scrapinghub/round1/$p.preds.json" \
    --json "$OUT/accuracy/scrapinghub/$p.score.json" > /dev/null
done
if [[ "$WCXB_PEERS" == 1 ]]; then
  # wcxb-dev is 7.5× larger: one pass per tool. The metadata pass stays on because this set has
  # title/author/date ground truth.
  d="$OUT/speed/wcxb-dev"; mkdir -p "$d"
  "$THROUGHPUT" --dataset "$WC" --repeat 1 --warmup 0 > "$d/pagepith.json"
  for p in $PEERS; do
    echo "== wcxb-dev: $p (load $(cut -d' ' -f1 /proc/loadavg))" >&2
    # shellcheck disable=SC2046
    "$PY" "$REPO/bench/peers/run_peers.py" --dataset "$WC" --peer "$p" $(peer_args "$p") \
      --repeat 1 --out "$d/$p.preds.json" --times "$d/$p.json" 2> "$d/$p.log"
    python3 "$REPO/bench/peers/score.py" --dataset "$WC" --predictions "$d/$p.preds.json" \
      --json "$OUT/accuracy/wcxb-dev/$p.score.json" > /dev/null
  done
fi

# ---- 4. report --------------------------------------------------------------------------------
python3 "$REPO/bench/report.py" "$OUT" | tee "$OUT/summary.md"
echo "compare.sh: raw results in $OUT" >&2
# The README's chart (F1 against pages/s), drawn from this run's own numbers; copy it to
# docs/speed-accuracy.svg when the run is the one BENCHMARKS.md quotes.
python3 "$REPO/bench/chart.py" "$OUT" -o "$OUT/speed-accuracy.svg"
