// lineitems: the line-items section of a quote, sales order, invoice or
// purchase order form. Without this script the form still works: the
// server reads the rows, resolves typed item names and computes the
// totals. With it:
//   - "Add line" copies the blank row, × removes a row;
//   - typing an item's name offers the matching products and services
//     (/m/Products/search.json), and choosing one fills the line's price,
//     taxes and stock from /inventory/item.json;
//   - the totals follow every change, by the server's rules
//     (crm.ComputeTotals) in exact decimal arithmetic, so the preview and
//     the saved total agree to the cent.
// refpicker.js only fills a hidden id; a line must also learn when an
// item is picked, to fetch its price, so it has its own small picker on
// the search both share (recordsearch.js).

import { offerMatches } from "./recordsearch.js";

const S = 1000000000n; // numbers are BigInt counts of 10⁻⁹
const CENT = S / 100n;
const numberRe = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

// num reads a decimal input; null when empty or not a number.
function num(text) {
  const t = String(text).trim();
  if (!numberRe.test(t)) return null;
  const neg = t.startsWith("-");
  const [whole, frac = ""] = t.replace(/^[+-]/, "").split(".");
  if (frac.length > 9) return null;
  const n = BigInt(whole || "0") * S + BigInt((frac + "000000000").slice(0, 9));
  return neg ? -n : n;
}

