import { faRotateRight, faTriangleExclamation } from '@fortawesome/free-solid-svg-icons';
import { FontAwesomeIcon } from '@fortawesome/react-fontawesome';
import { errorMessage } from '../../services/api';
import { Button } from './Button';

interface ErrorStateProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
  isRetrying?: boolean;
}

export function ErrorState({ title, error, onRetry, isRetrying = false }: ErrorStateProps) {
  return (
    <div role="alert" className="rounded-2xl border border-rose-200 bg-rose-50 p-5 text-rose-900">
      <p className="flex items-center gap-2 font-semibold">
        <FontAwesomeIcon icon={faTriangleExclamation} />
        {title}
      </p>
      <p className="mt-1 text-sm">{errorMessage(error)}</p>
      {onRetry && (
        <Button variant="secondary" className="mt-3" onClick={onRetry} disabled={isRetrying}>
          <FontAwesomeIcon icon={faRotateRight} className={isRetrying ? 'motion-safe:animate-spin' : ''} />
          {isRetrying ? 'Retrying…' : 'Try again'}
        </Button>
      )}
    </div>
  );
}
