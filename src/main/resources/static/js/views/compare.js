// Studies side by side (#/compare?concept={id or name} or #/compare?studies={id},{id}): a row per study with its
// population, design, interventions, effects and their directions, timescale, mechanisms and certainty, every effect
// with its quote and its finding; the agreement across studies; the same comparison as CSV and Markdown files.
import {h, hidden} from '../dom.js';
import {get, getAs} from '../api.js';
import {badge, word} from '../labels.js';
import {renderView, findingRefs, conceptList} from './common.js';

const COLUMNS = ['Study', 'Population', 'Design', 'Interventions', 'Effect and direction', 'Timescale', 'Mechanisms',
  'Certainty'];

/** The comparison a compare permalink names: the API's own parameters, passed on as given. */
export function compareQuery(params) {
  return {concept: params.get('concept') || '', studies: params.get('studies') || ''};
}

/** The permalink of the comparison on a concept, or of the named studies. */
export function compareHash({concept, studies}) {
  const params = new URLSearchParams();
  if (concept) params.set('concept', String(concept));
  if (studies?.length) params.set('studies', [].concat(studies).join(','));
  return `#/compare?${params.toString().replace(/%2C/g, ',')}`;
}

export function compareView(route, app) {
  const abort = new AbortController();
  const signal = abort.signal;
  const files = [];
  const query = compareQuery(route.params);

  renderView(app, signal, 'Loading comparison…', async () => {
    const comparison = await get('compare', query, signal);
    const title = comparison.concept ? `What the studies say about ${comparison.concept.name}` : 'Studies compared';
    const heading = h('h1', {class: 'page-title'}, title);
    const node = comparisonPage(comparison, heading, downloads(query, comparison, files, signal));
    return {node, title, heading};
  });

  return {
    destroy() {
      abort.abort();
      files.forEach(url => URL.revokeObjectURL(url));
    },
  };
}

/**
 * Links that save the comparison as CSV and as Markdown. The API serves both by Accept, which a plain link cannot
 * send, so each file is fetched once and offered as a download of what was fetched.
 */
function downloads(query, comparison, files, signal) {
  const name = comparison.concept ? slug(comparison.concept.name) : `studies-${comparison.rows.map(r => r.study.id).join('-')}`;
  const link = (type, extension, label) => {
    const anchor = h('a', {class: 'button button--quiet compare-download', download: `comparison-${name}.${extension}`,
      dataset: {format: extension}}, label, hidden(' (preparing)'));
    getAs(type, 'compare', query, signal).then(blob => {
      const url = URL.createObjectURL(blob);
      files.push(url);
      anchor.href = url;
      anchor.querySelector('.visually-hidden')?.remove();
    }, () => {
      anchor.replaceChildren(label, hidden(' (not available)'));
    });
    return anchor;
  };
  return h('p', {class: 'actions'},
      link('text/csv', 'csv', 'Download as CSV'),
      link('text/markdown', 'md', 'Download as Markdown'));
}

