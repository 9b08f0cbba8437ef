#!/usr/bin/env bash
# Times `srok batch IN.csv -o report.xlsx` end to end: a ПОС-style CSV of N rows × 25 columns
# (Benchmarks/batch/generate.py's 12 columns and 13 more as the platform's export has them: ЕПГУ
# number, source, the complaint's text, organisation, planned date, status, executor, address …)
# turned into the Excel report, RUNS times with each writer — the default (XLSXStreamWriter) and
# libxlsxwriter (`--xlsx-writer libxlsxwriter`) — each run under `/usr/bin/time -v` (wall time,
# peak RSS, CPU), then the median and the worst per writer. The issue's budget: ≤ 2 s wall and
# ≤ 150 MB peak RSS for 100 000 rows on the 2-core machine.
#   Benchmarks/xlsx/report.sh [N (100000)] [RUNS (3)] [JOBS (2)]
# Files go to $TMPDIR (default /tmp) and are removed at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-100000}"; runs="${2:-3}"; jobs="${3:-2}"
dir="$(mktemp -d "${TMPDIR:-/tmp}/srok-report-bench.XXXXXX")"
trap 'rm -rf -- "$dir"' EXIT
python3 Benchmarks/batch/generate.py "$n" > "$dir/base.csv"
python3 - "$dir/base.csv" "$dir/in.csv" <<'EOF'
import csv, random, sys
rng = random.Random(7)
sources = ["Госуслуги", "ПОС виджет", "Мобильное приложение", "Госуслуги. Решаем вместе"]
facts = ["Яма на дороге у дома", "Не вывозят мусор с контейнерной площадки", "Не горит уличный фонарь",
         "Нет отопления в квартире", "Не убран снег во дворе", "Сломана детская площадка"]
orgs = ["Администрация района № %d, управление ЖКХ" % k for k in range(1, 31)]
statuses = ["Модерация", "В работе", "Ответ подготовлен", "Решено", "Отклонено"]
streets = ["ул. Ленина", "пр. Мира", "ул. Гагарина", "ул. Советская", "наб. реки Казанки"]
with open(sys.argv[1], newline="") as f, open(sys.argv[2], "w", newline="") as g:
    r = csv.reader(f)
    w = csv.writer(g, lineterminator="\n")
    header = next(r)
    w.writerow(header + ["Номер ЕПГУ", "Источник", "Факт", "Организация, в которую поступило сообщение",
                         "Дата планируемого завершения работ", "Статус", "Просрочено", "Оценка ответа заявителем",
                         "Повторное рассмотрение", "Исполнитель", "Адрес", "Широта", "Долгота"])
    for i, row in enumerate(r):
        text = rng.choice(facts) + ". " + " ".join(rng.choice(facts).lower() for _ in range(rng.randint(0, 3)))
        planned = "%02d.%02d.%d" % (rng.randint(1, 28), rng.randint(1, 12), rng.randint(2023, 2026))
        w.writerow(row + [str(3_000_000_000 + i * 7), rng.choice(sources), text, rng.choice(orgs), planned,
                          rng.choice(statuses), rng.choice(["Да", "Нет"]), str(rng.randint(1, 5)),
                          rng.choice(["Да", "Нет"]), "Исполнитель %d" % rng.randint(1, 120),
                          "%s, д. %d" % (rng.choice(streets), rng.randint(1, 200)),
                          "%.6f" % (55 + rng.random()), "%.6f" % (49 + rng.random())])
EOF
echo "input: $(wc -l < "$dir/in.csv") lines × $(head -1 "$dir/in.csv" | python3 -c 'import csv,sys; print(len(next(csv.reader(sys.stdin))))') columns, $(du -h "$dir/in.csv" | cut -f1)"
swift build -c release --product srok >/dev/null
bin=.build/release/srok
for writer in stream libxlsxwriter; do
  walls=(); rss=(); cpus=()
  for i in $(seq "$runs"); do
    rm -f -- "$dir/report.xlsx" "$dir/report.xlsx.rejects.csv"
    /usr/bin/time -v -o "$dir/time" "$bin" batch "$dir/in.csv" -o "$dir/report.xlsx" --xlsx-writer "$writer" \
      --as-of 2026-11-01T12:00+03:00 -j "$jobs" --no-progress 2>/dev/null || [ $? -eq 1 ]
    wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(k=1;k<=n;k++) s=s*60+t[k]; print s}' "$dir/time")"
    kb="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time")"
    cpu="$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$dir/time")"
    echo "$writer run $i: wall $wall s, peak RSS $((kb / 1024)) MB, CPU $cpu s, report $(du -k "$dir/report.xlsx" | cut -f1) KB"
    walls+=("$wall"); rss+=("$kb"); cpus+=("$cpu")
  done
  printf '%s\n' "${walls[@]}" | sort -n | awk -v w="$writer" '{a[NR]=$1} END {printf "%s: wall median %.2f s, worst %.2f s\n", w, a[int((NR+1)/2)], a[NR]}'
  printf '%s\n' "${cpus[@]}" | sort -n | awk -v w="$writer" '{a[NR]=$1} END {printf "%s: CPU (user + sys) median %.2f s, worst %.2f s\n", w, a[int((NR+1)/2)], a[NR]}'
  printf '%s\n' "${rss[@]}" | sort -n | awk -v w="$writer" '{a[NR]=$1} END {printf "%s: peak RSS median %.1f MB, worst %.1f MB\n", w, a[int((NR+1)/2)]/1024, a[NR]/1024}'
done
