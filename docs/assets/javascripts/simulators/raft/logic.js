// Raft leader election and log replication in whole ticks: the logic of the Raft simulator, with no DOM access.
// The rules mirror examples/python/raft_model.py line for line (the parity test in tests/simulators replays each
// scripted scenario, with the same election timeouts, through both and compares every server after every tick).
import { integer, seeded } from "../lib/random.js";

export const N = 5;
const MAJORITY = Math.floor(N / 2) + 1;
export const TIMEOUT_MIN = 8;
export const TIMEOUT_MAX = 16;

export const SCHEMA = {
  scenario: {
    label: "Scenario",
    type: "choice",
    options: {
      election: "Election from cold, then writes",
      split: "Split vote after the leader crashes",
      partition: "A partition isolates the leader",
      figure8: "Figure 8: an old-term entry",
    },
    value: "election",
  },
  rule: {
    label: "Commit rule",
    type: "choice",
    options: { current: "Current-term entries only (Raft)", any: "Entries of any term (unsafe)" },
    value: "current",
  },
  noop: {
    label: "New leader's first entry",
    type: "choice",
    options: { on: "A no-op of its term", off: "None (the rule alone)" },
    value: "on",
  },
  seed: { label: "Seed (election timeouts)", type: "number", min: 1, max: 9999, step: 1, value: 4 },
};

export const PRESETS = {
  election: { label: "Election and writes", params: { scenario: "election", rule: "current", noop: "on", seed: 4 } },
  split: { label: "Split vote", params: { scenario: "split", rule: "current", noop: "on", seed: 4 } },
  partition: { label: "Leader partitioned away", params: { scenario: "partition", rule: "current", noop: "on", seed: 4 } },
  figure8: { label: "Figure 8, Raft's rule", params: { scenario: "figure8", rule: "current", noop: "off", seed: 4 } },
  unsafe: { label: "Figure 8, counting replicas", params: { scenario: "figure8", rule: "any", noop: "off", seed: 4 } },
};

const write = (command) => ({ type: "write", command });
const crash = (...ids) => ids.map((server) => ({ type: "crash", server }));
const restart = (...ids) => ids.map((server) => ({ type: "restart", server }));
const timeout = (...ids) => ids.map((server) => ({ type: "timeout", server }));
const partition = (...groups) => [{ type: "partition", groups }];

// Scripted events by tick (the same scripts as the Python example's asserts), and how many ticks each runs.
export const SCENARIOS = {
  election: { ticks: 34, script: { 20: [write("a")], 24: [write("b")], 28: [write("c")] } },
  split: {
    ticks: 44,
    script: { 1: timeout(0), 4: [write("a")], 8: crash(0), 10: timeout(1, 3), 36: [write("b")], 38: restart(0) },
  },
  partition: {
    ticks: 55,
    script: { 1: timeout(0), 4: [write("a")], 9: partition([0, 1], [2, 3, 4]), 10: [write("lost")], 34: [write("b")],
      42: partition([0, 1, 2, 3, 4]) },
  },
  figure8: {
    ticks: 44,
    script: { 1: timeout(0), 4: [write("a")], 8: [...crash(2, 3, 4), write("x")], 10: crash(0, 1), 11: restart(2, 3, 4),
      12: timeout(4), 15: [write("y"), ...crash(4)], 16: restart(0, 1), 17: timeout(0), 19: timeout(0), 26: crash(0),
      27: restart(4), 28: timeout(4), 30: timeout(4), 37: [write("z")] },
  },
};

export const name = (id) => `S${id + 1}`;
const lastOf = (s) => [s.log.length ? s.log[s.log.length - 1][0] : 0, s.log.length];
const notOlder = (a, b) => a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]);

export class Cluster {
  constructor(timeout, countOldTerms = false, noop = true) {
    this.timeout = timeout;
    this.countOldTerms = countOldTerms;
    this.noop = noop;
    this.now = 0;
    this.servers = [];
    for (let id = 0; id < N; id += 1) {
      this.servers.push({ id, role: "follower", term: 0, votedFor: null, log: [], commit: 0, deadline: timeout(),
        votes: new Set(), nextIndex: {}, match: {} });
    }
    this.groups = [[0, 1, 2, 3, 4]];
    this.inFlight = [];
    this.committed = new Map();
    this.overwritten = new Set();
    this.notes = [];
  }

  reachable(a, b) { return this.groups.some((g) => g.includes(a) && g.includes(b)); }

  stepDown(s, term) { s.term = term; s.votedFor = null; s.role = "follower"; s.votes = new Set(); }