// roundDiv is n ÷ d rounded half away from zero (d > 0), as the server
// rounds.
function roundDiv(n, d) {
  const q = n / d;
  const r = n % d;
  if (2n * (r < 0n ? -r : r) >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

const mul = (a, b) => (a * b) / S; // exact for inputs of up to 3 decimals
const percentRounded = (x, p) => roundDiv(x * p, S * S) * CENT; // p % of x, to cents
const round2 = (x) => roundDiv(x, CENT) * CENT;

function fmt(v) {
  const cents = roundDiv(v, CENT);
  const abs = cents < 0n ? -cents : cents;
  return `${cents < 0n ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

function discountOf(kind, text, base) {
  const d = num(text);
  if (d === null) return 0n;
  if (kind === "percent") return percentRounded(base, d);
  if (kind === "amount") return d;
  return 0n;
}

const section = document.querySelector("[data-lineitems]");
if (section) init(section);

function init(section) {
  const rows = section.querySelector("[data-li-rows]");
  const blank = section.querySelector("template[data-li-blank]");
  const field = (sel) => section.querySelector(sel);
  const timers = new WeakMap();
  let next = 1;

  function out(name, value) {
    const el = section.querySelector(`[data-li-out="${name}"]`);
    if (el) el.textContent = value;
  }

  // recompute previews the totals: crm.ComputeTotals's nine rules.
  function recompute() {
    const mode = field("[data-li-taxmode]").value;
    section.dataset.taxmode = mode;
    let subtotal = 0n;
    for (const row of rows.querySelectorAll("tr[data-li-row]")) {
      const qty = num(row.querySelector("[data-li-qty]").value) ?? 0n;
      const price = num(row.querySelector("[data-li-price]").value) ?? 0n;
      const gross = mul(qty, price);
      let net = gross - discountOf(row.querySelector("[data-li-disctype]").value, row.querySelector("[data-li-discount]").value, gross);
      if (mode === "individual") {
        const taxable = net;
        for (const t of row.querySelectorAll("[data-li-tax]")) net += percentRounded(taxable, num(t.value) ?? 0n);
      }
      row.querySelector("[data-li-net]").textContent = fmt(net);
      subtotal += net;
    }
    const discount = discountOf(field("[data-li-disctype]").value, field("[data-li-discount]").value, subtotal);
    let groupTax = 0n;
    if (mode === "group") {
      const base = subtotal - discount;
      let sum = 0n; // Σ base × %, rounded once
      for (const t of section.querySelectorAll("[data-li-grouptax]")) {
        const part = base * (num(t.value) ?? 0n);
        sum += part;
        out(`grouptax-${t.dataset.liGrouptax}`, fmt(roundDiv(part, S * S) * CENT));
      }
      groupTax = roundDiv(sum, S * S) * CENT;
    }
    const shipping = num(field("[data-li-shipping]").value) ?? 0n;
    let shipTax = 0n;
    for (const t of section.querySelectorAll("[data-li-shtax]")) {
      const amount = percentRounded(shipping, num(t.value) ?? 0n);
      shipTax += amount;
      out(`shtax-${t.dataset.liShtax}`, fmt(amount));
    }
    const adjustment = num(field("[data-li-adjustment]").value) ?? 0n;
    out("subtotal", fmt(subtotal));
    out("discount", fmt(discount));
    out("total", fmt(round2(subtotal - discount + groupTax + shipping + shipTax + adjustment)));
  }

  // rekey gives a copied blank row its own key in every name and id.
  function rekey(root, key) {
    for (const el of root.querySelectorAll("*")) {
      for (const a of [...el.attributes]) {
        if (a.value.includes("__KEY__")) el.setAttribute(a.name, a.value.replaceAll("__KEY__", key));
      }
    }
  }

  function addRow() {
    while (rows.querySelector(`[data-li-row="n${next}"]`)) next++;
    const frag = blank.content.cloneNode(true);
    rekey(frag, `n${next++}`);
    rows.append(frag);
    rows.lastElementChild.querySelector("[data-li-product]").focus();
    recompute();
  }

  async function suggest(input) {
    const q = input.value.trim();
    const list = document.getElementById(input.getAttribute("list"));
    if (!list) return;
    if (await offerMatches(list, q, "Products,Services")) choose(input);
  }

  // choose takes the item whose name is exactly the text, when there is
  // one, and clears a stale id otherwise.
  function choose(input) {
    const row = input.closest("tr");
    const hidden = row.querySelector("[data-li-product-id]");
    const list = document.getElementById(input.getAttribute("list"));
    const options = list ? [...list.options] : [];
    const matches = options.filter((o) => o.value === input.value);
    if (matches.length === 1) {
      if (hidden.value !== matches[0].dataset.id) {
        hidden.value = matches[0].dataset.id;
        fillItem(row, true);
      }
    } else if (options.length > 0) {
      hidden.value = ""; // the offers are current and none is this name
    }
  }

  // fillItem sets a row's taxes and stock from its item, and its price
  // when asked.
  async function fillItem(row, price) {
    const id = row.querySelector("[data-li-product-id]").value;
    if (!id) return;
    const currency = field("[data-li-currency]").value;
    const url = `/inventory/item.json?id=${encodeURIComponent(id)}&currency=${encodeURIComponent(currency)}`;
    const resp = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (!resp.ok) return;
    const item = await resp.json();
    if (row.querySelector("[data-li-product-id]").value !== String(item.id)) return; // changed meanwhile
    if (price) row.querySelector("[data-li-price]").value = item.unitPrice;
    const key = row.dataset.liRow;
    row.querySelector("[data-li-taxes]").replaceChildren(...item.taxes.map((t) => {
      const label = document.createElement("label");
      label.className = "li-tax";
      const input = document.createElement("input");
      Object.assign(input, { type: "number", step: "any", min: "0", max: "100", name: `inv-${key}-tax-${t.id}`, value: t.percent });
      input.inputMode = "decimal";
      input.dataset.liTax = String(t.id);
      label.append(`${t.label} `, input, " %");
      return label;
    }));
    row.querySelector("[data-li-stock]").textContent = item.stock === "" ? "" : `${section.dataset.stockLabel}: ${item.stock}`;
    recompute();
  }

  field("[data-li-add]").addEventListener("click", addRow);
  section.addEventListener("click", (e) => {
    const remove = e.target.closest("[data-li-remove]");
    if (!remove) return;
    remove.closest("tr").remove();
    recompute();
  });
  section.addEventListener("input", (e) => {
    const t = e.target;
    if (t.matches("[data-li-product]")) {
      choose(t);
      clearTimeout(timers.get(t));
      timers.set(t, setTimeout(() => suggest(t), 200));
    }
    recompute();
  });
  section.addEventListener("change", (e) => {
    const t = e.target;
    if (t.matches("[data-li-product]")) choose(t);
    if (t.matches("[data-li-currency]")) {
      for (const row of rows.querySelectorAll("tr[data-li-row]")) fillItem(row, true);
    }
    recompute();
  });
  recompute();
}
