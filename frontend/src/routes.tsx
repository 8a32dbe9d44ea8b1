import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireAuth } from './components/layout/RequireAuth';
import { ThriveCirclesGate } from './components/layout/ThriveCirclesGate';
import { LoadingRegion, Skeleton } from './components/ui/Skeleton';
import { HELP_PATH, HOME_PATH, NOTIFICATION_SETTINGS_PATH, QUESTS_PATH, XP_HISTORY_PATH } from './lib/paths';
import MyProjectsPage from './pages/activities/MyProjectsPage';
import NewProjectPage from './pages/activities/NewProjectPage';
import PromptBattlePage from './pages/activities/PromptBattlePage';
import QuickQuizPage from './pages/activities/QuickQuizPage';
import ForgotPasswordPage from './pages/auth/ForgotPasswordPage';
import LoginPage from './pages/auth/LoginPage';
import ResetPasswordPage from './pages/auth/ResetPasswordPage';
import SignUpPage from './pages/auth/SignUpPage';
import ThriveCirclesHelpPage from './pages/help/ThriveCirclesHelpPage';
import NotFoundPage from './pages/NotFoundPage';
import QuestsPage from './pages/play/QuestsPage';
import XPHistoryPage from './pages/play/XPHistoryPage';
import YourThriveCirclePage from './pages/play/YourThriveCirclePage';
import NotificationSettingsPage from './pages/settings/NotificationSettingsPage';

// Staff only and rarely opened: the dashboard and its charts load on demand, outside the main bundle.
const ThriveCirclesInsightsPage = lazy(() => import('./pages/insights/ThriveCirclesInsightsPage'));

// Declarative routes rather than a data router: we load data with TanStack
// Query, and this keeps ~17 kB (gzipped) of router code out of the bundle.
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/signup" element={<SignUpPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route element={<RequireAuth />}>
        <Route path="/" element={<Navigate to={HOME_PATH} replace />} />
        {/* Soft launch: people outside it get the coming-soon page on these paths. */}
        <Route element={<ThriveCirclesGate />}>
          <Route path={HOME_PATH} element={<YourThriveCirclePage />} />
          <Route path={XP_HISTORY_PATH} element={<XPHistoryPage />} />
          <Route path={HELP_PATH} element={<ThriveCirclesHelpPage />} />
          <Route path={QUESTS_PATH} element={<QuestsPage />} />
        </Route>
        <Route path="/quick-quizzes" element={<QuickQuizPage />} />
        <Route path="/play/prompt-battle" element={<PromptBattlePage />} />
        <Route path="/projects/new" element={<NewProjectPage />} />
        <Route path="/projects" element={<MyProjectsPage />} />
        <Route path={NOTIFICATION_SETTINGS_PATH} element={<NotificationSettingsPage />} />
        <Route
          path="/insights/thrive-circles"
          element={
            <Suspense
              fallback={
                <LoadingRegion label="Loading the insights dashboard…">
                  <Skeleton className="h-64 rounded-2xl" />
                </LoadingRegion>
              }
            >
              <ThriveCirclesInsightsPage />
            </Suspense>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
