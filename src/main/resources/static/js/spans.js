// Source text with its evidence spans. Spans may overlap or nest, so the text is cut at every span boundary and
// each piece lists the findings whose spans cover it, innermost (shortest span) first.

/**
 * Cuts [0, length) into pieces at every annotation boundary: [{start, end, findingIds}], findingIds empty for
 * text no span covers. Spans are clamped to the text; empty or inverted ones are ignored.
 */
export function segments(length, annotations) {
  const spans = (annotations || [])
      .map(a => ({id: a.findingId, start: clamp(a.start, length), end: clamp(a.end, length)}))
      .filter(s => Number.isFinite(s.start) && Number.isFinite(s.end) && s.end > s.start);
  const cuts = new Set([0, length]);
  for (const span of spans) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  const pieces = [];
  let active = [];
  let next = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    active = active.filter(s => s.end > start);
    while (next < byStart.length && byStart[next].start <= start) {
      if (byStart[next].end > start) active.push(byStart[next]);
      next++;
    }
    const ids = [...new Set([...active]
        .sort((a, b) => (a.end - a.start) - (b.end - b.start) || a.start - b.start)
        .map(s => s.id))];
    const previous = pieces[pieces.length - 1];
    if (previous && sameIds(previous.findingIds, ids)) {
      previous.end = end;
    } else {
      pieces.push({start, end, findingIds: ids});
    }
  }
  return pieces;
}

function clamp(value, length) {
  const number = Number(value);
  return Number.isFinite(number) ? Math.min(Math.max(Math.trunc(number), 0), length) : NaN;
}

function sameIds(a, b) {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * The text as DOM nodes: plain text nodes between spans, and for each covered piece the element made by
 * makeLink(pieceText, findingIds). Nothing is parsed as HTML.
 */
export function highlightedText(text, annotations, makeLink) {
  const fragment = document.createDocumentFragment();
  for (const piece of segments(text.length, annotations)) {
    const content = text.slice(piece.start, piece.end);
    fragment.append(piece.findingIds.length ? makeLink(content, piece.findingIds) : document.createTextNode(content));
  }
  return fragment;
}
