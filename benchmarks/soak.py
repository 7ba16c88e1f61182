"""Kill writers, `prep forget` and `prep import` with SIGKILL at random moments, many times:
every acknowledged save must survive, every erasure must finish and stay finished.

    python benchmarks/soak.py [--kills 200] [--seed 1]

Each round starts `crash_writer.py` on the same database (with frequent compactions, so
kills also land in the middle of them), kills it after a random delay, then opens the
database and checks every save the writer had reported. Two writers at once run in some
rounds. In every third round, while two writers save, `prep forget` erases the customer
one of them is writing, and is killed at a random moment; run again, it must exit 0 and
leave no file with the customer's name or an erased meeting's id, and the writer run again
over the same ids must be refused every erased one. In every third round `prep import`
of a 200-meeting export is killed while two writers save: the import must be there whole
or not at all, and run again, whole (an export holding an erased meeting is refused whole).

Ends with one line: `kills=… acknowledged=… forgets=… imports=… refused=… lost=… resurrected=…
leftover_after_rerun=… torn_imports=… failed_reruns=… failed_opens=…`; all from `lost` on must
be 0 (`refused` counts the saves of erased meetings the writers were refused).
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

WRITER = Path(__file__).with_name("crash_writer.py")
sys.path.insert(0, str(WRITER.parent))

from crash_writer import acknowledged  # noqa: E402

IMPORTED = 200
T = TypeVar("T")


def start(db: Path, name: str, count: int = 1_000_000) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(WRITER), str(db), name, str(count), "65536"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def prep(*args: str, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "prep", *args, "--db", str(db)], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def killed(process: subprocess.Popen[str], delay: float) -> str:
    """Kill the process after `delay` seconds (if it is still running); its output."""
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    out, _ = process.communicate()
    return out


def read(db: Path, question: Callable[[Any], T]) -> T:
    """Ask the database one question, and let go of it."""
    from prep.storage.store import Store

    store = Store(db)
    try:
        return question(store)
    finally:
        store.close()


def refusals(output: str) -> int:
    """How many saves of erased meetings a writer was refused."""
    return sum(line.startswith("refused ") for line in output.splitlines())


def tombstones(db: Path) -> dict[str, str]:
    """The erased meetings the database keeps as tombstones, by row key: their ids."""
    from prep.storage.erase import FORGOTTEN
    from prep.storage.snapshot import parse_snapshot

    tables, _ = parse_snapshot(db.read_bytes()) if db.exists() else ({}, {})
    rows = tables.get(FORGOTTEN) or {}
    return {key: rows[key]["id"] for key in rows}


def leftovers(db: Path, customer: str, erased: dict[str, str]) -> list[str]:
    """Files that still hold the erased customer's name or an erased meeting."""
    from prep.storage.rows import dumps
    from prep.storage.snapshot import parse_snapshot

    found = []
    name = dumps(customer)  # as JSON text, quotes and all: "r4a customer 3" is inside "r14a customer 3"
    for path in db.parent.iterdir():
        data = path.read_bytes()
        if path == db:
            meetings = parse_snapshot(data)[0].get("meetings") or {}
            held = name in data or any(key in meetings for key in erased)
        else:
            held = name in data or any(meeting_id.encode() in data for meeting_id in erased.values())
        if held:
            found.append(path.name)
    return found


