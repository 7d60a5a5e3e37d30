// Keep the colour scheme in the browser only once the visitor picks one (issue #13).
//
// Material's bundle stores the scheme ("__palette") through the global __md_set on every
// page load, even when it merely follows the device setting. This script runs before the
// bundle (overrides/main.html) and lets that write through only after a click on the
// scheme toggle; until then the page follows the device and stores nothing.
(() => {
  const store = window.__md_set;
  if (typeof store !== "function") return;
  let chosen = false;
  document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("[data-md-component=palette]")) chosen = true;
  }, true);
  window.__md_set = (key, ...rest) => {
    if (key !== "__palette" || chosen) store(key, ...rest);
  };
})();
