import { useCallback, useRef, useState } from 'react';

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
  const onChange = useRef(opts.onChange);
  onChange.current = opts.onChange;
  const set = useCallback(
    (next: T) => {
      if (!controlled) setInner(next);
      onChange.current?.(next);
    },
    [controlled],
  );
  return [current, set];
}
