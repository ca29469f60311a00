import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { EndorseButton } from './EndorseButton';
import { ReportButton } from './ReportDialog';

/**
 * The actions under an annotation or a reply, with one rule for who sees which: anyone signed in endorses and
 * reports others' content and replies (where replying is allowed); the author edits and deletes their own.
 */
export function ContentActions({
  kind,
  id,
  endorsementCount,
  viewerHasEndorsed,
  signedIn,
  mine,
  canReply,
  replying,
  onReply,
  onEdit,
  deleteControl,
}: {
  readonly kind: 'ANNOTATION' | 'COMMENT';
  readonly id: string;
  readonly endorsementCount: number;
  readonly viewerHasEndorsed: boolean;
  readonly signedIn: boolean;
  readonly mine: boolean;
  readonly canReply: boolean;
  readonly replying: boolean;
  readonly onReply: () => void;
  readonly onEdit: () => void;
  /** The author's delete button (annotations and replies delete differently). */
  readonly deleteControl: ReactNode;
}) {
  return (
    <div className="actions">
      <EndorseButton
        subjectType={kind}
        id={id}
        count={endorsementCount}
        endorsed={viewerHasEndorsed}
        canEndorse={signedIn && !mine}
      />
      {signedIn && canReply && (
        <button type="button" onClick={onReply} aria-expanded={replying}>
          <FormattedMessage id="annotations.reply.action" />
        </button>
      )}
      {mine && (
        <button type="button" onClick={onEdit}>
          <FormattedMessage id="annotations.edit.action" />
        </button>
      )}
      {mine && deleteControl}
      {signedIn && !mine && <ReportButton contentType={kind} contentId={id} />}
    </div>
  );
}
