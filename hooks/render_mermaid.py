"""MkDocs hook: replace each ```mermaid block with its SVG, rendered at build time in headless Chromium
(sent the pages' diagrams in `on_files`, so they render in a process of their own while the rest of the build
runs; each page waits for its own in `on_post_page`), and publish each numbered one as a file of its own for the
figure gallery (built last, it waits for all of them)."""

from mkdocs.plugins import event_priority

from handbook.build.context import context_of
from handbook.build.gallery import build_last

# Only for cleanup: `on_build_error` gets no config, and a failed build must not leave Chromium running.
_started = []


@event_priority(50)  # before the figures render: Chromium draws the diagrams meanwhile, in a process of its own
def on_files(files, config):
    figures = context_of(config).mermaid
    _started.append(figures)
    build_last(files)  # so the diagrams are drawn in the order the pages are
    figures.prefetch_pages(files, config)
    return files


def on_page_content(html, page, config, files):
    figures = context_of(config).mermaid
    if figures not in _started:
        _started.append(figures)
    return figures.render_page(html, page)


def on_post_page(output, page, config):
    return context_of(config).mermaid.place(output, page)


@event_priority(50)  # before the CSP hook reads the finished files
def on_post_build(config):
    figures = context_of(config).mermaid
    figures.published(config)  # when no gallery page asked for them
    figures.close()
    if figures in _started:
        _started.remove(figures)


def on_build_error(error):
    while _started:
        _started.pop().close(failed=True)
