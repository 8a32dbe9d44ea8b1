import { faPlus } from '@fortawesome/free-solid-svg-icons';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { ActivityLayout } from '../../components/activities/ActivityLayout';
import { ActivitySuccess } from '../../components/activities/ActivitySuccess';
import { Button } from '../../components/ui/Button';
import { Field, inputClass } from '../../components/ui/Field';
import { FormAlert } from '../../components/ui/FormAlert';
import { fieldErrorsFor } from '../../services/api';
import { useCreateProject } from '../../services/activities';

export default function NewProjectPage() {
  const project = useCreateProject();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    project.mutate({ title: String(form.get('title')), description: String(form.get('description')) });
  };

  return (
    <ActivityLayout
      title="New Project"
      icon={faPlus}
      xp={10}
      description="Share something you're building — big or small. Your circle loves to see progress."
    >
      {project.isSuccess ? (
        <>
          <ActivitySuccess result={project.data} againLabel="Create another project" onAgain={() => project.reset()} />
          <p className="mt-4 text-center">
            <Link to="/projects" className="font-semibold text-indigo-700 underline underline-offset-2">
              Publish it and mark milestones in Your projects
            </Link>
          </p>
        </>
      ) : (
        <form onSubmit={handleSubmit} className="space-y-4">
          <Field label="Title" errors={fieldErrorsFor(project.error, 'title')}>
            {(control) => <input {...control} name="title" required maxLength={200} className={inputClass} />}
          </Field>
          <Field
            label="Description"
            hint="What is it, and what did you learn?"
            errors={fieldErrorsFor(project.error, 'description')}
          >
            {(control) => <textarea {...control} name="description" rows={5} className={inputClass} />}
          </Field>
          {project.isError && <FormAlert error={project.error} />}
          <Button type="submit" disabled={project.isPending}>
            {project.isPending ? 'Creating…' : 'Create project'}
          </Button>
        </form>
      )}
    </ActivityLayout>
  );
}
