"""The link helpers the templates use: relative links that work from any page."""
from __future__ import annotations

import pytest

from macros.render import relative_source, relative_url


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
