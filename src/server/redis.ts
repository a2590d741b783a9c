import type { RedisClientType } from 'redis';
import type { RelayBacklog, RelayBroker, RelayEntry } from './broker';
import type { EventId } from './ids';

/** A connected node-redis v5+ client (`createClient(...)` after `connect()`). */
// The broker calls only a few commands; any module or script mix will do.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RedisClient = RedisClientType<any, any, any, any, any>;

/** Options of {@link createRedisBroker}. */
export interface RedisBrokerOptions {
  /** A connected client. The broker duplicates it for its pub/sub connection and never closes it. */
  client: RedisClient;
  /** Prefix of every key and channel. @defaultValue `inbox-kit:relay` */
  prefix?: string;
  /** Events kept per user for resume (a capped Stream). @defaultValue 500 */
  maxLen?: number;
  /** A user's Stream expires this long after its last event. @defaultValue 24 h */
  ttlMs?: number;
}

// Append, trim, refresh the TTL and publish in one step, so that every subscriber on every
// instance receives a user's events in id order (two instances appending at once cannot swap
// their publishes).
const APPEND = `
local id = redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[1], '*', 'd', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PUBLISH', KEYS[2], id .. '\\n' .. ARGV[2])
return id`;

// The resume rule of backlogOf() (broker.ts), read atomically from the Stream:
// {'ok'|'gone', head, id1, data1, id2, data2, ...}.
const READ = `
local last = ARGV[1]
if redis.call('EXISTS', KEYS[1]) == 0 then
  if last == '' or last == '0-0' then return {'ok', '0-0'} end
  return {'gone', '0-0'}
end
local info = redis.call('XINFO', 'STREAM', KEYS[1])
local h = {}
for i = 1, #info, 2 do h[info[i]] = info[i + 1] end
local newest = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
local head = newest[1] and newest[1][1] or '0-0'
if last == '' then return {'ok', head} end
local function parse(id)
  local ms, seq = string.match(id, '^(%d+)-(%d+)$')
  return tonumber(ms), tonumber(seq)
end
local first = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', 1)[1]
local from
if first then
  local lm, ls = parse(last)
  local fm, fs = parse(first[1])
  if lm > fm or (lm == fm and ls >= fs) then from = '(' .. last end
end
if not from and last == '0-0' and tonumber(h['entries-added']) == tonumber(h['length']) then from = '-' end
if not from then return {'gone', head} end
local out = {'ok', head}
for _, e in ipairs(redis.call('XRANGE', KEYS[1], from, '+')) do
  out[#out + 1] = e[1]
  out[#out + 1] = e[2][2]
end
return out`;

/**
 * A {@link RelayBroker} on Redis, for several relay instances: each user's
 * events go to a capped Stream (ids ordered across instances, resume reads)
 * and to a pub/sub channel (fan-out to the instance holding the user's
 * stream). Seen webhook ids are `SET NX EX` keys. Needs Redis ≥ 7.
 */
export async function createRedisBroker(options: RedisBrokerOptions): Promise<RelayBroker> {
  const { client } = options;
  const prefix = options.prefix ?? 'inbox-kit:relay';
  const maxLen = String(options.maxLen ?? 500);
  const ttlMs = String(options.ttlMs ?? 24 * 3600_000);
  // The hash tag keeps a user's keys in one cluster slot.
  const logKey = (userId: string) => `${prefix}:{${userId}}:log`;
  const channel = (userId: string) => `${prefix}:{${userId}}:live`;
  const subscriber = client.duplicate();
  await subscriber.connect();
  const listeners = new Map<string, Set<(entry: RelayEntry) => void>>();
  const onMessage = (message: string, from: string) => {
    const cut = message.indexOf('\n');
    const entry = { id: message.slice(0, cut), data: message.slice(cut + 1) };
    const userId = from.slice(prefix.length + 2, -'}:live'.length);
    for (const l of listeners.get(userId) ?? []) l(entry);
  };

  return {
    async append(userId, data) {
      const id = (await client.eval(APPEND, {
        keys: [logKey(userId), channel(userId)],
        arguments: [maxLen, data, ttlMs],
      })) as string;
      return id;
    },
    async subscribe(userId, listener) {
      let set = listeners.get(userId);
      if (!set) {
        listeners.set(userId, (set = new Set()));
        await subscriber.subscribe(channel(userId), onMessage);
      }
      set.add(listener);
      const own = set;
      return async () => {
        own.delete(listener);
        if (own.size > 0 || listeners.get(userId) !== own) return;
        listeners.delete(userId);
        await subscriber.unsubscribe(channel(userId), onMessage);
      };
    },
    async read(userId, lastId): Promise<RelayBacklog> {
      const reply = (await client.eval(READ, {
        keys: [logKey(userId)],
        arguments: [lastId ?? ''],
      })) as string[];
      const [state, head = '0-0', ...rest] = reply.map(String);
      if (state === 'gone') return { gone: true, head };
      const entries: RelayEntry[] = [];
      for (let i = 0; i + 1 < rest.length; i += 2)
        entries.push({ id: rest[i] as EventId, data: rest[i + 1]! });
      return { gone: false, entries, head };
    },
    async claim(key, ttlSeconds) {
      const ok = await client.set(`${prefix}:seen:${key}`, '1', {
        condition: 'NX',
        expiration: { type: 'EX', value: Math.max(1, Math.ceil(ttlSeconds)) },
      });
      return ok === 'OK';
    },
    async release(key) {
      await client.del(`${prefix}:seen:${key}`);
    },
    async close() {
      listeners.clear();
      await subscriber.close();
    },
  };
}
