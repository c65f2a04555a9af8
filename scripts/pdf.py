"""A PDF of a print edition, with WeasyPrint (it needs the Pango libraries: Debian's
libpango-1.0-0 and libpangoft2-1.0-0, which .ci/run installs).

WeasyPrint fetches what a document refers to (images, stylesheets, fonts) through a URL
fetcher; ours serves the files of the built site and nothing else, so no address written in
the content can make the build machine send a request."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit


class PdfUnavailable(RuntimeError):
    """WeasyPrint or its system libraries are missing."""


class NotFetched(ValueError):
    """A resource outside the site: WeasyPrint leaves it out (with a warning) and goes on."""


def site_file(url: str, root: Path) -> Path | None:
    """The file of the site a `file:` URL names, or None when it is anything else (another
    scheme, a host, a path outside `root`, a file that does not exist)."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = Path(unquote(parts.path)).resolve()
    base = root.resolve()
    return path if path.is_relative_to(base) and path.is_file() else None


def site_fetcher(root: Path):
    """A WeasyPrint URL fetcher that reads files under `root` and refuses every other URL
    (http, https, ftp, and files elsewhere on the machine); `data:` URLs, which hold their
    content, are read."""
    from weasyprint.urls import URLFetcher

    class SiteFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.lower().startswith("data:") or site_file(url, root) is not None:
                return super().fetch(url, headers)
            raise NotFetched(f"not fetched: {url} (the PDF uses only the site's own files)")

    return SiteFetcher(allowed_protocols=("file", "data"), allow_redirects=False)


def write_pdf(document: str, base_url: Path, stylesheets: list[Path], target: Path,
              root: Path | None = None) -> Path:
    """Render an HTML document to `target`. `base_url`: the file its relative URLs resolve
    against; `root`: the only folder it may read from (the site; by default, the folder of
    `base_url`). Written under a temporary name first, so a failure leaves no broken PDF."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: Pango not found by cffi
        raise PdfUnavailable(f"WeasyPrint cannot run here ({error}); install it with its "
                             "Pango libraries (see .ci/run)") from error
    fetcher = site_fetcher(root or base_url.parent)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    weasyprint.HTML(string=document, base_url=base_url.as_uri(), url_fetcher=fetcher).write_pdf(
        partial, stylesheets=[weasyprint.CSS(filename=str(css), url_fetcher=fetcher) for css in stylesheets])
    partial.replace(target)
    return target
