/** Prompt Battles (core/battles): this week's battle as the viewer sees it. */
export interface BattleEntry {
  id: number;
  text: string;
  /** Who wrote it: null (anonymous) until the battle closes. */
  author: string | null;
  /** Votes it got: null until the battle closes. */
  votes: number | null;
}

export interface BattleRound {
  number: number;
  prompt: string;
  your_entry: { id: number; text: string } | null;
  can_enter: boolean;
  your_vote_entry_id: number | null;
  /** Other people's entries, once you entered the round. */
  entries: BattleEntry[];
  entry_count: number;
}

export interface BattleResult {
  battle_id: number;
  is_closed: boolean;
  closes_at: string;
  winners: { username: string; votes: number }[];
  you_won: boolean;
  your_votes: number;
  points_awarded: number;
}

export interface PromptBattle {
  id: number;
  title: string;
  challenge: string;
  week_start: string;
  closes_at: string;
  is_open: boolean;
  is_closed: boolean;
  can_vote: boolean;
  xp: { participate: number; round: number; win: number };
  rounds: BattleRound[];
  result: BattleResult | null;
}

export interface BattleEntryResult {
  points_awarded: number;
  message: string;
  entry: { id: number; text: string };
}

export interface BattleVoteResult {
  entry_id: number;
  round: number;
  message: string;
}
