import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { announce } from '../annotations/announce';
import { useDraft } from '../annotations/drafts';
import {
  AddContributionRemarkDocument,
  OrganizationFederationsDocument,
  type ContributionQuery,
} from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Empty } from '../ui/States';
import { BusyButton } from '../ui/BusyButton';

type Remark = ContributionQuery['contribution']['remarksFromMembers'][number];

/**
 * For a federation writing its position: what its member companies said (their remarks), read beside the form, and
 * which members its latest submission lists as contributors.
 */
export function MembersRemarks({
  remarks,
  contributors,
}: {
  remarks: readonly Remark[];
  contributors: readonly string[];
}) {
  const intl = useIntl();
  return (
    <section className="members-remarks" aria-labelledby="remarks-title">
      <h2 id="remarks-title">
        <FormattedMessage id="consultations.federation.remarksTitle" />
      </h2>
      <p className="hint">
        <FormattedMessage id="consultations.federation.remarksHint" />
      </p>
      {remarks.length === 0 ? (
        <Empty>
          <FormattedMessage id="consultations.federation.noRemarks" />
        </Empty>
      ) : (
        <ul className="discussion-list">
          {remarks.map((remark) => (
            <li key={remark.id}>
              <p className="meta">
                {remark.organization && (
                  <>
                    <strong dir="auto">{remark.organization.name}</strong>
                    {' · '}
                  </>
                )}
                <time dateTime={remark.createdAt}>
                  {intl.formatDate(remark.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                </time>
              </p>
              <p dir="auto" className="remark-body">
                {remark.body}
              </p>
            </li>
          ))}
        </ul>
      )}
      {contributors.length > 0 && (
        <p>
          <FormattedMessage
            id="consultations.federation.contributors"
            values={{ names: intl.formatList(contributors) }}
          />
        </p>
      )}
    </section>
  );
}

/** A member company speaks into its federations' positions: a remark on each federation's draft. */
export function RemarkToFederations({
  consultationId,
  organizationId,
}: {
  consultationId: string;
  organizationId: string;
}) {
  const { data } = useQuery(OrganizationFederationsDocument, { variables: { id: organizationId } });
  const federations = data?.organization.federations ?? [];
  if (federations.length === 0) return null;
  return (
    <>
      {federations.map((federation) => (
        <RemarkForm
          key={federation.id}
          consultationId={consultationId}
          organizationId={organizationId}
          federation={federation}
        />
      ))}
    </>
  );
}

function RemarkForm({
  consultationId,
  organizationId,
  federation,
}: {
  consultationId: string;
  organizationId: string;
  federation: { id: string; name: string };
}) {
  const intl = useIntl();
  const id = useId();
  const draft = useDraft(`remark:${consultationId}:${federation.id}:${organizationId}`, { body: '' });
  const [checked, setChecked] = useState(false);
  const [sent, setSent] = useState(false);
  const [add, { loading, error }] = useMutation(AddContributionRemarkDocument);
  const missing = checked && !draft.value.body.trim();

  async function send(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (!draft.value.body.trim()) return;
    try {
      await add({
        variables: { input: { consultationId, federationId: federation.id, organizationId, body: draft.value.body } },
      });
      draft.clear();
      setChecked(false);
      setSent(true);
      announce(intl.formatMessage({ id: 'consultations.federation.remarkSent' }, { federation: federation.name }));
    } catch {
      // Shown below; the draft is kept.
    }
  }

  return (
    <section className="remark-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <FormattedMessage id="consultations.federation.remarkTitle" values={{ federation: federation.name }} />
      </h2>
      <form onSubmit={send} noValidate>
        <div className="field">
          <label htmlFor={`${id}-body`}>
            <FormattedMessage id="consultations.federation.remarkLabel" values={{ federation: federation.name }} />
          </label>
          <textarea
            id={`${id}-body`}
            rows={3}
            dir="auto"
            value={draft.value.body}
            aria-invalid={missing ? true : undefined}
            aria-describedby={missing ? `${id}-error` : undefined}
            onChange={(event) => {
              setSent(false);
              draft.update({ body: event.target.value });
            }}
          />
          {missing && (
            <p id={`${id}-error`} className="field-error">
              <FormattedMessage id="consultations.discussion.required" />
            </p>
          )}
        </div>
        {error && <ErrorMessage error={error} />}
        {sent && (
          <p role="status">
            <FormattedMessage id="consultations.federation.remarkSent" values={{ federation: federation.name }} />
          </p>
        )}
        <BusyButton type="submit" busy={loading}>
          <FormattedMessage id="consultations.federation.remarkSend" />
        </BusyButton>
      </form>
    </section>
  );
}
