// The sample centre's accounts (protocol/sample-centre.ts), made at first start.

/** Staff of the sample centre and the agency officers at its desks, created at first start with the default password below. */
export const sampleStaff: { username: string; name: string }[] = [
  { username: 'canbo1', name: 'Nguyễn Thị Lan' },
  { username: 'canbo2', name: 'Trần Văn Hùng' },
  { username: 'canbo3', name: 'Lê Thị Mai' },
  { username: 'canbo4', name: 'Phạm Minh Tuấn' },
  { username: 'canbo5', name: 'Hoàng Thị Hương' },
  { username: 'canbo6', name: 'Vũ Đức Thắng' },
  { username: 'canbo7', name: 'Đặng Thị Ngọc' },
  { username: 'canbo8', name: 'Bùi Quang Huy' },
  { username: 'canbo9', name: 'Đỗ Thị Thu Trang' },
  // Officers of the agencies whose desks sit in the centre (counted apart from its own 9 staff).
  { username: 'vpdk1', name: 'Lý Văn Phúc' },
  { username: 'thue1', name: 'Dương Thị Hạnh' },
  { username: 'quansu1', name: 'Mai Xuân Trường' },
];

/** Printed at first start and in the README: every centre must change it. */
export const SAMPLE_STAFF_PASSWORD = 'doimatkhau';
