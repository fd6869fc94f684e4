#!/bin/sh
# Title, author and date accuracy of pagepith and of the peers' saved predictions, all scored in
# one run by `pagepith eval` (the issue's rules: title exact after collapsing white space;
# authors the same set of words, case, order and "and" ignored; date the same calendar day).
#
#   bench/metadata.sh [DATASET] [PEERS_DIR]
#   DATASET   default ../shared/eval/wcxb-dev
#   PEERS_DIR default /work/scratch/peers-out/wcxb-dev (files <peer>.json from run_peers.py,
#             which saves trafilatura's bare_extraction metadata and rs-trafilatura's own)
# PAGEPITH=path/to/pagepith overrides the binary (default target/release/pagepith).
set -eu
DATASET=${1:-../shared/eval/wcxb-dev}
PEERS=${2:-/work/scratch/peers-out/wcxb-dev}
BIN=${PAGEPITH:-target/release/pagepith}

row() {
    # $1 name, then `pagepith eval` arguments; prints "| name | title | author | date | F1 |".
    name=$1; shift
    "$BIN" eval "$DATASET" "$@" --json | python3 -c '
import json, sys
r = json.load(sys.stdin); m = r.get("metadata") or {}
cell = lambda k: "%.3f (%d/%d)" % (m[k]["rate"], m[k]["correct"], m[k]["pages"]) if m.get(k) else "-"
print("| %s | %s | %s | %s | %.3f |" % (sys.argv[1], cell("title"), cell("author"), cell("date"), r["f1"]))
' "$name"
}

echo "| extractor | title | author | date | body F1 |"
echo "|---|---|---|---|---|"
row pagepith
for peer in rs_trafilatura trafilatura; do
    if [ -f "$PEERS/$peer.json" ]; then
        row "$peer" --predictions "$PEERS/$peer.json"
    fi
done
