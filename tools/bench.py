"""Benchmark: build time, build time per page, scaling with the number of exercises,
page weight and Lighthouse scores, each beside a stock Material site of the same size.

    make bench        (prints a table; copy the latest figures into the README)

The stock site is made in the same run from this site's built pages: the same
pages at the same paths, with their text as plain Markdown, built by stock
mkdocs-material (no i18n, no macros, no overrides). Build time is the CPU time
(user + system) of the build process: on a machine shared with other work, the wall
clock measures the others too, CPU time mostly the build itself. The two builds take
turns, REPEAT times each, and the fastest of each counts (other load only ever adds).
Figures vary from machine to machine: compare ratios, not seconds.

    make bench BENCH=--parallel   also times each language built in its own process,
                                  both at once (an experiment; see parallel_build)
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

from macros.__main__ import PAGE_STUB

from .browser import CHROMIUM, CHROMIUM_ARGS, serve
from macros.languages import LANGUAGES, PREFIX

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["docs", "exercises", "programmes", "forms", "macros", "overrides", "hooks", "tools", "data", "mkdocs.yml"]
WEIGHED_PAGES = {"guide": "guides/coaching-leadership/", "exercise": "exercises/listening-pairs/", "catalog": "exercises/", "planner": "planner/"}
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
SCALE = 10  # every exercise ten times: 42 real ones -> 420
REPEAT = 3


def build_command(project: Path, site: Path, config: str = "mkdocs.yml") -> list[str]:
    # The finishing work (search index per language, 404 pages) runs inside the build, as hooks.
    return [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(project / config), "-d", str(site)]


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run_build(project: Path, site: Path) -> float:
    """CPU seconds of one build (the build process and the ones it starts)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = children_cpu()
    subprocess.run(build_command(project, site), cwd=project, env=env, check=True, capture_output=True)
    return children_cpu() - start


def fastest_in_turns(builds: dict[str, tuple[Path, Path]], repeat: int = REPEAT) -> dict[str, float]:
    """Each build `repeat` times, taking turns (ours, stock, ours, ...); the fastest of each."""
    times: dict[str, list[float]] = {name: [] for name in builds}
    for _ in range(repeat):
        for name, (project, site) in builds.items():
            times[name].append(run_build(project, site))
    return {name: min(found) for name, found in times.items()}


