#!/usr/bin/env python3
"""Summarise a callgrind profile of examples/throughput.rs by pagepith stage and module.

    python3 bench/profile_report.py CALLGRIND_OUT

Expects a profile taken with `--toggle-collect='throughput::run_once'` (bench/profile.sh does
this), so only the extraction loop is counted, not loading and gunzipping the pages.
Needs `callgrind_annotate` (valgrind) on PATH. Instruction counts (Ir) are deterministic, which
makes them the right tool on this shared, noisy machine; they are not cycles (cache misses and
branch mispredictions are not weighed), so cross-check big decisions with `perf record`.

Prints:
  1. inclusive Ir per pipeline stage (decode, dom::parse = html5ever + the sink, metadata, prune,
     segment, select, assemble, render, dropping the tree), as % of the extraction loop;
     (dom::parse is the fast parser's tokenizer and tree builder, or html5ever with its sink
     when profiled with `--parser html5ever`)
  2. self Ir grouped by module (by source file for pagepith's own code, by crate otherwise;
     glibc malloc/free and mem* copies are their own groups, charged to no stage);
  3. the top self-cost functions (summed over the inlined copies callgrind lists per file);
  4. the allocations: calls into the allocator's entry points (mimalloc's aligned malloc,
     zalloc and realloc, which the examples' `#[global_allocator]` calls for every Rust
     allocation) from outside the allocator, read from the profile's call counts. The crates
     forbid `unsafe`, so a counting `GlobalAlloc` is not an option; these counts are exact.
With thin LTO some stages are inlined into `extract_str`; callgrind then lists them as
`<stage file>:pagepith::extract_str`, which is what the stage table falls back to.
"""
import collections
import re
import subprocess
import sys

LINE = re.compile(r"^\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*?):(.+?)(?: \[(.*)\])?\s*$")


