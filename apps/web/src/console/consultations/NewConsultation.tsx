import { useMutation } from '@apollo/client/react';
import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { announce } from '../../annotations/announce';
import { CreateConsultationDocument } from '../../graphql/generated/graphql';
import { Loading } from '../../ui/States';
import { emptyBuilder, toCreateInput } from './builder-model';
import { ConsultationBuilder } from './ConsultationBuilder';
import { useCitableDocuments } from './use-documents';

/** Builds a new consultation; it is created as a DRAFT, then published from its page. */
export function NewConsultation() {
  const intl = useIntl();
  const navigate = useNavigate();
  const { documents, latest, loading } = useCitableDocuments();
  const [create] = useMutation(CreateConsultationDocument, { refetchQueries: ['ConsoleConsultations'] });
  const initial = useMemo(() => emptyBuilder(), []);
  return (
    <section aria-labelledby="console-new-title">
      <h2 id="console-new-title">
        <FormattedMessage id="console.consultations.new" />
      </h2>
      {loading ? (
        <Loading />
      ) : (
        <ConsultationBuilder
          draftKey="console:consultation:new"
          initial={initial}
          documents={documents}
          chooseDocuments
          submitLabel={intl.formatMessage({ id: 'console.builder.create' })}
          onSubmit={async (draft) => {
            const { data } = await create({ variables: { input: toCreateInput(draft, latest) } });
            if (!data) return;
            announce(intl.formatMessage({ id: 'console.builder.created' }));
            void navigate(`/console/consultations/${data.createConsultation.consultation.id}`);
          }}
        />
      )}
    </section>
  );
}
