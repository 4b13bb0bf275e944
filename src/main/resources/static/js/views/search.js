// Live search (#/search?q=...&kind=...) with facet filters and cursor paging; without a query, the home page.
import {h, hidden, icon, replace, safeSnippet} from '../dom.js';
import {get, isAbort, study as fetchStudy} from '../api.js';
import {badge, word, FACET_NAMES} from '../labels.js';
import {loadingState, problemBox, pagedList, conceptChip} from './common.js';

const FILTERS = ['type', 'kind', 'timescale', 'certainty', 'conceptType', 'studyId'];
const PAGE_SIZE = 20;

/** The permalink of a search: the query and its filters, in a stable order. */
export function searchHash(params) {
  const clean = new URLSearchParams();
  for (const name of ['q', ...FILTERS]) {
    const value = (params.get(name) || '').trim();
    if (value) clean.set(name, value);
  }
  const query = clean.toString();
  return query ? `#/search?${query}` : '#/';
}

function selectedTypes(params) {
  return (params.get('type') || '').split(',').map(t => t.trim()).filter(Boolean);
}

function hitHref(hit) {
  switch (hit.type) {
    case 'finding': return `#/finding/${hit.id}`;
    case 'study': return `#/study/${hit.id}`;
    case 'mechanism': return hit.studyId ? `#/study/${hit.studyId}?mechanism=${hit.id}` : null;
    case 'concept': return `#/concept/${hit.id}`;
    default: return null;
  }
}

