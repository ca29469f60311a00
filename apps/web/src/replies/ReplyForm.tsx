import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { PostReplyDocument } from '../graphql/generated/graphql';
import { announce } from '../annotations/announce';
import type { Conversation } from './conversation';
import { useDraft } from '../annotations/drafts';
import { MarkdownField } from '../annotations/MarkdownField';
import { OnBehalfSelect } from '../annotations/OnBehalfSelect';
import { useAnnotationViewer } from '../annotations/viewer';
import { DraftRestored } from '../ui/DraftRestored';
import { FormFooter } from '../ui/FormFooter';

export interface ReplyFormProps {
  readonly conversation: Conversation;
  /** The reply answered; null for a reply to the subject itself. */
  readonly parentId: string | null;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

/** A reply, kept as a draft (per subject and per comment answered) until it is posted; "@name" proposes people. */
export function ReplyForm({ conversation, parentId, onDone, onCancel }: ReplyFormProps) {
  const intl = useIntl();
  const { isModerator, representedOrganizations } = useAnnotationViewer();
  const draft = useDraft(conversation.draftKey(parentId), { body: '', onBehalfOf: '', official: '' });
  const [checked, setChecked] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [post, { loading, error }] = useMutation(PostReplyDocument, {
    update(cache, { data }) {
      const comment = data?.postComment.comment;
      if (comment) conversation.addReply(cache, comment);
    },
  });
  const missing = checked && !draft.value.body.trim();
  useEffect(() => bodyRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (!draft.value.body.trim()) return bodyRef.current?.focus();
    try {
      await post({
        variables: {
          input: {
            subjectType: conversation.subjectType,
            subjectId: conversation.subjectId,
            parentId,
            body: draft.value.body,
            onBehalfOfOrganizationId: draft.value.onBehalfOf || null,
            official: isModerator && draft.value.official === 'yes',
          },
        },
      });
      draft.clear();
      announce(intl.formatMessage({ id: 'annotations.reply.posted' }));
      onDone();
    } catch {
      announce(intl.formatMessage({ id: 'annotations.reply.failed' }));
    }
  }

  return (
    <form className="reply-form" onSubmit={submit} noValidate>
      <DraftRestored draft={draft} />
      <MarkdownField
        label={intl.formatMessage({ id: parentId ? 'annotations.reply.labelToReply' : 'annotations.reply.label' })}
        value={draft.value.body}
        onChange={(body) => draft.update({ body })}
        error={missing ? intl.formatMessage({ id: 'annotations.reply.required' }) : null}
        rows={3}
        textareaRef={bodyRef}
        mentions={conversation.mentions}
      />
      <OnBehalfSelect
        organizations={conversation.speaksOnBehalf === false ? [] : representedOrganizations}
        value={draft.value.onBehalfOf}
        onChange={(onBehalfOf) => draft.update({ onBehalfOf })}
      />
      {isModerator && (
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.value.official === 'yes'}
            onChange={(event) => draft.update({ official: event.target.checked ? 'yes' : '' })}
          />
          <FormattedMessage id="annotations.reply.official" />
        </label>
      )}
      <FormFooter
        error={error}
        busy={loading}
        submitLabel={<FormattedMessage id="annotations.reply.post" />}
        onCancel={onCancel}
      />
    </form>
  );
}
