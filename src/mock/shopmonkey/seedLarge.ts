import type { ShopmonkeyDb, ShopmonkeyDbOptions } from './db';
import { messageRow } from './messageRow';
import { pick } from '../prng';

const FIRST = [
  'Alex',
  'Sam',
  'Jordan',
  'Taylor',
  'Morgan',
  'Casey',
  'Riley',
  'Avery',
  'Quinn',
  'Drew',
  'Robin',
  'Kai',
];
const LAST = [
  'Nguyen',
  'Smith',
  'Garcia',
  'Müller',
  'Kowalski',
  'Haddad',
  'Okoro',
  'Tanaka',
  'Silva',
  'Novak',
  'Berg',
  'Ali',
];
const CUSTOMER_TEXTS = [
  'Is my car ready?',
  'Can you call me back?',
  'Thanks!',
  'What time do you close today?',
  'Please go ahead with the repair.',
  'How much will it be?',
];
const STAFF_TEXTS = [
  'Your vehicle is ready for pickup.',
  'We found a worn belt; shall we replace it?',
  'Estimate sent.',
  'See you tomorrow at 9.',
  'Thanks for your payment.',
];

/** Total threads of `sm_user_1` in the large data set. */
export const LARGE_INBOX_THREADS = 5000;
/** Messages in the large data set's long thread. */
export const LARGE_THREAD_MESSAGES = 10_000;

/**
 * Adds the benchmark data: `sm_user_1` gets one thread of 10,000 messages
 * (customer `sm_cust_big`) and enough one-message threads for an inbox of
 * 5,000. Rows are built in one pass, oldest first.
 */
export function seedLarge(db: ShopmonkeyDb, options: ShopmonkeyDbOptions, rand: () => number): void {
  const now = options.now.getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const big = 'sm_cust_big';
  db.customers.set(big, {
    id: big,
    customerType: 'Company',
    firstName: null,
    lastName: null,
    companyName: 'Metro Fleet Services (10k messages)',
    phone: '+1 555 0199',
    email: 'fleet@metro.example.com',
  });
  for (let k = 0; k < LARGE_THREAD_MESSAGES; k++) {
    const fromCustomer = k % 3 === 0;
    const created = now - 5 * 60_000 - (LARGE_THREAD_MESSAGES - k) * 7 * 60_000;
    db.insertMessage(
      messageRow(
        db,
        fromCustomer
          ? {
              authorType: 'Customer',
              origin: 'SMS',
              customerId: big,
              createdDate: iso(created),
              text: `${pick(rand, CUSTOMER_TEXTS)} (#${k + 1})`,
            }
          : {
              authorType: 'User',
              userId: 'sm_user_1',
              customerId: big,
              createdDate: iso(created),
              text: `${pick(rand, STAFF_TEXTS)} (#${k + 1})`,
              sendSms: true,
              smsStatus: 'Delivered',
            },
      ),
    );
  }
  const existing = [...db.threads.values()].filter((t) => t.userId === 'sm_user_1').length;
  const addThread = (customerId: string, created: string, updated: string, unread: number) => {
    const id = db.nextId('sm_mtm');
    db.threads.set(id, {
      id,
      createdDate: created,
      updatedDate: updated,
      locationId: db.locationId,
      companyId: db.companyId,
      unreadTimestamp: unread ? updated : null,
      unreadMessagesCount: unread,
      important: false,
      archived: false,
      userId: 'sm_user_1',
      customerId,
    });
  };
  addThread(big, iso(now - 80 * 24 * 3_600_000), iso(now - 5 * 60_000), 0);
  const generated = LARGE_INBOX_THREADS - existing - 1;
  for (let i = 0; i < generated; i++) {
    const id = `sm_cust_l${i + 1}`;
    db.customers.set(id, {
      id,
      customerType: 'Customer',
      firstName: pick(rand, FIRST),
      lastName: pick(rand, LAST),
      companyName: null,
      phone: i % 7 === 0 ? null : `+1 555 ${String(1000 + (i % 9000)).padStart(4, '0')}`,
      email: i % 5 === 0 ? null : `customer${i + 1}@example.com`,
    });
    const created = iso(now - (i + 1) * 13 * 60_000 - 3_600_000);
    const fromCustomer = i % 4 === 0;
    db.insertMessage(
      messageRow(
        db,
        fromCustomer
          ? {
              authorType: 'Customer',
              origin: 'SMS',
              customerId: id,
              createdDate: created,
              text: pick(rand, CUSTOMER_TEXTS),
              shopRead: i % 8 !== 0,
            }
          : {
              authorType: 'User',
              userId: 'sm_user_1',
              customerId: id,
              createdDate: created,
              text: pick(rand, STAFF_TEXTS),
              sendSms: true,
              smsStatus: 'Delivered',
            },
      ),
    );
    addThread(id, created, created, fromCustomer && i % 8 === 0 ? 1 : 0);
  }
}
