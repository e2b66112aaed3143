import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { ReadonlyJSONObject } from '@lumino/coreutils';
import React, { useEffect, useRef } from 'react';

/**
 * Content drawn by JupyterLab's own rendermime for its MIME type (Markdown, a Vega-Lite chart):
 * sanitised (untrusted), theme-aware. Text that a user typed is never put into the DOM as HTML by
 * this extension itself.
 */
export function Rendered(props: {
  rendermime: IRenderMimeRegistry;
  mimeType: string;
  data: string | ReadonlyJSONObject;
  className: string;
  label?: string;
}): JSX.Element | null {
  const host = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(props.data);
  useEffect(() => {
    const node = host.current;
    if (!node || !props.rendermime.mimeTypes.includes(props.mimeType)) {
      return;
    }
    const renderer = props.rendermime.createRenderer(props.mimeType);
    const model = props.rendermime.createModel({
      data: { [props.mimeType]: props.data },
      trusted: false
    });
    void renderer.renderModel(model).then(() => {
      node.replaceChildren(renderer.node);
    });
    return () => renderer.dispose();
  }, [key, props.mimeType, props.rendermime]);
  if (!props.rendermime.mimeTypes.includes(props.mimeType)) {
    return null;
  }
  return (
    <div
      className={props.className}
      ref={host}
      role={props.label ? 'img' : undefined}
      aria-label={props.label}
    />
  );
}

/** Markdown through rendermime. */
export function Markdown(props: {
  rendermime: IRenderMimeRegistry;
  source: string;
}): JSX.Element | null {
  return (
    <Rendered
      rendermime={props.rendermime}
      mimeType="text/markdown"
      data={props.source}
      className="jp-GovExt-markdown"
    />
  );
}
