"""MkDocs hook: number each page's figures and the "Figure" links that cite them (`on_page_content`)."""

from mkdocs.exceptions import PluginError

from handbook.rendering.figure_numbers import FigureNumberError, number_figures


def on_page_content(html, page, config, files):
    try:
        return number_figures(html)
    except FigureNumberError as exc:
        raise PluginError(f"docs/{page.file.src_uri}: {exc}") from None
