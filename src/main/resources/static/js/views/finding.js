// A finding (#/finding/{id}): its statement, labelled badges, the sentence it rests on in context, its concepts,
// the mechanisms it supports, the findings of other studies closest in meaning, and its curation: review, links to
// and from other findings, and history.
import {h, hidden, icon} from '../dom.js';
import {get, isAbort, study as fetchStudy} from '../api.js';
import {badge, badgeList, percent, values, word} from '../labels.js';
import {renderView, conceptList, mechanismCard, problemBox, loadingState} from './common.js';

/** Linked findings whose statements are fetched to label the links; further ones are named by number. */
const LINKS_SHOWN = 20;
/** Findings of other studies listed as related in meaning. */
const RELATED_SHOWN = 5;

export function findingView(route, app) {
  const abort = new AbortController();
  const signal = abort.signal;
  const id = route.args[0];

  renderView(app, signal, 'Loading finding…', async () => {
    const finding = await get(`findings/${encodeURIComponent(id)}`, null, signal);
    const heading = h('h1', {class: 'page-title finding__statement'}, finding.statement);
    return {node: findingPage(finding, heading, signal), title: `Finding ${finding.id}`, heading};
  });

  return {
    destroy() {
      abort.abort();
    },
  };
}

function findingPage(finding, heading, signal) {
  const studyLink = h('span', {class: 'finding__study'});
  if (finding.studyId != null) {
    fetchStudy(finding.studyId).then(study => studyLink.replaceChildren(' · from ',
        h('a', {href: `#/study/${encodeURIComponent(study.slug)}`}, study.title)), () => {});
  }
  return h('article', {class: 'finding'},
      h('header', {class: 'page-head'},
          h('p', {class: 'eyebrow'}, `Finding ${finding.id}`, studyLink),
          heading,
          badgeList([
            ['Kind', badge('kind', finding.kind, {label: false})],
            ['Timescale', badge('timescale', finding.timescale, {label: false})],
            ['Certainty', badge('certainty', finding.certainty, {label: false})],
            ['Reported by', badge('reportedBy', finding.reportedBy, {label: false})],
            ['Review status', badge('reviewStatus', finding.reviewStatus, {label: false})],
            ['Origin', badge('origin', finding.origin, {label: false})],
            ['Confidence', h('span', {class: 'confidence'},
                h('span', {class: 'confidence__bar', 'aria-hidden': 'true'},
                    h('span', {style: `width: ${Math.round(Math.min(Math.max(finding.confidence || 0, 0), 1) * 100)}%`})),
                percent(finding.confidence))],
          ])),
      h('section', {class: 'section', 'aria-labelledby': 'evidence-heading'},
          h('h2', {id: 'evidence-heading'}, 'Where the source says it'),
          finding.evidence?.length
            ? finding.evidence.map(evidence => evidenceFigure(finding, evidence))
            : h('p', {class: 'muted'}, 'This finding carries no evidence span.')),
      h('section', {class: 'section', 'aria-labelledby': 'concepts-heading'},
          h('h2', {id: 'concepts-heading'}, 'Concepts'),
          conceptList(finding.concepts, 'No concept tagged.')),
      mechanismsSection(finding.mechanismIds || [], signal),
      relatedSection(finding, signal),
      curationSection(finding, signal));
}

function curationSection(finding, signal) {
  return h('section', {class: 'section curation', 'aria-labelledby': 'curation-heading'},
      h('h2', {id: 'curation-heading'}, 'Curation'),
      h('div', {class: 'curation__grid'},
          reviewCard(finding),
          linksCard(finding, signal)),
      historyCard(finding, signal));
}

function reviewCard(finding) {
  return h('div', {class: 'card review'},
      h('h3', {class: 'card__title'}, 'Review'),
      h('p', {class: 'review__status'}, badge('reviewStatus', finding.reviewStatus, {label: false}),
          finding.needsReview ? h('span', {class: 'badge badge--needs-review'}, 'Needs review') : null),
      finding.reviewNote
        ? h('blockquote', {class: 'review__note'}, h('p', null, finding.reviewNote))
        : h('p', {class: 'review__note review__note--none muted'}, 'No review note.'));
}

