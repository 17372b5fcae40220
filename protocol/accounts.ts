// Staff, hall guide and manager accounts as the API shows them (never a password or its hash).

/** guide: the hall guide (hướng dẫn viên), who issues tickets for citizens who cannot use the kiosk. */
export type AccountRole = 'manager' | 'staff' | 'guide';

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
