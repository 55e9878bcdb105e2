"""Validate every quiz and checklist file; print `path:line: key: problem` lines and exit 1 on any problem."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.data_loader import DataError, load_data  # noqa: E402


def main() -> int:
    try:
        data = load_data(ROOT)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    questions = sum(len(item.model.questions) for item in data.quizzes.values())
    print(f"{len(data.quizzes)} quizzes ({questions} questions), {len(data.checklists)} checklists: valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
