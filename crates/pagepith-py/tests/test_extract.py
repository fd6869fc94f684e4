"""pagepith.extract and extract_text: inputs, outputs, options, errors and the GIL."""

import json
import os
import re
import subprocess
import threading
import time
import tomllib
from pathlib import Path

import pytest

import pagepith
from conftest import REPO, fixtures

ARTICLE = (
    b"<html><head><title>Rain in Spain | Daily News</title></head><body>"
    b"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Rain in Spain</h1>"
    + b"<p>The rain in Spain stays mainly in the plain, forecasters said on Monday.</p>" * 6
    + b"</article><div class='comments'><h3>Comments</h3><div class='comment'><p>"
    b"What a wet spring it has been in Castile, my tomatoes have drowned twice.</p></div></div>"
    b"<footer>(c) Daily News</footer></body></html>"
)


def squash(text):
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("folder", fixtures(), ids=lambda p: p.name)
def test_fixture_pages_give_what_their_expect_toml_says(folder):
    """The same hand-made pages and expectations as the Rust fixture test, through Python."""
    spec = tomllib.loads((folder / "expect.toml").read_text())
    expect = spec.get("expect", {})
    page = pagepith.extract((folder / "page.html").read_bytes(), spec.get("url"),
                            content_type=spec.get("content_type"))
    text = squash(page["text"])
    for key in ("title", "sitename", "language"):
        if key in expect:
            assert page[key] == expect[key], key
    if "authors" in expect:
        assert page["authors"] == expect["authors"]
    if "date" in expect:
        assert (page["date"] or "").startswith(expect["date"])
    for caption in expect.get("captions", []):
        assert squash(caption) in [squash(c) for c in page["captions"]]
    for needle in expect.get("must_contain", []):
        assert squash(needle) in text
    for needle in expect.get("must_not_contain", []):
        assert squash(needle) not in text
    if "max_text_chars" in expect:
        assert len(page["text"]) <= expect["max_text_chars"]


@pytest.mark.parametrize("folder", fixtures("text-fixtures"), ids=lambda p: p.name)
def test_text_fixtures_give_their_title_and_body_through_extract_text(folder):
    """extract_text reads the flattened-page fixtures the Rust text tests read."""
    spec = tomllib.loads((folder / "expect.toml").read_text())
    expect = spec.get("expect", {})
    raw = (folder / "page.txt").read_bytes()
    from_bytes = pagepith.extract_text(raw)
    assert from_bytes == pagepith.extract_text(raw.decode("utf-8"))
    if "title" in expect:
        assert from_bytes["title"] == expect["title"]
    for needle in expect.get("must_contain", []):
        assert squash(needle) in squash(from_bytes["text"])
    for needle in expect.get("must_not_contain", []):
        assert squash(needle) not in squash(from_bytes["text"])


def _cli():
    """The release CLI, built by CI before pytest; its absence fails in CI."""
    cli = Path(os.environ.get("PAGEPITH_CLI", REPO / "target" / "release" / "pagepith"))
    if not cli.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{cli} not built: CI builds it before the Python tests")
        pytest.skip(f"{cli} not built (cargo build --release -p pagepith-cli)")
    return cli


@pytest.mark.parametrize("flags,kwargs", [([], {}), (["--comments", "--provenance"],
                                                     {"comments": True, "provenance": True}),
                                         (["--links"], {"links": True}),
                                         (["--quotes"], {"quotes": True})])
def test_the_dict_is_the_cli_json_record_with_the_same_keys_and_values(tmp_path, flags, kwargs):
    """One record shape for the CLI and Python: same keys, in the same order, same values."""
    page = tmp_path / "page.html"
    page.write_bytes(ARTICLE)
    out = subprocess.run([_cli(), "extract", "--format", "json", *flags, str(page)],
                         check=True, capture_output=True).stdout
    cli = json.loads(out)
    py = pagepith.extract(ARTICLE, **kwargs)
    assert list(py) == list(cli)
    cli["source"] = py["source"]  # the CLI names the file; Python pages have no file name
    assert py == cli


def test_bytes_and_str_give_the_same_article_and_the_json_output_is_the_dict():
    """str input skips charset detection but extracts the same; json is the dict serialised."""
    as_bytes = pagepith.extract(ARTICLE, "https://news.example/rain")
    assert as_bytes["title"] == "Rain in Spain"
    assert as_bytes["url"] == "https://news.example/rain"
    assert as_bytes["text"].startswith("The rain in Spain")
    assert "Home" not in as_bytes["text"]
    assert pagepith.extract(ARTICLE.decode(), "https://news.example/rain") == as_bytes
    assert json.loads(pagepith.extract(ARTICLE, "https://news.example/rain",
                                       output="json")) == as_bytes


def test_text_markdown_and_html_outputs_render_the_same_body():
    """Each output format carries the article body and no page furniture."""
    text = pagepith.extract(ARTICLE, output="text")
    assert text == pagepith.extract(ARTICLE)["text"]
    markdown = pagepith.extract(ARTICLE, output="markdown")
    assert "The rain in Spain" in markdown and "Home" not in markdown
    html = pagepith.extract(ARTICLE, output="html")
    assert "<p>The rain in Spain" in html and "<nav" not in html


