import { Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './AppLayout.tsx';
import { BatchStatusPage } from './BatchStatusPage.tsx';
import { CallSelectPage } from './CallSelectPage.tsx';
import { BatchScheduleEditorPage } from './BatchScheduleEditorPage.tsx';
import { BatchSchedulesPage } from './BatchSchedulesPage.tsx';
import { CustomerProfilePage } from './CustomerProfilePage.tsx';
import { CustomerSearchPage } from './CustomerSearchPage.tsx';
import { ExportsPage } from './ExportsPage.tsx';
import { InboxPage } from './InboxPage.tsx';
import { LifecyclePage } from './LifecyclePage.tsx';
import { LoginPage } from './LoginPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { OutboxPage } from './OutboxPage.tsx';
import { PrintFilesPage } from './PrintFilesPage.tsx';
import { ProductivityPage } from './ProductivityPage.tsx';
import { QueriesPage } from './QueriesPage.tsx';
import { QueryEditorPage } from './QueryEditorPage.tsx';
import { RequireAuth } from './RequireAuth.tsx';
import { SendCampaignPage } from './SendCampaignPage.tsx';
import { StoreSettingsPage } from './StoreSettingsPage.tsx';
import { TemplateEditorPage } from './TemplateEditorPage.tsx';
import { TemplatesPage } from './TemplatesPage.tsx';
import { VoiceSetupPage } from './VoiceSetupPage.tsx';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireAuth />}>
        <Route element={<AppLayout />}>
          <Route index element={<Navigate to="/customers" replace />} />
          <Route path="customers" element={<CustomerSearchPage />} />
          <Route path="customers/:customerId" element={<CustomerProfilePage />} />
          <Route path="templates" element={<TemplatesPage />} />
          <Route path="templates/new" element={<TemplateEditorPage />} />
          <Route path="templates/:templateId" element={<TemplateEditorPage />} />
          <Route path="queries" element={<QueriesPage />} />
          <Route path="queries/new" element={<QueryEditorPage />} />
          <Route path="queries/:queryId" element={<QueryEditorPage />} />
          <Route path="queries/:queryId/send/:channel" element={<SendCampaignPage />} />
          <Route path="batches" element={<BatchSchedulesPage />} />
          <Route path="batches/new" element={<BatchScheduleEditorPage />} />
          <Route path="batches/:scheduleId" element={<BatchScheduleEditorPage />} />
          <Route path="outbox" element={<OutboxPage />} />
          <Route path="print-files" element={<PrintFilesPage />} />
          <Route path="batches/:scheduleId/status" element={<BatchStatusPage />} />
          <Route path="voice" element={<VoiceSetupPage />} />
          <Route path="lifecycle" element={<LifecyclePage />} />
          <Route path="calls" element={<CallSelectPage />} />
          <Route path="inbox" element={<InboxPage />} />
          <Route path="productivity" element={<ProductivityPage />} />
          <Route path="exports" element={<ExportsPage />} />
          <Route path="settings/store" element={<StoreSettingsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
