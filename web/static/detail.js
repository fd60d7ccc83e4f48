// detail: the script of a record's page. Without it every part still
// works through links and forms; with it
//   - choosing a related-list tab or page swaps in that list without
//     reloading the page;
//   - a field's pencil (or a click on its value) puts the field's input
//     in place, saves just that field and shows the saved value, or the
//     server's error beside the input.
// The server renders every fragment (and escapes it); this script only
// moves them into place.

import { attachRefPicker } from "./refpicker.js";

const section = document.querySelector("section.detail");
const csrf = section ? section.dataset.csrf : "";
const shown = new WeakMap(); // dd → its markup before editing

async function fetchHTML(url, options = {}) {
  const headers = { Accept: "application/json", "X-CSRF-Token": csrf };
  return fetch(url, { credentials: "same-origin", ...options, headers });
}

// errorText reads a failed request's message: JSON from the server's
// error handler, else the status.
async function errorText(resp) {
  try {
    const body = await resp.json();
    if (body && body.message) return body.message;
  } catch {
    // not JSON: fall through
  }
  return `${resp.status} ${resp.statusText}`;
}

// Related lists.

async function showRelated(href) {
  const resp = await fetch(href, { credentials: "same-origin" });
  if (!resp.ok) {
    location.href = href;
    return;
  }
  const doc = new DOMParser().parseFromString(await resp.text(), "text/html");
  const fresh = doc.getElementById("related");
  const cur = document.getElementById("related");
  if (!fresh || !cur) {
    location.href = href;
    return;
  }
  cur.replaceWith(fresh);
  history.replaceState(null, "", href);
  for (const input of fresh.querySelectorAll("input[data-ref-for]")) attachRefPicker(input);
  const tabInput = document.querySelector('form.commentform input[name="tab"]');
  const panel = fresh.querySelector(".relatedpanel");
  if (tabInput && panel) tabInput.value = panel.dataset.relation;
}

// Inline editing.

function wire(dd) {
  for (const input of dd.querySelectorAll("input[data-ref-for]")) attachRefPicker(input);
  const first = dd.querySelector("form.inlineedit input:not([type=hidden]), form.inlineedit select, form.inlineedit textarea");
  if (first) first.focus();
}

function restore(dd) {
  if (shown.has(dd)) dd.innerHTML = shown.get(dd);
  shown.delete(dd);
}

async function openEditor(dd) {
  if (shown.has(dd)) return;
  const pencil = dd.querySelector("a.pencil[data-inline]");
  if (!pencil) return;
  shown.set(dd, dd.innerHTML);
  const resp = await fetchHTML(pencil.dataset.inline);
  if (!resp.ok) {
    shown.delete(dd);
    location.href = pencil.href; // the full form says what is wrong
    return;
  }
  dd.innerHTML = await resp.text();
  wire(dd);
}

async function saveInline(form) {
  const dd = form.closest("dd");
  const button = form.querySelector('button[type="submit"]');
  if (button) button.disabled = true;
  const resp = await fetchHTML(form.action, { method: "POST", body: new URLSearchParams(new FormData(form)) });
  if (resp.status === 200 || resp.status === 400) {
    dd.innerHTML = await resp.text();
    if (resp.status === 200) shown.delete(dd);
    else wire(dd);
    return;
  }
  if (button) button.disabled = false;
  let p = form.querySelector("p.fielderror");
  if (!p) {
    p = document.createElement("p");
    p.className = "fielderror";
    p.setAttribute("role", "alert");
    form.append(p);
  }
  p.textContent = await errorText(resp);
}

document.addEventListener("click", (e) => {
  const t = e.target;
  if (!(t instanceof Element) || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
  const tab = t.closest(".relatedtabs a, .relatedpanel .pager a");
  if (tab) {
    e.preventDefault();
    showRelated(tab.href);
    return;
  }
  const cancel = t.closest("a[data-inline-cancel]");
  if (cancel) {
    e.preventDefault();
    restore(cancel.closest("dd"));
    return;
  }
  const pencil = t.closest("a.pencil[data-inline]");
  if (pencil) {
    e.preventDefault();
    openEditor(pencil.closest("dd"));
    return;
  }
  // A click on an editable value edits it, unless it follows a link or
  // ends a text selection (an agent copying a value).
  const dd = t.closest("dd.editable");
  if (dd && !t.closest("a, form") && !String(window.getSelection())) openEditor(dd);
});

document.addEventListener("submit", (e) => {
  const form = e.target;
  if (form instanceof HTMLFormElement && form.classList.contains("inlineedit")) {
    e.preventDefault();
    saveInline(form);
  }
});

document.addEventListener("keydown", (e) => {
  if (e.key !== "Escape" || !(e.target instanceof Element)) return;
  const form = e.target.closest("form.inlineedit");
  if (form) restore(form.closest("dd"));
});
