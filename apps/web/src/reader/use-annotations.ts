import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  ReaderAnnotationsDocument,
  type AnnotationFilterInput,
  type ReaderAnnotationsQuery,
} from '../graphql/generated/graphql';

export type ReaderAnnotation = NonNullable<
  ReaderAnnotationsQuery['document']['versionByNumber']
>['annotations']['edges'][number]['node'];

interface State {
  readonly annotations: ReaderAnnotation[];
  readonly totalCount: number;
  readonly loading: boolean;
  readonly error: unknown;
}

/** Every visible annotation of a version (all pages, 100 at a time), re-read when the filter changes. */
export function useAnnotations(documentId: string, number: number, filter: AnnotationFilterInput) {
  const client = useApolloClient();
  const [state, setState] = useState<State>({ annotations: [], totalCount: 0, loading: true, error: null });
  const [generation, setGeneration] = useState(0);
  const quiet = useRef(false);
  const key = JSON.stringify(filter);

  useEffect(() => {
    let cancelled = false;
    // A quiet refresh (live updates) keeps what is shown, and its count, until the new list arrives.
    const loading = !quiet.current;
    quiet.current = false;
    setState((previous) => ({ ...previous, loading, error: null }));
    (async () => {
      const all: ReaderAnnotation[] = [];
      let after: string | null = null;
      let totalCount = 0;
      for (;;) {
        const result: { data?: ReaderAnnotationsQuery } = await client.query({
          query: ReaderAnnotationsDocument,
          variables: { documentId, number, filter: JSON.parse(key) as AnnotationFilterInput, after },
          fetchPolicy: 'network-only',
        });
        const connection = result.data?.document.versionByNumber?.annotations;
        if (!connection) break;
        totalCount = connection.totalCount;
        all.push(...connection.edges.map((edge) => edge.node));
        if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
        // Draw what has arrived while the next pages load (the first highlights appear after one round trip).
        if (!cancelled && loading) setState({ annotations: [...all], totalCount, loading: true, error: null });
        after = connection.pageInfo.endCursor;
      }
      if (!cancelled) setState({ annotations: all, totalCount, loading: false, error: null });
    })().catch((error: unknown) => {
      if (!cancelled) setState((previous) => ({ ...previous, loading: false, error }));
    });
    return () => {
      cancelled = true;
    };
  }, [client, documentId, number, key, generation]);

  const refetch = useCallback(() => setGeneration((value) => value + 1), []);
  /** Reads again without showing a loading state (what changed appears when it has arrived). */
  const refresh = useCallback(() => {
    quiet.current = true;
    setGeneration((value) => value + 1);
  }, []);
  return { ...state, refetch, refresh };
}
