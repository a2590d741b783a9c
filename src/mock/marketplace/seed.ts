import {
  DOCUMENT_THUMBNAIL,
  avatar,
  documentUrl,
  photo,
  rasterVehicleThumbnail,
  vehicleThumbnail,
} from './assets';
import type { MarketplaceDb, MkConversation, MkListing, MkMessage, MkNotification, MkUser } from './db';
import { createPrng } from '../prng';
import type { Prng } from '../prng';

/** Fixed ids and tokens the tests and the playground rely on. */
export const MARKETPLACE_FIXTURES = {
  buyer: { id: 'usr_buyer_1', name: 'Anna de Vries', token: 'mk_buyer_1', email: 'anna@example.com' },
  seller: { id: 'usr_seller_1', name: 'ABC Trucks', token: 'mk_seller_1', email: 'sales@abctrucks.example' },
  buyer2: { id: 'usr_buyer_2', name: 'Jan Bakker', token: 'mk_buyer_2', email: 'jan@example.com' },
  /** Password of every seeded user for `POST /api/auth/login`. */
  password: 'password123',
  /** Anna ↔ ABC Trucks about the Volvo FH 500: long, 2 unread, every message type. 10,000 messages in `large`. */
  longConversationId: 'conv_1001',
  /** Anna ↔ ABC Trucks about the Scania: 1 unread. */
  unreadConversationId: 'conv_1002',
  /** Anna ↔ Van Centrum about the Sprinter: all read. */
  readConversationId: 'conv_1003',
  /** Anna ↔ Dirk about the Krone trailer: holds a message Anna already reported. */
  reportedConversationId: 'conv_1004',
  /** Archived by Anna (listing sold). */
  archivedConversationId: 'conv_1005',
  /** Anna sells her Transit to Jan: Anna is the seller here, 1 unread. */
  sellingConversationId: 'conv_1006',
  /** Deleted by Van Centrum, still visible to Anna. */
  deletedByOtherConversationId: 'conv_1007',
  /** Deleted by Anna (visible only to Dirk). */
  deletedByMeConversationId: 'conv_1008',
  /** Jan ↔ ABC Trucks: not Anna's (403 for her). */
  foreignConversationId: 'conv_2001',
  /** An ABC Trucks listing nobody has asked Anna about yet (start a conversation). */
  startListingId: 'lst_1010',
  /** Anna's own listing (starting a conversation about it is 400). */
  ownListingId: 'lst_1006',
  /** An incoming message in conv_1001 Anna may report. */
  reportableMessageId: 'msg_1001_004',
  /** The message Anna already reported (reporting again is 409). */
  reportedMessageId: 'msg_1004_002',
} as const;

interface UserSeed {
  id: string;
  name: string;
  email: string;
  token: string;
  role: 'buyer' | 'seller';
  verified: boolean;
  online: boolean;
  description: string;
}

const USERS: UserSeed[] = [
  {
    id: 'usr_buyer_1',
    name: 'Anna de Vries',
    email: 'anna@example.com',
    token: 'mk_buyer_1',
    role: 'buyer',
    verified: true,
    online: true,
    description: 'Main buyer: ≥6 conversations (unread, read, archived, reported), also sells her own van.',
  },
  {
    id: 'usr_seller_1',
    name: 'ABC Trucks',
    email: 'sales@abctrucks.example',
    token: 'mk_seller_1',
    role: 'seller',
    verified: true,
    online: true,
    description: 'Verified dealer company with trucks, templates of its own, and one purchase.',
  },
  {
    id: 'usr_buyer_2',
    name: 'Jan Bakker',
    email: 'jan@example.com',
    token: 'mk_buyer_2',
    role: 'buyer',
    verified: false,
    online: false,
    description: 'Second buyer (unverified): talks to ABC Trucks and to Anna.',
  },
  {
    id: 'usr_seller_2',
    name: 'Dirk Transport',
    email: 'dirk@example.com',
    token: 'mk_seller_2',
    role: 'seller',
    verified: false,
    online: false,
    description: 'Unverified private seller; sent a spam message Anna reported.',
  },
  {
    id: 'usr_seller_3',
    name: 'Van Centrum BV',
    email: 'info@vancentrum.example',
    token: 'mk_seller_3',
    role: 'seller',
    verified: true,
    online: false,
    description: 'Verified van dealer; deleted one conversation on its side.',
  },
  {
    id: 'usr_buyer_3',
    name: 'Pieter Jansen',
    email: 'pieter@example.com',
    token: 'mk_buyer_3',
    role: 'buyer',
    verified: true,
    online: true,
    description: 'Buyer with one conversation with Van Centrum.',
  },
];

