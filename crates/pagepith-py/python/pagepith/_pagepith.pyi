"""Type stubs of the extension module; ``pagepith`` re-exports all of it."""

from os import PathLike
from typing import Any, Dict, Iterator, Literal, Optional, Union, overload

__version__: str

Favor = Literal["balanced", "precision", "recall"]
Record = Dict[str, Any]

class Error(Exception):
    """A page pagepith could not extract; the message names the page and why."""

class LimitExceeded(Error):
    """The page exceeds a limit (input size, nodes, time budget); the message names it."""

class InternalError(Error):
    """A bug in pagepith while extracting this page (a caught panic); please report the page."""

class WarcError(Error):
    """A WARC record that could not be read (damaged, or a response that is not HTTP)."""

@overload
def extract(
    html: Union[bytes, str],
    url: Optional[str] = None,
    *,
    output: Literal["dict"] = "dict",
    favor: Favor = "balanced",
    comments: bool = False,
    tables: bool = True,
    links: bool = False,
    quotes: bool = False,
    provenance: bool = False,
    content_type: Optional[str] = None,
    time_budget: Optional[float] = None,
) -> Record:
    """Extracts the article from an HTML page.

    html: the page as bytes (the charset is detected: BOM, ``content_type``, ``<meta>``,
        sniffing) or as an already decoded str.
    url: the page's URL: the ``url`` field when the page names no canonical one, and the base
        of relative links.
    output: ``"dict"`` (the record, with the keys of ``pagepith extract --format json``),
        ``"json"`` (that record as one line of JSON), ``"text"``, ``"markdown"`` or ``"html"``
        (a clean fragment: allow-listed tags, no scripts, handlers or unsafe URLs).
    favor: lean towards ``"precision"`` or ``"recall"`` instead of the best F1.
    comments: also extract the page's comments (a ``comments`` key, or a section after the
        body); they never go into the body.
    tables: keep tables in the body. links: keep link targets (Markdown shows them).
    quotes: find the body's direct quotations and who said them (a ``quotes`` key, or a
        section after the body).
    provenance: add ``title_source``, ``date_source``... naming where each field came from.
    content_type: the HTTP ``Content-Type``, whose charset outranks the page's own.
    time_budget: seconds one page may take (default 30) before ``LimitExceeded``.

    Never returns None: a page without an article gives an empty text. Raises
    ``LimitExceeded`` for a page over a limit and ``InternalError`` for a bug (the message
    names the page), so a loop over many pages can catch ``pagepith.Error`` and go on.
    """
@overload
def extract(
    html: Union[bytes, str],
    url: Optional[str] = None,
    *,
    output: Literal["json", "text", "markdown", "html"],
    favor: Favor = "balanced",
    comments: bool = False,
    tables: bool = True,
    links: bool = False,
    quotes: bool = False,
    provenance: bool = False,
    content_type: Optional[str] = None,
    time_budget: Optional[float] = None,
) -> str: ...

@overload
def extract_text(
    text: Union[bytes, str],
    url: Optional[str] = None,
    *,
    output: Literal["dict"] = "dict",
    favor: Favor = "balanced",
    comments: bool = False,
    tables: bool = True,
    links: bool = False,
    quotes: bool = False,
    provenance: bool = False,
    content_type: Optional[str] = None,
    time_budget: Optional[float] = None,
) -> Record:
    """Extracts the article from a page already flattened to text, one block a line (a
    Common Crawl WET record, a scraped corpus): headline, byline, date and body from the lines
    alone. Arguments and results as for ``extract``.
    """
@overload
def extract_text(
    text: Union[bytes, str],
    url: Optional[str] = None,
    *,
    output: Literal["json", "text", "markdown", "html"],
    favor: Favor = "balanced",
    comments: bool = False,
    tables: bool = True,
    links: bool = False,
    quotes: bool = False,
    provenance: bool = False,
    content_type: Optional[str] = None,
    time_budget: Optional[float] = None,
) -> str: ...

class WarcPages(Iterator[Record]):
    """The iterator ``iter_warc`` returns."""

    def __iter__(self) -> "WarcPages": ...
    def __next__(self) -> Record: ...

def iter_warc(
    path: Union[str, "PathLike[str]"],
    *,
    errors: Literal["raise", "warn", "skip"] = "raise",
    favor: Favor = "balanced",
    comments: bool = False,
    tables: bool = True,
    links: bool = False,
    quotes: bool = False,
    provenance: bool = False,
    time_budget: Optional[float] = None,
) -> WarcPages:
    """The pages of a WARC or WET file (plain or gzip), one record dict each, in file order.

    HTML responses (2xx) and resources are extracted as HTML, WET ``conversion`` records as
    text; other records (requests, metadata, images, redirects) are skipped, as
    ``pagepith extract`` skips them. Each dict adds ``warc_record_id``, ``warc_target_uri``
    and ``warc_date``; ``source`` is the path. The file is streamed: memory holds one record.

    errors: what a page that fails does (a damaged record, a page over a limit, a caught
        panic): ``"raise"`` raises from ``next()`` naming the record (``path@offset``), and the
        iterator goes on with the next record when called again; ``"warn"`` issues a
        ``RuntimeWarning`` and goes on; ``"skip"`` goes on silently.
    """

def _panic_in_guard(name: str) -> None: ...
