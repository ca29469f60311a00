import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../ui/States';
import { useSession } from './session';

/** Pages behind sign-in: while the session is restored, wait; when signed out, go to sign-in and come back after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'restoring') return <Loading />;
  if (session.status === 'signed-out') {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search + location.hash }} />;
  }
  return <>{children}</>;
}
