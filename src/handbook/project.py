"""Where a project's parts live, given its root folder (the folder holding mkdocs.yml)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    root: Path

    @classmethod
    def of_config(cls, config) -> Project:
        """The project a MkDocs config belongs to (tests build copies of it elsewhere)."""
        return cls(Path(config.config_file_path).resolve().parent)

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def figure_scripts(self) -> Path:
        return self.root / "figures"

    @property
    def node_modules(self) -> Path:
        return self.root / "node_modules"

    @property
    def printed(self) -> Path:
        """Where `make pdf` prints the PDFs (`dist/`); `HANDBOOK_PDFS` points a build at another folder."""
        return Path(os.environ.get("HANDBOOK_PDFS", self.root / "dist"))

    def cache(self, name: str) -> Path:
        """A cache folder under `.cache/`; `HANDBOOK_CACHE` moves them all (tests share one across copies)."""
        return Path(os.environ.get("HANDBOOK_CACHE", self.root / ".cache")) / name

    def display(self, path: Path) -> str:
        """`path` as messages show it: relative to the root when it is inside."""
        return path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else str(path)


def write_whole(path: Path, content: str | bytes) -> None:
    """Write a cache file beside its place and rename it there: a build sharing the cache never reads half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    if isinstance(content, bytes):
        partial.write_bytes(content)
    else:
        partial.write_text(content, encoding="utf-8")
    partial.replace(path)


def repository() -> Project:
    """This checkout (the package is installed from it in editable mode): the default for command-line tools."""
    return Project(Path(__file__).resolve().parents[2])