  tick(events) {
    this.now += 1;
    this.notes = [];
    for (const event of events) this.apply(event);
    const arriving = this.inFlight;
    this.inFlight = [];
    const key = (m) => m.to * N + (((m.from - m.to) % N) + N) % N;
    arriving.sort((a, b) => key(a) - key(b)); // stable, like Python's sort
    for (const m of arriving) {
      const to = this.servers[m.to];
      if (to.role !== "down" && this.reachable(m.from, m.to)) this.receive(to, m);
    }
    for (const s of this.servers) {
      if (s.role === "leader") {
        for (let p = 0; p < N; p += 1) {
          if (p === s.id) continue;
          const prev = s.nextIndex[p] - 1;
          this.inFlight.push({ type: "append", from: s.id, to: p, term: s.term, prev,
            prevTerm: prev ? s.log[prev - 1][0] : 0, entries: s.log.slice(prev), commit: s.commit });
        }
      } else if (s.role !== "down" && this.now >= s.deadline) {
        this.stepDown(s, s.term + 1);
        s.role = "candidate";
        s.votedFor = s.id;
        s.votes = new Set([s.id]);
        s.deadline = this.now + this.timeout();
        this.notes.push(`${name(s.id)} times out: candidate for term ${s.term}, asks for votes.`);
        const [lastTerm, lastIndex] = lastOf(s);
        for (let p = 0; p < N; p += 1) {
          if (p !== s.id) this.inFlight.push({ type: "vote", from: s.id, to: p, term: s.term, lastTerm, lastIndex });
        }
      }
    }
    this.checkCommitted();
  }

  apply(event) {
    if (event.type === "write") {
      const leaders = this.servers.filter((s) => s.role === "leader");
      for (const s of leaders) {
        s.log.push([s.term, event.command]);
        s.match[s.id] = s.log.length;
      }
      this.notes.push(leaders.length
        ? `Client writes ${event.command}: ${leaders.map((s) => `${name(s.id)} appends it at index ${s.log.length}`).join("; ")}.`
        : `Client writes ${event.command}: no leader takes it.`);
    } else if (event.type === "crash") {
      this.servers[event.server].role = "down";
      this.notes.push(`${name(event.server)} crashes.`);
    } else if (event.type === "restart") {
      const s = this.servers[event.server];
      s.role = "follower";
      s.votes = new Set();
      s.deadline = this.now + this.timeout();
      this.notes.push(`${name(s.id)} restarts as a follower with its term, vote and log.`);
    } else if (event.type === "partition") {
      this.groups = event.groups.map((g) => [...g]);
      this.notes.push(this.groups.length > 1 ? `Network splits: ${groupsText(this.groups)}.` : "The partition heals.");
    } else if (event.type === "timeout") {
      this.servers[event.server].deadline = this.now;
    }
  }

  receive(s, m) {
    if (m.term > s.term) {
      if (s.role === "leader" || s.role === "candidate") this.notes.push(`${name(s.id)} sees term ${m.term}: steps down.`);
      this.stepDown(s, m.term);
    }
    if (m.type === "vote") {
      const logOk = notOlder([m.lastTerm, m.lastIndex], lastOf(s));
      const granted = m.term === s.term && (s.votedFor === null || s.votedFor === m.from) && logOk;
      if (granted) {
        s.votedFor = m.from;
        s.deadline = this.now + this.timeout();
      }
      this.notes.push(`${name(s.id)} ${granted ? "votes for" : "refuses"} ${name(m.from)} in term ${m.term}` +
        (granted ? "." : logOk ? " (already voted)." : " (its own log is more up to date)."));
      this.inFlight.push({ type: "voteReply", from: s.id, to: m.from, term: s.term, granted });
    } else if (m.type === "voteReply") {
      if (s.role === "candidate" && m.term === s.term && m.granted) {
        s.votes.add(m.from);
        if (s.votes.size >= MAJORITY) {
          s.role = "leader";
          s.nextIndex = {};
          s.match = {};
          for (let p = 0; p < N; p += 1) { s.nextIndex[p] = s.log.length + 1; s.match[p] = 0; }
          if (this.noop) s.log.push([s.term, "no-op"]);
          s.match[s.id] = s.log.length;
          this.notes.push(`${name(s.id)} has ${s.votes.size} of ${N} votes: leader of term ${s.term}.`);
        }
      }
    } else if (m.type === "append") {
      let ok = false;
      let match = 0;
      if (m.term === s.term) {
        s.role = "follower";
        s.votes = new Set();
        s.deadline = this.now + this.timeout();
        const prev = m.prev;
        if (prev === 0 || (s.log.length >= prev && s.log[prev - 1][0] === m.prevTerm)) {
          ok = true;
          m.entries.forEach((entry, k) => {
            const index = prev + 1 + k;
            if (s.log.length >= index && s.log[index - 1][0] !== entry[0]) {
              this.notes.push(`${name(s.id)} drops its entries from index ${index} on: they conflict with ${name(m.from)}'s log.`);
              s.log.length = index - 1;
            }
            if (s.log.length < index) s.log.push([entry[0], entry[1]]);
          });
          match = prev + m.entries.length;
          const commit = Math.max(s.commit, Math.min(m.commit, match));
          if (commit > s.commit) this.notes.push(`${name(s.id)} learns from ${name(m.from)} that index ${commit} is committed.`);
          s.commit = commit;
        } else {
          this.notes.push(`${name(s.id)} refuses ${name(m.from)}'s entries: no entry of term ${m.prevTerm} at index ${prev}.`);
        }
      }
      this.inFlight.push({ type: "appendReply", from: s.id, to: m.from, term: s.term, ok, match });
    } else if (m.type === "appendReply" && s.role === "leader" && m.term === s.term) {
      const p = m.from;
      if (m.ok) {
        s.match[p] = Math.max(s.match[p], m.match);
        s.nextIndex[p] = s.match[p] + 1;
      } else {
        s.nextIndex[p] = Math.max(1, s.nextIndex[p] - 1);
      }
      this.advanceCommit(s);
    }
  }

