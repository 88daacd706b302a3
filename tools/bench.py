"""Benchmark: build time, build time per page, scaling with the number of exercises,
page weight and Lighthouse scores, each beside a stock Material site of the same size.

    make bench        (prints a table; copy the latest figures into the README)

The stock site is made in the same run from this site's built pages: the same
pages at the same paths, with their text as plain Markdown, built by stock
mkdocs-material (no i18n, no macros, no overrides). Figures vary from machine to
machine: compare ratios, not seconds.
"""
from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

from macros.__main__ import PAGE_STUB

from .browser import CHROMIUM, CHROMIUM_ARGS, serve
from .postbuild import finish
from macros.languages import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["docs", "exercises", "macros", "overrides", "tools", "hooks", "data", "mkdocs.yml"]
WEIGHED_PAGES = {"guide": "guides/coaching-leadership/", "exercise": "exercises/listening-pairs/", "catalog": "exercises/", "planner": "planner/"}
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
SCALE = 10  # every exercise ten times: 42 real ones -> 420


def run_build(project: Path, site: Path, postbuild: bool = True) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(site)], cwd=project, env=env, check=True, capture_output=True)
    if postbuild:
        finish(site)
    return time.perf_counter() - start


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        elif source.exists():
            shutil.copy2(source, target / part)
    return target


def multiply_exercises(project: Path, factor: int) -> int:
    """Add factor-1 copies of every exercise (new ids, same text) with their pages."""
    files = [f for f in (project / "exercises").glob("*.yml") if not f.name.startswith("_")]
    for file in files:
        text = file.read_text(encoding="utf-8")
        for n in range(2, factor + 1):
            new_id = f"{file.stem}-copy-{n}"
            (file.parent / f"{new_id}.yml").write_text(re.sub(r"(?m)^id: .*$", f"id: {new_id}", text), encoding="utf-8")
            for lang in LANGUAGES:
                (project / "docs" / lang / "exercises" / f"{new_id}.md").write_text(PAGE_STUB, encoding="utf-8")
    return len(files) * factor


class _MainText(HTMLParser):
    """The title and the article text of a built page."""

    def __init__(self):
        super().__init__()
        self.depth, self.title, self.parts, self._in_h1 = 0, "", [], False

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if self.depth or "md-content__inner" in classes:
            self.depth += 1
        if self.depth and tag == "h1":
            self._in_h1 = True
        if self.depth and tag in ("p", "li", "h2", "h3", "tr", "dt"):
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.title += data
        elif self.depth:
            self.parts.append(data)


def stock_project(site: Path, target: Path) -> int:
    """A stock Material project with one page per built page, holding its text."""
    docs = target / "docs"
    count = 0
    for html in site.rglob("index.html"):
        rel = html.parent.relative_to(site)
        parser = _MainText()
        parser.feed(html.read_text(encoding="utf-8"))
        md = docs / (rel / "index.md" if rel.parts else Path("index.md"))
        md.parent.mkdir(parents=True, exist_ok=True)
        body = re.sub(r"[ \t]+", " ", "".join(parser.parts)).strip()
        md.write_text(f"# {parser.title.strip('¶ ') or 'Page'}\n\n{body}\n", encoding="utf-8")
        count += 1
    (target / "mkdocs.yml").write_text("site_name: Stock\ntheme:\n  name: material\n  font: false\n", encoding="utf-8")
    return count


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.files = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "") and a.get("href"):
            self.files.append(a["href"])
        if tag == "script" and a.get("src"):
            self.files.append(a["src"])


IMPORT = re.compile(r'^\s*import\b[^"\']*["\'](\.{1,2}/[^"\']+)["\']', re.M)


def with_imports(files: list[Path]) -> list[Path]:
    """The files and the ES modules they import (the feature scripts' lib/ modules)."""
    found, todo = [], list(files)
    while todo:
        file = todo.pop(0)
        if file in found:
            continue
        found.append(file)
        if file.suffix == ".js" and file.exists():
            todo += [(file.parent / name).resolve() for name in IMPORT.findall(file.read_text(encoding="utf-8"))]
    return found


def page_weight(site: Path, path: str) -> tuple[int, int]:
    """HTML + CSS + JS the page loads (with the modules its scripts import, and the
    planner's data script): raw bytes and gzip bytes."""
    html_file = site / path / "index.html"
    if not html_file.exists():
        return 0, 0
    parser = _Assets()
    parser.feed(html_file.read_text(encoding="utf-8"))
    files = with_imports([html_file] + [(html_file.parent / href.split("?")[0]).resolve() for href in parser.files])
    data = [f.read_bytes() for f in files if f.exists()]
    return sum(len(d) for d in data), sum(len(gzip.compress(d)) for d in data)


# Adds one exercise from the planner's list to a plan that holds 12 blocks already, 15
# times. The click runs the whole change (the plan, the times, the materials, the
# redraw); "with layout" also forces the layout that follows, as the screen would.
PLANNER_ADD = """async () => {
  const buttons = () => document.querySelectorAll("[data-kv-results] [data-add]");
  for (let i = 0; i < 12; i += 1) buttons()[i % buttons().length].click();
  const handler = [], total = [];
  for (let i = 0; i < 15; i += 1) {
    const button = buttons()[i % buttons().length];
    const start = performance.now();
    button.click();
    handler.push(performance.now() - start);
    document.body.offsetHeight;
    total.push(performance.now() - start);
    await new Promise(requestAnimationFrame);
  }
  return {handler, total, blocks: document.querySelectorAll(".kv-plan__block").length,
          exercises: window.kvPlannerExercises.exercises.length};
}"""


