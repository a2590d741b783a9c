import { Component } from 'react';
import type { ReactNode } from 'react';
import type { Participant } from '../../../core/types';
import { safeUrl } from '../../../core/urls';
import { useMessaging } from '../../MessagingProvider';

/** Props of {@link Avatar}. */
export interface AvatarProps {
  participant: Participant;
  /** @defaultValue 'md' */
  size?: 'sm' | 'md' | 'lg';
  className?: string;
}

/** Initials from a name: "Anna de Vries" → "AV". */
export function initials(name: string): string {
  const parts = name
    .trim()
    .split(/\s+/)
    .filter((p) => /^\p{L}/u.test(p));
  if (parts.length === 0) return name.trim().slice(0, 1).toUpperCase() || '?';
  const first = parts[0]!.charAt(0);
  const last = parts.length > 1 ? parts[parts.length - 1]!.charAt(0) : '';
  return (first + last).toUpperCase();
}

/**
 * A participant's picture, or their initials when there is none. Decorative:
 * the name is always given in text next to it. Replaceable via `components.Avatar`.
 */
export function Avatar({ participant, size = 'md', className }: AvatarProps) {
  const { components } = useMessaging('Avatar');
  if (components.Avatar) {
    // A host renderer that throws falls back to the built-in avatar instead of taking down the tree.
    return (
      <LeafBoundary
        fallback={
          <DefaultAvatar participant={participant} size={size} {...(className ? { className } : {})} />
        }
      >
        <components.Avatar participant={participant} size={size} {...(className ? { className } : {})} />
      </LeafBoundary>
    );
  }
  return <DefaultAvatar participant={participant} size={size} {...(className ? { className } : {})} />;
}

function DefaultAvatar({ participant, size = 'md', className }: AvatarProps) {
  const url = safeUrl(participant.avatarUrl, 'image');
  return (
    <span
      className={['ik-avatar', className].filter(Boolean).join(' ')}
      data-size={size}
      data-slot="avatar"
      aria-hidden="true"
      style={participant.color ? ({ '--ik-avatar-bg': participant.color } as React.CSSProperties) : undefined}
    >
      {url ? (
        <img src={url} alt="" className="ik-avatar__img" loading="lazy" />
      ) : (
        <span className="ik-avatar__initials">{initials(participant.name)}</span>
      )}
    </span>
  );
}

/** Renders `fallback` when a host-provided leaf renderer throws. */
class LeafBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override componentDidCatch(error: unknown): void {
    console.error('inbox-kit: a custom component threw; showing the built-in one instead.', error);
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
