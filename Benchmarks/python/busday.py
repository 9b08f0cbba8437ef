#!/usr/bin/env python3
"""Srok's vectorised due dates against numpy.busday_offset on the same 1 M registration times.

The job: the due date of ПОС messages registered at local times in Moscow, 2019–2026 — 30 calendar
days from the day after registration, a last day that is not a working day moved to the preceding
working day.

- Srok: ``srok.due_dates(local_times)`` — one srok_due_many call over the column (zone, +30 days,
  the federal production calendar with every transfer decree, the roll, the due instant).
- numpy: ``np.busday_offset(last_days, 0, roll="backward", busdaycal=cal)`` with the best
  calendar numpy can hold: weekmask Mon–Fri and, as holidays, every Monday–Friday that Srok's
  calendar says is not a working day. numpy cannot express a *worked* Saturday (a weekday mask
  is the same every week and holidays only remove days), so its answer is wrong whenever the
  last day is, or rolls back over, a Saturday made a working day by a transfer decree.

Prints the per-element times (best of the repeats) and how many dates differ, and checks that
every difference is a worked Saturday. Run after ``swift build -c release --product SrokC``:

    python3 Benchmarks/python/busday.py [--n 1000000] [--repeat 9]
"""

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bindings" / "python"))
import srok  # noqa: E402


def interleaved(jobs, repeat):
    """Each job's best (lowest) time over `repeat` rounds, the jobs taking turns within a round so
    that a busy machine slows them alike: CPU time of this thread (what the work costs, not the
    time spent waiting for a core) and wall time. Returns {name: (cpu, wall, result)}."""
    best = {}
    for _ in range(repeat):
        for name, f in jobs.items():
            c, w = time.thread_time(), time.perf_counter()
            out = f()
            c, w = time.thread_time() - c, time.perf_counter() - w
            old = best.get(name)
            best[name] = (min(c, old[0]) if old else c, min(w, old[1]) if old else w, out)
    return best


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--n", type=int, default=1_000_000)
    p.add_argument("--repeat", type=int, default=9)
    args = p.parse_args()

    rng = np.random.default_rng(13)
    start = np.datetime64("2019-01-01T00:00:00", "s")
    span = int((np.datetime64("2026-12-31T23:59:59", "s") - start).astype(np.int64))
    local = start + rng.integers(0, span, size=args.n).astype("timedelta64[s]")  # Moscow wall-clock times
    ctx = srok.Context()
    print(f"library: {srok.library_path()}  srok {srok.version()}  numpy {np.__version__}")

    # Which days are working, from Srok itself: with term_days=1 and roll preceding, a registration
    # on day D-1 ends on D exactly when D is a working day (otherwise it rolls back, or forward).
    days = np.arange(np.datetime64("2018-12-01"), np.datetime64("2027-03-01"))
    noon_before = (days - 1).astype("datetime64[s]") + np.timedelta64(12, "h")
    working = ctx.due_dates(noon_before, term_days=1) == days
    weekday = (days.astype(np.int64) + 3) % 7  # 0 = Monday (1970-01-01 was a Thursday)
    holidays = days[(weekday < 5) & ~working]
    worked_saturdays = set(days[(weekday == 5) & working].tolist())
    cal = np.busdaycalendar(weekmask="1111100", holidays=holidays)
    print(f"calendar 2018-12…2027-02: {len(holidays)} weekday holidays given to numpy, "
          f"{len(worked_saturdays)} worked Saturdays it cannot hold")

    last = local.astype("datetime64[D]") + np.timedelta64(30, "D")
    jobs = {
        "srok.due_dates": lambda: ctx.due_dates(local),
        "np.busday_offset alone": lambda: np.busday_offset(last, 0, roll="backward", busdaycal=cal),
        "numpy incl. day + 30": lambda: np.busday_offset(
            local.astype("datetime64[D]") + np.timedelta64(30, "D"), 0, roll="backward", busdaycal=cal
        ),
    }
    results = interleaved(jobs, args.repeat)
    n = args.n
    for name, (cpu, wall, _) in results.items():
        print(f"{name:24} {cpu / n * 1e9:7.1f} ns/element CPU, {wall / n * 1e9:7.1f} ns wall  (best of {args.repeat})")
    srok_dates = results["srok.due_dates"][2]
    np_dates = results["np.busday_offset alone"][2]
    ratio = results["srok.due_dates"][0] / results["np.busday_offset alone"][0]
    print(f"srok per element / np.busday_offset per element (CPU): {ratio:.2f}")

    differ = np.flatnonzero(srok_dates != np_dates)
    print(f"dates that differ: {len(differ)} of {n} ({len(differ) / n:.2%})")
    # Every difference: Srok ends on a worked Saturday that numpy skipped (or rolled over).
    explained = all(
        srok_dates[i].astype("datetime64[D]").tolist() in worked_saturdays and np_dates[i] < srok_dates[i]
        for i in differ
    )
    print(f"every difference is Srok ending on a worked Saturday numpy skips: {explained}")
    if len(differ):
        i = differ[0]
        print(f"  e.g. registered {local[i]} (Moscow): srok {srok_dates[i]}, numpy {np_dates[i]}")
    return 0 if explained else 1


if __name__ == "__main__":
    sys.exit(main())
