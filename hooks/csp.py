"""A Content-Security-Policy <meta> in every page, built with the page.

The site makes no request to any other host; the policy makes the browser hold it to
that. Material's theme writes inline scripts whose text depends on the page (its
base URL), so each page gets the sha256 hashes of its own inline scripts instead of
'unsafe-inline'. A <meta> CSP ignores frame-ancestors, report-uri and sandbox, so
they are left out.

file:// (the offline copy): Chromium lets 'self' match file: URLs when the page is
itself a file: page (checked: scripts, styles and images of a built page opened from
a folder load with no violation, while an http:// script is still blocked), so the
same policy serves http(s) and file:// and needs no extra "file:" source.
"""
from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

from mkdocs.exceptions import PluginError

POLICY = (
    "default-src 'self'",
    "script-src 'self' {hashes}",  # only the site's files and this page's own inline scripts
    # No inline styles: the built pages have no style attribute or <style>, and
    # Material and site.js style elements through el.style (CSSOM), which CSP allows.
    "style-src 'self'",
    "img-src 'self' data:",  # Material's icons are data: SVGs in its CSS
    "connect-src 'self'",  # the search index
    "worker-src 'self'",  # the search worker; its importScripts (lunr languages) are not under this page's policy
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)

# Scripts CSP runs (and so must allow). application/json and other data blocks are
# never run, and scripts with src= are allowed by source, not by hash.
JAVASCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript"}


class _Scan(HTMLParser):
    """Finds the inline scripts and the place for the <meta> (after <meta charset>,
    which must stay in the first 1024 bytes, else just inside <head>)."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.insert_at: tuple[int, int, str] | None = None  # (line, column, start tag text)
        self.has_policy = False
        self._script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: (value or "") for name, value in attrs}
        if tag == "script":
            runs = "src" not in attrs and attrs.get("type", "").strip().lower() in JAVASCRIPT_TYPES
            self._script = [] if runs else None
        elif tag == "head" and self.insert_at is None:
            self.insert_at = (*self.getpos(), self.get_starttag_text())
        elif tag == "meta" and "charset" in attrs:
            self.insert_at = (*self.getpos(), self.get_starttag_text())
        elif tag == "meta" and attrs.get("http-equiv", "").lower() == "content-security-policy":
            self.has_policy = True

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None


def script_hash(text: str) -> str:
    # Browsers hash the script's text after the parser turned CR LF and CR into LF.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def add_policy(html: str, where: str) -> str:
    scan = _Scan()
    scan.feed(html)
    scan.close()
    if scan.has_policy:
        raise PluginError(f"{where}: the page already has a Content-Security-Policy <meta>; hooks/csp.py writes it")
    if scan.insert_at is None:
        return html  # not an HTML page with a <head>
    line, column, tag = scan.insert_at
    offset = sum(len(text) for text in html.split("\n")[: line - 1]) + (line - 1) + column + len(tag)
    hashes = "'unsafe-inline'" if _serving else " ".join(dict.fromkeys(script_hash(s) for s in scan.scripts))
    policy = "; ".join(POLICY).format(hashes=hashes).replace(" ;", ";")
    return html[:offset] + f'\n  <meta http-equiv="Content-Security-Policy" content="{policy}">' + html[offset:]


_serving = False


def on_startup(command, dirty, **kwargs):
    # `mkdocs serve` (make dev) adds a live-reload inline script whose text changes
    # with every request, so no hash can allow it: there, and only there, inline
    # scripts are allowed by 'unsafe-inline' instead. Built sites always carry hashes.
    global _serving
    _serving = command == "serve"


def on_post_page(output, page, config, **kwargs):
    return add_policy(output, page.file.src_uri)


def on_post_template(output_content, template_name, config, **kwargs):
    # The theme's own 404.html is a template, not a page.
    return add_policy(output_content, template_name) if template_name.endswith(".html") else output_content
