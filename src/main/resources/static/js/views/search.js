// Live search (#/search?q=...&kind=...) with facet filters and cursor paging; filters without words browse
// (#/search?kind=RESULT); with neither, the home page.
import {h, hidden, icon, replace, safeSnippet} from '../dom.js';
import {get, isAbort, study as fetchStudy} from '../api.js';
import {badge, hint, word, values, FACET_NAMES} from '../labels.js';
import {loadingState, problemBox, pagedList, conceptChip} from './common.js';

const FILTERS = ['type', 'kind', 'timescale', 'certainty', 'conceptType', 'studyId'];
/** The facets a reader can browse findings by without typing a word. */
const BROWSE_FACETS = ['kind', 'timescale', 'certainty', 'conceptType'];
const PAGE_SIZE = 20;

// Whether the search API lists hits without words. An API that refuses a search without q is browsed through its
// findings list instead (same filters, no facet counts); learnt from the first refusal, once per page load.
let searchBrowses = true;

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

/** A hit's type in lower case: older answers say "finding", the contract's newer ones "STUDY" and "SOURCE". */
function hitType(hit) {
  return String(hit.type || '').toLowerCase();
}

function hitStudyId(hit) {
  return hit.study?.id ?? hit.studyId ?? null;
}

function hitHref(hit) {
  switch (hitType(hit)) {
    case 'finding': return `#/finding/${hit.id}`;
    case 'study': return `#/study/${encodeURIComponent(hit.slug || hit.study?.slug || hit.id)}`;
    case 'mechanism': return hitStudyId(hit) ? `#/study/${hitStudyId(hit)}?mechanism=${hit.id}` : null;
    case 'concept': return `#/concept/${hit.id}`;
    case 'source': return `#/source/${hit.id}${Number.isInteger(hit.start) && Number.isInteger(hit.end)
      ? `?start=${hit.start}&end=${hit.end}` : ''}`;
    default: return null;
  }
}

/** A finding of the findings list, in the shape of a search hit. */
function findingHit(finding) {
  return {type: 'finding', id: finding.id, title: finding.statement, snippet: null, studyId: finding.studyId,
    kind: finding.kind, timescale: finding.timescale, certainty: finding.certainty};
}

