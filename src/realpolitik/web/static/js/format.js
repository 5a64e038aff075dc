// Small formatting helpers shared by the views.

export const QUAD_NAMES = {
  1: "verbal cooperation",
  2: "material cooperation",
  3: "verbal conflict",
  4: "material conflict",
};
export const QUAD_COLOURS = { 1: "#7cb342", 2: "#2e7d32", 3: "#fb8c00", 4: "#c62828" };
export const BLOC_COLOURS = ["#1e88e5", "#e53935", "#8e24aa", "#00897b", "#f4511e", "#6d4c41", "#3949ab", "#c0ca33"];

export function actorLabel(actor) {
  if (!actor) return "—";
  return actor.name || actor.text || actor.code || "?";
}

export function actorKey(actor) {
  if (!actor) return null;
  return actor.code || actor.country || null;
}

export function eventDate(event) {
  const date = event.date || {};
  if (!date.start) return event.doc_date || "undated";
  if (date.precision === "year") return date.start.slice(0, 4);
  if (date.precision === "month") return date.start.slice(0, 7);
  if (date.precision === "decade") return `${date.start.slice(0, 3)}0s`;
  return date.start;
}

export function speakerLabel(event) {
  const attribution = event.attribution || {};
  if (attribution.speaker) return actorLabel(attribution.speaker);
  return attribution.author ? `${attribution.author} (post author)` : "";
}

/** Cooperation share -> a colour from red (all conflict) through grey to green (all cooperation). */
export function signColour(cooperation, conflict) {
  const total = (cooperation || 0) + (conflict || 0);
  if (!total) return "#9e9e9e";
  const share = cooperation / total;
  const red = [198, 40, 40];
  const grey = [158, 158, 158];
  const green = [46, 125, 50];
  const [from, to, t] = share < 0.5 ? [red, grey, share * 2] : [grey, green, (share - 0.5) * 2];
  const mix = from.map((c, i) => Math.round(c + (to[i] - c) * t));
  return `rgb(${mix.join(",")})`;
}
