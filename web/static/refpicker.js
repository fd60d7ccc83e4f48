// refpicker: search-as-you-type for reference fields. Each text input
// with data-ref-for names a hidden input holding the record id; typing
// asks /m/<module>/search.json for matching records, offers them in the
// input's datalist, and choosing one fills the id. Without this script
// the server resolves the typed name itself.

import { offerMatches } from "./recordsearch.js";

const timers = new WeakMap();

function hiddenFor(input) {
  return input.form.querySelector(`input[type="hidden"][data-ref-id="${CSS.escape(input.dataset.refFor)}"]`);
}

async function suggest(input) {
  const q = input.value.trim();
  const list = document.getElementById(input.getAttribute("list"));
  if (!list) return;
  if (await offerMatches(list, q, input.dataset.refModules || "")) pick(input);
}

// pick sets the hidden id when the text is exactly one offered record,
// and clears it otherwise, so a stale id never outlives an edit.
function pick(input) {
  const hidden = hiddenFor(input);
  const list = document.getElementById(input.getAttribute("list"));
  if (!hidden || !list) return;
  const matches = [...list.options].filter((o) => o.value === input.value);
  hidden.value = matches.length === 1 ? matches[0].dataset.id : "";
}

// attachRefPicker wires one such input; pages that add inputs later
// (inline editing, a swapped related list) call it for those.
export function attachRefPicker(input) {
  input.addEventListener("input", () => {
    pick(input);
    clearTimeout(timers.get(input));
    timers.set(input, setTimeout(() => suggest(input), 200));
  });
  input.addEventListener("change", () => pick(input));
}

for (const input of document.querySelectorAll("input[data-ref-for]")) attachRefPicker(input);
