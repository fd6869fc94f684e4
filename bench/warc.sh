#!/usr/bin/env bash
# bench/warc.sh — pagepith on a WARC next to trafilatura + warcio and resiliparse + fastwarc,
# side by side in ONE run, end to end (read the archive, parse HTTP, extract, write JSON Lines).
#
# SET-UP (once): the Python peers live in a venv OUTSIDE the repository (bench/peers/README.md),
# plus the two WARC readers:
#     /work/scratch/peers-venv/bin/pip install -r bench/peers/requirements.txt
# (warcio and FastWARC are in the requirements.)
#
# USAGE:  nice bench/warc.sh          (~10 minutes on an idle 2-core machine, most of it the
#                                      1 GB archive and trafilatura)
#
# What it does:
#   1. Builds pagepith in release.
#   2. Builds, at run time and outside the repository, a Common Crawl-like .warc.gz from the
#      dev pages (scrapinghub + wcxb-dev, 1,539 pages; request, response and metadata record
#      per page, one gzip member each: bench/make_warc.py), and one of BIG_MB (default 1024)
#      MB by writing the pages again with fresh ids until it is that large.
#   3. Times on the dev WARC: pagepith with 1 thread and with all cores, trafilatura + warcio
#      and resiliparse + fastwarc (one process each: bench/peers/warc_peers.py). On the big
#      WARC: pagepith with all cores (BIG_PEERS="resiliparse" adds that peer there too).
#      Every run is under /usr/bin/time -v: wall time, CPU time (user + sys) and peak RSS.
#   4. Prints a table; pages per CPU-second is the figure to compare on a shared machine (wall
#      time depends on what else runs). Raw outputs under OUT_ROOT/warc-<UTC time>/; the WARCs
#      are deleted at the end unless KEEP=1.
#
# ENVIRONMENT (all optional):
#   PEERS_VENV  venv holding the peers             (default /work/scratch/peers-venv)
#   EVAL_DIR    folder with scrapinghub/, wcxb-dev/ (default <repo>/../shared/eval)
#   OUT_ROOT    where result folders go             (default /work/scratch/bench-out)
#   PEERS       peers on the dev WARC               (default "trafilatura resiliparse")
#   BIG_MB      size of the big WARC, 0 to skip     (default 1024)
#   BIG_PEERS   peers also run on the big WARC      (default none)
#   KEEP=1      keep the generated WARCs
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PEERS_VENV="${PEERS_VENV:-/work/scratch/peers-venv}"
EVAL_DIR="${EVAL_DIR:-$REPO/../shared/eval}"
[ -d "$EVAL_DIR/scrapinghub" ] || EVAL_DIR=/work/shared/eval
OUT_ROOT="${OUT_ROOT:-/work/scratch/bench-out}"
PEERS="${PEERS-trafilatura resiliparse}"   # set and empty: no peers
BIG_MB="${BIG_MB:-1024}"
BIG_PEERS="${BIG_PEERS:-}"
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO/target}"
PY="$PEERS_VENV/bin/python"
CORES="$(nproc)"

for d in scrapinghub wcxb-dev; do
  [ -d "$EVAL_DIR/$d/html" ] || { echo "warc.sh: $EVAL_DIR/$d/html is missing" >&2; exit 1; }
done
if [ -n "$PEERS$BIG_PEERS" ]; then
  "$PY" -c "import warcio, fastwarc, trafilatura, resiliparse" 2>/dev/null || {
    echo "warc.sh: the peers venv $PEERS_VENV lacks warcio/fastwarc/trafilatura/resiliparse;" \
         "see the SET-UP note at the top of this script" >&2
    exit 1
  }
fi
[ -x /usr/bin/time ] || { echo "warc.sh: needs GNU time at /usr/bin/time" >&2; exit 1; }

OUT="$OUT_ROOT/warc-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
echo "== results in $OUT"

echo "== building pagepith (release)"
(cd "$REPO" && cargo build --release -p pagepith-cli --quiet)
PAGEPITH="$TARGET_DIR/release/pagepith"

echo "== building the WARCs from the dev pages"
python3 "$REPO/bench/make_warc.py" --out "$OUT/dev.warc.gz" \
  "$EVAL_DIR/scrapinghub" "$EVAL_DIR/wcxb-dev" | tee "$OUT/dev.warc.json"
