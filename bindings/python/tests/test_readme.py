"""README.md's Python example (between readme-python:begin and readme-python:end), run as written
in a fresh interpreter; its output checked against values worked out by hand."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def fenced_block(text, marker, language):
    lines = text.split("\n")
    begin = next(i for i, l in enumerate(lines) if marker + ":begin" in l)
    start = next(i for i in range(begin, len(lines)) if lines[i].startswith("```" + language))
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("```"))
    return "\n".join(lines[start + 1 : end]) + "\n"


def test_the_readme_python_example_runs_as_written():
    code = fenced_block((ROOT / "README.md").read_text(encoding="utf-8"), "readme-python", "python")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "bindings" / "python"))
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        # 28.03.2024 + 30 days = Saturday 27.04.2024, worked (transfer 27.04 → 29.04, Пост. № 1314).
        "2024-04-27",
        # The same; 05.12.2024 + 30 = 04.01.2025 (holiday) rolled back over 03–01.01, 31.12 and 30.12
        # (transfers from 07.01 and 28.12) and Sunday 29.12 to the worked Saturday 28.12.2024.
        "['2024-04-27' '2024-12-28'        'NaT']",
        # brasovsky's 10-day fast-track: 29.03.2024 + 10 = Monday 08.04; 12.04 + 10 = Monday 22.04.2024.
        "['08.04.2024', '22.04.2024']",
        # Due 08.04.2024; on 20.04.2024 the message is overdue.
        "2024-04-08 overdue",
    ]
