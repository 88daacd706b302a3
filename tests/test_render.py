"""The link helpers the templates use: relative links that work from any page."""
from __future__ import annotations

import pytest

from macros.render import page_url_for, relative_source, relative_url


@pytest.mark.parametrize(
    "target,page,expected",
    [
        ("exercises/x/", "exercises/", "x/"),
        ("exercises/x/", "cards/", "../exercises/x/"),
        ("guides/y/", "exercises/x/", "../../guides/y/"),
        ("themes/", "", "themes/"),
        ("exercises/", "exercises/", "./"),
    ],
)
def test_relative_url(target, page, expected):
    assert relative_url(target, page) == expected


@pytest.mark.parametrize(
    "target,page,expected",
    [
        ("guides/feedback.md", "exercises/sbi-workshop.md", "../guides/feedback.md"),
        ("exercises/x.md", "exercises/index.md", "x.md"),
        ("cards/index.md", "themes/index.md", "../cards/index.md"),
        ("guides/a.md", "index.md", "guides/a.md"),
    ],
)
def test_relative_source(target, page, expected):
    assert relative_source(target, page) == expected


@pytest.mark.parametrize(
    "src,directory_urls,page,expected",
    [
        ("exercises/x.md", True, "exercises/", "x/"),
        ("exercises/x.md", False, "exercises/index.html", "x.html"),
        ("themes/index.md", True, "exercises/", "../themes/"),
        ("themes/index.md", False, "exercises/index.html", "../themes/index.html"),
        ("cards/index.md", False, "cards/index.html", "index.html"),
        ("index.md", False, "guides/feedback.html", "../index.html"),
    ],
)
def test_url_follows_use_directory_urls(src, directory_urls, page, expected):
    """The macros' url(): as MkDocs links pages, folders on a server, files offline."""
    assert relative_url(page_url_for(src, directory_urls), page) == expected
