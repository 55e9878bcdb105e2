"""MkDocs hook, first in mkdocs.yml: start each build's context, stop on content errors the macros found, and put
the finished blocks the macros kept out of Markdown back into each page."""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from handbook.build import context
from handbook.rendering import highlight_cache
from handbook.rendering.tables.glossary import use_glossary
from handbook.site_policy.content_checks import check_page


@event_priority(100)  # before mkdocs-macros registers the macros, which read the context
def on_config(config):
    started = context.start(config)
    highlight_cache.use_cache(config, started.project.cache("highlight"))
    try:
        use_glossary(config, started.project.docs)
    except ValueError as exc:
        raise PluginError(str(exc)) from None
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


@event_priority(100)  # first: the other hooks, the search index and the page see the finished blocks
def on_page_content(html, page, config, files):
    # The author's HTML is checked before the blocks return: those come from data through safe_markdown,
    # which escapes markup and drops script URLs, so checking them again would only cost time.
    check_page(html, page)
    return context.context_of(config).unstash(page, html)
