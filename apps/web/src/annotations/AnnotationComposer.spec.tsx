import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IntlProvider } from 'react-intl';
import { messagesFor } from '../i18n';
import { AnnotationComposer } from './AnnotationComposer';

const target = { exact: 'plafonné', prefix: "l'aide est ", suffix: ' à 60 000', start: 20, end: 28 };

function renderComposer(onPosted = vi.fn(), onCancel = vi.fn()) {
  render(
    <MockedProvider mocks={[]}>
      <IntlProvider locale="fr" messages={messagesFor('fr')}>
        <AnnotationComposer
          version={{ id: 'v1', number: 1, documentId: 'd1' }}
          target={target}
          onPosted={onPosted}
          onCancel={onCancel}
        />
      </IntlProvider>
    </MockedProvider>,
  );
  return { onPosted, onCancel };
}

describe('AnnotationComposer (contract)', () => {
  it('shows the passage and refuses an empty body with a message tied to the field', async () => {
    const { onPosted } = renderComposer();
    expect(screen.getByText('plafonné')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Publier l’annotation' }));
    const body = screen.getByLabelText('Votre annotation (Markdown)');
    expect(body).toHaveAttribute('aria-invalid', 'true');
    expect(body).toHaveAccessibleDescription('Écrivez le texte de votre annotation.');
    expect(onPosted).not.toHaveBeenCalled();
  });

  it('asks for the proposed text only for an amendment', async () => {
    renderComposer();
    expect(screen.queryByLabelText('Texte proposé en remplacement')).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText('Nature de l’annotation'), 'AMENDING');
    expect(screen.getByLabelText('Texte proposé en remplacement')).toBeInTheDocument();
  });

  it('cancels', async () => {
    const { onCancel } = renderComposer();
    await userEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(onCancel).toHaveBeenCalled();
  });
});