def annotate(path, inclusive):
    args = ["callgrind_annotate", "--auto=no", "--threshold=100"]
    if inclusive:
        args.append("--inclusive=yes")
    out = subprocess.run(args + [path], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines():
        m = LINE.match(line)
        if m and "PROGRAM TOTALS" not in line:
            rows.append((int(m.group(1).replace(",", "")), m.group(2), m.group(3).strip(), m.group(4) is not None))
    return rows


# stage: (function symbol suffix when it is a real function, source file when it is inlined)
STAGES = [
    ("decode", "pagepith::decode::decode", "src/decode.rs"),
    ("dom::parse (fast parser, or html5ever + sink)", "pagepith::dom::parse_with", "src/dom/mod.rs"),
    ("metadata", "pagepith::metadata::extract_at", "src/metadata/mod.rs"),
    ("prune", "pagepith::prune::prune", "src/prune.rs"),
    ("pagetype", "pagepith::pagetype::is_discussion", "src/pagetype.rs"),
    ("segment", "pagepith::segment::segment", "src/segment.rs"),
    ("select", "pagepith::select::select", "src/select/mod.rs"),
    ("assemble", "pagepith::assemble::build_article", "src/assemble.rs"),
    ("render (Article::text)", "pagepith::render::text::text", "src/article.rs"),
    ("drop the tree (free)", None, "core/src/ptr/mod.rs"),
]


def stage_table(rows, total):
    print("| stage | inclusive Ir | % of extraction |")
    print("|---|---|---|")
    for name, func, src in STAGES:
        best = 0
        for n, path, fn, whole in rows:
            if func and (fn == func or fn.startswith(func + " ")):
                best = max(best, n)
            if path.endswith(src) and fn in ("pagepith::extract_str", "pagepith::run_stages", "throughput::run_once", "pagepith::extract"):
                best = max(best, n)
        print(f"| {name} | {best / 1e6:,.0f} M | {best / total * 100:.1f} % |")


def module(path, fn):
    if "malloc" in path or fn in ("malloc", "free", "realloc", "calloc", "cfree@GLIBC_2.2.5"):
        return "glibc malloc/free"
    if any(k in path for k in ("memmove", "memset", "memcmp", "memcpy", "strlen", "memchr")):
        return "libc mem* (copies)"
    m = re.search(r"crates/pagepith/src/(.+?)\.rs", path)
    if m:
        mod = m.group(1)
        if mod.startswith("metadata/"):
            return "metadata"
        if mod.startswith("select/"):
            return "select"
        if mod.startswith("render/") or mod == "article":
            return "render"
        return {"dom/sink": "dom/sink (pagepith callbacks)", "dom/mod": "dom (tree)", "dom/tag": "dom (tree)",
                "lib": "lib (glue)"}.get(mod, mod)
    for key, name in (("pagepith::dom::sink", "dom/sink (pagepith callbacks)"),
                      ("Sink as markup5ever", "dom/sink (pagepith callbacks)"),
                      ("pagepith::metadata", "metadata"), ("pagepith::prune", "prune"),
                      ("pagepith::segment", "segment"), ("pagepith::select", "select"),
                      ("pagepith::assemble", "assemble"), ("pagepith::render", "render"),
                      ("pagepith::decode", "decode"), ("encoding_rs", "decode"), ("chardetng", "decode"),
                      ("pagepith::textutil", "textutil"), ("pagepith::pagetype", "pagetype"),
                      ("pagepith::dom", "dom (tree)"), ("pagepith::extract_str", "lib (glue)"),
                      ("html5ever", "html5ever (tokenizer + tree builder)"),
                      ("markup5ever", "html5ever (tokenizer + tree builder)"),
                      ("tendril", "html5ever (tokenizer + tree builder)"),
                      ("string_cache", "html5ever (tokenizer + tree builder)"),
                      ("phf_shared", "html5ever (tokenizer + tree builder)")):
        if key in fn:
            return name
    return "std/other (" + ((re.sub(r"<.*", "", fn) or fn)[:40]) + ")"


# The allocator's entry points as the Rust side calls them (mimalloc's `GlobalAlloc`).
ALLOC_ENTRIES = {"mi_malloc_aligned": "malloc", "mi_zalloc_aligned": "malloc",
                 "mi_realloc_aligned": "realloc", "malloc": "malloc", "calloc": "malloc",
                 "realloc": "realloc"}


def allocations(path):
    """Calls into the allocator's entry points from outside it, by kind."""
    names, counts = {}, collections.Counter()
    caller = callee = ""

    def name(spec):
        # Callgrind compresses names: "(id) name" the first time, "(id)" afterwards.
        m = re.match(r"\((\d+)\)(?: (.*))?", spec)
        if not m:
            return spec
        if m.group(2) is not None:
            names[m.group(1)] = m.group(2)
        return names.get(m.group(1), "?")

    with open(path) as f:
        for line in f:
            if line.startswith("fn="):
                caller = name(line[3:].strip())
            elif line.startswith("cfn="):
                callee = name(line[4:].strip())
            elif line.startswith("calls="):
                kind = ALLOC_ENTRIES.get(callee)
                if kind and not caller.startswith(("mi_", "_mi_", "_int_", "__libc_")):
                    counts[kind] += int(line[6:].split()[0])
    return counts


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    path = sys.argv[1]
    self_rows = annotate(path, inclusive=False)
    incl_rows = annotate(path, inclusive=True)
    total = sum(n for n, *_ in self_rows)
    print(f"Extraction loop: {total / 1e6:,.0f} M instructions (Ir)\n")
    print("### Inclusive cost by stage\n")
    stage_table(incl_rows, total)
    by_mod, by_fn = collections.Counter(), collections.Counter()
    for n, p, fn, _ in self_rows:
        by_mod[module(p, fn)] += n
        by_fn[fn] += n
    print("\n### Self cost by module\n")
    print("| module | self Ir | % |")
    print("|---|---|---|")
    for k, v in by_mod.most_common(16):
        print(f"| {k} | {v / 1e6:,.0f} M | {v / total * 100:.1f} % |")
    print("\n### Top functions by self cost\n")
    print("| function | % |")
    print("|---|---|")
    for k, v in by_fn.most_common(20):
        print(f"| `{k[:110]}` | {v / total * 100:.1f} % |")
    counts = allocations(path)
    print("\n### Allocations\n")
    print(f"{counts['malloc']:,} allocations and {counts['realloc']:,} reallocations "
          "(calls into the allocator from outside it)")


if __name__ == "__main__":
    main()
