import { TransportError } from '../../core/TransportError';

/**
 * Conversation ids are `<threadMetadataId>~<customerId>`: the thread metadata
 * id is what `markRead` needs, the customer id is what a thread's messages are
 * filtered by, so no lookup table is needed.
 */
export function toConversationId(metadataId: string, customerId: string): string {
  return `${metadataId}~${customerId}`;
}

/** Splits a conversation id; a malformed one is `not_found`. */
export function fromConversationId(id: string): { metadataId: string; customerId: string } {
  const i = id.indexOf('~');
  if (i <= 0 || i === id.length - 1) throw new TransportError('not_found', `Unknown conversation "${id}".`);
  return { metadataId: id.slice(0, i), customerId: id.slice(i + 1) };
}
