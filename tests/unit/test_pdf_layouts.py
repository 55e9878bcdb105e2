"""The measuring print's findings are reused only for the same layout (handbook/exports/pdf/layouts.py)."""

from __future__ import annotations

from handbook.exports.pdf.layouts import Layout, Layouts


def _key(layouts: Layouts, document: str = "doc", paper: str = "A4", chromium: str = "140") -> str:
    return layouts.key(document, paper, {"top": "1mm"}, chromium)


def _site(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "main.css").write_text("body{font-size:16px}")
    (site / "figures").mkdir()
    (site / "figures" / "a.svg").write_text('<svg width="10"/>')
    (site / "index.html").write_text("<p>home</p>")
    return site


def test_the_key_changes_with_the_document_paper_chromium_and_every_stylesheet_or_image(tmp_path):
    site = _site(tmp_path)
    first = _key(Layouts(tmp_path / "cache", site))
    assert _key(Layouts(tmp_path / "cache", site)) == first
    assert _key(Layouts(tmp_path / "cache", site), document="other") != first
    assert _key(Layouts(tmp_path / "cache", site), paper="Letter") != first
    assert _key(Layouts(tmp_path / "cache", site), chromium="141") != first
    (site / "index.html").write_text("<p>home, as the printing server's address names it</p>")
    assert _key(Layouts(tmp_path / "cache", site)) == first  # pages count through the assembled document
    (site / "figures" / "a.svg").write_text('<svg width="20"/>')
    assert _key(Layouts(tmp_path / "cache", site)) != first


def test_a_kept_layout_reads_back_and_a_broken_one_is_measured_again(tmp_path):
    layouts = Layouts(tmp_path / "cache", _site(tmp_path))
    key = _key(layouts)
    assert layouts.get(key) is None
    layouts.put(key, Layout(["page one", "page two"], {"chapter-1": 2}))
    assert layouts.get(key) == Layout(["page one", "page two"], {"chapter-1": 2})
    (tmp_path / "cache" / f"{key}.json").write_text("{half")
    assert layouts.get(key) is None


def test_a_kept_final_print_is_copied_back_and_replaces_the_papers_previous_one(tmp_path):
    layouts = Layouts(tmp_path / "cache", _site(tmp_path))
    key, printed, copy = _key(layouts), tmp_path / "printed.pdf", tmp_path / "copy.pdf"
    assert not layouts.final(key, "A4", "footer", copy) and not copy.exists()
    printed.write_bytes(b"%PDF-1.7 first")
    layouts.keep_final(key, "A4", "footer", printed)
    assert layouts.final(key, "A4", "footer", copy) and copy.read_bytes() == b"%PDF-1.7 first"
    assert not layouts.final(key, "A4", "another footer", copy), "the footer is printed too"
    assert not layouts.final(key, "Letter", "footer", copy)
    printed.write_bytes(b"%PDF-1.7 second")
    layouts.keep_final(_key(layouts, document="other"), "A4", "footer", printed)
    assert not layouts.final(key, "A4", "footer", copy), "one final print per paper is kept"
    assert len(list((tmp_path / "cache").glob("*.pdf"))) == 1
