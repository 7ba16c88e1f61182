"""What the benchmarks share: demo databases of a given size, and size labels like 50k."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def label(size: int) -> str:
    """1000 → 1k, the way the result lines name sizes."""
    return f"{size // 1000}k" if size >= 1000 else str(size)


def make_demo(folder: Path, meetings: int, language: str = "en") -> Path:
    """A demo database of this many meetings, written by `prep demo --no-app` (the German world for `de`)."""
    db = folder / f"demo-{language}-{meetings}.json"
    subprocess.run([sys.executable, "-m", "prep", "demo", "--db", str(db), "--meetings", str(meetings), "--no-app"],
                   check=True, capture_output=True, env={**os.environ, "PREP_LANG": language})
    return db
