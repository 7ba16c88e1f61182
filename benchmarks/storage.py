"""Storage speed and memory at 1k, 10k and 50k meetings, against stock TinyDB in the same run.

    python benchmarks/storage.py [--sizes 1000,10000,50000]

Data comes from `prep demo --meetings N --no-app`. Each measurement runs in a fresh
process. The last line is machine-readable:

    save_ms_1k=… save_ms_10k=… save_ms_50k=… stock_save_ms_50k=… open_home_s_50k=… rss_ratio_50k=…

Goals: save median ≤ 2 / 5 / 20 ms; ≥ 400× faster than stock at 50k; home ≤ 1 s at 50k;
memory ≤ 2.5× the size on disk beyond an empty Textual app.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from demo_data import label, make_demo

SAVE = """
import json, statistics, sys, time
from pathlib import Path
from prep.storage.store import Store
store = Store(Path(sys.argv[1]))
summaries = store.home_summaries()
ids = [s.id for s in summaries][:40]
times = []
for index, meeting_id in enumerate(ids):
    meeting = store.meeting(meeting_id)
    meeting.goal = f"benchmark {index}"
    started = time.perf_counter()
    store.save(meeting)
    times.append(time.perf_counter() - started)
print(json.dumps({"median_ms": statistics.median(times) * 1000, "max_ms": max(times) * 1000, "n": len(times)}))
"""

STOCK_SAVE = """
import json, statistics, sys, time
from tinydb import TinyDB
db = TinyDB(sys.argv[1])
table = db.table("meetings")
ids = [int(i) for i in json.loads(sys.argv[2])]
times = []
for index, doc_id in enumerate(ids):
    started = time.perf_counter()
    table.update({"goal": f"benchmark {index}"}, doc_ids=[doc_id])
    times.append(time.perf_counter() - started)
print(json.dumps({"median_ms": statistics.median(times) * 1000, "max_ms": max(times) * 1000, "n": len(times)}))
"""

OPEN_HOME = """
import json, sys, time
started = time.perf_counter()
from datetime import datetime
from pathlib import Path
from prep.insights.attention import what_needs_attention
from prep.storage.store import Store
store = Store(Path(sys.argv[1]))
attention = what_needs_attention(store.home_summaries(), datetime.now())
print(json.dumps({"seconds": time.perf_counter() - started, "drafts": len(attention.drafts),
                  "upcoming": len(attention.upcoming), "followups": len(attention.followups)}))
"""

RSS = """
import gc, json, os, sys
import textual.app  # what an empty Textual app needs loaded
def rss():
    return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
if sys.argv[1] == "-":
    app = textual.app.App()
    gc.collect()
    print(json.dumps({"rss": rss()}))
else:
    from pathlib import Path
    from prep.storage.store import Store
    store = Store(Path(sys.argv[1]))
    store.home_summaries()
    store.index_everything()
    gc.collect()
    print(json.dumps({"rss": rss(), "meetings": store.count()}))
"""


def run(code: str, *args: str) -> dict[str, float]:
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def disk_size(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.iterdir() if p.name.startswith(db.name))


def make_stock(db: Path, target: Path) -> list[str]:
    """The same rows in stock TinyDB's JSON file (JSONStorage), and some row ids to update."""
    from prep.storage.store import Store

    Store(db).compact()  # a small database may still be all journal
    data = json.loads(db.read_bytes())
    tables = {name: rows for name, rows in data.items() if not name.startswith("~")}
    target.write_text(json.dumps(tables))
    return list(tables["meetings"])[:3]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="prep-bench-") as temp:
        folder = Path(temp)
        empty_rss = statistics.median(run(RSS, "-")["rss"] for _ in range(3))
        print(f"{'meetings':>9} {'on disk MB':>10} {'save ms':>8} {'max ms':>7} {'home s':>7} {'RSS MB':>7} {'RSS/disk':>8}")
        for size in sizes:
            db = make_demo(folder, size)
            save = run(SAVE, str(db))
            home = min((run(OPEN_HOME, str(db)) for _ in range(3)), key=lambda r: r["seconds"])
            memory = run(RSS, str(db))
            on_disk = disk_size(db)
            ratio = (memory["rss"] - empty_rss) / on_disk
            print(f"{size:>9,} {on_disk / 1e6:>10.1f} {save['median_ms']:>8.2f} {save['max_ms']:>7.1f} "
                  f"{home['seconds']:>7.3f} {memory['rss'] / 1e6:>7.0f} {ratio:>8.2f}")
            results[f"save_ms_{label(size)}"] = save["median_ms"]
            results[f"open_home_s_{label(size)}"] = home["seconds"]
            results[f"rss_ratio_{label(size)}"] = ratio
            if size == max(sizes):
                stock_db = folder / "stock.json"
                ids = make_stock(db, stock_db)
                stock = run(STOCK_SAVE, str(stock_db), json.dumps(ids))
                results[f"stock_save_ms_{label(size)}"] = stock["median_ms"]
                speedup = stock["median_ms"] / save["median_ms"]
                print(f"stock TinyDB JSONStorage at {size:,}: save {stock['median_ms']:.0f} ms median "
                      f"— prep is {speedup:,.0f}× faster")
            for path in folder.iterdir():
                if path.name.startswith(db.name):
                    path.unlink()
        print(f"empty Textual app: {empty_rss / 1e6:.0f} MB")
    biggest = label(max(sizes))
    keys = [f"save_ms_{label(s)}" for s in sizes] + [f"stock_save_ms_{biggest}", f"open_home_s_{biggest}", f"rss_ratio_{biggest}"]
    print(" ".join(f"{key}={results[key]:.3f}" for key in keys))


if __name__ == "__main__":
    os.environ.pop("PREP_DB", None)
    main()
