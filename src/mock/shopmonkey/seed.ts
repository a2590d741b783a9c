import type { SmMessage, SmThreadMetadata } from '../../transports/shopmonkey/wire';
import type { ShopmonkeyDb, ShopmonkeyDbOptions, SmCustomer } from './db';
import { messageRow } from './messageRow';
import type { MessageFields } from './messageRow';
import { seedLarge } from './seedLarge';
import { mulberry32, pick } from '../prng';

const NO_PHONE = 'This customer has no mobile phone number on file, so the SMS could not be sent.';
const NO_EMAIL = 'This customer has no email address on file, so the email could not be sent.';

/** A tiny inline image so seeded attachments render without a network. */
export function placeholderImage(label: string, color: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="120"><rect width="160" height="120" fill="${color}"/><text x="80" y="64" font-size="14" text-anchor="middle" fill="#fff" font-family="sans-serif">${label}</text></svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

/**
 * Fills the db: a company with one location, two staff users (fixed ids and
 * tokens), customers with and without phone/email, orders, vehicles, files,
 * thread metadata and messages covering every author type, origin, delivery
 * status and Message feature (order shares, appointments, suggested replies,
 * quiet hours, internal notes, deleted messages).
 */
export function seedShopmonkey(db: ShopmonkeyDb, options: ShopmonkeyDbOptions): void {
  const now = options.now.getTime();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  const rand = mulberry32(options.seed);

  db.users.set('sm_user_1', {
    id: 'sm_user_1',
    firstName: 'Maria',
    lastName: 'Lopez',
    color: '#1d4ed8',
    token: 'sm_staff_1',
    description: 'Service advisor: 6 threads (2 unread, 1 archived, 1 customer without a phone).',
  });
  db.users.set('sm_user_2', {
    id: 'sm_user_2',
    firstName: 'Tom',
    lastName: 'Becker',
    color: '#b45309',
    token: 'sm_staff_2',
    description: 'Technician: 2 threads; shares Jamie Rivera with Maria.',
  });

  const customers: SmCustomer[] = [
    {
      id: 'sm_cust_1',
      customerType: 'Customer',
      firstName: 'Jamie',
      lastName: 'Rivera',
      companyName: null,
      phone: '+1 555 0101',
      email: 'jamie.rivera@example.com',
    },
    {
      id: 'sm_cust_2',
      customerType: 'Customer',
      firstName: 'Priya',
      lastName: 'Shah',
      companyName: null,
      phone: '+1 555 0102',
      email: null,
    },
    {
      id: 'sm_cust_3',
      customerType: 'Company',
      firstName: null,
      lastName: null,
      companyName: 'Northwind Logistics',
      phone: '+1 555 0103',
      email: 'fleet@northwind.example.com',
    },
    {
      id: 'sm_cust_4',
      customerType: 'Customer',
      firstName: 'Daniel',
      lastName: 'Okafor',
      companyName: null,
      phone: null,
      email: 'd.okafor@example.com',
    },
    {
      id: 'sm_cust_5',
      customerType: 'Customer',
      firstName: 'Sofia',
      lastName: 'Marino',
      companyName: null,
      phone: '+1 555 0105',
      email: 'sofia.marino@example.com',
    },
    {
      id: 'sm_cust_6',
      customerType: 'Customer',
      firstName: 'Chen',
      lastName: 'Wei',
      companyName: null,
      phone: '+1 555 0106',
      email: 'chen.wei@example.com',
    },
    {
      id: 'sm_cust_7',
      customerType: 'Customer',
      firstName: 'Ahmed',
      lastName: 'Hassan',
      companyName: null,
      phone: '+1 555 0107',
      email: 'ahmed.hassan@example.com',
    },
  ];
  for (const c of customers) db.customers.set(c.id, c);
  const vehicles: Array<[string, number, string, string]> = [
    ['sm_cust_1', 2019, 'Honda', 'Civic'],
    ['sm_cust_2', 2016, 'Toyota', 'RAV4'],
    ['sm_cust_3', 2021, 'Ford', 'Transit'],
    ['sm_cust_4', 2014, 'Volkswagen', 'Golf'],
    ['sm_cust_5', 2020, 'Tesla', 'Model 3'],
    ['sm_cust_6', 2018, 'Subaru', 'Outback'],
    ['sm_cust_7', 2012, 'BMW', '328i'],
  ];
  vehicles.forEach(([customerId, year, make, model], i) =>
    db.vehicles.set(`sm_veh_${i + 1}`, { id: `sm_veh_${i + 1}`, customerId, year, make, model }),
  );
  const orders: Array<[string, number, string, string, number]> = [
    ['sm_order_1', 1042, 'sm_cust_1', 'sm_veh_1', 4400],
    ['sm_order_2', 1043, 'sm_cust_3', 'sm_veh_3', 10200],
    ['sm_order_3', 1038, 'sm_cust_4', 'sm_veh_4', 5100],
    ['sm_order_4', 1045, 'sm_cust_6', 'sm_veh_6', 610],
    ['sm_order_5', 1031, 'sm_cust_5', 'sm_veh_5', 20100],
    ['sm_order_6', 1047, 'sm_cust_7', 'sm_veh_7', 300],
  ];
  for (const [id, number, customerId, vehicleId, ago] of orders)
    db.orders.set(id, { id, number, customerId, vehicleId, createdDate: at(ago) });

  const files = [
    {
      id: 'sm_file_1',
      url: 'https://files.shopmonkey.mock/sm_file_1/invoice-1043.pdf',
      thumbnailUrl: null,
      fileSize: 182_344,
      fileType: 'application/pdf',
      fileName: 'invoice-1043.pdf',
    },
    {
      id: 'sm_file_2',
      url: placeholderImage('front brakes', '#475569'),
      thumbnailUrl: placeholderImage('front', '#475569'),
      fileSize: 1_204_221,
      fileType: 'image/jpeg',
      fileName: 'inspection-front.jpg',
    },
    {
      id: 'sm_file_3',
      url: placeholderImage('rear brakes', '#334155'),
      thumbnailUrl: placeholderImage('rear', '#334155'),
      fileSize: 948_870,
      fileType: 'image/png',
      fileName: 'inspection-rear.png',
    },
  ];
  for (const f of files) db.files.set(f.id, f);
  db.nextId('sm_file');
  db.nextId('sm_file');
  db.nextId('sm_file');

  const add = (
    customerId: string,
    fields: Omit<MessageFields, 'createdDate'> & { ago: number },
  ): SmMessage => {
    const { ago, ...rest } = fields;
    const m = messageRow(db, { customerId, createdDate: at(ago), ...rest });
    db.insertMessage(m);
    return m;
  };
  const maria = { authorType: 'User' as const, userId: 'sm_user_1' };
  const tom = { authorType: 'User' as const, userId: 'sm_user_2' };
  const customer = { authorType: 'Customer' as const };
  const system = { authorType: 'System' as const };

  // Jamie Rivera: appointment confirmation, order share, a colleague's note, two unread with a suggested reply.
  add('sm_cust_1', {
    ...customer,
    ago: 4320,
    origin: 'Web',
    text: 'Hi, my Civic is making a grinding noise when I brake. Can I bring it in this week?',
    vehicleId: 'sm_veh_1',
  });
  add('sm_cust_1', {
    ...maria,
    ago: 4300,
    text: 'Hi Jamie, sure — we can take it Thursday at 9:00. I will send a confirmation.',
    sendSms: true,
    smsStatus: 'Delivered',
  });
  add('sm_cust_1', {
    ...maria,
    ago: 4290,
    text: 'Your appointment is scheduled for Thursday 9:00 AM. Reply YES to confirm.',
    sendSms: true,
    smsStatus: 'Delivered',
    sendEmail: true,
    emailStatus: 'Read',
    emailSubject: 'Your appointment on Thursday',
    appointmentEvent: 'Scheduled',
    appointmentId: 'sm_appt_1',
    requestAppointmentConfirmation: true,
    vehicleId: 'sm_veh_1',
  });
  add('sm_cust_1', {
    ...customer,
    ago: 4200,
    origin: 'SMS',
    text: 'YES',
    appointmentEvent: 'Confirm',
    appointmentId: 'sm_appt_1',
  });
  add('sm_cust_1', {
    ...maria,
    ago: 1500,
    text: 'Here is the estimate for front brake pads and rotors.',
    sendSms: true,
    smsStatus: 'Delivered',
    sendEmail: true,
    emailStatus: 'Delivered',
    emailSubject: 'Estimate #1042 from Lopez Auto Repair',
    isOrderShare: true,
    orderShareType: 'Estimate',
    orderId: 'sm_order_1',
    vehicleId: 'sm_veh_1',
  });
  add('sm_cust_1', {
    ...tom,
    ago: 1440,
    origin: 'Mobile',
    internal: true,
    text: 'Rotors are below minimum thickness — replace, do not resurface.',
    orderId: 'sm_order_1',
  });
  add('sm_cust_1', {
    ...customer,
    ago: 60,
    origin: 'SMS',
    shopRead: false,
    text: 'Thanks! Does the estimate include the rotors?',
  });
  add('sm_cust_1', {
    ...customer,
    ago: 20,
    origin: 'SMS',
    shopRead: false,
    text: 'Also, can I pick it up after 5pm?',
    suggestedReply: 'Yes, we are open until 6pm — see you then!',
  });

  // Priya Shah: no email address, so the email leg failed.
  add('sm_cust_2', {
    ...customer,
    ago: 2880,
    origin: 'CustomerOrderPage',
    text: 'Is my RAV4 ready for pickup?',
    vehicleId: 'sm_veh_2',
  });
  add('sm_cust_2', {
    ...maria,
    ago: 2870,
    text: 'Yes, it is ready! We close at 6pm today.',
    sendSms: true,
    smsStatus: 'Delivered',
    sendEmail: true,
    emailStatus: 'Error',
    emailError: NO_EMAIL,
  });
  add('sm_cust_2', { ...customer, ago: 2860, origin: 'SMS', text: 'Great, see you soon.' });

  // Northwind Logistics (a company): system appointment messages, an invoice share with a PDF.
  add('sm_cust_3', {
    ...system,
    ago: 10080,
    text: 'Appointment rescheduled to Monday 8:00 AM.',
    sendSms: true,
    smsStatus: 'Delivered',
    appointmentEvent: 'Rescheduled',
    appointmentId: 'sm_appt_2',
  });
  add('sm_cust_3', {
    ...system,
    ago: 9000,
    text: 'Reminder: your Ford Transit is booked for service tomorrow at 8:00 AM.',
    sendEmail: true,
    emailStatus: 'Delivered',
    emailSubject: 'Service reminder',
    appointmentEvent: 'Reminder',
    appointmentId: 'sm_appt_2',
    requestAppointmentConfirmation: true,
    vehicleId: 'sm_veh_3',
  });
  add('sm_cust_3', { ...customer, ago: 8900, origin: 'Email', text: 'Confirmed, the van will be there.' });
  add('sm_cust_3', {
    ...system,
    ago: 8800,
    text: 'Northwind Logistics confirmed the appointment.',
    appointmentEvent: 'Acknowledgement',
    appointmentId: 'sm_appt_2',
  });
  add('sm_cust_3', {
    ...maria,
    ago: 3000,
    origin: 'Mobile',
    text: 'Work on the Transit is complete. The invoice is attached.',
    sendEmail: true,
    emailStatus: 'Read',
    emailSubject: 'Your Ford Transit is ready',
    isOrderShare: true,
    orderShareType: 'Invoice',
    orderId: 'sm_order_2',
    files: [files[0]!],
    vehicleId: 'sm_veh_3',
  });
  add('sm_cust_3', { ...customer, ago: 2000, origin: 'Email', text: 'Payment sent. Thanks!' });
  add('sm_cust_3', {
    ...maria,
    ago: 500,
    text: 'Your follow-up inspection on Friday has been canceled. Call us to rebook.',
    sendSms: true,
    smsStatus: 'Sent',
    sendEmail: true,
    emailStatus: 'Unknown',
    appointmentEvent: 'Canceled',
    appointmentId: 'sm_appt_3',
  });

  // Daniel Okafor: no phone (SMS error), photos, a deleted message.
  add('sm_cust_4', {
    ...customer,
    ago: 5000,
    origin: 'Email',
    text: 'Could you send me the inspection photos?',
  });
  add('sm_cust_4', {
    ...maria,
    ago: 4900,
    text: 'Here are the photos from the inspection.',
    sendSms: true,
    smsStatus: 'Error',
    smsError: NO_PHONE,
    sendEmail: true,
    emailStatus: 'Delivered',
    emailSubject: 'Inspection photos — VW Golf',
    files: [files[1]!, files[2]!],
    vehicleId: 'sm_veh_4',
    orderId: 'sm_order_3',
  });
  add('sm_cust_4', { ...customer, ago: 4800, origin: 'Email', text: 'Thanks, approved.' });
  add('sm_cust_4', {
    ...tom,
    ago: 4700,
    text: 'Your Civic is ready for pickup.',
    sendEmail: true,
    emailStatus: 'Delivered',
    deleted: true,
    deletedUserId: 'sm_user_1',
    deletedDate: at(4690),
    deletedReason: 'Sent to the wrong customer',
  });

  // Sofia Marino: archived thread, with a campaign message before the last visit.
  add('sm_cust_5', {
    ...system,
    ago: 30000,
    text: 'Winter tire check: 15% off tire swaps until the end of the month.',
    sendSms: true,
    smsStatus: 'Delivered',
    type: 'Marketing',
    automatedCampaignId: 'sm_campaign_1',
  });
  add('sm_cust_5', {
    ...maria,
    ago: 20000,
    text: 'Your Tesla is ready for pickup.',
    sendSms: true,
    smsStatus: 'Delivered',
    avoidSMSQuietHours: true,
  });
  add('sm_cust_5', { ...customer, ago: 19900, origin: 'SMS', text: 'Picked it up, thanks!' });

  // Chen Wei: system notice, an SMS held for quiet hours, a note, an appointment, one unread with a suggestion.
  add('sm_cust_6', { ...system, ago: 600, text: 'Order #1045 was created.', orderId: 'sm_order_4' });
  add('sm_cust_6', {
    ...maria,
    ago: 590,
    text: 'We will start on your Outback first thing tomorrow.',
    sendSms: true,
    smsStatus: 'Pending',
    avoidSMSQuietHours: true,
    orderId: 'sm_order_4',
  });
  add('sm_cust_6', { ...maria, ago: 580, internal: true, text: 'Customer prefers texts after 6pm.' });
  add('sm_cust_6', {
    ...maria,
    ago: 300,
    origin: 'Mobile',
    text: 'Your appointment is scheduled for Wednesday at 10:00 AM.',
    sendEmail: true,
    emailStatus: 'Sent',
    emailSubject: 'Appointment scheduled',
    appointmentEvent: 'Scheduled',
    appointmentId: 'sm_appt_4',
    vehicleId: 'sm_veh_6',
  });
  add('sm_cust_6', {
    ...customer,
    ago: 45,
    origin: 'CustomerOrderPage',
    shopRead: false,
    orderId: 'sm_order_4',
    text: 'Can you also check the rear tire pressure sensor?',
    suggestedReply: 'Of course — we will check the TPMS sensor while it is here.',
  });

  // Ahmed Hassan: Tom's customer only.
  add('sm_cust_7', {
    ...tom,
    ago: 200,
    text: 'Your BMW is booked for Tuesday.',
    sendSms: true,
    smsStatus: 'Delivered',
    orderId: 'sm_order_6',
  });
  add('sm_cust_7', {
    ...customer,
    ago: 100,
    origin: 'SMS',
    shopRead: false,
    text: pick(rand, ['Thanks Tom!', 'Thank you, Tom.', 'Great, thanks Tom!']),
  });

  const thread = (
    userId: string,
    customerId: string,
    createdAgo: number,
    unread: number,
    archived = false,
  ): SmThreadMetadata => {
    const list = db.messagesByCustomer.get(customerId) ?? [];
    const firstUnread = list.filter((m) => m.authorType === 'Customer').slice(-unread)[0];
    const t: SmThreadMetadata = {
      id: db.nextId('sm_mtm'),
      createdDate: at(createdAgo),
      updatedDate: list.at(-1)?.createdDate ?? null,
      locationId: db.locationId,
      companyId: db.companyId,
      unreadTimestamp: unread > 0 ? (firstUnread?.createdDate ?? null) : null,
      unreadMessagesCount: unread,
      important: false,
      archived,
      userId,
      customerId,
    };
    db.threads.set(t.id, t);
    return t;
  };
  thread('sm_user_1', 'sm_cust_1', 4320, 2).important = true;
  thread('sm_user_1', 'sm_cust_2', 2880, 0);
  thread('sm_user_1', 'sm_cust_3', 10080, 0);
  thread('sm_user_1', 'sm_cust_4', 5000, 0);
  thread('sm_user_1', 'sm_cust_5', 20000, 0, true);
  thread('sm_user_1', 'sm_cust_6', 600, 1);
  thread('sm_user_2', 'sm_cust_1', 4320, 2);
  thread('sm_user_2', 'sm_cust_7', 200, 1);

  const template = (name: string, text: string, ago: number, deleted = false) => {
    const id = db.nextId('sm_tpl');
    db.templates.set(id, {
      id,
      createdDate: at(ago),
      updatedDate: deleted ? at(ago - 10) : null,
      locationId: db.locationId,
      companyId: db.companyId,
      name,
      text,
      deleted,
      deletedDate: deleted ? at(ago - 10) : null,
    });
  };
  template(
    'Vehicle ready',
    'Hi {{customer_name}}, your vehicle is ready for pickup. We are open until 6pm.',
    40000,
  );
  template(
    'Estimate sent',
    'We have sent you the estimate for order #{{order_number}}. Reply YES to approve.',
    39000,
  );
  template(
    'Running late',
    'Your repair is taking a little longer than planned. We will text you when it is done.',
    38000,
  );
  template('Old holiday hours', 'We are closed on the 24th and 25th.', 37000, true);

  db.notificationConfig.set('sm_user_1', [
    { sendEmail: true, sendInApp: true, sendSms: false },
    { type: 'message', sendEmail: false, sendInApp: true, sendSms: true },
    { type: 'payment', sendEmail: true, sendInApp: false, sendSms: false },
  ]);
  db.notificationConfig.set('sm_user_2', [{ sendEmail: true, sendInApp: true, sendSms: true }]);

  if (options.size === 'large') seedLarge(db, options, rand);
}
