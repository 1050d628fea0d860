"""One lock for the lxml work that runs in worker threads (article extraction, HTML sources).

lxml's compiled XPath objects (trafilatura's module-level ones, the site rules' CSS selectors)
must not run in two threads at once, and a clean-clone CI run showed the corruption when they do
(a UnicodeDecodeError from inside an XPath call while sync and prefetch extracted in parallel).
The work is CPU-bound under the GIL anyway, so running it one page at a time costs little.
"""

from __future__ import annotations

import threading

# Re-entrant: extract_article holds it around parse_html and extract_parsed, which take it too.
HTML_LOCK = threading.RLock()
