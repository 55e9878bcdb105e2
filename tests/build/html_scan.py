"""Read the built site's HTML with the standard library's parser: links, ids, images, scripts."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

REFERENCE_ATTRIBUTES = {
    "a": "href",
    "link": "href",
    "img": "src",
    "script": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "object": "data",
}


@dataclass
class PageScan:
    ids: set[str] = field(default_factory=set)
    references: list[tuple[str, str]] = field(default_factory=list)  # (tag, url)
    images: list[dict[str, str | None]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    data_attributes: list[tuple[str, str]] = field(default_factory=list)


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.scan.ids.add(values["id"])
        if tag in REFERENCE_ATTRIBUTES and values.get(REFERENCE_ATTRIBUTES[tag]):
            self.scan.references.append((tag, values[REFERENCE_ATTRIBUTES[tag]]))
        if tag == "img":
            self.scan.images.append(values)
        if tag == "meta" and values.get("name"):
            self.scan.meta[values["name"]] = values.get("content") or ""
        for name, value in attrs:
            if name.startswith("data-") and name.endswith("-id") and value:
                self.scan.data_attributes.append((name, value))


@cache
def scan(path: Path) -> PageScan:
    scanner = _Scanner()
    scanner.feed(path.read_text(encoding="utf-8"))
    return scanner.scan


def html_pages(site: Path) -> list[Path]:
    """The built pages, without the fixture pages the browser tests add to the shared site (`hb-fixture-*`)."""
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).parts[0].startswith("hb-fixture-"))
