import { faFolderOpen } from '@fortawesome/free-solid-svg-icons';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { ActivityLayout } from '../../components/activities/ActivityLayout';
import { Button } from '../../components/ui/Button';
import { buttonClass } from '../../components/ui/buttonStyles';
import { ErrorState } from '../../components/ui/ErrorState';
import { Field, inputClass } from '../../components/ui/Field';
import { FormAlert } from '../../components/ui/FormAlert';
import { LoadingRegion, Skeleton } from '../../components/ui/Skeleton';
import { formatDateTime } from '../../lib/format';
import { fieldErrorsFor } from '../../services/api';
import { usePublishProject, useProjects, useReachMilestone } from '../../services/activities';
import { useViewerTimeZone } from '../../services/settings';
import type { Project } from '../../types/activities';

export default function MyProjectsPage() {
  return (
    <ActivityLayout
      title="Your projects"
      icon={faFolderOpen}
      xp={15}
      description="Publish a project when it's ready to share (+15 XP) and mark milestones as you reach them (+50 XP each)."
    >
      <ProjectsBody />
    </ActivityLayout>
  );
}

function ProjectsBody() {
  const projects = useProjects();
  if (projects.isPending) {
    return (
      <LoadingRegion label="Loading your projects…">
        <Skeleton className="h-28" />
      </LoadingRegion>
    );
  }
  if (projects.isError) {
    return <ErrorState title="We couldn't load your projects." error={projects.error} onRetry={() => void projects.refetch()} />;
  }
  if (projects.data.length === 0) {
    return (
      <p className="text-slate-700">
        No projects yet.{' '}
        <Link to="/projects/new" className={buttonClass('secondary')}>
          Start a project
        </Link>
      </p>
    );
  }
  return (
    <ul className="space-y-6">
      {projects.data.map((project) => (
        <li key={project.id}>
          <ProjectItem project={project} />
        </li>
      ))}
    </ul>
  );
}

function ProjectItem({ project }: { project: Project }) {
  const timeZone = useViewerTimeZone();
  const publish = usePublishProject();
  const milestone = useReachMilestone();
  const result = milestone.data ?? publish.data;

  const addMilestone = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    milestone.mutate(
      { id: project.id, title: String(new FormData(form).get('milestone')) },
      { onSuccess: () => form.reset() },
    );
  };

  return (
    <article aria-label={project.title} className="rounded-xl p-4 ring-1 ring-slate-200">
      <h2 className="text-lg font-semibold text-slate-900">{project.title}</h2>
      <p className="text-sm text-slate-600">
        {project.published_at ? `Published ${formatDateTime(project.published_at, timeZone)}` : 'Not published yet'}
      </p>
      {result && (
        <p role="status" className="mt-2 rounded-lg bg-emerald-50 p-2 text-sm text-emerald-900">
          {result.message} (+{result.points_awarded} XP)
        </p>
      )}
      {project.milestones.length > 0 && (
        <ul aria-label="Milestones" className="mt-2 list-disc pl-5 text-slate-800">
          {project.milestones.map((item) => (
            <li key={item.id}>{item.title}</li>
          ))}
        </ul>
      )}
      {!project.published_at && (
        <Button className="mt-3" onClick={() => publish.mutate(project.id)} disabled={publish.isPending}>
          {publish.isPending ? 'Publishing…' : 'Publish'}
        </Button>
      )}
      {publish.isError && <FormAlert error={publish.error} />}
      <form onSubmit={addMilestone} className="mt-3 flex flex-wrap items-end gap-2">
        <div className="min-w-48 flex-1">
          <Field label="Milestone reached" errors={fieldErrorsFor(milestone.error, 'title')}>
            {(control) => <input {...control} name="milestone" required minLength={3} maxLength={100} className={inputClass} />}
          </Field>
        </div>
        <Button type="submit" variant="secondary" disabled={milestone.isPending}>
          Mark milestone
        </Button>
      </form>
      {milestone.isError && !fieldErrorsFor(milestone.error, 'title') && <FormAlert error={milestone.error} />}
    </article>
  );
}