export function searchView(route, app) {
  const viewAbort = new AbortController();
  let searchAbort = null;
  let sequence = 0;
  let mode = null;
  let params = null;
  let cursor = null;
  let pendingFocus = null;
  const studyTitles = new Map();
  const root = h('div', {class: 'search-view'});
  app.main.append(root);

  // ---- results ----
  const heading = h('h1', {class: 'search__heading', id: 'results-heading'}, 'Search results');
  const count = h('p', {class: 'result-count', id: 'result-count', role: 'status', 'aria-live': 'polite'});
  const activeFilters = h('div', {class: 'active-filters'});
  const facetGroups = h('div', {class: 'facet-groups'});
  const facets = h('details', {class: 'facets', open: !matchMedia('(max-width: 700px)').matches},
      h('summary', {class: 'facets__summary'}, h('span', {class: 'facets__title'}, 'Refine results')),
      facetGroups);
  const hits = h('ol', {class: 'hits'});
  const resultsStatus = h('div', {class: 'results__status'});
  const more = h('button', {type: 'button', class: 'button more', hidden: true, onclick: () => loadMore()},
      'Load more results');
  const results = h('section', {class: 'results', 'aria-labelledby': 'results-heading'}, hits, resultsStatus, more);
  const resultsLayout = h('div', {class: 'search-layout'},
      h('div', {class: 'search-head'}, heading, count, activeFilters), facets, results);

  function update(next) {
    params = next.params;
    const q = (params.get('q') || '').trim();
    if (!q) {
      showHome();
    } else {
      if (mode !== 'results') {
        mode = 'results';
        root.replaceChildren(resultsLayout);
      }
      runSearch();
    }
    return true;
  }

  function apiParams(extra) {
    const query = {q: params.get('q'), size: PAGE_SIZE, ...extra};
    for (const name of FILTERS) query[name] = params.get(name);
    return query;
  }

  async function runSearch() {
    searchAbort?.abort();
    searchAbort = new AbortController();
    const mine = ++sequence;
    const q = params.get('q').trim();
    results.setAttribute('aria-busy', 'true');
    results.classList.add('is-loading');
    if (!hits.children.length) resultsStatus.replaceChildren(loadingState('Searching…'));
    renderActiveFilters();
    try {
      const page = await get('search', apiParams(), searchAbort.signal);
      if (mine !== sequence) return;
      (page.facets?.study || []).forEach(s => studyTitles.set(s.id, s.title));
      resultsStatus.replaceChildren();
      hits.replaceChildren(...page.content.map(renderHit));
      cursor = page.cursor || null;
      more.hidden = !cursor;
      const total = page.page?.totalElements ?? page.content.length;
      count.textContent = `${total.toLocaleString()} ${total === 1 ? 'result' : 'results'} for “${q}”`
          + (FILTERS.some(name => params.get(name)) ? ', filtered' : '');
      if (!page.content.length) {
        resultsStatus.replaceChildren(h('div', {class: 'empty'},
            h('p', null, 'Nothing matches. Try fewer or other words, a word’s beginning with *, or clear the filters.')));
      }
      renderFacets(page.facets || {});
      app.ready(`Search: ${q}`, heading);
    } catch (error) {
      if (isAbort(error) || mine !== sequence) return;
      hits.replaceChildren();
      more.hidden = true;
      count.textContent = 'The search could not be completed.';
      resultsStatus.replaceChildren(problemBox(error, runSearch));
      facetGroups.replaceChildren();
      app.ready(`Search: ${q}`, heading);
    } finally {
      if (mine === sequence) {
        results.removeAttribute('aria-busy');
        results.classList.remove('is-loading');
      }
    }
  }

  async function loadMore() {
    if (!cursor) return;
    const mine = sequence;
    more.disabled = true;
    resultsStatus.replaceChildren(loadingState('Loading more…'));
    try {
      const page = await get('search', apiParams({cursor}), searchAbort.signal);
      if (mine !== sequence) return;
      resultsStatus.replaceChildren();
      const items = page.content.map(renderHit);
      hits.append(...items);
      cursor = page.cursor || null;
      more.hidden = !cursor;
      items[0]?.querySelector('a')?.focus();
    } catch (error) {
      if (isAbort(error) || mine !== sequence) return;
      resultsStatus.replaceChildren(problemBox(error, loadMore));
    } finally {
      more.disabled = false;
    }
  }

  function renderHit(hit) {
    const snippet = safeSnippet(hit.snippet);
    const snippetIsTitle = snippet && snippet.textContent === hit.title;
    const href = hitHref(hit);
    const title = snippetIsTitle ? snippet : hit.title;
    const studyLine = h('span', {class: 'hit__study'});
    if (hit.studyId && hit.type !== 'study') {
      const fill = text => studyLine.replaceChildren('in ', h('a', {href: `#/study/${hit.studyId}`}, text));
      if (studyTitles.has(hit.studyId)) {
        fill(studyTitles.get(hit.studyId));
      } else {
        fetchStudy(hit.studyId).then(s => {
          studyTitles.set(s.id, s.title);
          fill(s.title);
        }, () => {});
      }
    }
    return h('li', {class: `hit hit--${hit.type}`},
        h('div', {class: 'hit__meta'}, badge('type', hit.type, {label: false}), studyLine),
        h('h2', {class: 'hit__title'}, href ? h('a', {href}, title) : title),
        snippet && !snippetIsTitle ? h('p', {class: 'hit__snippet'}, snippet) : null);
  }

  function navigateWith(change, focusTarget) {
    const next = new URLSearchParams(params);
    change(next);
    pendingFocus = focusTarget;
    app.navigate(searchHash(next), {focus: false});
  }

  function renderFacets(counts) {
    const types = selectedTypes(params);
    const groups = [];
    const typeEntries = Object.entries(counts.type || {}).map(([value, n]) => ({
      value, label: word('type', value), count: types.length && !types.includes(value) ? null : n,
    }));
    groups.push(facetGroup('type', typeEntries, value => types.includes(value), value => navigateWith(next => {
      const chosen = types.includes(value) ? types.filter(t => t !== value) : [...types, value];
      if (chosen.length) next.set('type', chosen.join(',')); else next.delete('type');
    }, {facet: 'type', value})));
    for (const facet of ['kind', 'timescale', 'certainty', 'conceptType']) {
      const entries = Object.entries(counts[facet] || {}).map(([value, n]) => ({value, label: word(facet, value), count: n}));
      groups.push(singleChoice(facet, entries));
    }
    const studyEntries = (counts.study || []).map(s => ({value: String(s.id), label: s.title || `Study ${s.id}`, count: s.count}));
    groups.push(singleChoice('studyId', studyEntries));
    facetGroups.replaceChildren(...groups.filter(Boolean));
    const active = FILTERS.filter(name => params.get(name)).length;
    facets.querySelector('.facets__title').textContent = active ? `Refine results (${active} active)` : 'Refine results';
    if (pendingFocus) {
      const chip = facetGroups.querySelector(
          `[data-facet="${pendingFocus.facet}"][data-value="${CSS.escape(pendingFocus.value)}"]`);
      (chip || heading).focus();
      pendingFocus = null;
    }
  }

  function singleChoice(facet, entries) {
    const selected = params.get(facet);
    if (selected && !entries.some(e => e.value === selected)) {
      entries.push({value: selected, label: facet === 'studyId' ? studyTitles.get(Number(selected)) || `Study ${selected}`
        : word(facet, selected), count: 0});
    }
    return facetGroup(facet, entries, value => value === selected, value => navigateWith(next => {
      if (value === selected) next.delete(facet); else next.set(facet, value);
    }, {facet, value}));
  }

  function facetGroup(facet, entries, isPressed, toggle) {
    if (!entries.length) return null;
    const legendId = `facet-${facet}`;
    return h('div', {class: 'facet', role: 'group', 'aria-labelledby': legendId},
        h('p', {class: 'facet__name', id: legendId}, FACET_NAMES[facet]),
        h('ul', {class: 'chips'}, entries.map(entry => h('li', null,
            h('button', {
              type: 'button', class: 'chip', 'aria-pressed': String(isPressed(entry.value)),
              disabled: entry.count === 0 && !isPressed(entry.value),
              dataset: {facet, value: entry.value, count: entry.count ?? ''}, onclick: () => toggle(entry.value),
            },
            h('span', {class: 'chip__check', 'aria-hidden': 'true'}),
            h('span', {class: 'chip__label'}, entry.label),
            entry.count === null ? null
              : h('span', {class: 'chip__count'}, hidden(', '), entry.count.toLocaleString(),
                  hidden(entry.count === 1 ? ' hit' : ' hits')))))));
  }

  function renderActiveFilters() {
    const active = FILTERS.filter(name => params.get(name));
    if (!active.length) {
      activeFilters.replaceChildren();
      return;
    }
    const label = (name, value) => name === 'studyId' ? studyTitles.get(Number(value)) || `Study ${value}`
      : name === 'type' ? value.split(',').map(t => word('type', t)).join(', ') : word(name, value);
    replace(activeFilters, h('span', {class: 'active-filters__label'}, 'Filters:'),
        active.map(name => h('button', {
          type: 'button', class: 'chip chip--remove', onclick: () => navigateWith(next => next.delete(name), null),
        }, `${FACET_NAMES[name]}: ${label(name, params.get(name))}`, icon('close'), hidden(' (remove)'))),
        h('button', {
          type: 'button', class: 'link-button',
          onclick: () => navigateWith(next => FILTERS.forEach(name => next.delete(name)), null),
        }, 'Clear all'));
  }

  // ---- home: no query yet ----
  function showHome() {
    searchAbort?.abort();
    sequence++;
    if (mode === 'home') return;
    mode = 'home';
    const homeHeading = h('h1', {class: 'hero__title'}, 'What did the study find, and where does it say so?');
    const stats = h('dl', {class: 'stats'});
    get('', null, viewAbort.signal).then(index => {
      const counts = index.counts || {};
      stats.replaceChildren(...['studies', 'findings', 'mechanisms', 'concepts'].filter(n => typeof counts[n] === 'number')
          .map(n => h('div', {class: 'stat'}, h('dt', null, word('label', n)), h('dd', null, counts[n].toLocaleString()))));
    }, () => {});
    const concepts = h('div', {class: 'concept-cloud'}, loadingState('Loading concepts…'));
    get('concepts', {size: 40}, viewAbort.signal).then(page => {
      concepts.replaceChildren(h('ul', {class: 'concepts'}, page.content.map(c => h('li', null, conceptChip(c)))));
    }, error => {
      if (!isAbort(error)) concepts.replaceChildren(problemBox(error));
    });
    root.replaceChildren(
        h('section', {class: 'hero'},
            homeHeading,
            h('p', {class: 'hero__lead'}, 'Findings KB turns science-news articles into studies, findings and the ',
                'mechanisms behind them. Every finding links to the exact sentence it came from, and says how ',
                'fast it acts and how firmly it is stated.'),
            h('p', {class: 'hero__hint'}, icon('search'),
                'Start typing in the search box: words, “quoted phrases”, -excluded words, prefix*.'),
            stats),
        h('section', {class: 'home-section', 'aria-labelledby': 'studies-heading'},
            h('h2', {id: 'studies-heading'}, 'Studies'),
            pagedList({
              fetchPage: number => get('studies', {page: number, size: PAGE_SIZE}, viewAbort.signal),
              renderItem: studyCard,
              listClass: 'study-cards',
              empty: 'No studies yet.',
              moreLabel: 'More studies',
            })),
        h('section', {class: 'home-section', 'aria-labelledby': 'concepts-heading'},
            h('h2', {id: 'concepts-heading'}, 'Concepts'),
            concepts));
    app.ready(null, homeHeading);
  }

  update(route);
  return {
    update,
    destroy() {
      viewAbort.abort();
      searchAbort?.abort();
    },
  };
}

function studyCard(study) {
  const reported = study.source ? [study.source.publisher, study.source.publishedYear].filter(Boolean).join(', ') : '';
  return h('li', {class: 'card study-card'},
      h('h3', {class: 'study-card__title'}, h('a', {href: `#/study/${encodeURIComponent(study.slug || study.id)}`}, study.title)),
      h('p', {class: 'meta'}, [study.institution, study.journal, study.publishedYear].filter(Boolean).join(' · ')
          || 'Institution not stated'),
      reported ? h('p', {class: 'meta study-card__reported'}, `Reported by ${reported}`) : null,
      h('p', {class: 'study-card__population'}, h('span', {class: 'muted'}, 'Population: '),
          study.population || 'not stated'),
      h('p', {class: 'study-card__counts'},
          `${study.findingCount ?? 0} findings · ${study.mechanismCount ?? 0} mechanisms`));
}