interface ListingSeed {
  id: string;
  sellerId: string;
  title: string;
  kind: MkListing['kind'];
  price: number;
  status: MkListing['status'];
}

const LISTINGS: ListingSeed[] = [
  {
    id: 'lst_1001',
    sellerId: 'usr_seller_1',
    title: '2021 Volvo FH 500',
    kind: 'truck',
    price: 85000,
    status: 'active',
  },
  {
    id: 'lst_1002',
    sellerId: 'usr_seller_1',
    title: '2019 Scania R450',
    kind: 'truck',
    price: 62500,
    status: 'active',
  },
  {
    id: 'lst_1003',
    sellerId: 'usr_seller_3',
    title: '2022 Mercedes-Benz Sprinter 316',
    kind: 'van',
    price: 38900,
    status: 'reserved',
  },
  {
    id: 'lst_1004',
    sellerId: 'usr_seller_2',
    title: '2015 Krone SD curtainsider trailer',
    kind: 'trailer',
    price: 14500,
    status: 'active',
  },
  {
    id: 'lst_1005',
    sellerId: 'usr_seller_1',
    title: '2018 DAF XF 480',
    kind: 'truck',
    price: 47000,
    status: 'sold',
  },
  {
    id: 'lst_1006',
    sellerId: 'usr_buyer_1',
    title: '2016 Ford Transit 2.2 TDCi',
    kind: 'van',
    price: 9800,
    status: 'active',
  },
  {
    id: 'lst_1007',
    sellerId: 'usr_seller_3',
    title: '2020 Volkswagen Crafter 35',
    kind: 'van',
    price: 27400,
    status: 'active',
  },
  {
    id: 'lst_1008',
    sellerId: 'usr_seller_2',
    title: '2012 Schmitz Cargobull reefer trailer',
    kind: 'trailer',
    price: 11900,
    status: 'active',
  },
  {
    id: 'lst_1009',
    sellerId: 'usr_seller_1',
    title: '2017 MAN TGS 26.420 6x2',
    kind: 'truck',
    price: 41000,
    status: 'active',
  },
  {
    id: 'lst_1010',
    sellerId: 'usr_seller_1',
    title: '2020 MAN TGX 18.510',
    kind: 'truck',
    price: 72500,
    status: 'active',
  },
  {
    id: 'lst_1011',
    sellerId: 'usr_seller_2',
    title: '2014 Kögel low loader',
    kind: 'trailer',
    price: 18750,
    status: 'active',
  },
];

const HOUR = 3_600_000;
const MIN = 60_000;

const slugify = (title: string) =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const BUYER_LINES = [
  'Hello, I am interested in this vehicle. Is it still available?',
  'What is the mileage, and is the service history complete?',
  'Are there any known defects or damage?',
  'Could you send a few more photos of the interior?',
  'Would you accept a trade-in?',
  'Is the price negotiable?',
  'When could I come for a viewing?',
  'Can you arrange transport to Utrecht?',
  'Thanks, that helps a lot.',
  'Does it have a valid inspection certificate?',
];
const SELLER_LINES = [
  'Hi! Yes, it is still available.',
  'The mileage is as listed; full dealer service history.',
  'No known defects; it was inspected last month.',
  'Sure, I will send them shortly.',
  'We accept trade-ins after an inspection.',
  'There is a little room on the price for a quick deal.',
  'You are welcome on weekdays between 8:00 and 17:00.',
  'Transport within the Netherlands can be arranged.',
  'You are welcome!',
  'Yes, the inspection is valid for another 9 months.',
];

