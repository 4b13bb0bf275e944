// Words for the API's enumerations, and badges that always carry their meaning in text (never by colour alone).
import {h, hidden} from './dom.js';

const WORDS = {
  kind: {
    RESULT: 'Result', MECHANISM: 'Mechanism', PRIOR_WORK: 'Prior work', IMPLICATION: 'Implication',
    CONTEXT: 'Context',
  },
  timescale: {RAPID: 'Fast', SUSTAINED: 'Lasting'},
  certainty: {REPORTED: 'Reported', SUGGESTED: 'Suggested'},
  reviewStatus: {UNREVIEWED: 'Unreviewed', ACCEPTED: 'Accepted', REJECTED: 'Rejected', RETRACTED: 'Retracted'},
  origin: {EXTRACTED: 'Extracted', CURATED: 'Curated'},
  conceptType: {
    DRUG: 'Drug', DRUG_CLASS: 'Drug class', CONDITION: 'Condition', BRAIN_REGION: 'Brain region',
    CELL_TYPE: 'Cell type', PATHWAY: 'Pathway', PROCESS: 'Process', ORGANISM: 'Organism',
    ORGANIZATION: 'Organization',
  },
  role: {LEAD: 'Lead researcher', SENIOR: 'Senior author', AUTHOR: 'Author', QUOTED: 'Quoted'},
  type: {finding: 'Finding', study: 'Study', mechanism: 'Mechanism', concept: 'Concept'},
};

const HINTS = {
  kind: {
    RESULT: 'What this study found', MECHANISM: 'How it works: pathway, region, cell type',
    PRIOR_WORK: 'An earlier result the source cites', IMPLICATION: 'What it could mean',
    CONTEXT: 'Background the source states',
  },
  timescale: {RAPID: 'Acts within hours to a day', SUSTAINED: 'Builds over days to weeks and lasts'},
  certainty: {REPORTED: 'Stated as found or shown', SUGGESTED: 'Hedged: could, might, may, suggests'},
};

export const FACET_NAMES = {
  type: 'Type', kind: 'Kind', timescale: 'Timescale', certainty: 'Certainty', conceptType: 'Concept type',
  studyId: 'Study',
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
