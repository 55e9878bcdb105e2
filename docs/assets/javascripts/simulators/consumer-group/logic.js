// A Kafka consumer group in whole ticks: the logic of the consumer-group simulator, with no DOM access. The rules
// mirror examples/python/consumer_group.py (the parity test in tests/simulators feeds the same produced keys and
// membership script to both and compares every partition, assignment and counter after every tick).
import { integer, seeded } from "../lib/random.js";

export const KEYS = 12;
export const SESSION = 3; // ticks before the group notices a crashed member
export const TICKS = 44;

export const SCHEMA = {
  scenario: {
    label: "Scenario",
    type: "choice",
    options: {
      scale: "Consumers join one by one",
      crash: "A consumer crashes",
      leave: "A consumer leaves cleanly",
    },
    value: "scale",
  },
  assignor: { label: "Assignor", type: "choice", options: { range: "Range", roundrobin: "Round-robin" }, value: "range" },
  partitions: { label: "Partitions", type: "number", min: 1, max: 8, step: 1, value: 4 },
  rate: { label: "Records produced per tick", type: "number", min: 1, max: 12, step: 1, value: 6 },
  capacity: { label: "Records a consumer handles per tick", type: "number", min: 1, max: 6, step: 1, value: 3 },
  commitEvery: { label: "Commit every (ticks)", type: "number", min: 1, max: 10, step: 1, value: 5 },
  seed: { label: "Seed (record keys)", type: "number", min: 1, max: 9999, step: 1, value: 7 },
};

export const PRESETS = {
  scale: { label: "Scale out past the partitions", params: { scenario: "scale", assignor: "range", partitions: 4, rate: 6, capacity: 3, commitEvery: 5, seed: 7 } },
  uneven: { label: "Four partitions, three consumers", params: { scenario: "leave", assignor: "range", partitions: 4, rate: 6, capacity: 2, commitEvery: 5, seed: 7 } },
  crash: { label: "Crash before a commit", params: { scenario: "crash", assignor: "range", partitions: 4, rate: 6, capacity: 3, commitEvery: 5, seed: 7 } },
  often: { label: "Crash, commit every tick", params: { scenario: "crash", assignor: "range", partitions: 4, rate: 6, capacity: 3, commitEvery: 1, seed: 7 } },
};

const join = (...ms) => ms.map((member) => ({ type: "join", member }));
export const SCRIPTS = {
  scale: { 1: join("c1"), 10: join("c2"), 18: join("c3"), 26: join("c4"), 34: join("c5") },
  crash: { 1: join("c1", "c2", "c3"), 14: [{ type: "crash", member: "c2" }], 28: join("c4") },
  leave: { 1: join("c1", "c2", "c3"), 14: [{ type: "leave", member: "c3" }], 28: join("c4") },
};

const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

export function rangeAssign(partitions, members) {
  const sorted = [...members].sort(byName);
  const share = Math.floor(partitions / sorted.length);
  const extra = partitions % sorted.length;
  const assignment = {};
  let start = 0;
  sorted.forEach((member, i) => {
    const count = share + (i < extra ? 1 : 0);
    assignment[member] = [];
    for (let p = start; p < start + count; p += 1) assignment[member].push(p);
    start += count;
  });
  return assignment;
}

export function roundRobinAssign(partitions, members) {
  const sorted = [...members].sort(byName);
  const assignment = {};
  for (const m of sorted) assignment[m] = [];
  for (let p = 0; p < partitions; p += 1) assignment[sorted[p % sorted.length]].push(p);
  return assignment;
}

const ASSIGNORS = { range: rangeAssign, roundrobin: roundRobinAssign };

export class Group {
  constructor(partitions, assignor, capacity, commitEvery, session = SESSION) {
    this.partitions = partitions;
    this.assign = ASSIGNORS[assignor];
    this.capacity = capacity;
    this.commitEvery = commitEvery;
    this.session = session;
    this.logs = Array.from({ length: partitions }, () => []);
    this.committed = new Array(partitions).fill(0);
    this.position = new Array(partitions).fill(0);
    this.members = [];
    this.crashed = new Map();
    this.assignment = {};
    this.now = 0;
    this.produced = 0;
    this.rebalances = 0;
    this.duplicates = 0;
    this.seen = new Set();
    this.newest = -1;
    this.newestIn = new Array(partitions).fill(-1);
    this.overtaken = 0;
    this.overtakenInPartition = 0;
    this.tickProcessed = [];
    this.notes = [];
  }

  commit(member) {
    for (const p of this.assignment[member] || []) this.committed[p] = this.position[p];
  }

