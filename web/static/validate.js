// validate: inline checks on record forms. When a field loses focus it
// says at once what the server would refuse (a required field left
// empty, an email or a number that is not one) beside the field. It
// never blocks sending: the server checks everything again and its
// messages replace these.

function messageFor(form, el) {
  const value = (el.value || "").trim();
  if (form.dataset.mode !== "mass" && el.getAttribute("aria-required") === "true" && value === "") {
    return form.dataset.msgRequired;
  }
  if (el.validity && el.validity.badInput) return form.dataset.msgNumber;
  if (el.validity && el.validity.typeMismatch && el.type === "email") return form.dataset.msgEmail;
  return "";
}

function show(field, el, text) {
  let p = field.querySelector("p.fielderror");
  if (!text) {
    if (p && p.dataset.live) p.remove();
    if (!field.querySelector("p.fielderror")) {
      field.classList.remove("invalid");
      el.removeAttribute("aria-invalid");
    }
    return;
  }
  if (!p) {
    p = document.createElement("p");
    p.className = "fielderror";
    p.id = `e-${el.name}`;
    field.append(p);
  }
  p.dataset.live = "1";
  p.textContent = text;
  field.classList.add("invalid");
  el.setAttribute("aria-invalid", "true");
  el.setAttribute("aria-describedby", p.id);
}

for (const form of document.querySelectorAll("form.recordform")) {
  form.addEventListener("focusout", (ev) => {
    const el = ev.target;
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) return;
    const field = el.closest(".field");
    if (!field || el.type === "hidden" || el.type === "checkbox") return;
    show(field, el, messageFor(form, el));
  });
}
