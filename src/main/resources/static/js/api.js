// The public JSON API, read with fetch. Paths are relative to the page, so the app also works under a context path.

/** A failed request, carrying the RFC 9457 problem details the API answered with (or a stand-in for them). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `Request failed (${status})`);
    this.status = status;
    this.title = problem.title || (status ? `Request failed (${status})` : 'Cannot reach the server');
    this.detail = problem.detail || null;
  }
}

export function isAbort(error) {
  return error?.name === 'AbortError';
}

/** GETs api/{path} with optional query parameters (empty ones are left out); resolves to the parsed JSON. */
export async function get(path, params, signal) {
  return (await fetched(path, params, 'application/json, application/problem+json', signal)).json();
}

/** GETs api/{path} in another representation the API serves by Accept (text/csv, text/markdown); resolves to a Blob. */
export async function getAs(type, path, params, signal) {
  // Problems, should one come, are still read as JSON; the type asked for comes first.
  return (await fetched(path, params, `${type}, application/problem+json;q=0.5`, signal)).blob();
}

async function fetched(path, params, accept, signal) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    if (value === null || value === undefined || value === '') continue;
    query.set(name, String(value));
  }
  const search = query.toString();
  const url = `${path ? `api/${path}` : 'api'}${search ? `?${search}` : ''}`;
  let response;
  try {
    response = await fetch(url, {signal, headers: {Accept: accept}});
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, {title: 'Cannot reach the server', detail: 'Check the connection and try again.'});
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  return response;
}

/** POSTs to api/{path} with the curator's key and no body; resolves to the parsed JSON, or throws an ApiError. */
export async function post(path, key, signal) {
  let response;
  try {
    response = await fetch(`api/${path}`, {method: 'POST', signal,
      headers: {Accept: 'application/json, application/problem+json', Authorization: `Bearer ${key}`}});
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, {title: 'Cannot reach the server', detail: 'Check the connection and try again.'});
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  return response.json();
}

/** The problem details of a failed answer, or none when it carries no JSON. */
async function problemOf(response) {
  if (!(response.headers.get('Content-Type') || '').includes('json')) return {};
  try {
    return await response.json();
  } catch (error) {
    if (isAbort(error)) throw error;
    return {};
  }
}

const studies = new Map();

/**
 * A study by id or slug, remembered for the session (titles and slugs label links on many views). Not tied to
 * one view's signal, as later views share the answer.
 */
export function study(idOrSlug) {
  const key = String(idOrSlug);
  if (!studies.has(key)) {
    const request = get(`studies/${encodeURIComponent(key)}`).then(found => {
      studies.set(String(found.id), Promise.resolve(found));
      studies.set(found.slug, Promise.resolve(found));
      return found;
    });
    studies.set(key, request);
    request.catch(() => studies.delete(key));
  }
  return studies.get(key);
}
