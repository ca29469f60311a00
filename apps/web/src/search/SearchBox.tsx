import { useLazyQuery } from '@apollo/client/react';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate, useSearchParams } from 'react-router';
import { SearchSuggestionsDocument } from '../graphql/generated/graphql';
import { useSession } from '../app/session';
import { hitLink } from './links';
import { Snippet } from './Snippet';
import './search.css';

const DEBOUNCE_MS = 250;
const MIN_LENGTH = 2;

/**
 * The header's search box: a combobox (WAI-ARIA 1.2, list autocomplete) whose suggestions come as one types (the
 * last word matched as a prefix). Arrow keys move through them, Enter opens the chosen one in place, or the results
 * page when none is chosen; Escape closes the list, then clears the box.
 */
export function SearchBox() {
  const intl = useIntl();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [text, setText] = useState(() => params.get('q') ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [suggest, { data }] = useLazyQuery(SearchSuggestionsDocument, { fetchPolicy: 'network-only' });
  const listId = useId();
  const timer = useRef<number | undefined>(undefined);
  const hits = open ? (data?.search.edges.map((edge) => edge.node) ?? []) : [];

  useEffect(() => () => window.clearTimeout(timer.current), []);
  if (!session.viewer) return null;

  const onChange = (value: string) => {
    setText(value);
    setActive(-1);
    window.clearTimeout(timer.current);
    if (value.trim().length < MIN_LENGTH || !/[\p{L}\p{N}]/u.test(value)) {
      setOpen(false);
      return;
    }
    timer.current = window.setTimeout(() => {
      void suggest({ variables: { query: value } }).catch(() => undefined);
      setOpen(true);
    }, DEBOUNCE_MS);
  };

  /** Closes the list, and cancels a suggestion still waiting for its pause (Enter typed right after the words). */
  const close = () => {
    window.clearTimeout(timer.current);
    setOpen(false);
    setActive(-1);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (active >= 0 && hits[active]) {
      navigate(hitLink(hits[active]));
    } else if (/[\p{L}\p{N}]/u.test(text)) {
      navigate(`/search?${new URLSearchParams({ q: text.trim() })}`);
    }
    close();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && hits.length) {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (index + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && hits.length) {
      event.preventDefault();
      setActive((index) => (index <= 0 ? hits.length - 1 : index - 1));
    } else if (event.key === 'Escape') {
      // The first Escape closes the list (and keeps the words: a search field's native Escape would clear them).
      if (hits.length) {
        event.preventDefault();
        close();
      } else setText('');
    }
  };

  const label = intl.formatMessage({ id: 'search.box.label' });
  return (
    <form role="search" className="search-box" onSubmit={submit} aria-label={label}>
      <input
        type="search"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        placeholder={intl.formatMessage({ id: 'search.box.placeholder' })}
        value={text}
        maxLength={200}
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => window.setTimeout(close, 150)}
      />
      {/* A magnifier, named for screen readers: the header has no room for the word in every language. */}
      <button type="submit" className="search-submit" title={intl.formatMessage({ id: 'search.box.submit' })}>
        <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18" focusable="false">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M12.6 12.6 17 17" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <span className="visually-hidden">{intl.formatMessage({ id: 'search.box.submit' })}</span>
      </button>
      <ul
        id={listId}
        role="listbox"
        className="search-suggestions"
        aria-label={intl.formatMessage({ id: 'search.box.suggestions' })}
        hidden={hits.length === 0}
      >
        {hits.map((hit, index) => (
          <li
            key={hit.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              navigate(hitLink(hit));
              close();
            }}
          >
            <span className="search-type">{intl.formatMessage({ id: `search.type.${hit.type}` })}</span>{' '}
            {hit.title ? <bdi>{hit.title}</bdi> : <Snippet html={hit.snippetHtml} />}
            {hit.type === 'ARTICLE' && hit.target.versionNumber && (
              <> · {intl.formatMessage({ id: 'search.hit.version' }, { number: hit.target.versionNumber })}</>
            )}
          </li>
        ))}
      </ul>
    </form>
  );
}
