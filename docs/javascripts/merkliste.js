// Merkliste: visitors mark cases on their pages and print the marked ones as a compact
// A4 handout (/merkliste/). Everything stays in this browser: one localStorage key, no
// cookie, no request. A case page carries its handout text as JSON (data-merkliste,
// praxisatlas/merkliste.py); marking copies it into storage, so the list page works
// offline. Stored data may have been changed by anyone with access to the browser: it is
// checked field by field when read and only ever drawn with textContent, links only to
// http(s) addresses. Without this script the case pages offer no button and the list page
// says that it needs JavaScript.

const STORAGE_KEY = "praxisatlas-merkliste";
const VERSION = 1;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_TEXT = 5000;

/**
 * @typedef {{title: string, details: string, url: string, offline: string}} Source
 * @typedef {{slug: string, title: string, city: string, state: string, summary: string,
 *   copy: string[], sources: Source[], reviewed: string, contact: ?{name: string, url: string},
 *   page: string}} Entry
 */

/**
 * A stored string, or "" for anything else (no coercion of objects into text).
 * @param {unknown} value
 * @returns {string}
 */
function text(value) {
  return typeof value === "string" ? value.slice(0, MAX_TEXT) : "";
}

/**
 * The address if it is an absolute http(s) URL, else "": a stored "javascript:" must
 * never become a link.
 * @param {unknown} value
 * @returns {string}
 */
function webAddress(value) {
  if (typeof value !== "string") return "";
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : "";
  } catch {
    return "";
  }
}

/**
 * @param {unknown} raw
 * @returns {?Source}
 */
function cleanSource(raw) {
  if (!raw || typeof raw !== "object" || !text(raw.title)) return null;
  return { title: text(raw.title), details: text(raw.details), url: webAddress(raw.url), offline: text(raw.offline) };
}

/**
 * A well-formed entry built from known fields only, or null when slug or title are missing.
 * @param {unknown} raw
 * @returns {?Entry}
 */
function cleanEntry(raw) {
  if (!raw || typeof raw !== "object") return null;
  const slug = text(raw.slug);
  const title = text(raw.title);
  if (!SLUG.test(slug) || !title) return null;
  const contact = raw.contact && typeof raw.contact === "object" && text(raw.contact.name)
    ? { name: text(raw.contact.name), url: webAddress(raw.contact.url) }
    : null;
  return {
    slug,
    title,
    city: text(raw.city),
    state: text(raw.state),
    summary: text(raw.summary),
    copy: Array.isArray(raw.copy) ? raw.copy.map(text).filter(Boolean) : [],
    sources: Array.isArray(raw.sources) ? raw.sources.map(cleanSource).filter(Boolean) : [],
    reviewed: text(raw.reviewed),
    contact,
    page: webAddress(raw.page),
  };
}

/**
 * The browser's localStorage, or null where it is switched off or refused.
 * @returns {?Storage}
 */
function openStorage() {
  try {
    const store = window.localStorage;
    store.getItem(STORAGE_KEY);
    return store;
  } catch {
    return null;
  }
}

/**
 * The marked cases in the order they were marked; unreadable data counts as an empty list.
 * @param {Storage} store
 * @returns {Entry[]}
 */
function readList(store) {
  let data;
  try {
    data = JSON.parse(store.getItem(STORAGE_KEY) || "null");
  } catch {
    return [];
  }
  if (!data || data.version !== VERSION || !Array.isArray(data.cases)) return [];
  const seen = new Set();
  return data.cases.map(cleanEntry).filter((entry) => entry && !seen.has(entry.slug) && seen.add(entry.slug));
}

/**
 * Saves the list; an empty list removes the key, so nothing is left behind.
 * @param {Storage} store
 * @param {Entry[]} entries
 * @returns {boolean} false when the browser refused to store it (full or locked)
 */
function writeList(store, entries) {
  try {
    if (entries.length) store.setItem(STORAGE_KEY, JSON.stringify({ version: VERSION, cases: entries }));
    else store.removeItem(STORAGE_KEY);
    return true;
  } catch {
    return false;
  }
}

/**
 * @param {number} count
 * @returns {string}
 */
function casesText(count) {
  return count === 1 ? "1 Beispiel" : `${count} Beispiele`;
}

/**
 * Calls `redraw` when another tab of this site changes the list.
 * @param {() => void} redraw
 */
function followOtherTabs(redraw) {
  window.addEventListener("storage", (event) => {
    if (event.key === STORAGE_KEY || event.key === null) redraw();
  });
}

