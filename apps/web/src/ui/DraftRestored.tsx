import { FormattedMessage } from 'react-intl';

/** What DraftRestored needs of a form's draft (useDraft's). */
export interface RestorableDraft {
  readonly restored: boolean;
  clear(): void;
}

/**
 * Every form's one notice that what the person typed earlier (kept in local storage) was put back, with the way to
 * discard it. Announced politely; nothing when no draft was restored.
 */
export function DraftRestored({ draft }: { readonly draft: RestorableDraft }) {
  if (!draft.restored) return null;
  return (
    <p className="draft-note" role="status">
      <FormattedMessage id="common.draft.restored" />{' '}
      <button type="button" className="link" onClick={draft.clear}>
        <FormattedMessage id="common.draft.discard" />
      </button>
    </p>
  );
}
