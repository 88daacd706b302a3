"""Serve a built site at http://127.0.0.1:8000/ as a web server would (each
language's 404 page for a missing page, text files compressed with gzip). BASE_PATH=/koulutus/ serves it under a
sub-path, to try a site built with SITE_URL=https://…/koulutus/."""
from __future__ import annotations

import argparse
import os
import threading
from pathlib import Path

from tools.browser import serve


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--base-path", default=os.environ.get("BASE_PATH", "/"))
    args = parser.parse_args()
    base_path = "/" + args.base_path.strip("/") + "/" if args.base_path.strip("/") else "/"
    with serve(args.site, base_path, args.port, compress=True) as url:
        print(f"Serving {args.site}/ at {url} (Swedish: {url}sv/). Stop with Ctrl+C.")
        try:
            threading.Event().wait()  # the server runs in its own thread
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
