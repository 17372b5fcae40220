import type { CentreConfig } from '@protocol/config';
import { kioskTexts as t } from './texts';

type Category = CentreConfig['priorityCategories'][number];

export function PriorityPicker(props: { categories: Category[]; onChoose: (c: Category) => void; onBack: () => void }) {
  return (
    <section class="kiosk-panel priority-picker">
      <h1>{t.priorityTitle}</h1>
      <p class="kiosk-lead">{t.priorityIntro}</p>
      <div class="priority-grid">
        {props.categories.map((c) => (
          <button key={c.id} class="priority-choice" data-category={c.id} onClick={() => props.onChoose(c)}>
            {c.name}
          </button>
        ))}
      </div>
      <button class="kiosk-back" onClick={props.onBack}>
        ← {t.back}
      </button>
    </section>
  );
}