/** Fills the db. Same seed and `now` → identical data. */
export function seedMarketplace(
  db: MarketplaceDb,
  options: { seed: number; size: 'small' | 'large'; now: Date },
): void {
  const rng = createPrng(options.seed);
  const now = options.now.getTime();
  const iso = (t: number) => new Date(t).toISOString();

  USERS.forEach((u, i) => {
    const user: MkUser = {
      ...u,
      password: MARKETPLACE_FIXTURES.password,
      avatar: avatar(u.name, (i * 57 + rng.int(0, 40)) % 360),
    };
    db.users.set(u.id, user);
  });
  for (const l of LISTINGS) addListing(db, l, rng);

  const conv = (
    id: string,
    listingId: string,
    buyerId: string,
    createdAgoMs: number,
    extra: Partial<MkConversation> = {},
  ) => {
    const listing = db.listings.get(listingId)!;
    const c: MkConversation = {
      id,
      listingId,
      buyerId,
      sellerId: listing.sellerId,
      createdAt: iso(now - createdAgoMs),
      updatedAt: iso(now - createdAgoMs),
      archivedBy: new Set(),
      deletedBy: new Set(),
      ...extra,
    };
    db.conversations.set(id, c);
    db.messages.set(id, []);
    return c;
  };

  /**
   * Writes a scripted dialogue: `n` messages alternating buyer/seller from
   * `startMs` ago, `stepMs` apart; the last `unreadForBuyer` seller lines and
   * `unreadForSeller` buyer lines stay unread.
   */
  const dialogue = (
    c: MkConversation,
    n: number,
    startAgoMs: number,
    stepMs: number,
    unread: { buyer?: number; seller?: number } = {},
  ) => {
    const msgs: MkMessage[] = [];
    for (let i = 0; i < n; i++) {
      const fromBuyer = i % 2 === 0;
      const t = now - startAgoMs + i * stepMs + rng.int(0, Math.floor(stepMs / 4));
      msgs.push({
        id: `msg_${c.id.slice(5)}_${String(i + 1).padStart(3, '0')}`,
        conversationId: c.id,
        senderId: fromBuyer ? c.buyerId : c.sellerId,
        type: 'text',
        content: (fromBuyer ? BUYER_LINES : SELLER_LINES)[Math.floor(i / 2) % BUYER_LINES.length]!,
        attachments: [],
        sentAt: iso(t),
        readAt: iso(t + 5 * MIN),
      });
    }
    const unreadFrom = (senderId: string, count: number) => {
      for (let i = msgs.length - 1, left = count; i >= 0 && left > 0; i--) {
        if (msgs[i]!.senderId === senderId) {
          delete msgs[i]!.readAt;
          left--;
        }
      }
    };
    unreadFrom(c.sellerId, unread.buyer ?? 0);
    unreadFrom(c.buyerId, unread.seller ?? 0);
    for (const m of msgs) db.addMessage(m);
    return msgs;
  };

  // conv_1001: Anna ↔ ABC Trucks, the long one with every message type.
  const c1 = conv('conv_1001', 'lst_1001', 'usr_buyer_1', 72 * HOUR);
  if (options.size === 'large') largeThread(db, c1, now, iso);
  else {
    const msgs = dialogue(c1, 30, 70 * HOUR, 2 * HOUR, { buyer: 2 });
    const img = msgs[5]!; // seller line
    img.type = 'image';
    img.content = 'Here are some photos of the cab.';
    img.attachments = [1, 2].map((k) => ({
      id: `att_1001_${k}`,
      name: `cab-${k}.svg`,
      url: photo(200 + k * 30, `Volvo FH cab ${k}`),
      thumbnailUrl: photo(200 + k * 30, `Cab ${k}`),
      size: 2048 + k * 100,
      mimeType: 'image/svg+xml',
    }));
    const doc = msgs[9]!;
    doc.type = 'document';
    doc.content = 'Here are the service records';
    doc.attachments = [
      {
        id: 'att_1001_3',
        name: 'service-records.pdf',
        url: documentUrl('application/pdf', '%PDF-1.4\n% inbox-kit mock service records\n%%EOF'),
        thumbnailUrl: DOCUMENT_THUMBNAIL,
        size: 48_213,
        mimeType: 'application/pdf',
      },
    ];
    const quick = msgs[13]!;
    quick.type = 'quick_reply';
    quick.templateId = 'tpl_1';
    quick.content =
      'Thank you for your interest in the 2021 Volvo FH 500. Yes, it is still available at EUR 85,000. Would you like to schedule a viewing?';
  }

  // conv_1002: Anna ↔ ABC Trucks, Scania, 1 unread.
  dialogue(conv('conv_1002', 'lst_1002', 'usr_buyer_1', 30 * HOUR), 4, 28 * HOUR, 3 * HOUR, { buyer: 1 });
  // conv_1003: Anna ↔ Van Centrum, all read, reserved listing.
  dialogue(conv('conv_1003', 'lst_1003', 'usr_buyer_1', 100 * HOUR), 6, 98 * HOUR, 4 * HOUR);
  // conv_1004: Anna ↔ Dirk, with a spam message Anna reported.
  const c4 = conv('conv_1004', 'lst_1004', 'usr_buyer_1', 150 * HOUR);
  const m4 = dialogue(c4, 3, 148 * HOUR, 6 * HOUR);
  m4[1]!.content = 'Pay upfront by gift card and get 20% off! Contact me on WhatsApp only.';
  db.reports.push({
    id: 'rpt_1',
    messageId: 'msg_1004_002',
    reporterId: 'usr_buyer_1',
    reason: 'spam',
    details: 'Asks for gift-card payment.',
    createdAt: iso(now - 140 * HOUR),
  });
  // conv_1005: Anna ↔ ABC Trucks, DAF, archived by Anna (sold).
  dialogue(
    conv('conv_1005', 'lst_1005', 'usr_buyer_1', 400 * HOUR, { archivedBy: new Set(['usr_buyer_1']) }),
    5,
    398 * HOUR,
    5 * HOUR,
  );
  // conv_1006: Jan asks Anna about her Transit: Anna is the seller, 1 unread for her.
  dialogue(conv('conv_1006', 'lst_1006', 'usr_buyer_2', 10 * HOUR), 3, 9 * HOUR, 2 * HOUR, { seller: 1 });
  // conv_1007: Anna ↔ Van Centrum, deleted on Van Centrum's side only.
  dialogue(
    conv('conv_1007', 'lst_1007', 'usr_buyer_1', 200 * HOUR, { deletedBy: new Set(['usr_seller_3']) }),
    2,
    199 * HOUR,
    3 * HOUR,
  );
  // conv_1008: Anna ↔ Dirk about the reefer: deleted by Anna.
  dialogue(
    conv('conv_1008', 'lst_1008', 'usr_buyer_1', 300 * HOUR, { deletedBy: new Set(['usr_buyer_1']) }),
    2,
    299 * HOUR,
    3 * HOUR,
  );
  // Other people's conversations.
  dialogue(conv('conv_2001', 'lst_1001', 'usr_buyer_2', 50 * HOUR), 4, 49 * HOUR, HOUR, { seller: 1 });
  dialogue(conv('conv_2002', 'lst_1011', 'usr_seller_1', 60 * HOUR), 4, 59 * HOUR, 2 * HOUR, { seller: 1 });
  dialogue(conv('conv_2003', 'lst_1007', 'usr_buyer_3', 20 * HOUR), 2, 19 * HOUR, HOUR, { seller: 1 });
  dialogue(conv('conv_2004', 'lst_1009', 'usr_buyer_3', 5 * HOUR), 1, 4 * HOUR, HOUR, { seller: 1 });

  if (options.size === 'large') largeInbox(db, rng, now, iso);

  seedTemplates(db, iso(now - 1000 * HOUR));
  seedNotifications(db, now, iso);
}

