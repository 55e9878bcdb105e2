"""The figure gallery page (docs/study/figures.md): its headings from the macro, its cards once every page is built.

`figure_gallery()` runs while the gallery's Markdown is read, before the pages after it are rendered; their
Mermaid figures' files and types are known only once every page is (`on_env`). So the macro writes the
headings and a slot per page, keeps the entries in the build context, and `place_gallery` fills the slots in
the finished page (`on_post_page`, which MkDocs runs after every page's content is rendered).
"""

from __future__ import annotations

from collections import Counter
from html import escape

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from handbook.build.context import BuildContext
from handbook.figures.html import chart_site_path, site_path
from handbook.rendering.figure_gallery import (
    FILTER_SLOT,
    ROLES,
    SLOT,
    GalleryFigure,
    Thumbnail,
    gallery_figures,
    render_cards,
    render_filter,
    render_gallery,
)


def build_last(files) -> None:
    """Move the gallery pages (those calling `figure_gallery()`) to the end of the build's pages: a gallery waits
    for every page's Mermaid figures, so every other page is written while they are drawn."""
    for file in list(files.documentation_pages()):
        try:
            shows_all = "figure_gallery(" in file.content_string
        except (OSError, UnicodeDecodeError):
            continue  # the build reports an unreadable page where it reads it
        if shows_all:
            files.remove(file)
            files.append(file)


def gallery_markdown(context: BuildContext, page) -> str:
    """The gallery's Markdown for `page` (the macro's output); its entries wait in the context for their cards."""
    try:
        figures = context.figure_map()
    except PluginError:
        figures = {}  # a figure script failed: the build stops with every failure in on_env
    entries = gallery_figures(context.placements.pages, figures)
    context.gallery[page.file.src_uri] = entries
    return render_gallery(entries, lambda target: get_relative_url(target.src_uri, page.file.src_uri))


def _thumbnail(context: BuildContext, mermaid_files: dict, entry: GalleryFigure) -> tuple[str, Thumbnail | None]:
    """The kind and the file of a gallery entry: a figure() script's published SVG, or a Mermaid figure's own."""
    if entry.name is not None:
        figure = context.figures[entry.name]
        path = chart_site_path(figure.name) if figure.inline else site_path(figure.name)
        return entry.kind, Thumbnail(path, figure.width, figure.height, figure.title or figure.alt)
    found = mermaid_files.get((entry.page.src_uri, entry.ident))
    if found is None:
        return entry.kind, None  # a caption with an id under a block that is no Mermaid figure (a table…)
    kind = ROLES.get(found.role, entry.kind)
    return kind, Thumbnail(found.site_path, found.width, found.height, found.title or f"A {kind}")


def place_gallery(context: BuildContext, output: str, page, config) -> str:
    """The finished gallery page with its filter and each page's cards in their slots; other pages unchanged.
    It waits for every Mermaid figure: `build_last` puts the gallery after every other page."""
    entries = context.gallery.pop(page.file.src_uri, None)
    if entries is None:
        return output
    mermaid_files = context.mermaid.published(config)
    kinds, thumbnails, by_page = {}, {}, {}
    for entry in entries:
        key = (entry.page.src_uri, entry.ident)
        kinds[key], thumbnails[key] = _thumbnail(context, mermaid_files, entry)
        by_page.setdefault(entry.page.src_uri, []).append(entry)

    def page_link(target) -> str:
        return get_relative_url(target.url, page.url)

    def file_link(src: str) -> str:
        return get_relative_url(src, page.url)

    slot = SLOT.format(FILTER_SLOT)
    if slot not in output:
        raise PluginError(f"docs/{page.file.src_uri}: figure_gallery() must stand alone on its lines")
    output = output.replace(slot, render_filter(Counter(kinds.values())), 1)
    for uri, group in by_page.items():
        cards = render_cards(
            group,
            {entry.ident: kinds[(uri, entry.ident)] for entry in group},
            {entry.ident: thumbnails[(uri, entry.ident)] for entry in group if thumbnails[(uri, entry.ident)]},
            page_link,
            file_link,
        )
        output = output.replace(SLOT.format(escape(uri)), cards, 1)
    return output
