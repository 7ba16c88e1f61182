"""A pseudo-terminal the benchmarks drive: start a program on it, send keys, watch what it writes.

startup.py waits for the first frame; screens.py sends a key and waits for the screen to
settle. Both see the program exactly as a rep's terminal would: through a pty of a fixed size.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time
from types import TracebackType

STILL = 0.4  # seconds without output: the screen has settled


class Terminal:
    """One program running on a pty of `columns`×`rows`; killed on leaving the `with` block."""

    def __init__(self, argv: list[str], env: dict[str, str], *, columns: int = 80, rows: int = 24) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.started = time.perf_counter()
        self.process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
        os.close(slave)
        self.argv = argv

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object | TracebackType) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        os.close(self.master)

    def _read(self, timeout: float) -> bytes:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return b""
        try:
            return os.read(self.master, 1 << 16)
        except OSError:  # the program ended
            raise RuntimeError(f"{self.argv} ended") from None

    def wait_for(self, marker: bytes, timeout: float = 60) -> float:
        """Seconds from the start until `marker` has been written."""
        seen = b""
        deadline = time.perf_counter() + timeout
        while marker not in seen:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{marker!r} never shown by {self.argv}")
            seen += self._read(1)
        return time.perf_counter() - self.started

    def settle(self, marker: bytes = b"", timeout: float = 60) -> tuple[float, bytes]:
        """Wait until `marker` was written and then nothing for STILL seconds; (time of the last output, all output)."""
        seen = b""
        last = time.perf_counter()
        deadline = last + timeout
        while True:
            chunk = self._read(STILL)
            if chunk:
                seen += chunk
                last = time.perf_counter()
            elif marker in seen:
                return last, seen
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{marker!r} never shown by {self.argv}")

    def press(self, key: bytes, marker: bytes = b"") -> float:
        """Send a key; seconds from sending it to the last change before the screen was still (and showed `marker`)."""
        sent = time.perf_counter()
        os.write(self.master, key)
        last, _ = self.settle(marker)
        return last - sent
