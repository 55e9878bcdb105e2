// A simulator's parameters: declared once by its logic module as a schema, read from and written to the page's
// URL (so a link reproduces a run), and clamped to the schema so a hand-edited link cannot break the model.
//
// Schema entries: {label, type: "number", min, max, step, value} or {label, type: "choice", options: {key: label},
// value}. URL keys are prefixed with the simulator's id: `?rate-limiters.limit=10&rate-limiters.trace=boundary`.

export function normalise(schema, raw) {
  const params = {};
  for (const [name, spec] of Object.entries(schema)) {
    const given = raw[name];
    if (spec.type === "choice") {
      params[name] = Object.prototype.hasOwnProperty.call(spec.options, given) ? given : spec.value;
    } else {
      const number = typeof given === "number" ? given : Number.parseFloat(given);
      if (!Number.isFinite(number)) params[name] = spec.value;
      else {
        const stepped = spec.step ? Math.round((number - spec.min) / spec.step) * spec.step + spec.min : number;
        params[name] = Math.min(spec.max, Math.max(spec.min, Number(stepped.toFixed(6))));
      }
    }
  }
  return params;
}

export function fromUrl(id, schema, search) {
  const query = new URLSearchParams(search);
  const raw = {};
  for (const name of Object.keys(schema)) {
    if (query.has(`${id}.${name}`)) raw[name] = query.get(`${id}.${name}`);
  }
  return normalise(schema, raw);
}

// The URL's query with this simulator's parameters replaced; defaults are left out to keep links short.
export function toSearch(id, schema, params, search) {
  const query = new URLSearchParams(search);
  for (const [name, spec] of Object.entries(schema)) {
    const key = `${id}.${name}`;
    if (params[name] === spec.value) query.delete(key);
    else query.set(key, String(params[name]));
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}
