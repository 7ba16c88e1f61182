"""The installed `prep`, in a real pseudo-terminal at 80×24, driven with the bytes a keyboard sends.

A whole preparation is typed, prep is quit in the middle and started again, the draft is
finished, and everything typed is checked on the screen and in `prep export --format json`.
"""

from __future__ import annotations

import fcntl
import json
import os
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pyte
import pytest

PREP = shutil.which("prep", path=str(Path(sys.executable).parent)) or shutil.which("prep")
pytestmark = pytest.mark.skipif(not sys.platform.startswith(("linux", "darwin")) or PREP is None,
                                reason="needs a POSIX pseudo-terminal and the installed prep command")

ENTER, TAB, SPACE = b"\r", b"\t", b" "
PAGE_DOWN, CTRL_S, CTRL_Q = b"\x1b[6~", b"\x13", b"\x11"


class Terminal:
    """A program on a pty, with the screen a terminal would show."""

    started: list[subprocess.Popen[bytes]] = []  # stopped after each test, whatever became of it

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
        Terminal.started.append(self.process)
        os.close(slave)
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)

    def pump(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            ready, _, _ = select.select([self.master], [], [], left)
            if not ready:
                return
            try:
                data = os.read(self.master, 1 << 16)
            except OSError:
                return
            if not data:
                return
            self.stream.feed(data)

    @property
    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, text: str, timeout: float = 30) -> None:  # generous: a busy machine is slow, never wrong
        end = time.monotonic() + timeout
        while text not in self.text:
            if time.monotonic() > end:
                raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.text}")
            self.pump(0.1)

    def type(self, *keys: bytes | str, pause: float = 0.25) -> None:
        """Send keys one after another, as a person would, letting the app catch up."""
        for key in keys:
            os.write(self.master, key.encode() if isinstance(key, str) else key)
            self.pump(pause)

    def close(self, timeout: float = 15) -> int:
        try:
            return self.process.wait(timeout)
        finally:
            if self.process.poll() is None:
                os.killpg(self.process.pid, signal.SIGKILL)
            os.close(self.master)


@pytest.fixture(autouse=True)
def no_prep_left_running() -> Iterator[None]:
    """A failed test leaves no prep behind on its pty, where it would spin for as long as the machine runs."""
    yield
    for process in Terminal.started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    Terminal.started.clear()


def test_a_whole_preparation_typed_in_a_real_terminal_survives_quit_and_restart(tmp_path: Path) -> None:
    db = tmp_path / "prep.json"
    env = {**os.environ, "TERM": "xterm-256color", "PREP_LANG": "en"}
    env.pop("PREP_DB", None)
    argv = [str(PREP), "--db", str(db)]

    term = Terminal(argv, env)
    term.wait_for("No meetings yet")
    term.type("n")
    term.wait_for("Who, when and why")
    for field in ("Acme Tools", "Jane Doe (CFO)", "tomorrow", "10:30", "Agree on a pilot"):
        term.type(field, ENTER)
    term.type(CTRL_S)
    term.wait_for("Step 1 of 5")
    term.type("Check the 45 minutes", TAB, TAB, TAB, "A pilot, or a clear no", PAGE_DOWN)  # the time, then the outcomes
    term.wait_for("Step 2 of 5")
    term.type("Spreadsheets everywhere", TAB, "They lose orders", PAGE_DOWN)
    term.wait_for("Step 3 of 5")
    term.type("p", ENTER, "Ask what they compare", PAGE_DOWN)  # "possible" by its letter; enter moves on
    term.wait_for("Step 4 of 5")
    term.type(SPACE, TAB, "Checked my profile", PAGE_DOWN)
    term.wait_for("Step 5 of 5")
    term.type("Who signs")
    term.type(CTRL_Q, pause=0.5)  # quit in the middle: nothing typed may be lost
    assert term.close() == 0

    term = Terminal(argv, env)
    term.wait_for("Drafts to finish")
    assert "Acme Tools" in term.text
    term.type(ENTER)
    term.wait_for("Who signs")  # the draft reopens where the rep last typed
    term.type(CTRL_S)
    term.wait_for("Agree on a pilot")  # the brief
    assert "A pilot, or a clear no" in term.text  # the up-front contract, at the top
    term.type(PAGE_DOWN)
    term.wait_for("They lose orders")  # the needs, further down
    term.type(CTRL_Q, pause=0.5)
    assert term.close() == 0

    export = subprocess.run([str(PREP), "export", "--format", "json", "--db", str(db)], capture_output=True,
                            text=True, env=env, check=True)
    (meeting,) = json.loads(export.stdout)["meetings"]
    assert (meeting["customer"], meeting["people"], meeting["goal"], meeting["status"]) == (
        "Acme Tools", ["Jane Doe"], "Agree on a pilot", "prepared")
    assert meeting["when"].endswith("T10:30")
    answers = meeting["answers"]
    assert answers["up-front-contract/time"]["text"] == "Check the 45 minutes"
    assert answers["up-front-contract/outcomes"]["text"] == "A pilot, or a clear no"
    assert answers["needs/situation"]["text"] == "Spreadsheets everywhere"
    assert answers["needs/problem"]["text"] == "They lose orders"
    assert answers["objections/no-need"] == {"likelihood": "possible", "text": "Ask what they compare"}
    assert answers["trust/public-profile"] == {"done": True, "text": "Checked my profile"}
    assert answers["readiness/learn"]["text"] == "Who signs"


def test_each_screen_a_rep_opens_is_drawn_whole_in_a_real_terminal(tmp_path: Path) -> None:
    # What the terminal shows, not what the app holds: a screen drawn in fewer frames must still be drawn
    # whole, with nothing of the screen under it left showing.
    db = tmp_path / "prep.json"
    env = {**os.environ, "TERM": "xterm-256color", "PREP_LANG": "en"}
    env.pop("PREP_DB", None)
    subprocess.run([str(PREP), "demo", "--no-app", "--db", str(db)], env=env, check=True, capture_output=True)
    term = Terminal([str(PREP), "--db", str(db)], env)
    term.wait_for("Drafts to finish")
    term.pump(1.5)
    for key, shown, home_left in ((ENTER, "Step 1 of", "Coming up"), (b"\x1b", "Drafts to finish", "Step 1 of"),
                                  (b"h", "Search notes", "Coming up"), (b"\x1b", "Drafts to finish", "Search notes")):
        term.type(key, pause=0.1)
        term.wait_for(shown)
        term.pump(0.8)
        assert home_left not in term.text, f"after {key!r}, the screen under it still shows:\n{term.text}"
    # A brief over history, a debrief over the brief, and back.
    term.type(b"h", pause=0.1)
    term.wait_for("Search notes")
    term.type(*"Quarry Hill", ENTER, pause=0.1)
    for key, shown, left in ((b"", "Rehearse", "Search notes"), (b"d", "Add follow-up", "Rehearse"),
                             (b"\x1b", "Rehearse", "Add follow-up"), (b"\x1b", "— History", "Rehearse")):
        term.type(key, pause=0.3)
        if "debrief it already?" in term.text:  # the demo's first match still to come: say yes
            term.type(b"y", pause=0.1)
        term.wait_for(shown)
        term.pump(0.8)
        assert left not in term.text, f"after {key!r}, the screen under it still shows:\n{term.text}"
    term.type(CTRL_Q, pause=0.5)
    assert term.close() == 0
