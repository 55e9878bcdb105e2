"""Write the Anki deck of every quiz question to dist/backend-interview-handbook.apkg (make anki).

Usage: python scripts/build_anki.py [--root DIR] [--output FILE]. The same deck every build publishes.
"""

import argparse
import sys
from pathlib import Path

from handbook.errors import DataError
from handbook.exports.anki import build_project_deck
from handbook.exports.catalog import ANKI_DECK
from handbook.project import repository


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=repository().root, help="the project folder")
    parser.add_argument("--output", type=Path, help=f"where to write the deck (default: ROOT/dist/{ANKI_DECK})")
    args = parser.parse_args(argv)
    output = args.output or args.root / "dist" / ANKI_DECK
    try:
        cards, quizzes = build_project_deck(args.root, output)
    except DataError as exc:
        print(f"invalid data files, no deck written:\n{exc}", file=sys.stderr)
        return 1
    print(
        f"{cards} questions ({2 * cards} cards: recall and multiple choice) from {quizzes} quizzes written to {output}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
