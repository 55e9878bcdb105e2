"""MkDocs hook: render `figures/*.py` and `figures/charts/*.py` into the cache, publish the figures' SVGs under
`figures/` (`on_files`), put each chart's SVG into its page and the figure gallery's cards into its page
(`on_post_page`)."""

from handbook.build.context import context_of
from handbook.build.figures import place_page_charts, publish_figures
from handbook.build.gallery import place_gallery


def on_files(files, config):
    publish_figures(context_of(config), config, files)
    return files


def on_post_page(output, page, config):
    context = context_of(config)
    return place_gallery(context, place_page_charts(context, output), page)
