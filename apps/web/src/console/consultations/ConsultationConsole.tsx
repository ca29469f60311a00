import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { announce } from '../../annotations/announce';
import { Dialog } from '../../annotations/Dialog';
import {
  CloseConsultationDocument,
  ConsoleConsultationDocument,
  ExtendConsultationDocument,
  OpenConsultationNowDocument,
  PublishConsultationDocument,
  PublishConsultationResultsDocument,
  UpdateConsultationDocument,
  type ConsoleConsultationFieldsFragment,
} from '../../graphql/generated/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/States';
import { ReasonForm } from '../ReasonForm';
import { builderFrom, toCreateInput, toLocalInput } from './builder-model';
import { ConsultationBuilder } from './ConsultationBuilder';
import { ConsultationPreview } from './ConsultationPreview';
import { ConsoleResults } from './ConsoleResults';
import { downloadContributionsCsv } from './csv-download';
import { useCitableDocuments } from './use-documents';
import { BusyButton } from '../../ui/BusyButton';

/** One consultation in the console: its state and schedule, what can be done to it now, its questions, results. */
export function ConsultationConsole() {
  const { consultationId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(ConsoleConsultationDocument, {
    variables: { id: consultationId },
  });
  if (loading && !data) return <Loading />;
  if (error || !data) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  return <ConsultationPanel consultation={data.consultation} />;
}

function ConsultationPanel({ consultation }: { readonly consultation: ConsoleConsultationFieldsFragment }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const { documents, latest } = useCitableDocuments();
  const [dialog, setDialog] = useState<'extend' | 'close' | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [csvError, setCsvError] = useState<unknown>(null);
  const [update] = useMutation(UpdateConsultationDocument);
  const [publish, publishing] = useMutation(PublishConsultationDocument);
  const [openNow, opening] = useMutation(OpenConsultationNowDocument);
  const [extend] = useMutation(ExtendConsultationDocument);
  const [close] = useMutation(CloseConsultationDocument);
  const [publishResults, publishingResults] = useMutation(PublishConsultationResultsDocument, {
    refetchQueries: ['ConsoleResults'],
  });
  const { id, state } = consultation;
  const busy = publishing.loading || opening.loading || publishingResults.loading;

  async function run(action: () => Promise<unknown>, done: string) {
    setActionError(null);
    try {
      await action();
      announce(t(done));
    } catch (caught) {
      setActionError(caught);
    }
  }

  return (
    <article aria-labelledby="console-consultation-title" className="console-consultation">
      <p>
        <Link to="/console/consultations">
          <FormattedMessage id="console.consultations.back" />
        </Link>
      </p>
      <h2 id="console-consultation-title">
        <bdi>{consultation.title}</bdi>
      </h2>
      <dl className="facts">
        <div>
          <dt>{t('console.consultation.state')}</dt>
          <dd>
            <span className="state-badge" data-state={state} data-testid="consultation-state">
              {t(`console.state.${state}`)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('console.builder.opensAt')}</dt>
          <dd>
            <FormattedDate value={consultation.opensAt} dateStyle="full" timeStyle="short" />
          </dd>
        </div>
        <div>
          <dt>{t('console.builder.closesAt')}</dt>
          <dd data-testid="consultation-closes">
            <FormattedDate value={consultation.closesAt} dateStyle="full" timeStyle="short" />
          </dd>
        </div>
        <div>
          <dt>{t('console.builder.eligibility')}</dt>
          <dd>{consultation.eligibleKinds.map((kind) => t(`console.orgKind.${kind}`)).join(', ')}</dd>
        </div>
      </dl>

      <section aria-labelledby="console-lifecycle" className="lifecycle">
        <h3 id="console-lifecycle">{t('console.consultation.actions')}</h3>
        <div className="actions">
          {state === 'DRAFT' && (
            <BusyButton
              type="button"
              className="primary"
              busy={busy}
              onClick={() => void run(() => publish({ variables: { id } }), 'console.consultation.published')}
            >
              {t('console.consultation.publish')}
            </BusyButton>
          )}
          {state === 'SCHEDULED' && (
            <BusyButton
              type="button"
              className="primary"
              busy={busy}
              onClick={() => void run(() => openNow({ variables: { id } }), 'console.consultation.opened')}
            >
              {t('console.consultation.openNow')}
            </BusyButton>
          )}
          {(state === 'OPEN' || state === 'CLOSED') && (
            <button type="button" onClick={() => setDialog('extend')}>
              {t('console.consultation.extend')}
            </button>
          )}
          {state === 'OPEN' && (
            <button type="button" onClick={() => setDialog('close')}>
              {t('console.consultation.close')}
            </button>
          )}
          {state === 'CLOSED' && (
            <BusyButton
              type="button"
              className="primary"
              busy={busy}
              onClick={() =>
                void run(() => publishResults({ variables: { id } }), 'console.consultation.resultsPublished')
              }
            >
              {t('console.consultation.publishResults')}
            </BusyButton>
          )}
          {state !== 'DRAFT' && state !== 'SCHEDULED' && (
            <button
              type="button"
              onClick={() => {
                setCsvError(null);
                downloadContributionsCsv(id).then(
                  (filename) => announce(t('console.consultation.csvDownloaded', { filename })),
                  setCsvError,
                );
              }}
            >
              {t('console.consultation.csv')}
            </button>
          )}
        </div>
        {actionError !== null && <ErrorMessage error={actionError} />}
        {csvError !== null && (
          <p className="field-error" role="alert">
            {t('console.consultation.csvFailed')}
          </p>
        )}
      </section>

      {dialog === 'extend' && (
        <Dialog title={t('console.consultation.extendTitle')} onClose={() => setDialog(null)}>
          <ReasonForm
            draftKey={`console:extend:${id}`}
            submitLabel={t('console.consultation.extend')}
            initialExtra={toLocalInput(
              new Date(Math.max(Date.parse(consultation.closesAt), Date.now()) + 7 * 86400_000),
            )}
            checkExtra={(value) =>
              Number.isNaN(Date.parse(value)) ||
              Date.parse(value) <= Math.max(Date.parse(consultation.closesAt), Date.now())
                ? 'console.consultation.extendLater'
                : null
            }
            renderExtra={(value, onChange, invalid) => (
              <div className="field">
                <label htmlFor={`extend-${id}`}>{t('console.consultation.newDeadline')}</label>
                <input
                  id={`extend-${id}`}
                  type="datetime-local"
                  value={value}
                  aria-invalid={invalid || undefined}
                  onChange={(event) => onChange(event.target.value)}
                />
              </div>
            )}
            onCancel={() => setDialog(null)}
            onSubmit={async ({ reason, extra }) => {
              await extend({ variables: { input: { id, closesAt: new Date(extra).toISOString(), reason } } });
              announce(t('console.consultation.extended'));
              setDialog(null);
            }}
          />
        </Dialog>
      )}
      {dialog === 'close' && (
        <Dialog title={t('console.consultation.closeTitle')} onClose={() => setDialog(null)}>
          <p>{t('console.consultation.closeWarning')}</p>
          <ReasonForm
            draftKey={`console:close:${id}`}
            submitLabel={t('console.consultation.close')}
            onCancel={() => setDialog(null)}
            onSubmit={async ({ reason }) => {
              await close({ variables: { input: { id, reason } } });
              announce(t('console.consultation.closed'));
              setDialog(null);
            }}
          />
        </Dialog>
      )}

      {state === 'DRAFT' ? (
        <section aria-labelledby="console-edit">
          <h3 id="console-edit">{t('console.consultation.edit')}</h3>
          <ConsultationBuilder
            key={consultation.version}
            draftKey={`console:consultation:${id}`}
            initial={builderFrom(consultation)}
            documents={documents}
            chooseDocuments={false}
            submitLabel={t('console.builder.save')}
            onSubmit={async (draft) => {
              const { documentIds: _documents, ...input } = toCreateInput(draft, latest);
              await update({ variables: { input: { ...input, id, version: consultation.version } } });
              announce(t('console.builder.saved'));
            }}
          />
        </section>
      ) : (
        <>
          {(state === 'CLOSED' || state === 'RESULTS_PUBLISHED' || state === 'OPEN') && (
            <ConsoleResults consultationId={id} />
          )}
          <details className="preview-details">
            <summary>{t('console.consultation.showQuestions')}</summary>
            <ConsultationPreview draft={builderFrom(consultation)} documents={documents} />
          </details>
        </>
      )}
    </article>
  );
}
