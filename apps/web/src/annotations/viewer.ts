import { useSession } from '../app/session';
import type { ViewerFragment } from '../graphql/generated/graphql';

export interface AnnotationViewer {
  readonly viewer: ViewerFragment | null;
  /** Ministry moderators (and administrators) answer annotations for the ministry. */
  readonly isModerator: boolean;
  /** The organisations the person may speak for (REPRESENTATIVE memberships). */
  readonly representedOrganizations: readonly { readonly id: string; readonly name: string }[];
  readonly isAuthor: (author: { readonly id: string } | null | undefined) => boolean;
}

/** What the annotation area needs to know about the signed-in person, from the shell's session. */
export function useAnnotationViewer(): AnnotationViewer {
  const { viewer } = useSession();
  return {
    viewer,
    isModerator: viewer?.platformRole === 'ADMIN' || viewer?.platformRole === 'MODERATOR',
    representedOrganizations: (viewer?.memberships ?? []).flatMap((membership) =>
      membership.role === 'REPRESENTATIVE' && membership.organization
        ? [{ id: membership.organization.id, name: membership.organization.name }]
        : [],
    ),
    isAuthor: (author) => !!viewer && !!author && author.id === viewer.id,
  };
}
