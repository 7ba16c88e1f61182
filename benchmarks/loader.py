"""Hostile checklist files: how long the loader takes to refuse each (goal: well under a second).

    python benchmarks/loader.py

Ends with one line: `loader_max_s=…`.
"""

from __future__ import annotations

import time

from prep.library.loader import parse_checklist

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20)
)
HOSTILE = {
    "alias bomb": BOMB,
    "60k nested lists": "[" * 60_000,
    "60k nested mappings": "{" * 60_000,
    "30k nested dashes": "- " * 30_000,
    "60 KB of unknown keys": "".join(f"key{i}: value\n" for i in range(4_000)),
    "60 KB of deep blocks": "".join("  " * (i % 60) + f"k{i}:\n" for i in range(1_000)),
    "binary": b"\x00" * 60_000,
    "over the size limit": "x" * 2_000_000,
}


def main() -> None:
    worst = 0.0
    for name, content in HOSTILE.items():
        started = time.perf_counter()
        _, problems = parse_checklist(content, "hostile.yaml")
        seconds = time.perf_counter() - started
        worst = max(worst, seconds)
        print(f"{name:>22}  {seconds:6.3f} s  {problems[0].message[:60] if problems else 'accepted?!'}")
    print(f"loader_max_s={worst:.3f}")


if __name__ == "__main__":
    main()
