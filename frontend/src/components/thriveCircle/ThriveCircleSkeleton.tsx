import { LoadingRegion, Skeleton } from '../ui/Skeleton';

/** Mirrors the page grid so content lands where the placeholders were. */
export function ThriveCircleSkeleton() {
  return (
    <LoadingRegion label="Loading your Thrive Circle…">
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Skeleton className="h-64 rounded-2xl" />
          <Skeleton className="h-36 rounded-2xl" />
          <Skeleton className="h-80 rounded-2xl" />
        </div>
        <div className="space-y-6">
          <Skeleton className="h-72 rounded-2xl" />
          <Skeleton className="h-56 rounded-2xl" />
        </div>
      </div>
    </LoadingRegion>
  );
}
