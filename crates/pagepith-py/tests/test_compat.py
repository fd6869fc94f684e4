"""pagepith.compat.trafilatura against trafilatura itself: same signatures, same shapes."""

import inspect
import json

import pytest

import trafilatura  # noqa: E402  (the real one, to compare against)
from pagepith.compat import trafilatura as compat  # noqa: E402

from test_extract import ARTICLE  # noqa: E402

EMPTY = b"<html><body></body></html>"


@pytest.mark.parametrize("name", ["extract", "bare_extraction"])
def test_signatures_are_trafilaturas_parameter_for_parameter(name):
    """Same parameter names, order and defaults (config's: None stands for trafilatura's
    default config)."""
    ours = inspect.signature(getattr(compat, name)).parameters
    theirs = inspect.signature(getattr(trafilatura, name)).parameters
    assert list(ours) == list(theirs)
    for p in theirs:
        if p != "config":
            assert ours[p].default == theirs[p].default, p


def _inputs(dev_pages):
    return [("article", ARTICLE, None), ("empty", EMPTY, None)] + [
        (pid, body, url) for pid, url, body in dev_pages[:8]
    ]


@pytest.mark.parametrize("output_format", ["txt", "markdown", "json"])
@pytest.mark.parametrize("with_metadata", [False, True])
@pytest.mark.parametrize("include_comments", [False, True])
def test_extract_returns_what_trafilatura_returns_in_type_and_keys(
    dev_pages, output_format, with_metadata, include_comments
):
    """str or None alike; JSON with the same keys; a metadata header when asked for."""
    for name, page, url in _inputs(dev_pages):
        kw = dict(url=url, output_format=output_format, with_metadata=with_metadata,
                  include_comments=include_comments)
        ours, theirs = compat.extract(page, **kw), trafilatura.extract(page, **kw)
        if name == "empty":
            assert ours is None and theirs is None
            continue
        assert isinstance(ours, str) and isinstance(theirs, str), name
        if output_format == "json":
            assert list(json.loads(ours)) == list(json.loads(theirs)), name
        elif with_metadata:
            assert ours.startswith("---\n") and theirs.startswith("---\n")
            assert "\ntitle: " in ours


@pytest.mark.parametrize("as_dict", [False, True])
def test_bare_extraction_gives_a_document_with_trafilaturas_fields(dev_pages, as_dict):
    """Document attributes (or dict keys with as_dict) match trafilatura's; None when empty."""
    for name, page, url in _inputs(dev_pages):
        ours = compat.bare_extraction(page, url=url, as_dict=as_dict)
        with pytest.warns(DeprecationWarning) if as_dict else _nothing():
            theirs = trafilatura.bare_extraction(page, url=url, as_dict=as_dict)
        if name == "empty":
            assert ours is None and theirs is None
            continue
        ours_d = ours if as_dict else ours.as_dict()
        theirs_d = theirs if as_dict else theirs.as_dict()
        assert list(ours_d) == list(theirs_d), name
        assert isinstance(ours_d["text"], str) and ours_d["text"]
        assert isinstance(ours_d["categories"], list)


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_the_body_is_pagepiths_and_metadata_maps_onto_trafilaturas_names():
    """The text is pagepith's, comments after it by default as in trafilatura; headline, site
    and URL land in trafilatura's fields."""
    doc = compat.bare_extraction(ARTICLE, url="https://news.example/rain")
    body = __import__("pagepith").extract(ARTICLE)["text"]
    assert doc.text == compat.extract(ARTICLE, include_comments=False) == body
    assert "tomatoes have drowned" in doc.comments
    assert compat.extract(ARTICLE) == f"{body}\n{doc.comments}"
    assert doc.title == "Rain in Spain"
    assert doc.sitename == "Daily News"
    assert doc.hostname == "news.example"
    meta = json.loads(compat.extract(ARTICLE, url="https://news.example/rain",
                                     output_format="json", with_metadata=True))
    assert meta["source"] == "https://news.example/rain"
    assert meta["source-hostname"] == "Daily News"


def test_filters_return_none_as_trafilatura_does():
    """target_language, url_blacklist and only_with_metadata drop a page to None."""
    url = "https://news.example/rain"
    assert compat.extract(ARTICLE, url=url, target_language="en") is not None
    assert compat.extract(ARTICLE, url=url, target_language="de") is None
    assert compat.extract(ARTICLE, url=url, url_blacklist={url}) is None
    assert compat.extract(ARTICLE, url=url, only_with_metadata=True) is None  # no date


@pytest.mark.parametrize("option", [
    {"include_images": True}, {"include_formatting": True}, {"deduplicate": True},
    {"output_format": "xml"}, {"output_format": "csv"}, {"max_tree_size": 100},
    {"prune_xpath": "//div"}, {"date_extraction_params": {"extensive_search": False}},
])
def test_options_pagepith_cannot_honour_raise_a_clear_error(option):
    """An unsupported option is refused by name, never silently ignored."""
    with pytest.raises(compat.UnsupportedOption, match=next(iter(option))):
        compat.extract(ARTICLE, **option)


def test_a_config_that_only_sets_the_timeout_is_accepted_and_others_refused():
    """The usual threaded setup (EXTRACTION_TIMEOUT=0) switches as is; other settings raise."""
    from copy import deepcopy

    from trafilatura.settings import DEFAULT_CONFIG

    threaded = deepcopy(DEFAULT_CONFIG)
    threaded["DEFAULT"]["EXTRACTION_TIMEOUT"] = "0"
    assert compat.extract(ARTICLE, config=threaded) == compat.extract(ARTICLE)
    assert compat.bare_extraction(ARTICLE, config=threaded).title == "Rain in Spain"
    tuned = deepcopy(DEFAULT_CONFIG)
    tuned["DEFAULT"]["MIN_EXTRACTED_SIZE"] = "5000"
    with pytest.raises(compat.UnsupportedOption, match="min_extracted_size"):
        compat.extract(ARTICLE, config=tuned)