def language_only_config(project: Path, lang: str) -> str:
    """A copy of mkdocs.yml that builds one language, as the i18n plugin's default
    (it refuses a build without its default language): build into <site>/<prefix>."""
    lines, current = [], None
    for line in (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        found = re.match(r"(\s*)- locale: (\S+)", line)
        if found:
            current = found.group(2)
            lines.append(line)
            if current == lang:
                lines.append(f"{found.group(1)}  default: true")
            continue
        if current and re.match(r"\s+default: true\s*$", line):
            continue
        if current and re.match(r"\s+build: (true|false)\s*$", line):
            line = re.sub(r"build: \w+", f"build: {'true' if current == lang else 'false'}", line)
        lines.append(line)
    name = f"mkdocs-{lang}-only.yml"
    (project / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return name


def parallel_build(project: Path, out: Path) -> tuple[float, float, float, dict[str, int]]:
    """An experiment: each language built by its own mkdocs process (i18n build: true for
    that language only), first one after the other, then all at once. Returns (sequential
    seconds, parallel seconds, pages each process wrote). The site would still need its
    parts merged and the same-page language switch restored (alternate.html reads the
    built languages), so this only measures whether it would pay."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    configs = {lang: language_only_config(project, lang) for lang in LANGUAGES}
    start = time.perf_counter()
    subprocess.run(build_command(project, out / "normal"), cwd=project, env=env, check=True, capture_output=True)
    normal = time.perf_counter() - start
    start = time.perf_counter()
    for lang, config in configs.items():
        subprocess.run(build_command(project, out / "seq" / PREFIX[lang], config), cwd=project, env=env, check=True, capture_output=True)
    sequential = time.perf_counter() - start
    start = time.perf_counter()
    running = [
        subprocess.Popen(build_command(project, out / f"par-{lang}" / PREFIX[lang], config), cwd=project, env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for lang, config in configs.items()
    ]
    if any(process.wait() for process in running):
        raise SystemExit("a one-language build failed")
    parallel = time.perf_counter() - start
    pages = {lang: len(list((out / f"par-{lang}").rglob("index.html"))) for lang in LANGUAGES}
    return normal, sequential, parallel, pages


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


# Static imports only: a dynamic import("…") loads on use, not with the page.
IMPORT = re.compile(r'^\s*import\b(?!\s*\()[^"\']*["\'](\.{1,2}/[^"\']+)["\']', re.M)


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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--parallel", action="store_true", help="also time one process per language")
    parser.add_argument("--no-lighthouse", action="store_true", help="build figures and weights only")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        real = copy_project(tmp / "real")
        real_site = tmp / "real-site"
        run_build(real, real_site)  # first: the pages the stock site copies
        pages = len(list(real_site.rglob("index.html")))
        stock_pages = stock_project(real_site, tmp / "stock")
        fastest = fastest_in_turns({"ours": (real, real_site), "stock": (tmp / "stock", tmp / "stock-site")})
        real_time, stock_time = fastest["ours"], fastest["stock"]

        scaled = copy_project(tmp / "scaled")
        scaled_count = multiply_exercises(scaled, SCALE)
        scaled_site = tmp / "scaled-site"
        run_build(scaled, scaled_site)
        scaled_pages = len(list(scaled_site.rglob("index.html")))
        stock_project(scaled_site, tmp / "stock-scaled")
        fastest = fastest_in_turns({"ours": (scaled, scaled_site), "stock": (tmp / "stock-scaled", tmp / "stock-scaled-site")}, 1)
        scaled_time, stock_scaled_time = fastest["ours"], fastest["stock"]

        exercises = scaled_count // SCALE
        rows.append((f"full build with {exercises} exercises (CPU s)", f"{real_time:.1f}", f"{stock_time:.1f}", ratio(real_time, stock_time)))
        rows.append((f"build per page (CPU ms), {pages} pages", f"{1000 * real_time / pages:.0f}", f"{1000 * stock_time / stock_pages:.0f}", ratio(real_time / pages, stock_time / stock_pages)))
        rows.append((f"build with {scaled_count} exercises (CPU s), {scaled_pages} pages", f"{scaled_time:.1f}", f"{stock_scaled_time:.1f}", ratio(scaled_time, stock_scaled_time)))
        rows.append((f"growth {exercises} -> {scaled_count} exercises (x)", f"{scaled_time / real_time:.2f}", f"{stock_scaled_time / stock_time:.2f}", ""))
        if args.parallel:
            try:
                normal, sequential, parallel, built = parallel_build(real, tmp / "parallel")
            except (subprocess.CalledProcessError, SystemExit) as exc:
                normal = sequential = parallel = 0.0
                built = {"failed": str(exc)[:80]}
            rows.append((f"normal build, one process (wall s)", f"{normal:.1f}", "", ""))
            rows.append((f"one process per language, one after the other (wall s), pages {built}", f"{sequential:.1f}", "", ""))
            rows.append((f"one process per language, all at once (wall s), {os.cpu_count()} cores", f"{parallel:.1f}", "", ratio(parallel, normal)))

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

        # Lighthouse against a server that compresses, as real servers do (mobile preset).
        with serve(real_site, compress=True) as ours, serve(tmp / "stock-site", compress=True) as stock:
            for name, path in ({} if args.no_lighthouse else WEIGHED_PAGES).items():
                mine = lighthouse(ours + path)
                # The stock site has no planner page to compare with.
                theirs = {} if name == "planner" else lighthouse(stock + path)
                if mine is None or theirs is None:
                    rows.append((f"{name} Lighthouse", "not run: make bench installs it", "", ""))
                    continue
                for category in mine:
                    stock_score = theirs.get(category)
                    rows.append((f"{name} Lighthouse {category}", str(mine[category]), str(stock_score or "–"),
                                 ratio(mine[category], stock_score or 0)))

    width = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(width)} | this site | stock Material | ratio")
    print(f"{'-' * width}-|-----------|----------------|------")
    for measure, ours, stock, r in rows:
        print(f"{measure.ljust(width)} | {ours:>9} | {stock:>14} | {r}")


if __name__ == "__main__":
    main()
