// dashboard: the supervisor's live view. It loads the state from
// /api/dashboard, then applies the call events pop.js passes on as
// "tigerline:message" (reloading after hello and sync.required); it never
// polls. Everything is written as text.

const root = document.getElementById("dashboard");
const L = root ? root.dataset : {};
const calls = new Map(); // gateway + uniqueid → call
let agents = [];
let today = null;
let slSeconds = 20;
let wrapSeconds = 30;
let skew = 0;
const wrapUntil = new Map(); // extension → ms
let seq = 0;

// labels names the data attribute holding each agent state's label.
const labels = { available: "available", ringing: "ringing", on_call: "talking", wrap_up: "wrapup", offline: "offline" };

const keyOf = (c) => `${c.gateway}|${c.source_uniqueid}`;
const now = () => Date.now() + skew;

function cell(...kids) {
  const td = document.createElement("td");
  for (const k of kids) td.append(k);
  return td;
}

function row(tbody, ...cells) {
  const tr = document.createElement("tr");
  tr.append(...cells.map((c) => (c instanceof Node ? c : cell(String(c)))));
  tbody.append(tr);
  return tr;
}

function clock(sec) {
  sec = Math.max(0, Math.floor(sec));
  const m = Math.floor(sec / 60);
  return `${m}:${String(sec % 60).padStart(2, "0")}`;
}

