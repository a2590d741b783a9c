import { TransportError } from '../core/TransportError';
import type { Message } from '../core/types';
import type { SendMessageInput } from './types';

/** How far a server's clock may lag ours when matching a stored message against a send's start. */
const CLOCK_SKEW_MS = 2 * 60_000;

/** One send through {@link SendReconciler.send}. */
export interface ReconciledSend {
  input: SendMessageInput;
  /** Exactly one POST (`idempotent: false`: the HTTP client must not retry it on an ambiguous failure). */
  post: () => Promise<Message>;
  /** The newest page of `input.conversationId`, as the server has it now. */
  readNewest: () => Promise<Message[]>;
  /** Wait before the check read, so a server still writing after a timeout has finished. @defaultValue 750 */
  delayMs?: number;
}

/** Sends to a server without idempotent sends, never storing a message twice. */
export interface SendReconciler {
  send(request: ReconciledSend): Promise<Message>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const normalise = (text: string | undefined) => (text ?? '').trim().replace(/\s+/g, ' ');

/**
 * For servers that ignore idempotency keys: a POST whose answer was lost may or may not have been stored,
 * and posting it again could send it twice (to a customer's phone, for Shopmonkey). So after an ambiguous
 * failure (`outcome: 'unknown'`), or when the outbox says this is another attempt (`input.resend`), the
 * reconciler reads the conversation's newest messages and returns the stored copy if there is one: an
 * outgoing message with the same text and number of attachments, sent since the first attempt began
 * (less clock skew). Only when that read shows it absent does it post (again). If the read itself fails,
 * the send fails with `outcome: 'unknown'`: nobody can tell, so nothing is re-posted.
 *
 * Two identical texts sent in a row are told apart by remembering which stored ids this reconciler has
 * already handed out, and for which `clientId` (another attempt of the same one may find its own copy). A message stored by the server *after* the check read (a very slow write) can still
 * be duplicated; that window is the server's to close with idempotency keys.
 */
export function createSendReconciler(): SendReconciler {
  /** Stored message id → the clientId it was handed out for. */
  const claimed = new Map<string, string>();

  async function find(request: ReconciledSend, since: number): Promise<Message | undefined> {
    const text = normalise(request.input.text);
    const attachments = request.input.attachments?.length ?? 0;
    const newest = await request.readNewest();
    return newest
      .filter(
        (m) =>
          m.direction === 'outgoing' &&
          (claimed.get(m.id) ?? request.input.clientId) === request.input.clientId &&
          normalise(m.text) === text &&
          m.attachments.length === attachments &&
          Date.parse(m.sentAt) >= since - CLOCK_SKEW_MS,
      )
      .sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt))[0];
  }

  async function check(request: ReconciledSend, since: number, original?: TransportError) {
    try {
      return await find(request, since);
    } catch (cause) {
      throw new TransportError(original?.code ?? 'network', original?.message, {
        ...(original?.status !== undefined ? { status: original.status } : {}),
        outcome: 'unknown',
        cause,
      });
    }
  }

  function claim(message: Message, clientId: string): Message {
    claimed.set(message.id, clientId);
    return message;
  }

  return {
    async send(request) {
      const since = request.input.resend ? Date.parse(request.input.resend.since) : Date.now();
      if (request.input.resend) {
        const stored = await check(request, since);
        if (stored) return claim(stored, request.input.clientId);
      }
      try {
        return claim(await request.post(), request.input.clientId);
      } catch (e) {
        if (!(e instanceof TransportError) || e.outcome !== 'unknown') throw e;
        await sleep(request.delayMs ?? 750);
        const stored = await check(request, since, e);
        if (stored) return claim(stored, request.input.clientId);
        // The server clearly does not have it: one more post is safe.
        return claim(await request.post(), request.input.clientId);
      }
    },
  };
}
