import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import React, { useEffect, useRef } from 'react';

/**
 * Markdown rendered by JupyterLab's own rendermime: sanitised (untrusted), theme-aware. Text that
 * a user typed is never put into the DOM as HTML by this extension itself.
 */
export function Markdown(props: {
  rendermime: IRenderMimeRegistry;
  source: string;
}): JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = host.current;
    if (!node) {
      return;
    }
    const renderer = props.rendermime.createRenderer('text/markdown');
    const model = props.rendermime.createModel({
      data: { 'text/markdown': props.source },
      trusted: false
    });
    void renderer.renderModel(model).then(() => {
      node.replaceChildren(renderer.node);
    });
    return () => renderer.dispose();
  }, [props.source, props.rendermime]);
  return <div className="jp-GovExt-markdown" ref={host} />;
}
