// The managers' notice, scrolling along the bottom of the screen.
export function NoticeMarquee({ text }: { text: string }) {
  if (!text.trim()) return null;
  // Roughly constant reading speed whatever the length of the notice.
  const seconds = Math.max(15, Math.round(text.length / 6));
  return (
    <footer class="notice" aria-label={text}>
      <div class="notice-track" style={{ animationDuration: `${seconds}s` }} aria-hidden="true">
        {text}
      </div>
    </footer>
  );
}
