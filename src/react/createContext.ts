import { createContext, useContext } from 'react';
import type { Context } from 'react';

/**
 * Creates a context whose hook throws a helpful error when used outside its
 * provider: `` `Inbox.List` must be used within `Inbox.Root` ``.
 */
export function createStrictContext<T>(
  providerName: string,
): [Context<T | null>, (consumerName: string) => T] {
  const Ctx = createContext<T | null>(null);
  Ctx.displayName = `${providerName}Context`;
  function useStrict(consumerName: string): T {
    const value = useContext(Ctx);
    if (value === null) throw new Error(`\`${consumerName}\` must be used within \`${providerName}\``);
    return value;
  }
  return [Ctx, useStrict];
}