def export_file(folder: Path, round_: int, extra: list[str]) -> tuple[Path, list[str]]:
    """A `prep export` file of IMPORTED new meetings, and any meetings with the `extra` ids."""
    from prep.library.loader import load_library
    from prep.model.meeting import Meeting
    from prep.model.shapes import to_builtins
    from prep.reports.export import EXPORT_FORMAT, EXPORT_VERSION, ExportFile

    checklist = load_library().get("first-meeting")
    assert checklist is not None
    ids = [f"import{round_}-{n:04d}" for n in range(IMPORTED)] + extra
    meetings = [Meeting(customer=f"import {round_} customer {n % 5}", when=datetime(2026, 2, 1) + timedelta(hours=n),
                        checklist=checklist, goal=f"imported {meeting_id}", id=meeting_id) for n, meeting_id in enumerate(ids)]
    document = ExportFile(EXPORT_FORMAT, EXPORT_VERSION, datetime(2026, 3, 1), None, meetings)
    path = folder / f"export-{round_}.json"
    path.write_text(json.dumps(to_builtins(document)))
    return path, ids[:IMPORTED]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    from prep.errors import StoreError
    from prep.storage.store import Store

    acked: dict[str, str] = {}
    erased: dict[str, str] = {}
    lost: set[str] = set()
    resurrected: set[str] = set()
    leftover_after_rerun: list[str] = []
    torn_imports = failed_reruns = failed_opens = kills = forgets = imports = refused = 0
    with tempfile.TemporaryDirectory(prefix="prep-soak-") as temp:
        db = Path(temp) / "data" / "soak.json"
        round_ = 0
        while kills < args.kills:
            round_ += 1
            kind = ("writers", "forget", "import")[round_ % 3] if round_ > 1 else "writers"
            writers = [start(db, f"r{round_}a")]
            if round_ % 5 == 0 or kind != "writers":
                writers.append(start(db, f"r{round_}b"))
            # Long enough for a writer to open a grown database and save, short enough to land anywhere.
            time.sleep(rng.uniform(0.3, 2.0))
            customer, imported, extra = "", [], []
            if kind == "forget":
                present = [c for c in read(db, Store.customers) if c.startswith(f"r{round_}a customer ")]
                customer = rng.choice(present or [f"r{round_}a customer 0"])
                killed(prep("forget", customer, "--yes", db=db), rng.uniform(0.0, 1.5))
                kills += 1
                forgets += 1
            elif kind == "import":
                extra = rng.sample(sorted(erased.values()), 1) if erased and round_ % 2 else []  # must be refused
                export, imported = export_file(Path(temp), round_, extra)
                killed(prep("import", str(export), db=db), rng.uniform(0.0, 1.5))
                kills += 1
                imports += 1
            fresh: dict[str, str] = {}
            for writer in writers:
                out = killed(writer, 0)
                fresh.update(acknowledged(out))
                refused += refusals(out)
                kills += 1
            acked.update(fresh)

            if kind == "forget":
                rerun = prep("forget", customer, "--yes", db=db)
                out, err = rerun.communicate()
                if rerun.returncode != 0:
                    failed_reruns += 1
                    print(f"round {round_}: forget run again: {err.strip()}", file=sys.stderr)
                now_erased = {key: meeting_id for key, meeting_id in tombstones(db).items() if key not in erased}
                erased.update(now_erased)
                stuck = leftovers(db, customer, now_erased)
                leftover_after_rerun += stuck
                if stuck:
                    print(f"round {round_}: {customer} still in {stuck}", file=sys.stderr)
                # The writer again over the same ids, as a copy that still had them open: erased ones are refused.
                again = start(db, f"r{round_}a", count=min(300, 1 + max((int(k.rsplit("-", 1)[1]) for k in fresh
                                                                      if k.startswith(f"r{round_}a-")), default=0)))
                refused += refusals(again.communicate()[0])
            elif kind == "import":
                present = read(db, lambda store: sum(store.meeting(meeting_id) is not None for meeting_id in imported))
                if present not in (0, IMPORTED):
                    torn_imports += 1
                    print(f"round {round_}: {present} of {IMPORTED} imported", file=sys.stderr)
                rerun = prep("import", str(export), db=db)
                _, err = rerun.communicate()
                expect_refusal = bool(extra)
                present = read(db, lambda store: sum(store.meeting(meeting_id) is not None for meeting_id in imported))
                if (rerun.returncode != 0) != expect_refusal or present != (0 if expect_refusal else IMPORTED):
                    failed_reruns += 1
                    print(f"round {round_}: import run again: {err.strip()} ({present} present)", file=sys.stderr)
                acked.update({meeting_id: f"imported {meeting_id}" for meeting_id in imported if not expect_refusal})

            # This round's saves every round; everything saved so far every tenth round and at the end.
            check = acked if round_ % 10 == 0 or kills >= args.kills else fresh
            try:
                store = Store(db)
                store.count()
                gone = set(erased.values())
                for meeting_id, goal in check.items():
                    if meeting_id in gone:
                        continue  # erased on purpose: checked below
                    found = store.meeting(meeting_id)
                    if found is None or found.goal != goal:
                        lost.add(meeting_id)
                resurrected.update(meeting_id for meeting_id in gone if store.meeting(meeting_id) is not None)
                store.close()
            except StoreError as error:
                failed_opens += 1
                print(f"round {round_}: {error}", file=sys.stderr)
            if round_ % 20 == 0:
                print(f"{kills} kills, {len(acked):,} acknowledged saves, {forgets} forgets, {imports} imports, "
                      f"{len(lost)} lost, {len(resurrected)} resurrected")
    print(f"kills={kills} acknowledged={len(acked)} forgets={forgets} imports={imports} refused={refused} lost={len(lost)} "
          f"resurrected={len(resurrected)} leftover_after_rerun={len(leftover_after_rerun)} torn_imports={torn_imports} "
          f"failed_reruns={failed_reruns} failed_opens={failed_opens}")
    return 1 if lost or resurrected or leftover_after_rerun or torn_imports or failed_reruns or failed_opens else 0


if __name__ == "__main__":
    raise SystemExit(main())
