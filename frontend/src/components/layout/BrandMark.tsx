import { faCircleNotch } from '@fortawesome/free-solid-svg-icons';
import { FontAwesomeIcon } from '@fortawesome/react-fontawesome';

export function BrandMark() {
  return (
    <span className="inline-flex items-center gap-2 text-lg font-bold text-slate-900">
      <span
        aria-hidden="true"
        className="inline-flex size-8 items-center justify-center rounded-full bg-linear-to-br from-green-400 to-indigo-600 text-white"
      >
        <FontAwesomeIcon icon={faCircleNotch} />
      </span>
      Thrive Circles
    </span>
  );
}
