"""MkDocs hook: render `figures/*.py` and `figures/charts/*.py` into the cache (from `on_files`, in the
background), publish the figures' SVGs under `figures/` (`on_env` at the latest), put each chart's SVG into its
page and the figure gallery's cards into its page (`on_post_page`)."""

from handbook.build.context import context_of
from handbook.build.figures import finish_figures, place_page_charts, start_figures
from handbook.build.gallery import place_gallery


def on_files(files, config):
    start_figures(context_of(config), config, files)
    return files


def on_env(env, config, files):
    finish_figures(context_of(config))
    return env


def on_post_page(output, page, config):
    context = context_of(config)
    return place_gallery(context, place_page_charts(context, output), page, config)