if [ "$BIG_MB" != 0 ]; then
  python3 "$REPO/bench/make_warc.py" --target-mb "$BIG_MB" --out "$OUT/big.warc.gz" \
    "$EVAL_DIR/scrapinghub" "$EVAL_DIR/wcxb-dev" | tee "$OUT/big.warc.json"
fi

ROWS="$OUT/rows.tsv"
: > "$ROWS"
# measure NAME INPUT THREADS OUTPUT -- COMMAND...: runs it under /usr/bin/time -v and records
# pages written (lines of OUTPUT), wall, CPU and peak RSS.
measure() {
  local name="$1" input="$2" threads="$3" output="$4"; shift 5
  echo "== $name on $input ($threads thread(s))"
  local t="$OUT/$name.$input.j$threads.time"
  /usr/bin/time -v -o "$t" "$@" || true
  local pages wall cpu rss
  pages=$(wc -l < "$output")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$t")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$t")
  rss=$(awk -F': ' '/Maximum resident/ {print $2/1024}' "$t")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$input" "$threads" "$pages" "$wall" "$cpu" "$rss" >> "$ROWS"
}

pp() { # pp INPUT THREADS
  # bash execs pagepith in place, so /usr/bin/time sees pagepith's own peak RSS.
  measure pagepith "$1" "$2" "$OUT/pagepith.$1.j$2.jsonl" -- \
    bash -c 'exec "$0" extract -j "$1" "$2" -o "$3" 2> "$4"' "$PAGEPITH" "$2" \
    "$OUT/$1.warc.gz" "$OUT/pagepith.$1.j$2.jsonl" "$OUT/pagepith.$1.j$2.stderr"
  tail -n 1 "$OUT/pagepith.$1.j$2.stderr"
}
peer() { # peer NAME INPUT
  measure "$1" "$2" 1 "$OUT/$1.$2.j1.jsonl" -- \
    "$PY" "$REPO/bench/peers/warc_peers.py" --peer "$1" --warc "$OUT/$2.warc.gz" \
    --out "$OUT/$1.$2.j1.jsonl"
}

pp dev 1
pp dev "$CORES"
for p in $PEERS; do peer "$p" dev; done
if [ "$BIG_MB" != 0 ]; then
  pp big "$CORES"
  for p in $BIG_PEERS; do peer "$p" big; done
fi

echo
echo "| tool | WARC | threads | pages | wall s | pages/s | CPU s | pages/CPU-s | peak RSS MB |"
echo "|---|---|---|---|---|---|---|---|---|"
awk -F'\t' '{
  name=$1; if (name=="trafilatura") name="trafilatura + warcio";
  if (name=="resiliparse") name="resiliparse + fastwarc";
  printf "| %s | %s | %s | %d | %.1f | %.0f | %.1f | %.0f | %.0f |\n",
    name, $2, $3, $4, $5, $4/$5, $6, $4/$6, $7 }' "$ROWS" | tee "$OUT/table.md"

# Accuracy of what each tool wrote from the dev WARC, scored by pagepith eval: the archive path
# must score as extraction from the page files does (BENCHMARKS.md, Accuracy).
echo
echo "| tool | scrapinghub F1 | wcxb-dev F1 |"
echo "|---|---|---|"
for out in "$OUT"/*.dev.j1.jsonl; do
  tool=$(basename "$out" .dev.j1.jsonl)
  python3 "$REPO/bench/warc_score.py" "$out" "$OUT/$tool" "$EVAL_DIR" scrapinghub wcxb-dev
  f1s=""
  for ds in scrapinghub wcxb-dev; do
    f1s="$f1s | $("$PAGEPITH" eval --json --predictions "$OUT/$tool.$ds.pred.json" "$EVAL_DIR/$ds" |
      python3 -c 'import json,sys; print("%.3f" % json.load(sys.stdin)["f1"])')"
  done
  echo "| $tool$f1s |"
done | tee "$OUT/accuracy.md"

echo
ls -l "$OUT"/*.warc.gz | awk '{print "WARC:", $NF, $5, "bytes"}'
if [ "${KEEP:-0}" != 1 ]; then rm -f "$OUT"/*.warc.gz; fi
