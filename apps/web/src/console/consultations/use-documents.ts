import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { ConsoleDocumentsDocument } from '../../graphql/generated/graphql';
import type { LatestVersions } from './builder-model';
import type { CitableDocument } from './QuestionEditor';

/** The documents a consultation may link and cite (their latest version's articles). */
export function useCitableDocuments(): { documents: CitableDocument[]; latest: LatestVersions; loading: boolean } {
  const { data, loading } = useQuery(ConsoleDocumentsDocument);
  return useMemo(() => {
    const nodes = data?.documents.edges.map((edge) => edge.node) ?? [];
    return {
      loading,
      documents: nodes.map((node) => ({
        id: node.id,
        reference: node.reference,
        title: node.title,
        versionNumber: node.latestVersion?.number ?? null,
        sections: node.latestVersion?.sections ?? [],
      })),
      latest: new Map(nodes.flatMap((node) => (node.latestVersion ? [[node.id, node.latestVersion.number]] : []))),
    };
  }, [data, loading]);
}
