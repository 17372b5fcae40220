// One big figure with its name, as managers glance at them on the dashboard.
export function Kpi(props: { label: string; value: string; sub?: string | undefined; tone?: 'plain' | 'blue' | 'green' | 'red'; id: string }) {
  return (
    <div class={`kpi ${props.tone ?? 'plain'}`} data-kpi={props.id}>
      <div class="kpi-label">{props.label}</div>
      <div class="kpi-value">{props.value}</div>
      {props.sub && <div class="kpi-sub">{props.sub}</div>}
    </div>
  );
}
