/**
 * APG menu navigation inside an open `role="menu"`: ↓/↑ move with wrap-around, Home/End go to the ends.
 * Returns whether `key` was one of those (the caller then prevents its default and stops it).
 */
export function moveInMenu(menu: HTMLElement | null, from: EventTarget, key: string): boolean {
  const items = Array.from(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  const i = items.indexOf(from as HTMLElement);
  const go = (n: number) => items[(n + items.length) % items.length]?.focus();
  if (key === 'ArrowDown') go(i + 1);
  else if (key === 'ArrowUp') go(i - 1);
  else if (key === 'Home') go(0);
  else if (key === 'End') go(items.length - 1);
  else return false;
  return true;
}
