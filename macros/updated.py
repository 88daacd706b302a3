"""When each file last changed, from git history (one `git log` for the whole repo)."""
from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def last_commit_dates(root: Path) -> dict[str, dt.date]:
    """{path relative to root: date of the last commit that touched it}."""
    try:
        log = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", "docs", "exercises", "data"],
            cwd=root, capture_output=True, text=True, check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[str, dt.date] = {}
    for chunk in log.split("\x00")[1:]:
        day, *files = chunk.strip().splitlines()
        for name in files:
            if name:
                dates.setdefault(name, dt.date.fromisoformat(day))  # newest commit comes first
    return dates


def last_updated(dates: dict[str, dt.date], root: Path, *files: Path) -> dt.date:
    """The newest date of the given files; a file not yet committed counts as changed today."""
    found = []
    for file in files:
        rel = file.resolve().relative_to(root.resolve()).as_posix()
        found.append(dates.get(rel, dt.date.today()))
    return max(found)
