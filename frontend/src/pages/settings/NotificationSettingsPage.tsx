import { NotificationPreferences } from '../../components/notifications/NotificationPreferences';
import { PageHeader } from '../../components/ui/PageHeader';

/** A small home for the notification settings until the settings page hosts them. */
export default function NotificationSettingsPage() {
  return (
    <>
      <PageHeader title="Notification settings" description="Choose what the bell and your inbox tell you about." />
      <NotificationPreferences />
    </>
  );
}
