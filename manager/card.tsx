// A white panel with a title, the building block of every page.
import type { ComponentChildren } from 'preact';

export function Card(props: { title?: string; intro?: string; actions?: ComponentChildren; children: ComponentChildren; class?: string }) {
  return (
    <section class={`card${props.class ? ` ${props.class}` : ''}`}>
      {(props.title || props.actions) && (
        <header class="card-head">
          {props.title && <h2>{props.title}</h2>}
          {props.actions && <div class="card-actions">{props.actions}</div>}
        </header>
      )}
      {props.intro && <p class="card-intro">{props.intro}</p>}
      {props.children}
    </section>
  );
}
