import { skipToken, useQuery } from '@apollo/client/react';
import { useCallback, useId, useRef, useState, type KeyboardEvent, type Ref, type TextareaHTMLAttributes } from 'react';
import { useIntl } from 'react-intl';
import { MentionableDocument } from '../graphql/generated/graphql';
import { announce } from './announce';
import { insertMention, mentionQueryAt, type MentionQuery, type MentionSource } from './mentions';

export interface MentionTextareaProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'value' | 'onChange' | 'role'
> {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** The conversation whose readers may be mentioned (the API proposes no one else). */
  readonly source: MentionSource;
  readonly textareaRef?: Ref<HTMLTextAreaElement>;
}

/**
 * A text area that proposes people to mention while "@name" is typed: an ARIA 1.2 combobox (the text area) with
 * a listbox popup. Down/Up move through the people, Enter or Tab inserts `@[Name](user:<id>)`, Escape closes the
 * list (and only the list); typing goes on in the text area all along. The people come from the API's
 * `mentionable`, which offers only those who can read the conversation.
 */
export function MentionTextarea({ value, onChange, source, textareaRef, onKeyDown, ...rest }: MentionTextareaProps) {
  const intl = useIntl();
  const id = useId();
  const listId = `${id}-mentions`;
  const own = useRef<HTMLTextAreaElement | null>(null);
  const [query, setQuery] = useState<MentionQuery | null>(null);
  const [active, setActive] = useState(0);
  // The "@" whose list was closed with Escape stays closed until another one is typed.
  const [dismissed, setDismissed] = useState<number | null>(null);
  const { data } = useQuery(
    MentionableDocument,
    query ? { variables: { ...source, prefix: query.prefix }, fetchPolicy: 'cache-first' } : skipToken,
  );
  const people = query ? (data?.mentionable ?? []) : [];
  const open = people.length > 0;
  const current = open ? Math.min(active, people.length - 1) : -1;

  const setRefs = useCallback(
    (element: HTMLTextAreaElement | null) => {
      own.current = element;
      if (typeof textareaRef === 'function') textareaRef(element);
      else if (textareaRef) (textareaRef as { current: HTMLTextAreaElement | null }).current = element;
    },
    [textareaRef],
  );

  const sync = (element: HTMLTextAreaElement, text = element.value) => {
    const found = element.selectionStart === element.selectionEnd ? mentionQueryAt(text, element.selectionStart) : null;
    const next = found && found.start !== dismissed ? found : null;
    if (next?.prefix !== query?.prefix || next?.start !== query?.start) setActive(0);
    setQuery(next);
    if (!found) setDismissed(null);
  };

  const choose = (person: { id: string; displayName: string }) => {
    const element = own.current;
    if (!element || !query) return;
    const next = insertMention(value, query, element.selectionStart, person);
    onChange(next.text);
    setQuery(null);
    announce(intl.formatMessage({ id: 'annotations.mention.inserted' }, { name: person.displayName }));
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(next.caret, next.caret);
    });
  };

  const keyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const move = { ArrowDown: 1, ArrowUp: -1 }[event.key];
      if (move) {
        event.preventDefault();
        setActive((current + move + people.length) % people.length);
        return;
      }
      if (event.key === 'Enter' || (event.key === 'Tab' && !event.shiftKey)) {
        event.preventDefault();
        choose(people[current]!);
        return;
      }
      if (event.key === 'Escape') {
        // Closes the list, not the form around it.
        event.preventDefault();
        event.stopPropagation();
        setDismissed(query?.start ?? null);
        setQuery(null);
        return;
      }
    }
    onKeyDown?.(event);
  };

  return (
    <div className="mention-combobox">
      <textarea
        {...rest}
        ref={setRefs}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${current}` : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          sync(event.target, event.target.value);
        }}
        onKeyDown={keyDown}
        onKeyUp={(event) => {
          if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) sync(event.currentTarget);
        }}
        onClick={(event) => sync(event.currentTarget)}
        onBlur={() => setQuery(null)}
      />
      {open && (
        <ul
          id={listId}
          role="listbox"
          className="mention-options"
          aria-label={intl.formatMessage({ id: 'annotations.mention.list' })}
        >
          {people.map((person, index) => (
            <li
              key={person.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === current}
              onMouseDown={(event) => {
                // Keeps the focus (and the caret) in the text area.
                event.preventDefault();
                choose(person);
              }}
            >
              <bdi>{person.displayName}</bdi>
            </li>
          ))}
        </ul>
      )}
      <p className="visually-hidden" role="status">
        {open ? intl.formatMessage({ id: 'annotations.mention.count' }, { count: people.length }) : ''}
      </p>
    </div>
  );
}
