"""MkDocs hook: a hash-based Content-Security-Policy in every built page (see handbook/site_policy/csp.py)."""

from pathlib import Path

from mkdocs.plugins import event_priority

from handbook.build.context import context_of
from handbook.site_policy import csp


def on_page_content(html, page, config, files):
    return csp.align_attributes(html)


@event_priority(-100)  # after every other hook and plugin has changed the page
def on_post_page(output, page, config):
    return csp.add_policy(output, f"docs/{page.file.src_uri}", context_of(config).csp_hashes)


def on_post_template(output_content, template_name, config):
    if not template_name.endswith(".html"):
        return output_content
    return csp.add_policy(output_content, f"the theme's {template_name}", context_of(config).csp_hashes)


@event_priority(-100)  # after the redirects plugin has written its pages
def on_post_build(config):
    csp.apply_site_policy(Path(config["site_dir"]), context_of(config).csp_hashes)
