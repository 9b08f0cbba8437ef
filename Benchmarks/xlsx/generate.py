#!/usr/bin/env python3
"""A ПОС-style export workbook for the .xlsx reading benchmark: N rows × 25 columns.

Usage: generate.py N OUT.xlsx [--writer openpyxl|xlsxwriter] [--seed S]

A title row above the header (as a workbook that passed through a person's Excel), the
export's Russian header names, then rows with numbers, repeated category/organisation/status
texts, free text, and date cells (a DD.MM.YYYY style) and date-time cells (DD.MM.YYYY HH:MM).

- openpyxl (the default; 3.1 writes every string inline, `t="inlineStr"`),
- xlsxwriter (shared strings, as Excel itself writes; constant_memory mode).
"""
import argparse
import datetime as dt
import random

HEADER = ["Номер", "Номер ЕПГУ", "Источник", "Категория", "Подкатегория", "Факт",
          "Организация, в которую поступило сообщение", "Дата поступления",
          "Дата планируемого завершения работ", "Дата фактического завершения работ", "Стадия", "Статус",
          "Просрочено", "Фаст-трек", "ФЗ", "Заявитель выбрал подачу по 59-ФЗ", "Тип решения",
          "Оценка ответа заявителем", "Повторное рассмотрение", "Исполнитель", "Регион", "Муниципалитет",
          "Адрес", "Текст сообщения", "Комментарий"]
CATEGORIES = [("Дороги", "Ямы, выбоины"), ("Мусор", "Уборка мусора во дворах"), ("Образование", "Школы"),
              ("ЖКХ", "Отопление"), ("Транспорт", "Расписание автобусов"), ("Здравоохранение", "Запись к врачу")]
ORGS = [f"Администрация муниципального района № {k}" for k in range(1, 41)]
STAGES = ["Модерация", "Согласование", "Исполнение", "Утверждение", "Окончательное утверждение"]
STATUSES = ["Новое", "В работе", "Решено", "Закрыто", "На доработке"]
WORDS = "просим срочно отремонтировать дорогу возле дома на улице ленина двор школа остановка свет вода".split()


def rows(n, seed):
    rng = random.Random(seed)
    base = dt.datetime(2024, 1, 1)
    for k in range(n):
        cat, sub = rng.choice(CATEGORIES)
        got = base + dt.timedelta(minutes=rng.randrange(0, 60 * 24 * 700))
        due = got + dt.timedelta(days=rng.choice([30, 10, 8, 7, 5, 3]))
        done = due - dt.timedelta(hours=rng.randrange(0, 400)) if rng.random() < 0.4 else None
        yield [100000 + k, f"{rng.randrange(10**9, 10**10)}", rng.choice(["ПОС", "ЕПГУ", "Госуслуги.Решаем вместе"]), cat, sub,
               rng.choice(["Да", "Нет"]), rng.choice(ORGS), got.date(), due, done, rng.choice(STAGES), rng.choice(STATUSES),
               rng.random() < 0.1, rng.choice(["Да", "Нет"]), rng.choice(["59-ФЗ", ""]), rng.random() < 0.2,
               rng.choice(["Решено", "Разъяснено", "Отказано"]), rng.randrange(1, 6), rng.random() < 0.05,
               f"Исполнитель {rng.randrange(1, 300)}", "RU-TA", f"Район {rng.randrange(1, 45)}",
               f"ул. Ленина, д. {rng.randrange(1, 200)}", " ".join(rng.choice(WORDS) for _ in range(12)), ""]


def with_openpyxl(n, out, seed):
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import NamedStyle
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Выгрузка")
    ws.append(["Выгрузка сообщений ПОС"])
    ws.append(HEADER)
    day = NamedStyle(name="day", number_format="DD.MM.YYYY")
    stamp = NamedStyle(name="stamp", number_format="DD.MM.YYYY HH:MM")
    for r in rows(n, seed):
        cells = []
        for k, v in enumerate(r):
            c = WriteOnlyCell(ws, value=v)
            if k == 7:
                c.style = day
            elif k in (8, 9) and v is not None:
                c.style = stamp
            cells.append(c)
        ws.append(cells)
    wb.save(out)


def with_xlsxwriter(n, out, seed):
    import xlsxwriter
    wb = xlsxwriter.Workbook(out, {"constant_memory": False})
    ws = wb.add_worksheet("Выгрузка")
    day = wb.add_format({"num_format": "dd.mm.yyyy"})
    stamp = wb.add_format({"num_format": "dd.mm.yyyy hh:mm"})
    ws.write(0, 0, "Выгрузка сообщений ПОС")
    ws.write_row(1, 0, HEADER)
    for i, r in enumerate(rows(n, seed), start=2):
        for k, v in enumerate(r):
            if v is None:
                continue
            if k == 7:
                ws.write_datetime(i, k, dt.datetime.combine(v, dt.time()), day)
            elif k in (8, 9):
                ws.write_datetime(i, k, v, stamp)
            else:
                ws.write(i, k, v)
    wb.close()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("n", type=int)
    p.add_argument("out")
    p.add_argument("--writer", choices=["openpyxl", "xlsxwriter"], default="openpyxl")
    p.add_argument("--seed", type=int, default=12)
    a = p.parse_args()
    (with_openpyxl if a.writer == "openpyxl" else with_xlsxwriter)(a.n, a.out, a.seed)


if __name__ == "__main__":
    main()
