"""Page count and size of a PDF, read with poppler's pdfinfo (a Debian package)."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path


def pdf_info(file: Path) -> dict:
    out = subprocess.run(["pdfinfo", str(file)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    width, height = map(float, re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", out, re.M).groups())
    return {"pages": pages, "landscape": width > height}


def pdf_text(file: Path) -> str:
    """The text in reading order, whitespace collapsed (titles may wrap on paper)."""
    out = subprocess.run(["pdftotext", "-raw", str(file), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def pdf_text_of_page(file: Path, number: int) -> str:
    return subprocess.run(
        ["pdftotext", "-f", str(number), "-l", str(number), "-layout", str(file), "-"],
        capture_output=True, text=True, check=True,
    ).stdout
