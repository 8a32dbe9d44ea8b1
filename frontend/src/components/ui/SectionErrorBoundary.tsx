import { Component, type ReactNode } from 'react';
import { ErrorState } from './ErrorState';

interface SectionErrorBoundaryProps {
  /** What the section shows, for the message: "your circle activity". */
  section: string;
  children: ReactNode;
}

interface SectionErrorBoundaryState {
  error: unknown;
  hasError: boolean;
}

/** Keeps one broken section from blanking the whole page. */
export class SectionErrorBoundary extends Component<SectionErrorBoundaryProps, SectionErrorBoundaryState> {
  state: SectionErrorBoundaryState = { error: null, hasError: false };

  static getDerivedStateFromError(error: unknown): SectionErrorBoundaryState {
    return { error, hasError: true };
  }

  private reset = () => this.setState({ error: null, hasError: false });

  render() {
    if (!this.state.hasError) return this.props.children;
    return (
      <ErrorState
        title={`We couldn't show ${this.props.section}.`}
        error={this.state.error}
        onRetry={this.reset}
      />
    );
  }
}