  tick(events, keys) {
    this.now += 1;
    this.tickProcessed = [];
    this.notes = [];
    let changed = false;
    for (const event of events) {
      const member = event.member;
      if (event.type === "join") {
        this.members.push(member);
        this.notes.push(`${member} joins the group.`);
      } else if (event.type === "leave") {
        this.commit(member);
        this.members.splice(this.members.indexOf(member), 1);
        this.notes.push(`${member} commits its offsets and leaves.`);
      } else if (event.type === "crash") {
        this.crashed.set(member, this.now);
        this.notes.push(`${member} crashes; the group notices after its ${this.session}-tick session timeout.`);
      }
      changed = changed || event.type !== "crash";
    }
    for (const [member, since] of [...this.crashed]) {
      if (this.now >= since + this.session) {
        this.crashed.delete(member);
        this.members.splice(this.members.indexOf(member), 1);
        this.notes.push(`${member}'s session times out: it is removed.`);
        changed = true;
      }
    }
    if (changed) {
      for (const member of Object.keys(this.assignment)) {
        if (this.members.includes(member) && !this.crashed.has(member)) this.commit(member);
      }
      this.assignment = this.members.length ? this.assign(this.partitions, this.members) : {};
      this.position = [...this.committed];
      this.rebalances += 1;
      this.notes.push(`Rebalance ${this.rebalances}: ${assignmentText(this.assignment)}; nobody consumes this tick.`);
    }
    for (const key of keys) {
      this.logs[key % this.partitions].push([this.produced, key]);
      this.produced += 1;
    }
    if (!changed) {
      for (const member of Object.keys(this.assignment).sort(byName)) {
        if (!this.crashed.has(member)) this.consume(member);
      }
    }
    if (this.now % this.commitEvery === 0) {
      for (const member of Object.keys(this.assignment)) if (!this.crashed.has(member)) this.commit(member);
    }
  }

  consume(member) {
    let budget = this.capacity;
    let progressed = true;
    while (budget && progressed) {
      progressed = false;
      for (const p of this.assignment[member]) {
        if (budget && this.position[p] < this.logs[p].length) {
          this.process(member, p, this.position[p]);
          this.position[p] += 1;
          budget -= 1;
          progressed = true;
        }
      }
    }
  }

  process(member, p, offset) {
    const [number, key] = this.logs[p][offset];
    const replay = this.seen.has(`${p}:${offset}`);
    this.tickProcessed.push({ member, partition: p, offset, number, key, replay });
    if (replay) { this.duplicates += 1; return; }
    this.seen.add(`${p}:${offset}`);
    if (number < this.newest) this.overtaken += 1;
    if (number < this.newestIn[p]) this.overtakenInPartition += 1;
    this.newest = Math.max(this.newest, number);
    this.newestIn[p] = Math.max(this.newestIn[p], number);
  }

  lag() { return this.logs.map((log, p) => log.length - this.committed[p]); }

  snapshot() {
    return {
      members: [...this.members],
      crashed: [...this.crashed.keys()].sort(byName),
      assignment: Object.fromEntries(Object.entries(this.assignment).map(([m, ps]) => [m, [...ps]])),
      ends: this.logs.map((log) => log.length),
      committed: [...this.committed],
      position: [...this.position],
      lag: this.lag(),
      rebalances: this.rebalances,
      duplicates: this.duplicates,
      overtaken: this.overtaken,
      overtakenInPartition: this.overtakenInPartition,
      processed: this.tickProcessed,
      notes: this.notes,
    };
  }
}

export function assignmentText(assignment) {
  const entries = Object.entries(assignment).sort(([a], [b]) => byName(a, b));
  if (!entries.length) return "no members, no owners";
  return entries.map(([m, ps]) => `${m} ${ps.length ? ps.map((p) => `P${p}`).join(" ") : "idle"}`).join(", ");
}

export function simulate(params) {
  const next = seeded(params.seed);
  const script = SCRIPTS[params.scenario];
  const group = new Group(params.partitions, params.assignor, params.capacity, params.commitEvery);
  const produced = [];
  const states = [group.snapshot()];
  for (let t = 1; t <= TICKS; t += 1) {
    const keys = [];
    for (let i = 0; i < params.rate; i += 1) keys.push(integer(next, 0, KEYS - 1));
    produced.push(keys);
    group.tick(script[t] || [], keys);
    states.push(group.snapshot());
  }
  return { steps: TICKS, states, produced, script };
}

export function summary(result, cursor) {
  const state = result.states[cursor];
  const owners = Object.values(state.assignment);
  return {
    tick: cursor,
    lag: state.lag.reduce((a, b) => a + b, 0),
    rebalances: state.rebalances,
    idle: owners.filter((ps) => ps.length === 0).length,
    duplicates: state.duplicates,
    overtaken: state.overtaken,
    "overtaken-in-partition": state.overtakenInPartition,
  };
}
