"""MkDocs hook: render `figures/*.py` and `figures/charts/*.py` into the cache, publish the figures' SVGs under
`figures/` (`on_files`) and put each chart's SVG into its page (`on_post_page`)."""

from handbook.build.context import context_of
from handbook.build.figures import place_page_charts, publish_figures


def on_files(files, config):
    publish_figures(context_of(config), config, files)
    return files


def on_post_page(output, page, config):
    return place_page_charts(context_of(config), output)
