/** A Storage of its own, e.g. the sessionStorage of another tab; `failing` throws like a disabled one. */
export class MemoryStorage implements Storage {
  #items = new Map<string, string>();

  constructor(private readonly failing = false) {}

  get length(): number {
    return this.#items.size;
  }

  clear(): void {
    this.#check();
    this.#items.clear();
  }

  getItem(key: string): string | null {
    this.#check();
    return this.#items.get(key) ?? null;
  }

  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }

  removeItem(key: string): void {
    this.#check();
    this.#items.delete(key);
  }

  setItem(key: string, value: string): void {
    this.#check();
    this.#items.set(key, String(value));
  }

  #check() {
    if (this.failing) throw new DOMException('The operation is insecure.', 'SecurityError');
  }
}
