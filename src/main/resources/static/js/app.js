// The page's router: every view has a hash permalink (#/search?q=..., #/study/{slug}, #/finding/{id},
// #/source/{id}?finding={id}, #/concept/{id}, #/compare?concept={id} or ?studies={id},{id}, #/suggestions), so
// reloads, shared links and back/forward all work.
import {searchView, searchHash} from './views/search.js';
import {studyView} from './views/study.js';
import {findingView} from './views/finding.js';
import {sourceView} from './views/source.js';
import {conceptView} from './views/concept.js';
import {compareView} from './views/compare.js';
import {suggestionsView} from './views/suggestions.js';
import {notFoundView} from './views/common.js';
import {get} from './api.js';
import {loadVocabulary} from './labels.js';

const ROUTES = [
  {name: 'search', pattern: /^\/(?:search)?$/, view: searchView},
  {name: 'study', pattern: /^\/study\/([^/]+)$/, view: studyView},
  {name: 'finding', pattern: /^\/finding\/(\d+)$/, view: findingView},
  {name: 'source', pattern: /^\/source\/(\d+)$/, view: sourceView},
  {name: 'concept', pattern: /^\/concept\/(\d+)$/, view: conceptView},
  {name: 'compare', pattern: /^\/compare$/, view: compareView},
  {name: 'suggestions', pattern: /^\/suggestions$/, view: suggestionsView},
];

const SEARCH_DELAY_MS = 200;

/** Splits "#/path?query" into its path, its decoded path arguments and its query parameters. */
export function parseHash(hash) {
  const raw = (hash || '').replace(/^#/, '') || '/';
  const questionMark = raw.indexOf('?');
  const path = questionMark < 0 ? raw : raw.slice(0, questionMark);
  const params = new URLSearchParams(questionMark < 0 ? '' : raw.slice(questionMark + 1));
  return {hash: `#${raw}`, path, params};
}

class App {
  constructor() {
    this.main = document.getElementById('main');
    this.input = document.getElementById('search-input');
    this.current = null;
    this.renderedHash = null;
    this.searchTimer = null;
  }

  start() {
    window.addEventListener('hashchange', () => this.route({focus: true}));
    window.addEventListener('popstate', () => this.route({focus: true}));
    this.wireSearchBox();
    document.querySelector('.skip-link').addEventListener('click', event => {
      event.preventDefault();
      this.main.focus();
    });
    this.route({focus: false});
    this.showCounts();
  }

  /** Goes to a hash: pushed on the history, or replacing the current entry (as live search does while typing). */
  navigate(hash, {replace = false, focus = true} = {}) {
    if (hash === location.hash) return;
    history[replace ? 'replaceState' : 'pushState'](null, '', hash);
    this.route({focus});
  }

  /** Changes the address without rendering again (a view that already shows what the new address names). */
  rewrite(hash) {
    history.replaceState(null, '', hash);
    this.renderedHash = parseHash(location.hash).hash;
  }

  route({focus}) {
    // Hashes that are not routes ("#main" of the skip link) are in-page anchors, not views.
    if (location.hash && !location.hash.startsWith('#/')) return;
    const route = parseHash(location.hash);
    if (route.hash === this.renderedHash) return;
    this.renderedHash = route.hash;
    this.clearPendingSearch();
    let match = null;
    const found = ROUTES.find(candidate => (match = candidate.pattern.exec(route.path)));
    route.args = match ? match.slice(1).map(decodeURIComponent) : [];
    // The box follows the address (back, forward, shared links) but never undoes what is being typed.
    const q = route.params.get('q') || '';
    if (found && found.name === 'search' && this.input.value.trim() !== q.trim()) this.input.value = q;
    if (this.current && found && this.current.name === found.name && this.current.controller.update?.(route)) {
      return;
    }
    this.current?.controller.destroy?.();
    this.main.replaceChildren();
    this.main.removeAttribute('aria-busy');
    window.scrollTo(0, 0);
    this.focusOnReady = focus;
    this.current = found
      ? {name: found.name, controller: found.view(route, this)}
      : {name: 'not-found', controller: notFoundView(route, this)};
  }

  /** Called by a view once its content is in place: names the page and moves focus to its heading. */
  ready(title, heading) {
    document.title = title ? `${title} · Findings KB` : 'Findings KB';
    if (this.focusOnReady && heading) {
      if (!heading.matches('a[href], button, input, [tabindex]')) heading.setAttribute('tabindex', '-1');
      heading.focus({preventScroll: true});
    }
    this.focusOnReady = false;
  }

  wireSearchBox() {
    const form = document.getElementById('search-form');
    const go = () => {
      this.clearPendingSearch();
      const onSearch = this.current?.name === 'search';
      const params = onSearch ? parseHash(location.hash).params : new URLSearchParams();
      params.set('q', this.input.value.trim());
      params.delete('cursor');
      // Typing refines the current search in place; the first keystroke elsewhere opens the search view.
      this.navigate(searchHash(params), {replace: onSearch, focus: false});
    };
    this.input.addEventListener('input', () => {
      this.clearPendingSearch();
      this.searchTimer = setTimeout(go, SEARCH_DELAY_MS);
    });
    form.addEventListener('submit', event => {
      event.preventDefault();
      go();
    });
  }

  clearPendingSearch() {
    clearTimeout(this.searchTimer);
    this.searchTimer = null;
  }

  async showCounts() {
    const footer = document.getElementById('footer-counts');
    try {
      const index = await get('');
      const counts = index.counts || {};
      footer.textContent = ['studies', 'findings', 'mechanisms', 'concepts', 'sources']
          .filter(name => typeof counts[name] === 'number')
          .map(name => `${counts[name].toLocaleString()} ${counts[name] === 1 ? name.replace(/ies$/, 'y').replace(/s$/, '') : name}`)
          .join(' · ');
    } catch {
      footer.textContent = '';
    }
  }
}

// Labels come from the API's vocabulary, so views wait for it (it answers from memory, once per page load).
loadVocabulary().then(() => new App().start());
