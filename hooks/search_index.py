"""MkDocs hook: the handbook's search behind Material's search box (see handbook/search/publish.py)."""

from pathlib import Path

from mkdocs.plugins import event_priority

from handbook.build.context import context_of
from handbook.search import publish


def on_config(config):
    publish.skip_material_indexing(config)
    return config


@event_priority(-100)  # after every hook that changes the page's content (the figures' numbers)
def on_page_content(html, page, config, files):
    publish.collect(context_of(config), page, html)
    return html


# Only for cleanup: `on_build_error` gets no config, and a failed build's index must not be written into the
# staging folder it removes.
_started = []


def on_env(env, config, files):
    _started.append(publish.start_index(context_of(config), Path(config["site_dir"])))
    return env


def on_post_page(output, page, config):
    return publish.use_worker(output, f"docs/{page.file.src_uri}")


def on_post_template(output_content, template_name, config):
    if not template_name.endswith(".html"):
        return output_content
    return publish.use_worker(output_content, f"the theme's {template_name}")


@event_priority(-50)  # after Material's search plugin has written search/search_index.json
def on_post_build(config):
    publish.publish(context_of(config), Path(config["site_dir"]))
    _started.clear()


def on_build_error(error):
    while _started:
        _started.pop().abandon()
