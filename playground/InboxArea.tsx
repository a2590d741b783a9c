import { InboxLayout } from '../src/react/components/InboxLayout';

/** The drop-in `InboxLayout`, its selection kept in the playground's settings. */
export function InboxArea({
  value,
  onValueChange,
}: {
  value: string | null;
  onValueChange: (id: string | null) => void;
}) {
  return (
    <div className="pg-inbox">
      <InboxLayout value={value} onValueChange={onValueChange} />
    </div>
  );
}
