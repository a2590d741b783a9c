import { useCallback, useState } from 'react';
import { useLatest } from '../../hooks/useLatest';

/**
 * State that is controlled when `value` is given and uncontrolled otherwise
 * (`defaultValue`); `onChange` fires either way.
 */
export function useControllableState<T>(opts: {
  value?: T;
  defaultValue: T;
  onChange?: (value: T) => void;
}): [T, (next: T) => void] {
  const [inner, setInner] = useState(opts.defaultValue);
  const controlled = opts.value !== undefined;
  const current = controlled ? (opts.value as T) : inner;
  const onChange = useLatest(opts.onChange);
  const set = useCallback(
    (next: T) => {
      if (!controlled) setInner(next);
      onChange.current?.(next);
    },
    [controlled, onChange],
  );
  return [current, set];
}
