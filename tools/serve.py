"""Serve a built site on http://127.0.0.1:8000/ (what readers get: both languages, split search)."""
from __future__ import annotations

import argparse
import functools
import http.server
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(args.site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
        print(f"Serving {args.site}/ at http://127.0.0.1:{args.port}/ (Swedish: /sv/). Stop with Ctrl+C.")
        server.serve_forever()


if __name__ == "__main__":
    main()
