import { MockHttpError } from '../../errors';
import type { MarketplaceDb, MkConversation, MkUser } from '../db';

/**
 * Loads a conversation the user takes part in: unknown (or deleted by the
 * user) → 404, someone else's → 403.
 */
export function loadConversation(db: MarketplaceDb, id: string, user: MkUser): MkConversation {
  const c = db.conversations.get(id);
  if (!c) throw new MockHttpError('not_found', `Conversation ${id} not found.`);
  if (c.buyerId !== user.id && c.sellerId !== user.id)
    throw new MockHttpError('forbidden', 'You are not a participant of this conversation.');
  if (c.deletedBy.has(user.id)) throw new MockHttpError('not_found', `Conversation ${id} not found.`);
  return c;
}
