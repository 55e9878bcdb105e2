"""Code blocks highlighted once: pymdownx.highlight with each block's Pygments markup kept in the build cache.

Pygments was a third of the build's Markdown time, spent again on every build for code that rarely changes.
This extension takes pymdownx.highlight's place in mkdocs.yml, with the same options. A fenced block's HTML is
stored under a digest of its source, its language and fence options, every highlighter setting, and the
versions of Pygments, pymdownx and this file, so a change to any of them highlights the block again.

The cache folder comes from the build (`use_cache`, called by hooks/build_context.py): without it, blocks are
highlighted as pymdownx.highlight does. Inline code and HTML titles (which go through Markdown's stash) are never
cached.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import metadata
from pathlib import Path

from pymdownx.highlight import Highlight, HighlightExtension

from handbook.project import write_whole

NAME = "handbook.rendering.highlight_cache"  # as mkdocs.yml names it under markdown_extensions
_VERSIONS = f"pygments {metadata.version('pygments')}, pymdown-extensions {metadata.version('pymdown-extensions')}"
_SALT = _VERSIONS.encode() + Path(__file__).read_bytes()


def use_cache(config, cache_dir: Path) -> None:
    """Point this build's code highlighting at `cache_dir` (a no-op when mkdocs.yml does not use the extension)."""
    if NAME in config.markdown_extensions:
        config.mdx_configs.setdefault(NAME, {})["cache_dir"] = str(cache_dir)


class CachedHighlight(Highlight):
    """pymdownx's highlighter, reading and writing each block's markup in `cache_dir`."""

    def __init__(self, md, *args, cache_dir: str = "", **kwargs) -> None:
        super().__init__(md, *args, **kwargs)
        self.cache_dir = Path(cache_dir) if cache_dir else None

    def highlight(self, src, language, *args, **kwargs):
        if self.cache_dir is None or kwargs.get("inline") or (kwargs.get("title") and self.title_mode == "html"):
            return super().highlight(src, language, *args, **kwargs)
        settings = {name: value for name, value in vars(self).items() if name not in ("md", "cache_dir")}
        digest = hashlib.sha256(_SALT)
        digest.update(repr((src, language, args, sorted(kwargs.items()), settings)).encode())
        path = self.cache_dir / f"{digest.hexdigest()[:32]}.html"
        try:
            return path.read_text(encoding="utf-8")
        except (FileNotFoundError, UnicodeDecodeError):
            pass
        code = super().highlight(src, language, *args, **kwargs)
        write_whole(path, code)
        return code


class CachedHighlightExtension(HighlightExtension):
    def __init__(self, *args, cache_dir: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.config["cache_dir"] = [cache_dir, "Folder for highlighted blocks (set by the build); empty: none"]

    def get_pymdownx_highlighter(self):
        return functools.partial(CachedHighlight, cache_dir=self.getConfig("cache_dir"))


def makeExtension(*args, **kwargs):  # noqa: N802 - the name Python-Markdown looks for
    return CachedHighlightExtension(*args, **kwargs)
