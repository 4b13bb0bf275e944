// Pieces every view shares: loading and problem states, links to findings and concepts, finding rows, paged lists.
import {h, icon, hidden} from '../dom.js';
import {isAbort} from '../api.js';
import {badge, word} from '../labels.js';

export function loadingState(label) {
  return h('div', {class: 'loading', role: 'status'}, h('span', {class: 'spinner', 'aria-hidden': 'true'}), label);
}

/** The API's problem details, said politely: its title, its detail, and a way on. */
export function problemBox(error, retry, {heading = 'h2'} = {}) {
  const notFound = error?.status === 404;
  return h('div', {class: 'problem', role: 'alert'},
      h(heading, {class: 'problem__title'}, icon('alert'),
          notFound ? 'Not found' : (error?.title || 'Something went wrong')),
      h('p', null, error?.detail || error?.message || 'The request could not be completed.'),
      h('p', {class: 'problem__actions'},
          retry && !notFound ? h('button', {type: 'button', class: 'button', onclick: retry}, 'Try again') : null,
          h('a', {class: 'button button--quiet', href: '#/'}, 'Back to search')));
}

/**
 * Shows a loading state in the view's main area, then what build() resolves to, or the problem it met (with a
 * retry). build gets no arguments and should honour the view's AbortSignal itself.
 */
export async function renderView(app, signal, label, build) {
  app.main.replaceChildren(loadingState(label));
  app.main.setAttribute('aria-busy', 'true');
  try {
    const {node, title, heading} = await build();
    if (signal.aborted) return;
    app.main.replaceChildren(node);
    app.ready(title, heading);
  } catch (error) {
    if (isAbort(error) || signal.aborted) return;
    const box = problemBox(error, () => renderView(app, signal, label, build), {heading: 'h1'});
    app.main.replaceChildren(box);
    app.ready(error?.status === 404 ? 'Not found' : 'Problem', box.querySelector('h1'));
  } finally {
    if (!signal.aborted) app.main.removeAttribute('aria-busy');
  }
}

export function notFoundView(route, app) {
  const box = problemBox({status: 404, detail: `There is no page at “${route.hash}”.`}, null, {heading: 'h1'});
  app.main.append(box);
  app.ready('Not found', box.querySelector('h1'));
  return {};
}

/** Links to the findings a sentence rests on, e.g. "Findings 3, 5". */
export function findingRefs(ids) {
  if (!ids?.length) return null;
  return h('span', {class: 'refs'},
      ids.map(id => h('a', {class: 'ref', href: `#/finding/${id}`, title: `Finding ${id}`}, hidden('Finding '), String(id))));
}

export function conceptChip(concept) {
  return h('a', {class: `concept concept--${String(concept.type).toLowerCase().replace(/_/g, '-')}`,
    href: `#/concept/${concept.id}`},
  concept.name, h('span', {class: 'concept__type'}, hidden(', '), word('conceptType', concept.type)));
}

export function conceptList(concepts, empty = 'None stated') {
  if (!concepts?.length) return h('span', {class: 'muted'}, empty);
  return h('ul', {class: 'concepts'}, concepts.map(concept => h('li', null, conceptChip(concept))));
}

/** One finding in a list: its statement as a link and its kind, timescale and certainty. */
export function findingRow(finding) {
  return h('li', {class: 'finding-row'},
      h('a', {class: 'finding-row__statement', href: `#/finding/${finding.id}`}, finding.statement),
      h('span', {class: 'finding-row__badges'},
          badge('kind', finding.kind),
          finding.timescale ? badge('timescale', finding.timescale) : null,
          badge('certainty', finding.certainty),
          finding.reviewStatus && finding.reviewStatus !== 'UNREVIEWED' ? badge('reviewStatus', finding.reviewStatus) : null));
}

/**
 * A list filled page by page from the API (page numbers), with a "Load more" button while pages remain.
 * fetchPage(number) resolves to a page {content, page}; renderItem(item) makes an <li>.
 */
export function pagedList({fetchPage, renderItem, listClass, empty, moreLabel = 'Load more', onTotal}) {
  const list = h('ul', {class: listClass});
  const more = h('button', {type: 'button', class: 'button button--quiet more', hidden: true}, moreLabel);
  const status = h('div', {class: 'paged__status'});
  const root = h('div', {class: 'paged'}, list, status, more);
  let number = 0;
  const load = async () => {
    more.disabled = true;
    status.replaceChildren(loadingState('Loading…'));
    try {
      const page = await fetchPage(number);
      status.replaceChildren();
      const items = page.content.map(renderItem);
      list.append(...items);
      if (number === 0) {
        onTotal?.(page.page?.totalElements ?? page.content.length);
        if (!page.content.length) status.append(h('p', {class: 'muted'}, empty));
      } else {
        items[0]?.querySelector('a, button')?.focus();
      }
      number++;
      more.hidden = !(page.page && number < page.page.totalPages);
    } catch (error) {
      if (isAbort(error)) return;
      status.replaceChildren(problemBox(error, load));
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', load);
  load();
  return root;
}

/** A labelled group of concepts (brain regions, pathways...) for a mechanism card. */
export function conceptGroup(name, concepts) {
  return h('div', {class: 'fact'}, h('dt', null, name), h('dd', null, conceptList(concepts)));
}

/** A mechanism as a card: name, timescale, onset, regions, pathways, cell types, interventions, findings. */
export function mechanismCard(mechanism, {headingLevel = 'h3', description = true} = {}) {
  return h('article', {class: 'card mechanism', id: `mechanism-${mechanism.id}`, 'aria-labelledby': `mechanism-${mechanism.id}-name`},
      h('div', {class: 'card__top'},
          mechanism.timescale ? badge('timescale', mechanism.timescale) : h('span', {class: 'badge'}, 'Timescale not stated'),
          h('span', {class: 'onset'}, icon('clock'),
              mechanism.onset ? ['Onset: ', h('strong', null, mechanism.onset)] : 'Onset not stated')),
      h(headingLevel, {class: 'card__title', id: `mechanism-${mechanism.id}-name`}, mechanism.name),
      description && mechanism.description ? h('p', {class: 'mechanism__description'}, mechanism.description) : null,
      h('dl', {class: 'facts'},
          conceptGroup('Brain regions', mechanism.brainRegions),
          conceptGroup('Pathways', mechanism.pathways),
          conceptGroup('Cell types', mechanism.cellTypes),
          conceptGroup('Interventions', mechanism.interventions)),
      mechanism.findingIds?.length ? h('p', {class: 'card__refs'}, 'Evidence: ', findingRefs(mechanism.findingIds)) : null);
}
