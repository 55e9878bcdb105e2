"""The checklist macro's HTML: stable ids, live checkboxes, counts, tools hidden without JavaScript."""

from __future__ import annotations

from handbook.content.models import Checklist
from handbook.rendering.checklists import render_checklist, render_checklist_index

CHECKLIST = Checklist.model_validate(
    {
        "id": "night",
        "title": "The night <b>before</b>",
        "summary": "Read <script>alert(1)</script> once.",
        "sections": [
            {
                "title": "Sleep & <eat>",
                "items": [
                    {"id": "sleep", "text": "Sleep **eight** hours"},
                    {"id": "eat", "text": "Eat <script>x()</script>", "detail": "Not <i>late</i>"},
                ],
            },
            {"title": "Kit", "items": [{"id": "charger", "text": "Pack the charger"}]},
        ],
    }
)


def test_items_have_stable_ids_and_enabled_labelled_checkboxes():
    html = render_checklist(CHECKLIST)
    assert (
        '<li class="task-list-item hb-check" data-item-id="sleep"><label class="task-list-control" '
        'for="check-night-sleep"><input type="checkbox" id="check-night-sleep">'
    ) in html
    assert '<label class="hb-check__text" for="check-night-sleep">Sleep <strong>eight</strong> hours</label>' in html
    assert "disabled" not in html


def test_script_and_html_in_data_are_escaped():
    html = render_checklist(CHECKLIST)
    assert "<script" not in html and "<eat>" not in html and "<i>" not in html
    assert "Eat &lt;script&gt;x()&lt;/script&gt;" in html and "Sleep &amp; &lt;eat&gt;" in html
    assert "Read &lt;script&gt;alert(1)&lt;/script&gt; once." in html


def test_each_section_heading_carries_a_hidden_count_of_its_items():
    html = render_checklist(CHECKLIST)
    assert (
        '<h2 id="night--sleep-eat">Sleep &amp; &lt;eat&gt; <span class="hb-checklist__count" data-total="2" '
        'hidden><span class="hb-checklist__count-visible" aria-hidden="true">0/2</span>'
        '<span class="hb-sr-only">, 0 of 2 done</span></span></h2>'
    ) in html
    assert 'data-total="1"' in html
    assert html.count('<section class="hb-checklist__section" aria-labelledby="night--') == 2
    assert '<h3 id="night--kit">' in render_checklist(CHECKLIST, heading_level=3)


def test_print_clear_and_tick_toggle_are_hidden_until_javascript():
    html = render_checklist(CHECKLIST)
    assert html.startswith('<div class="hb-checklist" data-checklist-id="night"><p class="hb-checklist__summary">')
    tools = html[html.index('<div class="hb-checklist__tools"') : html.index("<section")]
    assert tools.startswith('<div class="hb-checklist__tools" hidden>')
    for control in (">Print</button>", "Print with my ticks</label>", ">Clear ticks</button>", 'role="status"'):
        assert control in tools


def test_checklist_index_links_every_checklist_with_its_size():
    other = Checklist.model_validate(
        {"id": "kit", "title": "Kit [A]", "sections": [{"title": "S", "items": [{"id": "a", "text": "A"}]}]}
    )
    text = render_checklist_index([CHECKLIST, other], {"night": "night.md", "kit": "kit.md"})
    assert text.splitlines() == [
        "- [The night &lt;b&gt;before&lt;/b&gt;](night.md) (3 items): Read &lt;script&gt;alert(1)&lt;/script&gt; once.",
        "- [Kit &#91;A&#93;](kit.md) (1 item)",
    ]
