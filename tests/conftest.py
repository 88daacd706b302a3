"""Shared fixtures: one strict build of the real site per test session, a local
server for it, and Debian's chromium driven by Playwright."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from macros.content import load_content
from tools.browser import chromium, serve

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def content():
    return load_content(ROOT)


@pytest.fixture(scope="session")
def exercises(content):
    return content.exercises


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built as `make build` and plain `mkdocs build` build it (hooks included)."""
    out = tmp_path_factory.mktemp("build") / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=ROOT, capture_output=True, text=True, env=env,
    )
    assert result.returncode == 0, "mkdocs build --strict failed:\n" + result.stderr[-4000:]
    return out


@pytest.fixture(scope="session")
def base_url(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    # Never skipped: `make test` installs Debian's chromium first; chromium() stops if it is missing.
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def pytest_collection_modifyitems(items):
    """Every test that drives Chromium is a browser test (`make test-fast` skips them)."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
