import { Route } from 'react-router';
import { AccountShell } from '../account/AccountShell';
import { RequireSession } from '../app/RequireSession';
import { MyAnnotationsPage } from './MyAnnotationsPage';
import { MyConsultationsPage } from './MyConsultationsPage';
import { MyReportPage } from './MyReportPage';
import { MyReportsPage } from './MyReportsPage';
import { MyThreadsPage } from './MyThreadsPage';

/**
 * "My activity" (`/account/activity/…`, behind sign-in), inside the account's frame: one's annotations, threads,
 * organisations' contributions and consultations, reports. Call it, don't render it.
 */
export function mineRoutes() {
  return (
    <Route
      path="/account/activity"
      element={
        <RequireSession>
          <AccountShell />
        </RequireSession>
      }
    >
      <Route index element={<MyAnnotationsPage />} />
      <Route path="threads" element={<MyThreadsPage />} />
      <Route path="consultations" element={<MyConsultationsPage />} />
      <Route path="reports" element={<MyReportsPage />} />
      <Route path="reports/:reportId" element={<MyReportPage />} />
    </Route>
  );
}
