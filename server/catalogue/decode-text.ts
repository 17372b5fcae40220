// Turns the bytes of an uploaded text file into a string, whatever Excel or an old office PC
// saved it as: UTF-8 (with or without BOM), "Unicode text" (UTF-16 with BOM), or the legacy
// Vietnamese code page Windows-1258. Windows-1258 writes most tones as separate combining marks,
// so everything is NFC-normalized: the same word must compare equal whichever way it arrived.
import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

export function decodeText(buf: Buffer): { text: string; encoding: TextEncodingName } {
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) return { text: buf.subarray(3).toString('utf8').normalize('NFC'), encoding: 'utf-8' };
  if (startsWith(buf, [0xff, 0xfe])) return { text: buf.subarray(2).toString('utf16le').normalize('NFC'), encoding: 'utf-16le' };
  if (startsWith(buf, [0xfe, 0xff])) return { text: iconv.decode(buf.subarray(2), 'utf-16be').normalize('NFC'), encoding: 'utf-16be' };
  try {
    return { text: strictUtf8.decode(buf).normalize('NFC'), encoding: 'utf-8' };
  } catch {
    // Vietnamese text in Windows-1258 is practically never valid UTF-8: its accented bytes
    // (0xC0–0xFF) are followed by plain letters, not by the 0x80–0xBF bytes UTF-8 requires.
    return { text: iconv.decode(buf, 'windows-1258').normalize('NFC'), encoding: 'windows-1258' };
  }
}
