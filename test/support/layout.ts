// Checks a person would make by looking at a screen: is any text cut off (an ellipsis, a
// clipped line, a box scrolled by its own text), and does one thing cover another.
import type { Page } from 'playwright-core';

export interface ClippedText {
  selector: string;
  text: string;
  why: string;
}

/**
 * Elements matching `selector` whose text does not fully show: wider or taller than their box
 * while the box hides or ellipsises the rest, or reaching past an ancestor that clips them.
 */
export function clippedTexts(page: Page, selector: string): Promise<ClippedText[]> {
  return page.$$eval(selector, (els, sel) => {
    const out: { selector: string; text: string; why: string }[] = [];
    const clips = (s: CSSStyleDeclaration) => s.overflowX !== 'visible' || s.overflowY !== 'visible';
    for (const el of els as HTMLElement[]) {
      const style = getComputedStyle(el);
      // A text box shows its value, not its children.
      const isBox = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;
      const shown = isBox ? el.value : (el.textContent ?? '').trim();
      if (!shown || el.getClientRects().length === 0) continue;
      if (el instanceof HTMLInputElement) {
        // An input never wraps: its text must fit between its paddings.
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        if (ctx.measureText(shown).width > room + 1) out.push({ selector: sel, text: shown, why: `longer than its box (${Math.round(ctx.measureText(shown).width)} > ${Math.round(room)})` });
      } else if (el.scrollWidth > el.clientWidth + 1 && clips(style)) out.push({ selector: sel, text: shown, why: `wider than its box (${el.scrollWidth} > ${el.clientWidth})` });
      else if (el.scrollHeight > el.clientHeight + 1 && clips(style)) out.push({ selector: sel, text: shown, why: `taller than its box (${el.scrollHeight} > ${el.clientHeight})` });
      const r = el.getBoundingClientRect();
      for (let a = el.parentElement; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (!clips(s) || (a.scrollHeight > a.clientHeight + 1 && (s.overflowY === 'auto' || s.overflowY === 'scroll'))) continue;
        const ar = a.getBoundingClientRect();
        if (r.right > ar.right + 1 || r.bottom > ar.bottom + 1 || r.left < ar.left - 1 || r.top < ar.top - 1) {
          out.push({ selector: sel, text: shown, why: `cut off by ${a.className || a.tagName}` });
          break;
        }
      }
      // A page that cannot scroll (the hall's displays) must show everything on the screen.
      if ((r.right > innerWidth + 1 || r.bottom > innerHeight + 1) && getComputedStyle(document.body).overflow === 'hidden') out.push({ selector: sel, text: shown, why: 'off the screen' });
    }
    return out;
  }, selector);
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function boxOf(page: Page, selector: string): Promise<Box> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on the screen`);
  return box;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