// load rebuilds the state; after a hello it marks the page synced (the
// socket is subscribed and the state read after that).
async function load(synced) {
  const mine = ++seq;
  let data;
  try {
    const resp = await fetch("/api/dashboard", { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (!resp.ok) return;
    data = await resp.json();
  } catch {
    return;
  }
  if (mine !== seq) return; // a newer load is on its way
  skew = new Date(data.now).getTime() - Date.now();
  slSeconds = data.service_level_seconds;
  wrapSeconds = data.wrap_up_seconds;
  calls.clear();
  for (const c of data.calls || []) calls.set(keyOf(c), c);
  agents = data.agents || [];
  wrapUntil.clear();
  for (const a of agents) {
    if (a.state === "wrap_up") wrapUntil.set(a.extension, new Date(a.since).getTime() + wrapSeconds * 1000);
  }
  today = data.today;
  draw();
  if (synced) root.dataset.synced = "1";
}

// apply takes a call event's state of the call: the record, whom it
// popped, and the agents ringing now (every agent a queue rings at once;
// absent from older servers' events).
function apply(type, p) {
  const c = { ...p.call, extensions: p.extensions || [], ringing: p.ringing, caller: p.caller };
  const k = keyOf(c);
  if (type !== "call.ended") {
    const old = calls.get(k);
    if (old && !c.caller) c.caller = old.caller;
    calls.set(k, c);
  } else {
    calls.delete(k);
    count(c);
    if (c.status === "completed") {
      for (const ext of new Set([...(c.agents || []), c.agent_extension].filter(Boolean))) {
        wrapUntil.set(ext, new Date(c.end_time || now()).getTime() + wrapSeconds * 1000);
      }
    }
  }
  for (const a of agents) {
    if (involves(c, a.extension) && a.state === "offline") a.state = "available";
  }
  draw();
}

// presence applies an agent signing in (available) or out (offline);
// ringing, talking and wrap-up follow from the calls, not from here.
function presence(p) {
  const a = agents.find((x) => x.user_id === p.user_id);
  if (!a) return;
  a.state = p.state === "offline" ? "offline" : "available";
  a.since = p.since;
  draw();
}

// count adds an ended call to today's numbers, as the server sums them.
function count(c) {
  if (!today) return;
  if (c.direction === "outbound") today.outbound++;
  if (c.direction !== "inbound") return;
  today.inbound++;
  switch (c.status) {
    case "completed": {
      const wait = Math.max(0, c.total_seconds - c.billable_seconds);
      const n = today.completed;
      today.avg_wait_seconds = (today.avg_wait_seconds * n + wait) / (n + 1);
      today.avg_talk_seconds = (today.avg_talk_seconds * n + c.billable_seconds) / (n + 1);
      today.completed++;
      today.answered++;
      today.offered++;
      if (wait <= slSeconds) today.answered_in_time++;
      break;
    }
    case "no-answer": case "busy": case "failed":
      today.missed++;
      today.offered++;
      break;
    case "abandoned":
      today.abandoned++;
      today.offered++;
      break;
  }
  today.service_level = today.offered ? today.answered_in_time / today.offered : null;
}

function involves(c, ext) {
  return c.agent_extension === ext || (c.agents || []).includes(ext) || (c.extensions || []).includes(ext) ||
    (c.ringing || []).includes(ext);
}

// rings reports whether the call rings ext: ext is in its ringing set (an
// agent whose ring stopped is not), or it is the outbound call ext placed,
// ringing out. A call without a ringing set (known only from the store,
// or from an older server) rings the agents it involves, as before.
function rings(c, ext) {
  if (Array.isArray(c.ringing) && c.ringing.includes(ext)) return true;
  if (c.status !== "ringing") return false;
  if (!Array.isArray(c.ringing)) return involves(c, ext);
  return c.direction === "outbound" && c.agent_extension === ext;
}

function callerOf(c) {
  const m = c.caller;
  if (m && !m.unknown && m.records && m.records.length) {
    const r = m.records[0];
    const a = document.createElement("a");
    a.href = `/m/${encodeURIComponent(r.module)}/${r.crmid}`;
    a.textContent = m.ambiguous ? `${r.name} (+${m.records.length - 1})` : r.name;
    return cell(a, ` ${c.customer_number || ""}`);
  }
  if (c.link) {
    const a = document.createElement("a");
    a.href = c.link.href;
    a.textContent = c.link.name || `#${c.link.crmid}`;
    return cell(a, ` ${c.customer_number || ""}`);
  }
  const name = c.customer_name || (m && m.unknown ? L.unknown : "");
  return cell(`${name} ${c.customer_number || ""}`.trim());
}

function agentName(ext) {
  const a = agents.find((x) => x.extension === ext);
  return a ? `${a.name} (${ext})` : ext || "";
}

// agentsOf names who a call is with: while an inbound call rings, every
// agent ringing now (none while it waits in a queue); else its agent.
function agentsOf(c) {
  if (c.direction !== "outbound" && c.status === "ringing" && Array.isArray(c.ringing)) {
    return c.ringing.map(agentName).join(", ");
  }
  return agentName(c.agent_extension);
}

function stateOf(a) {
  let state = a.state === "offline" ? "offline" : "available";
  let since = a.state === "offline" ? a.since : null;
  const until = wrapUntil.get(a.extension);
  if (until && until > now()) {
    state = "wrap_up";
    since = until - wrapSeconds * 1000;
  }
  for (const c of calls.values()) {
    if (c.status === "in-progress" && (c.agent_extension === a.extension || (c.agents || []).includes(a.extension))) {
      return ["on_call", c.answer_time || c.start_time];
    }
    if (rings(c, a.extension)) [state, since] = ["ringing", c.start_time];
  }
  return [state, since];
}

function draw() {
  const list = [...calls.values()].sort((a, b) => a.start_time.localeCompare(b.start_time));
  const tb = root.querySelector("#dash-calls tbody");
  tb.replaceChildren();
  for (const c of list) {
    const from = c.answer_time || c.start_time;
    row(tb, callerOf(c), agentsOf(c), c.queue || "", c.status === "in-progress" ? L.talking : L.ringing,
      clock((now() - new Date(from).getTime()) / 1000)).dataset.call = keyOf(c);
  }
  if (!list.length) row(tb, L.none).classList.add("muted");

  const queues = new Map();
  for (const c of list) {
    if (c.direction !== "inbound" || c.status !== "ringing") continue;
    const q = queues.get(c.queue || "") || { waiting: 0, longest: 0 };
    q.waiting++;
    q.longest = Math.max(q.longest, (now() - new Date(c.start_time).getTime()) / 1000);
    queues.set(c.queue || "", q);
  }
  const qb = root.querySelector("#dash-queues tbody");
  qb.replaceChildren();
  for (const [name, q] of [...queues].sort()) row(qb, name || L.noqueue, String(q.waiting), clock(q.longest));
  if (!queues.size) row(qb, L.none).classList.add("muted");

  const ab = root.querySelector("#dash-agents tbody");
  ab.replaceChildren();
  for (const a of agents) {
    const [state, since] = stateOf(a);
    const tr = row(ab, a.name, a.extension, L[labels[state]] || state, since ? clock((now() - new Date(since).getTime()) / 1000) : "");
    tr.className = `agent-${state}`;
  }

  if (today) {
    const set = (id, v) => { root.querySelector(id).textContent = v; };
    set("#kpi-answered", String(today.answered));
    set("#kpi-missed", String(today.missed));
    set("#kpi-abandoned", String(today.abandoned));
    set("#kpi-wait", clock(today.avg_wait_seconds));
    set("#kpi-talk", clock(today.avg_talk_seconds));
    set("#kpi-sl", today.service_level == null ? "–" : `${Math.round(today.service_level * 100)} %`);
  }
}

if (root) {
  document.addEventListener("tigerline:message", (ev) => {
    const msg = ev.detail;
    if (msg.type === "hello" || msg.type === "sync.required") load(true);
    else if (msg.type.startsWith("call.") && msg.payload && msg.payload.call) apply(msg.type, msg.payload);
    else if (msg.type === "agent.state" && msg.payload) presence(msg.payload);
  });
  load();
  setInterval(draw, 1000);
}
