import { FormattedMessage } from 'react-intl';

export interface ContentBodyProps {
  readonly bodyHtml: string | null | undefined;
  readonly isDeleted: boolean;
  readonly moderation?: { readonly hidden: boolean; readonly reason?: string | null } | null;
}

/**
 * The rendered body (safe HTML from the API), or the placeholder that keeps its place: deleted by its author,
 * or hidden by moderation (the API then sends no body and no author). The author and moderators still see
 * hidden text, with why it is hidden.
 */
export function ContentBody({ bodyHtml, isDeleted, moderation }: ContentBodyProps) {
  if (isDeleted) {
    return (
      <p className="tombstone">
        <FormattedMessage id="annotations.placeholder.deleted" />
      </p>
    );
  }
  if (bodyHtml == null) {
    return (
      <p className="tombstone">
        <FormattedMessage id="annotations.placeholder.hidden" />
      </p>
    );
  }
  return (
    <>
      {moderation?.hidden && (
        <p className="moderation-note">
          <FormattedMessage
            id="annotations.placeholder.hiddenFromOthers"
            values={{ reason: moderation.reason ?? '—' }}
          />
        </p>
      )}
      <div className="body" dir="auto" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
    </>
  );
}
