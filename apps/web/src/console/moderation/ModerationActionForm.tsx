import { useMutation } from '@apollo/client/react';
import { useIntl } from 'react-intl';
import { announce } from '../../annotations/announce';
import {
  ModerateContentDocument,
  ModerateUserDocument,
  type ContentAction,
  type QueueItemFieldsFragment,
  type UserModerationAction,
} from '../../graphql/generated/graphql';
import { ReasonForm } from '../ReasonForm';

export type ModerationActionKind = ContentAction | UserModerationAction;
export const CONTENT_ACTIONS: readonly ContentAction[] = ['HIDE', 'RESTORE', 'KEEP', 'LOCK', 'UNLOCK'];

/** Which actions fit a queue item now: hide or restore, keep, lock a thread, suspend or reinstate its author. */
export function actionsFor(item: QueueItemFieldsFragment): ModerationActionKind[] {
  const actions: ModerationActionKind[] = [item.hidden ? 'RESTORE' : 'HIDE', 'KEEP'];
  if (item.contentType === 'THREAD') actions.push('LOCK', 'UNLOCK');
  if (item.author) actions.push(item.author.status === 'SUSPENDED' ? 'REINSTATE' : 'SUSPEND');
  return actions;
}

/**
 * One moderation action on a queue item, with its reason (required) and an optional internal note. The item's
 * version goes with it: when another moderator acted first, the API answers CONFLICT, the form says so, keeps the
 * reason, and reloads the queue on request (`onConflict`) so that the person can decide again.
 */
export function ModerationActionForm({
  item,
  action,
  onDone,
  onConflict,
  onCancel,
}: {
  readonly item: QueueItemFieldsFragment;
  readonly action: ModerationActionKind;
  readonly onDone: () => void;
  readonly onConflict: () => Promise<unknown>;
  readonly onCancel: () => void;
}) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [moderateContent] = useMutation(ModerateContentDocument);
  const [moderateUser] = useMutation(ModerateUserDocument);
  const onUser = action === 'SUSPEND' || action === 'REINSTATE';

  return (
    <ReasonForm
      draftKey={`console:moderation:${item.contentId}:${action}`}
      submitLabel={t(`console.action.${action}`)}
      withNote
      renderExtra={
        action === 'SUSPEND'
          ? (value, onChange) => (
              <div className="field">
                <label htmlFor={`until-${item.contentId}`}>{t('console.moderation.until')}</label>
                <input
                  id={`until-${item.contentId}`}
                  type="date"
                  value={value}
                  aria-describedby={`until-${item.contentId}-hint`}
                  onChange={(event) => onChange(event.target.value)}
                />
                <p id={`until-${item.contentId}-hint`} className="hint">
                  {t('console.moderation.untilHint')}
                </p>
              </div>
            )
          : undefined
      }
      onCancel={onCancel}
      onConflict={async () => {
        await onConflict();
      }}
      onSubmit={async ({ reason, note, extra }) => {
        const internalNote = note || null;
        if (onUser && item.author) {
          await moderateUser({
            variables: {
              input: {
                userId: item.author.id,
                action: action as UserModerationAction,
                reason,
                internalNote,
                version: item.author.version,
                until: action === 'SUSPEND' && extra ? new Date(`${extra}T23:59:59`).toISOString() : null,
              },
            },
          });
        } else {
          await moderateContent({
            variables: {
              input: {
                contentType: item.contentType,
                contentId: item.contentId,
                action: action as ContentAction,
                version: item.version,
                reason,
                internalNote,
              },
            },
          });
        }
        announce(t('console.moderation.done', { action: t(`console.action.${action}`) }));
        onDone();
      }}
    />
  );
}
