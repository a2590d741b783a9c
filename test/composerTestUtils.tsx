/** Helpers shared by the composer's tests. */
import { screen, waitFor } from '@testing-library/react';
import type { MockServer } from '../src/mock/node';
import type { MessagingTransport } from '../src/transports/types';

/** The Shopmonkey conversation id of a customer, as the adapter names it. */
export async function smConversationId(transport: MessagingTransport, customerName: string): Promise<string> {
  const page = await transport.listConversations({ limit: 50 });
  const c = page.items.find((x) => x.counterpart.name === customerName);
  if (!c) throw new Error(`no conversation with ${customerName}`);
  return c.id;
}

/** How many messages the reference server stores for a marketplace conversation. */
export const mkCount = (mock: MockServer, conversationId: string) =>
  mock.ctx.db.marketplace.messages.get(conversationId)?.length ?? 0;

/** How many messages the reference server stores for a Shopmonkey customer. */
export const smCount = (mock: MockServer, customerId: string) =>
  mock.ctx.db.shopmonkey.messagesByCustomer.get(customerId)?.length ?? 0;

/** The newest stored message of a Shopmonkey customer. */
export const smLast = (mock: MockServer, customerId: string) =>
  mock.ctx.db.shopmonkey.messagesByCustomer.get(customerId)!.at(-1)!;

/** The newest stored message of a marketplace conversation. */
export const mkLast = (mock: MockServer, conversationId: string) =>
  mock.ctx.db.marketplace.messages.get(conversationId)!.at(-1)!;

/** The message field. */
export const messageField = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });

/** Waits for the polite announcer to say `text`. */
export async function expectAnnounced(text: string | RegExp, assertive = false) {
  await waitFor(() => {
    const region = document.querySelector(
      assertive ? '[data-slot="announcer-assertive"]' : '[data-slot="announcer-polite"]',
    );
    const said = region?.textContent ?? '';
    if (typeof text === 'string' ? !said.includes(text) : !text.test(said))
      throw new Error(`announcer said "${said}"`);
  });
}
