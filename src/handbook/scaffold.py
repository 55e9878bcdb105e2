"""Scaffold a page (with its quiz and nav entry), a checklist (with its page and nav entry) or a figure script.

Usage (make new KIND=... NAME=... TITLE=...):
  python scripts/new.py page SECTION/PAGE-ID "Title"      e.g. page data/bloom-filters "Bloom filters"
                                                          (also writes the figure the page shows)
  python scripts/new.py checklist CHECKLIST-ID "Title"
  python scripts/new.py figure FIGURE-NAME "Title"
Refuses a name that exists. Starter text says `TODO`; a test fails while any is left in docs/ or data/.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from handbook.project import repository

KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

PAGE = """---
description: TODO one sentence on what this page teaches.
---
# {title}

TODO: the one-paragraph answer to "what is it and why does an interviewer ask?"

## How it works

TODO: the mechanics, referring to the figure drawn by `figures/{name}.py`:

{{{{ figure("{name}") }}}}

## Trade-offs

| Option | Latency | Consistency | Operational cost | Fails when | Pick it when |
|---|---|---|---|---|---|
| TODO | | | | | |

## In the interview

- **The five-minute answer:** TODO
- **Follow-ups:** TODO
- **Traps:** TODO

## Quiz

{{{{ quiz("{name}", heading_level=3) }}}}

## Further reading

- TODO a primary source (paper, official documentation, DDIA chapter).
"""

QUIZ = """# yaml-language-server: $schema=../../schemas/quiz.schema.json
id: {name}
title: {title}
questions:
  - id: {name}-todo-first-question
    prompt: TODO a situation that asks for a decision, a consequence or a failure.
    choices:
      - text: TODO the right answer
        correct: true
        why: TODO why it is right.
      - text: TODO a plausible wrong answer
        why: TODO precisely what is wrong with it.
      - text: TODO another plausible wrong answer
        why: TODO precisely what is wrong with it.
    explanation: TODO two to four sentences with the mechanism or the number.
    difficulty: junior
"""

CHECKLIST = """# yaml-language-server: $schema=../../schemas/checklist.schema.json
id: {name}
title: {title}
summary: TODO when to use this checklist.
sections:
  - title: TODO the phase it is used in
    items:
      - id: todo-first-item
        text: TODO a short imperative item
"""

CHECKLIST_PAGE = """---
description: TODO one sentence on when to use this checklist.
---
# {title}

TODO one sentence. Print it with the Print button; it fits on one page.

{{{{ checklist("{name}") }}}}
"""

FIGURE = '''"""{title}."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.database import PostgreSQL

TITLE = "{title}"
ALT = "TODO what the figure shows, for a reader who cannot see it."

with Diagram(TITLE, direction="LR"):
    with Cluster("TODO a boundary"):
        primary = PostgreSQL("TODO primary")
    primary >> Edge(label="TODO what flows") >> PostgreSQL("TODO replica")
'''


class ScaffoldError(Exception):
    pass


def create(path: Path, text: str, root: Path) -> str:
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(root)} already exists: choose another name")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path.relative_to(root).as_posix()


def add_to_nav(root: Path, folder: str, title: str, page: str) -> None:
    """Insert the page after the last nav entry in the same folder, at the same indentation."""
    config = root / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("nav:"))
    matches = [
        i for i in range(start + 1, len(lines)) if re.search(rf"[ :]{re.escape(folder)}/[^/]+\.md\s*$", lines[i])
    ]
    if not matches:
        raise ScaffoldError(f"mkdocs.yml: no nav section holds pages of docs/{folder}/: add the entry by hand")
    last = matches[-1]
    indent = re.match(r"^(\s*)- ", lines[last]).group(1)
    lines.insert(last + 1, f"{indent}- {title}: {page}\n")
    config.write_text("".join(lines), encoding="utf-8")


def scaffold(kind: str, name: str, title: str, root: Path) -> list[str]:
    folder, _, page_id = name.rpartition("/")
    if kind == "page" and not folder:
        raise ScaffoldError("a page is named SECTION/PAGE-ID, e.g. data/bloom-filters")
    ident = page_id if kind == "page" else name
    if not KEBAB.match(ident):
        raise ScaffoldError(f"{ident!r} is not kebab-case (lowercase letters, digits, single hyphens)")
    quoted = title.replace('"', "'")
    if kind == "page":
        if (root / "docs" / folder / f"{ident}.md").exists():
            raise ScaffoldError(f"docs/{folder}/{ident}.md already exists: choose another name")
        if (root / "data" / "quizzes" / f"{ident}.yml").exists():
            raise ScaffoldError(f"data/quizzes/{ident}.yml already exists: page ids are unique across sections")
        if (root / "figures" / f"{ident}.py").exists():
            raise ScaffoldError(f"figures/{ident}.py already exists: the page's figure takes the page's id")
        made = [
            create(root / "docs" / folder / f"{ident}.md", PAGE.format(title=title, name=ident), root),
            create(root / "data" / "quizzes" / f"{ident}.yml", QUIZ.format(title=quoted, name=ident), root),
            create(root / "figures" / f"{ident}.py", FIGURE.format(title=quoted), root),
        ]
        add_to_nav(root, folder, title, f"{folder}/{ident}.md")
    elif kind == "checklist":
        made = [
            create(root / "data" / "checklists" / f"{ident}.yml", CHECKLIST.format(title=quoted, name=ident), root),
            create(root / "docs" / "checklists" / f"{ident}.md", CHECKLIST_PAGE.format(title=title, name=ident), root),
        ]
        add_to_nav(root, "checklists", title, f"checklists/{ident}.md")
    elif kind == "figure":
        made = [create(root / "figures" / f"{ident}.py", FIGURE.format(title=quoted), root)]
    else:
        raise ScaffoldError(f"unknown kind {kind!r}: page, checklist or figure")
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["page", "checklist", "figure"])
    parser.add_argument("name")
    parser.add_argument("title")
    parser.add_argument("--root", type=Path, default=repository().root)
    args = parser.parse_args(argv)
    try:
        made = scaffold(args.kind, args.name, args.title, args.root)
    except ScaffoldError as exc:
        print(f"new: {exc}", file=sys.stderr)
        return 1
    print("created " + ", ".join(made) + ("; added to nav in mkdocs.yml" if args.kind != "figure" else ""))
    print("replace every TODO, then preview with `make serve` and check with `make test`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
