"""Validate every data file; print `path:line: key: problem` lines and exit 1 on any problem."""

import sys

from handbook.content.loading import load_data
from handbook.errors import DataError
from handbook.project import repository


def main() -> int:
    root = repository().root
    try:
        data = load_data(root)
        if data.problem_set:
            data.problem_set.check_pages(root)  # this checkout has every page: check the problems' pages too
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    problems = f", {len(data.problem_set.problems)} coding problems" if data.problem_set else ""
    print(
        f"{len(data.quizzes)} quizzes ({data.question_count} questions), {len(data.checklists)} checklists"
        f"{problems}: valid"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
