import { Component, type ReactNode } from 'react';
import { RouteErrorPage } from './route-error-page';

interface RouteErrorBoundaryProps {
  children: ReactNode;
}

/**
 * Catches a page that fails to render or whose code fails to load (e.g. a new deploy
 * replaced the chunk), so the visitor gets a way out instead of a blank screen. The
 * layout keys it by path, so moving to another page starts afresh.
 */
export class RouteErrorBoundary extends Component<RouteErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <RouteErrorPage /> : this.props.children;
  }
}
