"""trafilatura's ``extract`` and ``bare_extraction``, answered by pagepith.

An existing pipeline switches by changing one import::

    from pagepith.compat.trafilatura import extract, bare_extraction

The signatures are trafilatura 2.x's, and so are the return shapes: ``extract`` gives a str
(``txt``, ``markdown``, ``json``) or None when no article is found, ``bare_extraction`` a
``Document`` with trafilatura's attributes (or its dict with ``as_dict=True``). How options map:

==========================  ===============================================================
option                      in pagepith
==========================  ===============================================================
url                         ``url`` (base of relative links, fallback for the page's URL)
favor_precision / _recall   ``favor="precision"`` / ``"recall"``
include_comments            ``comments`` (default True, as in trafilatura)
include_tables              ``tables``
include_links               ``links`` (Markdown shows link targets)
with_metadata               the metadata header (txt, markdown) or keys (json)
only_with_metadata          None unless title, date and URL were all found
target_language             None unless the page's language is this one (ISO 639-1)
url_blacklist               None when the page's URL is listed
author_blacklist            listed authors are left out
record_id                   the ``id`` field
fast, no_fallback           accepted; pagepith has one extraction path, already fast
output_format               ``txt``, ``markdown``, ``json`` (extract); ``python`` (bare)
==========================  ===============================================================

``config`` (trafilatura's ConfigParser) is accepted when the only setting changed from
trafilatura's defaults is ``EXTRACTION_TIMEOUT``, which becomes pagepith's per-page time budget
(0, the usual setting for threads, keeps pagepith's default). Anything else that would change
the result (other config settings, ``include_images``, ``include_formatting=True``,
``deduplicate``, ``date_extraction_params``, ``max_tree_size``, ``prune_xpath``,
``settingsfile``, ``options``, ``tei_validation``, XML/CSV/HTML output, an lxml tree as input)
raises ``UnsupportedOption`` rather than being silently ignored.

Values pagepith does not compute are None: ``fingerprint``, ``license``, ``pagetype``; and
``body``/``commentsbody`` (lxml trees in trafilatura) are None in a ``Document``.
"""

from __future__ import annotations

import datetime
import json
from typing import Any, Dict, List, Optional, Union
from urllib.parse import urlsplit

import pagepith

__all__ = ["Document", "UnsupportedOption", "bare_extraction", "extract"]

# trafilatura.settings.Document's attributes, in its order.
_SLOTS = (
    "title author url hostname description sitename date categories tags fingerprint id "
    "license body comments commentsbody raw_text text language image pagetype filedate"
).split()
# The metadata header of txt and markdown output (trafilatura's _YAML_FIELDS).
_YAML_FIELDS = (
    "title author url hostname description sitename date categories tags fingerprint id license"
).split()
_YAML_RESERVED = frozenset(
    {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "none", "~"}
)


class UnsupportedOption(ValueError):
    """A trafilatura option pagepith cannot honour; raised instead of ignoring it."""


class Document:
    """The shape of ``trafilatura.settings.Document``: one attribute per field."""

    __slots__ = tuple(_SLOTS)

    def __init__(self, **fields: Any) -> None:
        for slot in _SLOTS:
            setattr(self, slot, fields.get(slot))

    def as_dict(self) -> Dict[str, Any]:
        """The document as a dict, as trafilatura's ``Document.as_dict``."""
        return {slot: getattr(self, slot) for slot in _SLOTS}


def _refuse(**options: Any) -> None:
    for name, value in options.items():
        if value:
            raise UnsupportedOption(
                f"pagepith.compat.trafilatura does not support {name}={value!r}; "
                "see the module's documentation for the options that map"
            )


def _time_budget(config: Any) -> Optional[float]:
    """trafilatura's EXTRACTION_TIMEOUT as pagepith's time budget; refuses other changes."""
    if config is None:
        return None
    try:
        from trafilatura.settings import DEFAULT_CONFIG

        defaults = dict(DEFAULT_CONFIG["DEFAULT"])
    except ImportError:  # without trafilatura, no setting can be told to be its default
        defaults = {}
    changed = sorted(
        key for key, value in config["DEFAULT"].items()
        if key != "extraction_timeout" and defaults.get(key) != value
    )
    if changed:
        raise UnsupportedOption(
            f"pagepith.compat.trafilatura does not support these config settings: {changed}"
        )
    timeout = config.getfloat("DEFAULT", "EXTRACTION_TIMEOUT", fallback=0.0)
    return timeout if timeout > 0 else None


