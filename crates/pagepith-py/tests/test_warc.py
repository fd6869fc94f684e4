"""pagepith.iter_warc over WARC files made from the dev pages at test time."""

import gzip
import warnings

import pytest

import pagepith


def test_every_page_of_a_warc_comes_out_once_with_its_warc_fields(tmp_path, dev_pages, make_warc):
    """One dict per response record, in file order, extracted as pagepith.extract would."""
    sample = dev_pages[:30]
    path = make_warc(tmp_path / "pages.warc.gz", [(u, b) for _, u, b in sample])
    records = list(pagepith.iter_warc(path))
    assert [r["warc_target_uri"] for r in records] == [u for _, u, _ in sample]
    assert len({r["warc_record_id"] for r in records}) == len(sample)
    for record, (_, url, body) in zip(records, sample):
        assert record["source"] == str(path)
        assert record["warc_date"]
        # Same text as extracting the page directly with its URL.
        assert record["text"] == pagepith.extract(body, url)["text"]
    assert sum(bool(r["title"]) for r in records) >= 25


def test_a_damaged_record_raises_naming_it_and_the_iteration_goes_on(tmp_path, make_warc):
    """errors='raise': WarcError names path@offset; the next call reads the next record."""
    page = b"<html><body><article>" + b"<p>Words of a page that has an article.</p>" * 8
    good = [("https://a.example/1", page + b"</article></body></html>")]
    bad_http = make_warc.record("response", "https://a.example/bad", b"\x00\x01 not http",
                                "application/http; msgtype=response")
    after = make_warc.record("response", "https://a.example/2",
                             b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page,
                             "application/http; msgtype=response")
    path = make_warc(tmp_path / "damaged.warc.gz", good, [bad_http, after])
    pages = pagepith.iter_warc(path)
    assert next(pages)["warc_target_uri"] == "https://a.example/1"
    with pytest.raises(pagepith.WarcError) as err:
        next(pages)
    assert f"{path}@" in str(err.value)
    assert next(pages)["warc_target_uri"] == "https://a.example/2"
    with pytest.raises(StopIteration):
        next(pages)
    # The other two modes go on by themselves.
    assert len(list(pagepith.iter_warc(path, errors="skip"))) == 2
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert len(list(pagepith.iter_warc(path, errors="warn"))) == 2
    assert any(issubclass(w.category, RuntimeWarning) and str(path) in str(w.message)
               for w in caught)


def test_a_truncated_archive_ends_with_an_error_not_a_hang(tmp_path, dev_pages, make_warc):
    """The last gzip member cut short: the records before it come out, then a WarcError."""
    path = make_warc(tmp_path / "cut.warc.gz", [(u, b) for _, u, b in dev_pages[:5]])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 2000])
    got = []
    with pytest.raises(pagepith.WarcError, match="cut.warc.gz"):
        for record in pagepith.iter_warc(path):
            got.append(record)
    assert 1 <= len(got) < 5


def test_wet_conversion_records_are_read_as_text(tmp_path, make_warc):
    """A WET file's conversion records go through the text path."""
    text = ("Volunteers bring the tide mill back to life\n"
            + "The mill turned again on Saturday for the first time in forty years, "
              "after volunteers rebuilt its wheel from oak felled nearby.\n" * 4).encode()
    member = make_warc.record("conversion", "https://mill.example/", text, "text/plain")
    path = tmp_path / "page.warc.wet.gz"
    path.write_bytes(member)
    [record] = list(pagepith.iter_warc(path))
    assert record["title"] == "Volunteers bring the tide mill back to life"
    assert "wheel from oak" in record["text"]


def test_an_uncompressed_warc_reads_the_same_as_gzip(tmp_path, dev_pages, make_warc):
    """Plain .warc files are read too."""
    gz = make_warc(tmp_path / "p.warc.gz", [(u, b) for _, u, b in dev_pages[:3]])
    plain = tmp_path / "p.warc"
    with gzip.open(gz) as f:
        plain.write_bytes(f.read())
    strip = lambda rs: [{k: v for k, v in r.items() if k != "source"} for r in rs]  # noqa: E731
    assert strip(pagepith.iter_warc(plain)) == strip(pagepith.iter_warc(gz))


def test_a_missing_file_is_file_not_found_and_errors_must_be_known():
    """Opening errors are Python's own; a bad errors= value is a ValueError."""
    with pytest.raises(FileNotFoundError):
        pagepith.iter_warc("/nonexistent/x.warc.gz")
    with pytest.raises(ValueError, match="errors"):
        pagepith.iter_warc(__file__, errors="ignore")
