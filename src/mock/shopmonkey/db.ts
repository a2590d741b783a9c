import type { MockIdentity } from '../identities';
import type {
  SmFile,
  SmMessage,
  SmMessageTemplate,
  SmNotificationConfigEntry,
  SmThreadMetadata,
} from '../../transports/shopmonkey/wire';
import { seedShopmonkey } from './seed';

/** A shop staff member (an API user). */
export interface SmUser {
  id: string;
  firstName: string;
  lastName: string;
  /** Shopmonkey `userColor`. */
  color: string;
  /** API key that authenticates as this user. */
  token: string;
  description: string;
}

/** A shop customer: a person or a company, reachable by phone and/or email. */
export interface SmCustomer {
  id: string;
  customerType: 'Customer' | 'Company';
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  phone: string | null;
  email: string | null;
}

/** A repair order. */
export interface SmOrder {
  id: string;
  number: number;
  customerId: string;
  vehicleId: string | null;
  createdDate: string;
}

/** A customer's vehicle. */
export interface SmVehicle {
  id: string;
  customerId: string;
  year: number;
  make: string;
  model: string;
}

/**
 * The Shopmonkey collections of the reference server. Messages are kept per
 * customer (oldest first) because a thread is (staff user, customer): every
 * user with a thread for a customer sees the same messages, and each has their
 * own thread metadata (unread counter, archived flag).
 */
export interface ShopmonkeyDb {
  companyId: string;
  locationId: string;
  users: Map<string, SmUser>;
  customers: Map<string, SmCustomer>;
  orders: Map<string, SmOrder>;
  vehicles: Map<string, SmVehicle>;
  /** Every message by id. */
  messages: Map<string, SmMessage>;
  /** Messages of one customer, oldest first. */
  messagesByCustomer: Map<string, SmMessage[]>;
  threads: Map<string, SmThreadMetadata>;
  notificationConfig: Map<string, SmNotificationConfigEntry[]>;
  /** Finished uploads, by the id messages reference in `files`. */
  files: Map<string, SmFile>;
  /** Uploads started with `PUT /v3/blob` and not finished yet. */
  blobs: Map<string, SmBlobUpload>;
  /** Canned messages (`/v3/message_template`), soft-deleted ones included. */
  templates: Map<string, SmMessageTemplate>;
  /** A fresh id with a prefix, e.g. `sm_msg_…`. */
  nextId(prefix: string): string;
  /** Stores a message (appended: it must be the customer's newest). */
  insertMessage(message: SmMessage): void;
  userByToken(token: string): SmUser | undefined;
  /** The thread metadata of one user with one customer. */
  threadFor(userId: string, customerId: string): SmThreadMetadata | undefined;
  /** Threads of one customer (one per staff user who has one). */
  threadsOfCustomer(customerId: string): SmThreadMetadata[];
  identities(): MockIdentity[];
}

/** An upload started with `PUT /v3/blob`: its announced size and type, and the parts received so far. */
export interface SmBlobUpload {
  id: string;
  count: number;
  fileName: string;
  fileSize: number;
  fileType: string;
  parts: Map<number, Uint8Array<ArrayBuffer>>;
}

/** Options of {@link createShopmonkeyDb}. */
export interface ShopmonkeyDbOptions {
  seed: number;
  size: 'small' | 'large';
  now: Date;
}

/** Creates deterministic Shopmonkey seed data (same seed and `now` → same data). */
export function createShopmonkeyDb(options: ShopmonkeyDbOptions): ShopmonkeyDb {
  const counters = new Map<string, number>();
  const threadIndex = new Map<string, SmThreadMetadata>();
  const threadsByCustomer = new Map<string, SmThreadMetadata[]>();
  const threads = new Map<string, SmThreadMetadata>();
  // Index threads as they are added, whichever way they are added.
  const origSet = threads.set.bind(threads);
  threads.set = (key, value) => {
    threadIndex.set(`${value.userId}:${value.customerId}`, value);
    const list = threadsByCustomer.get(value.customerId) ?? [];
    if (!list.includes(value)) list.push(value);
    threadsByCustomer.set(value.customerId, list);
    return origSet(key, value);
  };
  const db: ShopmonkeyDb = {
    companyId: 'sm_company_1',
    locationId: 'sm_location_1',
    users: new Map(),
    customers: new Map(),
    orders: new Map(),
    vehicles: new Map(),
    messages: new Map(),
    messagesByCustomer: new Map(),
    threads,
    notificationConfig: new Map(),
    files: new Map(),
    blobs: new Map(),
    templates: new Map(),
    nextId(prefix) {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}_${n}`;
    },
    insertMessage(message) {
      db.messages.set(message.id, message);
      const key = message.customerId ?? '';
      const list = db.messagesByCustomer.get(key);
      if (list) list.push(message);
      else db.messagesByCustomer.set(key, [message]);
    },
    userByToken: (token) => [...db.users.values()].find((u) => u.token === token),
    threadFor: (userId, customerId) => threadIndex.get(`${userId}:${customerId}`),
    threadsOfCustomer: (customerId) => threadsByCustomer.get(customerId) ?? [],
    identities: () =>
      [...db.users.values()].map((u) => ({
        id: u.id,
        name: `${u.firstName} ${u.lastName}`,
        role: 'staff' as const,
        api: 'shopmonkey' as const,
        token: u.token,
        description: u.description,
      })),
  };
  seedShopmonkey(db, options);
  return db;
}
