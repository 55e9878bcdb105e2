"""Build contexts for unit tests: the real project's data and placements, or pages made up from strings."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from types import SimpleNamespace

from mkdocs.utils.meta import get_data

from handbook.content.loading import HandbookData, load_data
from handbook.content.placements import PageInfo, load_placements
from handbook.project import Project, repository


@cache
def real_data() -> HandbookData:
    """This repository's data, loaded once for every test module that reads it (it is never changed)."""
    return load_data(repository().root)


@cache
def real_context() -> SimpleNamespace:
    """What the macros see in a build of this repository: its data and the placements MkDocs' nav gives."""
    root = repository().root
    _, placements = load_placements(root)
    return SimpleNamespace(project=Project(root), data=real_data(), placements=placements)


def pages_from(docs: Path, sections: dict[str, str | None]) -> list[PageInfo]:
    """Every `.md` under `docs`, as PageInfo in reading order: the pages named in `sections` (src -> top section)
    first in that order, then the rest by path."""
    order = {src: n for n, src in enumerate(sections)}
    sources = sorted(
        (p.relative_to(docs).as_posix() for p in docs.rglob("*.md")), key=lambda s: (order.get(s, len(order)), s)
    )
    pages = []
    for rank, src in enumerate(sources):
        text = (docs / src).read_text(encoding="utf-8")
        top = sections.get(src)
        pages.append(
            PageInfo(
                src,
                src.removesuffix(".md") + "/",
                src,
                (top,) if top else (),
                rank,
                text,
                get_data(text)[1],
                src in sections,
                False,
            )
        )
    return pages


def copy_table_data(root: Path) -> None:
    """Give a made-up project the latency and estimate tables every project holds (data/ needs them)."""
    import shutil

    (root / "data").mkdir(parents=True, exist_ok=True)
    for name in ("latency-numbers.yml", "estimation-examples.yml"):
        shutil.copy(repository().root / "data" / name, root / "data" / name)
