// A chart.js chart on a canvas of fixed size: the same picture on screen and on paper.
// Only the pieces these charts use are registered, to keep the page small.
import { useEffect, useRef } from 'preact/hooks';
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Tooltip, Legend);
Chart.defaults.font.family = "'Be Vietnam Pro', system-ui, sans-serif";
Chart.defaults.color = '#14213d';

export function ChartCanvas(props: { config: ChartConfiguration; width: number; height: number; label: string; id: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      ...props.config,
      options: {
        ...props.config.options,
        responsive: false,
        // Drawn at twice the size so the printed page stays sharp.
        devicePixelRatio: 2,
        animation: false,
      },
    });
    return () => chart.destroy();
  }, [props.config]);
  return (
    <figure class="chart" style={{ width: `${props.width}px` }}>
      <figcaption>{props.label}</figcaption>
      <canvas ref={canvas} width={props.width} height={props.height} style={{ width: `${props.width}px`, height: `${props.height}px` }} role="img" aria-label={props.label} data-chart={props.id} />
    </figure>
  );
}
