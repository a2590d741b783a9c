import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

/** Props of {@link RowErrorBoundary}. */
export interface RowErrorBoundaryProps {
  fallback: ReactNode;
  /** Changing it clears a caught error (e.g. the message was edited). */
  resetKey?: unknown;
  onError?: (error: unknown, info: ErrorInfo) => void;
  children?: ReactNode;
}

/** Keeps one message that fails to render from taking down the whole thread. */
export class RowErrorBoundary extends Component<
  RowErrorBoundaryProps,
  { failed: boolean; resetKey: unknown }
> {
  override state = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  static getDerivedStateFromProps(
    props: RowErrorBoundaryProps,
    state: { failed: boolean; resetKey: unknown },
  ) {
    return props.resetKey !== state.resetKey ? { failed: false, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    if (this.props.onError) this.props.onError(error, info);
    else
      console.error('inbox-kit: a message failed to render; the thread shows a placeholder instead.', error);
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
