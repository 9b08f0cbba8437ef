"""The Python module over libSrokC.so. Expected dates are worked out by hand in the comments: 30
calendar days counted from the day after registration (ГК РФ ст. 191), a last day that is not a
working day moved to the preceding working day (the ПОС rule of the federal profile), on the
federal calendar in Data/calendars/RU-2013-2027.srokcal and RU-statute.srokcal."""

import concurrent.futures
import ctypes
import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import srok

ROOT = Path(__file__).resolve().parents[3]
MSK = dt.timezone(dt.timedelta(hours=3))
D = dt.date


def test_struct_sizes_match_the_header():
    # The sizes srok.h's layout check pins (Sources/CSrok/srok_layout.c).
    header = (ROOT / "Sources/CSrok/srok_layout.c").read_text()
    pinned = dict(re.findall(r"sizeof\((\w+)\) == (\d+),", header))
    assert ctypes.sizeof(srok._Request) == int(pinned["srok_request"]) == 72
    assert ctypes.sizeof(srok._DueResult) == int(pinned["srok_due_result"]) == 152
    assert ctypes.sizeof(srok._OpenOptions) == int(pinned["srok_open_options"]) == 56
    assert ctypes.sizeof(srok._Date) == int(pinned["srok_date"]) == 16
    assert ctypes.sizeof(srok._Error) == 8 + 8 + 64 + 1024


def test_version():
    assert srok.version() == "0.1.0"
    assert Path(srok.library_path()).name == "libSrokC.so"


def test_due_on_a_worked_saturday_with_the_stage_plan():
    # Thursday 28.03.2024 10:00 MSK + 30 days = Saturday 27.04.2024, a working day by the transfer
    # 2024-04-27 → 2024-04-29 (Пост. Правительства РФ от 10.08.2023 № 1314): no roll, due 23:59:59.
    d = srok.due("2024-03-28T10:00+03:00")
    assert d.due_date == D(2024, 4, 27)
    assert d.roll == "none"
    assert d.due_local == dt.datetime(2024, 4, 27, 23, 59, 59, tzinfo=MSK)
    assert d.due == dt.datetime(2024, 4, 27, 20, 59, 59, tzinfo=dt.timezone.utc)
    assert (d.term_amount, d.term_unit, d.regime, d.provisional) == (30, "calendar-days", "message", False)
    # 43 200 minutes shared 5/5/65/15/10 %; planned dues at 36 h, 72 h, 540 h, 648 h.
    reg = dt.datetime(2024, 3, 28, 10, tzinfo=MSK)
    assert [s.budget_minutes for s in d.stages.values()] == [2160, 2160, 28080, 6480, 4320]
    assert d.stages["moderation"].due == reg + dt.timedelta(hours=36)
    assert d.stages["coordination"].due == reg + dt.timedelta(hours=72)
    assert d.stages["execution"].due == reg + dt.timedelta(hours=540)
    assert d.stages["approval"].due == reg + dt.timedelta(hours=648)
    assert d.stages["final_approval"].due == d.due


@pytest.mark.parametrize(
    "registered",
    [
        "2024-03-30T10:15+03:00",
        "30.03.2024 10:15",  # a local time, read in the profile's zone (Moscow)
        dt.datetime(2024, 3, 30, 10, 15, tzinfo=MSK),  # aware: an instant
        dt.datetime(2024, 3, 30, 10, 15),  # naive: local
        dt.date(2024, 3, 30),
        int(dt.datetime(2024, 3, 30, 7, 15, tzinfo=dt.timezone.utc).timestamp()),  # epoch seconds
        np.datetime64("2024-03-30T10:15"),  # naive: local
        pd.Timestamp("2024-03-30 10:15", tz="Europe/Moscow"),
    ],
)
def test_due_accepts_every_form_of_registration(registered):
    # Saturday 30.03.2024 + 30 = Monday 29.04 (off, transfer from 27.04); Sunday 28.04 off; back to
    # the worked Saturday 27.04.2024.
    d = srok.due(registered)
    assert d.due_date == D(2024, 4, 27)
    assert d.unrolled_date == D(2024, 4, 29)
    assert d.roll == "rolled"


