"""After the HTML: the sanitizer, footnote numbers, the per-language search indexes, unused CSS,
the print editions, the books (PDF, EPUB), the downloads, the offline archive and the cache that
reuses what did not change. Engine-neutral: folders and HTML in, files out."""
