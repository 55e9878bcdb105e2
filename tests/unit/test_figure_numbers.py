"""Figures are numbered per page in reading order, and "Figure" links in the text take the number."""

import pytest

from handbook.rendering.figure_numbers import FigureNumberError, number_figures

PAGE = (
    '<p>As <a href="#figure-ring">Figure</a> shows, and <a href="#figure-flow">figure</a> too.</p>'
    '<figure class="hb-figure" id="figure-flow"><img alt="a"><figcaption>Flow of writes</figcaption></figure>'
    '<figure id="figure-ring">\n<div class="hb-mermaid"></div>\n<figcaption>\n<p>The ring</p>\n</figcaption>\n</figure>'
    '<p><a href="#figure-flow">the first figure</a> keeps its words.</p>'
)


def test_captions_and_citations_follow_reading_order():
    html = number_figures(PAGE)
    assert '<figcaption><span class="hb-figure__number">Figure 1.</span> Flow of writes' in html
    assert '<figcaption>\n<p><span class="hb-figure__number">Figure 2.</span> The ring' in html
    assert 'As <a href="#figure-ring">Figure 2</a> shows, and <a href="#figure-flow">Figure 1</a> too.' in html
    assert '<a href="#figure-flow">the first figure</a>' in html


def test_a_citation_of_no_figure_and_a_repeated_id_are_errors():
    with pytest.raises(FigureNumberError, match="#figure-gone, which is no figure"):
        number_figures('<a href="#figure-gone">Figure</a>')
    with pytest.raises(FigureNumberError, match='two figures have the id "figure-a"'):
        number_figures('<figure id="figure-a"></figure><figure id="figure-a"></figure>')
