"""The offline copy: one zip with both languages that works opened from a folder
(file://), for a trainer's laptop without network. `make offline` runs main().

How it differs from the normal build (everything else is the same build):
- OFFLINE=true turns on Material's offline plugin (mkdocs.yml): links end in .html
  and, on file://, Material loads search/search_index.js by a <script> tag and runs
  its search worker in an iframe (the iframe-worker shim), since file:// pages may
  neither fetch nor start workers;
- hooks/finish_site.py then calls:
  - use_local_shim (on_config): the plugin would load the shim from unpkg.com; the
    site lists its own copy in extra.polyfills instead, so nothing leaves the machine;
  - finish_offline (after the last language): one search_index.js per language (the
    plugin writes one, holding the language built last) and the shim file itself,
    copied from node_modules (iframe-worker, pinned in package.json, MIT).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.bundle import bundle_modules  # noqa: E402
from tools.postbuild import write_offline_search_scripts  # noqa: E402

ZIP = ROOT / "dist" / "kohti-valmentavaa-offline.zip"
FOLDER = "kohti-valmentavaa"  # the folder the zip unpacks to
SHIM_SOURCE = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM = "assets/javascripts/iframe-worker-shim.js"  # the name must contain "iframe-worker" (see the plugin)
# Left out of the zip: only a server uses them.
SERVER_ONLY = {"sitemap.xml", "sitemap.xml.gz", "search_index.json"}


def offline_enabled(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def use_local_shim(config) -> None:
    """In an offline build, list the local shim in extra.polyfills in place of the
    plugin's https://unpkg.com/iframe-worker/shim (its on_config adds that unless a
    polyfill named iframe-worker is listed; this runs after it or before it alike)."""
    if not offline_enabled(config):
        return
    polyfills = [p for p in config.extra.get("polyfills", []) if not ("iframe-worker" in str(p) and urlsplit(str(p)).scheme)]
    if SHIM not in polyfills:
        polyfills.append(SHIM)
    config.extra["polyfills"] = polyfills


def _function_source(code: str, name: str) -> str:
    """The text of `function <name>(…){…}` in code, as Function.prototype.toString gives it."""
    start = code.index(f"function {name}(")
    depth, i = 0, code.index("{", start)
    while True:
        depth += {"{": 1, "}": -1}.get(code[i], 0)
        if depth == 0:
            return code[start:i + 1]
        i += 1


def shim_inline_script(shim: str, worker_url: str) -> str:
    """The inline script the shim writes into its iframe for a worker at worker_url
    (the template `<script>postMessage=${c};importScripts=${d};…<\\/script>`)."""
    template = re.search(r"<script>(.*?)<\\/script>", shim).group(1)
    return (template.replace("${c}", _function_source(shim, "c"))
            .replace("${d}", _function_source(shim, "d"))
            .replace("${e}", worker_url))


CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
POLICY = re.compile(r'(<meta http-equiv="Content-Security-Policy" content="[^"]*?script-src \'self\')')


def allow_shim_script(site: Path, shim: str) -> int:
    """The shim's iframe is about:blank, so it runs under its page's CSP (hooks/csp.py:
    hashes, no 'unsafe-inline'), which blocks the inline script the shim writes into
    it and so the search worker. Add that script's hash to each page's policy; the
    script names the page's worker URL (config.search), so the hash is per page."""
    from hooks.csp import script_hash

    pages = 0
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        config = CONFIG.search(text)
        if not config or not POLICY.search(text):
            continue
        worker = json.loads(config.group(1))["search"]  # as Material passes it to new Worker()
        digest = script_hash(shim_inline_script(shim, worker))
        page.write_text(POLICY.sub(lambda m: f"{m.group(1)} {digest}", text, count=1), encoding="utf-8")
        pages += 1
    return pages


def finish_offline(site: Path) -> str:
    """After split_search_index: the per-language search scripts, the shim file and the
    policy that lets the shim run. (Links need no rewriting: MkDocs writes .html links
    with use_directory_urls off, and so does the macros' url(), macros/render.py.)"""
    if not SHIM_SOURCE.exists():
        raise SystemExit(f"{SHIM_SOURCE.relative_to(ROOT)} is missing: run `make node-deps` (npm ci) first")
    scripts = write_offline_search_scripts(site)
    (site / SHIM).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SHIM_SOURCE, site / SHIM)
    pages = allow_shim_script(site, SHIM_SOURCE.read_text(encoding="utf-8"))
    bundled = bundle_modules(site)  # tools/bundle.py: modules cannot load from a folder
    return (f"offline: {', '.join(scripts)}, {SHIM}, shim allowed by the CSP of {pages} pages, "
            f"{len(bundled)} modules bundled")


def build_site(out: Path) -> Path:
    """`mkdocs build --strict` with the offline plugin on, into out."""
    env = dict(os.environ, OFFLINE="true", NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_URL", None)  # the copy opens from a folder: no server address
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise SystemExit("offline build failed:\n" + (result.stderr or result.stdout)[-4000:])
    return out


def write_zip(site: Path, target: Path) -> Path:
    """Zip the built folder under FOLDER/, in a stable order."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(site.rglob("*")):
            if path.is_file() and path.name not in SERVER_ONLY and path.suffix != ".map":  # .map: for developer tools only
                archive.write(path, f"{FOLDER}/{path.relative_to(site).as_posix()}")
    partial.replace(target)
    return target


def build_zip(target: Path = ZIP) -> Path:
    """The whole `make offline`: build into a temporary folder, then zip it."""
    with tempfile.TemporaryDirectory(prefix="offline-") as tmp:
        site = build_site(Path(tmp) / "site")
        return write_zip(site, target)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("zip", nargs="?", type=Path, default=ZIP, help=f"where to write the zip (default {ZIP.relative_to(ROOT)})")
    target = build_zip(parser.parse_args(argv).zip.resolve())
    print(f"{target} ({target.stat().st_size / 1024 / 1024:.1f} MiB): unzip it, open {FOLDER}/index.html")


if __name__ == "__main__":
    main()
