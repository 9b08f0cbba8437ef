#!/usr/bin/env python3
"""Reproducible input for `srok batch`: N rows of a realistic nightly export.

Usage: generate.py N [--seed S] [--format csv|jsonl] > input.csv

Mix (fixed seed, so the same N gives the same file): registrations 2023-01..2026-10 at any
time of day; zones from Kaliningrad to Kamchatka; a third of the rows written as the ПОС export
writes dates (DD.MM.YYYY HH:MM, read in the row's zone), the rest ISO 8601 with offset; regions
RU, RU-TA, RU-BA, RU-MOW, RU-BRY; profiles federal, brasovsky, bryansk, mamadysh, krasnodar-krai;
terms 30 days or fast-tracks (10, 8, 7, 5, 3) by explicit days or by category; every stage, with
the instant it was entered; a tenth of the rows closed.
"""
import random
import sys
from datetime import datetime, timedelta, timezone

ZONES = [("Europe/Moscow", 3, 0.55), ("Asia/Yekaterinburg", 5, 0.12), ("Europe/Kaliningrad", 2, 0.05),
         ("Asia/Novosibirsk", 7, 0.1), ("Asia/Vladivostok", 10, 0.1), ("Asia/Kamchatka", 12, 0.03),
         ("Europe/Samara", 4, 0.05)]
REGIONS = [("", 0.5), ("RU-TA", 0.15), ("RU-BA", 0.1), ("RU-MOW", 0.15), ("RU-BRY", 0.1)]
PROFILES = [("federal", 0.6), ("brasovsky", 0.1), ("bryansk", 0.1), ("mamadysh", 0.1), ("krasnodar-krai", 0.1)]
STAGES = ["moderation", "coordination", "execution", "approval", "final-approval"]
CATEGORIES = [("Мусор", "Уборка мусора во дворах"), ("Автомобильные дороги", "Ямы, выбоины"), ("Образование", "Школы")]


def pick(rng, items):
    r = rng.random()
    acc = 0.0
    for value, weight in items:
        acc += weight
        if r < acc:
            return value
    return items[-1][0]


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    n = int(args[0])
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 42
    fmt = args[args.index("--format") + 1] if "--format" in args else "csv"
    rng = random.Random(seed)
    start = datetime(2023, 1, 1, tzinfo=timezone.utc).timestamp()
    span = datetime(2026, 10, 31, tzinfo=timezone.utc).timestamp() - start
    zones = [(z, o) for z, o, _ in ZONES]
    zone_weights = [(i, w) for i, (_, _, w) in enumerate(ZONES)]
    out = sys.stdout
    cols = ["id", "registered_at", "tz", "region", "profile", "term_days", "fast_track_days", "category", "subcategory",
            "stage", "stage_entered_at", "closed_at"]
    if fmt == "csv":
        out.write(",".join(cols) + "\n")
    buf = []
    for i in range(n):
        zi = pick(rng, zone_weights)
        zone, offset = zones[zi]
        ts = start + rng.random() * span
        local = datetime.fromtimestamp(ts, tz=timezone(timedelta(hours=offset)))
        if rng.random() < 0.33:
            reg = local.strftime("%d.%m.%Y %H:%M")
        else:
            reg = local.strftime("%Y-%m-%dT%H:%M:%S") + ("+%02d:00" % offset)
        profile = pick(rng, PROFILES)
        region = pick(rng, REGIONS) if profile == "federal" else ""
        term = ft = cat = sub = ""
        r = rng.random()
        if r < 0.6:
            term = "30"
        elif r < 0.8:
            ft = str(rng.choice([10, 8, 7, 5, 3] if profile in ("federal", "mamadysh") else [10]))
            if profile == "krasnodar-krai":
                ft = str(rng.choice([8, 10]))
            if profile == "bryansk":
                ft = "10"
        else:
            cat, sub = rng.choice(CATEGORIES)
        stage = rng.choice(STAGES)
        entered = local + timedelta(minutes=rng.randint(0, 20 * 24 * 60))
        entered_s = entered.strftime("%Y-%m-%dT%H:%M:%S") + ("+%02d:00" % offset)
        closed = ""
        if rng.random() < 0.1:
            closed = (entered + timedelta(minutes=rng.randint(60, 15 * 24 * 60))).strftime("%Y-%m-%dT%H:%M:%S") + ("+%02d:00" % offset)
        row = [str(1_000_000 + i), reg, zone, region, profile, term, ft, cat, sub, stage, entered_s, closed]
        if fmt == "csv":
            buf.append(",".join(f if "," not in f else '"' + f + '"' for f in row))
        else:
            buf.append("{" + ",".join('"%s":"%s"' % (k, v) for k, v in zip(cols, row) if v) + "}")
        if len(buf) >= 10000:
            out.write("\n".join(buf) + "\n")
            buf.clear()
    if buf:
        out.write("\n".join(buf) + "\n")


if __name__ == "__main__":
    main()
