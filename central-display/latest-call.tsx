// "MỜI CÔNG DÂN CÓ SỐ 1005 ĐẾN QUẦY 3": the newest call, flashing while it is fresh.
import type { CentreConfig } from '@protocol/config';
import type { CallRecord } from '@protocol/queue';
import { counterSubtitle } from '@client/counter-names';
import { texts as t } from './texts';

export function LatestCall(props: { call: CallRecord | undefined; config: CentreConfig; fresh: boolean }) {
  const { call, config } = props;
  if (!call) {
    return (
      <section class="latest-call idle">
        <div class="latest-invite">{t.noCallYet}</div>
        <div class="latest-hint">{t.noCallYetHint}</div>
      </section>
    );
  }
  const counterName = config.counters.find((c) => c.id === call.counterId)?.name ?? '';
  return (
    // The key restarts the flash for each new call or recall.
    <section key={call.seq} class={`latest-call${props.fresh ? ' fresh' : ''}`} data-latest-label={call.label} data-latest-counter={call.counterId}>
      <div class="latest-invite">{t.invite}</div>
      <div class="latest-label">{call.label}</div>
      <div class="latest-counter">
        {t.toCounter} <span class="latest-counter-id">{call.counterId}</span>
      </div>
      <div class="latest-counter-name">{counterSubtitle(counterName, call.counterId)}</div>
    </section>
  );
}
