/**
 * The control of the bench's "preloaded" scenarios: a bare `@tanstack/react-virtual`
 * list of the same data, measured rows, no grouping, no formatting beyond what a plain
 * bubble or row shows. The component under test is judged as a ratio to this, in the
 * same run, so machine load cancels out.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef } from 'react';
import type { Conversation, Message } from '../../src/core/types';

const scrollerStyle = { height: '100%', overflow: 'auto', contain: 'strict' } as const;

/** Messages (oldest → newest) as plain bubbles, opened at the newest one. */
export function BareThread({ messages }: { messages: Message[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  // The control is the library as its docs use it (no React Compiler here).
  // eslint-disable-next-line react-hooks/incompatible-library
  const v = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 60,
    getItemKey: (i) => messages[i]!.id,
    overscan: 6,
  });
  useLayoutEffect(() => {
    v.scrollToIndex(messages.length - 1, { align: 'end' });
    // Once, at mount: the control opens at the newest message like the thread does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div ref={scroller} style={scrollerStyle} data-slot="bare-scroller">
      <div style={{ height: v.getTotalSize(), position: 'relative' }}>
        {v.getVirtualItems().map((item) => {
          const m = messages[item.index]!;
          return (
            <div
              key={item.key}
              ref={v.measureElement}
              data-index={item.index}
              data-slot="bare-row"
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${item.start}px)`,
                display: 'flex',
                justifyContent: m.direction === 'outgoing' ? 'flex-end' : 'flex-start',
                padding: '4px 12px',
                boxSizing: 'border-box',
              }}
            >
              <p
                style={{
                  margin: 0,
                  maxWidth: '70%',
                  padding: '8px 12px',
                  borderRadius: 12,
                  background: m.direction === 'outgoing' ? '#dbeafe' : '#f1f5f9',
                  overflowWrap: 'anywhere',
                  font: '14px/1.4 system-ui, sans-serif',
                }}
              >
                {m.text}
              </p>
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** Conversations as plain rows: name, subject, last message. */
export function BareInbox({ conversations }: { conversations: Conversation[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  // The control is the library as its docs use it (no React Compiler here).
  // eslint-disable-next-line react-hooks/incompatible-library
  const v = useVirtualizer({
    count: conversations.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 72,
    getItemKey: (i) => conversations[i]!.id,
    overscan: 6,
  });
  return (
    <div ref={scroller} style={scrollerStyle} data-slot="bare-scroller">
      <div style={{ height: v.getTotalSize(), position: 'relative' }}>
        {v.getVirtualItems().map((item) => {
          const c = conversations[item.index]!;
          return (
            <div
              key={item.key}
              ref={v.measureElement}
              data-index={item.index}
              data-slot="bare-row"
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${item.start}px)`,
                padding: '8px 12px',
                boxSizing: 'border-box',
                borderBottom: '1px solid #e2e8f0',
                font: '14px/1.4 system-ui, sans-serif',
              }}
            >
              <strong>{c.counterpart.name}</strong> <span>{c.subject?.title}</span>
              <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {c.lastMessage?.text}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
