import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { describeError } from '../app/errors';
import { EndorseDocument, WithdrawEndorsementDocument, type EndorsableType } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { BusyButton } from '../ui/BusyButton';

export interface EndorseButtonProps {
  readonly subjectType: EndorsableType;
  readonly id: string;
  readonly count: number;
  readonly endorsed: boolean;
  /** False for one's own content, when signed out, or for deleted content: the count alone is shown. */
  readonly canEndorse: boolean;
}

const TYPENAMES: Record<EndorsableType, string> = { ANNOTATION: 'Annotation', COMMENT: 'Comment' };

/**
 * Endorse or withdraw (a toggle with aria-pressed), with the count; the cache entry is updated in place. When the
 * toggle was stale (endorsed or withdrawn meanwhile in another tab: CONFLICT / NOT_FOUND), it is corrected
 * instead of showing an error.
 */
export function EndorseButton({ subjectType, id, count, endorsed, canEndorse }: EndorseButtonProps) {
  const intl = useIntl();
  const { cache } = useApolloClient();
  const [endorse] = useMutation(EndorseDocument);
  const [withdraw] = useMutation(WithdrawEndorsementDocument);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const label = intl.formatMessage({ id: 'annotations.endorse.count' }, { count });
  if (!canEndorse) return <span className="endorsements">{label}</span>;

  const write = (fields: { endorsementCount?: number; viewerHasEndorsed: boolean }) =>
    cache.modify({
      id: cache.identify({ __typename: TYPENAMES[subjectType], id }),
      fields: {
        viewerHasEndorsed: () => fields.viewerHasEndorsed,
        ...(fields.endorsementCount === undefined ? {} : { endorsementCount: () => fields.endorsementCount }),
      },
    });

  async function toggle() {
    setBusy(true);
    setError(null);
    const variables = { input: { id, subjectType } };
    try {
      if (endorsed) {
        const { data } = await withdraw({ variables });
        if (data) write(data.withdrawEndorsement);
      } else {
        const { data } = await endorse({ variables });
        if (data) write(data.endorse);
      }
    } catch (caught) {
      const code = describeError(caught).code;
      if (!endorsed && code === 'CONFLICT') write({ viewerHasEndorsed: true });
      else if (endorsed && code === 'NOT_FOUND') write({ viewerHasEndorsed: false });
      else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <BusyButton type="button" className="endorse" aria-pressed={endorsed} busy={busy} onClick={() => void toggle()}>
        <span aria-hidden="true">{endorsed ? '★' : '☆'}</span> <FormattedMessage id="annotations.endorse.action" />
        <span className="count"> · {label}</span>
      </BusyButton>
      {error !== null && <ErrorMessage error={error} />}
    </>
  );
}
