"""The generated glossary (from docs/includes/abbreviations.md) and references (from "## Further reading")."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest

from handbook.rendering.tables import glossary, references
from tests.support.contexts import pages_from, real_context

ROOT = Path(__file__).resolve().parents[2]

# --- glossary -----------------------------------------------------------------------------------------------


def test_a_definition_keeps_every_colon_after_the_first():
    entries = glossary.parse_abbreviations("*[SLO]: Service level objective: the target: 99.9% over 30 days\n")
    assert entries == [("SLO", "Service level objective: the target: 99.9% over 30 days")]
    rendered = glossary.render_glossary(entries)
    assert rendered == '<a id="term-slo"></a>SLO\n:   **Service level objective**: the target: 99.9% over 30 days'


def test_terms_sort_case_insensitively_with_one_anchor_each():
    text = "*[WAL]: Write-ahead log\n\n*[APNs]: Apple Push Notification service\n*[ACID]: Atomicity\n*[cdc]: lower\n"
    rendered = glossary.render_glossary(glossary.parse_abbreviations(text))
    terms = [line.split("</a>")[1] for line in rendered.splitlines() if line.startswith("<a id=")]
    assert terms == ["ACID", "APNs", "cdc", "WAL"]
    assert '<a id="term-apns"></a>APNs' in rendered


def test_a_definition_without_an_expansion_is_bold_whole():
    assert glossary.render_glossary([("QPS", "Queries per second")]).endswith(":   **Queries per second**")


@pytest.mark.parametrize("line", ["[WAL]: no star", "*[WAL]:", "*[WAL] missing colon"])
def test_a_malformed_line_names_the_file_and_line(line):
    with pytest.raises(ValueError, match=r"abbr\.md:2: expected"):
        glossary.parse_abbreviations(f"*[OK]: fine\n{line}\n", "abbr.md")


def test_a_term_defined_twice_is_an_error():
    with pytest.raises(ValueError, match="WAL is defined twice"):
        glossary.parse_abbreviations("*[WAL]: one\n*[WAL]: two\n")


def test_the_real_glossary_has_one_entry_per_abbreviation_line():
    lines = [
        line
        for line in (ROOT / "docs" / glossary.ABBREVIATIONS).read_text(encoding="utf-8").splitlines()
        if line.startswith("*[")
    ]
    rendered = glossary.glossary(context=real_context())
    assert rendered.count("<a id=") == len(lines) > 0
    for line in lines:
        term = line[2 : line.index("]")]
        assert f'<a id="{glossary.term_anchor(term)}"></a>{term}\n' in rendered + "\n"


# --- references ---------------------------------------------------------------------------------------------

PAGE_A = """---
description: A.
---
# Page A

