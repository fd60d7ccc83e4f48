// pop: the agent's screen pops. It keeps one websocket to /ws (see
// realtime/PROTOCOL.md), reloads the agent's calls from /api/calls/live
// after every hello or sync.required, and shows a pop for each call
// ringing or talking on the agent's extension: the caller, what the CRM
// knows about them, and one-click actions. Ended calls join the recent
// list. It also puts a call button beside phone numbers. Every message is
// passed on as a "tigerline:message" event on document, for other page
// scripts (the dashboard). Data only ever reaches the page as text.

const root = document.getElementById("callpop");
const me = root ? root.dataset.extension || "" : "";
const csrf = root ? root.dataset.csrf || "" : "";
const calls = new Map(); // key → entry, the pops shown
const tickets = new Map(); // key → the latest ticket.created/updated payload of a call
let recent = [];
let strings = {};
let skew = 0; // server clock minus ours, in ms
let retry = 1000;

const t = (k) => strings[k] || k;
const keyOf = (c) => `${c.gateway}|${c.source_uniqueid}`;
const now = () => Date.now() + skew;

// el makes an element with a class and text, or children.
function el(tag, cls, ...kids) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  for (const k of kids) {
    if (k == null) continue;
    e.append(typeof k === "string" ? document.createTextNode(k) : k);
  }
  return e;
}

function link(href, text, cls) {
  const a = el("a", cls, text);
  a.href = href;
  return a;
}

