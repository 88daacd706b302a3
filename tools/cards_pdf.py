"""Print each language's card deck to a PDF inside a built site, and show its link.

    make cards-pdf      (builds first; writes site/cards/cards-fi.pdf and site/sv/cards/cards-sv.pdf)

The cards page carries a hidden download link; it is shown only once the PDF exists.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from .browser import chromium, serve

DECKS = {"fi": "cards/", "sv": "sv/cards/"}
HIDDEN_LINK = ("data-kv-deck-pdf hidden", "data-kv-deck-pdf")
PENDING_HREF = ("data-kv-pdf-href=", "href=")


def print_decks(site: Path) -> list[Path]:
    written = []
    with serve(site) as base_url, chromium() as browser:
        page = browser.new_page()
        for lang, path in DECKS.items():
            page.goto(base_url + path, wait_until="load")
            target = site / path / f"cards-{lang}.pdf"
            page.pdf(path=str(target), prefer_css_page_size=True, print_background=True)
            html_file = site / path / "index.html"
            html = html_file.read_text(encoding="utf-8").replace(*HIDDEN_LINK).replace(*PENDING_HREF)
            html_file.write_text(html, encoding="utf-8")
            written.append(target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    for pdf in print_decks(parser.parse_args().site):
        print(f"wrote {pdf} ({pdf.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
