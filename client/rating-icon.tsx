// The face of a rating level. The usual faces are drawn here because many kiosk tablets and
// Linux boxes have no colour-emoji font and would show an empty box; any other icon a
// centre configures is shown as text.
type Mouth = 'grin' | 'smile' | 'flat' | 'frown' | 'angry';

const mouthOf: Record<string, Mouth> = {
  '😄': 'grin', '😀': 'grin', '😃': 'grin', '😁': 'grin',
  '🙂': 'smile', '😊': 'smile',
  '😐': 'flat', '😶': 'flat',
  '🙁': 'frown', '☹️': 'frown', '☹': 'frown', '😞': 'frown', '😟': 'frown',
  '😠': 'angry', '😡': 'angry',
};

const mouths: Record<Mouth, string> = {
  grin: 'M28 56 Q50 84 72 56 Z',
  smile: 'M31 60 Q50 76 69 60',
  flat: 'M33 64 L67 64',
  frown: 'M31 70 Q50 55 69 70',
  angry: 'M31 72 Q50 58 69 72',
};

export function RatingIcon(props: { icon: string }) {
  const mouth = mouthOf[props.icon.trim()];
  if (!mouth)
    return (
      <span class="rating-icon" aria-hidden="true">
        {props.icon}
      </span>
    );
  return (
    <svg class="rating-icon rating-face" data-mouth={mouth} viewBox="0 0 100 100" role="img" aria-hidden="true">
      <circle cx="50" cy="50" r="46" fill="#f9c846" stroke="#14213d" stroke-width="4" />
      <ellipse cx="36" cy="40" rx="5" ry="7" fill="#14213d" />
      <ellipse cx="64" cy="40" rx="5" ry="7" fill="#14213d" />
      {mouth === 'angry' && <path d="M26 28 L42 34 M74 28 L58 34" stroke="#14213d" stroke-width="4" stroke-linecap="round" />}
      <path
        d={mouths[mouth]}
        fill={mouth === 'grin' ? '#14213d' : 'none'}
        stroke="#14213d"
        stroke-width="5"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
