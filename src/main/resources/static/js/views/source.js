// A source (#/source/{id}?finding={id}): the full text with every evidence span as a link to its finding, coloured
// by the finding's kind (with a "results only" switch), and a panel that shows the finding of the selected span.
import {h, icon, replace, safeHttpUrl} from '../dom.js';
import {get, isAbort, study as fetchStudy} from '../api.js';
import {badge, badgeList, word} from '../labels.js';
import {renderView, loadingState, problemBox} from './common.js';
import {highlightedText} from '../spans.js';

export function sourceView(route, app) {
  const abort = new AbortController();
  const signal = abort.signal;
  const id = route.args[0];
  let source = null;
  let findings = []; // the findings of the source's studies, which name each highlight's kind
  let panelAbort = null;
  let selected = null;
  const text = h('div', {class: 'source-text', lang: 'en'});
  const panel = h('aside', {class: 'finding-panel', 'aria-labelledby': 'panel-heading'});

  const highlightsOf = findingId => [...text.querySelectorAll('a.hl')]
      .filter(link => link.dataset.findings.split(' ').includes(String(findingId)));

  const onKey = event => {
    if (event.key === 'Escape' && selected && panel.contains(document.activeElement)) close();
  };
  document.addEventListener('keydown', onKey);

  function close() {
    const back = highlightsOf(selected)[0];
    app.navigate(`#/source/${id}`, {focus: false});
    back?.focus();
  }

  function select(findingId, {scroll}) {
    selected = findingId || null;
    for (const link of text.querySelectorAll('a.hl.is-active')) {
      link.classList.remove('is-active');
      link.removeAttribute('aria-current');
    }
    const links = selected ? highlightsOf(selected) : [];
    for (const link of links) {
      link.classList.add('is-active');
      link.setAttribute('aria-current', 'true');
    }
    for (const link of text.querySelectorAll('a.hl')) {
      link.title = link.classList.contains('is-active') ? `Finding ${selected}: press again to open it`
        : `Evidence for finding ${link.dataset.findings.split(' ').join(', ')}`;
    }
    if (scroll && links.length) links[0].scrollIntoView({block: 'center'});
    showPanel(links);
    keepClearOfPanel(links[0]);
  }

  // The findings whose evidence is in this text, in the order they appear (results only, when so switched).
  function findingsInText() {
    const order = new Map();
    [...source.annotations].sort((a, b) => a.start - b.start).forEach(a => order.has(a.findingId) || order.set(a.findingId, order.size));
    const shown = findings.filter(f => order.has(f.id) && (!resultsOnly.checked || f.kind === 'RESULT'))
        .sort((a, b) => order.get(a.id) - order.get(b.id));
    return h('ol', {class: 'panel__list'}, shown.map(f => h('li', null,
        h('a', {class: 'panel__item', href: `#/source/${id}?finding=${f.id}`},
            badge('kind', f.kind), h('span', null, f.statement)))));
  }

  // "Results only" leaves the highlights of what this study found; the others read as plain text, out of the Tab order.
  const resultsOnly = h('input', {type: 'checkbox', id: 'results-only', class: 'switch__input', onchange: () => {
    text.classList.toggle('is-results-only', resultsOnly.checked);
    for (const link of text.querySelectorAll('a.hl')) {
      const muted = resultsOnly.checked && !link.dataset.kinds.split(' ').includes('RESULT');
      link.classList.toggle('hl--muted', muted);
      if (muted) link.setAttribute('tabindex', '-1'); else link.removeAttribute('tabindex');
    }
    if (!selected) showPanel([]);
  }});

  /** The kinds present in the text with their colours, and the switch. */
  function legend(kindsOfFindings) {
    const counts = new Map();
    for (const findingId of new Set(source.annotations.map(a => a.findingId))) {
      const kind = kindsOfFindings.get(findingId) || null;
      counts.set(kind, (counts.get(kind) || 0) + 1);
    }
    return h('div', {class: 'legend'},
        h('p', {class: 'legend__text'}, 'Highlighted sentences are evidence for findings, coloured by kind: select one ',
            'to see its finding.'),
        h('ul', {class: 'legend__kinds'}, [...counts].map(([kind, n]) => h('li', {class: `hl hl--sample ${kindClass(kind)}`},
            kind ? word('kind', kind) : 'Other', h('span', {class: 'legend__count'}, ` (${n})`)))),
        h('p', {class: 'switch'}, resultsOnly, h('label', {for: 'results-only'}, `${word('kind', 'RESULT')}s only`)));
  }

  // On a phone the panel is a sheet over the lower part of the screen: the chosen sentence moves above it.
  function keepClearOfPanel(link) {
    if (!link || getComputedStyle(panel).position !== 'fixed') return;
    const sheetTop = panel.getBoundingClientRect().top;
    const box = link.getBoundingClientRect();
    if (box.top < 0 || box.bottom > sheetTop - 8) window.scrollBy(0, box.top - 16);
  }

  function showPanel(links) {
    panelAbort?.abort();
    panel.classList.toggle('is-open', Boolean(selected));
    if (!selected) {
      const findingIds = new Set(source.annotations.map(a => a.findingId));
      replace(panel,
          h('h2', {class: 'panel__title', id: 'panel-heading'}, 'Findings in this text'),
          h('p', null, `${findingIds.size} ${findingIds.size === 1 ? 'finding rests' : 'findings rest'} on the highlighted `
              + 'sentences. Select a sentence, or Tab to it and press Enter, to see its finding; or pick one here.'),
          resultsOnly.checked ? h('p', {class: 'panel__filter'}, `Showing ${word('kind', 'RESULT').toLowerCase()}s only.`) : null,
          findingsInText());
      return;
    }
    if (!links.length) {
      panel.replaceChildren(h('h2', {class: 'panel__title', id: 'panel-heading'}, `Finding ${selected}`),
          h('p', null, 'This finding has no evidence in this text.'),
          h('p', null, h('a', {href: `#/finding/${selected}`}, 'Open the finding')));
      return;
    }
    panelAbort = new AbortController();
    const findingId = selected;
    panel.replaceChildren(h('h2', {class: 'panel__title', id: 'panel-heading'}, `Finding ${findingId}`),
        loadingState('Loading finding…'));
    get(`findings/${encodeURIComponent(findingId)}`, null, panelAbort.signal).then(finding => {
      const alsoHere = [...new Set(links.flatMap(link => link.dataset.findings.split(' ')))].filter(f => f !== String(findingId));
      replace(panel,
          h('div', {class: 'panel__head'},
              h('h2', {class: 'panel__title', id: 'panel-heading'}, `Finding ${finding.id}`),
              h('button', {type: 'button', class: 'icon-button', onclick: close}, icon('close'),
                  h('span', {class: 'visually-hidden'}, 'Close the finding'))),
          h('p', {class: 'panel__statement'}, finding.statement),
          badgeList([
            ['Kind', badge('kind', finding.kind, {label: false})],
            ['Timescale', badge('timescale', finding.timescale, {label: false})],
            ['Certainty', badge('certainty', finding.certainty, {label: false})],
            ['Review status', badge('reviewStatus', finding.reviewStatus, {label: false})],
          ]),
          alsoHere.length ? h('p', {class: 'panel__also'}, 'This passage is also evidence for ',
              alsoHere.map((other, i) => [i ? ', ' : '', h('a', {href: `#/source/${id}?finding=${other}`}, `finding ${other}`)]),
              '.') : null,
          h('p', {class: 'actions'},
              h('a', {class: 'button button--primary', href: `#/finding/${finding.id}`}, 'Open the finding', icon('arrow'))));
      keepClearOfPanel(links[0]);
    }, error => {
      if (!isAbort(error)) panel.replaceChildren(problemBox(error, () => showPanel(links)));
    });
  }

  renderView(app, signal, 'Loading source…', async () => {
    source = await get(`sources/${encodeURIComponent(id)}`, null, signal);
    source.annotations = source.annotations || [];
    // The studies' findings give each highlight its kind: one bounded page per study (a highlight of a finding
    // beyond it is drawn in the neutral colour).
    findings = (await Promise.all((source.studyIds || []).map(studyId =>
      get(`studies/${studyId}/findings`, {size: 100}, signal).then(page => page.content, error => {
        if (isAbort(error)) throw error;
        return [];
      })))).flat();
    const kinds = new Map(findings.map(f => [f.id, f.kind]));
    const heading = h('h1', {class: 'page-title'}, source.title || `Source ${source.id}`);
    text.replaceChildren(highlightedText(source.text || '', source.annotations, (content, findingIds) => {
      const pieceKinds = findingIds.map(f => kinds.get(f) || 'UNKNOWN');
      return h('a', {
        // The innermost span's finding names the colour.
        class: `hl ${kindClass(kinds.get(findingIds[0]))}${findingIds.length > 1 ? ' hl--overlap' : ''}`,
        href: `#/source/${source.id}?finding=${findingIds[0]}`,
        title: `Evidence for finding ${findingIds.join(', ')}`,
        dataset: {findings: findingIds.join(' '), kinds: [...new Set(pieceKinds)].join(' ')},
      }, content);
    }));
    // The first click (or Enter) on a highlight shows its finding beside the text; a second one opens it.
    text.addEventListener('click', event => {
      const link = event.target.closest?.('a.hl');
      if (!link || !link.classList.contains('is-active') || !selected) return;
      event.preventDefault();
      app.navigate(`#/finding/${selected}`);
    });
    const url = safeHttpUrl(source.url);
    const studies = h('span', {class: 'source__studies'});
    Promise.all((source.studyIds || []).map(studyId => fetchStudy(studyId))).then(found => {
      if (found.length) {
        replace(studies, found.length === 1 ? 'Study: ' : 'Studies: ',
            found.map((s, i) => [i ? ' · ' : '', h('a', {href: `#/study/${encodeURIComponent(s.slug)}`}, s.title)]));
      }
    }, () => {});
    const node = h('article', {class: 'source'},
        h('header', {class: 'page-head'},
            h('p', {class: 'eyebrow'}, 'Source'),
            heading,
            h('p', {class: 'meta'}, [source.publisher, source.publishedYear].filter(Boolean).join(' · ') || 'Publisher not stated',
                url ? [' · ', h('a', {href: url, rel: 'noopener noreferrer'}, 'Original article', icon('external'))] : null),
            h('p', {class: 'meta'}, studies),
            legend(kinds)),
        h('div', {class: 'source-layout'}, text, panel));
    const initial = route.params.get('finding');
    // A link to one finding's sentence lands on that sentence (keyboard focus included).
    return {node, title: source.title || `Source ${source.id}`,
      heading: (initial && highlightsOf(initial)[0]) || heading};
  }).then(() => {
    if (source && !signal.aborted) {
      select(route.params.get('finding'), {scroll: true});
      showPassage(route.params);
    }
  });

  // A passage a search found (?start=&end=, offsets into the text) is marked and scrolled to.
  function showPassage(params) {
    window.CSS?.highlights?.delete(PASSAGE);
    const start = Number(params.get('start'));
    const end = Number(params.get('end'));
    if (!params.has('start') || !params.has('end') || !Number.isInteger(start) || !Number.isInteger(end) || end <= start) return;
    const range = rangeOf(text, start, end);
    if (!range) return;
    if (window.CSS?.highlights && window.Highlight) CSS.highlights.set(PASSAGE, new Highlight(range));
    if (!params.get('finding')) range.startContainer.parentElement?.scrollIntoView({block: 'center'});
  }

  return {
    update(next) {
      if (!source || next.args[0] !== id) return false;
      const findingId = next.params.get('finding');
      // A click on a highlight is already in view; a link or history step to another one scrolls to it.
      const clicked = document.activeElement?.classList?.contains('hl')
          && highlightsOf(findingId).includes(document.activeElement);
      const fromPanel = panel.contains(document.activeElement);
      select(findingId, {scroll: !clicked});
      showPassage(next.params);
      // A link in the panel ("also evidence for...") is replaced with the panel: focus goes to the new sentence.
      if (fromPanel) highlightsOf(findingId)[0]?.focus({preventScroll: true});
      return true;
    },
    destroy() {
      abort.abort();
      window.CSS?.highlights?.delete(PASSAGE);
      panelAbort?.abort();
      document.removeEventListener('keydown', onKey);
    },
  };
}

/** The highlight class of a finding kind: hl--result, hl--prior-work...; hl--unknown when the kind is not known. */
function kindClass(kind) {
  return `hl--${kind ? String(kind).toLowerCase().replace(/_/g, '-') : 'unknown'}`;
}

const PASSAGE = 'passage';

/** The DOM range of characters [start, end) of the element's text, or null when the text is shorter. */
function rangeOf(root, start, end) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let offset = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.length;
    if (!started && start < offset + length) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= offset + length) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset += length;
  }
  return null;
}
