"""Every simulator in the handbook, in Chromium: the numbers it shows equal its logic module's (which the parity
tests in tests/simulators hold to the Python references), its scenario survives a reload through the URL, it
works from the keyboard, fits a phone in dark mode, passes axe, and degrades to its static stand-in without
JavaScript and in print."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
_CALL = re.compile(r"""\{\{\s*simulator\(\s*["']([\w-]+)["']""")


def simulator_pages() -> dict[str, str]:
    """Simulator id -> the URL of the page that holds it, from the Markdown sources."""
    found = {}
    for source in sorted((ROOT / "docs").rglob("*.md")):
        for sim_id in _CALL.findall(source.read_text(encoding="utf-8")):
            page = source.relative_to(ROOT / "docs").with_suffix("")
            found[sim_id] = "" if page.name == "index" and page.parent == Path() else f"{page.as_posix()}/"
    return found


SIMULATORS = simulator_pages()


def ready(page, sim_id):
    block = page.locator(f'.hb-sim[data-sim="{sim_id}"]')
    block.scroll_into_view_if_needed()
    expect(block).to_have_attribute("data-hb-sim-ready", "")
    return block


def shown_values(block) -> dict[str, str]:
    return {
        cell.get_attribute("data-hb-value"): cell.text_content().strip()
        for cell in block.locator("[data-hb-value]").all()
    }


def logic_values(block) -> dict[str, str]:
    """What the simulator's logic computes for the block's current scenario and step (the panel exposes the
    simulator's own simulate and summary on the block)."""
    values = block.evaluate(
        """b => b.hbSimulator.summary(
            b.hbSimulator.simulate(JSON.parse(b.dataset.hbParams)), Number(b.dataset.hbCursor))"""
    )
    return {name: str(value) for name, value in values.items()}


def same(value, wanted: str) -> bool:
    """Equal as numbers when both are numbers ("11" and 11.0), else as text."""
    try:
        return float(value) == float(wanted)
    except ValueError:
        return str(value) == wanted


def another_value(block) -> tuple[str, str]:
    """The first parameter's control and a valid value other than its current one."""
    control = block.locator(".hb-sim__controls :is(input, select)").first
    name = control.get_attribute("name")
    if control.evaluate("c => c.tagName") == "SELECT":
        options = control.locator("option").evaluate_all("os => os.map(o => o.value)")
        current = control.input_value()
        return name, next(o for o in options if o != current)
    step = float(control.get_attribute("step") or 1)
    value, top = float(control.input_value()), float(control.get_attribute("max"))
    wanted = value + step if value + step <= top else value - step
    return name, str(int(wanted)) if wanted == int(wanted) else str(wanted)


@pytest.mark.parametrize("sim_id", list(SIMULATORS))
def test_keyboard_change_and_steps_show_the_logic_numbers_and_survive_a_reload(page, sim_id):
    page.goto(SIMULATORS[sim_id])
    block = ready(page, sim_id)
    name, wanted = another_value(block)
    control = block.locator(f'[name="{name}"]')
    control.focus()
    if control.evaluate("c => c.tagName") == "SELECT":
        control.select_option(wanted)  # what the arrow keys do on a focused select; fires change
    else:
        page.keyboard.press("Control+A")
        page.keyboard.type(wanted)
        page.keyboard.press("Tab")  # leaving the field commits the change
    expect(block).to_have_attribute("data-hb-cursor", "0")
    assert f"{sim_id}.{name}=" in page.url, "the scenario is in the URL"
    step = block.locator('button[data-action="step"]')
    step.focus()
    for _ in range(3):
        page.keyboard.press("Enter")
    expect(block).to_have_attribute("data-hb-cursor", "3")
    assert shown_values(block) == logic_values(block)
    assert block.locator(".hb-sim__status").text_content().strip(), "the step was announced"

    page.reload()
    block = ready(page, sim_id)
    assert same(block.locator(f'[name="{name}"]').input_value(), wanted)
    assert same(json.loads(block.get_attribute("data-hb-params"))[name], wanted)
    assert shown_values(block) == logic_values(block)


@pytest.mark.parametrize("sim_id", list(SIMULATORS))
def test_on_a_dark_phone_it_fits_has_no_errors_and_stays_on_the_site(browser, site_url, sim_id):
    context = browser.new_context(base_url=site_url, viewport={"width": 390, "height": 844}, color_scheme="dark")
    page = context.new_page()
    errors, hosts = [], set()
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(SIMULATORS[sim_id])
    block = ready(page, sim_id)
    block.locator('button[data-action="reset"]').click()
    block.locator('button[data-action="end"]').click()
    overflow = block.evaluate("b => b.scrollWidth - b.clientWidth")
    assert overflow <= 1, f"{sim_id} is {overflow}px wider than a 390px phone's column"
    assert errors == []
    assert hosts == {urlsplit(site_url).netloc}
    context.close()


@pytest.mark.parametrize("sim_id", list(SIMULATORS))
def test_axe_finds_no_violation_in_the_simulator_in_light_and_then_dark(browser, site_url, sim_id):
    """Light first, then the system turns dark under the open page, as a reader's would at dusk: Material follows
    it, and the simulator must too."""
    context = browser.new_context(base_url=site_url, color_scheme="light", bypass_csp=True)
    page = context.new_page()
    page.goto(SIMULATORS[sim_id])
    block = ready(page, sim_id)
    block.locator('button[data-action="reset"]').click()
    block.locator('button[data-action="step"]').click()
    page.add_script_tag(path=str(AXE))
    found = {}
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        expect(page.locator("body")).to_have_attribute(
            "data-md-color-scheme", "slate" if scheme == "dark" else "default"
        )
        # Measure the resting colours: no button caught mid-transition to its focused fill.
        page.evaluate("document.activeElement && document.activeElement.blur()")
        page.wait_for_timeout(300)
        result = page.evaluate(
            "id => axe.run({include: [[`.hb-sim[data-sim='${id}']`]]}, {resultTypes: ['violations']})", sim_id
        )
        found[scheme] = [f"{v['impact']} {v['id']}: {n['target']}" for v in result["violations"] for n in v["nodes"]]
    assert found == {"light": [], "dark": []}
    context.close()


def test_reduced_motion_offers_steps_not_animation(browser, site_url):
    sim_id = next(iter(SIMULATORS))
    context = browser.new_context(base_url=site_url, reduced_motion="reduce")
    page = context.new_page()
    page.goto(SIMULATORS[sim_id])
    block = ready(page, sim_id)
    expect(block.locator('button[data-action="play"]')).to_be_hidden()
    expect(block.locator('button[data-action="step"]')).to_be_visible()
    context.close()


@pytest.mark.parametrize("sim_id", list(SIMULATORS))
def test_without_javascript_and_in_print_the_static_stand_in_shows(browser, site_url, sim_id):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(SIMULATORS[sim_id])
    block = page.locator(f'.hb-sim[data-sim="{sim_id}"]')
    expect(block.locator(".hb-sim__fallback")).to_be_visible()
    expect(block.locator(".hb-sim__live")).to_have_count(0)
    context.close()

    context = browser.new_context(base_url=site_url)
    page = context.new_page()
    page.goto(SIMULATORS[sim_id])
    block = ready(page, sim_id)
    page.emulate_media(media="print")
    expect(block.locator(".hb-sim__fallback")).to_be_visible()
    expect(block.locator(".hb-sim__live")).to_be_hidden()
    context.close()
