// A finding (#/finding/{id}): its statement, labelled badges, the sentence it rests on in context, its concepts
// and the mechanisms it supports.
import {h, icon} from '../dom.js';
import {get, study as fetchStudy} from '../api.js';
import {badge, badgeList, percent} from '../labels.js';
import {renderView, conceptList, mechanismCard, problemBox} from './common.js';

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
      mechanismsSection(finding.mechanismIds || [], signal));
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
