import { Navigate, Route } from 'react-router';
import { AwaitingAnswers } from './answers/AwaitingAnswers';
import { ConsoleLayout } from './ConsoleLayout';
import { ConsultationConsole } from './consultations/ConsultationConsole';
import { DocumentList } from './documents/DocumentList';
import { EditDocumentPage } from './documents/EditDocumentPage';
import { NewDocument } from './documents/NewDocument';
import { ConsultationList } from './consultations/ConsultationList';
import { NewConsultation } from './consultations/NewConsultation';
import { ModerationLog } from './moderation/ModerationLog';
import { ModerationQueue } from './moderation/ModerationQueue';
import { Organizations } from './organizations/Organizations';
import { PlatformRoles } from './organizations/PlatformRoles';

/** The ministry's console (moderators; platform roles for administrators). Call it, don't render it. */
export function consoleRoutes() {
  return (
    <Route path="/console" element={<ConsoleLayout />}>
      <Route index element={<Navigate to="/console/consultations" replace />} />
      <Route path="consultations" element={<ConsultationList />} />
      <Route path="consultations/new" element={<NewConsultation />} />
      <Route path="consultations/:consultationId" element={<ConsultationConsole />} />
      <Route path="documents" element={<DocumentList />} />
      <Route path="documents/new" element={<NewDocument />} />
      <Route path="documents/:documentId" element={<EditDocumentPage />} />
      <Route path="moderation" element={<ModerationQueue />} />
      <Route path="moderation/log" element={<ModerationLog />} />
      <Route path="answers" element={<AwaitingAnswers />} />
      <Route path="organizations" element={<Organizations />} />
      <Route path="roles" element={<PlatformRoles />} />
    </Route>
  );
}
