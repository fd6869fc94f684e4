"""Shared fixtures: the repository's hand-made pages, the dev pages of ../shared/eval, and WARC
files made from them at test time (pages are never committed)."""

import gzip
import importlib.util
import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


def _eval_dir() -> Path:
    return Path(os.environ.get("PAGEPITH_EVAL", REPO.parent / "shared" / "eval"))


def _load_make_warc():
    """bench/make_warc.py: the one WARC writer of the repository (standard library only)."""
    spec = importlib.util.spec_from_file_location("make_warc", REPO / "bench" / "make_warc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def dev_pages():
    """The scrapinghub dev pages as (id, url, bytes). In CI their absence fails the run."""
    root = _eval_dir() / "scrapinghub"
    if not (root / "ground-truth.json").is_file():
        message = f"the evaluation pages {root} are missing (set PAGEPITH_EVAL)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    truth = json.loads((root / "ground-truth.json").read_text())
    pages = []
    for path in sorted((root / "html").glob("*.html.gz")):
        pid = path.name.split(".")[0]
        url = truth.get(pid, {}).get("url") or f"https://pages.example/{pid}"
        pages.append((pid, url, gzip.decompress(path.read_bytes())))
    assert len(pages) >= 100, f"only {len(pages)} pages in {root}"
    return pages


@pytest.fixture(scope="session")
def make_warc():
    """Writes a gzip WARC of (url, bytes) pages, Common Crawl's layout; returns its path."""
    mw = _load_make_warc()

    def write(path, pages, extra_members=()):
        with open(path, "wb") as out:
            out.write(mw.record("warcinfo", None, b"software: pagepith tests\r\n",
                                "application/warc-fields"))
            for url, body in pages:
                http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                        + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
                out.write(mw.record("request", url, b"GET / HTTP/1.1\r\n\r\n",
                                    "application/http; msgtype=request"))
                out.write(mw.record("response", url, http, "application/http; msgtype=response"))
            for member in extra_members:
                out.write(member)
        return path

    write.record = mw.record
    return write


def fixtures(kind="fixtures"):
    """The hand-made fixture folders the Rust and CLI tests read too."""
    found = sorted(p for p in (REPO / "tests" / kind).iterdir() if (p / "expect.toml").is_file())
    assert len(found) >= 5, f"fixtures not found under {REPO / 'tests' / kind}"
    return found