function slug(text) {
  return String(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'concept';
}

function comparisonPage(comparison, heading, actions) {
  const rows = comparison.rows || [];
  const titles = new Map(rows.map(row => [row.study.id, row.study]));
  return h('article', {class: 'comparison'},
      h('header', {class: 'page-head'},
          h('p', {class: 'eyebrow'}, 'Comparison'),
          heading,
          h('p', {class: 'lede'}, `${count(rows.length, 'study', 'studies')} side by side.`
              + ' Every effect quotes the sentence it rests on and links to its finding.',
          comparison.concept ? [' ', h('a', {href: `#/concept/${comparison.concept.id}`},
              `More about ${comparison.concept.name}`)] : null),
          actions),
      h('section', {class: 'section', 'aria-labelledby': 'agreement-heading'},
          h('h2', {id: 'agreement-heading'}, 'Where they agree'),
          comparison.agreement?.length
            ? h('ul', {class: 'agreement'}, comparison.agreement.map(line => agreementItem(line, titles)))
            : h('p', {class: 'muted'}, 'No study states an effect that others could agree with.')),
      h('section', {class: 'section', 'aria-labelledby': 'compare-table-heading'},
          h('h2', {id: 'compare-table-heading'}, 'Side by side'),
          rows.length ? table(rows) : h('p', {class: 'muted'}, 'No study to compare.')));
}

function count(n, one, many) {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** "Fluoxetine · Decreases · BMP": both concepts as links, the direction as a badge in the vocabulary's words. */
function effectPhrase(effect) {
  return h('span', {class: 'effect-phrase'},
      conceptLink(effect.subject), ' ', badge('direction', effect.direction), ' ', conceptLink(effect.object));
}

function conceptLink(concept) {
  return h('a', {class: 'effect-phrase__concept', href: `#/concept/${concept.id}`}, concept.name);
}

function studyLinks(ids, titles) {
  return ids.map((id, i) => [i ? ', ' : '', h('a', {href: `#/study/${encodeURIComponent(titles.get(id)?.slug ?? id)}`},
      titles.get(id)?.title ?? `Study ${id}`)]);
}

/** How many studies report an effect in this direction, which ones, and which report another direction. */
function agreementItem(line, titles) {
  const split = line.disagreeingStudyIds?.length > 0;
  return h('li', {class: `agreement__item${split ? ' agreement__item--split' : ''}`},
      effectPhrase(line), ': ',
      h('strong', null, count(line.studyIds.length, 'study', 'studies')), ' (', studyLinks(line.studyIds, titles), ')',
      split ? ['; another direction in ', studyLinks(line.disagreeingStudyIds, titles)] : '; none says otherwise',
      '.');
}

function table(rows) {
  // Scrolls sideways on a narrow desktop window; on a phone each study stacks as a card (see app.css).
  return h('div', {class: 'compare-table-wrap', role: 'region', 'aria-labelledby': 'compare-table-heading', tabindex: '0'},
      h('table', {class: 'compare-table'},
          h('caption', {class: 'visually-hidden'}, 'A row per study; every effect with its quote and its finding.'),
          h('thead', null, h('tr', null, COLUMNS.map(name => h('th', {scope: 'col'}, name)))),
          h('tbody', null, rows.map(tableRow))));
}

function cell(column, ...content) {
  return h('td', {dataset: {label: column}}, content);
}

function none(text) {
  return h('span', {class: 'muted'}, text);
}

/** The findings a row's timescale and certainty come from: those of its effects, else all its findings about it. */
function citedFindings(row) {
  const cited = row.effects?.length ? row.effects.map(e => ({id: e.findingId, timescale: e.timescale, certainty: e.certainty}))
    : (row.findings || []);
  const seen = new Set();
  return cited.filter(f => !seen.has(f.id) && seen.add(f.id));
}

function tableRow(row) {
  const study = row.study;
  const cited = citedFindings(row);
  const perFinding = field => cited.length
    ? h('ul', {class: 'compare-list'}, cited.map(f => h('li', null, badge(field, f[field]), ' ', findingRefs([f.id]))))
    : none('No finding about it');
  return h('tr', {class: 'compare-row', dataset: {studyId: study.id}},
      h('th', {scope: 'row', dataset: {label: 'Study'}},
          h('a', {class: 'compare-row__study', href: `#/study/${encodeURIComponent(study.slug)}`}, study.title)),
      cell('Population', row.population || none('Not stated in the source')),
      cell('Design', design(row.design)),
      cell('Interventions', conceptList(row.interventions)),
      cell('Effect and direction', effects(row)),
      cell('Timescale', perFinding('timescale')),
      cell('Mechanisms', row.mechanisms?.length
        ? h('ul', {class: 'compare-list'}, row.mechanisms.map(m => h('li', null,
            h('a', {href: `#/study/${encodeURIComponent(study.slug)}?mechanism=${m.id}`}, m.name),
            m.timescale ? [' ', badge('timescale', m.timescale)] : null)))
        : none('None described')),
      cell('Certainty', perFinding('certainty')));
}

/** The design's type, size and length, with a link to the passage of the source that states the type. */
function design(design) {
  if (!design?.type) return none('Not stated in the source');
  const quote = design.evidence?.type;
  return h('div', {class: 'compare-design'},
      h('span', {class: 'compare-design__type'}, word('designType', design.type)),
      design.sampleSize ? h('span', {class: 'muted'}, ` · ${design.sampleSize.toLocaleString()} studied`) : null,
      design.duration ? h('span', {class: 'muted'}, ` · ${design.duration}`) : null,
      quote ? h('blockquote', {class: 'compare-quote'},
          h('a', {href: `#/source/${quote.sourceId}?start=${quote.start}&end=${quote.end}`}, `“${quote.exact}”`)) : null);
}

/** Each effect the study's findings state, with the quote it rests on and a link to its finding. */
function effects(row) {
  if (!row.effects?.length) {
    return h('div', null, none('No effect stated'),
        row.findings?.length ? h('p', {class: 'compare-findings'}, 'Findings about it: ',
            findingRefs(row.findings.map(f => f.id))) : null);
  }
  return h('ul', {class: 'compare-effects'}, row.effects.map(effect =>
      h('li', {class: `compare-effect compare-effect--${String(effect.direction).toLowerCase().replace(/_/g, '-')}`,
        dataset: {findingId: effect.findingId, direction: effect.direction}},
      effectPhrase(effect),
      h('blockquote', {class: 'compare-quote'}, `“${effect.quote}”`),
      h('a', {class: 'compare-effect__finding', href: `#/finding/${effect.findingId}`}, `Finding ${effect.findingId}`))));
}
