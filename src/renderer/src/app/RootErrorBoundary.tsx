import { Component, type ErrorInfo, type ReactNode } from 'react';
import { RecoveryScreen } from './RecoveryScreen';

interface State {
  failure: { error: unknown; componentStack: string | null } | null;
}

/**
 * The last line of defence for the window: when a screen throws while React renders it (a bug,
 * or a part of the app that failed to load), the person sees a recovery screen in plain English
 * with a way to carry on, instead of a blank window. React keeps error boundaries to class
 * components.
 */
export class RootErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failure: null };

  static getDerivedStateFromError(error: unknown): State {
    return { failure: { error, componentStack: null } };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.setState({ failure: { error, componentStack: info.componentStack ?? null } });
  }

  override render(): ReactNode {
    const { failure } = this.state;
    return failure ? <RecoveryScreen {...failure} /> : this.props.children;
  }
}
