import { kit } from './registry';

/**
 * The drop-in `InboxLayout` once it exists; until then the same idea from the
 * parts that do: the inbox beside a thread and its composer.
 */
export function InboxArea({
  value,
  onValueChange,
}: {
  value: string | null;
  onValueChange(id: string | null): void;
}) {
  const [selected, setSelected] = [value, onValueChange];
  const { InboxLayout, Inbox, ConversationThread, Composer } = kit;
  if (InboxLayout) {
    return (
      <div className="pg-inbox">
        <InboxLayout value={selected} onValueChange={setSelected} />
      </div>
    );
  }
  if (!Inbox)
    return <p className="pg-missing">No inbox component is built yet: see “Identities &amp; API”.</p>;
  return (
    <div className="pg-inbox pg-two-pane">
      <div className="pg-pane">
        <Inbox value={selected} onValueChange={setSelected} />
      </div>
      <div className="pg-pane">
        {selected && ConversationThread ? (
          <ConversationThread key={selected} conversationId={selected} onBack={() => setSelected(null)} />
        ) : (
          <p className="pg-missing">
            {ConversationThread ? 'Choose a conversation.' : 'ConversationThread is not built yet.'}
          </p>
        )}
        {selected && Composer ? <Composer key={`c:${selected}`} conversationId={selected} /> : null}
      </div>
    </div>
  );
}
