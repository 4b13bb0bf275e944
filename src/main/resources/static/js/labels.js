// Words for the API's enumerations, and badges that always carry their meaning in text (never by colour alone).
import {h, hidden} from './dom.js';
import {get} from './api.js';

// Filled from the API's vocabulary (GET api/vocabulary) before the first view renders: one set of words for
// every enumeration, the same the API documents. Until then, and for values it does not know, values are tidied.
const WORDS = {};
const HINTS = {};
const VALUES = {};

/** Loads the labels and descriptions of every enumeration; without them the page still works, with tidied values. */
export async function loadVocabulary() {
  try {
    const vocabulary = await get('vocabulary');
    for (const [field, terms] of Object.entries(vocabulary)) {
      if (!Array.isArray(terms)) continue;
      VALUES[field] = terms.map(term => term.value);
      WORDS[field] = Object.fromEntries(terms.map(term => [term.value, term.label]));
      HINTS[field] = Object.fromEntries(terms.map(term => [term.value, term.description]));
    }
  } catch {
    // Tidied values stand in for labels.
  }
}

/** Every value of an enumeration, in the API's order ([] when the vocabulary could not be loaded). */
export function values(field) {
  return VALUES[field] || [];
}

export const FACET_NAMES = {
  type: 'Type', kind: 'Kind', timescale: 'Timescale', certainty: 'Certainty', conceptType: 'Concept type',
  studyId: 'Study', direction: 'Direction',
};

/** A readable word for an enum value; unknown values are shown as the API sends them, tidied. */
export function word(field, value) {
  if (value === null || value === undefined) return 'Not stated';
  const known = WORDS[field]?.[value];
  if (known) return known;
  const text = String(value).toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function hint(field, value) {
  return HINTS[field]?.[value] ?? null;
}

/** A badge such as "Kind: Result", whose colour only repeats what its text says. */
export function badge(field, value, {label = true} = {}) {
  const css = value === null || value === undefined ? 'none' : String(value).toLowerCase().replace(/_/g, '-');
  return h('span', {class: `badge badge--${field} badge--${css}`, title: hint(field, value)},
      label ? hidden(`${FACET_NAMES[field] ?? word('label', field)}: `) : null,
      word(field, value));
}

/** Labelled badges as a description list: <dt>Kind</dt><dd><badge></dd>... */
export function badgeList(entries) {
  return h('dl', {class: 'badge-list'}, entries.map(([name, content]) =>
      h('div', {class: 'badge-list__item'}, h('dt', null, name), h('dd', null, content))));
}

export function percent(value) {
  return typeof value === 'number' ? `${Math.round(value * 100)}%` : 'Not given';
}
