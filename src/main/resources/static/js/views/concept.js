// A concept (#/concept/{id}): its type, synonyms and MeSH id, and the studies that speak of it, each with what its
// findings say about it; from here the studies are compared side by side (all of them, or those chosen).
import {h, icon, hidden, safeHttpUrl} from '../dom.js';
import {get} from '../api.js';
import {word} from '../labels.js';
import {renderView, pagedList, findingRow} from './common.js';
import {compareHash} from './compare.js';

export function conceptView(route, app) {
  const abort = new AbortController();
  const signal = abort.signal;
  const id = route.args[0];

  renderView(app, signal, 'Loading concept…', async () => {
    const concept = await get(`concepts/${encodeURIComponent(id)}`, null, signal);
    const heading = h('h1', {class: 'page-title'}, concept.name);
    const mesh = concept.meshId
      ? safeHttpUrl(`https://meshb.nlm.nih.gov/record/ui?ui=${encodeURIComponent(concept.meshId)}`) : null;
    const count = h('span', {class: 'count-pill'});
    const chooser = studyChooser(app);
    const compareAll = h('a', {class: 'button button--primary compare-all', href: compareHash({concept: concept.id}),
      hidden: true}, 'Compare these studies side by side');
    const node = h('article', {class: 'concept-page'},
        h('header', {class: 'page-head'},
            h('p', {class: 'eyebrow'}, word('conceptType', concept.type)),
            heading,
            h('dl', {class: 'meta-grid'},
                fact('Type', word('conceptType', concept.type)),
                fact('Also called', concept.synonyms?.length ? concept.synonyms.join(', ')
                  : h('span', {class: 'muted'}, 'No synonyms')),
                fact('MeSH', mesh ? h('a', {href: mesh, rel: 'noopener noreferrer'}, concept.meshId, icon('external'))
                  : h('span', {class: 'muted'}, 'No MeSH descriptor')))),
        h('section', {class: 'section', 'aria-labelledby': 'concept-studies-heading'},
            h('h2', {id: 'concept-studies-heading'}, 'What the studies say about it', ' ', count),
            h('p', {class: 'actions'}, compareAll, chooser.button),
            pagedList({
              fetchPage: number => get(`concepts/${encodeURIComponent(id)}/studies`, {page: number, size: 20}, signal),
              renderItem: entry => studyGroup(entry, concept, chooser),
              listClass: 'study-groups',
              empty: 'No study says anything about this concept.',
              moreLabel: 'More studies',
              onTotal: total => {
                count.textContent = total.toLocaleString();
                compareAll.hidden = total === 0;
                chooser.button.hidden = total < 2;
              },
            })));
    return {node, title: concept.name, heading};
  });

  return {
    destroy() {
      abort.abort();
    },
  };
}

/** Ticking studies, then a button that compares just those (#/compare?studies=1,2). */
function studyChooser(app) {
  const chosen = new Set();
  const button = h('button', {type: 'button', class: 'button compare-chosen', hidden: true, disabled: true},
      'Compare the chosen studies');
  button.addEventListener('click', () => app.navigate(compareHash({studies: [...chosen]})));
  const toggle = (studyId, on) => {
    if (on) chosen.add(studyId); else chosen.delete(studyId);
    button.disabled = chosen.size === 0;
    button.textContent = chosen.size ? `Compare the ${chosen.size} chosen ${chosen.size === 1 ? 'study' : 'studies'}`
      : 'Compare the chosen studies';
  };
  return {button, toggle};
}

/** A study and its findings about the concept, with a link to the study and one to each finding. */
function studyGroup(entry, concept, chooser) {
  const study = entry.study;
  const box = h('input', {type: 'checkbox', class: 'study-group__choose', id: `choose-study-${study.id}`});
  box.addEventListener('change', () => chooser.toggle(study.id, box.checked));
  const findings = entry.findings || [];
  return h('li', {class: 'study-group', dataset: {studyId: study.id}},
      h('div', {class: 'study-group__head'},
          h('h3', {class: 'study-group__title'},
              h('a', {href: `#/study/${encodeURIComponent(study.slug)}`}, study.title)),
          h('label', {class: 'study-group__pick', for: box.id}, box, 'Compare', hidden(` ${study.title}`))),
      h('p', {class: 'study-group__count muted'},
          `${findings.length} ${findings.length === 1 ? 'finding' : 'findings'} about ${concept.name}`),
      h('ul', {class: 'finding-rows'}, findings.map(findingRow)));
}

function fact(name, value) {
  return h('div', {class: 'fact'}, h('dt', null, name), h('dd', null, value));
}
