export interface SessionUser {
  id: number;
  username: string;
  avatar_url: string | null;
  is_staff: boolean;
}

export interface SessionResponse {
  user: SessionUser | null;
}

export interface LoginCredentials {
  username: string;
  password: string;
}
