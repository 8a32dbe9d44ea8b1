export interface QuizQuestion {
  id: number;
  prompt: string;
  choices: string[];
}

export interface Quiz {
  id: string;
  title: string;
  questions: QuizQuestion[];
}

/** Every activity reports the XP it awarded and a friendly message. */
export interface ActivityResult {
  points_awarded: number;
  message: string;
}

export interface AnswerReview {
  question_id: number;
  prompt: string;
  choices: string[];
  /** The index chosen, and the right one. */
  chosen: number;
  right: number;
  is_correct: boolean;
  explanation: string;
}

export interface QuizResult extends ActivityResult {
  correct: number;
  total: number;
  score: number;
  /** Each question with the right answer explained. */
  review: AnswerReview[];
}

export interface QuizAnswers {
  quiz_id: string;
  answers: number[];
}

export interface NewProject {
  title: string;
  description: string;
}

export interface ProjectMilestone {
  id: number;
  title: string;
  reached_at: string;
}

export interface Project {
  id: number;
  title: string;
  description: string;
  created_at: string;
  published_at: string | null;
  milestones: ProjectMilestone[];
}

export interface ProjectResult extends ActivityResult {
  project: Project;
}
