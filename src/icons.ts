import { LabIcon } from '@jupyterlab/ui-components';

/** A ballot box: the Governance panel's tab icon. Colours follow the theme's icon classes. */
const svgstr = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 24 24">
  <g class="jp-icon3" fill="#616161">
    <path d="M3 13h18v8H3z M5 15v4h14v-4z"/>
    <path d="M8 3h8v9H8z M10 5v5h4V5z"/>
    <path d="M6 11h2v2H6z M16 11h2v2h-2z"/>
  </g>
</svg>`;

export const governanceIcon = new LabIcon({
  name: 'jupyter-gov-ext:governance',
  svgstr
});

/** Two arrows, down and up: pull then push (the Sync command). */
export const syncIcon = new LabIcon({
  name: 'jupyter-gov-ext:sync',
  svgstr: `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 24 24">
  <g class="jp-icon3" fill="#616161">
    <path d="M7 3h2v12h3l-4 5-4-5h3z"/>
    <path d="M15 21h2V9h3l-4-5-4 5h3z"/>
  </g>
</svg>`
});
