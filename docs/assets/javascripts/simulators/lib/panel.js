// The frame every simulator shares: labelled controls generated from the logic module's parameter schema,
// presets, Step / Play / Run to end / Reset, a polite live region, and the scenario kept in the page's URL.
// A simulator supplies `simulate(params)` (pure, from its logic module) returning {steps, ...}, and
// `render(output, result, cursor)` drawing the state after `cursor` steps and returning a sentence to announce.
import { announce, element, reducedMotion, uniqueId } from "./dom.js";
import { fromUrl, normalise, toSearch } from "./params.js";

const PLAY_INTERVAL_MS = 350;

function control(name, spec, value) {
  const id = uniqueId(`hb-sim-${name}`);
  const label = element("label", { for: id, text: spec.label });
  let input;
  if (spec.type === "choice") {
    input = element("select", { id, name }, Object.entries(spec.options).map(([key, text]) =>
      element("option", { value: key, text })));
    input.value = value;
  } else {
    input = element("input", { id, name, type: "number", inputmode: "decimal", min: spec.min, max: spec.max, step: spec.step || "any" });
    input.value = String(value);
  }
  return { input, field: element("div", { class: "hb-sim__field" }, [label, input]) };
}

export function mount(block, { id, title, logic, render }) {
  const schema = logic.SCHEMA;
  let params = fromUrl(id, schema, window.location.search);
  let result = null;
  let cursor = 0;
  let timer = null;

  const inputs = {};
  const fields = Object.entries(schema).map(([name, spec]) => {
    const made = control(name, spec, params[name]);
    inputs[name] = made.input;
    return made.field;
  });
  const presetButtons = Object.entries(logic.PRESETS || {}).map(([key, preset]) =>
    element("button", { type: "button", class: "md-button hb-sim__preset", "data-preset": key, text: preset.label }));
  const stepButton = element("button", { type: "button", class: "md-button", "data-action": "step", text: "Step" });
  const playButton = element("button", { type: "button", class: "md-button", "data-action": "play", "aria-pressed": "false", text: "Play" });
  const endButton = element("button", { type: "button", class: "md-button", "data-action": "end", text: "Run to end" });
  const resetButton = element("button", { type: "button", class: "md-button", "data-action": "reset", text: "Reset" });
  if (reducedMotion()) playButton.hidden = true; // no animation: Step and Run to end move in whole steps
  const progress = element("p", { class: "hb-sim__progress" });
  const status = element("p", { class: "hb-sim__status", role: "status", "aria-live": "polite" });
  const output = element("div", { class: "hb-sim__output" });
  const form = element("form", { class: "hb-sim__controls", "aria-label": `${title}: parameters` }, fields);
  const live = element("div", { class: "hb-sim__live" }, [
    element("div", { class: "hb-sim__presets", role: "group", "aria-label": "Presets" }, presetButtons),
    form,
    element("div", { class: "hb-sim__transport", role: "group", "aria-label": "Run" }, [stepButton, playButton, endButton, resetButton]),
    progress,
    output,
    status,
  ]);

  function stop() {
    if (timer !== null) clearInterval(timer);
    timer = null;
    playButton.textContent = "Play";
    playButton.setAttribute("aria-pressed", "false");
  }

  function show(announceIt) {
    // The scenario and position, readable by tests and by anyone inspecting the page.
    block.setAttribute("data-hb-params", JSON.stringify(params));
    block.setAttribute("data-hb-cursor", String(cursor));
    const sentence = render(output, result, cursor);
    progress.textContent = `Step ${cursor} of ${result.steps}`;
    stepButton.disabled = cursor >= result.steps;
    endButton.disabled = cursor >= result.steps;
    if (announceIt) announce(status, sentence);
  }

  function recompute() {
    stop();
    result = logic.simulate(params);
    cursor = 0;
    window.history.replaceState(window.history.state, "", toSearch(id, schema, params, window.location.search) + window.location.hash);
    show(true);
  }

  function advance() {
    if (cursor < result.steps) cursor += 1;
    if (cursor >= result.steps) stop();
    show(true);
  }

  form.addEventListener("change", (event) => {
    const name = event.target.name;
    if (!name) return;
    params = normalise(schema, { ...params, [name]: event.target.value });
    inputs[name].value = String(params[name]);
    recompute();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  live.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    const preset = button.getAttribute("data-preset");
    if (preset) {
      params = normalise(schema, logic.PRESETS[preset].params);
      for (const [name, input] of Object.entries(inputs)) input.value = String(params[name]);
      recompute();
      return;
    }
    const action = button.getAttribute("data-action");
    if (action === "step") { stop(); advance(); }
    if (action === "end") { stop(); cursor = result.steps; show(true); }
    if (action === "reset") { stop(); cursor = 0; show(true); }
    if (action === "play") {
      if (timer !== null) { stop(); return; }
      if (cursor >= result.steps) cursor = 0;
      playButton.textContent = "Pause";
      playButton.setAttribute("aria-pressed", "true");
      timer = setInterval(advance, PLAY_INTERVAL_MS);
    }
  });

  block.append(live);
  block.classList.add("hb-sim--live");
  // The simulator's own functions, so tests can compare what the page shows with what the logic computes.
  block.hbSimulator = { simulate: logic.simulate, summary: logic.summary };
  result = logic.simulate(params);
  cursor = logic.START_AT_END === false ? 0 : result.steps; // open on the whole run: the reader sees the point first
  show(false);
  block.setAttribute("data-hb-sim-ready", "");
  // Stop playing when instant navigation leaves the page (the block is removed from the document).
  const watcher = setInterval(() => { if (!block.isConnected) { stop(); clearInterval(watcher); } }, 1000);
}
