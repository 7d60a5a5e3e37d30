// The finder: free text and facets over the Pagefind index, state kept in the URL.
//
// OR within a facet, AND across facets and words. Each option shows how many results it
// would give with the other facets as they are (one Pagefind search per facet). Results
// are drawn with textContent only, never as HTML, a page of them at a time.
//
// What is loaded when (issue #12): the page arrives with the first cases and every count,
// which is what the finder shows before anything is chosen, so nothing of the index is
// fetched until someone uses the form. A search then draws its first results as soon as
// the words' index part and their fragments are in; the filter files, which grow with the
// atlas, follow for the counts. Without this script the form still submits and the page
// shows the first cases, with links to the complete lists by Handlungsfeld.

const form = document.getElementById("atlas-finder");
const query = document.getElementById("atlas-finder-q");
const status = document.getElementById("atlas-finder-status");
const list = document.getElementById("atlas-finder-results");
const empty = document.getElementById("atlas-finder-empty");
const more = document.getElementById("atlas-finder-more");
const allLists = document.getElementById("atlas-finder-all");
const filterBox = document.getElementById("atlas-finder-filters");
const filterToggle = document.getElementById("atlas-finder-toggle");
// Beside the results (wide screens) the filters are open; on phones they stay folded below
// a button, so that the results are not a long scroll down. Matches the CSS breakpoint.
const wide = window.matchMedia("(min-width: 45em)");
const siteRoot = new URL(form.dataset.siteRoot || "../", window.location.href);
const facets = [...form.querySelectorAll("fieldset[data-facet]")].map((fieldset) => ({
  param: fieldset.dataset.facet,
  legend: fieldset.querySelector("legend").textContent.trim(),
  boxes: [...fieldset.querySelectorAll("input[type=checkbox]")],
}));
const labels = new Map(facets.flatMap((facet) => facet.boxes.map((box) => [
  `${facet.param}=${box.value}`, box.closest("label").querySelector(".atlas-facet__label").textContent.trim(),
])));
const PAGE_SIZE = Number(form.dataset.pageSize) || 20;

let pagefindReady = null; // the import and start of Pagefind, begun once on first use
let pagefind;
let filtersReady = null; // every filter file, loaded once after the first results
let running = 0;
// The results of the state on show; null while the list is still the server-rendered one.
let current = { results: null, drawn: list.children.length, state: null };

function readUrl() {
  const params = new URLSearchParams(window.location.search);
  const chosen = {};
  for (const facet of facets) {
    // Only values the finder offers: an old or mistyped link must not hide every result.
    const offered = new Set(facet.boxes.map((box) => box.value));
    chosen[facet.param] = [...new Set(params.getAll(facet.param).map((v) => v.toLowerCase()))].filter((v) => offered.has(v));
  }
  return { q: (params.get("q") || "").trim(), chosen };
}

function writeForm(state) {
  query.value = state.q;
  for (const facet of facets) {
    for (const box of facet.boxes) box.checked = state.chosen[facet.param].includes(box.value);
  }
  const chosen = facets.reduce((sum, facet) => sum + state.chosen[facet.param].length, 0);
  filterToggle.textContent = chosen ? `Filter wählen (${chosen} gewählt)` : "Filter wählen";
}

function fitFilters() {
  filterBox.open = wide.matches;
}

function readForm() {
  const chosen = {};
  for (const facet of facets) chosen[facet.param] = facet.boxes.filter((b) => b.checked).map((b) => b.value);
  return { q: query.value.trim(), chosen };
}

function urlFor(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const facet of facets) for (const value of state.chosen[facet.param]) params.append(facet.param, value);
  const search = params.toString();
  return window.location.pathname + (search ? `?${search}` : "");
}

function filtersFor(state, except) {
  const filters = {};
  for (const facet of facets) {
    const values = state.chosen[facet.param];
    if (facet.param !== except && values.length) filters[facet.param] = { any: values };
  }
  return filters;
}

function isCase(result) {
  return result.url.includes("/beispiele/");
}

async function search(state, filters) {
  if (state.q) return pagefind.search(state.q, { filters });
  // No words: every case (each carries typ=beispiel) that passes the filters, by municipality.
  return pagefind.search(null, { filters: { ...filters, typ: "beispiel" }, sort: { kommune: "asc" } });
}

