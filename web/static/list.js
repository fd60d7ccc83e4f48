// list: small helpers for the list page and the record forms. Every
// page works without them; they only save clicks.
//
// - A header box on a list ticks or clears every row.
// - An owner picker shows only the select (user or group) its radio
//   names.
// - On the mass edit form, changing a field ticks its "change" box.

for (const all of document.querySelectorAll("input[data-select-all]")) {
  const rows = () => [...all.form.querySelectorAll('tbody input[type="checkbox"][name="id"]')];
  all.hidden = false;
  all.addEventListener("change", () => {
    for (const box of rows()) box.checked = all.checked;
  });
  all.form.addEventListener("change", (e) => {
    if (e.target.name !== "id") return;
    const boxes = rows();
    all.checked = boxes.length > 0 && boxes.every((b) => b.checked);
    all.indeterminate = !all.checked && boxes.some((b) => b.checked);
  });
}

function showOwner(field, name) {
  const chosen = field.querySelector(`input[name="${CSS.escape(name)}-type"]:checked`);
  const type = chosen ? chosen.value : "U";
  for (const select of field.querySelectorAll("select[data-owner-select]")) {
    select.hidden = select.dataset.ownerSelect !== type;
  }
}

const owners = new Set();
for (const radio of document.querySelectorAll("input[data-owner-for]")) {
  const field = radio.closest(".field");
  if (!field) continue;
  const name = radio.dataset.ownerFor;
  radio.addEventListener("change", () => showOwner(field, name));
  if (!owners.has(field)) {
    owners.add(field);
    showOwner(field, name);
  }
}

for (const pick of document.querySelectorAll("input[data-pick]")) {
  const field = pick.closest(".field");
  if (!field) continue;
  const tick = (e) => {
    if (e.target !== pick) pick.checked = true;
  };
  field.addEventListener("input", tick);
  field.addEventListener("change", tick);
}
