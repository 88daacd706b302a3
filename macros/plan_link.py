"""Plan links: a whole plan in the planner's URL fragment, no server.

The format is shared with the planner (overrides/assets/js/, planner/ in each
language):  planner/#plan=<base64url of UTF-8 JSON> (a share link), or planner/?plan=…
(a link written into a page, e.g. a programme's "open in planner"); base64url as in RFC 4648 §5
without padding. The JSON:
  {"v": 1, "title": "…", "start": "09:00", "target": 210, "blocks": [
     {"type": "exercise", "id": "listening-pairs", "version": "full"},
     {"type": "exercise", "id": "sbi-workshop", "version": "short"},
     {"type": "exercise", "id": "x", "minutes": 40},
     {"type": "break", "minutes": 15},
     {"type": "custom", "title": {"fi": "…", "sv": "…"}, "minutes": 30, "note": {"fi": "…", "sv": "…"}}]}
A custom title or note may also be a plain string (typed by a trainer); "version"
defaults to "full"; "minutes" on an exercise overrides its length.
"""
from __future__ import annotations

import base64
import json

PLANNER_PAGE = "planner.md"  # a source path: url() gives planner/ or planner.html
VERSION = 1


def encode(plan: dict) -> str:
    """The fragment's value: compact JSON, UTF-8 (not \\u escapes), base64url, no padding."""
    data = json.dumps({"v": VERSION, **plan}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def decode(value: str) -> dict:
    """The inverse of encode (for tests and tools)."""
    padded = value + "=" * (-len(value) % 4)
    return json.loads(base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8"))


def plan_href(plan: dict, url) -> str:
    # A page's link carries the plan in the query (planner/?plan=…), which the planner
    # reads like the fragment: link checkers read a fragment as an anchor that must exist.
    """A link to the planner holding `plan`; `url` is the page's relative-URL helper
    (render.relative_url bound to the page), so the link works under a sub-path."""
    return f"{url(PLANNER_PAGE)}?plan={encode(plan)}"
