#!/usr/bin/env python3
"""Reproducible input for `srok batch`: N rows of a realistic nightly export.

Usage: generate.py N [--seed S] [--format csv|jsonl] > input.csv
       generate.py N --format xlsx OUT.xlsx [--seed S]

`--format xlsx` writes the ПОС export as the platform gives it (see `write_xlsx`): a workbook of
25 columns under the export's Russian header names, with a title row above the header, dates as
date cells, ids as numbers, texts as shared strings (XlsxWriter, as Excel writes them).

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


# The 25 columns of the XLSX export: the platform's (shared notes, domain.md), then the columns
# Srok reads that an organisation adds (zone, region, profile, term, stage entry), and the executor.
XLSX_HEADER = ["Номер", "Номер ЕПГУ", "Источник", "Категория", "Подкатегория", "Факт",
               "Организация, в которую поступило сообщение", "Дата поступления",
               "Дата планируемого завершения работ", "Дата фактического завершения работ", "Стадия", "Статус",
               "Просрочено", "Фаст-трек", "ФЗ", "Заявитель выбрал подачу по 59-ФЗ", "Тип решения",
               "Оценка ответа заявителем", "Повторное рассмотрение", "Часовой пояс", "Регион", "Профиль",
               "Срок, дней", "Дата перехода на стадию", "Исполнитель"]
RU_STAGES = {"moderation": "Модерация", "coordination": "Координация", "execution": "Исполнение",
             "approval": "Согласование", "final-approval": "Утверждение"}
ORGS = [f"Администрация муниципального района № {k}" for k in range(1, 41)]


def write_xlsx(n, seed, out):
    """N rows of the ПОС export as a workbook, with the mix of the CSV (zones, profiles, regions,
    terms, fast-tracks, categories, stages, a tenth closed) in the export's forms: registration,
    stage entry and closing as date-time cells in the organisation's local time (DD.MM.YYYY
    HH:MM), the platform's planned date as a date cell, Russian stage names, «Фаст-трек» as
    days or «Нет», «ФЗ» as «Обычное сообщение» or «59-ФЗ» (a twentieth of the rows, appeals)."""
    import xlsxwriter
    rng = random.Random(seed)
    start = datetime(2023, 1, 1, tzinfo=timezone.utc).timestamp()
    span = datetime(2026, 10, 31, tzinfo=timezone.utc).timestamp() - start
    zone_weights = [(i, w) for i, (_, _, w) in enumerate(ZONES)]
    wb = xlsxwriter.Workbook(out)
    ws = wb.add_worksheet("Выгрузка")
    day = wb.add_format({"num_format": "dd.mm.yyyy"})
    stamp = wb.add_format({"num_format": "dd.mm.yyyy hh:mm"})
    ws.write(0, 0, "Выгрузка сообщений ПОС")
    ws.write_row(1, 0, XLSX_HEADER)
    for i in range(n):
        zone, offset, _ = ZONES[pick(rng, zone_weights)]
        local = datetime.fromtimestamp(start + rng.random() * span, tz=timezone(timedelta(hours=offset)))
        local = local.replace(tzinfo=None, second=0, microsecond=0)
        profile = pick(rng, PROFILES)
        region = pick(rng, REGIONS) if profile == "federal" else ""
        appeal = profile == "federal" and rng.random() < 0.05
        term = ft = cat = sub = ""
        r = rng.random()
        if r < 0.6 or appeal:
            term = 30
        elif r < 0.8:
            # The terms each act allows (mamadysh: 3, 5, 7, 10; krasnodar-krai: 8, 10; the others: 10).
            ft = rng.choice({"federal": [10, 8, 7, 5, 3], "mamadysh": [10, 7, 5, 3],
                             "krasnodar-krai": [8, 10]}.get(profile, [10]))
        else:
            cat, sub = rng.choice(CATEGORIES)
        stage = rng.choice(STAGES)
        entered = local + timedelta(minutes=rng.randint(0, 20 * 24 * 60))
        closed = None
        if rng.random() < 0.1:
            closed = entered + timedelta(minutes=rng.randint(60, 15 * 24 * 60))
        planned = (local + timedelta(days=ft or 30)).date()
        row = i + 2
        ws.write_number(row, 0, 1_000_000 + i)
        ws.write_string(row, 1, str(rng.randrange(10**9, 10**10)))
        ws.write_string(row, 2, rng.choice(["ПОС", "ЕПГУ", "Госуслуги.Решаем вместе"]))
        if cat:
            ws.write_string(row, 3, cat)
            ws.write_string(row, 4, sub)
        ws.write_string(row, 5, rng.choice(["Да", "Нет"]))
        ws.write_string(row, 6, rng.choice(ORGS))
        ws.write_datetime(row, 7, local, stamp)
        ws.write_datetime(row, 8, datetime.combine(planned, datetime.min.time()), day)
        if closed:
            ws.write_datetime(row, 9, closed, stamp)
            ws.write_string(row, 10, "Завершено")
            ws.write_string(row, 16, "Решено")
        else:
            ws.write_string(row, 10, RU_STAGES[stage])
        ws.write_string(row, 11, "Закрыто" if closed else rng.choice(["Новое", "В работе", "На доработке"]))
        ws.write_string(row, 12, "Нет")
        if ft:
            ws.write_number(row, 13, ft)
        else:
            ws.write_string(row, 13, "Нет")
        ws.write_string(row, 14, "59-ФЗ" if appeal else "Обычное сообщение")
        ws.write_string(row, 15, "Да" if appeal else "Нет")
        ws.write_number(row, 17, rng.randrange(1, 6))
        ws.write_string(row, 18, "Нет")
        ws.write_string(row, 19, zone)
        if region:
            ws.write_string(row, 20, region)
        ws.write_string(row, 21, profile)
        if term:
            ws.write_number(row, 22, term)
        if not closed:
            ws.write_datetime(row, 23, entered, stamp)
        ws.write_string(row, 24, f"Исполнитель {rng.randrange(1, 300)}")
    wb.close()


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    n = int(args[0])
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 42
    fmt = args[args.index("--format") + 1] if "--format" in args else "csv"
    if fmt == "xlsx":
        out = [a for a in args[1:] if not a.startswith("--") and a not in (str(seed), "xlsx")]
        if len(out) != 1:
            sys.exit("--format xlsx needs the output path: generate.py N --format xlsx OUT.xlsx")
        write_xlsx(n, seed, out[0])
        return
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
