"""examples/spark/extract_warc.py on Spark in local mode (local[2]) over WARCs made from the
dev pages: the Parquet rows are exactly the pages pagepith.iter_warc reads from them."""

import os
import subprocess
import sys

import pyarrow.parquet
import pyspark  # noqa: F401  (a missing pyspark is a failure, not a skip)

import pagepith
from conftest import REPO


def test_the_spark_example_writes_one_parquet_row_per_page(tmp_path, dev_pages, make_warc):
    """Three WARCs (one with a damaged record) over two local workers: every page is a row
    with the same text as iter_warc gives, and the damaged record is counted, not fatal."""
    thirds = [dev_pages[i::3] for i in range(3)]
    bad = make_warc.record("response", "https://bad.example/", b"\x00 not http",
                           "application/http; msgtype=response")
    warcs = [make_warc(tmp_path / f"part-{i}.warc.gz", [(u, b) for _, u, b in part],
                       [bad] if i == 1 else [])
             for i, part in enumerate(thirds)]
    listing = tmp_path / "warc_paths.txt"
    listing.write_text("# made by the test\n" + "".join(f"{w}\n" for w in warcs))
    out = tmp_path / "pages.parquet"

    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    run = subprocess.run(
        [sys.executable, str(REPO / "examples" / "spark" / "extract_warc.py"),
         "--master", "local[2]", str(listing), str(out)],
        env=env, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    assert f"{len(dev_pages)} pages written" in run.stdout
    assert "1 failed" in run.stdout

    # Read back with pyarrow: a second Spark session would start a second JVM.
    rows = pyarrow.parquet.read_table(out).to_pylist()
    expected = {}
    for warc in warcs:
        for record in pagepith.iter_warc(warc, errors="skip"):
            expected[record["warc_record_id"]] = record
    assert len(rows) == len(expected) == len(dev_pages)
    for row in rows:
        want = expected[row["warc_record_id"]]
        assert row["text"] == want["text"]
        assert row["title"] == want["title"]
        assert row["authors"] == want["authors"]
        assert row["source"] in {str(w) for w in warcs}
    assert sum(bool(r["text"]) for r in rows) >= 0.9 * len(rows)
