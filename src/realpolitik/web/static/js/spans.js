// Text with coded spans highlighted: segments become text nodes inside <mark> elements.

import { h } from "./dom.js";

const ORDER = ["trigger", "actor", "recipient"];

/** Cut `text` at every span boundary; each piece lists the spans covering it. */
export function segments(text, spans) {
  const valid = (spans || []).filter(
    (s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end && s.end <= text.length,
  );
  const cuts = new Set([0, text.length]);
  for (const span of valid) {
    cuts.add(Math.max(0, span.start));
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = valid.filter((s) => s.start <= start && s.end >= end);
    pieces.push({ start, end, text: text.slice(start, end), spans: covering });
  }
  return pieces;
}

function markFor(piece, onSelect) {
  const kinds = [...new Set(piece.spans.map((s) => s.kind))].sort(
    (a, b) => ORDER.indexOf(a) - ORDER.indexOf(b),
  );
  const labels = [...new Set(piece.spans.map((s) => s.label).filter(Boolean))];
  const events = [...new Set(piece.spans.map((s) => s.event_id).filter(Boolean))];
  const mark = h(
    "mark",
    {
      class: kinds.map((k) => `hl hl-${k}`).join(" "),
      title: labels.length ? `${kinds.join(", ")}: ${labels.join("; ")}` : kinds.join(", "),
      dataset: { kind: kinds[0], events: events.join(" ") },
    },
    piece.text,
  );
  if (onSelect && events.length) {
    mark.tabIndex = 0;
    mark.addEventListener("click", () => onSelect(events));
  }
  return mark;
}

/** A fragment of `text` with `spans` ({start, end, kind, label?, event_id?}) highlighted. */
export function marked(text, spans, onSelect) {
  const fragment = document.createDocumentFragment();
  for (const piece of segments(text || "", spans)) {
    fragment.append(piece.spans.length ? markFor(piece, onSelect) : document.createTextNode(piece.text));
  }
  return fragment;
}

export function legend() {
  return h(
    "p",
    { class: "legend" },
    h("mark", { class: "hl hl-actor" }, "actor"),
    " ",
    h("mark", { class: "hl hl-trigger" }, "event trigger"),
    " ",
    h("mark", { class: "hl hl-recipient" }, "recipient"),
  );
}