function card(data, isCaseResult) {
  const item = document.createElement("li");
  item.className = "atlas-card";
  const heading = document.createElement("h3");
  heading.className = "atlas-card__title";
  const link = document.createElement("a");
  link.href = new URL(data.url.replace(/^\//, ""), siteRoot).href;
  link.textContent = data.meta.title || data.url;
  heading.append(link);
  item.append(heading);
  const lines = isCaseResult
    ? [
        ["atlas-card__place", [data.meta.ort, data.meta.land, data.meta.groesse].filter(Boolean).join(" · ")],
        ["atlas-card__summary", data.meta.kurz],
        ["atlas-card__areas", data.meta.felder && `Handlungsfelder: ${data.meta.felder}`],
        ["atlas-card__formats", data.meta.formate && `Formate: ${data.meta.formate}`],
      ]
    : [["atlas-card__place", "Seite des Praxisatlas"], ["atlas-card__summary", data.excerpt.replace(/<[^>]*>/g, "")]];
  for (const [className, text] of lines) {
    if (!text) continue;
    const paragraph = document.createElement("p");
    paragraph.className = className;
    paragraph.textContent = text;
    item.append(paragraph);
  }
  return item;
}

// The map of the Länder is a second control for the Bundesland facet: each tile toggles
// its checkbox and shows the same count. Without JavaScript the tiles are plain links.
const tiles = [...form.querySelectorAll(".atlas-map__tile")];

function showOnMap(counts, chosen) {
  for (const tile of tiles) {
    const code = tile.dataset.code.toLowerCase();
    const count = counts[code] || 0;
    tile.querySelector(".atlas-map__count").textContent = String(count);
    tile.setAttribute("aria-pressed", String(chosen.includes(code)));
    const name = tile.getAttribute("aria-label").replace(/: .*$/, "");
    tile.setAttribute("aria-label", `${name}: ${count} ${count === 1 ? "Ergebnis" : "Ergebnisse"}`);
    tile.classList.toggle("atlas-map__tile--chosen", chosen.includes(code));
    tile.classList.toggle("atlas-map__tile--empty", count === 0);
  }
}

function enableMap(chosen) {
  for (const tile of tiles) {
    tile.setAttribute("role", "button");
    tile.setAttribute("aria-pressed", String(chosen.includes(tile.dataset.code.toLowerCase())));
    tile.addEventListener("click", (event) => {
      event.preventDefault();
      const box = form.querySelector(`input[name=bundesland][value="${tile.dataset.code.toLowerCase()}"]`);
      box.checked = !box.checked;
      apply(readForm(), true);
    });
    tile.addEventListener("keydown", (event) => {
      if (event.key === " ") {
        event.preventDefault();
        tile.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
      }
    });
  }
}

function countText(count, state) {
  const noun = count === 1 ? "Ergebnis" : "Ergebnisse";
  const order = state.q ? "nach Treffergenauigkeit geordnet" : "nach Kommune geordnet";
  return `${count} ${noun}, ${order}.`;
}

async function lightestFilter(state) {
  // The one chosen filter whose removal brings back the most results, or null.
  let best = null;
  for (const facet of facets) {
    for (const value of state.chosen[facet.param]) {
      const lighter = { q: state.q, chosen: { ...state.chosen, [facet.param]: state.chosen[facet.param].filter((v) => v !== value) } };
      const found = (await search(lighter, filtersFor(lighter, null))).results.length;
      if (!best || found > best.found) best = { facet, value, found, state: lighter };
    }
  }
  return best && best.found > 0 ? best : null;
}

function explainEmpty(state, best) {
  empty.replaceChildren();
  const reason = document.createElement("p");
  reason.textContent = state.q
    ? `Kein Beispiel passt zu „${state.q}“ mit dieser Auswahl.`
    : "Kein Beispiel erfüllt alle gewählten Filter zugleich.";
  empty.append(reason);
  if (best) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    const label = labels.get(`${best.facet.param}=${best.value}`) || best.value;
    button.textContent = `Filter „${best.facet.legend}: ${label}“ entfernen (${best.found} ${best.found === 1 ? "Ergebnis" : "Ergebnisse"})`;
    button.addEventListener("click", () => apply(best.state, true));
    empty.append(button);
  } else if (state.q) {
    const hint = document.createElement("p");
    hint.textContent = "Versuchen Sie ein anderes Stichwort, etwa den Namen einer Kommune oder eines Landes.";
    empty.append(hint);
  }
  empty.hidden = false;
}

function loadPagefind() {
  pagefindReady ||= (async () => {
    pagefind = await import(new URL("pagefind/pagefind.js", siteRoot).href);
    await pagefind.options({ baseUrl: siteRoot.pathname });
    await pagefind.init();
  })();
  return pagefindReady;
}

function loadAllFilters() {
  // Searches report counts only for filters whose files are loaded; this loads them all.
  filtersReady ||= pagefind.filters();
  return filtersReady;
}

function statusText(state) {
  const { results, drawn } = current;
  return countText(results.length, state) + (results.length > drawn ? ` Die ersten ${drawn} stehen hier.` : "");
}

async function resultsFor(state) {
  await loadPagefind();
  return (await search(state, filtersFor(state, null))).results;
}

async function drawMore() {
  // Appends the next page of results; focus moves to the first new one for keyboard users.
  const ticket = running;
  const { state } = current;
  if (current.results === null) current.results = await resultsFor(state);
  const next = current.results.slice(current.drawn, current.drawn + PAGE_SIZE);
  const data = await Promise.all(next.map((result) => result.data()));
  if (ticket !== running) return;
  const items = data.map((entry) => card(entry, isCase(entry)));
  list.append(...items);
  current.drawn += items.length;
  more.hidden = current.drawn >= current.results.length;
  status.textContent = statusText(state);
  if (items.length) items[0].querySelector("a").focus();
}

async function run(state) {
  const ticket = ++running;
  form.setAttribute("aria-busy", "true");
  const results = await resultsFor(state);
  const shown = await Promise.all(results.slice(0, PAGE_SIZE).map((result) => result.data()));
  if (ticket !== running) return; // a newer change has started: draw nothing of this one
  current = { results, drawn: shown.length, state };
  list.replaceChildren(...shown.map((data) => card(data, isCase(data))));
  empty.hidden = true;
  more.hidden = results.length <= shown.length;
  if (allLists) allLists.hidden = true;
  status.textContent = statusText(state);
  // Then the counts: one search per facet, with every filter file loaded.
  await loadAllFilters();
  const perFacet = [];
  for (const facet of facets) perFacet.push(await search(state, filtersFor(state, facet.param)));
  const best = results.length === 0 ? await lightestFilter(state) : null;
  if (ticket !== running) return;
  facets.forEach((facet, index) => {
    const counts = perFacet[index].filters[facet.param] || {};
    for (const box of facet.boxes) {
      box.closest("label").querySelector("[data-count]").textContent = String(counts[box.value] || 0);
    }
    if (facet.param === "bundesland") showOnMap(counts, state.chosen.bundesland);
  });
  if (results.length === 0) explainEmpty(state, best);
  form.removeAttribute("aria-busy");
  form.dataset.shown = urlFor(state); // what the list and the counts now show; tests wait for it
}

function isUntouched(state) {
  return !state.q && facets.every((facet) => state.chosen[facet.param].length === 0);
}

async function apply(state, push) {
  writeForm(state);
  const target = urlFor(state);
  if (push && target !== window.location.pathname + window.location.search) history.pushState(null, "", target);
  await run(state);
}

function start() {
  const initial = readUrl();
  enableMap(initial.chosen.bundesland);
  fitFilters();
  wide.addEventListener("change", fitFilters);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply(readForm(), true).catch(failed);
  });
  form.addEventListener("change", (event) => {
    if (event.target.type === "checkbox") apply(readForm(), true).catch(failed);
  });
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    apply({ q: query.value.trim(), chosen: Object.fromEntries(facets.map((f) => [f.param, []])) }, true).catch(failed);
  });
  more.addEventListener("click", () => drawMore().catch(failed));
  // Someone about to search: fetch Pagefind's small start files now, not after the click.
  for (const type of ["focusin", "pointerdown"]) form.addEventListener(type, () => loadPagefind().catch(failed), { once: true });
  window.addEventListener("popstate", () => apply(readUrl(), false).catch(failed));
  history.replaceState(null, "", urlFor(initial)); // one spelling per view, so shared links agree
  writeForm(initial);
  form.dataset.ready = "true";
  if (!isUntouched(initial)) return apply(initial, false);
  // Nothing chosen: the page already shows what a search would (first cases, all counts).
  current.state = initial;
  if (allLists) {
    allLists.hidden = true; // the button below the list brings the rest
    more.hidden = false;
  }
  form.dataset.shown = urlFor(initial);
}

function failed(error) {
  status.textContent = "Die Suche konnte nicht geladen werden. Die Liste zeigt die ersten Beispiele.";
  if (allLists) allLists.hidden = false;
  more.hidden = true;
  form.removeAttribute("aria-busy");
  form.dataset.ready = "error";
  console.error(error);
}

Promise.resolve().then(start).catch(failed);
