"""The site's languages, read from the one place they are written: the i18n block
of mkdocs.yml. Python code, templates (through the hooks) and tests import these
names instead of writing the language list again."""
from __future__ import annotations

from pathlib import Path

import yaml

MKDOCS_YML = Path(__file__).resolve().parent.parent / "mkdocs.yml"


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml has tags such as !ENV and !!python/...: read them as plain values."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_mkdocs_yml(path: Path = MKDOCS_YML) -> dict:
    """mkdocs.yml as plain data (tagged values such as !ENV read as None)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_AnyTagLoader)


def _i18n_languages(path: Path = MKDOCS_YML) -> list[dict]:
    config = read_mkdocs_yml(path)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]["languages"]
    raise SystemExit(f"{path.name}: plugins: no i18n block with languages")


_CONFIGURED = _i18n_languages()
# Every language the site is built in, the default (site root) first.
LANGUAGES: tuple[str, ...] = tuple(
    sorted((lang["locale"] for lang in _CONFIGURED), key=lambda locale: not any(
        lang["locale"] == locale and lang.get("default") for lang in _CONFIGURED))
)
DEFAULT_LANGUAGE: str = LANGUAGES[0]
# Languages whose pages live under /<locale>/.
OTHER_LANGUAGES: tuple[str, ...] = LANGUAGES[1:]
# Where each language's pages start, relative to the site root: "" or "sv/".
PREFIX: dict[str, str] = {lang: "" if lang == DEFAULT_LANGUAGE else f"{lang}/" for lang in LANGUAGES}
