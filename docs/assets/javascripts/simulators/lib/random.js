// A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence in every browser and in
// Node, so a scenario in a link replays exactly. Only integer operations, then one exact division by 2^32.
export function seeded(seed) {
  let state = seed >>> 0;
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// An integer in [low, high], both included.
export function integer(next, low, high) {
  return low + Math.floor(next() * (high - low + 1));
}
