// The catalogue of the centre's administrative procedures (thủ tục hành chính), shared by the
// server (import, search) and the apps (look-up kiosk, managers' app).
// Messages are Vietnamese because they reach the manager who uploaded the file, line by line.
import { z } from 'zod';

/** How far the procedure can be done online, in the national portal's words (Decree 42/2022). */
export const procedureLevels = ['Toàn trình', 'Một phần', 'Cung cấp thông tin'] as const;
export type ProcedureLevel = (typeof procedureLevels)[number];

export const procedureSchema = z.object({
  /** The national code, e.g. "1.001193"; letters, digits, ".", "-" and "_" for local codes. */
  code: z
    .string()
    .min(1, 'Thiếu mã thủ tục')
    .max(40, 'Mã thủ tục dài quá 40 ký tự')
    .regex(/^[0-9A-Za-z._-]+$/, 'Mã thủ tục chỉ gồm chữ, số và các dấu ". - _", không có khoảng trắng'),
  name: z.string().min(1, 'Thiếu tên thủ tục').max(400, 'Tên thủ tục dài quá 400 ký tự'),
  /** Id of the field (lĩnh vực) in the centre's configuration. */
  serviceId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Mã lĩnh vực không hợp lệ'),
  level: z.enum(procedureLevels, { error: 'Cấp độ phải là "Toàn trình", "Một phần" hoặc "Cung cấp thông tin"' }),
  /** Free text as the portal states it: "03 ngày làm việc", "Ngay trong ngày…". */
  processingTime: z.string().max(1000, 'Thời hạn giải quyết dài quá 1000 ký tự'),
  /** Free text: "Miễn lệ phí", "2.000 đồng/trang…"; empty when the source does not say. */
  fees: z.string().max(1000, 'Phí, lệ phí dài quá 1000 ký tự'),
  papers: z
    .array(z.string().min(1).max(1000, 'Một thành phần hồ sơ dài quá 1000 ký tự'))
    .max(60, 'Thành phần hồ sơ có quá 60 giấy tờ'),
  /** The procedure's page on the public service portal (dichvucong.gov.vn or the province's). */
  portalUrl: z.url({ protocol: /^https?$/, error: 'Đường dẫn phải là địa chỉ http:// hoặc https:// đầy đủ' }).optional(),
});

export type Procedure = z.infer<typeof procedureSchema>;

/** One problem in an uploaded file. line is the row number as Excel shows it (1 = first row);
 *  0 means the file as a whole. column is the header as written in the file. */
export interface ImportError {
  line: number;
  column?: string;
  message: string;
}

export type ImportResult = { ok: true; count: number } | { ok: false; errors: ImportError[] };

/** Where the current catalogue came from: the shipped sample until a manager imports a file. */
export type CatalogueInfo =
  | { source: 'sample'; count: number }
  | { source: 'import'; count: number; filename: string; importedAt: string };

export const catalogueFileSchema = z.object({
  version: z.literal(1),
  filename: z.string(),
  importedAt: z.string(),
  procedures: z.array(procedureSchema),
});

/** <dataDir>/catalogue.json: written only by a successful import. */
export type CatalogueFile = z.infer<typeof catalogueFileSchema>;
