"""A folder served over HTTP on 127.0.0.1, in a thread of this process (no pytest: the
benchmarks use it too)."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Files of the folder, without a log line per request."""

    def log_message(self, *args):
        pass


@contextmanager
def serving(directory: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler,
            port: int = 0) -> Iterator[str]:
    """Serve `directory` (port 0: a free one); yields the root URL, `http://127.0.0.1:PORT/`."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port),
                                            functools.partial(handler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
