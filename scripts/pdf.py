"""A PDF of a print edition, with WeasyPrint (it needs the Pango libraries: Debian's
libpango-1.0-0 and libpangoft2-1.0-0, which .ci/run installs)."""

from __future__ import annotations

from pathlib import Path


class PdfUnavailable(RuntimeError):
    """WeasyPrint or its system libraries are missing."""


def write_pdf(document: str, base_url: Path, stylesheets: list[Path], target: Path) -> Path:
    """Render an HTML document to `target`. `base_url`: the file its relative URLs resolve
    against. Written under a temporary name first, so a failure leaves no broken PDF."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: Pango not found by cffi
        raise PdfUnavailable(f"WeasyPrint cannot run here ({error}); install it with its "
                             "Pango libraries (see .ci/run)") from error
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    weasyprint.HTML(string=document, base_url=base_url.as_uri()).write_pdf(
        partial, stylesheets=[weasyprint.CSS(filename=str(css)) for css in stylesheets])
    partial.replace(target)
    return target
