"""`make bench` / `python -m bench [names…] [--records N] [--fresh]`: run the benchmarks.

Every ``bench/*_bench.py`` module with ``run() -> list[dict]`` is a benchmark; each row is
``{operation, size, seconds, peak_mb}`` plus optional ``note``. Each module runs in its own
child process, so a row without ``peak_mb`` gets that child's resident high-water mark
(ru_maxrss from wait4): peak memory is per benchmark, not the runner's. The figures are printed
as a table and appended to bench/results.md with the date and the machine.

``--records N`` and ``--fresh`` reach the modules as ARCHDESK_BENCH_RECORDS and
ARCHDESK_BENCH_FRESH (regenerate data kept in bench/data/ instead of reusing it).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results.md"
MARKER = "ARCHDESK-BENCH-ROWS "
_CHILD = (
    "import importlib, json, sys; rows = importlib.import_module('bench.' + sys.argv[1]).run(); "
    f"print({MARKER!r} + json.dumps(rows, ensure_ascii=False, default=str))"
)


def discover() -> list[str]:
    return sorted(path.stem for path in BENCH.glob("*_bench.py"))


def _select(names: list[str], wanted: list[str]) -> list[str]:
    chosen = []
    for name in wanted:
        module = name if name.endswith("_bench") else f"{name}_bench"
        if module not in names:
            raise SystemExit(f"no benchmark {name!r}; there are: {', '.join(n.removesuffix('_bench') for n in names)}")
        chosen.append(module)
    return chosen or names


def run_module(module: str, env: dict[str, str]) -> list[dict]:
    """Run one module's ``run()`` in a child process; rows get the child's peak memory if they lack one."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, module], cwd=BENCH.parent, env=env, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    output = child.stdout.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    peak_mb = usage.ru_maxrss / 1024
    lines = [line for line in output.splitlines() if line.startswith(MARKER)]
    if child.returncode != 0 or not lines:
        seconds = time.perf_counter() - started
        return [{"operation": f"{module} FAILED (exit {child.returncode})", "size": "", "seconds": seconds}]
    rows = json.loads(lines[-1][len(MARKER) :])
    for row in rows:
        row.setdefault("peak_mb", round(peak_mb, 1))
    return rows


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def machine() -> str:
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs ({_cpu()}), "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, load {os.getloadavg()[0]:.1f}"
    )


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if value < 10 else f"{value:.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def table(rows: list[dict]) -> str:
    header = ["operation", "size", "seconds", "peak MB", "note"]
    lines = [
        [str(r.get("operation", "")), _cell(r.get("size", "")), _cell(r.get("seconds", "")),
         _cell(r.get("peak_mb", "")), str(r.get("note", ""))]
        for r in rows
    ]  # fmt: skip
    return "\n".join(
        [
            "| " + " | ".join(header) + " |",
            "| --- | ---: | ---: | ---: | --- |",
            *["| " + " | ".join(c) + " |" for c in lines],
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description="Run ArchDesk's benchmarks.")
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all), e.g. search reports")
    parser.add_argument("--records", type=int, help="size of the generated archive (default per benchmark)")
    parser.add_argument("--fresh", action="store_true", help="regenerate data kept in bench/data/")
    parser.add_argument("--no-record", action="store_true", help="do not append to bench/results.md")
    args = parser.parse_args(argv)
    modules = _select(discover(), args.names)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(BENCH.parent), os.environ.get("PYTHONPATH")])))
    if args.records:
        env["ARCHDESK_BENCH_RECORDS"] = str(args.records)
    if args.fresh:
        env["ARCHDESK_BENCH_FRESH"] = "1"
    started = datetime.now()
    rows: list[dict] = []
    for module in modules:
        print(f"running {module} …", file=sys.stderr, flush=True)
        module_rows = run_module(module, env)
        print(table(module_rows), flush=True)
        rows += module_rows
    if not args.no_record:
        with RESULTS.open("a", encoding="utf-8") as out:
            out.write(f"\n## {started:%Y-%m-%d %H:%M} — {', '.join(modules)}\n\n{machine()}\n\n{table(rows)}\n")
        print(f"appended to {RESULTS.relative_to(BENCH.parent)}", file=sys.stderr)
    return 1 if any("FAILED" in str(r.get("operation")) for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
