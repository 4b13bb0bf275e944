// A study (#/study/{slug}, optionally ?mechanism={id} or ?section={name}): summary, fast and lasting effects,
// mechanisms, researchers, implications, caveats, citation and every finding, with links to each part.
import {h, icon, safeHttpUrl} from '../dom.js';
import {get, study as fetchStudy} from '../api.js';
import {badge, hint, word} from '../labels.js';
import {renderView, findingRefs, conceptList, mechanismCard, pagedList, findingRow} from './common.js';

export function studyView(route, app) {
  const abort = new AbortController();
  const signal = abort.signal;
  let shown = null;

  const canonical = params => {
    const kept = new URLSearchParams();
    for (const name of ['mechanism', 'section']) if (params.get(name)) kept.set(name, params.get(name));
    const query = kept.toString();
    return `#/study/${encodeURIComponent(shown.slug)}${query ? `?${query}` : ''}`;
  };

  // A mechanism (from a search hit) or a part of the page (from its contents) is scrolled to and focused.
  const showTarget = params => {
    const mechanism = params.get('mechanism') && document.getElementById(`mechanism-${params.get('mechanism')}`);
    document.querySelectorAll('.mechanism.is-targeted').forEach(card => card.classList.remove('is-targeted'));
    const section = SECTIONS.find(part => part.name === params.get('section'));
    const target = mechanism || (section && document.getElementById(section.heading));
    for (const link of document.querySelectorAll('.page-nav a')) {
      if (section && link.dataset.section === section.name) link.setAttribute('aria-current', 'location');
      else link.removeAttribute('aria-current');
    }
    if (!target) return;
    if (mechanism) mechanism.classList.add('is-targeted');
    target.setAttribute('tabindex', '-1');
    target.scrollIntoView({block: 'start', behavior: 'smooth'});
    target.focus({preventScroll: true});
  };

  const key = route.args[0];
  renderView(app, signal, 'Loading study…', async () => {
    const path = `studies/${encodeURIComponent(key)}`;
    const [study, summary, mechanisms] = await Promise.all([
      fetchStudy(key), get(`${path}/summary`, null, signal), get(`${path}/mechanisms`, null, signal)]);
    shown = study;
    const heading = h('h1', {class: 'page-title'}, study.title);
    return {node: studyPage(study, summary, Array.isArray(mechanisms) ? mechanisms : mechanisms.content || [], heading, signal),
      title: study.title, heading};
  }).then(() => {
    if (!shown || signal.aborted) return;
    // Links by id (from search hits) settle on the readable slug permalink.
    if (route.args[0] !== shown.slug) app.rewrite(canonical(route.params));
    showTarget(route.params);
  });

  return {
    update(next) {
      if (!shown || (next.args[0] !== shown.slug && next.args[0] !== String(shown.id))) return false;
      if (next.args[0] !== shown.slug) app.rewrite(canonical(next.params));
      showTarget(next.params);
      return true;
    },
    destroy() {
      abort.abort();
    },
  };
}

/** The parts of the long study page, in order, by the id of their heading: the page's table of contents. */
const SECTIONS = [
  {name: 'summary', heading: 'summary-heading', label: 'In brief'},
  {name: 'effects', heading: 'effects-heading', label: 'Effects'},
  {name: 'mechanisms', heading: 'mechanisms-heading', label: 'Mechanisms'},
  {name: 'researchers', heading: 'researchers-heading', label: 'Researchers'},
  {name: 'implications', heading: 'implications-heading', label: 'What it could mean'},
  {name: 'caveats', heading: 'caveats-heading', label: 'Caveats'},
  {name: 'citation', heading: 'citation-heading', label: 'Citation'},
  {name: 'findings', heading: 'findings-heading', label: 'All findings'},
];

