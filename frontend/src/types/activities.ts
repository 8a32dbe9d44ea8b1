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

export interface QuizResult extends ActivityResult {
  correct: number;
  total: number;
  score: number;
}

export interface PromptBattleEntry {
  prompt: string;
}

export interface NewProject {
  title: string;
  description: string;
}