def test_due_fields():
    # brasovsky: «Мусор / Уборка мусора во дворах» is a 10-day fast-track (Data/profiles/brasovsky.srokprofile);
    # Friday 29.03.2024 + 10 = Monday 08.04.2024.
    d = srok.due("2024-03-29T10:15+03:00", profile="brasovsky", category="Мусор", subcategory="Уборка мусора во дворах")
    assert (d.term_amount, d.due_date) == (10, D(2024, 4, 8))
    # 10 days from 28.03.2024: Sunday 07.04 → Saturday 06.04 (off) → Friday 05.04.2024.
    assert srok.due("2024-03-28T10:00+03:00", term_days=10).due_date == D(2024, 4, 5)
    # Yekaterinburg: 28.03 20:30 UTC is 29.03 01:30 (+05); 29.03 + 30 = Sunday 28.04 → 27.04, 23:59:59+05.
    d = srok.due("2024-03-28T20:30Z", tz="Asia/Yekaterinburg")
    assert d.due_local == dt.datetime(2024, 4, 27, 23, 59, 59, tzinfo=dt.timezone(dt.timedelta(hours=5)))
    assert srok.due("2024-03-28", regime="appeal").regime == "appeal"


def test_one_language_at_a_time():
    # Russian by default (SrokError's form «недопустимое значение <ключ>: «<значение>»; ожидается …»),
    # English with language="en"; the codes of the answers are the same in both.
    with pytest.raises(srok.SrokError) as e:
        srok.due("2024-13-45")
    assert e.value.message.startswith("недопустимое значение registered_at: «2024-13-45»")
    with srok.Context(language="en") as en:
        with pytest.raises(srok.SrokError) as e:
            en.due("2024-13-45")
        assert e.value.message.startswith("invalid registered_at: '2024-13-45'")
        # 30 days from 29.03.2024 end on Sunday 28.04, moved to Saturday 27.04 (a working day by
        # the 2024 transfer decree): the roll in words, in the context's language.
        answer = en.due_json({"registered_at": "2024-03-29T10:15+03:00", "term_days": 30})
        assert answer["rolled"] == "preceding:2024-04-28>2024-04-27"
        assert answer["rolled_text"] == "2024-04-28 → 2024-04-27, moved to the preceding working day"
    assert srok.due_json({"registered_at": "2024-03-29T10:15+03:00", "term_days": 30})["rolled_text"] == (
        "28.04.2024 → 27.04.2024, перенос на предшествующий рабочий день"
    )
    with pytest.raises(ValueError):
        srok.Context(language="de")


def test_errors_name_the_field():
    with pytest.raises(srok.SrokError) as e:
        srok.due("2024-13-45")
    assert (e.value.code, e.value.field) == ("SROK_E_INVALID", "registered_at")
    with pytest.raises(srok.SrokError) as e:
        srok.due("2024-03-28", profile="nonexistent")
    assert (e.value.code, e.value.field) == ("SROK_E_UNKNOWN", "profile")
    assert "federal" in e.value.message
    with pytest.raises(srok.SrokError) as e:
        srok.due("2024-03-28", term_days=31)  # a ПОС message takes 1–30 days
    assert e.value.field == "term_days"
    with pytest.raises(srok.SrokError) as e:
        srok.due("2040-01-10")  # the decree data end with 2027
    assert e.value.code == "SROK_E_COVERAGE"
    with pytest.raises(ValueError):
        srok.due("2024-03-28", regime="petition")


def test_due_dates_of_a_numpy_column():
    # Moscow local times: 28.03.2024 → 27.04 (worked Saturday); 12.04.2024 + 30 = Sunday 12.05 →
    # Saturday 11.05, Friday 10.05 (transfer from 06.01), Thursday 09.05 (День Победы) are off →
    # Wednesday 08.05.2024; 05.12.2024 + 30 = Saturday 04.01.2025 (holiday) → back over 1–3.01,
    # 31.12 (transfer from 07.01), 30.12 (transfer from 28.12), Sunday 29.12 → the worked
    # Saturday 28.12.2024; NaT stays NaT.
    registered = np.array(
        ["2024-03-28T10:00", "2024-04-12T09:00", "2024-12-05T18:00", "NaT"], dtype="datetime64[s]"
    )
    dates = srok.due_dates(registered)
    assert dates.dtype == np.dtype("datetime64[D]")
    expected = np.array(["2024-04-27", "2024-05-08", "2024-12-28", "NaT"], dtype="datetime64[D]")
    np.testing.assert_array_equal(dates, expected)
    dates, dues = srok.due_dates(registered, return_due=True)
    assert dues[0] == np.datetime64("2024-04-27T20:59:59")  # 23:59:59 MSK in UTC
    assert np.isnat(dues[3])


