import { useMutation } from '@apollo/client/react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { announce } from '../annotations/announce';
import { useDraft } from '../annotations/drafts';
import { useAnnotationViewer } from '../annotations/viewer';
import { CreateSpaceDocument, SpacesDocument, type SpaceVisibility } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Empty } from '../ui/States';
import { BusyButton } from '../ui/BusyButton';

const VISIBILITIES: readonly SpaceVisibility[] = ['PRIVATE', 'RESTRICTED', 'PUBLIC'];
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A slug proposed from a name: lower-case ASCII words joined by hyphens (the person may change it). */
export function slugFrom(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** Opens a space for an organisation one represents (the API also lets staff open one for any). */
export function CreateSpacePage() {
  const intl = useIntl();
  const id = useId();
  const navigate = useNavigate();
  const { representedOrganizations } = useAnnotationViewer();
  const draft = useDraft('space:new', { name: '', slug: '', description: '', owner: '', visibility: 'PRIVATE' });
  const [checked, setChecked] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const slugRef = useRef<HTMLInputElement>(null);
  const ownerRef = useRef<HTMLSelectElement>(null);
  const [create, { loading, error }] = useMutation(CreateSpaceDocument, { refetchQueries: [SpacesDocument] });
  useEffect(() => nameRef.current?.focus(), []);
  const owner = representedOrganizations.length === 1 ? representedOrganizations[0]!.id : draft.value.owner;
  const slug = draft.value.slug || slugFrom(draft.value.name);
  const invalid = {
    name: checked && !draft.value.name.trim(),
    slug: checked && !SLUG.test(slug),
    owner: checked && !owner,
  };

  if (representedOrganizations.length === 0) {
    return (
      <div className="new-thread-page">
        <h1>
          <FormattedMessage id="spaces.create.title" />
        </h1>
        <Empty>
          <FormattedMessage id="spaces.create.notRepresentative" />
        </Empty>
      </div>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    const first = !draft.value.name.trim() ? nameRef : !SLUG.test(slug) ? slugRef : !owner ? ownerRef : null;
    if (first) return first.current?.focus();
    try {
      const { data } = await create({
        variables: {
          input: {
            name: draft.value.name.trim(),
            slug,
            description: draft.value.description,
            ownerOrganizationId: owner,
            visibility: draft.value.visibility as SpaceVisibility,
          },
        },
      });
      if (!data) return;
      draft.clear();
      announce(intl.formatMessage({ id: 'spaces.create.created' }));
      navigate(`/spaces/${data.createSpace.space.slug}/members`);
    } catch {
      // Shown below; everything typed stays.
    }
  }

  return (
    <div className="new-thread-page">
      <h1>
        <FormattedMessage id="spaces.create.title" />
      </h1>
      <form className="thread-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>
            <FormattedMessage id="spaces.create.name" />
          </label>
          <input
            id={`${id}-name`}
            ref={nameRef}
            value={draft.value.name}
            maxLength={120}
            dir="auto"
            aria-invalid={invalid.name || undefined}
            aria-describedby={invalid.name ? `${id}-name-error` : undefined}
            onChange={(event) => draft.update({ name: event.target.value })}
          />
          {invalid.name && (
            <p id={`${id}-name-error`} className="field-error">
              <FormattedMessage id="spaces.create.nameRequired" />
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-slug`}>
            <FormattedMessage id="spaces.create.slug" />
          </label>
          <input
            id={`${id}-slug`}
            ref={slugRef}
            value={slug}
            maxLength={80}
            dir="ltr"
            aria-invalid={invalid.slug || undefined}
            aria-describedby={`${id}-slug-hint${invalid.slug ? ` ${id}-slug-error` : ''}`}
            onChange={(event) => draft.update({ slug: event.target.value })}
          />
          <p id={`${id}-slug-hint`} className="hint">
            <FormattedMessage id="spaces.create.slugHint" />
          </p>
          {invalid.slug && (
            <p id={`${id}-slug-error`} className="field-error">
              <FormattedMessage id="spaces.create.slugInvalid" />
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>
            <FormattedMessage id="spaces.create.description" />
          </label>
          <textarea
            id={`${id}-description`}
            rows={3}
            maxLength={4000}
            dir="auto"
            value={draft.value.description}
            onChange={(event) => draft.update({ description: event.target.value })}
          />
        </div>
        {representedOrganizations.length > 1 && (
          <div className="field">
            <label htmlFor={`${id}-owner`}>
              <FormattedMessage id="spaces.create.owner" />
            </label>
            <select
              id={`${id}-owner`}
              ref={ownerRef}
              value={draft.value.owner}
              aria-invalid={invalid.owner || undefined}
              onChange={(event) => draft.update({ owner: event.target.value })}
            >
              <option value="">{intl.formatMessage({ id: 'spaces.create.chooseOwner' })}</option>
              {representedOrganizations.map((organization) => (
                <option key={organization.id} value={organization.id}>
                  {organization.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <fieldset>
          <legend>
            <FormattedMessage id="spaces.create.visibility" />
          </legend>
          {VISIBILITIES.map((visibility) => (
            <label key={visibility} className="choice">
              <input
                type="radio"
                name={`${id}-visibility`}
                value={visibility}
                checked={draft.value.visibility === visibility}
                onChange={() => draft.update({ visibility })}
              />
              <FormattedMessage id={`spaces.visibility.${visibility}`} /> —{' '}
              <FormattedMessage id={`spaces.visibility.${visibility}.explanation`} />
            </label>
          ))}
        </fieldset>
        {error && <ErrorMessage error={error} />}
        <div className="actions">
          <BusyButton type="submit" className="primary" busy={loading}>
            <FormattedMessage id="spaces.create.submit" />
          </BusyButton>
        </div>
      </form>
    </div>
  );
}
