"""Extract the articles of many WARC files on a Spark cluster with pagepith; write Parquet.

    spark-submit examples/spark/extract_warc.py warc_paths.txt out.parquet

``warc_paths.txt`` lists one WARC (or WET) file a line: a path every executor can read (local
in local mode, a shared file system on a cluster) or an http(s) URL, downloaded by the task
that reads it. With ``--prefix https://data.commoncrawl.org/`` the lines of a Common Crawl
``warc.paths`` listing work as they are. Each file is one Spark task: the paths are
distributed across the cluster and each task extracts its files with ``pagepith.iter_warc``
inside ``mapPartitions``, streaming record by record. The rows are the records of
``pagepith extract --format json`` (one per page), written as Parquet.

A page that fails (a damaged record, a page over a limit) is reported on the executor's
stderr, counted, and the task goes on; the counts are printed at the end. How to ship pagepith
to the executors: README.md beside this file.
"""

import argparse
import os
import shutil
import sys
import tempfile
import urllib.request

from pyspark.sql import SparkSession
from pyspark.sql import types as T

_S = T.StringType()
_LIST = T.ArrayType(T.StringType())
# The fields of pagepith's JSON record (pagepith::Record), in its order.
SCHEMA = T.StructType(
    [
        T.StructField("source", _S, False),
        T.StructField("url", _S),
        T.StructField("title", _S),
        T.StructField("authors", _LIST),
        T.StructField("date", _S),
        T.StructField("date_modified", _S),
        T.StructField("sitename", _S),
        T.StructField("language", _S),
        T.StructField("description", _S),
        T.StructField("image", _S),
        T.StructField("categories", _LIST),
        T.StructField("tags", _LIST),
        T.StructField("captions", _LIST),
        T.StructField("text", _S, False),
        T.StructField("warc_record_id", _S),
        T.StructField("warc_target_uri", _S),
        T.StructField("warc_date", _S),
    ]
)


def extract_partition(paths, failed):
    """Runs on an executor: the rows of every page of these WARC files."""
    import pagepith  # imported on the executor, from the shipped wheel or venv

    names = SCHEMA.fieldNames()
    for path in paths:
        with _local_copy(path) as local:
            pages = pagepith.iter_warc(local)
            while True:
                try:
                    record = next(pages)
                except StopIteration:
                    break
                except pagepith.Error as e:
                    # The iterator goes on with the next record after raising.
                    failed.add(1)
                    print(f"pagepith: {path}: {e}", file=sys.stderr)
                    continue
                record["source"] = path
                yield tuple(record.get(name) for name in names)


class _local_copy:
    """A URL downloaded to a temporary file for the length of a with-block; a path as is."""

    def __init__(self, path):
        self.path = path
        self.tmp = None

    def __enter__(self):
        if not self.path.startswith(("http://", "https://")):
            return self.path
        fd, self.tmp = tempfile.mkstemp(suffix=".warc.gz")
        with os.fdopen(fd, "wb") as out, urllib.request.urlopen(self.path) as response:
            shutil.copyfileobj(response, out, 1 << 20)
        return self.tmp

    def __exit__(self, *exc):
        if self.tmp:
            os.unlink(self.tmp)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", help="a file listing one WARC path or URL a line")
    ap.add_argument("output", help="the Parquet directory to write")
    ap.add_argument("--prefix", default="", help="put before every listed path (a base URL)")
    ap.add_argument("--master", help="Spark master (spark-submit's --master otherwise)")
    args = ap.parse_args(argv)

    with open(args.paths) as f:
        paths = [args.prefix + line.strip() for line in f if line.strip() and line[0] != "#"]
    builder = SparkSession.builder.appName("pagepith-extract-warc")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        failed = spark.sparkContext.accumulator(0)
        # One partition per file: a task is one WARC, and a failed task retries one file.
        rdd = spark.sparkContext.parallelize(paths, numSlices=max(1, len(paths)))
        rows = rdd.mapPartitions(lambda part: extract_partition(part, failed))
        spark.createDataFrame(rows, SCHEMA).write.mode("overwrite").parquet(args.output)
        written = spark.read.parquet(args.output).count()
        print(f"pagepith: {len(paths)} WARC files, {written} pages written to {args.output}, "
              f"{failed.value} failed")
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
