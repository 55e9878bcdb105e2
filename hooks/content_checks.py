"""MkDocs hook: pages may not carry script; each page's rendered HTML is checked (`on_page_content`)."""

from handbook.site_policy.content_checks import check_page


def on_page_content(html, page, config, files):
    check_page(html, page)
    return html
