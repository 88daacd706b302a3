"""Finish the bilingual site inside MkDocs, so that `mkdocs build`, `mkdocs serve`
and `mkdocs gh-deploy` all give the site that readers get (Makefile tasks included).

Registered under `hooks:` in mkdocs.yml. The i18n plugin builds the default
language first and then, from its own on_post_build (priority -100), every other
language into the same site folder. So:
- on_config checks the deployment setting (SITE_URL) before anything is built;
- on_env gives templates what they need (main.html's config block, alternate.html,
  the label tables);
- on_post_template puts each language's "not found" page (MkDocs' own error
  template, overrides/404.html) where servers look for it: 404.html for the default
  language, <lang>/404.html for the others;
- on_post_build, at a lower priority than i18n's, runs once after the last language
  and does the only work that needs the finished site folder: splitting the combined
  search index per language (see tools/postbuild.py for why it cannot happen earlier).
"""
from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # mkdocs may be started from another folder (-f)
    sys.path.insert(0, str(ROOT))

from macros.labels import labels, permalink_title  # noqa: E402
from macros.languages import DEFAULT_LANGUAGE, LANGUAGES, PREFIX  # noqa: E402
from tools.postbuild import finish  # noqa: E402
from tools.offline import finish_offline, offline_enabled, use_local_shim  # noqa: E402

log = get_plugin_logger("finish_site")
MATERIAL_WORKERS = Path(__import__("material").__file__).parent / "templates" / "assets" / "javascripts" / "workers"


def check_site_url(site_url: str | None) -> None:
    """SITE_URL is the one deployment setting: empty for a site at a server's root,
    or the full address of the folder the site is served from."""
    if not site_url:
        return
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise PluginError(
            f"SITE_URL: '{site_url}' is not a web address of a folder. Give the full address the "
            "site is served from, e.g. SITE_URL=https://intranet.example/koulutus/, or leave it "
            "unset for a site at the root of its server."
        )


def on_config(config):
    check_site_url(config.site_url)
    use_local_shim(config)  # offline copy only (OFFLINE=true): the iframe-worker shim from the site itself
    return config


def on_pre_build(config):
    # Each language's build renders its headings' anchor links with a title in that
    # language; Python-Markdown's toc would say "Permanent link" on every page.
    # (MkDocs makes a Markdown instance per page from mdx_configs.)
    language = current_language(config)
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = permalink_title(language)


def on_env(env, config, files):
    # Material's worker has a content hash in its name; the stemming worker loads it.
    workers = sorted(p.name for p in MATERIAL_WORKERS.glob("search.*.min.js"))
    if len(workers) != 1:
        raise PluginError(f"expected one Material search worker in {MATERIAL_WORKERS}, found {workers}")
    env.globals["kv_material_search_worker"] = workers[0]
    env.globals["kv_languages"] = LANGUAGES
    env.globals["kv_default_language"] = DEFAULT_LANGUAGE
    env.globals["kv_prefix"] = PREFIX
    # Feature scripts (main.html): their texts per language, and how to load them.
    env.globals["kv_js_labels"] = {lang: labels(lang).get("js", {}) for lang in LANGUAGES}
    env.globals["kv_offline"] = offline_enabled(config)  # classic bundled scripts (tools/bundle.py)
    language = current_language(config)
    env.globals["kv_language"] = language
    env.globals["kv_t"] = labels(language)  # UI words for templates without a page (404)
    return env


def current_language(config) -> str:
    i18n = config.plugins.get("i18n")
    return i18n.current_language if i18n else DEFAULT_LANGUAGE


@event_priority(-50)  # after hooks/csp.py has added the page's policy
def on_post_template(output, template_name, config):
    """MkDocs writes the theme's 404.html into the site root in every language's build.
    The default language's stays there; each other language's goes to <lang>/404.html
    (an empty output tells MkDocs to write nothing), where a server's 404 for /<lang>/
    points (README)."""
    language = current_language(config)
    if template_name != "404.html" or language == DEFAULT_LANGUAGE:
        return output
    target = Path(config.site_dir) / PREFIX[language] / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""


@event_priority(-200)  # after the i18n plugin's on_post_build (-100), which builds the other languages
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.building:  # inside one language's nested build: not finished yet
        return
    log.info(finish(Path(config.site_dir)))
    if offline_enabled(config):  # make offline: search_index.js per language, the shim file
        log.info(finish_offline(Path(config.site_dir)))
