import { Route } from 'react-router';
import { RequireSession } from '../app/RequireSession';
import { ConsultationPage } from './ConsultationPage';
import { ConsultationsPage } from './ConsultationsPage';
import { ReceiptPage } from './ReceiptPage';
import { ResultsPage } from './ResultsPage';
import { VerifyReceiptPage } from './VerifyReceiptPage';

/** Consultations as an organisation sees them, receipts, results, and the public receipt check. */
export function consultationsRoutes() {
  return (
    <>
      <Route
        path="/consultations"
        element={
          <RequireSession>
            <ConsultationsPage />
          </RequireSession>
        }
      />
      <Route
        path="/consultations/:consultationId"
        element={
          <RequireSession>
            <ConsultationPage />
          </RequireSession>
        }
      />
      <Route
        path="/consultations/:consultationId/receipt/:organizationId"
        element={
          <RequireSession>
            <ReceiptPage />
          </RequireSession>
        }
      />
      <Route
        path="/consultations/:consultationId/results"
        element={
          <RequireSession>
            <ResultsPage />
          </RequireSession>
        }
      />
      {/* Public: anyone holding a receipt checks it without signing in. */}
      <Route path="/verify-receipt" element={<VerifyReceiptPage />} />
    </>
  );
}