export function searchView(route, app) {
  const viewAbort = new AbortController();
  let searchAbort = null;
  let sequence = 0;
  let mode = null;
  let params = null;
  let next = null; // the next page: {cursor} of a search, {page} of a findings list, null after the last
  let pendingFocus = null;
  const studyTitles = new Map();
  const root = h('div', {class: 'search-view'});
  app.main.append(root);

  // ---- results ----
  const heading = h('h1', {class: 'search__heading', id: 'results-heading'}, 'Search results');
  const words = () => (params.get('q') || '').trim();
  const filtered = () => FILTERS.some(name => params.get(name));
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
    if (!words() && !filtered()) {
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
    const query = {q: words(), size: PAGE_SIZE, ...extra};
    for (const name of FILTERS) query[name] = params.get(name);
    // Browsing without words lists findings, unless the reader chose other types.
    if (!query.q && !query.type) query.type = 'finding';
    return query;
  }

  /** One page of hits: the first, or the one after the last shown; browsing falls back to the findings list. */
  async function fetchHits(following, signal) {
    const q = words();
    if (q || searchBrowses) {
      try {
        const page = await get('search', apiParams(following ? {cursor: next.cursor} : {}), signal);
        return {hits: page.content, total: page.page?.totalElements ?? page.content.length, facets: page.facets || null,
          next: page.cursor ? {cursor: page.cursor} : null};
      } catch (error) {
        if (q || error.status !== 400 || !/'q'/.test(error.detail || '')) throw error;
        searchBrowses = false;
      }
    }
    const number = following ? next.page : 0;
    const query = {page: number, size: PAGE_SIZE};
    for (const name of FILTERS) if (name !== 'type') query[name] = params.get(name);
    const page = await get('findings', query, signal);
    return {hits: page.content.map(findingHit), total: page.page?.totalElements ?? page.content.length, facets: null,
      next: page.page && number + 1 < page.page.totalPages ? {page: number + 1} : null};
  }

  /** What the results are of: “words”, or the filters alone when browsing. */
  function subject() {
    const q = words();
    return q ? `“${q}”` : 'the chosen filters';
  }

  async function runSearch() {
    searchAbort?.abort();
    searchAbort = new AbortController();
    const mine = ++sequence;
    const q = words();
    heading.textContent = q ? 'Search results' : 'Browse findings';
    const title = q ? `Search: ${q}` : `Browse: ${activeLabels().join(', ')}`;
    results.setAttribute('aria-busy', 'true');
    results.classList.add('is-loading');
    if (!hits.children.length) resultsStatus.replaceChildren(loadingState('Searching…'));
    renderActiveFilters();
    try {
      const page = await fetchHits(false, searchAbort.signal);
      if (mine !== sequence) return;
      (page.facets?.study || []).forEach(s => studyTitles.set(s.id, s.title));
      resultsStatus.replaceChildren();
      hits.replaceChildren(...page.hits.map(renderHit));
      next = page.next;
      more.hidden = !next;
      const total = page.total;
      count.textContent = `${total.toLocaleString()} ${total === 1 ? 'result' : 'results'} for ${subject()}`
          + (q && filtered() ? ', filtered' : '');
      if (!page.hits.length) {
        resultsStatus.replaceChildren(h('div', {class: 'empty'},
            h('p', null, 'Nothing matches. Try fewer or other words, a word’s beginning with *, or clear the filters.')));
      }
      renderFacets(page.facets);
      app.ready(title, heading);
    } catch (error) {
      if (isAbort(error) || mine !== sequence) return;
      hits.replaceChildren();
      more.hidden = true;
      count.textContent = 'The search could not be completed.';
      resultsStatus.replaceChildren(problemBox(error, runSearch));
      facetGroups.replaceChildren();
      app.ready(title, heading);
    } finally {
      if (mine === sequence) {
        results.removeAttribute('aria-busy');
        results.classList.remove('is-loading');
      }
    }
  }

  async function loadMore() {
    if (!next) return;
    const mine = sequence;
    more.disabled = true;
    resultsStatus.replaceChildren(loadingState('Loading more…'));
    try {
      const page = await fetchHits(true, searchAbort.signal);
      if (mine !== sequence) return;
      resultsStatus.replaceChildren();
      const items = page.hits.map(renderHit);
      hits.append(...items);
      next = page.next;
      more.hidden = !next;
      items[0]?.querySelector('a')?.focus();
    } catch (error) {
      if (isAbort(error) || mine !== sequence) return;
      resultsStatus.replaceChildren(problemBox(error, loadMore));
    } finally {
      more.disabled = false;
    }
  }

  function renderHit(hit) {
    const type = hitType(hit);
    const snippet = safeSnippet(hit.snippet);
    const snippetIsTitle = snippet && snippet.textContent === hit.title;
    const href = hitHref(hit);
    const title = snippetIsTitle ? snippet : hit.title;
    const studyLine = h('span', {class: 'hit__study'});
    const studyId = hitStudyId(hit);
    if (studyId && type !== 'study') {
      const fill = (text, slug) => studyLine.replaceChildren('in ',
          h('a', {href: `#/study/${encodeURIComponent(slug || studyId)}`}, text));
      if (hit.study?.title) {
        fill(hit.study.title, hit.study.slug);
      } else if (studyTitles.has(studyId)) {
        fill(studyTitles.get(studyId));
      } else {
        fetchStudy(studyId).then(s => {
          studyTitles.set(s.id, s.title);
          fill(s.title, s.slug);
        }, () => {});
      }
    }
    // Kind, timescale and certainty where the hit carries them (finding hits of newer APIs and browsed findings).
    const facts = ['kind', 'timescale', 'certainty'].filter(field => hit[field]).map(field => badge(field, hit[field]));
    return h('li', {class: `hit hit--${type}`},
        h('div', {class: 'hit__meta'}, badge('type', type, {label: false}),
            facts.length ? h('span', {class: 'hit__badges'}, facts) : null, studyLine),
        h('h2', {class: 'hit__title'}, href ? h('a', {href}, title) : title),
        snippet && !snippetIsTitle ? h('p', {class: 'hit__snippet'}, snippet) : null);
  }

  function navigateWith(change, focusTarget) {
    const next = new URLSearchParams(params);
    change(next);
    pendingFocus = focusTarget;
    app.navigate(searchHash(next), {focus: false});
  }

  function renderFacets(facetCounts) {
    // Without counts (a browsed findings list) every value of the vocabulary is offered, uncounted.
    const counts = facetCounts || Object.fromEntries(BROWSE_FACETS.map(facet =>
      [facet, Object.fromEntries(values(facet).map(value => [value, null]))]));
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

  function filterLabel(name, value) {
    return name === 'studyId' ? studyTitles.get(Number(value)) || `Study ${value}`
      : name === 'type' ? value.split(',').map(t => word('type', t)).join(', ') : word(name, value);
  }

  /** "Kind: Result" for every filter in force. */
  function activeLabels() {
    return FILTERS.filter(name => params.get(name)).map(name => `${FACET_NAMES[name]}: ${filterLabel(name, params.get(name))}`);
  }

  function renderActiveFilters() {
    const active = FILTERS.filter(name => params.get(name));
    if (!active.length) {
      activeFilters.replaceChildren();
      return;
    }
    replace(activeFilters, h('span', {class: 'active-filters__label'}, 'Filters:'),
        active.map(name => h('button', {
          type: 'button', class: 'chip chip--remove', onclick: () => navigateWith(next => next.delete(name), null),
        }, `${FACET_NAMES[name]}: ${filterLabel(name, params.get(name))}`, icon('close'), hidden(' (remove)'))),
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
        browseSection(),
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

/** Links that browse findings by one facet value, no words needed: the vocabulary's values, in its words. */
function browseSection() {
  const groups = BROWSE_FACETS.filter(facet => values(facet).length).map(facet => h('div', {
    class: 'facet', role: 'group', 'aria-labelledby': `browse-${facet}`,
  },
  h('p', {class: 'facet__name', id: `browse-${facet}`}, FACET_NAMES[facet]),
  h('ul', {class: 'chips'}, values(facet).map(value => h('li', null,
      h('a', {class: 'chip chip--link', href: searchHash(new URLSearchParams({[facet]: value})), title: hint(facet, value),
        dataset: {facet, value}}, word(facet, value)))))));
  if (!groups.length) return null;
  return h('section', {class: 'home-section browse', 'aria-labelledby': 'browse-heading'},
      h('h2', {id: 'browse-heading'}, 'Browse findings'),
      h('p', {class: 'browse__lead'}, 'No words needed: pick what kind of finding, how fast it acts, how firmly it is ',
          'stated or what it is about, then narrow down.'),
      h('div', {class: 'browse__groups'}, groups));
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
