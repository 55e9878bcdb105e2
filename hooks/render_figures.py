"""MkDocs hook: render `figures/*.py` into the cache and publish the SVGs under `figures/` (`on_files`)."""

from handbook.build.context import context_of
from handbook.build.figures import publish_figures


def on_files(files, config):
    publish_figures(context_of(config), config, files)
    return files