/** `raster`: a PNG thumbnail instead of an SVG one (the bulk listings of `large`, see `rasterVehicleThumbnail`). */
function addListing(db: MarketplaceDb, l: ListingSeed, rng: Prng, raster = false): MkListing {
  const hue = rng.int(0, 359);
  const listing: MkListing = {
    ...l,
    slug: `${slugify(l.title)}-${l.id.slice(4)}`,
    thumbnail: raster ? rasterVehicleThumbnail(l.kind, hue) : vehicleThumbnail(l.kind, hue),
  };
  db.listings.set(l.id, listing);
  return listing;
}

/** 10,000 messages in conv_1001, spaced 3 minutes apart, built in one pass. */
function largeThread(db: MarketplaceDb, c: MkConversation, now: number, iso: (t: number) => string): void {
  const n = 10_000;
  const list = new Array<MkMessage>(n);
  const start = now - n * 3 * MIN - HOUR;
  for (let i = 0; i < n; i++) {
    const fromBuyer = i % 2 === 0;
    const t = start + i * 3 * MIN;
    const m: MkMessage = {
      id: `msg_1001_${String(i + 1).padStart(5, '0')}`,
      conversationId: c.id,
      senderId: fromBuyer ? c.buyerId : c.sellerId,
      type: 'text',
      content: `${(fromBuyer ? BUYER_LINES : SELLER_LINES)[i % 10]} (#${i + 1})`,
      attachments: [],
      sentAt: iso(t),
    };
    if (i < n - 4) m.readAt = iso(t + MIN);
    list[i] = m;
    db.messageById.set(m.id, m);
  }
  db.messages.set(c.id, list);
  c.updatedAt = list[n - 1]!.sentAt;
}