/** Links to each part of the page; permalinks (…?section=caveats), so Back returns to where the reader was. */
function pageNav(study, summary) {
  const present = SECTIONS.filter(part => part.name !== 'citation' || summary.citation);
  return h('nav', {class: 'page-nav', 'aria-label': 'On this page'},
      h('p', {class: 'page-nav__title', 'aria-hidden': 'true'}, 'On this page'),
      h('ul', null, present.map(part => h('li', null,
          h('a', {href: `#/study/${encodeURIComponent(study.slug)}?section=${part.name}`, dataset: {section: part.name}},
              part.label)))));
}

function studyPage(study, summary, mechanisms, heading, signal) {
  const reported = study.source ? [study.source.publisher, study.source.publishedYear].filter(Boolean).join(', ') : '';
  const doi = study.doi ? safeHttpUrl(`https://doi.org/${study.doi}`) : null;
  // The summary comes right after the title, before the facts beside it: on a phone it is the first thing read.
  return h('article', {class: 'study'},
      h('header', {class: 'page-head'},
          h('p', {class: 'eyebrow'}, 'Study'),
          heading,
          h('p', {class: 'meta'}, [study.institution, study.journal, study.publishedYear].filter(Boolean).join(' · ')
              || 'Institution and journal not stated'),
          reported ? h('p', {class: 'meta'}, `Reported by ${reported}`) : null),
      h('div', {class: 'study-intro'},
          summarySection(summary, study.title),
          h('aside', {class: 'study-facts', 'aria-label': 'Study facts'},
              h('dl', {class: 'meta-grid'},
                fact('Population', study.population || h('span', {class: 'muted'}, 'Not stated in the source')),
                fact('Interventions', conceptList(study.interventions)),
                fact('Conditions', conceptList(study.conditions)),
                fact('DOI', doi ? h('a', {href: doi, rel: 'noopener'}, study.doi) : h('span', {class: 'muted'}, 'Not given'))),
              h('p', {class: 'actions'},
                  study.source ? h('a', {class: 'button button--primary', href: `#/source/${study.source.id}`},
                      icon('source'), 'Read the source, every finding highlighted') : null,
                  h('a', {class: 'button button--quiet', href: `api/studies/${study.id}/summary?format=md`}, 'Summary as Markdown'),
                  h('a', {class: 'button button--quiet', href: `api/studies/${study.id}/summary?pretty`}, 'Summary as JSON')))),
      pageNav(study, summary),
      effectsSection(summary),
      h('section', {class: 'section', 'aria-labelledby': 'mechanisms-heading'},
          h('h2', {id: 'mechanisms-heading'}, 'Mechanisms'),
          mechanisms.length ? h('div', {class: 'cards-grid'}, mechanisms.map(m => mechanismCard(m)))
            : h('p', {class: 'muted'}, 'The source describes no mechanism.')),
      h('div', {class: 'split'},
          h('section', {class: 'section', 'aria-labelledby': 'researchers-heading'},
              h('h2', {id: 'researchers-heading'}, 'Researchers'),
              study.researchers?.length
                ? h('ul', {class: 'researchers'}, study.researchers.map(r => h('li', {class: 'researcher'},
                    h('span', {class: 'researcher__name'}, r.name), badge('role', r.role),
                    r.description ? h('span', {class: 'researcher__description'}, r.description) : null)))
                : h('p', {class: 'muted'}, 'The source names no researcher.')),
          h('section', {class: 'section', 'aria-labelledby': 'implications-heading'},
              h('h2', {id: 'implications-heading'}, 'What it could mean'),
              summary.implications?.length
                ? h('ul', {class: 'implications'}, summary.implications.map(i =>
                    h('li', null, i.text, ' ', findingRefs(ids(i.findings)))))
                : h('p', {class: 'muted'}, 'The source draws no implication.'))),
      h('section', {class: 'caveats', 'aria-labelledby': 'caveats-heading'},
          h('h2', {id: 'caveats-heading'}, icon('alert'), 'Caveats'),
          summary.caveats?.length
            ? h('ul', null, summary.caveats.map(caveatItem))
            : h('p', null, 'None noted.')),
      citationSection(summary.citation),
      h('section', {class: 'section', 'aria-labelledby': 'findings-heading'},
          h('h2', {id: 'findings-heading'}, 'All findings', ' ',
              h('span', {class: 'count-pill'}, String(study.findingCount ?? ''))),
          pagedList({
            fetchPage: number => get(`studies/${study.id}/findings`, {page: number, size: 50, sort: 'id,asc'}, signal),
            renderItem: findingRow,
            listClass: 'finding-rows',
            empty: 'No findings.',
            moreLabel: 'More findings',
          })));
}

