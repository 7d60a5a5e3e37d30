// Keyboard shortcut of the header search: "/" or "s" focuses the search field, as Material's
// own search did, unless the visitor is typing somewhere else.
document.addEventListener("keydown", (event) => {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
  if (event.key !== "/" && event.key.toLowerCase() !== "s") return;
  const field = document.getElementById("atlas-search-input");
  if (!field) return;
  event.preventDefault();
  field.focus();
});
