// A hash ring with virtual nodes that nodes join and leave: the logic of the consistent-hashing simulator, with
// no DOM access. Positions, vnode labels ("cache-3#vn17"), key names ("user:42") and the clockwise lookup are
// those of examples/python/consistent_hash_ring.py; the parity test replays every change through its HashRing
// and compares each node's load and every key that moved.
import { HashRing, ringPosition } from "../lib/hashring.js";

export const SCHEMA = {
  nodes: { label: "Nodes at the start", type: "number", min: 1, max: 10, step: 1, value: 4 },
  vnodes: { label: "Virtual nodes per node", type: "number", min: 1, max: 200, step: 1, value: 1 },
  keys: { label: "Keys", type: "number", min: 100, max: 100000, step: 100, value: 2000 },
  change: {
    label: "What happens",
    type: "choice",
    options: { grow: "Four nodes join, one at a time", fail: "A node leaves, then comes back", drain: "Nodes leave until none is left" },
    value: "grow",
  },
};

export const PRESETS = {
  one: { label: "One token per node", params: { nodes: 4, vnodes: 1, keys: 2000, change: "grow" } },
  many: { label: "100 virtual nodes", params: { nodes: 4, vnodes: 100, keys: 2000, change: "grow" } },
  example: { label: "The page's example: 10 to 11", params: { nodes: 10, vnodes: 100, keys: 100000, change: "grow" } },
  fail: { label: "A node fails and returns", params: { nodes: 4, vnodes: 8, keys: 2000, change: "fail" } },
  drain: { label: "Every node removed", params: { nodes: 3, vnodes: 8, keys: 2000, change: "drain" } },
};

export const SAMPLE = 40; // keys drawn on the ring

export const nodeName = (i) => `cache-${i}`;

// The membership changes, in order: [["add" | "remove", node], ...].
export function changes({ nodes, change }) {
  if (change === "fail") return [["remove", nodeName(1 % nodes)], ["add", nodeName(1 % nodes)]];
  if (change === "drain") return Array.from({ length: nodes }, (_, i) => ["remove", nodeName(nodes - 1 - i)]);
  return Array.from({ length: 4 }, (_, i) => ["add", nodeName(nodes + i)]);
}

function loads(members, owners) {
  const load = Object.fromEntries(members.map((m) => [m, 0]));
  for (const owner of owners) if (owner !== null) load[owner] += 1;
  return load;
}

export function simulate(params) {
  const { nodes, vnodes, keys } = params;
  const positions = Array.from({ length: keys }, (_, i) => ringPosition(`user:${i}`));
  const ring = new HashRing(vnodes);
  const members = [];
  for (let i = 0; i < nodes; i += 1) { ring.add(nodeName(i)); members.push(nodeName(i)); }
  let owners = positions.map((p) => ring.nodeFor(p));
  const states = [{ members: [...members], load: loads(members, owners), moved: 0, flows: {}, sample: owners.slice(0, SAMPLE) }];
  for (const [action, node] of changes(params)) {
    if (action === "add") { ring.add(node); members.push(node); } else { ring.remove(node); members.splice(members.indexOf(node), 1); }
    const next = positions.map((p) => ring.nodeFor(p));
    const flows = {}; // "from>to": keys; a key left without any node goes to "none"
    let moved = 0;
    next.forEach((owner, i) => {
      if (owner === owners[i]) return;
      moved += 1;
      const flow = `${owners[i]}>${owner === null ? "none" : owner}`;
      flows[flow] = (flows[flow] || 0) + 1;
    });
    owners = next;
    states.push({ action, node, members: [...members], load: loads(members, owners), moved, flows, sample: owners.slice(0, SAMPLE) });
  }
  return {
    steps: states.length - 1,
    keys,
    states,
    samplePositions: positions.slice(0, SAMPLE),
  };
}

// Keys gained (positive) or lost (negative) by each node in the change that led to this state.
export function netFlows(state) {
  const net = {};
  for (const [flow, count] of Object.entries(state.flows)) {
    const [from, to] = flow.split(">");
    net[from] = (net[from] || 0) - count;
    net[to] = (net[to] || 0) + count;
  }
  return net;
}

const ratio = (count, fair) => (fair ? Math.round((count / fair) * 100) / 100 : 0);

export function summary(result, cursor) {
  const state = result.states[cursor];
  const counts = Object.values(state.load);
  const assigned = counts.reduce((a, b) => a + b, 0);
  const fair = counts.length ? result.keys / counts.length : 0;
  const net = netFlows(state);
  const values = {
    nodes: counts.length,
    moved: state.moved,
    "moved-percent": Math.round((state.moved * 1000) / result.keys) / 10,
    busiest: counts.length ? ratio(Math.max(...counts), fair) : 0,
    unassigned: result.keys - assigned,
  };
  for (const [node, count] of Object.entries(state.load)) {
    values[`keys-${node}`] = count;
    values[`share-${node}`] = ratio(count, fair);
    values[`change-${node}`] = net[node] || 0;
  }
  return values;
}
