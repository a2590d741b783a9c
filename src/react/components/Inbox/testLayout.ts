/**
 * jsdom has no layout, so a virtualizer sees a 0-px viewport and renders no
 * rows. Tests give the inbox grid a viewport height (`clientHeight`) and rows
 * a fixed height (`offsetHeight`); real scrolling is checked in Chromium (e2e).
 */
export function mockInboxLayout(viewport = 600, rowHeight = 84): () => void {
  const proto = HTMLElement.prototype;
  const client = Object.getOwnPropertyDescriptor(proto, 'clientHeight');
  const offset = Object.getOwnPropertyDescriptor(proto, 'offsetHeight');
  Object.defineProperty(proto, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.dataset.slot === 'inbox-list' ? viewport : 0;
    },
  });
  Object.defineProperty(proto, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.dataset.slot === 'inbox-item' ? rowHeight : 0;
    },
  });
  return () => {
    if (client) Object.defineProperty(proto, 'clientHeight', client);
    if (offset) Object.defineProperty(proto, 'offsetHeight', offset);
  };
}
