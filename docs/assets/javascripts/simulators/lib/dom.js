// Small DOM helpers shared by the simulators' UI modules (never by their logic modules, which stay DOM-free).
const SVG = "http://www.w3.org/2000/svg";

export function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  setAll(node, attributes);
  for (const child of children) node.append(child);
  return node;
}

export function svg(tag, attributes = {}, children = []) {
  const node = document.createElementNS(SVG, tag);
  setAll(node, attributes);
  for (const child of children) node.append(child);
  return node;
}

function setAll(node, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
}

let counter = 0;
export function uniqueId(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

export function reducedMotion() {
  return Boolean(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
}

// Say `text` in the block's polite live region (screen readers read it when they are idle).
export function announce(region, text) {
  if (region.textContent !== text) region.textContent = text;
}