  advanceCommit(leader) {
    for (let index = leader.log.length; index > leader.commit; index -= 1) {
      let copies = 0;
      for (let p = 0; p < N; p += 1) if (leader.match[p] >= index) copies += 1;
      const current = leader.log[index - 1][0] === leader.term;
      if (copies >= MAJORITY && (current || this.countOldTerms)) {
        this.notes.push(`${name(leader.id)} commits up to index ${index}: ${copies} of ${N} servers have acknowledged it` +
          (current ? "." : ", though it is from term " + leader.log[index - 1][0] + "."));
        leader.commit = index;
        return;
      }
    }
  }

  checkCommitted() {
    for (const s of this.servers) {
      for (let index = 1; index <= s.commit; index += 1) {
        const entry = index <= s.log.length ? s.log[index - 1] : null;
        if (!this.committed.has(index)) this.committed.set(index, entry);
        const first = this.committed.get(index);
        const same = entry === first || (entry && first && entry[0] === first[0] && entry[1] === first[1]);
        if (!same && !this.overwritten.has(index)) {
          this.overwritten.add(index);
          this.notes.push(`Index ${index} was committed and ${name(s.id)} no longer holds that entry: a lost write.`);
        }
      }
    }
  }

  snapshot() {
    return {
      servers: this.servers.map((s) => ({ role: s.role, term: s.term, votedFor: s.votedFor,
        log: s.log.map((e) => [e[0], e[1]]), commit: s.commit, deadline: s.deadline })),
      groups: this.groups.map((g) => [...g]),
      overwritten: [...this.overwritten].sort((a, b) => a - b),
      // index -> the entry first committed there, for the indices whose committed entry some server lost
      lost: Object.fromEntries([...this.overwritten].map((i) => [i, this.committed.get(i)])),
      notes: this.notes,
    };
  }
}

export function groupsText(groups) {
  return groups.map((g) => g.map(name).join(" ")).join(" | ");
}

export function simulate(params) {
  const { ticks, script } = SCENARIOS[params.scenario];
  const next = seeded(params.seed);
  const cluster = new Cluster(() => integer(next, TIMEOUT_MIN, TIMEOUT_MAX), params.rule === "any", params.noop === "on");
  const states = [cluster.snapshot()];
  for (let t = 1; t <= ticks; t += 1) {
    cluster.tick(script[t] || []);
    states.push(cluster.snapshot());
  }
  return { steps: ticks, states, script };
}

export function summary(result, cursor) {
  const state = result.states[cursor];
  const live = state.servers.map((s, id) => ({ ...s, id })).filter((s) => s.role !== "down");
  const leaders = live.filter((s) => s.role === "leader");
  return {
    tick: cursor,
    leaders: leaders.length ? leaders.map((s) => `${name(s.id)} (term ${s.term})`).join(", ") : "none",
    term: Math.max(...state.servers.map((s) => s.term)),
    committed: Math.max(...state.servers.map((s) => s.commit)),
    overwritten: state.overwritten.length,
  };
}
