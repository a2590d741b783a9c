import type { MockIdentity } from '../src/mock/identities';
import type { MockKnobs } from '../src/mock/knobs';

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as { data: T };
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status}`);
  return json.data;
}

/** The reference server's control routes (`/__mock/*`). */
export const mockApi = {
  identities: () => call<MockIdentity[]>('GET', '/__mock/identities'),
  knobs: () => call<Omit<MockKnobs, 'now'>>('GET', '/__mock/knobs'),
  patchKnobs: (patch: Partial<MockKnobs>) => call<Omit<MockKnobs, 'now'>>('PATCH', '/__mock/knobs', patch),
  reset: () => call<null>('POST', '/__mock/reset'),
};