def test_comments_are_apart_from_the_body_and_only_when_asked():
    """comments=True adds the comments (a key, or a section after the body), never the body."""
    plain = pagepith.extract(ARTICLE)
    assert "comments" not in plain
    with_comments = pagepith.extract(ARTICLE, comments=True)
    assert "tomatoes have drowned" in with_comments["comments"]
    assert "tomatoes" not in with_comments["text"]
    text = pagepith.extract(ARTICLE, output="text", comments=True)
    assert text.startswith(with_comments["text"]) and "Comments:" in text
    assert "tomatoes" in text


QUOTED = (b"<html><body><article><h1>Ferry fares</h1><p>The council voted on Monday to freeze "
          b"ferry fares for a year, after a long debate over the harbour budget.</p>"
          b"<p>\"We cannot ask islanders to pay more this winter,\" said Ana Ruiz, the council's "
          b"leader, after the vote.</p></article></body></html>")


def test_quotes_give_each_quotation_with_its_speaker_only_when_asked():
    """quotes=True adds the quotations (a key, or a section after the body), as --quotes does."""
    assert "quotes" not in pagepith.extract(QUOTED)
    page = pagepith.extract(QUOTED, quotes=True)
    assert [(q["text"], q["speaker"]) for q in page["quotes"]] == [
        ("We cannot ask islanders to pay more this winter,", "Ana Ruiz")]
    text = pagepith.extract(QUOTED, output="text", quotes=True)
    assert text.startswith(page["text"])
    assert "Quotes:" in text and "— Ana Ruiz" in text
    markdown = pagepith.extract(QUOTED, output="markdown", quotes=True)
    assert "## Quotes" in markdown
    assert "## Quotes" not in pagepith.extract(QUOTED, output="markdown")


def test_provenance_adds_the_source_of_each_field():
    """provenance=True adds *_source keys naming where a field came from."""
    page = pagepith.extract(ARTICLE, provenance=True)
    assert page["title_source"]
    assert "title_source" not in pagepith.extract(ARTICLE)


def test_favor_changes_how_much_text_is_kept_across_the_dev_pages(dev_pages):
    """precision keeps no more text than balanced, recall no less, summed over 40 pages."""
    sample = dev_pages[:40]
    total = {favor: sum(len(pagepith.extract(b, u, favor=favor)["text"]) for _, u, b in sample)
             for favor in ("precision", "balanced", "recall")}
    assert total["precision"] <= total["balanced"] <= total["recall"]
    assert total["precision"] < total["recall"]


def test_a_page_without_an_article_gives_empty_text_never_none():
    """'No article' is a result: empty text in every output, never None."""
    for page in (b"", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"):
        assert pagepith.extract(page)["text"] == ""
        for output in ("text", "markdown", "html", "json"):
            assert isinstance(pagepith.extract(page, output=output), str)
        assert pagepith.extract(page, output="text") == ""


def test_a_limit_is_an_exception_naming_the_page_and_the_limit():
    """A page over a limit raises LimitExceeded (a pagepith.Error) with the library's message."""
    with pytest.raises(pagepith.LimitExceeded) as err:
        pagepith.extract(ARTICLE, "https://news.example/slow", time_budget=0.0)
    assert "https://news.example/slow" in str(err.value)
    assert "time_budget_ms" in str(err.value)
    assert isinstance(err.value, pagepith.Error) and isinstance(err.value, Exception)


def test_a_panic_becomes_an_internal_error_naming_the_input_and_the_next_page_works():
    """Belt and braces: a panic is caught per page as pagepith.InternalError (an Exception,
    unlike pyo3's PanicException), naming the input, and the module stays usable."""
    from pagepith import _pagepith

    failures = []
    for name in ("page-1.html", "page-2.html"):
        try:
            _pagepith._panic_in_guard(name)
        except Exception as e:  # what a batch loop catches
            failures.append(e)
    assert [type(e) for e in failures] == [pagepith.InternalError] * 2
    assert "page-2.html" in str(failures[1]) and "panic" in str(failures[1])
    assert pagepith.extract(ARTICLE)["title"] == "Rain in Spain"


def test_bad_arguments_are_value_and_type_errors():
    """Unknown option values and wrong input types say what was expected."""
    with pytest.raises(ValueError, match="output"):
        pagepith.extract(ARTICLE, output="xml")
    with pytest.raises(ValueError, match="favor"):
        pagepith.extract(ARTICLE, favor="speed")
    with pytest.raises(TypeError):
        pagepith.extract(12345)


def test_extraction_releases_the_gil():
    """Another Python thread keeps running while a large page is extracted."""
    big = b"<html><body><article>" + b"<p>A sentence of the article, long enough.</p>" * 150_000
    big += b"</article></body></html>"
    done = threading.Event()
    took = []

    def work():
        start = time.perf_counter()
        pagepith.extract(big)
        took.append(time.perf_counter() - start)
        done.set()

    thread = threading.Thread(target=work)
    ticks, gap, last = 0, 0.0, time.perf_counter()
    thread.start()
    while not done.is_set():
        now = time.perf_counter()
        gap, last = max(gap, now - last), now
        ticks += 1
    thread.join()
    # Holding the GIL would stall this loop for the whole extraction.
    assert took[0] > 0.2, "the page extracted too fast to tell"
    assert gap < took[0] / 2, f"main thread stalled {gap:.3f}s of {took[0]:.3f}s"
    assert ticks > 1000
