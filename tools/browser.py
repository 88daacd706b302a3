"""A local server for a built site and Debian's chromium, shared by tests and tasks."""
from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import shutil
import threading
from pathlib import Path

from macros.languages import OTHER_LANGUAGES

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without these, chromium tries to reach Google's hosts at start (closed network here).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under base_path (e.g. /koulutus/) as a real server would: a
    missing page gets its language's 404 page with status 404, as the README's nginx
    recipe sets up; anything outside base_path is a plain 404."""

    base_path = "/"
    compress = False  # gzip text files for a client that accepts it, as real servers do
    COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        content_type = self.guess_type(path)
        if not (self.compress and "gzip" in self.headers.get("Accept-Encoding", "") and os.path.isfile(path)
                and content_type.startswith(self.COMPRESSED_TYPES)):
            return super().send_head()
        with open(path, "rb") as file:
            body = gzip.compress(file.read(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def translate_path(self, path):
        inside = path.split("?", 1)[0].split("#", 1)[0]
        if not inside.startswith(self.base_path):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.base_path):])

    def send_error(self, code, message=None, explain=None):
        site = Path(self.directory)
        if code != 404 or not self.path.startswith(self.base_path):
            return super().send_error(code, message, explain)
        inside = self.path[len(self.base_path):]
        language = next((lang for lang in OTHER_LANGUAGES if inside.startswith(f"{lang}/")), None)
        page = site / language / "404.html" if language else site / "404.html"
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def serve(site: Path, base_path: str = "/", port: int = 0, compress: bool = False):
    """Serve a built site on loopback (a free port by default) under base_path, with
    gzip if compress; yields the site's URL, ending in '/'."""
    settings = {"base_path": base_path, "compress": compress}
    handler = functools.partial(type("Handler", (SiteHandler,), settings), directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    finally:
        server.shutdown()


@contextlib.contextmanager
def chromium():
    """Debian's chromium driven by Playwright (never a downloaded browser)."""
    if not (shutil.which(CHROMIUM) or Path(CHROMIUM).exists()):
        raise SystemExit(f"{CHROMIUM} not found: run `make system-deps` (installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
