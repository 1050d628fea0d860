"""Pictures of articles: which are worth fetching, fetching them safely, decoding and shrinking
them, and keeping them in the store for reading offline."""