/** Fills Anna's inbox up to 5,000 conversations with short threads from 25 filler dealers. */
function largeInbox(db: MarketplaceDb, rng: Prng, now: number, iso: (t: number) => string): void {
  const sellers: string[] = [];
  for (let s = 1; s <= 25; s++) {
    const id = `usr_filler_${s}`;
    const name = `Dealer ${String.fromCharCode(64 + ((s - 1) % 26) + 1)}${s} Trucks`;
    db.users.set(id, {
      id,
      name,
      email: `dealer${s}@example.com`,
      password: 'password123',
      avatar: avatar(name, (s * 37) % 360),
      role: 'seller',
      verified: s % 3 !== 0,
      online: s % 4 === 0,
      token: `mk_filler_${s}`,
      description: '',
    });
    sellers.push(id);
  }
  const kinds: MkListing['kind'][] = ['truck', 'trailer', 'van'];
  const makes = ['Volvo FH', 'Scania R', 'DAF XF', 'MAN TGX', 'Iveco S-Way', 'Renault T', 'Mercedes Actros'];
  const existing = db.conversationsOf('usr_buyer_1').length;
  const target = 5_000 - existing;
  for (let i = 1; i <= target; i++) {
    const kind = kinds[i % 3]!;
    const listing = addListing(
      db,
      {
        id: `lst_l${i}`,
        sellerId: sellers[i % sellers.length]!,
        title: `${2010 + (i % 14)} ${makes[i % makes.length]} #${i}`,
        kind,
        price: 5_000 + rng.int(0, 190) * 500,
        status: i % 17 === 0 ? 'sold' : 'active',
      },
      rng,
      true,
    );
    const t = now - 500 * HOUR - i * 37 * MIN;
    const c: MkConversation = {
      id: `conv_l${i}`,
      listingId: listing.id,
      buyerId: 'usr_buyer_1',
      sellerId: listing.sellerId,
      createdAt: iso(t),
      updatedAt: iso(t),
      archivedBy: new Set(i % 50 === 0 ? ['usr_buyer_1'] : []),
      deletedBy: new Set(),
    };
    db.conversations.set(c.id, c);
    db.addMessage({
      id: `msg_l${i}_1`,
      conversationId: c.id,
      senderId: 'usr_buyer_1',
      type: 'text',
      content: BUYER_LINES[i % 10]!,
      attachments: [],
      sentAt: iso(t),
      readAt: iso(t + MIN),
    });
    const reply: MkMessage = {
      id: `msg_l${i}_2`,
      conversationId: c.id,
      senderId: c.sellerId,
      type: 'text',
      content: SELLER_LINES[i % 10]!,
      attachments: [],
      sentAt: iso(t + 10 * MIN),
    };
    if (i % 9 !== 0) reply.readAt = iso(t + 20 * MIN);
    db.addMessage(reply);
  }
}

