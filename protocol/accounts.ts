// Staff and manager accounts as the API shows them (never a password or its hash).

export type AccountRole = 'manager' | 'staff';

export interface UserAccount {
  id: string;
  username: string;
  name: string;
  role: AccountRole;
  active: boolean;
  photoUrl?: string;
  /** Still the password someone else set (a default or a reset): shown to managers, forced at sign-in. */
  mustChangePassword: boolean;
}
