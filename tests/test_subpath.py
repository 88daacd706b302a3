"""The site deployed under a sub-path, as on an intranet (/koulutus/): built with the
one documented setting, SITE_URL, and served there, every link of both languages
works, 404 pages are styled in their language, search and the sitemap are right."""
from __future__ import annotations

import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from macros.languages import LANGUAGES, PREFIX
from tools.browser import serve

from .sitehtml import _Parser
from .test_search import search

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "https://intranet.example/koulutus/"
BASE_PATH = urlsplit(SITE_URL).path


def build(out: Path, site_url: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=ROOT, capture_output=True, text=True, env=env,
    )


@pytest.fixture(scope="module")
def subpath_url(tmp_path_factory):
    out = tmp_path_factory.mktemp("subpath") / "site"
    result = build(out, SITE_URL)
    assert result.returncode == 0, "build with SITE_URL failed:\n" + result.stderr[-3000:]
    with serve(out, BASE_PATH) as url:
        yield url


def fetch(url: str) -> tuple[int, str, str]:
    """(status, content type, body) — a 404 page is a body too."""
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.headers.get_content_type(), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read().decode("utf-8", "replace")


def links_and_loads(html: str) -> list[str]:
    parser = _Parser()
    parser.feed(html)
    return parser.facts.links + parser.facts.loads


def test_every_link_of_both_languages_works_under_the_sub_path(subpath_url):
    host = urlsplit(subpath_url).netloc
    start = [subpath_url + PREFIX[lang] for lang in LANGUAGES]
    seen, queue, broken, html_pages = set(start), list(start), [], 0
    while queue:
        url = queue.pop()
        status, kind, body = fetch(url)
        if status != 200:
            broken.append(f"{url}: HTTP {status}")
            continue
        if kind != "text/html":
            continue
        html_pages += 1
        for href in links_and_loads(body):
            target = urljoin(url, href).split("#", 1)[0]
            parts = urlsplit(target)
            if parts.scheme not in ("http", "https") or parts.netloc != host:
                continue
            if not parts.path.startswith(BASE_PATH):
                broken.append(f"{url}: '{href}' leaves {BASE_PATH}")
            elif target not in seen:
                seen.add(target)
                queue.append(target)
    # Proof that the crawl went through the whole site: every page of both languages.
    assert html_pages >= 200, f"only {html_pages} pages reached"
    assert not broken, "\n".join(broken[:30])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_missing_page_shows_the_styled_404_of_its_language(subpath_url, lang):
    missing = subpath_url + PREFIX[lang] + "no/such/page/"
    status, _, body = fetch(missing)
    assert status == 404 and f'lang="{lang}"' in body
    # The page is shown at any depth: its links and styles must not depend on it.
    targets = [urljoin(missing, href) for href in links_and_loads(body) if not href.startswith("#")]
    assert any(url.endswith(".css") for url in targets), "the 404 page loads no stylesheet"
    for url in targets:
        if urlsplit(url).netloc == urlsplit(subpath_url).netloc:
            assert fetch(url)[0] == 200, f"404 page of {lang}: {url} does not load"


def test_sitemap_lists_full_addresses_under_the_sub_path(subpath_url):
    status, _, body = fetch(subpath_url + "sitemap.xml")
    assert status == 200
    locations = [part.split("</loc>")[0] for part in body.split("<loc>")[1:]]
    assert len(locations) >= 100
    assert all(loc.startswith(SITE_URL) for loc in locations), [l for l in locations if not l.startswith(SITE_URL)][:5]


@pytest.mark.browser
@pytest.mark.parametrize("lang,query", [("fi", "kuuntelun"), ("sv", "samtalet")])
def test_search_works_under_the_sub_path_in_each_language(page, subpath_url, lang, query):
    results = search(page, subpath_url, lang, query)
    assert results, f"'{query}' found nothing under {BASE_PATH}"
    assert all(urlsplit(urljoin(page.url, r["href"])).path.startswith(BASE_PATH + PREFIX[lang]) for r in results)


WRONG_SITE_URLS = [
    # MkDocs' own check catches an address without http(s)://.
    ("intranet.example/koulutus/", "Config value 'site_url': The URL isn't valid, it should include the http:// (scheme)"),
    ("/koulutus/", "Config value 'site_url': The URL isn't valid, it should include the http:// (scheme)"),
    # hooks/finish_site.py catches the rest.
    ("https://intranet.example/koulutus/?x=1", "SITE_URL: 'https://intranet.example/koulutus/?x=1' is not a web address of a folder"),
]


@pytest.mark.parametrize("bad,message", WRONG_SITE_URLS)
def test_a_wrong_site_url_stops_the_build_with_a_clear_message(tmp_path, bad, message):
    result = build(tmp_path / "site", bad)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