/** Links to and from other findings: "This finding supports → …" and "… → supports this finding". */
function linksCard(finding, signal) {
  const links = finding.links || [];
  const card = h('div', {class: 'card links'}, h('h3', {class: 'card__title'}, 'Links to other findings'));
  if (!links.length) {
    card.append(h('p', {class: 'muted'}, 'No link to or from another finding.'));
    return card;
  }
  const items = links.map(link => {
    const other = h('a', {class: 'link__finding', href: `#/finding/${link.findingId}`}, `Finding ${link.findingId}`);
    const relation = h('span', {class: `link__type link__type--${String(link.type).toLowerCase()}`}, word('linkType', link.type));
    const outgoing = link.direction !== 'INCOMING';
    return {link, other, item: h('li', {class: `link link--${outgoing ? 'outgoing' : 'incoming'}`},
        outgoing ? ['This finding ', relation, ' ', icon('arrow'), ' ', other]
          : [other, ' ', icon('arrow'), ' ', relation, ' this finding'])};
  });
  card.append(h('ul', {class: 'links__list'}, items.map(i => i.item)));
  // Statements name the linked findings; a bounded number of them, the rest stay "Finding n".
  for (const {link, other} of items.slice(0, LINKS_SHOWN)) {
    get(`findings/${link.findingId}`, null, signal).then(linked => {
      other.textContent = linked.statement;
      other.title = `Finding ${linked.id}`;
    }, () => {});
  }
  return card;
}

function historyCard(finding, signal) {
  const body = h('div', {class: 'history__body'}, loadingState('Loading history…'));
  get(`findings/${finding.id}/revisions`, null, signal).then(revisions => {
    const newestFirst = [...(Array.isArray(revisions) ? revisions : revisions.content || [])].reverse();
    body.replaceChildren(newestFirst.length
      ? h('ol', {class: 'history'}, newestFirst.map(revisionItem))
      : h('p', {class: 'muted'}, 'No history recorded.'));
  }, error => {
    if (!isAbort(error)) body.replaceChildren(problemBox(error));
  });
  return h('div', {class: 'card history-card'}, h('h3', {class: 'card__title'}, 'History'), body);
}

/** One revision: when, by which key, and each change with its old and new value where the API gives them. */
function revisionItem(revision) {
  const changes = Array.isArray(revision.changes) ? revision.changes : null;
  const fields = changes ? changes.map(c => c.field) : revision.changedFields || [];
  return h('li', {class: `revision revision--${String(revision.changeType).toLowerCase()}`},
      h('p', {class: 'revision__head'},
          h('span', {class: 'revision__type'}, word('changeType', revision.changeType)),
          ` · revision ${revision.revision} · `,
          h('time', {datetime: revision.time}, when(revision.time)),
          ' · by ', h('span', {class: 'revision__key'}, revision.keyName)),
      changes && changes.length
        ? h('dl', {class: 'changes'}, changes.map(change => h('div', {class: 'change', dataset: {field: change.field}},
            h('dt', null, fieldName(change.field)),
            h('dd', null,
                h('del', {class: 'change__old'}, hidden('Before: '), shown(change.field, change.before)),
                icon('arrow'),
                h('ins', {class: 'change__new'}, hidden('After: '), shown(change.field, change.after))))))
        : fields.length ? h('p', {class: 'revision__fields'}, 'Changed: ', fields.join(', ')) : null);
}

