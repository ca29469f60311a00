import { Component, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

/** A render error shows a sentence and a way out instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="state state-error" role="alert">
        <p>
          <FormattedMessage id="common.crashed" />
        </p>
        <button type="button" onClick={() => window.location.assign('/')}>
          <FormattedMessage id="common.backHome" />
        </button>
      </div>
    );
  }
}