Text with [a link](https://example.com/not-a-source).

## Further reading

- Diego Ongaro and John Ousterhout, [In search of an understandable consensus algorithm](https://raft.github.io/raft.pdf),
  USENIX ATC 2014.
- [Shared docs](https://docs.example.com/shared/)
- Martin Kleppmann, *Designing Data-Intensive Applications*, 2nd ed. (O'Reilly, 2025), the chapter on replication.
- [Page B](../b/page-b.md) in this handbook

## Quiz

- not a source
"""

PAGE_B = """# Page B

## Further reading

- [Shared docs, cited again](https://docs.example.com/shared)
- DDIA 2nd ed. (Kleppmann, O'Reilly 2025), chapter on storage.
- [Only here](https://docs.example.com/only-b), see [Page A](../a/page-a.md).
"""

PAGE_C = "# Page C\n\nNo sources here.\n\n## In the interview\n\n- a list item that is not a source\n"


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    for src, text in {"a/page-a.md": PAGE_A, "b/page-b.md": PAGE_B, "c.md": PAGE_C, "references.md": PAGE_B}.items():
        (tmp_path / src).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / src).write_text(text, encoding="utf-8")
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes" / "x.md").write_text(PAGE_B, encoding="utf-8")
    return tmp_path


def test_further_reading_joins_continuation_lines_and_stops_at_the_next_section():
    items = references.further_reading(PAGE_A)
    assert len(items) == 4
    assert items[0].endswith("(https://raft.github.io/raft.pdf), USENIX ATC 2014.")


def test_a_page_without_further_reading_contributes_nothing(docs):
    assert references.further_reading(PAGE_C) == []
    pages = references.collect_pages(
        pages_from(docs, {"c.md": None, "b/page-b.md": "Section", "a/page-a.md": "Section"})
    )
    assert [page.src for page in pages] == ["b/page-b.md", "a/page-a.md"]  # nav order; c.md, includes/ skipped


def test_a_pure_cross_reference_is_dropped_and_other_internal_links_resolve_from_the_docs_root(docs):
    pages = {page.src: page for page in references.collect_pages(pages_from(docs, {}))}
    assert not any("in this handbook" in item for item in pages["a/page-a.md"].items)
    assert pages["b/page-b.md"].items[-1].endswith("see [Page A](a/page-a.md).")


def test_a_url_cited_on_two_pages_is_listed_once_with_both_pages(docs):
    pages = references.collect_pages(pages_from(docs, {"a/page-a.md": "Section", "b/page-b.md": "Section"}))
    out = references.render_references(pages)
    shared = [line for line in out.splitlines() if "docs.example.com/shared" in line]
    assert shared == [
        "- [Shared docs](https://docs.example.com/shared/) *(cited in [Page A](a/page-a.md), [Page B](b/page-b.md))*"
    ]
    assert out.index("### [Page A](a/page-a.md)") < out.index(shared[0]) < out.index("### [Page B](b/page-b.md)")
    assert out.count("## Section\n") == 1


def test_books_and_papers_lists_each_work_once_at_the_top(docs):
    pages = references.collect_pages(pages_from(docs, {"a/page-a.md": "Section", "b/page-b.md": "Section"}))
    out = references.render_references(pages)
    summary = out.split("\n## Section")[0].splitlines()
    assert summary[:2] == ["## Books and papers", ""]
    assert summary[2:] == [
        "- Diego Ongaro and John Ousterhout, [In search of an understandable consensus algorithm]"
        "(https://raft.github.io/raft.pdf), USENIX ATC 2014.",
        "- Martin Kleppmann, *Designing Data-Intensive Applications*, 2nd ed. (O'Reilly, 2025) *(cited on 2 pages)*",
    ]


def test_sections_come_from_the_nav_mkdocs_builds():
    pages = {page.src_uri: page for page in real_context().placements.pages}
    assert pages["data/replication.md"].sections == ("Data at scale",)
    assert pages["system-design/case-studies/ride-sharing.md"].sections == ("The system-design round", "Case studies")
    assert pages["glossary.md"].sections == () and pages["references.md"].sections == ()
    assert "includes/abbreviations.md" not in pages, "exclude_docs is honoured"


def test_the_real_references_cite_raft_and_dynamo_once_in_the_summary():
    summary = references.references(context=real_context()).split("\n## ", 2)[0]
    assert summary.count("raft.github.io/raft.pdf") == 1
    assert summary.count("amazon-dynamo-sosp2007.pdf") == 1
    assert summary.count("Designing Data-Intensive Applications") == 1


def test_use_glossary_gives_every_page_the_abbreviations_as_tooltips(tmp_path):
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes" / "abbreviations.md").write_text("*[WAL]: Write-ahead log\n\n*[SLO]: objective\n")
    config = SimpleNamespace(markdown_extensions=["abbr", "toc"], mdx_configs={"toc": {"permalink": True}})
    glossary.use_glossary(config, tmp_path)
    assert config.mdx_configs["abbr"] == {"glossary": {"WAL": "Write-ahead log", "SLO": "objective"}}
    html = markdown.markdown("The WAL, then the SLO.", extensions=["abbr"], extension_configs=config.mdx_configs)
    assert html == '<p>The <abbr title="Write-ahead log">WAL</abbr>, then the <abbr title="objective">SLO</abbr>.</p>'


def test_use_glossary_names_the_line_of_a_malformed_definition(tmp_path):
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes" / "abbreviations.md").write_text("*[WAL]: Write-ahead log\n*[SLO] objective\n")
    config = SimpleNamespace(markdown_extensions=["abbr"], mdx_configs={})
    with pytest.raises(ValueError, match=r"^docs/includes/abbreviations\.md:2: expected `\*\[TERM\]: definition`"):
        glossary.use_glossary(config, tmp_path)
