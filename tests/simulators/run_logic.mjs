// Runs simulator logic modules under Node for the parity tests: reads [{module, params, cursor?, data?}, ...] on
// stdin, imports each module (a path relative to the repository root) and prints [simulate(params), ...] as JSON;
// with a cursor, each result also carries `summary`: the numbers the page shows after that many steps.
// Infinity and -Infinity (a leaky bucket of rate 0) are written as strings, since JSON has no such numbers.
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const { module, params, cursor, data } of JSON.parse(input)) {
  const logic = await import(pathToFileURL(resolve(module)).href);
  const result = logic.simulate(params, data); // data: what the page embeds for simulators that replay data
  if (cursor !== undefined) result.summary = logic.summary(result, Math.min(cursor, result.steps));
  results.push(result);
}
process.stdout.write(JSON.stringify(results, (key, value) =>
  (typeof value === "number" && !Number.isFinite(value) ? String(value) : value)));