function clock(sec) {
  sec = Math.max(0, Math.floor(sec));
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = String(sec % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

function when(iso) {
  const d = new Date(iso);
  return isNaN(d) ? "" : d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

async function api(method, url, body) {
  const opts = { method, credentials: "same-origin", headers: { Accept: "application/json" } };
  if (body !== undefined) {
    opts.headers["Content-Type"] = "application/json";
    opts.headers["X-CSRF-Token"] = csrf;
    opts.body = JSON.stringify(body);
  }
  const resp = await fetch(url, opts);
  let data = null;
  try { data = await resp.json(); } catch { /* no body */ }
  if (!resp.ok) {
    const err = new Error((data && data.message) || `${resp.status}`);
    err.fields = (data && data.fields) || {};
    throw err;
  }
  return data;
}

// ---- the websocket ----

function connect() {
  const ws = new WebSocket(`${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/ws`);
  ws.onmessage = (ev) => {
    let msg;
    try { msg = JSON.parse(ev.data); } catch { return; }
    if (!msg || typeof msg.type !== "string") return;
    if (msg.type === "hello") retry = 1000;
    if (msg.v > 1) msg = { type: "sync.required", v: 1, payload: { reason: "version" } };
    handle(msg);
    document.dispatchEvent(new CustomEvent("tigerline:message", { detail: msg }));
  };
  ws.onclose = (ev) => {
    if (ev.code === 1000 || ev.code === 1009) return;
    const wait = retry * (0.75 + Math.random() / 2);
    retry = Math.min(retry * 2, 30000);
    setTimeout(connect, wait);
  };
}

function handle(msg) {
  switch (msg.type) {
    case "hello":
    case "sync.required":
      reload();
      break;
    case "call.ringing":
    case "call.answered":
    case "call.ended":
      if (msg.payload && msg.payload.call) apply(msg.type, msg.payload);
      break;
    case "ticket.created":
    case "ticket.updated":
      if (msg.payload && msg.payload.gateway) ticketEvent(msg.type, msg.payload);
      break;
  }
}

// ---- state ----

async function reload() {
  let data;
  try { data = await api("GET", "/api/calls/live"); } catch { return; }
  strings = data.strings || {};
  skew = new Date(data.now).getTime() - Date.now();
  const keep = new Set();
  for (const c of data.live) {
    if (!concerns("", c, c.extensions || [], c.ringing)) continue;
    const k = keyOf(c);
    keep.add(k);
    if (c.ticket) ticketEvent("ticket.updated", c.ticket);
    upsert(c, c.extensions || [], c.caller, c.link, c.support);
  }
  for (const [k, e] of calls) if (!keep.has(k) && !e.ended) drop(k);
  recent = data.recent;
  for (const b of document.querySelectorAll("button.dial")) b.textContent = t("Call");
  render();
  root.dataset.synced = "1";
}

function mine(c, exts) {
  return me !== "" && (exts.includes(me) || c.agent_extension === me || (c.agents || []).includes(me));
}

// concerns says whether the agent's pop shows a call now: the agent is
// popped by the event (rung, or answering), talks or talked on the call,
// placed it (outbound), or rings for it. A pop of a call whose ring on
// the agent stopped (a queue moving on, another agent answering) closes:
// agent_extension keeps naming the first agent rung after their ring
// stopped, so it does not count. Without a ringing list (a server before
// it, or a call known only from the store) the call's agent decides.
function concerns(type, c, exts, ringing) {
  if (!Array.isArray(ringing)) return mine(c, exts);
  if (me === "") return false;
  if (exts.includes(me) || (c.agents || []).includes(me)) return true;
  if (c.direction === "outbound" && c.agent_extension === me) return true;
  // On call.answered by another agent, members the PBX has not hung up
  // yet may still be listed as ringing.
  return type !== "call.answered" && ringing.includes(me);
}

function apply(type, p) {
  const c = p.call;
  const k = keyOf(c);
  const exts = p.extensions || [];
  const e = calls.get(k);
  if (type === "call.ended") {
    if (!e && !mine(c, exts)) return;
    if (e) {
      e.call = c;
      e.ended = true;
      update(e);
    }
    recent = [{ ...c, link: e && e.chosen ? e.chosen : null }, ...recent.filter((r) => keyOf(r) !== k)].slice(0, 10);
    render();
    return;
  }
  if (!concerns(type, c, exts, p.ringing)) {
    // Answered by someone else, or no longer ringing here: the pop closes.
    if (e) drop(k);
    render();
    return;
  }
  upsert(c, exts, p.caller, null, p.support);
  render();
}

function upsert(c, exts, caller, linked, support) {
  const k = keyOf(c);
  let e = calls.get(k);
  if (!e) {
    e = { call: c, caller: null, chosen: null, summary: null, support: null, ended: false };
    e.node = build(e);
    calls.set(k, e);
  }
  e.call = c;
  e.extensions = exts;
  if (linked) e.chosen = linked;
  if (support) e.support = support;
  if (caller && !e.caller) {
    e.caller = caller;
    const recs = caller.records || [];
    if (!e.chosen && !caller.unknown && !caller.ambiguous && recs.length) e.chosen = recs[0];
    fillCaller(e);
  }
  if (e.chosen && !e.summary) loadSummary(e);
  fillTicket(e);
  update(e);
}

function drop(k) {
  const e = calls.get(k);
  if (e) e.node.remove();
  calls.delete(k);
  tickets.delete(k);
}

// ---- rendering ----

function build(e) {
  const node = el("section", "pop");
  node.dataset.call = keyOf(e.call);
  e.title = el("h2", "poptitle");
  e.status = el("span", "popstatus");
  e.timer = el("span", "poptimer");
  const close = el("button", "popclose", "×");
  close.type = "button";
  close.setAttribute("aria-label", t("Close"));
  close.addEventListener("click", () => { drop(keyOf(e.call)); render(); });
  e.callerBox = el("div", "popcaller");
  e.ticketBox = el("div", "popticket");
  e.ticketBox.hidden = true;
  // The editor and the caller search keep what the agent typed while
  // ticket events redraw the rest of the box.
  e.ticketInfo = el("div", "popticketinfo");
  e.editor = el("form", "popeditor");
  e.editor.hidden = true;
  e.linkBox = el("div", "poplinkcaller");
  e.linkBox.hidden = true;
  e.ticketMore = el("div", "popticketmore");
  e.ticketBox.append(e.ticketInfo, e.editor, e.linkBox, e.ticketMore);
  e.summaryBox = el("div", "popsummary");
  e.actions = el("div", "popactions");
  node.append(el("header", "pophead", e.title, e.status, e.timer, close), e.callerBox, e.ticketBox, e.summaryBox, e.actions);
  fillCaller(e);
  return node;
}

function update(e) {
  const c = e.call;
  e.title.textContent = t(c.direction === "outbound" ? "Outgoing call" : "Incoming call");
  const st = e.ended ? "Call ended" : c.status === "in-progress" ? "On call" : "Ringing";
  e.status.textContent = t(st);
  e.node.classList.toggle("ringing", !e.ended && c.status !== "in-progress");
  e.node.classList.toggle("ended", e.ended);
  tick(e);
}

function tick(e) {
  const c = e.call;
  let sec;
  if (e.ended) sec = c.billable_seconds || c.total_seconds || 0;
  else sec = (now() - new Date(c.answer_time || c.start_time).getTime()) / 1000;
  e.timer.textContent = clock(sec);
}

function fillCaller(e) {
  const c = e.call;
  const m = e.caller;
  const number = c.customer_number || (m && m.number) || "";
  e.callerBox.replaceChildren();
  if (e.chosen) {
    e.callerBox.append(link(`/m/${encodeURIComponent(e.chosen.module)}/${e.chosen.crmid}`, e.chosen.name || `#${e.chosen.crmid}`, "popname"),
      el("span", "popnumber", number));
  } else if (m && m.ambiguous && m.records.length) {
    const list = el("ul", "popchoices");
    for (const r of m.records) {
      const b = el("button", "", t("This one"));
      b.type = "button";
      b.addEventListener("click", () => choose(e, r));
      list.append(el("li", "", link(`/m/${encodeURIComponent(r.module)}/${r.crmid}`, r.name || `#${r.crmid}`), ` (${t(r.module)}) `, b));
    }
    e.callerBox.append(el("p", "popnumber", number), el("p", "", t("Several records match: pick one.")), list);
  } else if (m && m.unknown) {
    const q = new URLSearchParams({ phone: number });
    if (c.customer_name) q.set("lastname", c.customer_name);
    e.callerBox.append(el("strong", "popname", t("Unknown caller")), el("span", "popnumber", number),
      el("div", "popcreate", link(`/m/Leads/new?${q}`, t("Create lead"), "button"), link(`/m/Contacts/new?${q}`, t("Create contact"), "button")));
  } else {
    e.callerBox.append(el("strong", "popname", c.customer_name || number), el("span", "popnumber", c.customer_name ? number : ""));
  }
  fillActions(e);
}

async function choose(e, r) {
  try {
    await api("POST", `/api/calls/${encodeURIComponent(e.call.gateway)}/${encodeURIComponent(e.call.source_uniqueid)}/link`, { module: r.module, crmid: r.crmid });
  } catch (err) {
    toast(err.message);
    return;
  }
  e.chosen = r;
  fillCaller(e);
  loadSummary(e);
}

function fillActions(e) {
  e.actions.replaceChildren();
  if (!e.chosen) return;
  e.actions.append(link(`/m/${encodeURIComponent(e.chosen.module)}/${e.chosen.crmid}`, t("Open record"), "button"));
  if (e.summary && e.summary.new_ticket) e.actions.append(link(e.summary.new_ticket, t("Create ticket"), "button"));
  const add = el("button", "", t("Add note"));
  add.type = "button";
  const form = el("form", "popnote");
  form.hidden = true;
  const text = el("textarea");
  text.name = "text";
  text.rows = 3;
  text.setAttribute("aria-label", t("Add note"));
  const save = el("button", "primary", t("Save note"));
  save.type = "submit";
  form.append(text, save);
  add.addEventListener("click", () => { form.hidden = !form.hidden; if (!form.hidden) text.focus(); });
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    try {
      await api("POST", `/api/calls/${encodeURIComponent(e.call.gateway)}/${encodeURIComponent(e.call.source_uniqueid)}/note`,
        { module: e.chosen.module, crmid: e.chosen.crmid, text: text.value });
      text.value = "";
      form.hidden = true;
      toast(t("Note saved."));
    } catch (err) {
      toast(err.message);
    }
  });
  e.actions.append(add, form);
}

async function loadSummary(e) {
  const r = e.chosen;
  e.summary = { loading: true };
  let s;
  try { s = await api("GET", `/api/callers/${encodeURIComponent(r.module)}/${r.crmid}/summary`); } catch { e.summary = null; return; }
  e.summary = s;
  const box = e.summaryBox;
  box.replaceChildren();
  if (s.account) box.append(el("p", "popaccount", `${t("Account")}: `, link(s.account.href, s.account.name)));
  box.append(list(t("Open tickets"), s.tickets, (x) => [link(x.href, `${x.ticket_no} ${x.title}`), ` · ${x.status}`]));
  if (r.module === "Contacts" || r.module === "Accounts") {
    box.append(list(t("Service contracts"), s.contracts, (x) => {
      const parts = [link(x.href, x.subject), ` · ${x.status}`];
      if (x.units_left != null) parts.push(` · ${x.units_left} ${x.tracking_unit} ${t("remaining")}`);
      if (x.expired) parts.push(el("strong", "popwarn", ` · ${t("expired")}`));
      return parts;
    }, t("No active service contract.")));
  }
  box.append(list(t("Last calls"), s.calls, (x) => [`${when(x.start_time)} · ${x.status} · ${clock(x.billable_seconds)}`]));
  box.append(list(t("Activities"), s.activities, (x) => [link(x.href, x.subject), ` · ${x.date_start} · ${x.status}`]));
  fillActions(e);
}

function list(title, items, row, none) {
  const ul = el("ul");
  for (const x of items || []) ul.append(el("li", "", ...row(x)));
  if (!ul.childElementCount) ul.append(el("li", "muted", none || t("None")));
  return el("div", "poplist", el("h3", "", title), ul);
}

// ---- support tickets ----

// ticketEvent keeps a support call's ticket: ticket.created opens it
// (with the caller's recent open tickets), ticket.updated says how it
// and its contract stand now, or names the ticket the call moved to. An
// event for a call not shown yet waits for its pop.
function ticketEvent(type, p) {
  const k = `${p.gateway}|${p.source_uniqueid}`;
  const old = tickets.get(k);
  const next = { ...p };
  // ticket.updated carries no recent tickets: keep the offer made.
  if (type === "ticket.updated" && old && !p.recent) next.recent = old.recent;
  tickets.set(k, next);
  const e = calls.get(k);
  if (e) fillTicket(e);
}

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const fill = (text, vals) => text.replace(/\{(\w+)\}/g, (m, name) => (name in vals ? String(vals[name]) : m));

// contractLine says how a contract stands, in the user's language, from
// the parts the server sends (crm.ContractStanding): "Gold support — 12.5
// hours left, ends 2027-03-31", "Expired on 2026-01-31", "No active
// contract". A payload without them falls back to the server's summary.
function contractLine(st, summary) {
  if (!st || !st.state) return t(cap(String(summary || "")));
  if (st.state === "none") return t("No active contract");
  let s;
  if (st.state === "expired") s = fill(t("expired on {date}"), { date: st.ended || "" });
  else if (!st.unit) s = t("active, units not tracked");
  else s = fill(t("{n} {unit} left"), { n: st.left, unit: t(st.left === 1 ? st.unit.replace(/s$/, "") : st.unit) });
  if (st.ends && st.state !== "expired") s += `, ${fill(t("ends {date}"), { date: st.ends })}`;
  const name = st.subject || st.contract_no || "";
  return cap(name ? `${name} — ${s}` : s);
}

function contractPara(st, summary, state) {
  const p = el("p", "popcontract", contractLine(st, summary));
  p.dataset.state = state || "";
  p.classList.toggle("popwarn", state !== "active");
  return p;
}

// fillTicket shows a support call's ticket, or, before it is open, how
// the caller's contract stands (the ringing preview).
function fillTicket(e) {
  const p = tickets.get(keyOf(e.call));
  const pre = e.support;
  // Events repeat what the box already shows (a call update, a second
  // node's copy): redrawing it then would swap the buttons under the
  // agent's pointer and lose a click.
  const shown = JSON.stringify([p || null, pre || null]);
  if (shown === e.ticketShown) return;
  e.ticketShown = shown;
  e.ticketBox.hidden = !p && !pre;
  e.ticketInfo.replaceChildren();
  e.ticketMore.replaceChildren();
  if (!p) {
    e.linkBox.hidden = true;
    if (!pre) return;
    const st = pre.standing || {};
    e.ticketInfo.append(contractPara(st, "", st.state));
    if (pre.line) e.ticketInfo.append(el("p", "popline", `${t("Support line")}: ${pre.line}`));
    const others = (pre.choices || []).filter((c) => c.id !== st.id);
    if (others.length) e.ticketMore.append(list(t("Other contracts"), others, (c) => [contractLine(c)]));
    return;
  }
  if (e.shownTicket && e.shownTicket !== p.ticket_id) closeEditor(e);
  e.shownTicket = p.ticket_id;
  const id = encodeURIComponent(String(p.ticket_id));
  const name = [p.ticket_no, p.title].filter(Boolean).join(" ") || `#${p.ticket_id}`;
  const edit = link(`/m/HelpDesk/${id}/edit`, t("Edit ticket"), "button popticketedit");
  edit.addEventListener("click", (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return; // a new tab gets the full form
    ev.preventDefault();
    openEditor(e);
  });
  e.ticketInfo.append(contractPara(p.standing, p.contract_summary, p.contract_state),
    el("p", "popticketlink", `${t("Ticket")}: `, link(`/m/HelpDesk/${id}`, name, "popticketopen"),
      p.status ? ` · ${p.status}` : "", p.hours ? ` · ${p.hours} ${t(p.hours === "1" ? "hour" : "hours")}` : "", " ", edit));
  fillLinkBox(e, p);
  const current = p.contract && p.contract_state === "active" ? p.contract.id : 0;
  const choices = (p.choices || []).filter((c) => c.id !== current);
  if (choices.length) {
    e.ticketMore.append(list(t("Other contracts"), choices, (c) => {
      const b = el("button", "popcontractpick", t("Count against this one"));
      b.type = "button";
      b.dataset.contract = String(c.id);
      b.addEventListener("click", () => changeContract(e, p, c, b));
      return [contractLine(c), " ", b];
    }));
  }
  const others = (p.recent || []).filter((r) => r.ticket_id !== p.ticket_id);
  if (!others.length) return;
  e.ticketMore.append(list(t("Recent open tickets"), others, (r) => {
    const b = el("button", "popattach", t("Attach this call"));
    b.type = "button";
    b.addEventListener("click", () => attach(e, p, r, b));
    return [link(`/m/HelpDesk/${encodeURIComponent(String(r.ticket_id))}`, [r.ticket_no, r.title].filter(Boolean).join(" ") || `#${r.ticket_id}`),
      r.status ? ` · ${r.status}` : "", r.called_at ? ` · ${when(r.called_at)}` : "", " ", b];
  }));
}

// callOf names a ticket's call and the ticket, as every support action
// of the pop sends them.
const callOf = (p) => ({ gateway: p.gateway, uid: p.source_uniqueid, ticket_id: p.ticket_id });

async function attach(e, p, r, b) {
  b.disabled = true;
  let got;
  try {
    got = await api("POST", "/api/support/attach", { gateway: p.gateway, uid: p.source_uniqueid, ticket_id: r.ticket_id });
  } catch (err) {
    b.disabled = false;
    toast(err.message);
    return;
  }
  if (got && got.ticket_id) ticketEvent("ticket.updated", got);
  toast(t("Call attached to the ticket."));
}

async function changeContract(e, p, c, b) {
  b.disabled = true;
  let got;
  try {
    got = await api("POST", "/api/support/contract", { ...callOf(p), contract_id: c.id });
  } catch (err) {
    b.disabled = false;
    toast(err.message);
    return;
  }
  if (got && got.ticket_id) ticketEvent("ticket.updated", got);
  toast(t("Contract changed."));
}

// ---- the ticket editor ----

async function openEditor(e) {
  const p = tickets.get(keyOf(e.call));
  if (!p) return;
  let data;
  try {
    data = await api("GET", `/api/support/ticket?${new URLSearchParams(callOf(p))}`);
  } catch (err) {
    toast(err.message);
    return;
  }
  const form = e.editor;
  form.replaceChildren();
  form.dataset.ticket = String(p.ticket_id);
  const inputs = [];
  for (const f of data.fields || []) {
    const input = fieldInput(f);
    input.dataset.original = f.value || "";
    inputs.push(input);
    form.append(el("label", "", f.label, input, el("span", "poperror")));
  }
  const save = el("button", "primary", t("Save ticket"));
  save.type = "submit";
  const cancel = el("button", "", t("Cancel"));
  cancel.type = "button";
  cancel.addEventListener("click", () => closeEditor(e));
  form.append(el("div", "popbuttons", save, cancel,
    link(`/m/HelpDesk/${encodeURIComponent(String(p.ticket_id))}/edit`, t("Full form"))));
  form.onsubmit = (ev) => { ev.preventDefault(); saveTicket(e, p, inputs, save); };
  form.hidden = false;
  if (inputs.length) inputs[0].focus();
}

function fieldInput(f) {
  let input;
  if (f.kind === "select") {
    input = el("select");
    for (const o of f.options || []) {
      const opt = el("option", "", o.label);
      opt.value = o.value;
      opt.selected = o.value === (f.value || "");
      input.append(opt);
    }
  } else if (f.kind === "textarea") {
    input = el("textarea");
    input.rows = 3;
    input.value = f.value || "";
  } else {
    input = el("input");
    input.type = f.kind === "number" ? "number" : "text";
    if (f.step) input.step = f.step;
    if (f.max_length) input.maxLength = f.max_length;
    input.value = f.value || "";
  }
  input.name = f.name;
  input.required = !!f.mandatory;
  return input;
}

async function saveTicket(e, p, inputs, save) {
  const values = {};
  for (const i of inputs) {
    i.parentElement.querySelector(".poperror").textContent = "";
    if (i.value !== i.dataset.original) values[i.name] = i.value;
  }
  if (!Object.keys(values).length) {
    closeEditor(e);
    return;
  }
  save.disabled = true;
  let got;
  try {
    got = await api("POST", "/api/support/ticket", { ...callOf(p), values });
  } catch (err) {
    save.disabled = false;
    for (const i of inputs) {
      if (err.fields[i.name]) i.parentElement.querySelector(".poperror").textContent = err.fields[i.name];
    }
    toast(err.message);
    return;
  }
  closeEditor(e);
  if (got && got.ticket_id) ticketEvent("ticket.updated", got);
  toast(t("Ticket saved."));
}

function closeEditor(e) {
  e.editor.hidden = true;
  e.editor.replaceChildren();
}

// ---- linking an unknown caller ----

// fillLinkBox offers, for a ticket without a contact, a search of the
// contacts (the reference picker's search.json, asked as the agent
// types) and linking the ticket to the one picked. The box is built
// once, so what the agent typed survives ticket events.
function fillLinkBox(e, p) {
  e.linkBox.hidden = !!p.contact_id;
  if (p.contact_id || e.linkBox.childElementCount) return;
  const input = el("input", "popcontactsearch");
  input.type = "search";
  input.placeholder = t("Find the caller's contact");
  input.setAttribute("aria-label", t("Find the caller's contact"));
  const hits = el("ul", "popcontacthits");
  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => searchContacts(e, input.value, hits), 200);
  });
  e.linkBox.append(input, hits);
}

