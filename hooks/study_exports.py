"""MkDocs hook: publish the Anki deck and the flashcards' deck with every build (`on_nav`)."""

from handbook.build import study_exports
from handbook.build.context import context_of


def on_nav(nav, config, files):
    study_exports.publish(context_of(config), config, files)
    return nav
