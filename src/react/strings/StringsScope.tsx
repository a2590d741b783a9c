import { forwardRef, useMemo } from 'react';
import type { ForwardRefExoticComponent, PropsWithoutRef, ReactNode, RefAttributes } from 'react';
import { MessagingContext, useMessaging } from '../MessagingProvider';
import type { Strings } from './en';

/** Props of {@link StringsScope}. */
export interface StringsScopeProps {
  /** English defaults of this subtree's area, e.g. `inbox` from `./en/inbox`. */
  strings: Partial<Strings>;
  children?: ReactNode;
}

/**
 * Re-provides the messaging context with a `t` whose English defaults include
 * `strings`, so `useMessaging().t` below has this area's text while the
 * provider carries only the shared strings. The locale bundle and the host's
 * `strings` overrides still win. Renders no element.
 */
export function StringsScope({ strings, children }: StringsScopeProps) {
  const messaging = useMessaging('StringsScope');
  const t = useMemo(() => messaging.t.withDefaults(strings), [messaging.t, strings]);
  const value = useMemo(() => (t === messaging.t ? messaging : { ...messaging, t }), [messaging, t]);
  return <MessagingContext.Provider value={value}>{children}</MessagingContext.Provider>;
}

/**
 * Wraps a component in a {@link StringsScope}, so the component itself (its
 * hooks included) and everything below it read `strings`. For component roots.
 */
export function withStrings<T, P extends object>(
  strings: Partial<Strings>,
  Component: ForwardRefExoticComponent<PropsWithoutRef<P> & RefAttributes<T>>,
): ForwardRefExoticComponent<PropsWithoutRef<P> & RefAttributes<T>> {
  const Scoped = forwardRef<T, P>(function Scoped(props, ref) {
    return (
      <StringsScope strings={strings}>
        <Component {...props} ref={ref} />
      </StringsScope>
    );
  });
  Scoped.displayName = Component.displayName ?? (Component as { render?: { name?: string } }).render?.name;
  return Scoped;
}
