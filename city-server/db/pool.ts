// The connection pool, with the two column types the city reads turned into what the code
// uses: a date stays its YYYY-MM-DD text (no time zone can move it) and bigint epoch
// milliseconds become numbers (they are far below 2^53).
import pg from 'pg';

pg.types.setTypeParser(pg.types.builtins.DATE, (text) => text);
pg.types.setTypeParser(pg.types.builtins.INT8, (text) => Number(text));

export function createPool(url: string, max = 10): pg.Pool {
  return new pg.Pool({ connectionString: url, max, application_name: 'qms-city' });
}