async function searchContacts(e, q, hits) {
  q = q.trim();
  if (!q) {
    hits.replaceChildren();
    return;
  }
  let found;
  try { found = await api("GET", `/m/Contacts/search.json?q=${encodeURIComponent(q)}`); } catch { return; }
  hits.replaceChildren(...(found || []).map((h) => {
    const b = el("button", "poplinkcontact", t("Link to ticket"));
    b.type = "button";
    b.dataset.contact = String(h.id);
    b.addEventListener("click", () => linkCaller(e, h, b));
    return el("li", "", h.label || `#${h.id}`, " ", b);
  }));
}

async function linkCaller(e, h, b) {
  const p = tickets.get(keyOf(e.call));
  if (!p) return;
  b.disabled = true;
  let got;
  try {
    got = await api("POST", "/api/support/link", { ...callOf(p), contact_id: h.id });
  } catch (err) {
    b.disabled = false;
    toast(err.message);
    return;
  }
  e.linkBox.replaceChildren();
  if (got && got.ticket_id) ticketEvent("ticket.updated", got);
  e.chosen = { module: "Contacts", crmid: h.id, name: h.label };
  e.summary = null;
  fillCaller(e);
  loadSummary(e);
  toast(t("Caller linked to the ticket."));
}

const popsBox = el("div", "pops");
const recentBox = el("details", "poprecent");
const recentTitle = el("summary");
const recentList = el("ol");
recentBox.append(recentTitle, recentList);
if (root) root.append(popsBox, recentBox);

