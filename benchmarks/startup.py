"""Time to the first drawn screen, in a real pseudo-terminal, against a bare Textual app in the same run.

    python benchmarks/startup.py [--runs 7] [--language de]

Both apps are started the same way (a fresh Python process on an 80×24 pty) and timed
until their first frame shows a word of the footer. The bare app has a Header, a Static
and a Footer. prep opens a 1k and a 50k demo database (from `prep demo --no-app`).
With `--language de` prep starts in German on the German demo (its footer's "Verlauf" is waited
for); the bare app is the same. Goal: prep within 1.3× the bare app at any size, in either
language. The last line is machine-readable:

    startup_ratio_1k=… startup_ratio_50k=…
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from demo_data import label, make_demo
from terminal import Terminal

BARE = """
from textual.app import App
from textual.binding import Binding
from textual.widgets import Footer, Header, Static

class Bare(App):
    BINDINGS = [Binding("h", "bell", "History")]
    def compose(self):
        yield Header()
        yield Static("Loading your meetings…")
        yield Footer()

Bare().run()
"""
MARKER = b"History"
MARKERS = {"en": b"History", "de": "Verlauf".encode()}  # the same key in prep's footer, in each language


def first_paint(argv: list[str], env: dict[str, str], marker: bytes = MARKER) -> float:
    """Seconds from starting the process until the marker has been written to the terminal."""
    with Terminal(argv, env) as terminal:
        return terminal.wait_for(marker, timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="1000,50000")
    parser.add_argument("--language", default="en", choices=sorted(MARKERS), help="the language prep speaks")
    args = parser.parse_args()
    # English: the markers waited for are English words, whatever the machine's locale.
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24", "PREP_LANG": "en"}
    env.pop("PREP_DB", None)
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="prep-bench-") as temp:
        env["XDG_CONFIG_HOME"] = str(Path(temp) / "config")  # no user settings or checklists in the way
        bare_file = Path(temp) / "bare.py"
        bare_file.write_text(BARE)
        print(f"{'app':>14} {'median s':>9} {'ratio':>6}")
        for size in [int(s) for s in args.sizes.split(",")]:
            db = make_demo(Path(temp), size, args.language)
            prep_env = {**env, "PREP_LANG": args.language}
            bare, prep = [], []
            for _ in range(args.runs):  # alternate, so that both see the same machine
                bare.append(first_paint([sys.executable, str(bare_file)], env))
                prep.append(first_paint([sys.executable, "-m", "prep", "--db", str(db)], prep_env, MARKERS[args.language]))
            ratio = statistics.median(prep) / statistics.median(bare)
            print(f"{'bare Textual':>14} {statistics.median(bare):>9.3f}")
            print(f"{'prep ' + label(size):>14} {statistics.median(prep):>9.3f} {ratio:>6.2f}")
            results[f"startup_ratio_{label(size)}"] = ratio
    print(" ".join(f"{key}={value:.3f}" for key, value in results.items()))


if __name__ == "__main__":
    main()
