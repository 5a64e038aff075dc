// Event rows and cards: the sentence with actor, recipient and trigger highlighted, and its facts.

import { h } from "./dom.js";
import { QUAD_NAMES, actorLabel, eventDate, speakerLabel } from "./format.js";
import { marked } from "./spans.js";

function sentenceCell(event) {
  return h("span", { class: "sentence" }, marked(event.sentence || "", event.highlights || []));
}

function sourceLink(event) {
  const label = event.doc_title || event.publisher || event.doc_id || "document";
  return h(
    "a",
    { href: `#/document/${encodeURIComponent(event.doc_id || "")}`, class: "doc-link" },
    label,
  );
}

function typeCell(event) {
  return h(
    "span",
    { class: `type quad-${event.quad_class}`, title: QUAD_NAMES[event.quad_class] || "" },
    `${event.event_type || "?"} `,
    h("small", {}, event.cameo || ""),
  );
}

const COLUMNS = ["Date", "Event", "Actor → recipient", "Sentence", "Status", "Speaker", "Source"];

export function eventRow(event) {
  return h(
    "tr",
    { class: `event-row status-${event.status}`, dataset: { eventId: event.event_id } },
    h("td", { class: "date" }, eventDate(event)),
    h("td", {}, typeCell(event)),
    h("td", { class: "dyad" }, `${actorLabel(event.actor)} → ${actorLabel(event.recipient)}`),
    h("td", {}, sentenceCell(event)),
    h("td", {}, h("span", { class: `status status-${event.status}` }, event.status || "")),
    h("td", {}, speakerLabel(event)),
    h("td", {}, event.publisher ? `${event.publisher}: ` : "", sourceLink(event)),
  );
}

/** A table of events (the explorer, edge panels, evidence lists). */
export function eventTable(events, caption) {
  return h(
    "table",
    { class: "events" },
    caption ? h("caption", {}, caption) : null,
    h("thead", {}, h("tr", {}, COLUMNS.map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, events.map(eventRow)),
  );
}

/** A compact card for side panels. */
export function eventCard(event) {
  return h(
    "li",
    { class: `event-card status-${event.status}`, dataset: { eventId: event.event_id } },
    h(
      "div",
      { class: "card-head" },
      typeCell(event),
      " ",
      h("span", { class: "date" }, eventDate(event)),
      " ",
      h("span", { class: `status status-${event.status}` }, event.status || ""),
    ),
    h("div", {}, sentenceCell(event)),
    h(
      "div",
      { class: "card-foot muted" },
      speakerLabel(event) ? `according to ${speakerLabel(event)} · ` : "",
      sourceLink(event),
    ),
  );
}

export function eventCards(events) {
  return h("ul", { class: "event-cards" }, events.map(eventCard));
}
