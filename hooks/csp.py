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
import re

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

# Read with regular expressions, not html.parser: parsing every tag of every page took
# a sixth of the build's time, and only three things are needed. They are exact for
# this HTML: a script's text ends at the first "</script" (the HTML parser's own rule
# for script data), and comments, which may hold anything, are taken out first.
# tests/test_csp.py reads every built page again with html.parser and compares.
COMMENT = re.compile(r"<!--.*?-->", re.S)
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.I | re.S)
ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
# The <meta> goes after <meta charset>, which must stay in the first 1024 bytes,
# else just inside <head>.
CHARSET_META = re.compile(r"<meta\s[^>]*\bcharset\s*=[^>]*>", re.I)
HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)
EXISTING_POLICY = re.compile(r"<meta\s[^>]*http-equiv\s*=\s*[\"']?content-security-policy", re.I)


def attributes(text: str) -> dict[str, str]:
    return {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or "" for m in ATTRIBUTE.finditer(text)}


def inline_scripts(html: str) -> list[str]:
    scripts = []
    for attrs_text, text in SCRIPT.findall(html):
        attrs = attributes(attrs_text)
        if "src" not in attrs and attrs.get("type", "").strip().lower() in JAVASCRIPT_TYPES:
            scripts.append(text)
    return scripts


def script_hash(text: str) -> str:
    # Browsers hash the script's text after the parser turned CR LF and CR into LF.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def add_policy(html: str, where: str) -> str:
    markup = COMMENT.sub("", html)
    if EXISTING_POLICY.search(markup):
        raise PluginError(f"{where}: the page already has a Content-Security-Policy <meta>; hooks/csp.py writes it")
    place = CHARSET_META.search(html) or HEAD.search(html)
    if place is None:
        return html  # not an HTML page with a <head>
    hashes = "'unsafe-inline'" if _serving else " ".join(dict.fromkeys(script_hash(s) for s in inline_scripts(markup)))
    policy = "; ".join(POLICY).format(hashes=hashes).replace(" ;", ";")
    return html[:place.end()] + f'\n  <meta http-equiv="Content-Security-Policy" content="{policy}">' + html[place.end():]


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
