"""Drop-in replacements for other extractors' APIs: ``pagepith.compat.trafilatura``."""