/** "reviewNote" as "Review note", "conceptIds" as "Concepts": the API's field names, readable. */
function fieldName(field) {
  const words = String(field).replace(/Ids$/, 's').replace(/Id$/, '').replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A value as a reader sees it: an enumeration's value in the vocabulary's words, lists joined, nothing as "none". */
function shown(field, value) {
  if (value === null || value === undefined || value === '') return 'none';
  if (Array.isArray(value)) return value.length ? value.map(v => shown(field, v)).join(', ') : 'none';
  if (typeof value === 'object') return JSON.stringify(value);
  return values(field).includes(value) ? word(field, value) : String(value);
}

/** "2026-12-07 15:03 UTC": the same on every machine, as history is compared across people. */
function when(time) {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? String(time) : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function tidy(text) {
  return (text || '').replace(/\s+/g, ' ');
}

/** The evidence sentence in context: … prefix [exact] suffix … */
function evidenceFigure(finding, evidence) {
  const before = tidy(evidence.prefix);
  const after = tidy(evidence.suffix);
  const moreBefore = evidence.start > (evidence.prefix || '').length;
  const moreAfter = (evidence.suffix || '').length >= 32;
  return h('figure', {class: 'evidence'},
      h('blockquote', {class: 'evidence__quote'},
          h('span', {class: 'evidence__context'}, moreBefore ? '…' : '', before.trimStart()),
          h('mark', {class: 'evidence__exact'}, evidence.exact),
          h('span', {class: 'evidence__context'}, after.trimEnd(), moreAfter ? '…' : '')),
      h('figcaption', {class: 'evidence__caption'},
          h('a', {class: 'button button--primary', href: `#/source/${evidence.sourceId}?finding=${finding.id}`},
              icon('source'), 'See it in the source'),
          h('span', {class: 'muted'}, `Source ${evidence.sourceId}, characters ${evidence.start}–${evidence.end}`)));
}

function mechanismsSection(ids, signal) {
  const body = h('div', {class: 'cards-grid'});
  const section = h('section', {class: 'section', 'aria-labelledby': 'finding-mechanisms-heading'},
      h('h2', {id: 'finding-mechanisms-heading'}, 'Mechanisms it supports'), body);
  if (!ids.length) {
    body.replaceWith(h('p', {class: 'muted'}, 'None: this finding supports no mechanism.'));
    return section;
  }
  Promise.all(ids.map(mechanismId => get(`mechanisms/${mechanismId}`, null, signal))).then(mechanisms => {
    body.replaceChildren(...mechanisms.map(m => {
      const card = mechanismCard(m, {description: false});
      card.querySelector('.card__title').replaceChildren(
          h('a', {href: `#/study/${m.studyId}?mechanism=${m.id}`}, m.name));
      return card;
    }));
  }, error => {
    if (!signal.aborted) body.replaceChildren(problemBox(error));
  });
  return section;
}

/** The findings of other studies closest in meaning, each with a bar for how close and a link to it. */
function relatedSection(finding, signal) {
  const body = h('div', {class: 'related__body'}, loadingState('Looking for related findings…'));
  get(`findings/${finding.id}/related`, {size: RELATED_SHOWN}, signal).then(related => {
    const items = Array.isArray(related) ? related : [];
    if (!items.length) {
      body.replaceChildren(h('p', {class: 'muted'}, 'No finding of another study is close in meaning.'));
      return;
    }
    body.replaceChildren(h('ol', {class: 'related'}, items.map(relatedItem)));
  }, error => {
    if (!isAbort(error)) body.replaceChildren(problemBox(error));
  });
  return h('section', {class: 'section', 'aria-labelledby': 'related-heading'},
      h('h2', {id: 'related-heading'}, 'Related in other studies'), body);
}

function relatedItem(item) {
  // The score is a cosine similarity; below zero nothing is shared, so the bar starts there.
  const closeness = Math.round(Math.min(Math.max(item.score || 0, 0), 1) * 100);
  const finding = item.finding;
  return h('li', {class: 'related__item', dataset: {findingId: finding.id}},
      h('a', {class: 'related__finding', href: `#/finding/${finding.id}`}, finding.statement),
      h('p', {class: 'related__meta'},
          h('span', {class: 'confidence', title: `Similarity ${item.score}`},
              h('span', {class: 'confidence__bar', 'aria-hidden': 'true'}, h('span', {style: `width: ${closeness}%`})),
              `${closeness}% similar`),
          finding.kind ? [' · ', badge('kind', finding.kind, {label: false})] : null,
          item.study ? [' · from ', h('a', {href: `#/study/${encodeURIComponent(item.study.slug)}`}, item.study.title)]
            : null));
}
