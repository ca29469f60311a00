import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ReportContentDocument, type ContentType, type ReportReason } from '../graphql/generated/graphql';
import { announce } from './announce';
import { Dialog } from './Dialog';
import { RequiredChoice } from './RequiredChoice';
import { FormFooter } from '../ui/FormFooter';

const REASONS: readonly ReportReason[] = [
  'ABUSIVE',
  'MISLEADING',
  'CONFIDENTIAL_INFORMATION',
  'OFF_TOPIC',
  'SPAM',
  'OTHER',
];

/** "Report" and its dialog: a reason (required) and an optional explanation, sent to the moderators. */
export function ReportButton({
  contentType,
  contentId,
}: {
  readonly contentType: ContentType;
  readonly contentId: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        <FormattedMessage id="annotations.report.action" />
      </button>
      {open && <ReportDialog contentType={contentType} contentId={contentId} onClose={() => setOpen(false)} />}
    </>
  );
}

function ReportDialog({
  contentType,
  contentId,
  onClose,
}: {
  readonly contentType: ContentType;
  readonly contentId: string;
  readonly onClose: () => void;
}) {
  const intl = useIntl();
  const id = useId();
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [explanation, setExplanation] = useState('');
  const [checked, setChecked] = useState(false);
  const [report, { loading, error }] = useMutation(ReportContentDocument);
  const missingReason = checked && !reason;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (!reason) {
      document.getElementById(`${id}-reason-${REASONS[0]}`)?.focus();
      return;
    }
    try {
      await report({
        variables: { input: { contentType, contentId, reason, explanation: explanation.trim() || null } },
      });
      announce(intl.formatMessage({ id: 'annotations.report.sent' }));
      onClose();
    } catch {
      // Shown in the dialog.
    }
  }

  return (
    <Dialog title={<FormattedMessage id="annotations.report.title" />} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <RequiredChoice
          idPrefix={`${id}-reason`}
          legend={<FormattedMessage id="annotations.report.reason" />}
          choices={REASONS}
          value={reason}
          onChange={setReason}
          labelOf={(choice) => intl.formatMessage({ id: `annotations.report.reasons.${choice}` })}
          missing={missingReason}
          missingMessage={<FormattedMessage id="annotations.report.reasonRequired" />}
        />
        <label htmlFor={`${id}-explanation`}>
          <FormattedMessage id="annotations.report.explanation" />
        </label>
        <textarea
          id={`${id}-explanation`}
          rows={3}
          value={explanation}
          onChange={(event) => setExplanation(event.target.value)}
        />
        <FormFooter
          error={error}
          busy={loading}
          submitLabel={<FormattedMessage id="annotations.report.send" />}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
