import { IStateDB } from '@jupyterlab/statedb';
import { ReadonlyJSONObject } from '@lumino/coreutils';

/**
 * A half-filled form, kept in JupyterLab's state DB so that it survives a reload: the document
 * that shows the form reads it back when it is restored.
 */
export class SavedDraft<T extends object> {
  constructor(
    private readonly state: IStateDB | null,
    private readonly key: string,
    private readonly empty: () => T
  ) {
    this._value = empty();
  }

  get value(): T {
    return this._value;
  }

  /** The saved draft (merged over an empty one, so fields added since are present). */
  async load(): Promise<T> {
    const saved = (await this.state?.fetch(this.key)) as Partial<T> | undefined;
    // The empty draft is made now, not at start: its defaults may come from the repo's status.
    this._value = {
      ...this.empty(),
      ...(saved && typeof saved === 'object' ? saved : {})
    };
    return this._value;
  }

  set(value: T): void {
    this._value = value;
    void this.state?.save(this.key, value as unknown as ReadonlyJSONObject);
  }

  clear(): void {
    this.set(this.empty());
  }

  private _value: T;
}
