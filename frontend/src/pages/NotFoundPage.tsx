import { Link } from 'react-router';
import { buttonClass } from '../components/ui/buttonStyles';
import { PageHeader } from '../components/ui/PageHeader';
import { HOME_PATH } from '../lib/paths';

export default function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" description="That page doesn't exist — but your circle does." />
      <Link to={HOME_PATH} className={buttonClass()}>
        Go to Your Thrive Circle
      </Link>
    </>
  );
}