/**
 * The toggle on a case page: marks or unmarks this case and announces the result.
 * @param {HTMLElement} root element with data-module="merkliste-toggle"
 * @param {Storage} store
 */
function startToggle(root, store) {
  const address = new URL(window.location.href);
  address.search = "";
  address.hash = "";
  let record;
  try {
    record = cleanEntry({ ...JSON.parse(root.dataset.merkliste), page: address.href });
  } catch {
    return;
  }
  if (!record) return;
  const button = root.querySelector(".js-merkliste-button");
  const count = root.querySelector(".js-merkliste-count");
  const status = root.querySelector(".js-merkliste-status");

  const isMarked = (entries) => entries.some((entry) => entry.slug === record.slug);
  const draw = (entries) => {
    const marked = isMarked(entries);
    button.setAttribute("aria-pressed", String(marked));
    button.textContent = marked ? root.dataset.labelRemove : root.dataset.labelAdd;
    count.textContent = `Merkliste (${entries.length})`;
  };

  // A marked case gets this page's current text, in its old place.
  const entries = readList(store);
  const place = entries.findIndex((entry) => entry.slug === record.slug);
  if (place >= 0) {
    entries[place] = record;
    writeList(store, entries);
  }
  draw(entries);
  root.hidden = false;

  button.addEventListener("click", () => {
    const current = readList(store);
    const marking = !isMarked(current);
    const next = marking ? [...current, record] : current.filter((entry) => entry.slug !== record.slug);
    if (!writeList(store, next)) {
      status.textContent = "Die Merkliste konnte nicht gespeichert werden: Der Speicher des Browsers ist voll oder gesperrt.";
      return;
    }
    draw(next);
    status.textContent = marking
      ? `„${record.title}“ steht jetzt auf der Merkliste (${casesText(next.length)}).`
      : `„${record.title}“ ist nicht mehr auf der Merkliste (${casesText(next.length)}).`;
  });
  followOtherTabs(() => draw(readList(store)));
}

/**
 * Puts `value` into the element `selector` finds in `node`, or removes `block` (default:
 * that element) when there is no value.
 * @param {ParentNode} node
 * @param {string} selector
 * @param {string} value
 * @param {string} [block]
 */
function fill(node, selector, value, block) {
  const target = node.querySelector(selector);
  if (value) target.textContent = value;
  else (block ? node.querySelector(block) : target).remove();
}

/**
 * Makes `anchor` a link whose text is the address itself, written out for print.
 * @param {HTMLAnchorElement} anchor
 * @param {string} url
 */
function addressLink(anchor, url) {
  if (!url) {
    anchor.remove();
    return;
  }
  anchor.href = url;
  anchor.textContent = url;
}

/**
 * One case of the list and handout, cloned from the page's <template>.
 * @param {Entry} entry
 * @param {HTMLTemplateElement} itemTemplate
 * @param {HTMLTemplateElement} sourceTemplate
 * @returns {HTMLLIElement}
 */
function drawEntry(entry, itemTemplate, sourceTemplate) {
  const item = itemTemplate.content.firstElementChild.cloneNode(true);
  item.dataset.slug = entry.slug;
  const title = item.querySelector(".js-item-title");
  title.textContent = entry.title;
  if (entry.page) title.href = entry.page;
  fill(item, ".js-item-place", [entry.city, entry.state].filter(Boolean).join(", "));
  fill(item, ".js-item-summary", entry.summary);
  if (entry.copy.length) {
    item.querySelector(".js-item-copy").append(...entry.copy.map((line) => {
      const paragraph = document.createElement("p");
      paragraph.textContent = line;
      return paragraph;
    }));
  } else {
    item.querySelector(".js-item-copy-block").remove();
  }
  if (entry.contact) {
    item.querySelector(".js-item-contact").textContent = entry.contact.name;
    addressLink(item.querySelector(".js-item-contact-url"), entry.contact.url);
  } else {
    item.querySelector(".js-item-contact-block").remove();
  }
  addressLink(item.querySelector(".js-item-page"), entry.page);
  fill(item, ".js-item-reviewed", entry.reviewed, ".js-item-reviewed-block");
  const sources = item.querySelector(".js-item-sources");
  for (const source of entry.sources) {
    const line = sourceTemplate.content.firstElementChild.cloneNode(true);
    line.querySelector(".js-source-title").textContent = source.title;
    fill(line, ".js-source-details", source.details, ".js-source-details-block");
    if (source.url) addressLink(line.querySelector(".js-source-url"), source.url);
    else line.querySelector(".js-source-url-block").remove();
    fill(line, ".js-source-offline", source.offline, ".js-source-offline-block");
    sources.append(line);
  }
  if (!entry.sources.length) item.querySelector(".js-item-sources-block").remove();
  const remove = item.querySelector(".js-item-remove");
  remove.setAttribute("aria-label", `${remove.textContent.trim()}: ${entry.title}`);
  return item;
}