// render shows new pops first and redraws the recent list; pops already
// shown stay in place, so a note being typed keeps its focus.
function render() {
  for (const e of calls.values()) if (!e.node.isConnected) popsBox.prepend(e.node);
  recentList.replaceChildren();
  for (const c of recent) {
    const who = c.link ? link(c.link.href || `/m/${encodeURIComponent(c.link.module)}/${c.link.crmid}`, c.link.name || c.customer_number || `#${c.link.crmid}`)
      : el("span", "", c.customer_number || "");
    recentList.append(el("li", "", `${when(c.start_time)} `, who, ` · ${t(c.status)} · ${clock(c.billable_seconds || 0)}`));
  }
  recentTitle.textContent = `${t("Recent calls")} (${recent.length})`;
  recentBox.hidden = recent.length === 0;
  visible();
}

function visible() {
  root.hidden = calls.size === 0 && recent.length === 0 && !root.querySelector(".poptoast");
}

function toast(text) {
  root.querySelector(".poptoast")?.remove();
  const n = el("p", "poptoast", text);
  n.setAttribute("role", "status");
  root.append(n);
  visible();
  setTimeout(() => { n.remove(); visible(); }, 6000);
}

// ---- click-to-call ----

function dialButtons() {
  for (const a of document.querySelectorAll('main a[href^="/calls/dial?"]')) {
    const number = new URL(a.href).searchParams.get("number");
    if (!number) continue;
    const b = el("button", "dial", t("Call"));
    b.type = "button";
    b.title = `${t("Call")} ${number}`;
    b.addEventListener("click", async () => {
      toast(t("Calling…"));
      try {
        await api("POST", "/api/calls/originate", { number });
        toast(`${t("Calling…")} ${number}. ${t("Your phone will ring first.")}`);
      } catch (err) {
        toast(err.message);
      }
    });
    a.after(" ", b);
  }
}

if (root) {
  dialButtons();
  setInterval(() => { for (const e of calls.values()) if (!e.ended) tick(e); }, 1000);
  connect();
}
