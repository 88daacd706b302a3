"""Migration insurance: the site built with ProperDocs 1.6.x (the maintained drop-in
fork of MkDocs 1.x) is the site built with MkDocs. `make properdocs` runs this.

Builds the site twice, with MkDocs from .venv and with ProperDocs from
.venv-properdocs (same pinned plugins, no mkdocs package: ProperDocs answers the
plugins' `mkdocs.*` imports itself), then compares the two folders: the same files,
each file the same bytes, or for a page the same text and links, for JSON the same
data. Prints what differs and exits 1 if anything does.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"
MKDOCS = [sys.executable, "-m", "mkdocs"]


class _Text(HTMLParser):
    """A page as a reader and a crawler see it: its text and its links."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src"):
                self.parts.append(f"<{name}={value}>")

    def handle_data(self, data):
        if data.strip():
            self.parts.append(" ".join(data.split()))


def page_text(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.parts


def build(command: list[str], out: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_URL", None)
    result = subprocess.run([*command, "build", "--strict", "--quiet", "-d", str(out)], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{command[0]} build failed:\n{result.stderr[-3000:]}")


def differences(ours: Path, theirs: Path) -> list[str]:
    """What differs between two built sites, one line each."""
    files = {p.relative_to(ours).as_posix() for p in ours.rglob("*") if p.is_file()}
    other = {p.relative_to(theirs).as_posix() for p in theirs.rglob("*") if p.is_file()}
    found = [f"only in the MkDocs build: {name}" for name in sorted(files - other)]
    found += [f"only in the ProperDocs build: {name}" for name in sorted(other - files)]
    for name in sorted(files & other):
        a, b = (ours / name).read_bytes(), (theirs / name).read_bytes()
        if a == b:
            continue
        if name.endswith(".html"):
            if page_text(a.decode("utf-8")) != page_text(b.decode("utf-8")):
                found.append(f"{name}: the text or the links differ")
        elif name.endswith(".json"):
            if json.loads(a) != json.loads(b):
                found.append(f"{name}: different data")
        elif not name.endswith(".gz"):  # sitemap.xml.gz: its header holds a time stamp
            found.append(f"{name}: different bytes")
    return found


def main() -> int:
    if not PROPERDOCS.exists():
        print(f"{PROPERDOCS.relative_to(ROOT)} is missing: run `make properdocs`", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="properdocs-") as tmp:
        ours, theirs = Path(tmp) / "mkdocs", Path(tmp) / "properdocs"
        build(MKDOCS, ours)
        build([str(PROPERDOCS)], theirs)
        pages = len(list(ours.rglob("*.html")))
        found = differences(ours, theirs)
    version = subprocess.run([str(PROPERDOCS), "--version"], capture_output=True, text=True).stdout.strip()
    if found:
        print(f"{version}: {len(found)} differences from the MkDocs build:\n" + "\n".join(found[:50]))
        return 1
    print(f"{version}: the same site as MkDocs ({pages} pages, every file compared)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