/**
 * Today as the handout's "printed on" date, German and machine-readable.
 * @param {HTMLTimeElement} time
 */
function stampDate(slot) {
  // The page has an empty slot, not an empty <time> (invalid HTML); the date is the visitor's.
  const today = new Date();
  const pad = (number) => String(number).padStart(2, "0");
  const time = document.createElement("time");
  time.dateTime = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
  time.textContent = new Intl.DateTimeFormat("de-DE", { dateStyle: "long" }).format(today);
  slot.replaceChildren(time);
}

/**
 * The list page: draws the marked cases, removes one or all, prints the handout.
 * @param {HTMLElement} root element with data-module="merkliste-list"
 * @param {Storage} store
 */
function startList(root, store) {
  const list = root.querySelector(".js-merkliste-list");
  const status = root.querySelector(".js-merkliste-status");
  const actions = root.querySelector(".js-merkliste-actions");
  const empty = root.querySelector(".js-merkliste-empty");
  const handout = root.querySelector(".js-merkliste-handout");
  const itemTemplate = document.querySelector("template.js-merkliste-item");
  const sourceTemplate = document.querySelector("template.js-merkliste-source");
  const date = root.querySelector(".js-merkliste-date");

  const siteName = document.querySelector('meta[property="og:site_name"]');
  const siteRoot = new URL(root.dataset.siteRoot || "../", window.location.href).href;
  root.querySelector(".js-merkliste-site").textContent = [siteName ? siteName.content : "", siteRoot]
    .filter(Boolean).join(" · ");
  stampDate(date);
  window.addEventListener("beforeprint", () => stampDate(date));

  /** @returns {Entry[]} */
  const draw = () => {
    const entries = readList(store);
    list.replaceChildren(...entries.map((entry) => drawEntry(entry, itemTemplate, sourceTemplate)));
    actions.hidden = entries.length === 0;
    handout.hidden = entries.length === 0;
    empty.hidden = entries.length > 0;
    return entries;
  };
  const countText = (entries) => (entries.length
    ? `${casesText(entries.length)} auf der Merkliste, in der Reihenfolge des Merkens.`
    : "Die Merkliste ist leer.");

  status.textContent = countText(draw());
  root.hidden = false;

  list.addEventListener("click", (event) => {
    const button = event.target.closest(".js-item-remove");
    if (!button) return;
    const item = button.closest("li[data-slug]");
    const entries = readList(store);
    const removed = entries.find((entry) => entry.slug === item.dataset.slug);
    const position = [...list.children].indexOf(item);
    if (!writeList(store, entries.filter((entry) => entry.slug !== item.dataset.slug))) {
      status.textContent = "Die Merkliste konnte nicht gespeichert werden: Der Speicher des Browsers ist gesperrt.";
      return;
    }
    const left = draw();
    status.textContent = `${removed ? `„${removed.title}“ ist nicht mehr auf der Merkliste. ` : ""}${countText(left)}`;
    // Keep the keyboard where it was: the next case, else the one before, else the way out.
    const buttons = list.querySelectorAll(".js-item-remove");
    const focus = buttons[Math.min(position, buttons.length - 1)] || empty.querySelector("a");
    focus.focus();
  });

  root.querySelector(".js-merkliste-clear").addEventListener("click", (event) => {
    if (!window.confirm(event.currentTarget.dataset.confirm)) return;
    writeList(store, []);
    status.textContent = countText(draw());
    empty.querySelector("a").focus();
  });
  root.querySelector(".js-merkliste-print").addEventListener("click", () => window.print());
  followOtherTabs(() => {
    status.textContent = countText(draw());
  });
}

const store = openStorage();
for (const root of document.querySelectorAll('[data-module="merkliste-toggle"]')) {
  if (store) startToggle(root, store);
}
for (const root of document.querySelectorAll('[data-module="merkliste-list"]')) {
  if (store) startList(root, store);
  else document.querySelector(".js-merkliste-nostorage").hidden = false;
}