def test_due_dates_of_pandas_columns_keep_the_index():
    naive = pd.Series(pd.to_datetime(["2024-03-28 10:00", "2024-12-05 18:00"]), index=["a", "b"], name="reg")
    out = srok.due_dates(naive)
    assert list(out.index) == ["a", "b"] and out.name == "reg"
    assert list(out.dt.date) == [D(2024, 4, 27), D(2024, 12, 28)]
    # Aware values are instants: 28.03.2024 23:30 UTC is 29.03 02:30 in Moscow: 29.03 + 30 = Sunday
    # 28.04 → 27.04; the same wall-clock time naive (local, Moscow) is still 28.03 → 27.04.
    aware = pd.Series(pd.to_datetime(["2024-03-28 23:30", "2024-03-27 23:30"]).tz_localize("UTC"))
    assert list(srok.due_dates(aware).dt.date) == [D(2024, 4, 27), D(2024, 4, 27)]
    # 27.03.2024 23:30 UTC = 28.03 02:30 MSK → 27.04; read as a Yekaterinburg local time instead:
    # still 27.03 → 26.04.2024 (Friday, a working day).
    local = pd.Series(pd.to_datetime(["2024-03-27 23:30"]))
    assert srok.due_dates(local, tz="Asia/Yekaterinburg").dt.date.tolist() == [D(2024, 4, 26)]
    index = pd.DatetimeIndex(["2024-03-28 10:00"])
    assert srok.due_dates(index)[0] == np.datetime64("2024-04-27")


def test_due_dates_errors():
    column = np.array(["2024-03-28T10:00", "2040-01-10T10:00", "NaT"], dtype="datetime64[s]")
    with pytest.raises(srok.SrokError) as e:
        srok.due_dates(column)
    assert (e.value.index, e.value.code) == (1, "SROK_E_COVERAGE")
    coerced = srok.due_dates(column, errors="coerce")
    assert coerced[0] == np.datetime64("2024-04-27") and np.isnat(coerced[1]) and np.isnat(coerced[2])
    with pytest.raises(srok.SrokError) as e:
        srok.due_dates(column[:1], profile="nonexistent")
    assert e.value.field == "profile"


def test_srok_is_right_on_worked_saturdays_where_numpy_weekmasks_cannot_be():
    # numpy.busday_offset describes a calendar by a weekly mask plus holidays that only remove
    # days, so a Saturday made a working day by a decree is out of its reach. The two worked
    # Saturdays of 2024 (Пост. Правительства РФ от 10.08.2023 № 1314, Data/calendars/RU-2013-2027.srokcal):
    # 27.04 (transfer 2024-04-27 → 2024-04-29) and 28.12 (transfer 2024-12-28 → 2024-12-30).
    holidays = [
        "2024-04-29", "2024-04-30", "2024-05-01", "2024-05-09", "2024-05-10",  # transfers, ст. 112
        "2024-06-12", "2024-11-04", "2024-12-30", "2024-12-31",
        "2025-01-01", "2025-01-02", "2025-01-03", "2025-01-06", "2025-01-07", "2025-01-08",
    ]
    registered = np.array(["2024-03-28T10:00", "2024-12-05T18:00", "2024-03-21T10:00"], dtype="datetime64[s]")
    last_days = registered.astype("datetime64[D]") + np.timedelta64(30, "D")  # 27.04, 04.01.2025, 20.04
    weekdays_only = np.busday_offset(last_days, 0, roll="backward", weekmask="1111100", holidays=holidays)
    with_saturdays = np.busday_offset(last_days, 0, roll="backward", weekmask="1111110", holidays=holidays)
    right = np.array(["2024-04-27", "2024-12-28", "2024-04-19"], dtype="datetime64[D]")
    np.testing.assert_array_equal(srok.due_dates(registered), right)
    # Mon–Fri skips the worked Saturdays (26.04 and 27.12 instead). Mon–Sat counts every Saturday
    # as working: right on 27.04, but it stops on Saturday 04.01.2025 (a holiday) and on the
    # ordinary Saturday 20.04.2024. No weekmask gets all three: only listing every non-working
    # Saturday of every year as a "holiday" would — building the production calendar by hand.
    assert list(weekdays_only == right) == [False, False, True]
    assert list(with_saturdays == right) == [True, False, False]


