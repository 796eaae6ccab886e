// Shared pieces of every view: states (loading, empty, error), status badges, outlet names, dates.
import { h } from "./dom.js";

/** Announces a short message to screen readers through the page's live region. */
export function announce(message) {
  const region = document.getElementById("status");
  if (!region) return;
  region.textContent = "";
  // A fresh text node after clearing makes repeated identical messages heard again.
  setTimeout(() => (region.textContent = message), 30);
}

/** A loading placeholder; the live region tells assistive technology separately. */
export function loading(what) {
  return h("p", { class: "state state--loading", "aria-busy": "true" }, h("span", { class: "spinner", "aria-hidden": "true" }), `Loading ${what}…`);
}

/** An error box that is read out as soon as it appears, with a retry button. */
export function errorState(error, retry) {
  const message = error?.message || String(error);
  return h(
    "div",
    { class: "state state--error", role: "alert" },
    h("p", { class: "state__title" }, h("span", { class: "state__icon", "aria-hidden": "true" }, "⚠"), "Something went wrong"),
    h("p", {}, message),
    retry ? h("button", { type: "button", class: "button", on: { click: retry } }, "Try again") : null,
  );
}

/** A calm "nothing here" message, optionally with a hint of what to do next. */
export function emptyState(title, hint) {
  return h("div", { class: "state state--empty" }, h("p", { class: "state__title" }, title), hint ? h("p", {}, hint) : null);
}

const statuses = {
  pending: { icon: "◷", label: "Pending" },
  normalized: { icon: "◑", label: "Normalized" },
  aligned: { icon: "✓", label: "Aligned" },
  rejected: { icon: "⊘", label: "Rejected" },
  failed: { icon: "✕", label: "Failed" },
};

/** A status badge: an icon and a word, never colour alone. */
export function statusBadge(status) {
  const known = statuses[status] ?? { icon: "?", label: status || "Unknown" };
  return h(
    "span",
    { class: ["badge", `badge--${statuses[status] ? status : "unknown"}`] },
    h("span", { class: "badge__icon", "aria-hidden": "true" }, known.icon),
    known.label,
  );
}

/** The outlet's name, or a readable stand-in taken from the article name when the outlet is unknown. */
export function outletName(outlet, article) {
  if (outlet && String(outlet).trim()) return String(outlet).trim();
  const name = String(article ?? "").split("/").filter(Boolean).pop() ?? "";
  return name ? `Unknown outlet (${name})` : "Unknown outlet";
}

/** The last path segment of an article name, which is what people recognise it by. */
export function shortName(article) {
  const parts = String(article ?? "").split("/").filter(Boolean);
  return parts.length ? parts[parts.length - 1] : String(article ?? "");
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A <time> element for an ISO date, or null when there is none. */
export function timeElement(value) {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return h("span", {}, String(value));
  return h("time", { datetime: date.toISOString() }, dateFormat.format(date));
}

/** "1 outlet", "3 outlets". */
export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

/** Shortens text at a word boundary. */
export function truncate(text, max) {
  const s = String(text ?? "").replace(/\s+/g, " ").trim();
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, "")}…`;
}

/** A page heading that scripts can move focus to after navigation. */
export function pageHeading(text, extra = {}) {
  return h("h1", { class: "page__title", tabindex: "-1", ...extra }, text);
}
