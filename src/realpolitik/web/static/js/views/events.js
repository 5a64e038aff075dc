// Event explorer: filters in the URL, a paged table of events with highlighted sentences.

import { getJSON } from "../api.js";
import { h, notice, replace } from "../dom.js";
import { eventTable } from "../eventlist.js";
import { QUAD_NAMES } from "../format.js";
import { legend } from "../spans.js";

const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const STATUSES = ["asserted", "reported", "hypothetical", "future", "negated", "question"];
const FIELDS = ["actor", "recipient", "country", "event_type", "quad_class", "status", "date_from", "date_to", "source", "text"];
const PAGE = 50;

function select(name, value, options) {
  return h("select", { name }, h("option", { value: "" }, "any"),
    options.map(([key, text]) => h("option", { value: key, selected: String(key) === value }, text)));
}

function input(name, value, attrs = {}) {
  return h("input", { name, value: value || "", ...attrs });
}

function filterForm(params) {
  const get = (name) => params.get(name) || "";
  const node = h("form", { class: "filters", id: "event-filters" },
    h("label", {}, "Actor ", input("actor", get("actor"), { size: 8, placeholder: "IRN" })),
    h("label", {}, "Recipient ", input("recipient", get("recipient"), { size: 8 })),
    h("label", {}, "Country ", input("country", get("country"), { size: 4, maxlength: 3 })),
    h("label", {}, "Type ", select("event_type", get("event_type"), TYPES.map((t) => [t, t]))),
    h("label", {}, "Quad ", select("quad_class", get("quad_class"), Object.entries(QUAD_NAMES))),
    h("label", {}, "Status ", select("status", get("status"), STATUSES.map((s) => [s, s]))),
    h("label", {}, "From ", input("date_from", get("date_from"), { type: "date" })),
    h("label", {}, "To ", input("date_to", get("date_to"), { type: "date" })),
    h("label", {}, "Source ", input("source", get("source"), { size: 10 })),
    h("label", {}, "Text ", input("text", get("text"), { size: 14, type: "search" })),
    h("button", { type: "submit" }, "Filter"),
    h("a", { href: "#/events", class: "button" }, "Clear"));
  node.addEventListener("submit", (event) => {
    event.preventDefault();
    const search = new URLSearchParams();
    for (const [key, value] of new FormData(node)) if (String(value).trim()) search.set(key, String(value).trim());
    window.location.hash = `#/events?${search}`;
  });
  return node;
}

function pager(params, page) {
  const offset = page.offset;
  const link = (to, text, enabled) => {
    const next = new URLSearchParams(params);
    next.set("offset", String(Math.max(0, to)));
    return enabled ? h("a", { href: `#/events?${next}`, class: "button", rel: text === "Next" ? "next" : "prev" }, text) : h("span", { class: "button disabled" }, text);
  };
  const last = Math.min(offset + page.events.length, page.total);
  return h("div", { class: "pager" },
    link(offset - PAGE, "Previous", offset > 0),
    h("span", { id: "event-count" }, page.total ? ` ${offset + 1}–${last} of ${page.total} events ` : " no events "),
    link(offset + PAGE, "Next", last < page.total));
}

export async function renderEvents(target, _args, params, current) {
  const query = Object.fromEntries(FIELDS.filter((f) => params.get(f)).map((f) => [f, params.get(f)]));
  const offset = Number(params.get("offset") || 0);
  const form = filterForm(params);
  let page;
  try {
    page = await getJSON("/events", { ...query, limit: PAGE, offset });
  } catch (error) {
    replace(target, h("section", { class: "view-events" }, h("h2", {}, "Events"), form, notice(error.message, "error")));
    return;
  }
  if (!current()) return;
  replace(target, h("section", { class: "view-events" }, h("h2", {}, "Events"), form, legend(), pager(params, page),
    page.events.length ? eventTable(page.events) : notice("No events match these filters.")));
}
