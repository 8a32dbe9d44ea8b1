/** Where each step points: an element of Your Thrive Circle with a matching `data-tour` attribute. */
export type TourTarget = 'level-progress' | 'circle' | 'countdown' | 'recommended-actions' | 'feed';

export interface TourStep {
  target: TourTarget;
  title: string;
  body: string;
}

/**
 * The first-visit tour, in the plan's positive words: growth, community, fresh starts, no rankings.
 * `reset` is the weekly reset on the person's clock ("Monday 01:00", lib/resetTime's
 * formatResetShort); without it the step says only that circles reset weekly.
 */
export function tourSteps(reset?: string): TourStep[] {
  return [
    {
      target: 'level-progress',
      title: "You're growing!",
      body: 'This is your level and your progress toward the next one. Every bit of XP you earn moves you forward — at your own pace.',
    },
    {
      target: 'circle',
      title: 'Meet your Thrive Circle',
      body: "Each week you're placed in a Circle with ~20-30 people on a similar journey. No rankings, no #1 — just people growing alongside you.",
    },
    {
      target: 'countdown',
      title: 'A fresh start every week',
      body: `Circles reset every week${reset ? `, ${reset} your time` : ''}. Your weekly XP starts again at 0, but your total XP stays forever.`,
    },
    {
      target: 'recommended-actions',
      title: 'Ways to grow this week',
      body: 'Not sure what to do next? These suggestions earn XP — trying something new is a great way to grow.',
    },
    {
      target: 'feed',
      title: 'See your circle in action',
      body: "Here's what your circle is up to this week. Cheer each other on and stay motivated together.",
    },
  ];
}

export const TOUR_STEPS: TourStep[] = tourSteps();

export function tourTargetSelector(target: TourTarget): string {
  return `[data-tour="${target}"]`;
}
