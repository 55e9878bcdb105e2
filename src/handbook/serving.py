"""Serve a built site on loopback in a background thread: for the PDF printer, the bench and the tests."""

from __future__ import annotations

import functools
import http.server
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    """A loopback port free right now: for a build that must know the address it will be served from."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, without a log line per request."""

    def log_message(self, *args) -> None:
        pass


class OverlayHandler(QuietHandler):
    """Static files from `overlay` where it has them, else from the site: tests add pages without touching it."""

    overlay: Path | None = None

    def translate_path(self, path: str) -> str:
        served = super().translate_path(path)
        if self.overlay is not None:
            relative = Path(served).relative_to(Path(self.directory).resolve())
            candidate = self.overlay / relative
            # A folder counts only with its own page: the overlay's root (or any folder of it holding just
            # other files) must not hide the site's index.html behind an empty directory listing.
            if candidate.is_file() or (candidate / "index.html").is_file():
                return str(candidate)
        return served


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A browser that drops a connection (a page left, a request aborted) is not an error worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path, port: int = 0, handler: type = QuietHandler, overlay: Path | None = None) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 (a free port unless `port` is given); yields its base URL.

    With `overlay`, a file there is served instead of (or beside) the site's own at the same path.
    """
    if overlay is not None:
        handler = type("Overlay", (OverlayHandler, handler), {"overlay": overlay.resolve()})
    server = _Server(("127.0.0.1", port), functools.partial(handler, directory=str(Path(directory).resolve())))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
