// The curators' queue of suggested links (#/suggestions): both statements, the proposed type, score and reason,
// with Accept and Dismiss once a curator key is entered. The key stays in this tab only (sessionStorage).
import {h} from '../dom.js';
import {get, post, isAbort} from '../api.js';
import {word} from '../labels.js';
import {renderView, pagedList, problemBox} from './common.js';

const KEY_ITEM = 'findings-kb.curator-key';

function storedKey() {
  try {
    return sessionStorage.getItem(KEY_ITEM) || '';
  } catch {
    return '';
  }
}

function storeKey(key) {
  try {
    if (key) sessionStorage.setItem(KEY_ITEM, key); else sessionStorage.removeItem(KEY_ITEM);
  } catch {
    // Storage refused (private mode): the key then lasts as long as the view.
  }
}

export function suggestionsView(route, app) {
  const abort = new AbortController();
  const signal = abort.signal;
  let key = storedKey();
  const queue = h('div', {class: 'suggestions__queue'});

  const showQueue = () => {
    queue.replaceChildren(pagedList({
      fetchPage: number => get('links/suggested', {page: number, size: 20}, signal),
      renderItem: suggestion => suggestionItem(suggestion, () => key, signal),
      listClass: 'suggestions',
      empty: 'No suggestion waits for a verdict.',
      moreLabel: 'More suggestions',
      onTotal: total => (count.textContent = total.toLocaleString()),
    }));
  };
  const count = h('span', {class: 'count-pill'});

  renderView(app, signal, 'Loading suggestions…', async () => {
    const heading = h('h1', {class: 'page-title'}, 'Suggested links ', count);
    const node = h('article', {class: 'suggestions-page'},
        h('header', {class: 'page-head'},
            h('p', {class: 'eyebrow'}, 'Curation'),
            heading,
            h('p', {class: 'lede'}, 'Links between findings of different studies, proposed from what their effects say.'
                + ' None is a link until a curator accepts it.')),
        keyForm(() => key, value => {
          key = value;
          storeKey(value);
          showQueue();
        }),
        queue);
    showQueue();
    return {node, title: 'Suggested links', heading};
  });

  return {
    destroy() {
      abort.abort();
    },
  };
}

/** Where a curator enters their key; with one entered, each suggestion offers Accept and Dismiss. */
function keyForm(currentKey, setKey) {
  const input = h('input', {id: 'curator-key', class: 'key-form__input', type: 'password', autocomplete: 'off',
    spellcheck: 'false', value: currentKey()});
  const state = h('p', {class: 'key-form__state muted', role: 'status'});
  const describe = () => (state.textContent = currentKey()
    ? 'A curator key is in use for this tab.' : 'Enter a curator key to accept or dismiss suggestions.');
  const form = h('form', {class: 'key-form', autocomplete: 'off'},
      h('label', {for: 'curator-key'}, 'Curator key'), ' ', input, ' ',
      h('button', {type: 'submit', class: 'button'}, 'Use key'), ' ',
      h('button', {type: 'button', class: 'button button--quiet', onclick: () => {
        input.value = '';
        setKey('');
        describe();
      }}, 'Forget key'),
      state);
  form.addEventListener('submit', event => {
    event.preventDefault();
    setKey(input.value.trim());
    describe();
  });
  describe();
  return form;
}

function findingSide(label, finding) {
  return h('div', {class: 'suggestion__finding'},
      h('p', {class: 'suggestion__side muted'}, label, ' · ', finding.study?.title || `Study ${finding.study?.id}`),
      h('a', {class: 'suggestion__statement', href: `#/finding/${finding.id}`}, finding.statement));
}

function suggestionItem(suggestion, currentKey, signal) {
  const outcome = h('div', {class: 'suggestion__outcome', 'aria-live': 'polite'});
  const actions = h('p', {class: 'suggestion__actions'});
  const item = h('li', {class: 'suggestion', 'data-id': String(suggestion.id)},
      h('p', {class: 'suggestion__head'},
          h('span', {class: `link__type link__type--${String(suggestion.type).toLowerCase()}`}, word('linkType', suggestion.type)),
          ' · ', h('span', {class: 'suggestion__score'}, `score ${Number(suggestion.score).toFixed(2)}`)),
      findingSide('This finding', suggestion.from),
      findingSide(`${word('linkType', suggestion.type)} this finding`, suggestion.to),
      h('p', {class: 'suggestion__reason'}, 'Why: ', suggestion.reason),
      actions, outcome);
  if (currentKey()) {
    const decide = verdict => async () => {
      actions.querySelectorAll('button').forEach(b => (b.disabled = true));
      outcome.replaceChildren();
      try {
        const decided = await post(`links/suggested/${suggestion.id}/${verdict}`, currentKey(), signal);
        actions.replaceChildren();
        item.classList.add(`suggestion--${String(decided.status).toLowerCase()}`);
        outcome.replaceChildren(h('p', {class: 'suggestion__status'},
            decided.status === 'ACCEPTED' ? 'Accepted: the findings are now linked.' : 'Dismissed.'));
      } catch (error) {
        if (isAbort(error)) return;
        actions.querySelectorAll('button').forEach(b => (b.disabled = false));
        outcome.replaceChildren(problemBox(error, null, {heading: 'h3'}));
      }
    };
    actions.append(
        h('button', {type: 'button', class: 'button suggestion__accept', onclick: decide('accept')}, 'Accept'), ' ',
        h('button', {type: 'button', class: 'button button--quiet suggestion__dismiss', onclick: decide('dismiss')}, 'Dismiss'));
  }
  return item;
}