def test_threads_share_a_context():
    ctx = srok.Context()
    start = np.datetime64("2024-01-01T00:00", "s")
    column = start + (np.arange(200_000) * 300).astype("timedelta64[s]")
    alone = ctx.due_dates(column)
    chunks = np.array_split(column, 8)
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        together = np.concatenate(list(pool.map(ctx.due_dates, chunks)))
    np.testing.assert_array_equal(alone, together)
    ctx.close()
    with pytest.raises(ValueError):
        ctx.due("2024-03-28")


def test_context_with_a_user_profile():
    # bindings/c/testdata/civil193.srokprofile rolls following (ГК РФ ст. 193): 30.03.2024 + 30 =
    # Monday 29.04 (off) → Tuesday 30.04 (off, transfer from 02.11) → 01.05 (holiday) → Thursday 02.05.2024.
    with srok.Context(profile_files=[ROOT / "bindings/c/testdata/civil193.srokprofile"]) as ctx:
        assert ctx.due("2024-03-30T10:15+03:00", profile="civil193").due_date == D(2024, 5, 2)
    with pytest.raises(srok.SrokError) as e:
        srok.Context(calendar_files=["/nonexistent.srokcal"])
    assert e.value.code == "SROK_E_IO"


BRASOVSKY = {
    "registered_at": "2024-03-29T10:15+03:00",
    "profile": "brasovsky",
    "category": "Мусор",
    "subcategory": "Уборка мусора во дворах",
    "entries": [{"stage": "execution", "at": "2024-03-30T09:00+03:00"}],
    "as_of": "2024-04-20T12:00+03:00",
}


def test_json_calls():
    # brasovsky's 10-day fast-track from Friday 29.03.2024: Monday 08.04.2024, 23:59:59 MSK; on
    # 20.04.2024 the message, in execution since 30.03, is overdue.
    due = srok.due_json(BRASOVSKY)
    assert (due["due_date"], due["due"], due["term"]) == ("2024-04-08", "2024-04-08T23:59:59+03:00", "10 calendar-days")
    status = srok.status_json(BRASOVSKY)
    assert (status["status"], status["stage"]) == ("overdue", "execution")
    assert [s["stage"] for s in status["stages"]][0] == "moderation"
    import json

    assert srok.due_json(json.dumps(BRASOVSKY))["due_date"] == "2024-04-08"  # the JSON text works too
    with pytest.raises(srok.SrokError) as e:
        srok.due_json({"registered_at": "2024-03-28", "bogus": 1})
    assert (e.value.code, e.value.field) == ("SROK_E_INVALID", "bogus")
    with pytest.raises(srok.SrokError) as e:
        srok.due_json({"registered_at": "2024-03-28", "term_days": True})
    assert e.value.field == "term_days"


def test_the_fast_path_and_the_json_call_agree():
    # Two routes through the one resolver: srok_due (plain fields, cached engines) and
    # srok_due_json (the request reader and the answer encoder) — on 300 registrations over
    # 2020–2026 in three zones and two profiles.
    rng = np.random.default_rng(7)
    start = int(dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc).timestamp())
    for k, seconds in enumerate(rng.integers(0, 7 * 365 * 86400 - 40 * 86400, size=300)):
        instant = dt.datetime.fromtimestamp(start + int(seconds), dt.timezone.utc)
        fields = [{}, {"tz": "Asia/Yekaterinburg"}, {"profile": "krasnodar-krai", "region": "RU-TA"}][k % 3]
        fast = srok.due(instant, **fields)
        answer = srok.due_json({"registered_at": instant.isoformat(), **fields})
        assert answer["due_date"] == fast.due_date.isoformat()
        assert dt.datetime.fromisoformat(answer["due"]) == fast.due
        for stage in srok.STAGES:
            assert dt.datetime.fromisoformat(answer[stage + "_due"]) == fast.stages[stage].due
            assert answer[stage + "_budget_minutes"] == fast.stages[stage].budget_minutes