def _document(
    filecontent: Union[bytes, str],
    url: Optional[str],
    record_id: Optional[str],
    favor_precision: bool,
    favor_recall: bool,
    include_comments: bool,
    include_tables: bool,
    include_links: bool,
    target_language: Optional[str],
    only_with_metadata: bool,
    url_blacklist: Optional[set],
    author_blacklist: Optional[set],
    time_budget: Optional[float],
) -> Optional[Document]:
    """Extracts with pagepith and fills trafilatura's fields; None where trafilatura gives None."""
    if not isinstance(filecontent, (bytes, str)):
        raise UnsupportedOption(
            f"pagepith.compat.trafilatura reads bytes or str, not {type(filecontent).__name__}"
        )
    record = pagepith.extract(
        filecontent, url, favor=_favor(favor_precision, favor_recall),
        comments=include_comments, tables=include_tables, links=include_links,
        time_budget=time_budget,
    )
    if not record["text"]:
        return None
    page_url = record["url"]
    if url_blacklist and page_url in url_blacklist:
        return None
    authors: List[str] = [a for a in record["authors"] if a not in (author_blacklist or ())]
    language = record["language"]
    if target_language and (language or "").split("-")[0].lower() != target_language.lower():
        return None
    date = (record["date"] or "")[:10] or None
    if only_with_metadata and not (date and record["title"] and page_url):
        return None
    text = record["text"]
    comments = record.get("comments") or ""
    return Document(
        title=record["title"],
        author="; ".join(authors) or None,
        url=page_url,
        hostname=urlsplit(page_url).hostname if page_url else None,
        description=record["description"],
        sitename=record["sitename"],
        date=date,
        categories=list(record["categories"]),
        tags=list(record["tags"]),
        id=record_id,
        comments=comments,
        raw_text=" ".join(text.split()),
        text=text,
        language=language,
        image=record["image"],
        filedate=datetime.date.today().isoformat(),
    )


def _yaml_scalar(value: str) -> str:
    """A metadata string as trafilatura writes it in its header: plain when YAML-safe."""
    if (
        value
        and value == value.strip()
        and value[0].isalpha()
        and ": " not in value
        and " #" not in value
        and not value.endswith(":")
        and value.lower() not in _YAML_RESERVED
        and all(ch >= " " and ch != "\x7f" for ch in value)
    ):
        return value
    return json.dumps(value, ensure_ascii=False)


def _as_json(doc: Document, with_metadata: bool) -> str:
    """trafilatura's JSON output: text and comments, with its renamed metadata keys."""
    if with_metadata:
        out = {s: getattr(doc, s) for s in _SLOTS if s not in ("body", "commentsbody")}
        out.update(
            {
                "source": out.pop("url"),
                "source-hostname": out.pop("sitename"),
                "excerpt": out.pop("description"),
                "categories": ";".join(out.pop("categories") or []),
                "tags": ";".join(out.pop("tags") or []),
            }
        )
    else:
        out = {"text": doc.text, "comments": doc.comments}
    return json.dumps(out, ensure_ascii=False)


def _as_text(doc: Document, body: str, with_metadata: bool) -> str:
    """trafilatura's txt and markdown output: a metadata header, the body, the comments."""
    header = ""
    if with_metadata:
        fields = "".join(
            f"{attr}: {_yaml_scalar(value) if isinstance(value, str) else value}\n"
            for attr in _YAML_FIELDS
            if (value := getattr(doc, attr))
        )
        header = f"---\n{fields}---\n"
    out = f"{header}{body}"
    if doc.comments:
        out = f"{out}\n{doc.comments}".strip()
    return out


def _favor(favor_precision: bool, favor_recall: bool) -> str:
    if favor_precision and not favor_recall:
        return "precision"
    if favor_recall and not favor_precision:
        return "recall"
    return "balanced"


