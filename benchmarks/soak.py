"""Kill a writer with SIGKILL at random moments, many times; every acknowledged save must survive.

    python benchmarks/soak.py [--kills 200] [--seed 1]

Each round starts `crash_writer.py` on the same database (with frequent compactions,
so kills also land in the middle of them), kills it after a random delay, then opens
the database and checks every save the writer had reported. Two writers at once run
in some rounds. Ends with one line: `kills=… acknowledged=… lost=… failed_opens=…`.
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WRITER = Path(__file__).with_name("crash_writer.py")
sys.path.insert(0, str(WRITER.parent))

from crash_writer import acknowledged  # noqa: E402


def start(db: Path, name: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(WRITER), str(db), name, "1000000", "65536"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    from prep.errors import StoreError
    from prep.storage.store import Store

    acked: dict[str, str] = {}
    lost: list[str] = []
    failed_opens = 0
    kills = 0
    with tempfile.TemporaryDirectory(prefix="prep-soak-") as temp:
        db = Path(temp) / "soak.json"
        round_ = 0
        while kills < args.kills:
            round_ += 1
            writers = [start(db, f"r{round_}a")]
            if round_ % 5 == 0:
                writers.append(start(db, f"r{round_}b"))
            # Long enough for a writer to open a grown database and save, short enough to land anywhere.
            time.sleep(rng.uniform(0.3, 2.0))
            for writer in writers:
                writer.send_signal(signal.SIGKILL)
                kills += 1
            fresh: dict[str, str] = {}
            for writer in writers:
                out, _ = writer.communicate()
                fresh.update(acknowledged(out))
            acked.update(fresh)
            # This round's saves every round; everything saved so far every tenth round and at the end.
            check = acked if round_ % 10 == 0 or kills >= args.kills else fresh
            try:
                store = Store(db)
                store.count()
                for meeting_id, goal in check.items():
                    found = store.meeting(meeting_id)
                    if found is None or found.goal != goal:
                        lost.append(meeting_id)
                store.close()
            except StoreError as error:
                failed_opens += 1
                print(f"round {round_}: {error}", file=sys.stderr)
            if round_ % 20 == 0:
                print(f"{kills} kills, {len(acked):,} acknowledged saves, {len(lost)} lost, {failed_opens} failed opens")
    print(f"kills={kills} acknowledged={len(acked)} lost={len(lost)} failed_opens={failed_opens}")
    return 1 if lost or failed_opens else 0


if __name__ == "__main__":
    raise SystemExit(main())
