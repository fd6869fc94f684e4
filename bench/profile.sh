#!/usr/bin/env bash
# bench/profile.sh — where pagepith's single-thread time goes, on the scrapinghub pages.
#
# USAGE:  nice bench/profile.sh [OUT_DIR]      (~3 minutes: build + one pass under callgrind)
#
# Why callgrind rather than timing: this machine is shared and timing noise is ±20 %, while
# callgrind's instruction counts (Ir) are the same on every run, so two profiles can be diffed.
# Ir are not cycles (cache misses are not weighed); `perf record` (command printed at the end)
# gives the time-based view. The workload is examples/throughput.rs (pages loaded and gunzipped
# before the clock) and `--toggle-collect` counts only its extraction loop `run_once`, so the
# profile holds exactly what the speed numbers time. The release profile already keeps line
# tables (`debug = "line-tables-only"`), which callgrind needs to split inlined code by file.
#
# ENVIRONMENT: EVAL_DIR (default <repo>/../shared/eval), CARGO_TARGET_DIR (honoured).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EVAL_DIR="${EVAL_DIR:-$REPO/../shared/eval}"
OUT="${1:-/work/scratch/bench-out/profile-$(date -u +%Y%m%dT%H%M%SZ)}"
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO/target}"
command -v valgrind >/dev/null || { echo "profile.sh: valgrind is needed (apt-get install valgrind)" >&2; exit 2; }
case "$OUT" in "$REPO"*) echo "profile.sh: write the profile outside the repository" >&2; exit 2;; esac
mkdir -p "$OUT"

(cd "$REPO" && cargo build --release --quiet -p pagepith --example throughput)
# Keep a copy of the binary beside the profile: callgrind_annotate and perf need the exact
# binary that was profiled, and the work tree keeps changing.
cp "$TARGET_DIR/release/examples/throughput" "$OUT/throughput"
valgrind --tool=callgrind --toggle-collect='throughput::run_once' \
  --callgrind-out-file="$OUT/callgrind.out" \
  "$OUT/throughput" --dataset "$EVAL_DIR/scrapinghub" --repeat 1 --warmup 0 > "$OUT/throughput.json"
python3 "$REPO/bench/profile_report.py" "$OUT/callgrind.out" | tee "$OUT/profile.md"
cat >&2 <<MSG

profile.sh: profile in $OUT (callgrind_annotate --inclusive=yes --tree=caller $OUT/callgrind.out).
Time-based view:  perf record -e cpu-clock -F 2000 --call-graph dwarf,16384 -o $OUT/perf.data \\
    $OUT/throughput --repeat 4 --warmup 0 && perf report -i $OUT/perf.data --children --sort sym
MSG