def extract(
    filecontent: Union[bytes, str],
    url: Optional[str] = None,
    record_id: Optional[str] = None,
    fast: bool = False,
    no_fallback: bool = False,
    favor_precision: bool = False,
    favor_recall: bool = False,
    include_comments: bool = True,
    output_format: str = "txt",
    tei_validation: bool = False,
    target_language: Optional[str] = None,
    include_tables: bool = True,
    include_images: bool = False,
    include_formatting: Optional[bool] = None,
    include_links: bool = False,
    deduplicate: Any = False,
    date_extraction_params: Optional[Dict[str, Any]] = None,
    with_metadata: bool = False,
    only_with_metadata: bool = False,
    max_tree_size: Optional[int] = None,
    url_blacklist: Optional[set] = None,
    author_blacklist: Optional[set] = None,
    settingsfile: Optional[str] = None,
    prune_xpath: Any = None,
    config: Any = None,
    options: Any = None,
) -> Optional[str]:
    """trafilatura.extract: the article as txt, markdown or json; None when none is found."""
    _refuse(
        tei_validation=tei_validation, include_images=include_images,
        include_formatting=include_formatting, deduplicate=deduplicate,
        date_extraction_params=date_extraction_params, max_tree_size=max_tree_size,
        settingsfile=settingsfile, prune_xpath=prune_xpath, options=options,
    )
    time_budget = _time_budget(config)
    if output_format not in ("txt", "markdown", "json"):
        raise UnsupportedOption(
            f"output_format={output_format!r}: pagepith.compat.trafilatura writes txt, "
            "markdown and json"
        )
    doc = _document(
        filecontent, url, record_id, favor_precision, favor_recall, include_comments,
        include_tables, include_links, target_language, only_with_metadata, url_blacklist,
        author_blacklist, time_budget,
    )
    if doc is None:
        return None
    if output_format == "json":
        return _as_json(doc, with_metadata)
    if output_format == "txt":
        return _as_text(doc, doc.text, with_metadata)
    # Markdown: pagepith's own renderer of the same article (a second pass over the page).
    markdown = pagepith.extract(
        filecontent, url, output="markdown", favor=_favor(favor_precision, favor_recall),
        tables=include_tables, links=include_links, time_budget=time_budget,
    )
    return _as_text(doc, markdown.rstrip(), with_metadata)


def bare_extraction(
    filecontent: Union[bytes, str],
    url: Optional[str] = None,
    fast: bool = False,
    no_fallback: bool = False,
    favor_precision: bool = False,
    favor_recall: bool = False,
    include_comments: bool = True,
    output_format: str = "python",
    target_language: Optional[str] = None,
    include_tables: bool = True,
    include_images: bool = False,
    include_formatting: Optional[bool] = None,
    include_links: bool = False,
    deduplicate: Any = False,
    date_extraction_params: Optional[Dict[str, Any]] = None,
    with_metadata: bool = False,
    only_with_metadata: bool = False,
    max_tree_size: Optional[int] = None,
    url_blacklist: Optional[set] = None,
    author_blacklist: Optional[set] = None,
    as_dict: bool = False,
    prune_xpath: Any = None,
    config: Any = None,
    options: Any = None,
) -> Optional[Union[Document, Dict[str, Any]]]:
    """trafilatura.bare_extraction: a Document (a dict with as_dict=True); None when no
    article is found. Metadata is always filled, as in trafilatura."""
    _refuse(
        include_images=include_images, include_formatting=include_formatting,
        deduplicate=deduplicate, date_extraction_params=date_extraction_params,
        max_tree_size=max_tree_size, prune_xpath=prune_xpath, options=options,
    )
    time_budget = _time_budget(config)
    if output_format != "python":
        raise UnsupportedOption(
            f"output_format={output_format!r}: bare_extraction gives python objects only"
        )
    doc = _document(
        filecontent, url, None, favor_precision, favor_recall, include_comments,
        include_tables, include_links, target_language, only_with_metadata, url_blacklist,
        author_blacklist, time_budget,
    )
    if doc is None:
        return None
    return doc.as_dict() if as_dict else doc
