"""Time for each screen to settle after its key, in a real pseudo-terminal, against a bare Textual push in the same run.

    python benchmarks/screens.py [--runs 5] [--meetings 20000]

prep runs on a demo database of `--meetings` meetings (from `prep demo --no-app`) in an
80×24 pty. Each run starts it afresh, waits until the home screen is still and a few
seconds more (prep reads the rest of the history in the background after the first frame:
the screens are timed, not that start-up work), then walks:
home → history, history → brief (of the newest meeting that has happened), brief → debrief,
back home, → new preparation, → checklists, → the draft's customer card, → the draft's walkthrough. Each step is timed from
the key to the screen's last change before 0.4 s of stillness (and only once the screen's
content has arrived). The baseline is a bare Textual app pushing a one-widget screen,
started and timed the same way in the same run. Median of the runs; goal: each screen
within 3× the bare push. The last line is machine-readable:

    history_x=… brief_x=… debrief_x=… new_x=… checklists_x=… card_x=… walkthrough_x=…
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from demo_data import label, make_demo
from terminal import Terminal

BARE = """
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

class Pushed(Screen):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]
    def compose(self):
        yield Static("Pushed screen")

class Bare(App):
    BINDINGS = [Binding("b", "push", "Push")]
    def compose(self):
        yield Header()
        yield Static("Home")
        yield Footer()
    def action_push(self):
        self.push_screen(Pushed())

Bare().run()
"""

# A steady cursor: a blinking one would never let the screen be still.
PREP = """
import sys
from textual.widgets import Input, TextArea
for widget in (Input, TextArea):
    def steady(self, *args, _init=widget.__init__, **kwargs):
        _init(self, *args, **kwargs)
        self.cursor_blink = False
    widget.__init__ = steady
from prep.cli import main
sys.exit(main(sys.argv[1:]))
"""

ENTER, ESCAPE, DOWN = b"\r", b"\x1b", b"\x1b[B"
SETTLING_IN = 3.0  # seconds after the home screen is still: the start-up reading in the background is done
# (result name, key, what the screen shows once its content has arrived); None: not timed, only walked.
TOUR: list[tuple[str | None, bytes, bytes]] = [
    ("history", b"h", b"showing the newest"),
    # Down into the results and past the three meetings still to come: a past meeting's
    # debrief opens at once (one still to come asks first).
    *[(None, DOWN, b"")] * 4,
    ("brief", ENTER, b"Goal"),
    ("debrief", b"d", b"Did the meeting succeed?"),
    (None, ESCAPE, b"Goal"),  # the debrief goes back to the brief, the brief to history
    (None, ESCAPE, b"showing the newest"),
    (None, ESCAPE, b"Drafts to finish"),
    ("new", b"n", "· en".encode()),
    (None, ESCAPE, b"Drafts to finish"),
    ("checklists", b"c", b"Sources:"),  # in the description of every built-in, whichever is first
    (None, ESCAPE, b"Drafts to finish"),
    # The highlighted meeting's customer: their meetings read for when each person was last met.
    ("card", b"k", b"Customer card"),  # its people and meetings follow within the stillness waited for
    (None, ESCAPE, b"Drafts to finish"),
    ("walkthrough", ENTER, b"Step 1 of"),
]
NAMES = [name for name, _, _ in TOUR if name]


def bare_push(script: Path, env: dict[str, str]) -> float:
    """Seconds for the bare app to show a pushed one-widget screen."""
    with Terminal([sys.executable, str(script)], env) as terminal:
        terminal.settle(b"Push")
        return terminal.press(b"b", b"Pushed screen")


def tour(db: Path, env: dict[str, str]) -> dict[str, float]:
    """Seconds for each screen of the tour to settle, prep started afresh on `db`."""
    timings = {}
    with Terminal([sys.executable, "-c", PREP, "--db", str(db)], env) as terminal:
        terminal.settle(b"Drafts to finish")
        time.sleep(SETTLING_IN)
        terminal.settle()  # whatever it drew meanwhile is not part of the first timing
        for name, key, marker in TOUR:
            if name is None:
                terminal.press(key, marker)
            else:
                timings[name] = terminal.press(key, marker)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--meetings", type=int, default=20000)
    args = parser.parse_args()
    # English: the markers waited for are English words, whatever the machine's locale.
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24", "PREP_LANG": "en"}
    env.pop("PREP_DB", None)
    with tempfile.TemporaryDirectory(prefix="prep-bench-") as temp:
        env["XDG_CONFIG_HOME"] = str(Path(temp) / "config")  # no user settings or checklists in the way
        env["XDG_DATA_HOME"] = str(Path(temp) / "data")  # briefs and state stay in the temporary folder
        bare_file = Path(temp) / "bare.py"
        bare_file.write_text(BARE)
        demo = make_demo(Path(temp), args.meetings)
        bare: list[float] = []
        prep: dict[str, list[float]] = {name: [] for name in NAMES}
        for run in range(args.runs):  # alternate, so that both see the same machine
            bare.append(bare_push(bare_file, env))
            db = Path(temp) / f"run-{run}.json"
            shutil.copyfile(demo, db)  # every run starts from the same database
            for name, seconds in tour(db, env).items():
                prep[name].append(seconds)
        baseline = statistics.median(bare)
        print(f"{label(args.meetings)} meetings, median of {args.runs} runs")
        print(f"{'screen':>12} {'median ms':>10} {'ratio':>6}")
        print(f"{'bare push':>12} {baseline * 1000:>10.0f}")
        ratios = {}
        for name in NAMES:
            median = statistics.median(prep[name])
            ratios[name] = median / baseline
            print(f"{name:>12} {median * 1000:>10.0f} {ratios[name]:>6.1f}")
    print(" ".join(f"{name}_x={ratio:.2f}" for name, ratio in ratios.items()))


if __name__ == "__main__":
    main()
