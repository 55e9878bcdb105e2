"""What every set of macros shares: the content error they raise, where a call sits on its page, and a base
class whose public methods are macros bound to the build's context and the page being rendered."""

from __future__ import annotations

import re

from mkdocs.utils import get_relative_url

from handbook.build.context import BuildContext, closest, context_of
from handbook.errors import HandbookError


class ContentError(HandbookError):
    """A page uses a macro wrongly; the message says what to change."""


def call_line(page, kind: str, wanted: str) -> str:
    """`docs/<page>:<line>` of the first call `kind("wanted"` on the page (line in the file, front matter included)."""
    where = f"docs/{page.file.src_uri}"
    pattern = re.compile(rf"""{kind}\(\s*(?:\w+\s*=\s*)?["']{re.escape(wanted)}["']""")
    lines = page.file.content_string.splitlines()
    hit = next((n for n, text in enumerate(lines, 1) if pattern.search(text)), None)
    return f"{where}:{hit}" if hit else where


def unknown(page, kind: str, wanted: str, known) -> ContentError:
    return ContentError(
        f'{call_line(page, kind, wanted)}: {kind}("{wanted}"): no such {kind}; {closest(wanted, known)}'
    )


class MacroSet:
    """Macros of one concern. `MACROS` names the methods pages may call; each reads the build's context and
    the page mkdocs-macros is rendering (`self.page`), so a method is a macro as it stands."""

    MACROS: tuple[str, ...] = ()

    def __init__(self, env) -> None:
        self.env = env
        self.context: BuildContext = context_of(env.conf)
        self.data = self.context.data

    @property
    def page(self):
        return self.env.page

    @property
    def here(self) -> str:
        """The calling page's source path, relative to docs/."""
        return self.env.page.file.src_uri

    def stash(self, html: str) -> str:
        return self.context.stash(self.here, html)

    def link_from_here(self, target: str) -> str:
        """A docs/ path with an optional #anchor, as a Markdown link relative to the calling page."""
        path, _, anchor = target.partition("#")
        relative = get_relative_url(path, self.here)
        return f"{relative}#{anchor}" if anchor else relative

    def macros(self) -> list:
        return [getattr(self, name) for name in self.MACROS]
