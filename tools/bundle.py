"""The offline copy's scripts: each feature's ES module as one classic script.

The site's browser code is small ES modules (overrides/assets/js/<feature>.js, which
import from lib/). A page opened from a folder (file://) cannot load modules:
Chromium treats file: as an opaque origin and blocks module scripts by CORS. So the
offline build bundles each feature module, with what it imports, into one classic
script at the same path (esbuild, pinned in package.json), and overrides/main.html
loads it with `defer` instead of `type="module"` (kv_offline). The served site keeps
the modules as they are, so a normal build needs no Node.js.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
MODULE_SYNTAX = re.compile(r"^\s*(import|export)\b", re.M)


def feature_modules(site: Path) -> list[Path]:
    """The entry modules: assets/js/*.js written as ES modules (lib/ is imported by them)."""
    return sorted(p for p in (site / "assets" / "js").glob("*.js") if MODULE_SYNTAX.search(p.read_text(encoding="utf-8")))


def bundle_modules(site: Path) -> list[str]:
    """Bundles each feature module in place; returns the names bundled."""
    modules = feature_modules(site)
    if modules and not ESBUILD.exists():
        raise SystemExit(f"{ESBUILD} is missing: run `npm ci` (make offline does) to bundle {len(modules)} scripts")
    for module in modules:
        result = subprocess.run(
            [str(ESBUILD), str(module), "--bundle", "--format=iife", "--target=es2020",
             f"--outfile={module}", "--allow-overwrite", "--log-level=error"],
            capture_output=True, text=True,
        )
        if result.returncode:
            raise SystemExit(f"bundling {module.relative_to(site)} failed:\n{result.stderr}")
    return [m.name for m in modules]