def planner_speed(site: Path) -> dict:
    """Adding a block and recomputing the times on the planner page, in Chromium:
    medians of 15 adds (ms), and how many exercises the page had."""
    from .browser import chromium

    def median(times):
        return sorted(times)[len(times) // 2]

    with serve(site) as url, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url + "planner/")
        page.wait_for_selector("[data-kv-results] [data-add]")
        result = page.evaluate(PLANNER_ADD)
        page.close()
    return {"handler": median(result["handler"]), "total": median(result["total"]), "slowest": max(result["total"]),
            "exercises": result["exercises"], "blocks": result["blocks"]}


def lighthouse(url: str) -> dict[str, int] | None:
    if not LIGHTHOUSE.exists():
        return None
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout", f"--chrome-flags={flags}",
         "--only-categories=performance,accessibility,best-practices,seo"],
        capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=CHROMIUM), timeout=300,
    )
    if result.returncode:
        return None
    report = json.loads(result.stdout)
    return {name: round(cat["score"] * 100) for name, cat in report["categories"].items() if cat["score"] is not None}


def ratio(ours: float, stock: float) -> str:
    return f"{ours / stock:.2f}" if stock else "–"


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        real = copy_project(tmp / "real")
        real_site = tmp / "real-site"
        real_time = run_build(real, real_site)
        pages = len(list(real_site.rglob("index.html")))
        stock_pages = stock_project(real_site, tmp / "stock")
        stock_time = run_build(tmp / "stock", tmp / "stock-site", postbuild=False)

        scaled = copy_project(tmp / "scaled")
        scaled_count = multiply_exercises(scaled, SCALE)
        scaled_site = tmp / "scaled-site"
        scaled_time = run_build(scaled, scaled_site)
        scaled_pages = len(list(scaled_site.rglob("index.html")))
        stock_project(scaled_site, tmp / "stock-scaled")
        stock_scaled_time = run_build(tmp / "stock-scaled", tmp / "stock-scaled-site", postbuild=False)

        exercises = scaled_count // SCALE
        rows.append((f"full build with {exercises} exercises (s)", f"{real_time:.1f}", f"{stock_time:.1f}", ratio(real_time, stock_time)))
        rows.append((f"build per page (ms), {pages} pages", f"{1000 * real_time / pages:.0f}", f"{1000 * stock_time / stock_pages:.0f}", ratio(real_time / pages, stock_time / stock_pages)))
        rows.append((f"build with {scaled_count} exercises (s), {scaled_pages} pages", f"{scaled_time:.1f}", f"{stock_scaled_time:.1f}", ratio(scaled_time, stock_scaled_time)))
        rows.append((f"growth {exercises} -> {scaled_count} exercises (x)", f"{scaled_time / real_time:.2f}", f"{stock_scaled_time / stock_time:.2f}", ""))

        speed = planner_speed(scaled_site)
        rows.append((f"planner, {speed['exercises']} exercises: add a block and recompute (ms, median of 15; goal < 50)",
                     f"{speed['handler']:.1f}", "", ""))
        rows.append((f"planner, {speed['exercises']} exercises: the same with layout (ms, median / slowest)",
                     f"{speed['total']:.1f} / {speed['slowest']:.0f}", "", ""))
        raw, packed = page_weight(scaled_site, WEIGHED_PAGES["planner"])
        rows.append((f"planner weight with {speed['exercises']} exercises, gzip (KiB)", f"{packed / 1024:.0f}", "", ""))

        for name, path in WEIGHED_PAGES.items():
            raw, packed = page_weight(real_site, path)
            stock_raw, stock_packed = page_weight(tmp / "stock-site", path)
            rows.append((f"{name} weight, raw (KiB)", f"{raw / 1024:.0f}", f"{stock_raw / 1024:.0f}", ratio(raw, stock_raw)))
            rows.append((f"{name} weight, gzip (KiB)", f"{packed / 1024:.0f}", f"{stock_packed / 1024:.0f}", ratio(packed, stock_packed)))

        with serve(real_site) as ours, serve(tmp / "stock-site") as stock:
            for name, path in WEIGHED_PAGES.items():
                if name == "planner":  # the stock site has no planner to compare with
                    continue
                mine, theirs = lighthouse(ours + path), lighthouse(stock + path)
                if mine is None or theirs is None:
                    rows.append((f"{name} Lighthouse", "not run: make bench installs it", "", ""))
                    continue
                for category in mine:
                    rows.append((f"{name} Lighthouse {category}", str(mine[category]), str(theirs.get(category, "–")), ratio(mine[category], theirs.get(category, 0))))

    width = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(width)} | this site | stock Material | ratio")
    print(f"{'-' * width}-|-----------|----------------|------")
    for measure, ours, stock, r in rows:
        print(f"{measure.ljust(width)} | {ours:>9} | {stock:>14} | {r}")


if __name__ == "__main__":
    main()
