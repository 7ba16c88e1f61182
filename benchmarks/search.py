"""Search speed per keystroke at 1k, 10k and 50k meetings, against a plain substring scan in the same run.

    python benchmarks/search.py [--sizes 1000,10000,50000]

The rep types "pilot" one letter at a time; each keystroke searches everything written
(answers, notes, follow-ups, customer, contact). The baseline is the simplest possible
scan over the same texts held as Python strings: `[t for t in texts if query in t]`.
"search" is the search alone; "hits" is what the history does for each keystroke: the
search, then where the words were found (an excerpt) for each of the rows it lists.
Goal: hits within 2× of that scan. The last line is machine-readable:

    search_ms_1k=… search_ms_10k=… search_ms_50k=… hits_ms_1k=… hits_ms_10k=… hits_ms_50k=… scan_ms_50k=… hits_x_50k=…
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from demo_data import label, make_demo

MEASURE = """
import json, statistics, sys, time
from pathlib import Path
from prep.insights.search import excerpt, search
from prep.screens.history import SHOWN
from prep.storage.store import Store
summaries = Store(Path(sys.argv[1])).summaries()
texts = [s.text.decode() for s in summaries]
queries = ["p", "pi", "pil", "pilo", "pilot", "pilot s", "budget", "zz"]
def best(function, query):
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        function(query)
        runs.append(time.perf_counter() - started)
    return min(runs)
def hits(query):
    found = search(summaries, query)
    return [excerpt(summary, query) for summary in found[:SHOWN]]
ours = [best(lambda q: search(summaries, q), q) for q in queries]
shown = [best(hits, q) for q in queries]
scan = [best(lambda q: [t for t in texts if q in t], q) for q in queries]
print(json.dumps({"search_ms": statistics.median(ours) * 1000, "scan_ms": statistics.median(scan) * 1000,
                  "hits_ms": statistics.median(shown) * 1000, "max_ms": max(shown) * 1000,
                  "meetings": len(summaries)}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    results: dict[str, float] = {}
    print(f"{'meetings':>9} {'search ms':>10} {'hits ms':>8} {'max ms':>7} {'scan ms':>8} {'ratio':>6}")
    with tempfile.TemporaryDirectory(prefix="prep-bench-") as temp:
        for size in sizes:
            db = make_demo(Path(temp), size)
            out = subprocess.run([sys.executable, "-c", textwrap.dedent(MEASURE), str(db)],
                                 check=True, capture_output=True, text=True).stdout
            measured = json.loads(out.strip().splitlines()[-1])
            ratio = measured["hits_ms"] / measured["scan_ms"]
            print(f"{size:>9,} {measured['search_ms']:>10.2f} {measured['hits_ms']:>8.2f} {measured['max_ms']:>7.2f} "
                  f"{measured['scan_ms']:>8.2f} {ratio:>6.2f}")
            for name in ("search", "hits", "scan"):
                results[f"{name}_ms_{label(size)}"] = measured[f"{name}_ms"]
            results[f"hits_x_{label(size)}"] = ratio
    largest = label(max(sizes))
    keys = [f"search_ms_{label(s)}" for s in sizes] + [f"hits_ms_{label(s)}" for s in sizes]
    keys += [f"scan_ms_{largest}", f"hits_x_{largest}"]
    print(" ".join(f"{key}={results[key]:.3f}" for key in keys))


if __name__ == "__main__":
    os.environ.pop("PREP_DB", None)
    main()