function seedTemplates(db: MarketplaceDb, createdAt: string): void {
  const t = (
    id: string,
    ownerId: string | null,
    name: string,
    category: MarketplaceDb['templates'][number]['category'],
    content: string,
  ) => db.templates.push({ id, ownerId, name, category, content, createdAt });
  t(
    'tpl_1',
    null,
    'Vehicle Available',
    'inquiry',
    'Thank you for your interest in the {{vehicle_title}}. Yes, it is still available at {{price}}. Would you like to schedule a viewing?',
  );
  t(
    'tpl_2',
    null,
    'Make an Offer',
    'offer',
    'Hello {{seller_name}}, I would like to offer {{price}} for the {{vehicle_title}}. Kind regards, {{buyer_name}}',
  );
  t(
    'tpl_3',
    null,
    'Schedule a Viewing',
    'viewing',
    'Hi {{buyer_name}}, you are welcome to view the {{vehicle_title}} at our yard. All details: {{listing_url}}',
  );
  t(
    'tpl_4',
    null,
    'Thanks for Your Purchase',
    'after_sale',
    'Thank you {{buyer_name}} for buying the {{vehicle_title}}! Enjoy the drive. {{seller_name}}',
  );
  t('tpl_5', null, 'Still for Sale?', 'other', 'Is the {{vehicle_title}} still for sale? {{listing_url}}');
  t(
    'tpl_6',
    null,
    'Ask for Availability',
    'inquiry',
    'Hello {{seller_name}}, is the {{vehicle_title}} still available?',
  );
  t(
    'tpl_7',
    'usr_seller_1',
    'ABC Trucks Greeting',
    'inquiry',
    'Thanks for contacting ABC Trucks about the {{vehicle_title}}, {{buyer_name}}. Our price is {{price}}; see {{listing_url}}.',
  );
  t(
    'tpl_8',
    'usr_seller_1',
    'ABC Trucks Price Firm',
    'offer',
    'Dear {{buyer_name}}, {{price}} is our final price for the {{vehicle_title}}.',
  );
}

function seedNotifications(db: MarketplaceDb, now: number, iso: (t: number) => string): void {
  let n = 0;
  const add = (
    userId: string,
    type: MkNotification['type'],
    title: string,
    agoH: number,
    read: boolean,
    body?: string,
    data?: Record<string, unknown>,
  ) => {
    const item: MkNotification = { id: `ntf_${++n}`, userId, type, title, createdAt: iso(now - agoH * HOUR) };
    if (body) item.body = body;
    if (data) item.data = data;
    if (read) item.readAt = iso(now - agoH * HOUR + 30 * MIN);
    db.notifications.push(item);
  };
  add('usr_buyer_1', 'NEW_MESSAGE', 'New message from ABC Trucks', 1, false, 'About 2021 Volvo FH 500', {
    conversationId: 'conv_1001',
  });
  add(
    'usr_buyer_1',
    'FAVORITE_PRICE_DROP',
    'Price drop on a favourite',
    5,
    false,
    '2019 Scania R450 is now EUR 62,500',
    { listingId: 'lst_1002' },
  );
  add('usr_buyer_1', 'LISTING_APPROVED', 'Your listing is live', 30, true, '2016 Ford Transit 2.2 TDCi', {
    listingId: 'lst_1006',
  });
  add(
    'usr_buyer_1',
    'LISTING_EXPIRING',
    'Your listing expires soon',
    48,
    false,
    '2016 Ford Transit 2.2 TDCi expires in 3 days',
    { listingId: 'lst_1006' },
  );
  add('usr_buyer_1', 'NEW_REVIEW', 'New review', 96, true, 'Jan Bakker left you 5 stars');
  add('usr_buyer_1', 'LISTING_SOLD', 'A vehicle you follow was sold', 200, true, '2018 DAF XF 480', {
    listingId: 'lst_1005',
  });
  add('usr_seller_1', 'NEW_MESSAGE', 'New message from Jan Bakker', 2, false, 'About 2021 Volvo FH 500', {
    conversationId: 'conv_2001',
  });
  add('usr_seller_1', 'LISTING_SOLD', 'Listing sold', 300, true, '2018 DAF XF 480', {
    listingId: 'lst_1005',
  });
  add('usr_seller_1', 'NEW_REVIEW', 'New review', 20, false, 'Anna de Vries left you 4 stars');
  add(
    'usr_buyer_2',
    'NEW_MESSAGE',
    'New message from Anna de Vries',
    3,
    false,
    'About 2016 Ford Transit 2.2 TDCi',
    { conversationId: 'conv_1006' },
  );
  db.notifications.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}
