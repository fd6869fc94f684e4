"""pagepith: the article inside any web page (headline, authors, dates, body), in Rust.

    >>> import pagepith
    >>> page = b"<html><head><title>Hi | Site</title></head><body><article><h1>Hi</h1>" \\
    ...        b"<p>" + b"Some words of the article. " * 20 + b"</p></article></body></html>"
    >>> pagepith.extract(page)["title"]
    'Hi'

``extract`` reads HTML, ``extract_text`` reads pages already flattened to text (one block a
line), ``iter_warc`` streams the pages of a WARC or WET file. The dicts have the keys of the
``pagepith extract --format json`` records. Every call releases the GIL while it extracts.

``pagepith.compat.trafilatura`` offers trafilatura's ``extract`` and ``bare_extraction``, so an
existing pipeline switches by changing one import.
"""

from ._pagepith import (
    Error,
    InternalError,
    LimitExceeded,
    WarcError,
    WarcPages,
    __version__,
    extract,
    extract_text,
    iter_warc,
)

__all__ = [
    "Error",
    "InternalError",
    "LimitExceeded",
    "WarcError",
    "WarcPages",
    "__version__",
    "extract",
    "extract_text",
    "iter_warc",
]
