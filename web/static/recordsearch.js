// recordsearch: the record search behind the name pickers (refpicker.js
// for reference fields, lineitems.js for a line's item). It does nothing
// when imported, so a page that loads both pickers gets one copy of it
// and no input wired twice.

// offerMatches asks /m/<first module>/search.json for the records of
// modules (comma-separated) named like q and offers them in the datalist
// list: each option's value is a name, its data-id the record's id. It
// resolves to false, the offers left as they were, when there is nothing
// to ask or the search fails.
export async function offerMatches(list, q, modules) {
  const first = modules.split(",")[0];
  if (!q || !first) return false;
  const url = `/m/${encodeURIComponent(first)}/search.json?q=${encodeURIComponent(q)}&modules=${encodeURIComponent(modules)}`;
  const resp = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  if (!resp.ok) return false;
  const hits = await resp.json();
  list.replaceChildren(...hits.map((h) => {
    const o = document.createElement("option");
    o.value = h.label;
    o.dataset.id = String(h.id);
    o.textContent = `${h.module} #${h.id}`;
    return o;
  }));
  return true;
}
