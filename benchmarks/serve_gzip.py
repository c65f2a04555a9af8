"""A local static server for the benchmarks that compresses text as a real host does (GitHub
Pages serves HTML, CSS, JS, JSON, SVG and XML gzipped): `python -m http.server` does not, and
page weights and Lighthouse's performance would then measure a server nobody uses.

The server also keeps a log of every response it sent (`serving(site, log=[])`: path and bytes
written to the socket, status line and headers included), so that a benchmark counts what a
page really caused, the requests of its workers and iframes too, which the page's own DevTools
events do not show."""

from __future__ import annotations

import gzip
import http.server
import io
import socket
from contextlib import contextmanager
from pathlib import Path

from tests.support.serving import serving as serve  # the tests' server, with this handler

COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


class _Counting:
    """The socket's writer, counting the bytes written through it."""

    def __init__(self, raw):
        self.raw, self.count = raw, 0

    def write(self, data):
        self.count += len(data)
        return self.raw.write(data)

    def __getattr__(self, name):  # flush, close, closed: the socket writer's
        return getattr(self.raw, name)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    log: list | None = None  # (path, bytes sent) of every response, when given

    def log_message(self, *args):
        pass

    def setup(self):
        super().setup()
        self.wfile = _Counting(self.wfile)

    def handle_one_request(self):
        before = self.wfile.count
        super().handle_one_request()
        if self.log is not None and getattr(self, "path", None) and self.wfile.count > before:
            self.log.append((self.path, self.wfile.count - before))

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serving(directory: Path, port: int = 0, log: list | None = None):
    """Serve `directory` on 127.0.0.1; yields the root URL. `log`, when given, receives
    (path, bytes sent) for every response."""
    with serve(directory, type("Handler", (GzipHandler,), {"log": log}), port) as url:
        yield url


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
