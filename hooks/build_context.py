"""MkDocs hook, first in mkdocs.yml: start each build's context and stop on content errors the macros found."""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from handbook.build import context


@event_priority(100)  # before mkdocs-macros registers the macros, which read the context
def on_config(config):
    context.start(config)
    context.forget_reported_messages()
    return config


def on_nav(nav, config, files):
    context.context_of(config).place_pages(files, nav.pages)
    return nav


@event_priority(-100)  # after mkdocs-macros has rendered the page's macros
def on_page_markdown(markdown, page, config, files):
    problems = context.context_of(config).problems.pop(page.file.src_uri, [])
    if problems:
        raise PluginError("\n".join(problems))
    return markdown