function fact(name, value) {
  return h('div', {class: 'fact'}, h('dt', null, name), h('dd', null, value));
}

/** The ids of the findings a sentence rests on (references, or whole findings with ?expand=findings). */
function ids(findings) {
  return (findings || []).map(f => f.id);
}

function caveatItem(caveat) {
  return h('li', {class: `caveat caveat--${String(caveat.code).toLowerCase().replace(/_/g, '-')}`, title: hint('caveat', caveat.code)},
      h('span', {class: 'caveat__label'}, word('caveat', caveat.code)), ': ',
      h('span', {class: 'caveat__text'}, caveat.text),
      caveat.findings?.length ? [' ', findingRefs(ids(caveat.findings))] : null);
}

function summarySection(summary, title) {
  const sentences = summary.plainLanguage || [];
  const showHeadline = summary.headline && summary.headline !== title;
  return h('section', {class: 'section summary', 'aria-labelledby': 'summary-heading'},
      h('h2', {id: 'summary-heading'}, 'In brief'),
      showHeadline ? h('p', {class: 'summary__headline'}, summary.headline) : null,
      sentences.length
        ? h('p', {class: 'summary__plain'}, sentences.map(s => [h('span', {class: 'sentence'}, s.text), ' ',
            findingRefs(ids(s.findings)), ' ']))
        : h('p', {class: 'muted'}, 'No plain-language summary.'));
}

function effectsSection(summary) {
  const rapid = word('timescale', 'RAPID');
  const sustained = word('timescale', 'SUSTAINED');
  return h('section', {class: 'section', 'aria-labelledby': 'effects-heading'},
      h('h2', {id: 'effects-heading'}, `${rapid} and ${sustained.toLowerCase()} effects`),
      h('div', {class: 'effects'},
          effectCard('rapid', rapid, summary.effects?.rapid),
          effectCard('sustained', sustained, summary.effects?.sustained)));
}

function effectCard(timescale, label, effect) {
  const id = `effect-${timescale}`;
  const evidence = effect ? effect.sentences.flatMap(s => ids(s.findings)) : [];
  return h('article', {class: `card effect effect--${timescale}${effect ? '' : ' effect--none'}`, id, 'aria-labelledby': `${id}-title`},
      h('h3', {class: 'effect__title', id: `${id}-title`}, `${label} effect`),
      effect
        ? [h('p', {class: 'onset'}, icon('clock'),
            effect.onset ? ['Onset: ', h('strong', null, effect.onset)] : 'Onset not stated'),
          h('p', {class: 'effect__text'}, effect.sentences.map(s => s.text).join(' ')),
          evidence.length ? h('p', {class: 'card__refs'}, 'Evidence: ', findingRefs(evidence)) : null]
        : h('p', {class: 'effect__none'}, `The source describes no ${label.toLowerCase()} effect.`));
}

function citationSection(citation) {
  if (!citation) return null;
  const status = h('span', {class: 'copy-status', role: 'status'});
  const copy = navigator.clipboard
    ? h('button', {
      type: 'button', class: 'button button--quiet', onclick: async () => {
        try {
          await navigator.clipboard.writeText(citation);
          status.textContent = 'Copied';
        } catch {
          status.textContent = 'Could not copy: select the text instead';
        }
        setTimeout(() => (status.textContent = ''), 3000);
      },
    }, icon('copy'), 'Copy citation')
    : null;
  return h('section', {class: 'section', 'aria-labelledby': 'citation-heading'},
      h('h2', {id: 'citation-heading'}, 'Citation'),
      h('p', {class: 'citation'}, citation),
      copy ? h('p', {class: 'actions'}, copy, status) : null);
}
