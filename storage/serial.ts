/**
 * Runs async tasks one at a time, in call order. The SQLite adapter holds it for a whole transaction,
 * so that no other caller's statement runs on the connection between BEGIN and COMMIT.
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.then(() => undefined, () => undefined);
    return result;
  }
}
