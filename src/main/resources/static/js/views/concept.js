// A concept (#/concept/{id}): its type, synonyms and MeSH id, and the findings that mention it.
import {h, icon, safeHttpUrl} from '../dom.js';
import {get} from '../api.js';
import {word} from '../labels.js';
import {renderView, pagedList, findingRow} from './common.js';

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
        h('section', {class: 'section', 'aria-labelledby': 'concept-findings-heading'},
            h('h2', {id: 'concept-findings-heading'}, 'Findings that mention it', ' ', count),
            pagedList({
              fetchPage: number => get(`concepts/${encodeURIComponent(id)}/findings`, {page: number, size: 50}, signal),
              renderItem: findingRow,
              listClass: 'finding-rows',
              empty: 'No finding mentions this concept.',
              moreLabel: 'More findings',
              onTotal: total => (count.textContent = total.toLocaleString()),
            })));
    return {node, title: concept.name, heading};
  });

  return {
    destroy() {
      abort.abort();
    },
  };
}

function fact(name, value) {
  return h('div', {class: 'fact'}, h('dt', null, name), h('dd', null, value));
}
