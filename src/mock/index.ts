export { createMockDb, createMockContext, createHandlers, listIdentities, resetMockContext } from './server';
export type { MockDbOptions, MockContextOptions } from './server';
export type { MockContext, MockDb } from './context';
export { createKnobs } from './knobs';
export type { MockKnobs } from './knobs';
export type { MockIdentity } from './identities';
export { REALTIME_PATH } from './realtime';
