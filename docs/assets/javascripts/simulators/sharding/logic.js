// Nodes join a cluster one at a time, and three placements count the keys each join moves: hash mod N, fixed
// logical shards with a shard map, and a hash ring with virtual nodes. No DOM access. The positions, key names,
// shard-map rule and ring are those of examples/python/logical_shards.py and consistent_hash_ring.py (the
// parity test replays every join through them); with the chart preset the mod N and ring numbers are exactly
// those of figures/charts/keys-moved.py, which draws from the same example.
import { HashRing, modulo, ringPosition } from "../lib/hashring.js";

export const SCHEMA = {
  nodes: { label: "Nodes at the start", type: "number", min: 1, max: 16, step: 1, value: 4 },
  joins: { label: "Nodes that join, one at a time", type: "number", min: 1, max: 16, step: 1, value: 8 },
  keys: { label: "Keys", type: "number", min: 1000, max: 20000, step: 1000, value: 10000 },
  shards: { label: "Logical shards", type: "number", min: 16, max: 4096, step: 16, value: 1024 },
  vnodes: { label: "Ring: virtual nodes per node", type: "number", min: 1, max: 200, step: 1, value: 100 },
};

export const PRESETS = {
  four: { label: "4 to 5 nodes, and on", params: { nodes: 4, joins: 8, keys: 10000, shards: 1024, vnodes: 100 } },
  chart: { label: "The chart: 2 to 16 nodes", params: { nodes: 2, joins: 14, keys: 20000, shards: 1024, vnodes: 100 } },
  fewShards: { label: "Too few logical shards", params: { nodes: 10, joins: 4, keys: 10000, shards: 16, vnodes: 100 } },
  oneToken: { label: "Ring with one token per node", params: { nodes: 4, joins: 4, keys: 10000, shards: 1024, vnodes: 1 } },
};

export const SCHEMES = [
  { key: "modulo", name: "hash mod N" },
  { key: "logical", name: "logical shards" },
  { key: "ring", name: "hash ring" },
];

// The shard map: shard -> node, round robin at the start; a newcomer takes whole shards, one at a time from the
// node holding the most (the lowest-numbered on a tie, its highest-numbered shard), until it holds shards // nodes.
function addToShardMap(owner, nodes) {
  const counts = new Array(nodes + 1).fill(0);
  for (const node of owner) counts[node] += 1;
  const moved = new Set();
  for (let i = 0; i < Math.floor(owner.length / (nodes + 1)); i += 1) {
    let donor = 0;
    for (let node = 1; node < nodes; node += 1) if (counts[node] > counts[donor]) donor = node;
    const shard = owner.lastIndexOf(donor);
    owner[shard] = nodes;
    counts[donor] -= 1;
    counts[nodes] += 1;
    moved.add(shard);
  }
  return moved;
}

export function simulate({ nodes, joins, keys, shards, vnodes }) {
  const positions = Array.from({ length: keys }, (_, i) => ringPosition(`user:${i}`));
  const shardOf = positions.map((p) => modulo(p, shards));
  const owner = Array.from({ length: shards }, (_, s) => s % nodes);
  const ring = new HashRing(vnodes);
  for (let i = 0; i < nodes; i += 1) ring.add(`cache-${i}`);
  let onRing = positions.map((p) => ring.nodeFor(p));
  const joinsDone = [];
  for (let n = nodes; n < nodes + joins; n += 1) {
    const movedShards = addToShardMap(owner, n);
    ring.add(`cache-${n}`);
    const next = positions.map((p) => ring.nodeFor(p));
    joinsDone.push({
      from: n,
      modulo: positions.filter((p) => modulo(p, n) !== modulo(p, n + 1)).length,
      logical: shardOf.filter((s) => movedShards.has(s)).length,
      ring: next.filter((node, i) => node !== onRing[i]).length,
      shardsMoved: movedShards.size,
    });
    onRing = next;
  }
  return { steps: joins, keys, nodes, joins: joinsDone, shardMap: owner };
}

const percent = (count, keys) => Math.round((count * 1000) / keys) / 10;

// After `cursor` joins: the last join's moves under each scheme, and the totals so far.
export function summary(result, cursor) {
  const last = result.joins[cursor - 1];
  const values = { nodes: result.nodes + cursor };
  for (const { key } of SCHEMES) {
    const moved = last ? last[key] : 0;
    values[`${key}-moved`] = moved;
    values[`${key}-percent`] = percent(moved, result.keys);
    values[`${key}-total`] = result.joins.slice(0, cursor).reduce((sum, join) => sum + join[key], 0);
  }
  values.ideal = last ? Math.round(1000 / (last.from + 1)) / 10 : 0; // 1/(N+1): the new node's fair share
  return values;
}
