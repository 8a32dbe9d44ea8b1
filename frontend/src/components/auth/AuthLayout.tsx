import type { ReactNode } from 'react';
import { BrandMark } from '../layout/BrandMark';

/** The signed-out pages: the brand, what Thrive Circles is, and one card with the form. */
export function AuthLayout({ title, lead, children }: { title: string; lead: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <title>{`${title} · Thrive Circles`}</title>
      <div className="w-full max-w-sm">
        <div className="mb-4 flex justify-center">
          <BrandMark />
        </div>
        <WelcomeNote />
        <div className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
          <p className="mt-1 text-slate-600">{lead}</p>
          {children}
        </div>
      </div>
    </main>
  );
}

/** What a visitor needs to know before signing up, in two sentences. */
export function WelcomeNote() {
  return (
    <section aria-label="What is Thrive Circles?" className="mb-6 text-center text-sm text-slate-700">
      <p>
        <strong>Thrive Circles</strong> turns learning into a friendly weekly habit: earn XP from quizzes, Prompt
        Battles and projects, and grow with a small circle of people at your level.
      </p>
      <p className="mt-1">No rankings, no pressure: every Monday is a fresh start.</p>
    </section>
  );
}
